// AdamW, the warm-up + cosine schedule and gradient clipping. See optimizer.h.
#include "cortex/optimizer.h"

#include <cassert>
#include <cmath>

namespace brainhost::regions::cortex {

double LrSchedule::at(int step) const {
  if (step < warmup_steps) return max_lr * double(step + 1) / double(warmup_steps);
  if (step >= total_steps) return min_lr;
  const double progress = double(step - warmup_steps) / double(total_steps - warmup_steps);
  return min_lr + 0.5 * (max_lr - min_lr) * (1.0 + std::cos(3.141592653589793 * progress));
}

template <typename S>
double clip_grad_norm(std::span<S> grads, double max_norm) {
  assert(max_norm > 0);
  double ss = 0;
  for (S g : grads) ss += double(g) * double(g);
  const double norm = std::sqrt(ss);
  if (norm > max_norm) {
    const S scale = S(max_norm / norm);
    for (S& g : grads) g *= scale;
  }
  return norm;
}

template <typename S>
AdamW<S>::AdamW(const Config& cfg, const AdamWConfig& hp) : hp_(hp) {
  const auto sizes = parameter_sizes(cfg);
  for (int t = 0; t < kNumParameterTensors; t++) {
    sizes_.push_back(sizes[t]);
    decayed_.push_back(is_decayed(ParameterTensor(t)));
  }
  m_.assign(parameter_count(cfg), S(0));
  v_.assign(parameter_count(cfg), S(0));
}

template <typename S>
void AdamW<S>::step(std::span<S> params, std::span<const S> grads, double lr) {
  assert(params.size() == m_.size() && grads.size() == m_.size());
  t_++;
  const S b1 = S(hp_.beta1), b2 = S(hp_.beta2), eps = S(hp_.eps);
  const S c1 = S(1.0 / (1.0 - std::pow(hp_.beta1, t_)));  // bias corrections
  const S c2 = S(1.0 / (1.0 - std::pow(hp_.beta2, t_)));
  const S lr_s = S(lr);
  std::size_t i = 0;
  for (std::size_t tensor = 0; tensor < sizes_.size(); tensor++) {
    const S wd = decayed_[tensor] ? S(hp_.weight_decay) : S(0);
    const std::size_t end = i + sizes_[tensor];
    for (; i < end; i++) {
      const S g = grads[i];
      m_[i] = b1 * m_[i] + (S(1) - b1) * g;
      v_[i] = b2 * v_[i] + (S(1) - b2) * g * g;
      const S mhat = m_[i] * c1, vhat = v_[i] * c2;
      params[i] -= lr_s * (mhat / (std::sqrt(vhat) + eps) + wd * params[i]);
    }
  }
}

template <typename S>
void AdamW<S>::restore(std::span<const S> m, std::span<const S> v, int steps) {
  assert(m.size() == m_.size() && v.size() == v_.size() && steps >= 0);
  m_.assign(m.begin(), m.end());
  v_.assign(v.begin(), v.end());
  t_ = steps;
}

template double clip_grad_norm<float>(std::span<float>, double);
template double clip_grad_norm<double>(std::span<double>, double);
template class AdamW<float>;
template class AdamW<double>;

}  // namespace brainhost::regions::cortex
