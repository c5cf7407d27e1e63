// The cortex benchmarks. See bench.h.
#include "cortex/bench.h"

#include <algorithm>
#include <chrono>
#include <memory>
#include <vector>

#include "cortex/model.h"
#include "cortex/trainer.h"

namespace brainhost::regions::cortex {
namespace {

using Clock = std::chrono::steady_clock;

double seconds_since(Clock::time_point t0) {
  return std::chrono::duration<double>(Clock::now() - t0).count();
}

double median(std::vector<double> v) {
  std::sort(v.begin(), v.end());
  return v[v.size() / 2];
}

// n tokens in [0, V) from xorshift64.
std::vector<int> random_tokens(std::size_t n, int V, std::uint64_t seed) {
  std::vector<int> tokens(n);
  std::uint64_t x = seed * 0x9E3779B97F4A7C15ull + 1;
  for (int& t : tokens) {
    x ^= x << 13, x ^= x >> 7, x ^= x << 17;
    t = int(x % std::uint64_t(V));
  }
  return tokens;
}

}  // namespace

double generation_flops_per_token(const Config& cfg, int pos) {
  const double V = cfg.vocab, C = cfg.dim, L = cfg.layers, H = cfg.hidden;
  return 2.0 * (L * (4 * C * C + 3 * H * C + 2 * C * (pos + 1.0)) + V * C);
}

TrainBenchResult bench_train(const Config& cfg, int B, int T, int steps, int threads,
                             std::uint64_t seed) {
  Trainer trainer(cfg, threads);
  trainer.init(seed);
  const std::vector<int> tokens = random_tokens(std::size_t(B) * T + 1, cfg.vocab, seed);
  auto train_step = [&] {
    trainer.step(tokens.data(), tokens.data() + 1, B, T, 1e-3, 1.0);
  };
  train_step();  // warm-up: allocates the activations
  std::vector<double> times;
  for (int s = 0; s < steps; s++) {
    const auto t0 = Clock::now();
    train_step();
    times.push_back(seconds_since(t0));
  }
  TrainBenchResult r;
  r.B = B;
  r.T = T;
  r.steps = steps;
  r.threads = trainer.threads();
  r.median_step_s = median(times);
  r.tokens_per_s = double(B) * T / r.median_step_s;
  r.gflops = training_flops_per_token(cfg, T) * r.tokens_per_s / 1e9;
  return r;
}

GenerateBenchResult bench_generate(const Config& cfg, WeightFormat weights, int threads,
                                   int tokens, int runs, int prompt_tokens, std::uint64_t seed) {
  Model<float> model(cfg);
  model.init(seed);
  auto packed = std::make_shared<const InferenceWeights>(model.params, cfg, weights);
  InferenceState state(packed, threads);
  const std::vector<int> prompt = random_tokens(prompt_tokens, cfg.vocab, seed);
  SamplingOptions options;
  options.max_tokens = tokens;
  // generate() steps every prompt token and every generated one but the last.
  double flops = 0;
  for (int pos = 0; pos < prompt_tokens + tokens - 1; pos++) {
    flops += generation_flops_per_token(cfg, pos);
  }

  GenerateBenchResult r;
  r.threads = state.threads();
  r.runs = runs;
  r.prompt_tokens = prompt_tokens;
  r.weights = weights;
  std::vector<double> times;
  for (int run = -1; run < runs; run++) {  // run −1: the untimed warm-up
    options.seed = std::uint64_t(run + 2);
    const auto t0 = Clock::now();
    const std::vector<int> reply = generate(state, prompt, options);
    const double s = seconds_since(t0);
    r.tokens = int(reply.size());
    if (run >= 0) times.push_back(s);
  }
  r.median_run_s = median(times);
  r.tokens_per_s = r.tokens / r.median_run_s;
  r.gflops = flops / r.median_run_s / 1e9;
  r.weight_bytes = double(packed->matrix_bytes());
  r.weight_gb_per_s = r.weight_bytes * (prompt_tokens + r.tokens - 1) / r.median_run_s / 1e9;
  return r;
}

}  // namespace brainhost::regions::cortex
