// MemoryBackend: what the host's "brainhost.memory/1" extension forwards to.
//
// The brain implements it (host/turn/brain_services.h); the plugin layer only sees this
// interface. Every call names the region instance that made it.
#ifndef BRAINHOST_HOST_PLUGIN_MEMORY_BACKEND_H
#define BRAINHOST_HOST_PLUGIN_MEMORY_BACKEND_H

#include <string>
#include <vector>

#include "brain/episode_store.h"
#include "status.h"

namespace brainhost {

class MemoryBackend {
 public:
  virtual ~MemoryBackend() = default;
  virtual Status Insert(const std::string& region, EpisodeRecord episode, int64_t* id) = 0;
  virtual Status Supersede(int64_t old_id, int64_t new_id) = 0;
  virtual Status Search(const std::vector<std::string>& terms, int limit,
                        std::vector<EpisodeRecord>* out) = 0;
  virtual Status Find(const std::string& subject, const std::string& relation,
                      bool include_superseded, std::vector<EpisodeRecord>* out) = 0;
  virtual Status Recent(int limit, std::vector<EpisodeRecord>* out) = 0;
  virtual Status Forget(int64_t id) = 0;
  virtual Status Trace(const std::string& region, const TraceRecord& trace) = 0;
};

class StateStore;
class WeightsBackend;
class ConversationBackend;

// The host services a region instance may reach through its bh_host; any may be null, and an
// extension whose backend is null is not offered.
struct RegionServices {
  StateStore* state = nullptr;
  MemoryBackend* memory = nullptr;
  WeightsBackend* weights = nullptr;
  ConversationBackend* conversation = nullptr;
};

}  // namespace brainhost

#endif  // BRAINHOST_HOST_PLUGIN_MEMORY_BACKEND_H
