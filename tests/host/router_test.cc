// The graph walk: who answers, what happens when regions fail, variants.
#include <doctest/doctest.h>

#include "graph/experiment.h"
#include "graph/validate.h"
#include "turn/router.h"

namespace brainhost {

namespace {

struct Fixture {
  explicit Fixture(const std::string& graph_file) {
    registry.Scan({TEST_PLUGIN_GOOD_DIR, BRAINHOST_PLUGIN_DIR});
    REQUIRE(LoadGraphConfig(std::string(TEST_DATA_DIR) + "/" + graph_file, &graph).ok());
    REQUIRE(ValidateGraph(graph, registry.regions()).ok());
  }
  std::unique_ptr<Router> Make(const VariantDecl* variant = nullptr) {
    std::unique_ptr<Router> router;
    REQUIRE(Router::Create(graph, variant, registry, {}, &router).ok());
    return router;
  }
  const VariantDecl& Variant(const std::string& name) {
    for (const VariantDecl& v : graph.experiment->variants) {
      if (v.name == name) return v;
    }
    FAIL("no variant " << name);
    throw;
  }
  PluginRegistry registry;
  GraphConfig graph;
};

TurnOutcome Say(Router& router, const std::string& text) {
  return router.Run(TurnInput{text, "session", 0, 1700000000000});
}

bool HasEvent(const TurnOutcome& o, const std::string& region, const std::string& kind,
              const std::string& fragment) {
  for (const TurnEvent& e : o.events) {
    if (e.region == region && e.kind == kind && e.message.find(fragment) != std::string::npos) {
      return true;
    }
  }
  return false;
}

}  // namespace

TEST_CASE("the entry node answers when it is confident enough") {
  Fixture f("router.toml");
  auto router = f.Make();
  TurnOutcome o = Say(*router, "echo hello there");
  CHECK(o.reply == "hello there");
  CHECK(o.region == "echo");
  CHECK(o.confidence == doctest::Approx(0.9));
  CHECK(o.events.empty());
}

TEST_CASE("an edge is followed when its condition holds, in file order") {
  Fixture f("router.toml");
  auto router = f.Make();
  // Short line: tag.seen and not answered -> throws answers.
  TurnOutcome o = Say(*router, "hi");
  CHECK(o.reply == "throws answered");
  CHECK(o.region == "throws");
  // Long line: the signal edge comes first -> fails, which errors -> fallback.
  o = Say(*router, "this line is long enough to pass twenty bytes");
  CHECK(o.region == "fallback");
  CHECK(o.reply == "nobody knows");
  // Every node that ran is timed, in the order it ran, the failed one too.
  REQUIRE(o.node_ms.size() >= 2);
  CHECK(o.node_ms.front().first == f.graph.entry);
  CHECK(o.node_ms.back().first == "fallback");
  for (const auto& [node, ms] : o.node_ms) CHECK(ms >= 0);
}

TEST_CASE("a region that throws is logged and the turn ends in the fallback") {
  Fixture f("router.toml");
  auto router = f.Make();
  TurnOutcome o = Say(*router, "boom");
  CHECK(o.reply == "nobody knows");
  CHECK(o.region == "fallback");
  CHECK(HasEvent(o, "throws", "error", "blew up on purpose"));
  // And the router keeps working.
  CHECK(Say(*router, "echo again").reply == "again");
}

TEST_CASE("a write to an undeclared slot fails the region's turn") {
  Fixture f("router.toml");
  auto router = f.Make();
  TurnOutcome o = Say(*router, "this line is long enough to pass twenty bytes");
  CHECK(HasEvent(o, "fails", "error", "BH_ERR_UNDECLARED_SLOT"));
}

TEST_CASE("an exception across the raw C ABI and a failed create do not stop the turn") {
  Fixture f("router_faults.toml");
  auto router = f.Make();
  CHECK(router->nodes().at("raw") != nullptr);
  CHECK(router->nodes().at("broken") == nullptr);
  TurnOutcome o = Say(*router, "anything");
  CHECK(o.region == "fallback");
  CHECK(o.reply == "i don't know that yet");
  CHECK(HasEvent(o, "raw", "error", "raw exception across the C ABI"));
  CHECK(HasEvent(o, "broken", "skipped", ""));
}

TEST_CASE("an answer below min_confidence does not end the turn") {
  Fixture f("low_confidence.toml");
  auto router = f.Make();
  TurnOutcome o = Say(*router, "echo maybe");
  CHECK(o.region == "fallback");
  CHECK(HasEvent(o, "echo", "answer", "maybe"));
}

TEST_CASE("variants switch a region off or swap another in") {
  Fixture f("ab.toml");
  auto on = f.Make(&f.Variant("on"));
  auto off = f.Make(&f.Variant("off"));
  auto swapped = f.Make(&f.Variant("swapped"));
  CHECK(Say(*on, "echo x").region == "echo");
  TurnOutcome o = Say(*off, "echo x");
  CHECK(o.region == "fallback");
  CHECK(HasEvent(o, "echo", "skipped", ""));
  o = Say(*swapped, "echo x");
  CHECK(o.region == "echo");  // the node keeps its name
  CHECK(o.reply == "throws answered");
}

TEST_CASE("with no fallback answer the host replies itself") {
  Fixture f("router_faults.toml");
  // Switch the fallback off too: nobody can answer.
  VariantDecl all_off;
  all_off.name = "all-off";
  all_off.disable = {"raw", "broken", "fallback"};
  auto router = f.Make(&all_off);
  TurnOutcome o = Say(*router, "hello?");
  CHECK(o.reply == kNoRegionReply);
  CHECK_FALSE(o.region.has_value());
}

}  // namespace brainhost
