// Context: what every command resolves first — the graph file, the installed regions and the
// brain path — from the global options, the environment and the defaults.
#ifndef BRAINHOST_HOST_CLI_CONTEXT_H
#define BRAINHOST_HOST_CLI_CONTEXT_H

#include <string>
#include <vector>

#include "graph/graph_config.h"
#include "plugin/plugin_registry.h"
#include "status.h"

namespace brainhost {

// The options given before or after any subcommand.
struct GlobalOptions {
  std::string config;                    // --config; empty: the default graph
  std::string brain;                     // --brain; empty: the graph's, else ./brain.db
  std::vector<std::string> plugin_path;  // --plugin-path, searched first
  std::string log_level = "warn";
};

struct Context {
  GraphConfig graph;
  PluginRegistry registry;
  std::string brain_path;
};

// The graph to use: --config, else ./config/default.toml, else the installed default
// (<prefix>/share/brainhost/config/default.toml).
std::string ResolveConfigPath(const GlobalOptions& options);

// The trained models, as the plugins find them (plugins/model_dir.h): $BRAINHOST_MODELS, else
// <prefix>/share/brainhost/models beside this program.
std::string ResolveModelsDir();

// Scans the plugin search path (no graph needed), for `brainhost regions`.
void ScanPlugins(const GlobalOptions& options, const std::vector<std::string>& graph_path,
                 PluginRegistry* registry);

// Loads and validates the graph against the installed regions, and resolves the brain path.
Status LoadContext(const GlobalOptions& options, Context* context);

// Prints "brainhost: MESSAGE" on stderr and returns code: how a command fails.
int Fail(const Status& s, int code);

// Process exit codes.
inline constexpr int kExitOk = 0;
inline constexpr int kExitFailure = 1;  // the command ran and failed
inline constexpr int kExitUsage = 2;    // bad arguments or configuration

}  // namespace brainhost

#endif  // BRAINHOST_HOST_CLI_CONTEXT_H
