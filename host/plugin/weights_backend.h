// WeightsBackend: what the host's "brainhost.weights/1" extension forwards to.
//
// The brain implements it (host/turn/brain_services.h over brain/cortex_store.h); the plugin
// layer only sees this interface.
#ifndef BRAINHOST_HOST_PLUGIN_WEIGHTS_BACKEND_H
#define BRAINHOST_HOST_PLUGIN_WEIGHTS_BACKEND_H

#include <cstdint>
#include <string>
#include <string_view>

#include "status.h"

namespace brainhost {

class WeightsBackend {
 public:
  virtual ~WeightsBackend() = default;
  // The active version and its bytes; NotFound when none is active.
  virtual Status ActiveWeights(int64_t* version, std::string* weights) = 0;
  // Stores weights as version 1, active, when there is no version yet; then the active
  // version. See CortexStore::InstallFirst.
  virtual Status InstallFirstWeights(std::string_view weights, const std::string& note,
                                     int64_t* version) = 0;
};

}  // namespace brainhost

#endif  // BRAINHOST_HOST_PLUGIN_WEIGHTS_BACKEND_H
