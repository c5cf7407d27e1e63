// PluginRegistry: every region installed on the search path, found without creating any.
//
// Directories are scanned in order and every shared library in them is loaded and checked.
// A library that fails a check, and a region whose id an earlier library already provides, is
// refused with one log line naming the file and the reason; the scan goes on with the rest.
#ifndef BRAINHOST_HOST_PLUGIN_PLUGIN_REGISTRY_H
#define BRAINHOST_HOST_PLUGIN_PLUGIN_REGISTRY_H

#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "plugin/plugin_library.h"
#include "region_info.h"

namespace brainhost {

struct PluginProblem {
  std::string path;
  std::string reason;
};

class PluginRegistry {
 public:
  struct Entry {
    std::shared_ptr<PluginLibrary> library;
    size_t index;  // the region's index in the library
  };

  // Loads every "*.so" file directly inside each directory, in order. Missing directories are
  // skipped (a search path commonly names some that do not exist).
  void Scan(const std::vector<std::string>& directories);
  // Loads one library file; a refusal is recorded in problems() and logged.
  void LoadFile(const std::string& path);

  // The installed regions, in discovery order.
  std::vector<RegionInfo> regions() const;
  // Every refusal so far.
  const std::vector<PluginProblem>& problems() const { return problems_; }
  // The library holding the region with this id, or nullptr.
  const Entry* Find(std::string_view id) const;

 private:
  void Refuse(const std::string& path, const std::string& reason);

  std::vector<Entry> entries_;
  std::vector<PluginProblem> problems_;
};

// The directories to scan, in priority order: those named by the graph (already absolute),
// then BRAINHOST_PLUGIN_PATH (colon-separated), then the install directory next to the
// executable (<prefix>/lib/brainhost/plugins, which is also the build tree's layout).
std::vector<std::string> PluginSearchPath(const std::vector<std::string>& graph_directories);

}  // namespace brainhost

#endif  // BRAINHOST_HOST_PLUGIN_PLUGIN_REGISTRY_H
