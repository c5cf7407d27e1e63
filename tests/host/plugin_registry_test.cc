// Loading region libraries: what is accepted, what is refused and why.
#include <doctest/doctest.h>

#include "plugin/plugin_registry.h"
#include "plugin/region_instance.h"
#include "turn/turn_view.h"

namespace brainhost {

namespace {

const PluginProblem* ProblemFor(const PluginRegistry& registry, const std::string& file) {
  for (const PluginProblem& p : registry.problems()) {
    if (p.path.ends_with(file)) return &p;
  }
  return nullptr;
}

}  // namespace

TEST_CASE("good libraries load with their static metadata, without creating instances") {
  PluginRegistry registry;
  registry.Scan({TEST_PLUGIN_GOOD_DIR, BRAINHOST_PLUGIN_DIR});
  CHECK(registry.problems().empty());
  const PluginRegistry::Entry* echo = registry.Find("test.echo");
  REQUIRE(echo != nullptr);
  const RegionInfo& info = echo->library->regions()[echo->index];
  CHECK(info.version == "0.0.1");
  CHECK(info.abi.major == BH_ABI_MAJOR);
  CHECK((info.capabilities & BH_CAP_ANSWER) != 0);
  REQUIRE(info.writes.size() == 4);
  CHECK(info.writes[0].name == "seen");
  CHECK(info.writes[0].kind == BH_SLOT_TAG);
  CHECK(registry.Find("brainhost.clock") != nullptr);
  CHECK(registry.Find("brainhost.fallback") != nullptr);
  CHECK(registry.Find("test.raw_throw") != nullptr);
  CHECK(registry.Find("no.such.region") == nullptr);
}

TEST_CASE("broken libraries are refused one by one with the file and the reason") {
  PluginRegistry registry;
  registry.Scan({TEST_PLUGIN_GOOD_DIR, TEST_PLUGIN_BAD_DIR});
  // The good ones still load.
  CHECK(registry.Find("test.stateful") != nullptr);

  const PluginProblem* abi = ProblemFor(registry, "test_abi_major2.so");
  REQUIRE(abi != nullptr);
  CHECK(abi->reason.find("ABI 2.0") != std::string::npos);
  CHECK(abi->reason.find("speaks 1.0") != std::string::npos);

  const PluginProblem* no_entry = ProblemFor(registry, "test_no_entry.so");
  REQUIRE(no_entry != nullptr);
  CHECK(no_entry->reason.find("no entry symbol brainhost_library_entry") != std::string::npos);

  const PluginProblem* unresolved = ProblemFor(registry, "test_unresolved.so");
  REQUIRE(unresolved != nullptr);
  CHECK(unresolved->reason.find("undefined symbol") != std::string::npos);

  const PluginProblem* duplicate = ProblemFor(registry, "test_duplicate_echo.so");
  REQUIRE(duplicate != nullptr);
  CHECK(duplicate->reason.find("'test.echo' is already provided by") != std::string::npos);
  // The first provider wins.
  CHECK(registry.Find("test.echo")->library->regions()[0].version == "0.0.1");
  CHECK(registry.problems().size() == 4);
}

TEST_CASE("a missing directory on the search path is skipped") {
  PluginRegistry registry;
  registry.Scan({"/nonexistent/brainhost/plugins", TEST_PLUGIN_GOOD_DIR});
  CHECK(registry.problems().empty());
  CHECK(registry.Find("test.echo") != nullptr);
}

TEST_CASE("BRAINHOST_PLUGIN_PATH comes after the graph's directories and before the install dir") {
  setenv("BRAINHOST_PLUGIN_PATH", "/a:/b::/c", 1);
  std::vector<std::string> path = PluginSearchPath({"/graph"});
  unsetenv("BRAINHOST_PLUGIN_PATH");
  REQUIRE(path.size() == 5);
  CHECK(path[0] == "/graph");
  CHECK(path[1] == "/a");
  CHECK(path[2] == "/b");
  CHECK(path[3] == "/c");
  CHECK(path[4].ends_with("lib/brainhost/plugins"));
}

TEST_CASE("a failing create comes back as a status with the region's message") {
  PluginRegistry registry;
  registry.Scan({TEST_PLUGIN_GOOD_DIR});
  const PluginRegistry::Entry* entry = registry.Find("test.create_fails");
  REQUIRE(entry != nullptr);
  std::unique_ptr<RegionInstance> instance;
  Status s = RegionInstance::Create(entry->library, entry->index, "broken", {}, {}, &instance);
  CHECK_FALSE(s.ok());
  CHECK(s.message().find("no model file configured") != std::string::npos);
  CHECK(instance == nullptr);
}

TEST_CASE("an instance keeps its library loaded after the registry is gone") {
  std::unique_ptr<RegionInstance> instance;
  {
    PluginRegistry registry;
    registry.Scan({TEST_PLUGIN_GOOD_DIR});
    const PluginRegistry::Entry* entry = registry.Find("test.throws");
    REQUIRE(entry != nullptr);
    REQUIRE(RegionInstance::Create(entry->library, entry->index, "t", {}, {}, &instance).ok());
  }
  // Calling into the instance after the registry died would crash if the library had been
  // unloaded with it.
  Blackboard blackboard;
  TurnInput input{"hello", "s", 0, 0};
  TurnView view(&blackboard, instance->info(), input);
  CHECK(instance->RunTurn(view.turn()).ok());
  REQUIRE(view.answer());
  CHECK(view.answer()->text == "throws answered");
}

}  // namespace brainhost
