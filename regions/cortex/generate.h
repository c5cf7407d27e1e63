// Inference for the cortex: one sequence (batch 1) run one token at a time with a KV cache, in
// the manner of llama2.c's run.c, and the generation loop that samples a reply from a prompt.
//
// At batch 1 a token reads every weight once for one multiply-add, so the speed is how fast the
// weights stream in (8.5 MB float32 at the default shape, from the L3 cache). Hence:
//   - InferenceWeights: a copy of the parameters rearranged once for that stream: the matrices
//     in kernels.h's panel layout, q/k/v of a head fused into one matrix and the SwiGLU gate and
//     up projections interleaved into another, so each is one pass over the input; optionally
//     in IEEE half precision (half the bytes, converted to float in the kernel with F16C).
//   - InferenceState: the KV cache and the step, whose matrix products are split between the
//     threads of a SpinTeam (spin_team.h): by attention head (q/k/v, attention, each head's
//     share of wo) and by chunk of SwiGLU rows (w1/w3 and that chunk's share of w2), two
//     barriers per layer, and by panel of vocabulary rows for the tied head.
// Every reduction is over fixed chunks (one per head: wo's and w2's products are summed chunk
// by chunk, in chunk order), never over a thread's share, so the logits are bit-identical for
// every thread count.
//
// Accuracy. With float32 weights the step's logits equal Model::forward's for the same prefix
// up to float rounding of a different summation order (tests check 1e-4 on a tiny model). With
// half weights each weight is rounded to 11 significant bits (relative error ≤ 2⁻¹¹ ≈ 4.9e-4);
// activations, the KV cache and every sum stay float32. Tests bound the logits' error relative
// to their spread and check that greedy decoding of a trained model is unchanged.
//
// What it is not: no batching of sequences, no training (model.h), no tokenizer: tokens in,
// tokens out. The decoding controls are in sampler.h. Dimension legend in config.h.
#pragma once

#include <cstddef>
#include <memory>
#include <vector>

#include "cortex/config.h"
#include "cortex/kernels.h"
#include "cortex/model.h"
#include "cortex/sampler.h"

namespace brainhost::regions::cortex {


enum class WeightFormat {
  kFloat32,  // exact: the step equals the float forward to rounding
  kFloat16,  // IEEE half: half the bytes to stream per token, about 1.8× the speed
};

// The network's weights rearranged for the step (see the top of this file). Built once from a
// Parameters<float>, which it copies: the parameters may change or go away afterwards (a state
// built on these weights then keeps using the copy). Immutable once built, so any number of
// InferenceStates, on any threads, may share one.
//
// The units of work are CHUNKS, one per attention head: chunk c is head c, and also the SwiGLU
// rows [hidden_begin[c], hidden_begin[c + 1]) (boundaries at multiples of 8).
struct InferenceWeights {
  // REQUIRES: cfg.valid(), params pointed for cfg.
  InferenceWeights(const Parameters<float>& params, const Config& cfg,
                   WeightFormat format = WeightFormat::kFloat32);

  // The bytes of matrices one step streams (every packed matrix once).
  std::size_t matrix_bytes() const;

  // The packed matrices of a format, base pointer. REQUIRES: W is the format's type (float or
  // Half).
  template <typename W>
  const W* packed() const;

