// GraphConfig: a routing-graph file (config/*.toml), parsed and structurally checked.
//
// The file declares region instances (the nodes), the graph over them and, optionally, an A/B
// experiment. config/ab-clock-off.toml is a commented example of every part; in short:
//
//   [host]                    optional
//   plugin_path = [..]        extra plugin directories, relative ones against the file's dir
//   brain = "brain.db"        default brain path, kept as written (relative to the CWD)
//
//   [regions.NAME]            one per instance; NAME matches [a-z0-9_-]+
//   plugin = "brainhost.clock"   required: the id of an installed region
//   min_confidence = 0.6      optional, in [0, 1]; overrides graph.min_confidence
//   settings = { .. }         optional, any TOML; flattened for the plugin (see RegionDecl)
//
//   [graph]
//   entry = "NAME"            required: the first node of every turn
//   fallback = "NAME"         required: runs when the walk ends and nobody answered enough
//   min_confidence = 0.5      optional, in [0, 1]
//   [[graph.edge]]            zero or more, in priority order
//   from = "NAME"  to = "NAME"  when = "CONDITION"  (when is optional: "always")
//
//   [sleep]                   optional: SleepConfig below, each key optional
//   auto = false  fatigue_tokens = 4000  mode = "both"  epochs = 24  max_steps = 200
//   lr = 0.0003  base_share = 0.75  lock_share = 0.25  max_ppl_rise = 0.03
//   base_bytes = 2097152
//
//   [experiment]              optional
//   name = ".."               required
//   [[experiment.variant]]    one or more: name (required, unique), weight (required, > 0,
//                             relative), disable = [NAME..], swap = { NAME = NAME }, graph = "f"
//
// How a turn walks the graph: it starts at entry; a node runs; if it answered with confidence
// >= its min_confidence the turn ends with that reply; otherwise the edges leaving it are tried
// in file order and the first whose `when` holds (see condition.h) is followed; when none holds
// the walk ends and the fallback runs.
//
// A variant that names a `graph` runs that whole file instead of this one; its disable and
// swap then name regions of that file. The file is loaded and checked with this one and must
// not declare an [experiment] of its own.
#ifndef BRAINHOST_HOST_GRAPH_GRAPH_CONFIG_H
#define BRAINHOST_HOST_GRAPH_GRAPH_CONFIG_H

#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "graph/condition.h"
#include "status.h"

namespace brainhost {

// Where a declaration stands in its file, for error messages.
struct SourcePos {
  std::string file;
  int line = 0;

  // "file:line".
  std::string ToString() const;
};

// [regions.NAME]: one node.
struct RegionDecl {
  std::string name;    // the instance name, the table key
  std::string plugin;  // a region id: "brainhost.clock"
  std::optional<double> min_confidence;
  // The settings table flattened, sorted by key: nested tables give dotted keys
  // ("decode.top_k"); a string is its text, anything else its TOML text ("0.7", "42", "true",
  // "[1, 2]"). This is what the plugin receives as bh_setting.
  std::vector<std::pair<std::string, std::string>> settings;
  SourcePos pos;  // the line of its table
};

// [[graph.edge]]: one edge, tried in file order among the edges leaving `from`.
struct EdgeDecl {
  std::string from, to;
  Condition when;  // "always" when the file gives none
  SourcePos pos;   // the line of its table
};

struct GraphConfig;

// [[experiment.variant]]
struct VariantDecl {
  std::string name;
  double weight = 1;                                      // > 0, relative to the others'
  std::vector<std::string> disable;                       // nodes switched off
  std::vector<std::pair<std::string, std::string>> swap;  // node -> instance run in its place
  std::string graph_path;                                 // as resolved, or empty
  std::shared_ptr<GraphConfig> graph;                     // loaded when graph_path is set
  SourcePos pos;
};

// [experiment]
struct ExperimentDecl {
  std::string name;
  std::vector<VariantDecl> variants;  // never empty once loaded
  SourcePos pos;
};

// [sleep]: how `brainhost sleep` and chat's /sleep consolidate the replay buffer into the
// cortex (regions/training/sleep.h), and when chat suggests it.
struct SleepConfig {
  bool auto_sleep = false;        // `auto`: sleep as a chat session ends, past fatigue_tokens
  int64_t fatigue_tokens = 4000;  // tokens since the last sleep past which chat suggests /sleep
  std::string mode = "both";      // "none", "replay", "lock" or "both"
  double epochs = 24;             // how often the pending material is replayed
  int max_steps = 200;            // the training steps that takes, at most
  double lr = 3e-4;
  double base_share = 0.75;       // replay: each batch's share of base-corpus rows
  double lock_share = 0.25;       // lock: the share of 64-parameter blocks frozen
  double max_ppl_rise = 0.03;     // the forgetting guard: a larger rise rejects the sleep
  int64_t base_bytes = 1 << 21;   // base corpus generated to replay and to measure
};

struct GraphConfig {
  std::string path;                      // the file, as passed to LoadGraphConfig
  std::vector<std::string> plugin_path;  // relative entries joined to the file's directory
  std::string brain_path;                // as written; empty when the file sets none
  std::vector<RegionDecl> regions;       // in file order
  std::string entry, fallback;
  SourcePos entry_pos, fallback_pos;
  double min_confidence = 0.5;
  std::vector<EdgeDecl> edges;  // in file order
  std::optional<ExperimentDecl> experiment;
  SleepConfig sleep;

  // The region declared under `name`, or nullptr. The pointer lives as long as this config
  // and its regions vector are unchanged.
  const RegionDecl* FindRegion(std::string_view name) const;

  // The confidence a reply of `region` needs to end the turn: its own min_confidence or the
  // graph's.
  double MinConfidenceOf(const RegionDecl& region) const;
};

// graph with its experiment replaced by one of a single variant, `variant`, that switches off
// the nodes in `disable`: every session runs that variant, and the turn log names it. How a
// benchmark or the demo runs an arrangement of regions without a file of its own.
GraphConfig WithOnlyVariant(const GraphConfig& graph, std::string experiment,
                            std::string variant, std::vector<std::string> disable);

// Reads, parses and checks the graph file at `path` (and the graph files its variants name)
// into *out. Checks that need no plugin: known fields of the right types, required keys,
// instance names, every name referring to a declared region, conditions that parse, the
// experiment's variants, no cycle, and every region reachable from entry through edges (the
// fallback, and regions used only as swap targets, are exempt). ValidateGraph (validate.h)
// does the checks that need the installed regions.
//
// Returns NotFound or IOError naming the path when the file cannot be read, and otherwise
// InvalidArgument whose message starts with "FILE:LINE: " and names the offending thing:
//   "graph.toml:12: unknown region 'clokc'"
//   "graph.toml:7: the graph has a cycle: a -> b -> a"
// On failure *out is left untouched.
Status LoadGraphConfig(const std::string& path, GraphConfig* out);

}  // namespace brainhost

#endif  // BRAINHOST_HOST_GRAPH_GRAPH_CONFIG_H
