// PluginLibrary: one region library, loaded with Boost.DLL and checked against the ABI.
//
// A library is loaded with every symbol resolved at once (RTLD_NOW, so a missing symbol fails
// here and not mid-turn) and privately (RTLD_LOCAL, so two plugins never bind to each other's
// symbols). Instances hold a shared_ptr to their library, so it is never unloaded while any of
// them is alive.
#ifndef BRAINHOST_HOST_PLUGIN_PLUGIN_LIBRARY_H
#define BRAINHOST_HOST_PLUGIN_PLUGIN_LIBRARY_H

#include <brainhost/region.h>

#include <boost/dll/shared_library.hpp>
#include <memory>
#include <string>
#include <vector>

#include "region_info.h"
#include "status.h"

namespace brainhost {

class PluginLibrary {
 public:
  // Loads the library at path and checks it: the entry symbol exists, it returns a table, the
  // table's and every descriptor's ABI major equals the host's and their minor is not newer,
  // struct sizes are large enough, and no mandatory function slot is NULL. On failure returns
  // a Status whose message is the reason alone (the caller names the file) and leaves *out
  // untouched; on success *out holds the library and the metadata of each of its regions.
  static Status Load(const std::string& path, std::shared_ptr<PluginLibrary>* out);

  PluginLibrary(const PluginLibrary&) = delete;
  PluginLibrary& operator=(const PluginLibrary&) = delete;

  const std::string& path() const { return path_; }
  const bh_library& table() const { return *table_; }
  // One entry per region, in the library's order; descriptor(i) is the matching raw descriptor.
  const std::vector<RegionInfo>& regions() const { return regions_; }
  const bh_region_descriptor* descriptor(size_t i) const { return descriptors_[i]; }

 private:
  PluginLibrary() = default;

  std::string path_;
  boost::dll::shared_library library_;
  const bh_library* table_ = nullptr;
  std::vector<const bh_region_descriptor*> descriptors_;
  std::vector<RegionInfo> regions_;
};

// "1.0"
std::string AbiToString(bh_abi_version abi);

}  // namespace brainhost

#endif  // BRAINHOST_HOST_PLUGIN_PLUGIN_LIBRARY_H
