#include "hippo/hippo_read.h"

#include <algorithm>
#include <cmath>

namespace brainhost::regions::hippo {

PreparedMemory Prepare(const HippoModel<float>& model, const HippoInput<float>& memories) {
  const HippoConfig& cfg = model.config();
  const HippoParams<float>& p = model.p();
  const int C = cfg.C, D = cfg.D, M = memories.M;
  const float inv_sqrt_d = 1.0f / std::sqrt(static_cast<float>(D));
  PreparedMemory out;
  out.keys.assign(static_cast<std::size_t>(M) * C, 0.0f);
  out.key_bias.resize(M);
  out.tokens.assign(memories.tokens, memories.tokens + M);
  out.targets.assign(memories.targets, memories.targets + M);
  std::vector<float> k(D);
  for (int i = 0; i < M; i++) {
    const float* hi = memories.h + static_cast<std::size_t>(i) * C;
    const float ri = InverseRms(hi, C);
    for (int d = 0; d < D; d++) {  // k = Wk ĥ_i / √D
      const float* w = p.wk + static_cast<std::size_t>(d) * C;
      float acc = 0;
      for (int c = 0; c < C; c++) acc += w[c] * hi[c];
      k[d] = acc * ri * inv_sqrt_d;
    }
    float* key = out.keys.data() + static_cast<std::size_t>(i) * C;
    for (int d = 0; d < D; d++) {  // key = Wqᵀ k
      const float* w = p.wq + static_cast<std::size_t>(d) * C;
      for (int c = 0; c < C; c++) key[c] += k[d] * w[c];
    }
    out.key_bias[i] = *p.ws * memories.surprise[i] -
                      *p.wr * memories.age[i] / static_cast<float>(cfg.age_scale);
  }
  out.copy = *p.wc;
  out.sink = *p.sink;
  out.gain = *p.gain;
  return out;
}

void Vote(const MemoryView& memory, const float* hidden, int token, float* bias,
          std::vector<float>& probs) {
  const int M = memory.M, C = memory.C;
  probs.resize(M + 1);
  probs[M] = memory.sink;
  float mx = memory.sink;
  const float rq = InverseRms(hidden, C);
  for (int i = 0; i < M; i++) {
    const float* key = memory.keys + static_cast<std::size_t>(i) * C;
    float dot = 0;
    for (int c = 0; c < C; c++) dot += key[c] * hidden[c];
    const float score =
        dot * rq + memory.key_bias[i] + (memory.tokens[i] == token ? memory.copy : 0.0f);
    probs[i] = score;
    mx = std::max(mx, score);
  }
  float sum = 0;
  for (float& p : probs) sum += (p = std::exp(p - mx));
  for (float& p : probs) p /= sum;
  for (int i = 0; i < M; i++) bias[memory.targets[i]] += memory.gain * probs[i];
}

void RecallVote::Add(const float* hidden, int token, float* bias) {
  if (memory_.M > 0) Vote(memory_, hidden, token, bias, probs_);
}

}  // namespace brainhost::regions::hippo
