// RegionInstance: one live region, created from an installed library for one graph node.
//
// Owns the instance handle and the bh_host table handed to it, and keeps its library loaded
// for as long as it lives. The destructor calls the region's destroy() exactly once.
#ifndef BRAINHOST_HOST_PLUGIN_REGION_INSTANCE_H
#define BRAINHOST_HOST_PLUGIN_REGION_INSTANCE_H

#include <brainhost/region.h>

#include <memory>
#include <string>
#include <utility>
#include <vector>

#include "plugin/memory_backend.h"
#include "plugin/plugin_library.h"
#include "plugin/state_store.h"
#include "region_info.h"
#include "status.h"

namespace brainhost {

class RegionInstance {
 public:
  using Settings = std::vector<std::pair<std::string, std::string>>;

  // Creates region `index` of `library` as the graph node `name`. Without a state store,
  // state calls fail with BH_ERR_NOT_SUPPORTED; an extension whose backend is missing
  // (memory, weights, conversation) is not offered. A failing create returns a Status carrying
  // the region's own message.
  static Status Create(std::shared_ptr<PluginLibrary> library, size_t index,
                       const std::string& name, const Settings& settings,
                       const RegionServices& services, std::unique_ptr<RegionInstance>* out);

  ~RegionInstance();
  RegionInstance(const RegionInstance&) = delete;
  RegionInstance& operator=(const RegionInstance&) = delete;

  // Runs the region's turn over the given view of the blackboard. A failing status, and any
  // exception that escapes a region not written with the C++ helper, come back as a Status
  // with the region's message; nothing propagates.
  Status RunTurn(const bh_turn* turn);

  const std::string& name() const { return name_; }
  const RegionInfo& info() const { return library_->regions()[index_]; }
  MemoryBackend* memory() const { return services_.memory; }
  WeightsBackend* weights() const { return services_.weights; }
  ConversationBackend* conversation() const { return services_.conversation; }

 private:
  RegionInstance(std::shared_ptr<PluginLibrary> library, size_t index, std::string name,
                 const RegionServices& services);

  static void Log(const bh_host* host, bh_log_level level, const char* message);
  static bh_status StateGet(const bh_host* host, const char* key, void* buffer, size_t capacity,
                            size_t* size);
  static bh_status StatePut(const bh_host* host, const char* key, const void* value,
                            size_t size);
  static bh_status StateDelete(const bh_host* host, const char* key);
  static const void* GetExtension(const bh_host* host, const char* id);

  std::shared_ptr<PluginLibrary> library_;  // declared first: outlives region_
  size_t index_;
  std::string name_;
  RegionServices services_;
  bh_host host_;
  bh_region* region_ = nullptr;
};

// The ABI status as a Status, for messages: "BH_ERR_IO".
std::string StatusName(bh_status status);

// A host Status as the status a region sees (IO errors and corruption are BH_ERR_IO).
bh_status StatusToAbi(const Status& s);

}  // namespace brainhost

#endif  // BRAINHOST_HOST_PLUGIN_REGION_INSTANCE_H
