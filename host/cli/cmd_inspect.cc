// The commands that look without talking: regions, graph, sql, ab report.
#include <iostream>
#include <filesystem>

#include <nlohmann/json.hpp>

#include "brain/ab_report.h"
#include "brain/brain.h"
#include "brain/read_only_query.h"
#include "cli/commands.h"
#include "graph/dot.h"

namespace brainhost {

namespace {

std::vector<std::string> CapabilityNames(bh_capabilities caps) {
  static const std::pair<bh_capabilities, const char*> kNames[] = {
      {BH_CAP_ANSWER, "answer"},          {BH_CAP_GENERATE, "generate"},
      {BH_CAP_BIAS_LOGITS, "bias-logits"}, {BH_CAP_OBSERVE, "observe"},
      {BH_CAP_CONSOLIDATE, "consolidate"}, {BH_CAP_PERSIST, "persist"}};
  std::vector<std::string> names;
  for (const auto& [bit, name] : kNames) {
    if (caps & bit) names.emplace_back(name);
  }
  return names;
}

std::string Join(const std::vector<std::string>& items) {
  std::string out;
  for (const std::string& item : items) out += (out.empty() ? "" : ", ") + item;
  return out.empty() ? "-" : out;
}

std::vector<std::string> SlotNames(const std::vector<SlotInfo>& slots) {
  std::vector<std::string> names;
  for (const SlotInfo& slot : slots) {
    names.push_back(std::string(SlotKindName(slot.kind)) + " " + slot.name);
  }
  return names;
}

}  // namespace

std::string ResolveBrainPath(const GlobalOptions& global) {
  if (!global.brain.empty()) return global.brain;
  GraphConfig graph;
  if (LoadGraphConfig(ResolveConfigPath(global), &graph).ok() && !graph.brain_path.empty()) {
    return graph.brain_path;
  }
  return "brain.db";
}

int RunRegions(const GlobalOptions& global, bool json) {
  PluginRegistry registry;
  GraphConfig graph;
  // The graph may name plugin directories; a graph that does not load is no reason not to
  // list what is installed.
  (void)LoadGraphConfig(ResolveConfigPath(global), &graph);
  ScanPlugins(global, graph.plugin_path, &registry);
  if (json) {
    nlohmann::json out = nlohmann::json::array();
    for (const RegionInfo& r : registry.regions()) {
      out.push_back({{"id", r.id},
                     {"name", r.name},
                     {"version", r.version},
                     {"abi", AbiToString(r.abi)},
                     {"description", r.description},
                     {"capabilities", CapabilityNames(r.capabilities)},
                     {"reads", SlotNames(r.reads)},
                     {"writes", SlotNames(r.writes)},
                     {"file", r.library_path}});
    }
    std::cout << out.dump() << "\n";
    return kExitOk;
  }
  for (const RegionInfo& r : registry.regions()) {
    std::cout << r.id << " " << r.version << " (ABI " << AbiToString(r.abi) << ")\n"
              << "  " << r.description << "\n"
              << "  capabilities: " << Join(CapabilityNames(r.capabilities)) << "\n"
              << "  reads:        " << Join(SlotNames(r.reads)) << "\n"
              << "  writes:       " << Join(SlotNames(r.writes)) << "\n"
              << "  file:         " << r.library_path << "\n";
  }
  for (const PluginProblem& p : registry.problems()) {
    std::cout << "refused " << p.path << ": " << p.reason << "\n";
  }
  std::cout << registry.regions().size() << " regions installed\n";
  return kExitOk;
}

int RunGraph(const GlobalOptions& global, bool dot) {
  Context context;
  if (Status s = LoadContext(global, &context); !s.ok()) return Fail(s, kExitUsage);
  const GraphConfig& g = context.graph;
  if (dot) {
    std::cout << GraphToDot(g);
    return kExitOk;
  }
  std::cout << g.path << ": valid\n"
            << "  regions:  " << g.regions.size() << "\n"
            << "  edges:    " << g.edges.size() << "\n"
            << "  entry:    " << g.entry << "\n"
            << "  fallback: " << g.fallback << "\n";
  for (const EdgeDecl& e : g.edges) {
    std::cout << "  " << e.from << " -> " << e.to << "  when " << e.when.text() << "\n";
  }
  if (g.experiment) {
    std::cout << "  experiment " << g.experiment->name << ":";
    for (const VariantDecl& v : g.experiment->variants) {
      std::cout << " " << v.name << " (weight " << v.weight << ")";
    }
    std::cout << "\n";
  }
  return kExitOk;
}

int RunSql(const GlobalOptions& global, const std::string& sql) {
  QueryResult result;
  if (Status s = QueryReadOnly(ResolveBrainPath(global), sql, &result); !s.ok()) {
    return Fail(s, kExitFailure);
  }
  std::cout << FormatTable(result);
  return kExitOk;
}

int RunAbReport(const GlobalOptions& global, bool json) {
  std::string path = ResolveBrainPath(global);
  std::error_code ec;
  if (!std::filesystem::exists(path, ec)) {
    return Fail(Status::NotFound("no brain at " + path), kExitFailure);
  }
  std::unique_ptr<Brain> brain;
  if (Status s = Brain::Open(path, &brain); !s.ok()) return Fail(s, kExitFailure);
  std::vector<VariantReport> report;
  if (Status s = BuildAbReport(*brain, &report); !s.ok()) return Fail(s, kExitFailure);
  std::cout << FormatAbReport(report);
  if (json) std::cout << AbReportToJson(report).dump() << "\n";
  return kExitOk;
}

}  // namespace brainhost
