#include "plugin/plugin_registry.h"

#include <spdlog/spdlog.h>

#include <algorithm>
#include <boost/dll/runtime_symbol_info.hpp>
#include <cstdlib>
#include <filesystem>

namespace brainhost {

namespace fs = std::filesystem;

void PluginRegistry::Scan(const std::vector<std::string>& directories) {
  for (const std::string& dir : directories) {
    std::error_code ec;
    if (!fs::is_directory(dir, ec)) {
      spdlog::debug("plugin directory {} does not exist; skipped", dir);
      continue;
    }
    // Sorted, so which of two duplicates wins does not depend on directory order on disk.
    std::vector<std::string> files;
    for (const fs::directory_entry& e : fs::directory_iterator(dir, ec)) {
      if (e.is_regular_file(ec) && e.path().extension() == ".so") files.push_back(e.path());
    }
    std::sort(files.begin(), files.end());
    for (const std::string& file : files) LoadFile(file);
  }
}

void PluginRegistry::LoadFile(const std::string& path) {
  std::shared_ptr<PluginLibrary> library;
  if (Status s = PluginLibrary::Load(path, &library); !s.ok()) {
    Refuse(path, s.message());
    return;
  }
  for (size_t i = 0; i < library->regions().size(); ++i) {
    const RegionInfo& info = library->regions()[i];
    if (const Entry* earlier = Find(info.id)) {
      Refuse(path, "region '" + info.id + "' is already provided by " +
                       earlier->library->path());
      continue;
    }
    spdlog::debug("plugin {}: region {} {} (ABI {})", path, info.id, info.version,
                  AbiToString(info.abi));
    entries_.push_back({library, i});
  }
}

void PluginRegistry::Refuse(const std::string& path, const std::string& reason) {
  spdlog::warn("plugin {} refused: {}", path, reason);
  problems_.push_back({path, reason});
}

std::vector<RegionInfo> PluginRegistry::regions() const {
  std::vector<RegionInfo> out;
  for (const Entry& e : entries_) out.push_back(e.library->regions()[e.index]);
  return out;
}

const PluginRegistry::Entry* PluginRegistry::Find(std::string_view id) const {
  for (const Entry& e : entries_) {
    if (e.library->regions()[e.index].id == id) return &e;
  }
  return nullptr;
}

std::vector<std::string> PluginSearchPath(const std::vector<std::string>& graph_directories) {
  std::vector<std::string> path = graph_directories;
  if (const char* env = std::getenv("BRAINHOST_PLUGIN_PATH")) {
    std::string_view rest = env;
    while (!rest.empty()) {
      size_t colon = rest.find(':');
      std::string_view dir = rest.substr(0, colon);
      if (!dir.empty()) path.emplace_back(dir);
      rest = colon == std::string_view::npos ? std::string_view() : rest.substr(colon + 1);
    }
  }
  fs::path exe_dir = boost::dll::program_location().parent_path().string();
  path.push_back((exe_dir.parent_path() / "lib" / "brainhost" / "plugins").string());
  return path;
}

}  // namespace brainhost
