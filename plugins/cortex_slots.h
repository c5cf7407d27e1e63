// The blackboard slots the cortex publishes for the regions after it, and how the memory
// plugins read its surprise. For the user's line of the turn, with n its cortex tokens, C the
// cortex width and W the number of words of language/tokenizer.h's Tokenize(line):
//
//   cortex.tokens         tensor i32 (n)     the token ids
//   cortex.surprise       tensor f32 (n)     −ln p(token | the conversation before it), nats
//   cortex.hidden         tensor f32 (n, C)  the final hidden state at each token
//   cortex.token_words    tensor i32 (n)     the index of each token's word, or −1
//   cortex.word_surprise  tensor f32 (W)     per word, the sum of its tokens' surprise; unset
//                                            when the line was too long to read whole
//   cortex.mean_surprise  signal             the mean of cortex.surprise
//
// and the slot it reads while generating, written by a region before it:
//
//   hippo.logit_bias      tensor f32 (V)     added to the logits of every reply token
#ifndef BRAINHOST_PLUGINS_CORTEX_SLOTS_H
#define BRAINHOST_PLUGINS_CORTEX_SLOTS_H

#include <brainhost/region.hpp>

#include <cstdint>
#include <initializer_list>
#include <optional>
#include <vector>

namespace brainhost::plugins {

inline constexpr char kCortexTokens[] = "cortex.tokens";
inline constexpr char kCortexSurprise[] = "cortex.surprise";
inline constexpr char kCortexHidden[] = "cortex.hidden";
inline constexpr char kCortexTokenWords[] = "cortex.token_words";
inline constexpr char kCortexWordSurprise[] = "cortex.word_surprise";
inline constexpr char kCortexMeanSurprise[] = "cortex.mean_surprise";
inline constexpr char kHippoLogitBias[] = "hippo.logit_bias";

// A tensor descriptor over data, borrowed, for Turn::set_tensor (the cortex's and the hippo's).
inline bh_tensor Tensor(bh_dtype dtype, const void* data, std::initializer_list<int64_t> shape) {
  bh_tensor t{};
  t.struct_size = sizeof(bh_tensor);
  t.dtype = dtype;
  t.ndim = static_cast<uint32_t>(shape.size());
  size_t i = 0;
  for (int64_t d : shape) t.shape[i++] = d;
  t.data = data;
  return t;
}

// The cortex's per-word surprise of this turn's line, or nullopt when no cortex published one
// (the memory regions then rank words by the unigram model). The regions also check that it
// has one value per word.
inline std::optional<std::vector<double>> CortexWordSurprise(const sdk::Turn& turn) {
  std::optional<bh_tensor> t = turn.tensor(kCortexWordSurprise);
  if (!t || t->dtype != BH_DTYPE_F32 || t->ndim != 1 || t->shape[0] < 0 || t->data == nullptr) {
    return std::nullopt;
  }
  const float* values = static_cast<const float*>(t->data);
  return std::vector<double>(values, values + t->shape[0]);
}

}  // namespace brainhost::plugins

#endif  // BRAINHOST_PLUGINS_CORTEX_SLOTS_H
