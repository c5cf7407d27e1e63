// Nearest-rank percentiles, as every latency figure the host reports (ab report, bench) uses.
#ifndef BRAINHOST_HOST_STATS_H
#define BRAINHOST_HOST_STATS_H

#include <algorithm>
#include <cassert>
#include <cstddef>
#include <vector>

namespace brainhost {

// The smallest value with at least `percent`% of the values at or below it.
// REQUIRES: sorted is non-empty and ascending; 0 < percent <= 100.
inline double NearestRank(const std::vector<double>& sorted, int percent) {
  assert(!sorted.empty() && percent > 0 && percent <= 100);
  const size_t n = sorted.size();
  const size_t rank = std::max<size_t>(1, (static_cast<size_t>(percent) * n + 99) / 100);
  return sorted[rank - 1];
}

}  // namespace brainhost

#endif  // BRAINHOST_HOST_STATS_H
