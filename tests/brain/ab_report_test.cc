#include "brain/ab_report.h"

#include <doctest/doctest.h>

#include "brain_test_util.h"

namespace brainhost {
namespace {

using test::AddTurn;
using test::MakeTurn;
using test::TempDir;

// Variant A: sessions a1 (4 turns) and a2 (6 turns), latencies 10, 20, ..., 100; hippo
//   answered 5, cortex 3, nobody 2. Nearest rank of 10: p50 = rank 5 = 50, p95 = rank 10 = 100.
// Variant B: session b1, 20 turns, latencies 1..20 inserted out of order, all cortex.
//   p50 = rank 10 = 10, p95 = rank 19 = 19.
// No variant: session n1, one turn of 7 ms answered by episodic; p50 = p95 = 7.
void FillBrain(Brain& brain) {
  const char* a_regions[] = {"hippo",  "cortex", "hippo", nullptr,  "hippo",
                             "cortex", "hippo",  nullptr, "cortex", "hippo"};
  for (int i = 0; i < 10; ++i) {
    const std::string session = i < 4 ? "a1" : "a2";
    const int index = i < 4 ? i : i - 4;
    std::optional<std::string> region;
    if (a_regions[i] != nullptr) region = a_regions[i];
    AddTurn(brain, MakeTurn(session, index, "A", region, 10.0 * (i + 1)));
  }
  for (int i = 0; i < 20; ++i) {
    const double latency = static_cast<double>((i * 7) % 20 + 1);  // a permutation of 1..20
    AddTurn(brain, MakeTurn("b1", i, "B", "cortex", latency));
  }
  AddTurn(brain, MakeTurn("n1", 0, "", "episodic", 7));
}

TEST_CASE("BuildAbReport counts sessions, turns, answer rates and percentiles") {
  TempDir dir;
  auto brain = test::OpenBrain((dir / "brain.db"));
  FillBrain(*brain);
  std::vector<VariantReport> report;
  const Status s = BuildAbReport(*brain, &report);
  REQUIRE_MESSAGE(s.ok(), s.ToString());
  REQUIRE(report.size() == 3);

  const VariantReport& none = report[0];
  CHECK(none.variant == "(none)");
  CHECK(none.sessions == 1);
  CHECK(none.turns == 1);
  REQUIRE(none.answer_rates.size() == 1);
  CHECK(none.answer_rates[0].first == "episodic");
  CHECK(none.answer_rates[0].second == doctest::Approx(1.0));
  CHECK(none.latency_p50_ms == 7);
  CHECK(none.latency_p95_ms == 7);

  const VariantReport& a = report[1];
  CHECK(a.variant == "A");
  CHECK(a.sessions == 2);
  CHECK(a.turns == 10);
  REQUIRE(a.answer_rates.size() == 3);
  CHECK(a.answer_rates[0].first == "hippo");
  CHECK(a.answer_rates[0].second == doctest::Approx(0.5));
  CHECK(a.answer_rates[1].first == "cortex");
  CHECK(a.answer_rates[1].second == doctest::Approx(0.3));
  CHECK(a.answer_rates[2].first == "(none)");
  CHECK(a.answer_rates[2].second == doctest::Approx(0.2));
  CHECK(a.latency_p50_ms == 50);
  CHECK(a.latency_p95_ms == 100);

  const VariantReport& b = report[2];
  CHECK(b.variant == "B");
  CHECK(b.sessions == 1);
  CHECK(b.turns == 20);
  REQUIRE(b.answer_rates.size() == 1);
  CHECK(b.answer_rates[0].second == doctest::Approx(1.0));
  CHECK(b.latency_p50_ms == 10);
  CHECK(b.latency_p95_ms == 19);

  const nlohmann::json j = AbReportToJson(report);
  REQUIRE(j["variants"].size() == 3);
  CHECK(j["variants"][1]["variant"] == "A");
  CHECK(j["variants"][1]["sessions"] == 2);
  CHECK(j["variants"][1]["latency_p95_ms"] == 100.0);
  CHECK(j["variants"][1]["answer_rates"][0]["region"] == "hippo");
  CHECK(j["variants"][1]["answer_rates"][0]["rate"] == doctest::Approx(0.5));

  CHECK(FormatAbReport(report) ==
        "variant  sessions  turns  p50_ms  p95_ms\n"
        "-------  --------  -----  ------  -------\n"
        "(none)   1         1      7.000   7.000\n"
        "A        2         10     50.000  100.000\n"
        "B        1         20     10.000  19.000\n"
        "\n"
        "variant  answered_by  share\n"
        "-------  -----------  ------\n"
        "(none)   episodic     100.0%\n"
        "A        hippo        50.0%\n"
        "A        cortex       30.0%\n"
        "A        (none)       20.0%\n"
        "B        cortex       100.0%\n");
}

TEST_CASE("answer rates that tie are ordered by region name") {
  TempDir dir;
  auto brain = test::OpenBrain((dir / "brain.db"));
  AddTurn(*brain, MakeTurn("s", 0, "X", "zeta", 1));
  AddTurn(*brain, MakeTurn("s", 1, "X", "alpha", 2));
  std::vector<VariantReport> report;
  REQUIRE(BuildAbReport(*brain, &report).ok());
  REQUIRE(report.size() == 1);
  REQUIRE(report[0].answer_rates.size() == 2);
  CHECK(report[0].answer_rates[0].first == "alpha");
  CHECK(report[0].answer_rates[1].first == "zeta");
  // Nearest rank of two values: p50 is rank 1, p95 rank 2.
  CHECK(report[0].latency_p50_ms == 1);
  CHECK(report[0].latency_p95_ms == 2);
}

TEST_CASE("an empty brain gives an empty report") {
  TempDir dir;
  auto brain = test::OpenBrain((dir / "brain.db"));
  std::vector<VariantReport> report(1);
  REQUIRE(BuildAbReport(*brain, &report).ok());
  CHECK(report.empty());
  CHECK(FormatAbReport(report) == "no turns recorded yet\n");
  CHECK(AbReportToJson(report)["variants"].empty());
}

}  // namespace
}  // namespace brainhost
