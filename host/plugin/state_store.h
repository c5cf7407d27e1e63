// StateStore: where the host keeps each region instance's persistent values.
//
// The brain implements it; the plugin layer only sees this interface, so listing or testing
// regions needs no database. Every call names the region instance: that is its namespace.
#ifndef BRAINHOST_HOST_PLUGIN_STATE_STORE_H
#define BRAINHOST_HOST_PLUGIN_STATE_STORE_H

#include <string>
#include <string_view>

#include "status.h"

namespace brainhost {

class StateStore {
 public:
  virtual ~StateStore() = default;
  // NotFound when the key has no value.
  virtual Status Get(const std::string& region, const std::string& key, std::string* value) = 0;
  virtual Status Put(const std::string& region, const std::string& key,
                     std::string_view value) = 0;
  // Deleting a missing key is OK.
  virtual Status Delete(const std::string& region, const std::string& key) = 0;
};

}  // namespace brainhost

#endif  // BRAINHOST_HOST_PLUGIN_STATE_STORE_H
