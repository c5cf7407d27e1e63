// The structural checks of a routing graph: no cycle, and every region reachable.
//
// Internal to the graph library; LoadGraphConfig runs them once a file has parsed, so every
// name in the graph is known to refer to a declared region.
#ifndef BRAINHOST_HOST_GRAPH_GRAPH_CHECK_H
#define BRAINHOST_HOST_GRAPH_GRAPH_CHECK_H

#include <set>
#include <string>

#include "graph/graph_config.h"
#include "status.h"

namespace brainhost {

// Returns InvalidArgument at the line of an edge that closes a cycle:
//   "graph.toml:25: the graph has a cycle: a -> b -> c -> a"
// REQUIRES: every edge's from and to name a region of g.
Status CheckAcyclic(const GraphConfig& g);

// Returns InvalidArgument at the line of the first region, in file order, that no path of
// edges leads to from the entry and that is not in `exempt`:
//   "graph.toml:4: region 'lonely' is unreachable from entry 'clock'"
// REQUIRES: g.entry and every edge's from and to name regions of g.
Status CheckReachable(const GraphConfig& g, const std::set<std::string>& exempt);

}  // namespace brainhost

#endif  // BRAINHOST_HOST_GRAPH_GRAPH_CHECK_H
