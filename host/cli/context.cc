#include "cli/context.h"

#include <boost/dll/runtime_symbol_info.hpp>
#include <cstdlib>
#include <iostream>
#include <filesystem>

#include "graph/validate.h"

namespace brainhost {

namespace fs = std::filesystem;

std::string ResolveConfigPath(const GlobalOptions& options) {
  if (!options.config.empty()) return options.config;
  std::error_code ec;
  if (fs::exists("config/default.toml", ec)) return "config/default.toml";
  fs::path exe_dir = boost::dll::program_location().parent_path().string();
  return (exe_dir.parent_path() / "share" / "brainhost" / "config" / "default.toml").string();
}

std::string ResolveModelsDir() {
  if (const char* env = std::getenv("BRAINHOST_MODELS")) return env;
  fs::path exe_dir = boost::dll::program_location().parent_path().string();
  return (exe_dir.parent_path() / "share" / "brainhost" / "models").string();
}

void ScanPlugins(const GlobalOptions& options, const std::vector<std::string>& graph_path,
                 PluginRegistry* registry) {
  std::vector<std::string> dirs = options.plugin_path;
  dirs.insert(dirs.end(), graph_path.begin(), graph_path.end());
  registry->Scan(PluginSearchPath(dirs));
}

int Fail(const Status& s, int code) {
  std::cerr << "brainhost: " << s.message() << "\n";
  return code;
}

Status LoadContext(const GlobalOptions& options, Context* context) {
  if (Status s = LoadGraphConfig(ResolveConfigPath(options), &context->graph); !s.ok()) return s;
  ScanPlugins(options, context->graph.plugin_path, &context->registry);
  if (Status s = ValidateGraph(context->graph, context->registry.regions()); !s.ok()) return s;
  context->brain_path = !options.brain.empty()             ? options.brain
                        : !context->graph.brain_path.empty() ? context->graph.brain_path
                                                             : "brain.db";
  return Status::OK();
}

}  // namespace brainhost
