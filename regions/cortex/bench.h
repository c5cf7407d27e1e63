// A timing harness for the cortex trainer: steps of forward + backward + AdamW on random tokens
// at a given shape, reporting the median step's tokens/s and GFLOP/s. `brainhost bench cortex`
// is built on it. It measures speed only; the loss it reaches means nothing.
#pragma once

#include <cstdint>

#include "cortex/config.h"

namespace brainhost::regions::cortex {

struct TrainBenchResult {
  int B = 0, T = 0, steps = 0;
  double median_step_s = 0;     // median wall time of one training step
  double tokens_per_s = 0;      // B · T / median_step_s
  double gflops = 0;            // training_flops_per_token(cfg, T) · tokens_per_s / 1e9
};

// Times `steps` float training steps (after one untimed warm-up step) at batch (B, T).
// REQUIRES: cfg.valid(), 1 ≤ T ≤ cfg.context, steps ≥ 1. Uses the threads Eigen is built with.
TrainBenchResult bench_train(const Config& cfg, int B, int T, int steps, std::uint64_t seed = 1);

}  // namespace brainhost::regions::cortex
