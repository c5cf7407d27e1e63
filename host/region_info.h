// RegionInfo: what the host knows about an installed region without creating it.
//
// Copied out of a library's static bh_region_descriptor when the library is scanned, so the
// routing graph can be validated and `brainhost regions` can list it with no instance alive.
#ifndef BRAINHOST_HOST_REGION_INFO_H
#define BRAINHOST_HOST_REGION_INFO_H

#include <brainhost/region.h>

#include <cstdint>
#include <string>
#include <vector>

namespace brainhost {

struct SlotInfo {
  std::string name;
  bh_slot_kind kind;
};

// "text", "signal", "tensor" or "tag", as graph files and `brainhost regions` spell them.
inline const char* SlotKindName(bh_slot_kind kind) {
  switch (kind) {
    case BH_SLOT_TEXT: return "text";
    case BH_SLOT_SIGNAL: return "signal";
    case BH_SLOT_TENSOR: return "tensor";
    case BH_SLOT_TAG: return "tag";
  }
  return "slot";
}

struct RegionInfo {
  std::string id;            // "brainhost.clock"
  std::string name;          // "clock"
  std::string version;       // the region's own version
  std::string description;
  std::string library_path;  // the file it was found in
  bh_abi_version abi{};      // the ABI it was built against
  bh_capabilities capabilities = 0;
  std::vector<SlotInfo> reads;
  std::vector<SlotInfo> writes;
};

}  // namespace brainhost

#endif  // BRAINHOST_HOST_REGION_INFO_H
