#include "graph/graph_check.h"

#include <algorithm>
#include <cassert>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace brainhost {

namespace {

// Region names mapped to their indices in g.regions, and each region's outgoing edge indices
// in file order: the graph as the searches below need it.
struct Indexed {
  std::unordered_map<std::string_view, int> index;
  std::vector<std::vector<size_t>> out;

  explicit Indexed(const GraphConfig& g) : out(g.regions.size()) {
    for (size_t i = 0; i < g.regions.size(); ++i) index[g.regions[i].name] = static_cast<int>(i);
    for (size_t e = 0; e < g.edges.size(); ++e) out[Of(g.edges[e].from)].push_back(e);
  }

  int Of(std::string_view name) const {
    auto it = index.find(name);
    assert(it != index.end() && "an edge or the entry names an undeclared region");
    return it->second;
  }
};

}  // namespace

// Depth-first search with an explicit stack, so a huge generated graph cannot overflow the call
// stack. The stack holds exactly the nodes on the current path, which is the cycle's prefix when
// an edge leads back into it.
Status CheckAcyclic(const GraphConfig& g) {
  enum Color { kUnseen, kOnPath, kDone };
  Indexed graph(g);
  const std::vector<std::vector<size_t>>& out = graph.out;
  std::vector<Color> color(g.regions.size(), kUnseen);
  std::vector<size_t> next_edge(g.regions.size(), 0);
  for (size_t start = 0; start < g.regions.size(); ++start) {
    if (color[start] != kUnseen) continue;
    std::vector<int> path{static_cast<int>(start)};
    color[start] = kOnPath;
    while (!path.empty()) {
      int u = path.back();
      if (next_edge[u] == out[u].size()) {
        color[u] = kDone;
        path.pop_back();
        continue;
      }
      const EdgeDecl& edge = g.edges[out[u][next_edge[u]++]];
      int v = graph.Of(edge.to);
      if (color[v] == kOnPath) {
        std::string cycle;
        for (auto it = std::find(path.begin(), path.end(), v); it != path.end(); ++it) {
          cycle += g.regions[*it].name + " -> ";
        }
        return Status::InvalidArgument(edge.pos.ToString() + ": the graph has a cycle: " + cycle +
                                       g.regions[v].name);
      }
      if (color[v] == kUnseen) {
        color[v] = kOnPath;
        path.push_back(v);
      }
    }
  }
  return Status::OK();
}

Status CheckReachable(const GraphConfig& g, const std::set<std::string>& exempt) {
  Indexed graph(g);
  std::vector<bool> reached(g.regions.size(), false);
  std::vector<int> queue{graph.Of(g.entry)};
  reached[queue[0]] = true;
  for (size_t i = 0; i < queue.size(); ++i) {
    for (size_t e : graph.out[queue[i]]) {
      int v = graph.Of(g.edges[e].to);
      if (!reached[v]) {
        reached[v] = true;
        queue.push_back(v);
      }
    }
  }
  for (size_t i = 0; i < g.regions.size(); ++i) {
    const RegionDecl& r = g.regions[i];
    if (!reached[i] && !exempt.contains(r.name)) {
      return Status::InvalidArgument(r.pos.ToString() + ": region '" + r.name +
                                     "' is unreachable from entry '" + g.entry + "'");
    }
  }
  return Status::OK();
}

}  // namespace brainhost
