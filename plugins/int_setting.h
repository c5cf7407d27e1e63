// IntSetting: a region setting that must be a whole number, checked where the region is
// created, so a typo in the graph file fails there with the key's name.
#ifndef BRAINHOST_PLUGINS_INT_SETTING_H
#define BRAINHOST_PLUGINS_INT_SETTING_H

#include <brainhost/region.hpp>

#include <cmath>
#include <string>

namespace brainhost::plugins {

// The setting `key`, or fallback when it is absent; throws when it is not a whole number in
// [low, 1e9].
inline int IntSetting(const sdk::Config& config, const char* key, int fallback, int low) {
  const double value = config.number_or(key, fallback);
  if (value != std::floor(value) || value < low || value > 1e9) {
    throw sdk::Error(BH_ERR_INVALID_ARGUMENT, std::string("setting '") + key +
                                                  "' must be a whole number >= " +
                                                  std::to_string(low));
  }
  return static_cast<int>(value);
}

}  // namespace brainhost::plugins

#endif  // BRAINHOST_PLUGINS_INT_SETTING_H
