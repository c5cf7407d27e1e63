#include "brain/ab_report.h"

#include <algorithm>
#include <cassert>
#include <map>
#include <set>

#include "brain/sqlite_util.h"
#include "stats.h"
#include "brain/text_table.h"

namespace brainhost {

namespace {

struct VariantTurns {
  std::set<std::string> sessions;
  std::map<std::string, int64_t> answers;  // answering region -> turns
  std::vector<double> latencies_ms;
};

// Nearest rank: the value at 1-based rank ceil(p/100 * n) of the sorted values. Integer
// arithmetic, so p95 of 20 turns is exactly rank 19.
VariantReport Summarize(const std::string& variant, VariantTurns& turns) {
  VariantReport r;
  r.variant = variant;
  r.sessions = static_cast<int64_t>(turns.sessions.size());
  r.turns = static_cast<int64_t>(turns.latencies_ms.size());
  for (const auto& [region, count] : turns.answers) {
    r.answer_rates.emplace_back(region, static_cast<double>(count) / static_cast<double>(r.turns));
  }
  std::stable_sort(r.answer_rates.begin(), r.answer_rates.end(),
                   [](const auto& a, const auto& b) { return a.second > b.second; });
  std::sort(turns.latencies_ms.begin(), turns.latencies_ms.end());
  r.latency_p50_ms = NearestRank(turns.latencies_ms, 50);
  r.latency_p95_ms = NearestRank(turns.latencies_ms, 95);
  return r;
}

}  // namespace

Status BuildAbReport(Brain& brain, std::vector<VariantReport>* out) {
  assert(out != nullptr);
  out->clear();
  const std::string context = brain.path() + ": ab report";
  // One statement, so every number comes from the same snapshot of the table.
  StmtPtr stmt;
  Status s = Prepare(brain.handle(),
                     "SELECT COALESCE(NULLIF(variant, ''), '(none)'), session_id, "
                     "COALESCE(region, '(none)'), latency_ms FROM turns",
                     /*persistent=*/false, context, &stmt);
  if (!s.ok()) return s;

  std::map<std::string, VariantTurns> variants;  // sorted by name
  std::string variant, session, region;
  int rc;
  while ((rc = sqlite3_step(stmt.get())) == SQLITE_ROW) {
    s = ReadColumn(stmt.get(), 0, context, &variant);
    if (s.ok()) s = ReadColumn(stmt.get(), 1, context, &session);
    if (s.ok()) s = ReadColumn(stmt.get(), 2, context, &region);
    if (!s.ok()) return s;
    VariantTurns& v = variants[variant];
    v.sessions.insert(session);
    ++v.answers[region];
    v.latencies_ms.push_back(sqlite3_column_double(stmt.get(), 3));
  }
  if (rc != SQLITE_DONE) return SqliteStatus(rc, brain.handle(), context);

  for (auto& [name, turns] : variants) out->push_back(Summarize(name, turns));
  return Status::OK();
}

std::string FormatAbReport(const std::vector<VariantReport>& report) {
  if (report.empty()) return "no turns recorded yet\n";
  std::vector<std::vector<std::string>> summary;
  std::vector<std::vector<std::string>> answers;
  for (const VariantReport& r : report) {
    summary.push_back({r.variant, std::to_string(r.sessions), std::to_string(r.turns),
                       Fixed(r.latency_p50_ms, 3), Fixed(r.latency_p95_ms, 3)});
    for (const auto& [region, rate] : r.answer_rates) {
      answers.push_back({r.variant, region, Fixed(100.0 * rate, 1, "%")});
    }
  }
  return AlignColumns({"variant", "sessions", "turns", "p50_ms", "p95_ms"}, summary) + "\n" +
         AlignColumns({"variant", "answered_by", "share"}, answers);
}

nlohmann::json AbReportToJson(const std::vector<VariantReport>& report) {
  nlohmann::json variants = nlohmann::json::array();
  for (const VariantReport& r : report) {
    nlohmann::json rates = nlohmann::json::array();
    for (const auto& [region, rate] : r.answer_rates) {
      rates.push_back({{"region", region}, {"rate", rate}});
    }
    variants.push_back({{"variant", r.variant},
                        {"sessions", r.sessions},
                        {"turns", r.turns},
                        {"latency_p50_ms", r.latency_p50_ms},
                        {"latency_p95_ms", r.latency_p95_ms},
                        {"answer_rates", std::move(rates)}});
  }
  return {{"variants", std::move(variants)}};
}

}  // namespace brainhost
