// The host's "brainhost.weights/1" extension: the bh_weights table handed to regions.
#ifndef BRAINHOST_HOST_PLUGIN_WEIGHTS_EXTENSION_H
#define BRAINHOST_HOST_PLUGIN_WEIGHTS_EXTENSION_H

#include <brainhost/weights.h>

namespace brainhost {

// The static table. Its functions find the calling instance's backend through
// host->host_data, which must be the RegionInstance (see region_instance.cc).
const bh_weights* WeightsExtension();

}  // namespace brainhost

#endif  // BRAINHOST_HOST_PLUGIN_WEIGHTS_EXTENSION_H
