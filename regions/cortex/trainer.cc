// Data-parallel training over replicas. See trainer.h.
#include "cortex/trainer.h"

#include <algorithm>
#include <cassert>
#include <stdexcept>
#include <thread>

namespace brainhost::regions::cortex {

Trainer::Trainer(const Config& cfg, int threads, const AdamWConfig& hp) : optimizer_(cfg, hp) {
  if (threads <= 0) threads = int(std::max(1u, std::thread::hardware_concurrency()));
  for (int r = 0; r < threads; r++) {
    replicas_.push_back(std::make_unique<Model<float>>(cfg));
    if (r == 0) continue;
    // Replicas read the first model's parameters; their own buffer is never used.
    Model<float>& replica = *replicas_.back();
    replica.params.point(replicas_[0]->params_memory.data(), cfg);
    replica.params_memory.clear();
    replica.params_memory.shrink_to_fit();
  }
}

float Trainer::run(const int* inputs, const int* targets, int B, int T, bool train) {
  assert(B >= 1);
  const int used = std::min(B, threads());
  std::vector<float> losses(used);
  std::vector<int> first(used + 1);  // replica r takes rows [first[r], first[r + 1])
  for (int r = 0; r <= used; r++) first[r] = B * r / used;
  auto work = [&](int r) {
    Model<float>& m = *replicas_[r];
    const std::size_t offset = std::size_t(first[r]) * T;
    losses[r] = m.forward(inputs + offset, targets + offset, first[r + 1] - first[r], T);
    if (train) {
      m.zero_grad();
      m.backward();
    }
  };
  std::vector<std::thread> workers;
  for (int r = 1; r < used; r++) workers.emplace_back(work, r);
  work(0);
  for (std::thread& w : workers) w.join();

  // Each replica's loss and gradient are means over its rows; the batch's are row-weighted.
  float loss = 0;
  for (int r = 0; r < used; r++) loss += losses[r] * float(first[r + 1] - first[r]) / float(B);
  if (train) {
    std::span<float> total = model().gradients();
    const float w0 = float(first[1] - first[0]) / float(B);
    for (float& g : total) g *= w0;
    for (int r = 1; r < used; r++) {
      const float w = float(first[r + 1] - first[r]) / float(B);
      std::span<const float> g = replicas_[r]->gradients();
      for (std::size_t i = 0; i < total.size(); i++) total[i] += w * g[i];
    }
  }
  return loss;
}

float Trainer::step(const int* inputs, const int* targets, int B, int T, double lr,
                    double max_grad_norm) {
  const float loss = run(inputs, targets, B, T, true);
  last_grad_norm_ = clip_grad_norm(model().gradients(), max_grad_norm);
  optimizer_.step(model().parameters(), model().gradients(), lr);
  return loss;
}

float Trainer::gradient(const int* inputs, const int* targets, int B, int T) {
  return run(inputs, targets, B, T, true);
}

float Trainer::evaluate(const int* inputs, const int* targets, int B, int T) {
  return run(inputs, targets, B, T, false);
}

Checkpoint Trainer::snapshot() const {
  Checkpoint c;
  c.config = model().config;
  c.params = model().params_memory;
  c.step = optimizer_.steps_taken();
  c.adam_m.assign(optimizer_.m().begin(), optimizer_.m().end());
  c.adam_v.assign(optimizer_.v().begin(), optimizer_.v().end());
  return c;
}

void Trainer::restore(const Checkpoint& c) {
  if (!(c.config == model().config)) {
    throw std::invalid_argument("the checkpoint's shape is not this trainer's");
  }
  std::copy(c.params.begin(), c.params.end(), model().params_memory.begin());
  if (c.has_optimizer_state()) {
    optimizer_.restore(c.adam_m, c.adam_v, int(c.step));
  } else {
    const std::vector<float> zero(c.params.size(), 0.0f);
    optimizer_.restore(zero, zero, 0);
  }
}

}  // namespace brainhost::regions::cortex
