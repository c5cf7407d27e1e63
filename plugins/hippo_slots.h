// The blackboard slots the hippo writes for the regions after it (plugins/hippo). For the
// memories it selected this turn, M of them (the tokens of the one user turn that matches the
// question), C the cortex width and V its vocabulary:
//
//   hippo.keys        tensor f32 (M, C)  each memory's key, carried back into the cortex's
//                                        hidden space: the attention score of memory i at a
//                                        hidden state h after token x is keys[i]·h / rms(h) +
//                                        key_bias[i] + copy·[tokens[i] = x]
//   hippo.key_bias    tensor f32 (M)     the query-free part of each score (surprise, recency)
//   hippo.tokens      tensor i32 (M)     each memory's own token
//   hippo.targets     tensor i32 (M)     the token each memory votes for: the one that followed it
//   hippo.copy        signal             the score added where a memory's own token is the one
//                                        just said (the copy chain)
//   hippo.sink        signal             the score of abstaining (no memory fits this position)
//   hippo.gain        signal             a vote's size in logits: bias[targets[i]] += gain·p_i
//   hippo.match       signal             how well the selected turn matches the question, on the
//                                        episodic store's scale (episodic/retriever.h)
//
// The cortex reads the memory at every reply token, with its own hidden state as the query
// (cortex_region.h's LogitHook): that is how a multi-token value is copied whole, each copied
// token's state finding the memory of itself and voting its successor.
#ifndef BRAINHOST_PLUGINS_HIPPO_SLOTS_H
#define BRAINHOST_PLUGINS_HIPPO_SLOTS_H

namespace brainhost::plugins {

inline constexpr char kHippoKeys[] = "hippo.keys";
inline constexpr char kHippoKeyBias[] = "hippo.key_bias";
inline constexpr char kHippoTokens[] = "hippo.tokens";
inline constexpr char kHippoTargets[] = "hippo.targets";
inline constexpr char kHippoCopy[] = "hippo.copy";
inline constexpr char kHippoSink[] = "hippo.sink";
inline constexpr char kHippoGain[] = "hippo.gain";
inline constexpr char kHippoMatch[] = "hippo.match";

}  // namespace brainhost::plugins

#endif  // BRAINHOST_PLUGINS_HIPPO_SLOTS_H
