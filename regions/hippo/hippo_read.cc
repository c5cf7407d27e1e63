#include "hippo/hippo_read.h"

#include <algorithm>
#include <cmath>

namespace brainhost::regions::hippo {

PreparedMemory Prepare(const HippoModel<float>& model, const Selection& selected,
                       std::vector<int> wrap_up) {
  const HippoInput<float> memories = selected.input();
  const HippoConfig& cfg = model.config();
  const HippoParams<float>& p = model.p();
  const int C = cfg.C, D = cfg.D, M = memories.M;
  const float inv_sqrt_d = 1.0f / std::sqrt(static_cast<float>(D));
  PreparedMemory out;
  out.keys.assign(static_cast<std::size_t>(M) * C, 0.0f);
  out.key_bias.resize(M);
  out.tokens = selected.tokens;
  out.value_of = selected.value_of;
  out.values = selected.values;
  out.wrap_up = std::move(wrap_up);
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
  return out;
}

void Attend(const MemoryView& memory, const float* hidden, int token, std::vector<float>& probs) {
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
}

int Recall::Next(const float* hidden, int token) {
  if (done_) return -1;
  if (next_ < 0) {
    Attend(memory_, hidden, token, probs_);
    mass_.assign(memory_.K, 0.0f);
    for (int i = 0; i < memory_.M; i++) {
      if (memory_.value_of[i] >= 0) mass_[memory_.value_of[i]] += probs_[i];
    }
    const auto best = std::max_element(mass_.begin(), mass_.end());
    if (best == mass_.end() || *best < kRecallMass) return -1;
    next_ = static_cast<int>(best - mass_.begin());
  }
  if (memory_.values[next_] >= 0) return memory_.values[next_++];
  if (wrapped_ < memory_.W) return memory_.wrap_up[wrapped_++];
  done_ = true;
  return -1;
}

}  // namespace brainhost::regions::hippo
