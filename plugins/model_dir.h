// ModelDir: where a plugin finds its trained files.
//
// In order: the region's `models` setting; $BRAINHOST_MODELS; the share directory beside the
// plugin itself (<prefix>/lib/brainhost/plugins/x.so -> <prefix>/share/brainhost/models),
// which is where both the build tree and `make install` put models/.
#ifndef BRAINHOST_PLUGINS_MODEL_DIR_H
#define BRAINHOST_PLUGINS_MODEL_DIR_H

#include <brainhost/region.hpp>
#include <dlfcn.h>

#include <cstdlib>
#include <filesystem>
#include <string>

namespace brainhost::plugins {

// The directory that holds every model's folder: $BRAINHOST_MODELS, or the share directory
// beside the plugin.
inline std::filesystem::path ModelRoot() {
  if (const char* env = std::getenv("BRAINHOST_MODELS")) return std::filesystem::path(env);
  Dl_info info{};
  if (dladdr(reinterpret_cast<const void*>(&ModelRoot), &info) == 0 || info.dli_fname == nullptr) {
    throw sdk::Error(BH_ERR_NOT_FOUND, "cannot locate the plugin file to find models/");
  }
  std::filesystem::path plugin = info.dli_fname;
  return plugin.parent_path().parent_path().parent_path().parent_path() / "share" / "brainhost" /
         "models";
}

inline std::filesystem::path ModelDir(const sdk::Config& config, const std::string& name) {
  if (auto setting = config.get("models")) return std::filesystem::path(std::string(*setting));
  return ModelRoot() / name;
}

// The file a setting names, else <models>/folder/file.
inline std::filesystem::path PathSetting(const sdk::Config& config, const char* key,
                                         const char* folder, const char* file) {
  if (auto value = config.get(key)) return std::filesystem::path(std::string(*value));
  return ModelRoot() / folder / file;
}

}  // namespace brainhost::plugins

#endif  // BRAINHOST_PLUGINS_MODEL_DIR_H
