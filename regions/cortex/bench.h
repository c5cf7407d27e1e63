// Timing harnesses for the cortex: training steps (forward + backward + AdamW on random tokens,
// data-parallel over threads with trainer.h's Trainer) and generation (generate.h's loop at
// batch 1, sampling included), each reporting the median of repeated runs as tokens/s and
// GFLOP/s. `brainhost bench cortex` is built on them. They measure speed only: the weights are
// random (Model::init), so the loss reached and the tokens generated mean nothing.
#pragma once

#include <cstdint>

#include "cortex/config.h"
#include "cortex/generate.h"

namespace brainhost::regions::cortex {

// Multiply-adds ×2 for one generated token at position pos (0-based): per layer the four C×C
// projections, the three SwiGLU matrices and attention over pos + 1 positions (q·k and the
// weighted sum of values), then the tied head. 4.26 MFLOP + 4.1 kFLOP per position at the
// default shape: about 5 MFLOP at position 200.
double generation_flops_per_token(const Config& cfg, int pos);

struct TrainBenchResult {
  int B = 0, T = 0, steps = 0, threads = 0;
  double median_step_s = 0;     // median wall time of one training step
  double tokens_per_s = 0;      // B · T / median_step_s
  double gflops = 0;            // training_flops_per_token(cfg, T) · tokens_per_s / 1e9
};

// Times `steps` float training steps (after one untimed warm-up step) at batch (B, T) on
// `threads` threads (Trainer's data parallelism: the B rows split between model replicas).
// REQUIRES: cfg.valid(), 1 ≤ T ≤ cfg.context, steps ≥ 1, threads ≥ 1.
TrainBenchResult bench_train(const Config& cfg, int B, int T, int steps, int threads = 1,
                             std::uint64_t seed = 1);

struct GenerateBenchResult {
  int threads = 0, runs = 0, prompt_tokens = 0, tokens = 0;
  WeightFormat weights = WeightFormat::kFloat32;
  double median_run_s = 0;  // median wall time of one generate() call, prompt included
  double tokens_per_s = 0;  // tokens / median_run_s
  double gflops = 0;        // the FLOPs of every position stepped / median_run_s / 1e9
  double weight_bytes = 0;  // of the packed matrices each step streams (InferenceWeights)
  double weight_gb_per_s = 0;  // weight_bytes · positions stepped / median_run_s / 1e9
};

// Times `runs` calls of generate() (after one untimed warm-up call), each sampling `tokens`
// tokens with the default SamplingOptions (no stop token) after a fixed `prompt_tokens`-token
// prompt, on one InferenceState with `threads` threads (its weights packed and threads started
// once, outside the timing). REQUIRES: cfg.valid(), prompt_tokens ≥ 1,
// prompt_tokens + tokens ≤ cfg.context, runs ≥ 1, threads ≥ 1.
GenerateBenchResult bench_generate(const Config& cfg, WeightFormat weights, int threads,
                                   int tokens, int runs, int prompt_tokens = 4,
                                   std::uint64_t seed = 1);

}  // namespace brainhost::regions::cortex
