// A small cortex with random weights, for tests that need a model to run but not a trained one
// (surprise and replies are noise, shapes and plumbing are not): the shipped tokenizer's
// vocabulary, dim 32, 2 layers, 2 heads, the default context.
#ifndef BRAINHOST_TESTS_CORTEX_RANDOM_CORTEX_H
#define BRAINHOST_TESTS_CORTEX_RANDOM_CORTEX_H

#include <cstdint>

#include "cortex/checkpoint.h"
#include "cortex/config.h"
#include "cortex/model.h"

namespace brainhost::testing {

inline regions::cortex::Config RandomCortexConfig() {
  regions::cortex::Config cfg;
  cfg.vocab = 4096;
  cfg.dim = 32;
  cfg.layers = 2;
  cfg.heads = 2;
  cfg.hidden = regions::cortex::Config::default_hidden(cfg.dim);
  cfg.context = 256;
  return cfg;
}

inline regions::cortex::Checkpoint RandomCortex(std::uint64_t seed) {
  regions::cortex::Model<float> model(RandomCortexConfig());
  model.init(seed);
  regions::cortex::Checkpoint checkpoint;
  checkpoint.config = model.config;
  checkpoint.params.assign(model.params_memory.begin(), model.params_memory.end());
  return checkpoint;
}

}  // namespace brainhost::testing

#endif  // BRAINHOST_TESTS_CORTEX_RANDOM_CORTEX_H