  Config config;
  WeightFormat format;
  int chunks;                     // NH
  std::vector<int> hidden_begin;  // (chunks + 1) the SwiGLU rows of each chunk
  // Float32 copies of what is read a row or a vector at a time.
  std::vector<float> wte;         // (V, C) the embedding (the head is packed below)
  std::vector<float> rms_att;     // (L, C)
  std::vector<float> rms_ffn;     // (L, C)
  std::vector<float> rms_final;   // (C)
  // Offsets into the packed buffer (in elements), per layer and chunk, index l · chunks + c:
  std::vector<std::size_t> qkv;   // (3 HS, C)   head c's rows of wq, then wk, then wv
  std::vector<std::size_t> wo;    // (C, HS)     the columns of wo that read head c
  std::vector<std::size_t> w13;   // (2 R8, C)   chunk c's rows of w1 and w3, by groups of 8:
                                  //             8 rows of w1, the same 8 of w3, ... (R8: the
                                  //             chunk's rows rounded up to 8)
  std::vector<std::size_t> w2;    // (C, rows)   the columns of w2 that read chunk c's rows
  std::size_t head = 0;           // (V, C)      the tied head, wte
  std::vector<float> packed_f32;  // the packed matrices when format is kFloat32, else empty
  std::vector<Half> packed_f16;   // the same when format is kFloat16, else empty
};

// How an InferenceState runs.
struct InferenceOptions {
  WeightFormat weights = WeightFormat::kFloat32;
  int threads = 0;  // 0: one per hardware thread. At most NH are used (a chunk is indivisible).
};

// The state of one sequence being decoded: the keys and values of every position so far,
// per-thread scratch for one token, and the team of threads that runs the step. Not copyable;
// movable. One thread at a time may call step().
class InferenceState {
 public:
  // Builds its own InferenceWeights from params (which it copies: they need not outlive the
  // state). REQUIRES: cfg.valid(), params pointed for cfg.
  InferenceState(const Parameters<float>& params, const Config& cfg,
                 const InferenceOptions& options = {});
  // Shares weights (built once, e.g. for many replies or sessions). threads as in
  // InferenceOptions.
  explicit InferenceState(std::shared_ptr<const InferenceWeights> weights, int threads = 0);
  ~InferenceState();
  InferenceState(InferenceState&&) noexcept;
  InferenceState& operator=(InferenceState&&) noexcept;

  // Runs token at position pos through the network, storing its key and value at pos in the
  // cache and attending over positions [0, pos]. Returns the logits (V), valid until the next
  // step(). REQUIRES: 0 ≤ pos < context, positions 0 .. pos − 1 stepped before (in any earlier
  // calls: stepping pos again overwrites it and forgets what came after), token in [0, V).
  const float* step(int token, int pos);

  // The last step's final hidden state (C): the last layer's output after the final RMSNorm,
  // i.e. the vector the tied head multiplies by wteᵀ. What the cortex publishes on the blackboard.
  const float* hidden() const;
  const float* logits_data() const { return logits_; }

  int threads() const;  // the threads the step runs on (≥ 1, ≤ NH)
  const InferenceWeights& weights() const { return *weights_; }

  Config config;

 private:
  struct Impl;
  std::shared_ptr<const InferenceWeights> weights_;
  std::unique_ptr<Impl> impl_;
  float* logits_ = nullptr;  // (round_up(V, 8)) inside impl_
};

// Generates up to options.max_tokens tokens after prompt: steps the prompt through state from
// position 0 (overwriting what its cache held), then samples (sampler.h, with logit_bias (V) or
// nullptr) and feeds each token back. Stops before a token in stop_tokens (it is not returned),
// at max_tokens, or when prompt + reply fill the context. A prompt longer than context − 1 keeps
// only its last context − 1 tokens, so that there is room for at least one reply token. Returns
// the generated tokens. REQUIRES: prompt non-empty, every token in [0, V).
std::vector<int> generate(InferenceState& state, const std::vector<int>& prompt,
                          const SamplingOptions& options, const std::vector<int>& stop_tokens = {},
                          const float* logit_bias = nullptr);
// The same with a fresh InferenceState over params (float32 weights, one thread per hardware
// thread): convenient, but it rearranges the weights and starts threads on every call.
std::vector<int> generate(const Parameters<float>& params, const Config& cfg,
                          const std::vector<int>& prompt, const SamplingOptions& options,
                          const std::vector<int>& stop_tokens = {},
                          const float* logit_bias = nullptr);
std::vector<int> generate(const Model<float>& model, const std::vector<int>& prompt,
                          const SamplingOptions& options, const std::vector<int>& stop_tokens = {},
                          const float* logit_bias = nullptr);

}  // namespace brainhost::regions::cortex
