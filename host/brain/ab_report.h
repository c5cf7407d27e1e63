// The A/B report: how each experiment variant fared, from the turns the brain logged.
// `brainhost ab report` prints it (FormatAbReport) or emits it as JSON (AbReportToJson).
#ifndef BRAINHOST_HOST_BRAIN_AB_REPORT_H
#define BRAINHOST_HOST_BRAIN_AB_REPORT_H

#include <cstdint>
#include <nlohmann/json.hpp>
#include <string>
#include <utility>
#include <vector>

#include "brain/brain.h"
#include "status.h"

namespace brainhost {

struct VariantReport {
  std::string variant;   // the turns' variant; "(none)" for turns logged outside an experiment
  int64_t sessions = 0;  // distinct sessions with at least one turn under this variant
  int64_t turns = 0;
  // Answering region -> fraction of this variant's turns it answered, highest first (ties by
  // name). Turns no region answered count as "(none)". The fractions sum to 1.
  std::vector<std::pair<std::string, double>> answer_rates;
  // Nearest-rank percentiles of turns.latency_ms: the smallest latency with at least p% of
  // the variant's turns at or below it (rank ceil(p/100 * turns)).
  double latency_p50_ms = 0;
  double latency_p95_ms = 0;
};

// Builds one VariantReport per variant found in brain's turns, sorted by variant name, into
// *out (cleared first). Reads one consistent snapshot of the turns table. An empty brain
// gives an empty report.
// REQUIRES: out != nullptr.
Status BuildAbReport(Brain& brain, std::vector<VariantReport>* out);

// The report as text: one aligned row per variant (sessions, turns, p50, p95), then one row
// per variant and answering region with its share as a percentage.
std::string FormatAbReport(const std::vector<VariantReport>& report);

// The report as {"variants": [{"variant", "sessions", "turns", "latency_p50_ms",
// "latency_p95_ms", "answer_rates": [{"region", "rate"}, ...]}, ...]}.
nlohmann::json AbReportToJson(const std::vector<VariantReport>& report);

}  // namespace brainhost

#endif  // BRAINHOST_HOST_BRAIN_AB_REPORT_H
