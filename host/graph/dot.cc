#include "graph/dot.h"

#include <map>
#include <string_view>

namespace brainhost {

namespace {

// The inside of a DOT quoted string: a quote or backslash is escaped, and a newline becomes
// DOT's own "\n" so a label cannot break out of its line.
std::string Escape(std::string_view text) {
  std::string out;
  for (char c : text) {
    if (c == '"' || c == '\\') {
      out += '\\';
      out += c;
    } else if (c == '\n') {
      out += "\\n";
    } else if (c != '\r') {
      out += c;
    }
  }
  return out;
}

std::string Quote(std::string_view text) { return "\"" + Escape(text) + "\""; }

}  // namespace

std::string GraphToDot(const GraphConfig& g) {
  std::string out = "digraph " + Quote(g.path) + " {\n";
  out += "  node [shape=box];\n";
  // The start point is not a region, so its id is one no instance name can take.
  out += "  \"@start\" [shape=point, style=invis];\n";
  out += "  \"@start\" -> " + Quote(g.entry) + ";\n";
  for (const RegionDecl& region : g.regions) {
    std::string style;
    if (region.name == g.entry) style = "bold";
    if (region.name == g.fallback) style += style.empty() ? "dashed" : ",dashed";
    out += "  " + Quote(region.name) + " [label=\"" + Escape(region.name) + "\\n" +
           Escape(region.plugin) + "\"";
    if (!style.empty()) out += ", style=\"" + style + "\"";
    out += "];\n";
  }
  std::map<std::string, int> out_degree;
  for (const EdgeDecl& edge : g.edges) ++out_degree[edge.from];
  std::map<std::string, int> rank;
  for (const EdgeDecl& edge : g.edges) {
    std::string label;
    if (out_degree[edge.from] > 1) {
      // Edges are tried in file order, which the drawing would otherwise lose.
      label = std::to_string(++rank[edge.from]);
      if (!edge.when.IsAlways()) label += ": ";
    }
    if (!edge.when.IsAlways()) label += edge.when.text();
    out += "  " + Quote(edge.from) + " -> " + Quote(edge.to);
    if (!label.empty()) out += " [label=" + Quote(label) + "]";
    out += ";\n";
  }
  out += "}\n";
  return out;
}

}  // namespace brainhost
