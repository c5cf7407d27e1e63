#include "graph/graph_config.h"

#include <doctest/doctest.h>

#include <utility>
#include <vector>

#include "test_data.h"

namespace brainhost {
namespace {

using testing::CheckLoadError;
using testing::DataPath;
using Settings = std::vector<std::pair<std::string, std::string>>;

GraphConfig LoadOk(const std::string& path) {
  GraphConfig g;
  Status s = LoadGraphConfig(path, &g);
  INFO(s.ToString());
  REQUIRE(s.ok());
  return g;
}

TEST_CASE("a full graph file loads with every field") {
  const std::string path = DataPath("full.toml");
  GraphConfig g = LoadOk(path);

  CHECK(g.path == path);
  CHECK(g.plugin_path ==
        std::vector<std::string>{DataPath("plugins"), "/opt/brainhost/plugins"});
  CHECK(g.brain_path == "brains/me.db");

  std::vector<std::string> names;
  for (const RegionDecl& r : g.regions) names.push_back(r.name);
  CHECK(names == std::vector<std::string>{"intent", "clock", "clock_v2", "memory", "fallback"});

  const RegionDecl* clock = g.FindRegion("clock");
  REQUIRE(clock != nullptr);
  CHECK(clock->plugin == "brainhost.clock");
  CHECK(clock->pos.ToString() == path + ":9");
  CHECK(clock->min_confidence == 0.6);
  CHECK(g.MinConfidenceOf(*clock) == 0.6);
  CHECK(g.MinConfidenceOf(*g.FindRegion("memory")) == 0.4);
  CHECK(g.FindRegion("clok") == nullptr);

  CHECK(g.entry == "intent");
  CHECK(g.entry_pos.ToString() == path + ":33");
  CHECK(g.fallback == "fallback");
  CHECK(g.fallback_pos.ToString() == path + ":34");
  CHECK(g.min_confidence == 0.4);

  REQUIRE(g.edges.size() == 3);
  CHECK(g.edges[0].from == "intent");
  CHECK(g.edges[0].to == "clock");
  CHECK(g.edges[0].when.text() == "tag.time and not answered");
  CHECK(g.edges[0].pos.line == 37);
  CHECK(g.edges[1].to == "memory");
  CHECK(g.edges[1].when.IsAlways());
  CHECK(g.edges[2].when.text() == "confidence < 0.3 or signal.novelty >= 0.5");
  CHECK(g.edges[2].pos.line == 46);

  REQUIRE(g.experiment.has_value());
  const ExperimentDecl& e = *g.experiment;
  CHECK(e.name == "clock-ablation");
  CHECK(e.pos.line == 51);
  REQUIRE(e.variants.size() == 4);
  CHECK(e.variants[0].name == "on");
  CHECK(e.variants[0].weight == 2);
  CHECK(e.variants[0].pos.line == 54);
  CHECK(e.variants[1].disable == std::vector<std::string>{"clock", "memory"});
  CHECK(e.variants[2].weight == 0.5);
  CHECK(e.variants[2].swap == Settings{{"clock", "clock_v2"}});
  CHECK(e.variants[2].graph == nullptr);
}

TEST_CASE("settings are flattened to dotted keys and TOML text") {
  GraphConfig g = LoadOk(DataPath("full.toml"));
  CHECK(g.FindRegion("clock")->settings == Settings{
                                               {"decode.temperature", "0.7"},
                                               {"decode.top_k", "40"},
                                               {"enabled", "true"},
                                               {"list", "[1, 2.5, \"x y\", { a = 1 }]"},
                                               {"nested.deep.key", "v"},
                                               {"quote", "say \"hi\""},
                                               {"timezone", "UTC"},
                                               {"whole", "1.0"},
                                           });
  CHECK(g.FindRegion("fallback")->settings == Settings{{"reply", "i don't know that yet"}});
  CHECK(g.FindRegion("intent")->settings.empty());
}

TEST_CASE("a variant's graph file is loaded, and its swap targets count as reachable") {
  GraphConfig g = LoadOk(DataPath("full.toml"));
  const VariantDecl& small = g.experiment->variants[3];
  CHECK(small.name == "small");
  CHECK(small.graph_path == DataPath("variant_graph.toml"));
  REQUIRE(small.graph != nullptr);
  CHECK(small.graph->path == DataPath("variant_graph.toml"));
  CHECK(small.graph->entry == "entry");
  CHECK(small.graph->regions.size() == 3);
  CHECK_FALSE(small.graph->experiment.has_value());
  CHECK(small.swap == Settings{{"entry", "other"}});

  // Alone, the same file has an unreachable region: only full.toml's swap makes "other" used.
  CheckLoadError("variant_graph.toml", 5, "region 'other' is unreachable from entry 'entry'");
}

TEST_CASE("the example A/B config loads") {
  GraphConfig g = LoadOk(std::string(BRAINHOST_GRAPH_TEST_DATA) + "/../../../config/ab-clock-off.toml");
  CHECK(g.entry == "clock");
  CHECK(g.fallback == "fallback");
  CHECK(g.FindRegion("clock")->plugin == "brainhost.clock");
  CHECK(g.FindRegion("fallback")->settings == Settings{{"reply", "i don't know that yet"}});
  REQUIRE(g.experiment.has_value());
  CHECK(g.experiment->name == "clock-ablation");
  REQUIRE(g.experiment->variants.size() == 2);
  CHECK(g.experiment->variants[0].name == "on");
  CHECK(g.experiment->variants[0].disable.empty());
  CHECK(g.experiment->variants[1].name == "off");
  CHECK(g.experiment->variants[1].disable == std::vector<std::string>{"clock"});
}

TEST_CASE("a file that cannot be read names its path") {
  GraphConfig g;
  g.entry = "untouched";
  Status s = LoadGraphConfig(DataPath("no_such_file.toml"), &g);
  CHECK(s.IsNotFound());
  CHECK(s.message() == DataPath("no_such_file.toml") + ": no such file");
  CHECK(g.entry == "untouched");

  s = LoadGraphConfig(DataPath(""), &g);
  CHECK(s.IsIOError());
  CHECK(s.message().find("is a directory") != std::string::npos);
}

TEST_CASE("syntax and schema errors name file and line") {
  CheckLoadError("malformed.toml", 3, "malformed TOML at column 17: ");
  CheckLoadError("unknown_field.toml", 3,
                 "unknown field 'colour' in [regions.clock] (expected one of: plugin, "
                 "min_confidence, settings)");
  CheckLoadError("unknown_table.toml", 11, "unknown field 'grpah' at the top level");
  CheckLoadError("wrong_type.toml", 8, "[graph] entry must be a string");
  CheckLoadError("missing_entry.toml", 7, "[graph] is missing required key 'entry'");
  CheckLoadError("missing_plugin.toml", 1, "[regions.clock] is missing required key 'plugin'");
  CheckLoadError("missing_graph.toml", 1, "missing required table [graph]");
  CheckLoadError("bad_name.toml", 1, "region name 'Clock' must match [a-z0-9_-]+");
  CheckLoadError("min_confidence_range.toml", 10,
                 "[graph] min_confidence must be in [0, 1], not 1.5");
}

TEST_CASE("names must refer to declared regions") {
  CheckLoadError("unknown_entry.toml", 8, "[graph] entry: unknown region 'nope'");
  CheckLoadError("unknown_region_edge.toml", 20,
                 "[[graph.edge]] to: unknown region 'clokc' (did you mean 'clock'?)");
  CheckLoadError("disable_unknown.toml", 18,
                 "[[experiment.variant]] 'off' disable: unknown region 'clokc'");
  CheckLoadError("swap_unknown.toml", 17,
                 "[[experiment.variant]] 'v3' swap: unknown region 'clock_v3'");
}

TEST_CASE("a condition that does not parse") {
  CheckLoadError("bad_condition.toml", 17,
                 "[[graph.edge]] when: expected 'always', 'answered', 'confidence', 'tag.NAME', "
                 "'text.NAME', 'signal.NAME', 'not' or '(' at column 13, found the end of the "
                 "condition");
}

TEST_CASE("structure: cycles and unreachable regions") {
  CheckLoadError("cycle.toml", 25, "the graph has a cycle: a -> b -> c -> a");
  CheckLoadError("self_loop.toml", 11, "the graph has a cycle: clock -> clock");
  CheckLoadError("unreachable.toml", 4, "region 'lonely' is unreachable from entry 'clock'");
}

TEST_CASE("experiment errors") {
  CheckLoadError("no_variants.toml", 11, "[experiment] 'empty' has no variants");
  CheckLoadError("duplicate_variant.toml", 18, "duplicate variant name 'on' (first declared at " +
                                                   DataPath("duplicate_variant.toml") + ":14)");
  CheckLoadError("zero_weight.toml", 16,
                 "[[experiment.variant]] 'on' weight must be > 0 and finite, not 0");
  CheckLoadError("disable_fallback.toml", 17,
                 "[[experiment.variant]] 'off' disables the fallback 'fallback'");
}

TEST_CASE("variant graph errors") {
  CheckLoadError("variant_graph_missing.toml", 17,
                 "[[experiment.variant]] 'other' graph: " + DataPath("no_such_graph.toml") +
                     ": no such file");
  // An error inside the other file is reported at its own line there.
  CheckLoadError("variant_bad_graph.toml", 4, "region 'lonely' is unreachable",
                 "unreachable.toml");
  CheckLoadError("variant_own_experiment.toml", 11,
                 "a variant's graph must not declare its own [experiment] (variant 'nested' at " +
                     DataPath("variant_own_experiment.toml") + ":14 uses this file)",
                 "duplicate_variant.toml");
}

TEST_CASE("[sleep]: every setting read, the defaults without one, and each checked") {
  const GraphConfig g = LoadOk(DataPath("sleep.toml"));
  CHECK(g.sleep.auto_sleep);
  CHECK(g.sleep.fatigue_tokens == 500);
  CHECK(g.sleep.mode == "lock");
  CHECK(g.sleep.epochs == 4);
  CHECK(g.sleep.max_steps == 30);
  CHECK(g.sleep.lr == 0.001);
  CHECK(g.sleep.base_share == 0.5);
  CHECK(g.sleep.lock_share == 0.1);
  CHECK(g.sleep.max_ppl_rise == 0.02);
  CHECK(g.sleep.base_bytes == 65536);
  const GraphConfig none = LoadOk(DataPath("full.toml"));  // no [sleep]
  CHECK_FALSE(none.sleep.auto_sleep);
  CHECK(none.sleep.mode == "both");
  CHECK(none.sleep.max_ppl_rise == 0.03);

  CheckLoadError("sleep_share_range.toml", 12, "[sleep] base_share must be in [0, 0.95], not 1.5");
  CheckLoadError("sleep_mode.toml", 12,
                 "[sleep] mode must be \"none\", \"replay\", \"lock\" or \"both\"");
  CheckLoadError("sleep_auto.toml", 12, "[sleep] auto must be true or false");
  CheckLoadError("sleep_steps.toml", 12, "[sleep] max_steps must be a whole number >= 1, not 2.5");
  CheckLoadError("sleep_unknown.toml", 12, "unknown field 'epoch' in [sleep]");
}

}  // namespace
}  // namespace brainhost
