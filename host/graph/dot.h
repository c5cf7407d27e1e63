// GraphToDot: a routing graph drawn as Graphviz DOT, for `brainhost graph --dot`.
//
// Pipe it through `dot -Tsvg` to see it. One box per region, labelled with the instance name and
// the plugin id; the entry is bold, with an arrow from a start point; the fallback is dashed;
// each edge is labelled with its condition (an "always" edge is left unlabelled) and, when a
// node has several, a number giving the order they are tried in.
#ifndef BRAINHOST_HOST_GRAPH_DOT_H
#define BRAINHOST_HOST_GRAPH_DOT_H

#include <string>

#include "graph/graph_config.h"

namespace brainhost {

// Returns the DOT text of `g`'s own graph (a variant's other graph file is not drawn). Every
// name is written as a quoted DOT string, so any text in the config is safe.
std::string GraphToDot(const GraphConfig& g);

}  // namespace brainhost

#endif  // BRAINHOST_HOST_GRAPH_DOT_H
