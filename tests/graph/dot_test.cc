#include "graph/dot.h"

#include <doctest/doctest.h>

#include "test_data.h"

namespace brainhost {
namespace {

bool Contains(const std::string& text, const std::string& part) {
  INFO("looking for: " << part << "\nin:\n" << text);
  return text.find(part) != std::string::npos;
}

TEST_CASE("the drawing has every region and edge, the entry and the fallback marked") {
  GraphConfig g;
  Status s = LoadGraphConfig(testing::DataPath("full.toml"), &g);
  REQUIRE(s.ok());
  std::string dot = GraphToDot(g);

  CHECK(dot.starts_with("digraph \"" + testing::DataPath("full.toml") + "\" {\n"));
  CHECK(dot.ends_with("}\n"));
  CHECK(Contains(dot, "  \"@start\" [shape=point, style=invis];\n"));
  CHECK(Contains(dot, "  \"@start\" -> \"intent\";\n"));
  CHECK(Contains(dot, "  \"intent\" [label=\"intent\\nbrainhost.intent\", style=\"bold\"];\n"));
  CHECK(Contains(dot, "  \"clock\" [label=\"clock\\nbrainhost.clock\"];\n"));
  CHECK(Contains(dot, "  \"clock_v2\" [label=\"clock_v2\\nbrainhost.clock\"];\n"));
  CHECK(Contains(dot, "  \"memory\" [label=\"memory\\nbrainhost.episodic\"];\n"));
  CHECK(Contains(dot,
                 "  \"fallback\" [label=\"fallback\\nbrainhost.fallback\", style=\"dashed\"];\n"));
  // intent has two edges, so they are numbered in the order they are tried; the second is
  // "always", whose text is left off.
  CHECK(Contains(dot, "  \"intent\" -> \"clock\" [label=\"1: tag.time and not answered\"];\n"));
  CHECK(Contains(dot, "  \"intent\" -> \"memory\" [label=\"2\"];\n"));
  CHECK(Contains(
      dot, "  \"clock\" -> \"memory\" [label=\"confidence < 0.3 or signal.novelty >= 0.5\"];\n"));
}

TEST_CASE("an unnumbered always edge has no label, and an entry that is the fallback has both") {
  GraphConfig g;
  g.path = "g.toml";
  g.regions = {RegionDecl{"solo", "p.solo", {}, {}, {}}, RegionDecl{"next", "p.next", {}, {}, {}}};
  g.entry = g.fallback = "solo";
  g.edges.push_back(EdgeDecl{"solo", "next", Condition(), {}});
  std::string dot = GraphToDot(g);
  CHECK(Contains(dot, "  \"solo\" [label=\"solo\\np.solo\", style=\"bold,dashed\"];\n"));
  CHECK(Contains(dot, "  \"solo\" -> \"next\";\n"));
}

TEST_CASE("quotes, backslashes and newlines are escaped") {
  GraphConfig g;
  g.path = "my \"graph\".toml";
  g.regions = {RegionDecl{"a", "say \"hi\" \\ bye\nnow", {}, {}, {}}};
  g.entry = g.fallback = "a";
  std::string dot = GraphToDot(g);
  CHECK(Contains(dot, "digraph \"my \\\"graph\\\".toml\" {"));
  CHECK(Contains(dot, "[label=\"a\\nsay \\\"hi\\\" \\\\ bye\\nnow\""));
  CHECK_FALSE(Contains(dot, "bye\nnow"));
}

}  // namespace
}  // namespace brainhost
