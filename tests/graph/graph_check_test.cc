#include "graph/graph_check.h"

#include <doctest/doctest.h>

#include <initializer_list>
#include <utility>

namespace brainhost {
namespace {

// A graph over regions `names` (declared on lines 1, 2, ...) with `edges` (on lines 101, 102,
// ...), entering at the first region.
GraphConfig Graph(std::initializer_list<const char*> names,
                  std::initializer_list<std::pair<const char*, const char*>> edges) {
  GraphConfig g;
  g.path = "g.toml";
  int line = 0;
  for (const char* name : names) {
    RegionDecl r;
    r.name = name;
    r.plugin = "p";
    r.pos = SourcePos{"g.toml", ++line};
    g.regions.push_back(r);
  }
  line = 100;
  for (const auto& [from, to] : edges) {
    EdgeDecl e;
    e.from = from;
    e.to = to;
    e.pos = SourcePos{"g.toml", ++line};
    g.edges.push_back(e);
  }
  g.entry = g.regions.front().name;
  g.fallback = g.regions.back().name;
  return g;
}

std::string Message(const Status& s) { return s.ok() ? "OK" : s.message(); }

TEST_CASE("a diamond, where two paths meet, is not a cycle") {
  GraphConfig g = Graph({"a", "b", "c", "d"}, {{"a", "b"}, {"a", "c"}, {"b", "d"}, {"c", "d"}});
  CHECK(Message(CheckAcyclic(g)) == "OK");
  CHECK(Message(CheckReachable(g, {})) == "OK");
}

TEST_CASE("a cycle is reported along its path at the edge that closes it") {
  GraphConfig g = Graph({"a", "b", "c", "d"}, {{"a", "b"}, {"b", "c"}, {"c", "d"}, {"d", "b"}});
  CHECK(Message(CheckAcyclic(g)) == "g.toml:104: the graph has a cycle: b -> c -> d -> b");
}

TEST_CASE("a cycle the entry cannot reach is still a cycle") {
  GraphConfig g = Graph({"a", "x", "y", "z"}, {{"x", "y"}, {"y", "x"}});
  CHECK(Message(CheckAcyclic(g)) == "g.toml:102: the graph has a cycle: x -> y -> x");
}

TEST_CASE("a long chain neither overflows nor is a cycle") {
  GraphConfig g = Graph({"start"}, {});
  for (int i = 0; i < 100000; ++i) {
    RegionDecl r;
    r.name = "n" + std::to_string(i);
    g.regions.push_back(r);
    EdgeDecl e;
    e.from = i == 0 ? "start" : "n" + std::to_string(i - 1);
    e.to = r.name;
    g.edges.push_back(e);
  }
  CHECK(Message(CheckAcyclic(g)) == "OK");
}

TEST_CASE("reachability follows edges from the entry and honours exemptions") {
  GraphConfig g = Graph({"a", "b", "orphan", "swapped", "fallback"}, {{"a", "b"}, {"orphan", "b"}});
  CHECK(Message(CheckReachable(g, {"fallback", "swapped"})) ==
        "g.toml:3: region 'orphan' is unreachable from entry 'a'");
  CHECK(Message(CheckReachable(g, {"fallback", "swapped", "orphan"})) == "OK");
  CHECK(Message(CheckReachable(g, {"orphan", "swapped"})) ==
        "g.toml:5: region 'fallback' is unreachable from entry 'a'");
}

}  // namespace
}  // namespace brainhost
