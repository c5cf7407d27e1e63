// Adam (Kingma & Ba), without weight decay, over one flat buffer of float parameters: the
// optimizer of the small trained regions (the hippo, the arithmetic automaton). The cortex has
// its own AdamW (cortex/optimizer.h), which knows its tensors.
#pragma once

#include <cstddef>
#include <vector>

namespace brainhost::regions::optim {

class Adam {
 public:
  explicit Adam(std::size_t n) : m_(n, 0.0), v_(n, 0.0) {}

  // θ −= lr · m̂ / (sqrt(v̂) + eps), bias-corrected. REQUIRES: both buffers have n values.
  void step(std::vector<float>& params, const std::vector<float>& grads, double lr);

 private:
  std::vector<double> m_, v_;  // moments in double: the steps of small models are tiny
  int t_ = 0;
};

}  // namespace brainhost::regions::optim
