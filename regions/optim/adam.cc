#include "optim/adam.h"

#include <cmath>

namespace brainhost::regions::optim {

void Adam::step(std::vector<float>& params, const std::vector<float>& grads, double lr) {
  constexpr double kBeta1 = 0.9, kBeta2 = 0.999, kEps = 1e-8;
  t_++;
  const double c1 = 1 - std::pow(kBeta1, t_), c2 = 1 - std::pow(kBeta2, t_);
  for (std::size_t i = 0; i < params.size(); i++) {
    m_[i] = kBeta1 * m_[i] + (1 - kBeta1) * grads[i];
    v_[i] = kBeta2 * v_[i] + (1 - kBeta2) * grads[i] * grads[i];
    params[i] -= static_cast<float>(lr * (m_[i] / c1) / (std::sqrt(v_[i] / c2) + kEps));
  }
}

}  // namespace brainhost::regions::optim
