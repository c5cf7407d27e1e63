// The blackboard slots the hippo writes for the regions after it (plugins/hippo). For the
// memories it selected this turn, M of them (the tokens of the user turns that match the
// question), K the length of their values' list and C the cortex width:
//
//   hippo.keys        tensor f32 (M, C)  each memory's key, carried back into the cortex's
//                                        hidden space: the attention score of memory i at a
//                                        hidden state h after token x is keys[i]·h / rms(h) +
//                                        key_bias[i] + copy·[tokens[i] = x]
//   hippo.key_bias    tensor f32 (M)     the query-free part of each score (surprise, recency)
//   hippo.tokens      tensor i32 (M)     each memory's own token
//   hippo.value_of    tensor i32 (M)     where the value memory i belongs to starts in
//                                        hippo.values, or −1
//   hippo.values      tensor i32 (K)     the selected lines' values: each one's tokens, then −1
//   hippo.wrap_up     tensor i32 (W)     what a reply says after a recalled value ("." and the
//                                        newline that ends it)
//   hippo.copy        signal             the score added where a memory's own token is the one
//                                        just said (the copy chain)
//   hippo.sink        signal             the score of abstaining (no memory fits this position)
//   hippo.match       signal             how well the selected turn matches the question, on the
//                                        episodic store's scale (episodic/retriever.h)
//
// The memories are published only when some selected line has a value. The cortex reads them
// before every reply token, with its own hidden state as the query, and copies a value whole
// once the read settles on it, then wraps the reply up (hippo/hippo_read.h's Recall).
#ifndef BRAINHOST_PLUGINS_HIPPO_SLOTS_H
#define BRAINHOST_PLUGINS_HIPPO_SLOTS_H

namespace brainhost::plugins {

inline constexpr char kHippoKeys[] = "hippo.keys";
inline constexpr char kHippoKeyBias[] = "hippo.key_bias";
inline constexpr char kHippoTokens[] = "hippo.tokens";
inline constexpr char kHippoValueOf[] = "hippo.value_of";
inline constexpr char kHippoValues[] = "hippo.values";
inline constexpr char kHippoWrapUp[] = "hippo.wrap_up";
inline constexpr char kHippoCopy[] = "hippo.copy";
inline constexpr char kHippoSink[] = "hippo.sink";
inline constexpr char kHippoMatch[] = "hippo.match";

}  // namespace brainhost::plugins

#endif  // BRAINHOST_PLUGINS_HIPPO_SLOTS_H
