// Router: walks one routing graph for each turn.
//
// The walk: start at the entry node; run it; if it answered with at least its
// min_confidence the turn ends with that reply. Otherwise follow the first edge leaving it
// whose condition holds; when none holds the walk ends and the fallback node runs (unless it
// already ran). A node that fails (an error status, an exception) or was switched off counts
// as not answering; the failure is recorded and the walk goes on, so no region can take the
// turn down. If even the fallback gives nothing, the host says so itself.
#ifndef BRAINHOST_HOST_TURN_ROUTER_H
#define BRAINHOST_HOST_TURN_ROUTER_H

#include <map>
#include <memory>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "graph/graph_config.h"
#include "plugin/plugin_registry.h"
#include "plugin/region_instance.h"
#include "plugin/memory_backend.h"
#include "status.h"
#include "turn/turn_view.h"

namespace brainhost {

// The host's own reply when no region produced one.
inline constexpr char kNoRegionReply[] = "i don't know that yet";

// Something about one node in one turn that is worth keeping in the turn log.
struct TurnEvent {
  std::string region;
  std::string kind;  // "error": the region failed; "skipped": switched off or never created;
                     // "answer": it answered below its min_confidence
  std::string message;
};

struct TurnOutcome {
  std::string reply;
  std::optional<std::string> region;  // the node that gave the reply; empty for the host's own
  std::optional<double> confidence;
  std::vector<TurnEvent> events;
  std::vector<std::pair<std::string, double>> node_ms;  // each node that ran, in order, with
                                                        // its wall time in milliseconds
  std::map<std::string, double, std::less<>> signals;  // the blackboard's at the turn's end
};

class Router {
 public:
  // Creates one instance per node of `graph` as changed by `variant` (may be null): disabled
  // nodes get none, swapped nodes run their replacement. A node whose create fails is logged
  // with its library's path and the reason, and is treated as switched off.
  // REQUIRES: graph has been validated against registry.
  static Status Create(const GraphConfig& graph, const VariantDecl* variant,
                       const PluginRegistry& registry, const RegionServices& services,
                       std::unique_ptr<Router>* out);

  TurnOutcome Run(const TurnInput& input);

  // The live instances, by node name (nullptr for a node without one).
  const std::map<std::string, std::unique_ptr<RegionInstance>>& nodes() const { return nodes_; }

 private:
  explicit Router(const GraphConfig& graph) : graph_(graph) {}

  struct NodeResult {
    std::optional<Answer> answer;  // empty when the node did not answer (or failed)
  };
  // The walk of Run over blackboard.
  TurnOutcome Walk(const TurnInput& input, Blackboard* blackboard);
  NodeResult RunNode(const std::string& node, const TurnInput& input, Blackboard* blackboard,
                     TurnOutcome* outcome);
  // The node the walk moves to from `node`, or empty when no edge condition holds.
  std::string NextNode(const std::string& node, const Blackboard& blackboard,
                       const NodeResult& result) const;

  const GraphConfig& graph_;
  std::map<std::string, std::unique_ptr<RegionInstance>> nodes_;
};

}  // namespace brainhost

#endif  // BRAINHOST_HOST_TURN_ROUTER_H
