// Training one cortex on several threads, data-parallel: the batch's rows are split across
// model replicas that read one shared parameter buffer; each replica runs forward and backward
// on its rows on its own thread, their gradients are summed (weighted by rows) into the first
// replica's, and AdamW updates the shared parameters once. On 2 cores this doubles the
// throughput of Model alone without touching the ops, whose threads would have to synchronise
// dozens of times per layer instead of twice per step.
//
// What it is not: no data, schedule or logging (the `train cortex` command and sleep own those).
#pragma once

#include <cstdint>
#include <memory>
#include <span>
#include <vector>

#include "cortex/checkpoint.h"
#include "cortex/config.h"
#include "cortex/model.h"
#include "cortex/optimizer.h"

namespace brainhost::regions::cortex {

class Trainer {
 public:
  // A model of shape cfg with zero parameters (call init() or restore()), trained on up to
  // `threads` threads (≥ 1; 0 means one per hardware thread). REQUIRES: cfg.valid().
  Trainer(const Config& cfg, int threads, const AdamWConfig& hp = {});

  void init(std::uint64_t seed) { model().init(seed); }

  // One optimisation step on inputs and targets (B, T): mean cross-entropy, backward, global
  // gradient-norm clipping to max_grad_norm, AdamW at lr. Returns the mean loss before the
  // update. REQUIRES: B ≥ 1, 1 ≤ T ≤ context, ids in [0, V).
  float step(const int* inputs, const int* targets, int B, int T, double lr,
             double max_grad_norm);

  // Forward and backward on (B, T) without an update: model().gradients() then holds the mean
  // loss's gradient. Returns the mean loss.
  float gradient(const int* inputs, const int* targets, int B, int T);

  // The mean loss on (B, T), changing neither the parameters nor the optimizer.
  float evaluate(const int* inputs, const int* targets, int B, int T);

  // The weights and training state, for a checkpoint; restore() puts them back (the shape must
  // be this trainer's; a checkpoint without optimizer state starts AdamW afresh).
  Checkpoint snapshot() const;
  void restore(const Checkpoint& checkpoint);

  Model<float>& model() { return *replicas_[0]; }  // holds the shared parameters
  const Model<float>& model() const { return *replicas_[0]; }
  std::int64_t steps_taken() const { return optimizer_.steps_taken(); }
  int threads() const { return int(replicas_.size()); }
  double last_grad_norm() const { return last_grad_norm_; }

 private:
  // Runs forward (and backward when train) of replica r on its share of the rows, on threads.
  // Returns the row-weighted mean loss.
  float run(const int* inputs, const int* targets, int B, int T, bool train);

  std::vector<std::unique_ptr<Model<float>>> replicas_;
  AdamW<float> optimizer_;
  double last_grad_norm_ = 0;
};

}  // namespace brainhost::regions::cortex
