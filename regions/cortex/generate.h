// Inference for the cortex: one sequence (batch 1) run one token at a time with a KV cache, in
// the manner of llama2.c's run.c, and the generation loop that samples a reply from a prompt.
// step() reuses layers.h's ops and model.cc's RoPE table and conventions exactly, so its logits
// equal Model::forward's for the same prefix (to float rounding; a test checks 1e-4).
//
// What it is not: no batching, no threads, no training (model.h), no tokenizer: tokens in,
// tokens out. The decoding controls are in sampler.h. Dimension legend in config.h.
#pragma once

#include <vector>

#include "cortex/config.h"
#include "cortex/model.h"
#include "cortex/sampler.h"

namespace brainhost::regions::cortex {

// The state of one sequence being decoded: the keys and values of every position so far, and
// scratch for one token's activations. Holds a reference to the parameters: they must outlive it
// and must not change while it is in use (a changed weight would make the cache stale).
struct InferenceState {
  // REQUIRES: cfg.valid(), params pointed for cfg.
  InferenceState(const Parameters<float>& params, const Config& cfg);

  // Runs token at position pos through the network, storing its key and value at pos in the
  // cache and attending over positions [0, pos]. Returns the logits (V), valid until the next
  // step(). REQUIRES: 0 ≤ pos < context, positions 0 .. pos − 1 stepped before (in any earlier
  // calls: stepping pos again overwrites it and forgets what came after), token in [0, V).
  const float* step(int token, int pos);

  // The last step's final hidden state (C): the last layer's output after the final RMSNorm,
  // i.e. the vector the tied head multiplies by wteᵀ. What the cortex publishes on the blackboard.
  const float* hidden() const { return xf.data(); }
  const float* logits_data() const { return logits.data(); }

  const Parameters<float>& params;
  Config config;
  std::vector<float> key_cache;    // (L, context, C) rotated keys
  std::vector<float> value_cache;  // (L, context, C) values
  std::vector<float> rope_cos;     // (context, HS/2), the table Model builds
  std::vector<float> rope_sin;     // (context, HS/2)
  // Scratch for one token.
  std::vector<float> x;       // (C)  the residual stream
  std::vector<float> xb;      // (C)  RMSNorm output, then the attention output before wo
  std::vector<float> xb2;     // (C)  wo or w2 output before the residual add
  std::vector<float> q;       // (C)  rotated query
  std::vector<float> att;     // (NH, context) attention probabilities over positions ≤ pos
  std::vector<float> h1;      // (H)  gate x · w1ᵀ
  std::vector<float> h3;      // (H)  up x · w3ᵀ
  std::vector<float> hg;      // (H)  silu(h1) ∘ h3
  std::vector<float> xf;      // (C)  final RMSNorm output (hidden())
  std::vector<float> logits;  // (V)
  float rstd = 0;             // (1)  RMSNorm's cache slot, unused at inference
};

// Generates up to options.max_tokens tokens after prompt: steps the prompt through a fresh
// InferenceState, then samples (sampler.h, with logit_bias (V) or nullptr) and feeds each token
// back. Stops before a token in stop_tokens (it is not returned), at max_tokens, or when prompt +
// reply fill the context. A prompt longer than context − 1 keeps only its last context − 1
// tokens, so that there is room for at least one reply token. Returns the generated tokens.
// REQUIRES: prompt non-empty, every token in [0, V).
std::vector<int> generate(const Parameters<float>& params, const Config& cfg,
                          const std::vector<int>& prompt, const SamplingOptions& options,
                          const std::vector<int>& stop_tokens = {},
                          const float* logit_bias = nullptr);
std::vector<int> generate(const Model<float>& model, const std::vector<int>& prompt,
                          const SamplingOptions& options, const std::vector<int>& stop_tokens = {},
                          const float* logit_bias = nullptr);

}  // namespace brainhost::regions::cortex
