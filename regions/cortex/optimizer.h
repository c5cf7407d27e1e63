// Training arithmetic for the cortex: AdamW with decoupled weight decay (Loshchilov & Hutter),
// the learning-rate schedule (linear warm-up, then cosine decay to a floor) and global
// gradient-norm clipping. Works on the flat parameter and gradient buffers of model.h, so it
// knows the tensors only through config.h's layout (to leave the RMSNorm gains undecayed).
// It is not a training loop: no data, no logging, no checkpoints.
#pragma once

#include <cstddef>
#include <span>
#include <vector>

#include "cortex/config.h"

namespace brainhost::regions::cortex {

struct AdamWConfig {
  double beta1 = 0.9;
  double beta2 = 0.95;
  double eps = 1e-8;
  double weight_decay = 0.1;  // decoupled: θ −= lr · wd · θ, matrices only (config.h is_decayed)
};

// lr(step) for step = 0, 1, …: rises linearly to max_lr over warmup_steps (lr(0) =
// max_lr / warmup_steps), then falls along a half cosine to min_lr at total_steps, and stays.
struct LrSchedule {
  double max_lr = 3e-3;
  double min_lr = 3e-4;
  int warmup_steps = 100;
  int total_steps = 10000;
  double at(int step) const;
};

// Scales grads so that their global L2 norm is at most max_norm (no change when it already is);
// returns the norm before clipping. REQUIRES: max_norm > 0.
template <typename S>
double clip_grad_norm(std::span<S> grads, double max_norm);

template <typename S>
class AdamW {
 public:
  // State (first and second moments, zero) for the parameters of a model of shape cfg.
  explicit AdamW(const Config& cfg, const AdamWConfig& hp = {});

  // One update at learning rate lr: θ −= lr · (m̂ / (sqrt(v̂) + eps) + wd · θ), bias-corrected.
  // REQUIRES: params.size() == grads.size() == parameter_count(cfg).
  void step(std::span<S> params, std::span<const S> grads, double lr);

  // Puts back the state of a resumed run: steps taken and the moments, as m() and v() gave them.
  // REQUIRES: m.size() == v.size() == parameter_count(cfg), steps ≥ 0.
  void restore(std::span<const S> m, std::span<const S> v, int steps);

  int steps_taken() const { return t_; }
  std::span<const S> m() const { return m_; }  // (parameter_count) first moments
  std::span<const S> v() const { return v_; }  // (parameter_count) second moments

 private:
  AdamWConfig hp_;
  std::vector<std::size_t> sizes_;  // per tensor, in buffer order
  std::vector<bool> decayed_;       // per tensor
  std::vector<S> m_, v_;
  int t_ = 0;
};

extern template class AdamW<float>;
extern template class AdamW<double>;

}  // namespace brainhost::regions::cortex
