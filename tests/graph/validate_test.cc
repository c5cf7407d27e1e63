#include "graph/validate.h"

#include <doctest/doctest.h>

#include <algorithm>
#include <vector>

#include "test_data.h"

namespace brainhost {
namespace {

using testing::CheckError;
using testing::DataPath;

RegionInfo Info(std::string id, bh_capabilities caps, std::vector<SlotInfo> writes = {}) {
  RegionInfo info;
  info.id = std::move(id);
  info.capabilities = caps;
  info.writes = std::move(writes);
  return info;
}

// What full.toml needs: its edges read tag "time" and signal "novelty".
std::vector<RegionInfo> Installed() {
  return {
      Info("brainhost.intent", BH_CAP_OBSERVE, {{"time", BH_SLOT_TAG}, {"topic", BH_SLOT_TEXT}}),
      Info("brainhost.clock", BH_CAP_ANSWER, {{"time", BH_SLOT_TAG}}),
      Info("brainhost.episodic", BH_CAP_ANSWER | BH_CAP_PERSIST, {{"novelty", BH_SLOT_SIGNAL}}),
      Info("brainhost.fallback", BH_CAP_ANSWER),
      Info("brainhost.observer", BH_CAP_OBSERVE),
  };
}

GraphConfig Load(const std::string& name) {
  GraphConfig g;
  Status s = LoadGraphConfig(DataPath(name), &g);
  INFO(s.ToString());
  REQUIRE(s.ok());
  return g;
}

void Remove(std::vector<RegionInfo>* installed, const std::string& id) {
  std::erase_if(*installed, [&](const RegionInfo& info) { return info.id == id; });
}

RegionInfo& Find(std::vector<RegionInfo>* installed, const std::string& id) {
  auto it = std::find_if(installed->begin(), installed->end(),
                         [&](const RegionInfo& info) { return info.id == id; });
  REQUIRE(it != installed->end());
  return *it;
}

TEST_CASE("a graph whose plugins are installed and whose conditions read written slots") {
  Status s = ValidateGraph(Load("full.toml"), Installed());
  INFO(s.ToString());
  CHECK(s.ok());
}

TEST_CASE("a region whose plugin is not installed") {
  std::vector<RegionInfo> installed = Installed();
  Remove(&installed, "brainhost.episodic");
  CheckError(ValidateGraph(Load("full.toml"), installed), DataPath("full.toml"), 25,
             "region 'memory' uses plugin 'brainhost.episodic', which is not installed");
}

TEST_CASE("a condition reading a slot that no region writes") {
  std::vector<RegionInfo> installed = Installed();
  Find(&installed, "brainhost.intent").writes.clear();
  Find(&installed, "brainhost.clock").writes.clear();
  CheckError(ValidateGraph(Load("full.toml"), installed), DataPath("full.toml"), 37,
             "condition reads tag 'time', which no region in the graph writes");
}

TEST_CASE("a slot written only with another kind does not count") {
  std::vector<RegionInfo> installed = Installed();
  Find(&installed, "brainhost.episodic").writes = {{"novelty", BH_SLOT_TEXT}};
  CheckError(ValidateGraph(Load("full.toml"), installed), DataPath("full.toml"), 46,
             "condition reads signal 'novelty', which no region in the graph writes (a region "
             "writes it as a text)");
}

TEST_CASE("an installed region outside the graph does not count as a writer") {
  std::vector<RegionInfo> installed = Installed();
  Find(&installed, "brainhost.episodic").writes.clear();
  installed.push_back(Info("brainhost.unused", BH_CAP_OBSERVE, {{"novelty", BH_SLOT_SIGNAL}}));
  CheckError(ValidateGraph(Load("full.toml"), installed), DataPath("full.toml"), 46,
             "condition reads signal 'novelty'");
}

TEST_CASE("the fallback must be able to answer") {
  std::vector<RegionInfo> installed = Installed();
  Find(&installed, "brainhost.fallback").capabilities = BH_CAP_OBSERVE;
  CheckError(ValidateGraph(Load("full.toml"), installed), DataPath("full.toml"), 34,
             "fallback 'fallback' uses plugin 'brainhost.fallback', which cannot answer");

  CheckError(ValidateGraph(Load("swap_fallback.toml"), Installed()), DataPath("swap_fallback.toml"),
             18,
             "region 'observer', swapped in for the fallback by variant 'quiet', uses plugin "
             "'brainhost.observer', which cannot answer");
}

TEST_CASE("a variant's graph is validated too") {
  std::vector<RegionInfo> installed = Installed();
  GraphConfig g = Load("validate_variant.toml");
  CheckError(ValidateGraph(g, installed), DataPath("validate_variant_graph.toml"), 1,
             "region 'greeter' uses plugin 'brainhost.greeter', which is not installed");
  installed.push_back(Info("brainhost.greeter", BH_CAP_ANSWER));
  CHECK(ValidateGraph(g, installed).ok());
}

}  // namespace
}  // namespace brainhost
