// The cortex model for training: parameters, activations and their gradients as structs of named
// tensors, each struct carved out of ONE contiguous allocation, and the forward pass with a
// cross-entropy loss and the hand-written backward pass over (B, T) token batches. Modelled on
// llm.c's GPT2 struct (train_gpt2.c). Dimension legend in config.h; the ops in layers.h.
//
// What it is not: no generation loop or KV cache (inference reuses the parameters through
// another path), no optimizer (optimizer.h), no file format, no threads. forward() computes the
// causal attention of every position over all earlier ones, as training needs.
//
// Templated on the scalar: Model<float> trains, Model<double> is for gradient checks.
#pragma once

#include <array>
#include <cstddef>
#include <cstdint>
#include <span>
#include <vector>

#include "cortex/config.h"

namespace brainhost::regions::cortex {

// The parameter tensors (order and shapes in config.h's ParameterTensor), as views into one
// buffer. The gradients use the same struct, pointing into a second buffer of the same size.
template <typename S>
struct Parameters {
  S* wte;        // (V, C)     token embedding, tied with the output head
  S* rms_att;    // (L, C)     RMSNorm gain before attention
  S* wq;         // (L, C, C)
  S* wk;         // (L, C, C)
  S* wv;         // (L, C, C)
  S* wo;         // (L, C, C)
  S* rms_ffn;    // (L, C)     RMSNorm gain before the MLP
  S* w1;         // (L, H, C)  SwiGLU gate
  S* w2;         // (L, C, H)  SwiGLU down
  S* w3;         // (L, H, C)  SwiGLU up
  S* rms_final;  // (C)

  // Points every tensor into memory (parameter_count(cfg) scalars), in buffer order.
  void point(S* memory, const Config& cfg);
};

// Everything the forward pass leaves behind, as views into one buffer sized for one (B, T).
// Each field says which backward reads it. The gradients of the activations use the same
// struct (the d-slots of rstd are unused; dlosses holds the per-position loss weights 1/N, and
// datt is scratch for the attention backward).
inline constexpr int kNumActivationTensors = 21;
template <typename S>
struct Activations {
  S* encoded;   // (B, T, C)        embedding output; read by layer 0's rmsnorm backward
  S* ln1;       // (L, B, T, C)     RMSNorm before attention; read by the q/k/v matmul backward
  S* ln1_rstd;  // (L, B, T)        read by rmsnorm backward
  S* q;         // (L, B, T, C)     rotated queries; read by attention backward
  S* k;         // (L, B, T, C)     rotated keys; read by attention backward
  S* v;         // (L, B, T, C)     values; read by attention backward
  S* att;       // (L, B, NH, T, T) softmax probabilities; read by attention backward
  S* atty;      // (L, B, T, C)     attention output before wo; read by the wo matmul backward
  S* attproj;   // (L, B, T, C)     after wo (kept for its gradient slot only)
  S* res1;      // (L, B, T, C)     residual + attproj; read by the MLP rmsnorm backward
  S* ln2;       // (L, B, T, C)     RMSNorm before the MLP; read by the w1/w3 matmul backward
  S* ln2_rstd;  // (L, B, T)        read by rmsnorm backward
  S* h1;        // (L, B, T, H)     x · w1ᵀ (gate); read by swiglu backward
  S* h3;        // (L, B, T, H)     x · w3ᵀ (up); read by swiglu backward
  S* hg;        // (L, B, T, H)     silu(h1) ∘ h3; read by the w2 matmul backward
  S* ffproj;    // (L, B, T, C)     after w2 (kept for its gradient slot only)
  S* res2;      // (L, B, T, C)     res1 + ffproj: the layer's output; read by the next layer
  S* lnf;       // (B, T, C)        final RMSNorm; read by the head's matmul backward
  S* lnf_rstd;  // (B, T)           read by rmsnorm backward
  S* logits;    // (B, T, V)        logits; overwritten by the softmax probabilities when there
                //                  are targets (read by cross-entropy backward)
  S* losses;    // (B, T)           −log p(target)

  // Points every tensor into memory (activation_count(cfg, B, T) scalars), in order.
  void point(S* memory, const Config& cfg, int B, int T);
};

// Number of scalars in each activation tensor, in struct order, and their sum.
std::array<std::size_t, kNumActivationTensors> activation_sizes(const Config& cfg, int B, int T);
std::size_t activation_count(const Config& cfg, int B, int T);

template <typename S>
struct Model {
  // REQUIRES: cfg.valid(). Parameters and gradients are zero until init().
  explicit Model(const Config& cfg);
  Model(const Model&) = delete;
  Model& operator=(const Model&) = delete;
  Model(Model&&) = default;  // vectors keep their buffers when moved, so the views stay valid
  Model& operator=(Model&&) = default;

  // Deterministic initialisation from seed (the same on every platform): matrices from
  // N(0, 0.02²), the residual projections wo and w2 from N(0, (0.02 / sqrt(2L))²), RMSNorm gains 1.
  void init(std::uint64_t seed);

  // Runs the network on tokens (B, T). With targets (B, T) it also computes the softmax and the
  // per-position losses and returns their mean; without (nullptr) it leaves the logits in
  // acts.logits and returns NaN. Caches the activations for backward().
  // REQUIRES: B ≥ 1, 1 ≤ T ≤ config.context, every token and target in [0, V).
  S forward(const int* tokens, const int* targets, int B, int T);

  // Sets every parameter gradient to zero.
  void zero_grad();

  // ACCUMULATES the gradient of the last forward's mean loss into grads (call zero_grad() first,
  // or not, to sum micro-batches). REQUIRES: the last forward() had targets.
  void backward();

  std::span<S> parameters() { return params_memory; }
  std::span<S> gradients() { return grads_memory; }

  Config config;
  Parameters<S> params;            // views into params_memory
  Parameters<S> grads;             // views into grads_memory, same layout
  std::vector<S> params_memory;    // (parameter_count(config))
  std::vector<S> grads_memory;     // (parameter_count(config))

  // Sized by the first forward() and again whenever (B, T) changes.
  int batch_size = 0, seq_len = 0;  // B, T of the cached activations
  Activations<S> acts;             // views into acts_memory
  Activations<S> grads_acts;       // views into grads_acts_memory, same layout
  std::vector<S> acts_memory;      // (activation_count(config, B, T))
  std::vector<S> grads_acts_memory;
  std::vector<int> last_tokens;    // (B, T) copy of the last forward's inputs
  std::vector<int> last_targets;   // (B, T) copy of its targets; empty without
  std::vector<S> rope_cos;         // (context, HS/2)
  std::vector<S> rope_sin;         // (context, HS/2)
  S mean_loss = 0;                 // of the last forward with targets

 private:
  void resize_activations(int B, int T);
};

extern template struct Model<float>;
extern template struct Model<double>;

}  // namespace brainhost::regions::cortex
