// Finite-difference gradient checking for the cortex tests, in double precision: central
// differences (f(x + eps) − f(x − eps)) / 2eps against an analytic gradient, element by element.
#pragma once

#include <algorithm>
#include <cmath>
#include <cstddef>
#include <functional>
#include <random>
#include <vector>

namespace brainhost::regions::cortex::testing {

// Central-difference step. 1e-5 balances truncation error (~eps² f''' ≈ 1e-10 relative) against
// rounding (~1e-16 |f| / eps ≈ 1e-11 |f|); 1e-6 also passes but with less margin (worst op
// 5e-6 against 3e-7 here).
inline constexpr double kGradEps = 1e-5;
inline constexpr double kGradFloor = 1e-4;   // |gradient| below which the error is measured
                                             // absolutely (relative to this floor)
inline constexpr double kGradTolerance = 1e-5;

// The largest |analytic − numeric| / max(|analytic|, |numeric|, kGradFloor) over the checked
// elements of x. f computes the scalar loss from the current contents of x (x is perturbed in
// place and restored). Checks every element when max_checked is 0 or ≥ x.size(), else a random
// subset of that many.
inline double max_relative_error(std::vector<double>& x, const std::vector<double>& analytic,
                                 const std::function<double()>& f, std::size_t max_checked = 0,
                                 unsigned seed = 7) {
  std::vector<std::size_t> idx(x.size());
  for (std::size_t i = 0; i < idx.size(); i++) idx[i] = i;
  if (max_checked != 0 && max_checked < idx.size()) {
    std::mt19937 rng(seed);
    std::shuffle(idx.begin(), idx.end(), rng);
    idx.resize(max_checked);
  }
  double worst = 0;
  for (std::size_t i : idx) {
    const double saved = x[i];
    x[i] = saved + kGradEps;
    const double fp = f();
    x[i] = saved - kGradEps;
    const double fm = f();
    x[i] = saved;
    const double numeric = (fp - fm) / (2 * kGradEps);
    const double denom = std::max({std::abs(analytic[i]), std::abs(numeric), kGradFloor});
    worst = std::max(worst, std::abs(analytic[i] - numeric) / denom);
  }
  return worst;
}

// n values from N(0, sd²) (a fixed sequence per seed).
inline std::vector<double> random_normal(std::size_t n, unsigned seed, double sd = 1.0) {
  std::mt19937 rng(seed);
  std::normal_distribution<double> dist(0.0, sd);
  std::vector<double> v(n);
  for (double& x : v) x = dist(rng);
  return v;
}

// Σ a ∘ b.
inline double dot(const std::vector<double>& a, const std::vector<double>& b) {
  double s = 0;
  for (std::size_t i = 0; i < a.size(); i++) s += a[i] * b[i];
  return s;
}

}  // namespace brainhost::regions::cortex::testing
