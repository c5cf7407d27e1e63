// The cortex's shape: a decoder-only, Llama-style transformer (RMSNorm, rotary positions,
// SwiGLU, an embedding tied with the output head), and the layout of its parameters in one
// flat buffer. This file is only arithmetic on the shape: it allocates nothing and knows no
// scalar type. The tensors themselves are in model.h, the ops in layers.h.
//
// Dimension legend, used in every shape comment under regions/cortex:
//   B  batch size (sequences per step)      T  sequence length (<= context)
//   C  model width (Config::dim)            V  vocabulary size
//   L  number of layers                     NH number of attention heads
//   HS head size = C / NH                   H  SwiGLU hidden width (Config::hidden)
//   N  rows of a flattened (B, T) batch, N = B * T
// Matrices are row-major; a weight that maps C inputs to OC outputs is stored (OC, C), so a
// linear layer computes out = inp · Wᵀ (as llm.c and llama2.c do).
#pragma once

#include <array>
#include <cstddef>
#include <string_view>

namespace brainhost::regions::cortex {

struct Config {
  int vocab = 4096;    // V
  int dim = 128;       // C
  int layers = 8;      // L
  int heads = 4;       // NH; must divide dim, and head_size must be even (RoPE rotates pairs)
  int hidden = 352;    // H = default_hidden(dim): 8/3 · C rounded up to a multiple of 32
  int context = 256;   // the longest T the model is trained and run at

  int head_size() const { return dim / heads; }  // HS

  // 8/3 · dim rounded up to a multiple of 32 (Llama's SwiGLU width, 352 for dim 128).
  static int default_hidden(int dim) { return (8 * dim / 3 + 31) / 32 * 32; }

  bool operator==(const Config&) const = default;

  // True when the shape is usable: everything positive, NH divides C, HS even.
  bool valid() const;
};

// The parameter tensors in their order in the flat buffer. The order and layout are llama2.c's
// (wte, rms_att, wq, wk, wv, wo, rms_ffn, w1, w2, w3, rms_final), so its checkpoints map onto
// ours tensor by tensor.
enum ParameterTensor : int {
  kWte,       // (V, C)     token embedding; also the output head (logits = x · wteᵀ)
  kRmsAtt,    // (L, C)     RMSNorm gain before attention
  kWq,        // (L, C, C)  query projection
  kWk,        // (L, C, C)  key projection
  kWv,        // (L, C, C)  value projection
  kWo,        // (L, C, C)  attention output projection
  kRmsFfn,    // (L, C)     RMSNorm gain before the MLP
  kW1,        // (L, H, C)  SwiGLU gate projection
  kW2,        // (L, C, H)  SwiGLU down projection
  kW3,        // (L, H, C)  SwiGLU up projection
  kRmsFinal,  // (C)        final RMSNorm gain
  kNumParameterTensors
};

inline constexpr std::array<std::string_view, kNumParameterTensors> kParameterNames = {
    "wte", "rms_att", "wq", "wk", "wv", "wo", "rms_ffn", "w1", "w2", "w3", "rms_final"};

// Number of scalars in each parameter tensor, in buffer order.
std::array<std::size_t, kNumParameterTensors> parameter_sizes(const Config& cfg);

// Total number of parameters (2,132,096 for the default shape).
std::size_t parameter_count(const Config& cfg);

// Whether AdamW's weight decay applies to a tensor: the matrices yes, the RMSNorm gains no.
bool is_decayed(ParameterTensor t);

// Multiply-adds ×2 for one trained token (forward + backward, 3× forward) at sequence length T,
// counting only the causal (lower-triangle) half of the attention products, i.e. the useful
// work, not what the kernels happen to compute. Used to report GFLOP/s.
double training_flops_per_token(const Config& cfg, int T);

}  // namespace brainhost::regions::cortex
