// Shape arithmetic for the cortex: tensor sizes, parameter count, FLOP count. See config.h.
#include "cortex/config.h"

namespace brainhost::regions::cortex {

bool Config::valid() const {
  return vocab > 0 && dim > 0 && layers > 0 && heads > 0 && hidden > 0 && context > 0 &&
         dim % heads == 0 && head_size() % 2 == 0;
}

std::array<std::size_t, kNumParameterTensors> parameter_sizes(const Config& cfg) {
  const std::size_t V = cfg.vocab, C = cfg.dim, L = cfg.layers, H = cfg.hidden;
  return {V * C,      // wte
          L * C,      // rms_att
          L * C * C,  // wq
          L * C * C,  // wk
          L * C * C,  // wv
          L * C * C,  // wo
          L * C,      // rms_ffn
          L * H * C,  // w1
          L * C * H,  // w2
          L * H * C,  // w3
          C};         // rms_final
}

std::size_t parameter_count(const Config& cfg) {
  std::size_t n = 0;
  for (std::size_t s : parameter_sizes(cfg)) n += s;
  return n;
}

bool is_decayed(ParameterTensor t) {
  return t != kRmsAtt && t != kRmsFfn && t != kRmsFinal;
}

double training_flops_per_token(const Config& cfg, int T) {
  const double V = cfg.vocab, C = cfg.dim, L = cfg.layers, H = cfg.hidden;
  // Forward multiply-adds per token: per layer the four C×C projections, the three SwiGLU
  // matrices and the two causal attention products (Q·Kᵀ and att·V over all heads, a token at
  // position t attending to t + 1 keys: (T + 1) / 2 on average), then the tied head. Backward
  // costs twice the forward. About 14.3 MFLOP per token for the default shape at T = 256.
  const double per_layer = 4 * C * C + 3 * H * C + 2 * C * (T + 1) / 2.0;
  const double forward_macs = L * per_layer + V * C;
  return 2.0 * 3.0 * forward_macs;
}

}  // namespace brainhost::regions::cortex
