// ValidateGraph: the checks of a routing graph that need the installed regions' metadata.
//
// LoadGraphConfig (graph_config.h) checks everything a file can get wrong on its own; this adds
// what depends on the plugins found at run time, read from their static descriptors, so a graph
// is refused before any plugin code runs rather than failing mid-conversation.
#ifndef BRAINHOST_HOST_GRAPH_VALIDATE_H
#define BRAINHOST_HOST_GRAPH_VALIDATE_H

#include <vector>

#include "graph/graph_config.h"
#include "region_info.h"
#include "status.h"

namespace brainhost {

// Checks `g`, and the graph of each of its variants, against `installed`:
//   - every region's plugin id is installed;
//   - the fallback, and any region swapped in for it, can answer (BH_CAP_ANSWER), since it
//     gives the reply when nobody else did;
//   - every tag, text and signal slot a `when` reads is in the `writes` of at least one region
//     of the same graph, with the same kind: a condition on a slot nobody writes never holds,
//     which is almost always a typo.
// Returns OK, or InvalidArgument for the first problem, its message starting with "FILE:LINE: ":
//   "graph.toml:3: region 'clock' uses plugin 'brainhost.clok', which is not installed"
//   "graph.toml:14: condition reads tag 'time', which no region in the graph writes"
// REQUIRES: g came from a successful LoadGraphConfig, so every name in it refers to a region.
Status ValidateGraph(const GraphConfig& g, const std::vector<RegionInfo>& installed);

}  // namespace brainhost

#endif  // BRAINHOST_HOST_GRAPH_VALIDATE_H
