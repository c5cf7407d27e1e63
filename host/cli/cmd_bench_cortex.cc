// `brainhost bench cortex`: the cortex's training speed at the default shape (dim 128, 8 layers,
// 4 heads, vocab 4096, context 256), batch 4 × 256, one thread. Generation and two-thread
// figures join it as the cortex grows them (issue 4).
#include <cstdio>
#include <iostream>

#include <nlohmann/json.hpp>

#include "cli/commands.h"
#include "cortex/bench.h"

namespace brainhost {

int RunBenchCortex(const BenchCortexOptions& options) {
  namespace cx = regions::cortex;
  cx::Config config;
  cx::TrainBenchResult train = cx::bench_train(config, 4, 256, options.steps);
  std::printf("bench cortex: default shape (%lld parameters), batch %d x %d, %d steps, 1 thread\n",
              static_cast<long long>(cx::parameter_count(config)), train.B, train.T, train.steps);
  std::printf("  %-30s %10.0f\n", "train tokens/s (median step)", train.tokens_per_s);
  std::printf("  %-30s %10.1f\n", "train GFLOP/s", train.gflops);
  if (options.json) {
    nlohmann::json j{{"train_tokens_per_s_1t", train.tokens_per_s}, {"train_gflops", train.gflops}};
    std::cout << j.dump() << std::endl;
  }
  return kExitOk;
}

}  // namespace brainhost
