// The cortex's decoding controls: turning one step's logits (V) into the next token. A Sampler
// applies, in THIS order (the order is part of the contract, and tests rely on it):
//   1. logit bias         logits += bias (V), an additive vote other regions write (the hippo's)
//   2. repetition penalty for each distinct token already generated: a positive logit is divided
//                         by the penalty, a negative one multiplied (CTRL / llama.cpp), so a
//                         penalty > 1 always makes the token less likely
//   3. frequency penalty  logits −= frequency_penalty · (times the token was generated)
//   4. n-gram blocking    with no_repeat_ngram = n > 0, every token that would complete an n-gram
//                         already present in the generated tokens gets −∞
//   5. temperature        logits /= temperature; temperature 0 stops here and takes the argmax
//   6. top-k              keep the k largest (k ≤ 0 or k ≥ V: keep all)
//   7. top-p              of those, keep the smallest prefix (by probability, descending) whose
//                         mass reaches top_p (≥ 1: keep all)
//   8. the draw           one uniform double u ∈ [0, 1) from the Sampler's mt19937_64, mapped onto
//                         the kept probabilities' cumulative sum
// Steps 1–4 change the logits in place (process()); 5–8 only read them (choose()).
//
// Reproducible everywhere: the generator is std::mt19937_64, whose output the standard fixes, and
// the uniform double is ours ((bits >> 11) · 2⁻⁵³), not std::uniform_real_distribution, whose
// algorithm differs between standard libraries. Ties in every ordering break towards the lower
// token id, so the candidate order does not depend on the sort implementation.
//
// What it is not: no model, no KV cache (generate.h), no beam search. "Generated so far" means
// the tokens this reply produced, not the prompt: penalising the prompt would stop the reply from
// repeating the user's own words (a name they just gave), which a conversation needs.
#pragma once

#include <cstdint>
#include <random>
#include <span>
#include <vector>

namespace brainhost::regions::cortex {

struct SamplingOptions {
  float temperature = 0.8f;         // 0: greedy argmax
  int top_k = 40;                   // ≤ 0: no top-k
  float top_p = 0.95f;              // ≥ 1: no top-p
  float repetition_penalty = 1.1f;  // 1: none
  float frequency_penalty = 0.0f;   // 0: none
  int no_repeat_ngram = 0;          // 0: none
  int max_tokens = 64;              // the most tokens one generate() returns
  std::uint64_t seed = 1;           // seeds the draw; the same seed gives the same tokens
};

class Sampler {
 public:
  // vocab = V, the length of every logits and bias array passed in.
  Sampler(const SamplingOptions& options, int vocab);

  // Steps 1–4 on logits (V), in place. generated: the tokens generated so far (in order).
  // logit_bias: (V) or nullptr.
  void process(float* logits, std::span<const int> generated, const float* logit_bias) const;

  // Steps 5–8 on already processed logits (V): returns the token. Advances the generator unless
  // the choice is greedy (temperature 0) or only one candidate is left.
  int choose(const float* logits);

  // process() then choose(). Overwrites logits.
  int sample(float* logits, std::span<const int> generated, const float* logit_bias);

  // A uniform double in [0, 1) from the generator, the same on every platform.
  double uniform();

  const SamplingOptions& options() const { return options_; }

 private:
  SamplingOptions options_;
  int vocab_;                   // V
  std::mt19937_64 rng_;
  std::vector<int> order_;      // (V) scratch: candidate token ids, best first
  std::vector<double> probs_;   // (V) scratch: their unnormalised probabilities
};

// The index of the largest of x (n), the lowest such index on ties.
int argmax(const float* x, int n);

}  // namespace brainhost::regions::cortex
