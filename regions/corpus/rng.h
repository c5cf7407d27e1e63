// Rng: the corpus generator's only source of randomness.
//
// std::mt19937_64's output sequence is fixed by the C++ standard, but the distributions
// (std::uniform_int_distribution and friends) are not: libstdc++ and libc++ turn the same
// engine output into different numbers. The corpus must be the same bytes for a seed on
// every toolchain, so the helpers below map engine output to ranges with plain arithmetic.
#ifndef BRAINHOST_REGIONS_CORPUS_RNG_H
#define BRAINHOST_REGIONS_CORPUS_RNG_H

#include <cassert>
#include <cstddef>
#include <cstdint>
#include <random>
#include <vector>

namespace brainhost::regions {

class Rng {
 public:
  explicit Rng(uint64_t seed) : engine_(seed) {}

  uint64_t Next() { return engine_(); }

  // Uniform in [0, n). REQUIRES: n > 0. Rejection of the top partial block keeps it exact.
  size_t Below(size_t n) {
    assert(n > 0);
    const uint64_t span = n;
    const uint64_t limit = UINT64_MAX - UINT64_MAX % span;
    uint64_t x = Next();
    while (x >= limit) x = Next();
    return static_cast<size_t>(x % span);
  }

  // Uniform in [lo, hi]. REQUIRES: lo <= hi.
  int Between(int lo, int hi) {
    assert(lo <= hi);
    return lo + static_cast<int>(Below(static_cast<size_t>(hi - lo) + 1));
  }

  // True with probability p: the top 53 bits as a double in [0, 1).
  bool Chance(double p) { return static_cast<double>(Next() >> 11) * 0x1.0p-53 < p; }

  // A uniformly chosen element. REQUIRES: !items.empty().
  template <typename T>
  const T& Pick(const std::vector<T>& items) {
    return items[Below(items.size())];
  }

 private:
  std::mt19937_64 engine_;
};

}  // namespace brainhost::regions

#endif  // BRAINHOST_REGIONS_CORPUS_RNG_H
