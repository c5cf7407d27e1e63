// The host's "brainhost.memory/1" extension: the bh_memory table handed to regions.
#ifndef BRAINHOST_HOST_PLUGIN_MEMORY_EXTENSION_H
#define BRAINHOST_HOST_PLUGIN_MEMORY_EXTENSION_H

#include <brainhost/memory.h>

#include "plugin/memory_backend.h"

namespace brainhost {

// The static table. Its functions find the calling instance's backend and name through
// host->host_data, which must be the RegionInstance (see region_instance.cc).
const bh_memory* MemoryExtension();

}  // namespace brainhost

#endif  // BRAINHOST_HOST_PLUGIN_MEMORY_EXTENSION_H
