// The cortex training benchmark. See bench.h.
#include "cortex/bench.h"

#include <algorithm>
#include <chrono>
#include <vector>

#include "cortex/model.h"
#include "cortex/optimizer.h"

namespace brainhost::regions::cortex {

TrainBenchResult bench_train(const Config& cfg, int B, int T, int steps, std::uint64_t seed) {
  Model<float> model(cfg);
  model.init(seed);
  AdamW<float> opt(cfg);
  std::vector<int> tokens(std::size_t(B) * T + 1);
  std::uint64_t x = seed * 0x9E3779B97F4A7C15ull + 1;
  for (int& t : tokens) {
    x ^= x << 13, x ^= x >> 7, x ^= x << 17;  // xorshift64
    t = int(x % std::uint64_t(cfg.vocab));
  }
  auto train_step = [&] {
    model.forward(tokens.data(), tokens.data() + 1, B, T);
    model.zero_grad();
    model.backward();
    clip_grad_norm(model.gradients(), 1.0);
    opt.step(model.parameters(), model.gradients(), 1e-3);
  };
  train_step();  // warm-up: allocates the activations
  std::vector<double> times;
  for (int s = 0; s < steps; s++) {
    const auto t0 = std::chrono::steady_clock::now();
    train_step();
    times.push_back(std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count());
  }
  std::sort(times.begin(), times.end());
  TrainBenchResult r;
  r.B = B;
  r.T = T;
  r.steps = steps;
  r.median_step_s = times[times.size() / 2];
  r.tokens_per_s = double(B) * T / r.median_step_s;
  r.gflops = training_flops_per_token(cfg, T) * r.tokens_per_s / 1e9;
  return r;
}

}  // namespace brainhost::regions::cortex
