#include "plugin/plugin_library.h"

#include <dlfcn.h>

#include <boost/dll/shared_library_load_mode.hpp>
#include <cstddef>

namespace brainhost {

namespace {

const bh_abi_version kHostAbi = BH_ABI_VERSION_INIT;

// A library built against minor M may use anything of minors <= M, so this host serves it
// when the majors match and M is not newer than the host's minor.
Status CheckAbi(bh_abi_version abi, const std::string& what) {
  if (abi.major != kHostAbi.major || abi.minor > kHostAbi.minor) {
    return Status::NotSupported(what + " is built for region ABI " + AbiToString(abi) +
                                ", this host speaks " + AbiToString(kHostAbi));
  }
  return Status::OK();
}

bool IsSlotName(const char* name) {
  if (name == nullptr || *name == '\0') return false;
  size_t size = 0;
  for (const char* c = name; *c != '\0'; ++c, ++size) {
    bool ok = (*c >= 'a' && *c <= 'z') || (*c >= '0' && *c <= '9') || *c == '_' || *c == '.';
    if (!ok || size >= BH_SLOT_NAME_MAX) return false;
  }
  return true;
}

Status CopySlots(const bh_slot_decl* slots, uint32_t count, const std::string& region,
                 std::vector<SlotInfo>* out) {
  if (count > 0 && slots == nullptr) {
    return Status::InvalidArgument("region '" + region + "' declares slots but gives no array");
  }
  for (uint32_t i = 0; i < count; ++i) {
    if (!IsSlotName(slots[i].name)) {
      return Status::InvalidArgument("region '" + region + "' declares an invalid slot name");
    }
    if (slots[i].kind < BH_SLOT_TEXT || slots[i].kind > BH_SLOT_TAG) {
      return Status::InvalidArgument("region '" + region + "' declares slot '" +
                                     slots[i].name + "' of unknown kind " +
                                     std::to_string(slots[i].kind));
    }
    out->push_back({slots[i].name, static_cast<bh_slot_kind>(slots[i].kind)});
  }
  return Status::OK();
}

Status DescribeRegion(const bh_region_descriptor* d, const std::string& path, RegionInfo* info) {
  if (d->struct_size < offsetof(bh_region_descriptor, writes_count) + sizeof(uint32_t)) {
    return Status::InvalidArgument("a region descriptor is truncated (struct_size " +
                                   std::to_string(d->struct_size) + ")");
  }
  if (d->id == nullptr || d->name == nullptr || d->version == nullptr) {
    return Status::InvalidArgument("a region descriptor lacks its id, name or version");
  }
  if (Status s = CheckAbi(d->abi, std::string("region '") + d->id + "'"); !s.ok()) return s;
  info->id = d->id;
  info->name = d->name;
  info->version = d->version;
  info->description = d->description != nullptr ? d->description : "";
  info->library_path = path;
  info->abi = d->abi;
  info->capabilities = d->capabilities;
  if (Status s = CopySlots(d->reads, d->reads_count, info->id, &info->reads); !s.ok()) return s;
  return CopySlots(d->writes, d->writes_count, info->id, &info->writes);
}

}  // namespace

std::string AbiToString(bh_abi_version abi) {
  return std::to_string(abi.major) + "." + std::to_string(abi.minor);
}

Status PluginLibrary::Load(const std::string& path, std::shared_ptr<PluginLibrary>* out) {
  std::shared_ptr<PluginLibrary> lib(new PluginLibrary());
  lib->path_ = path;
  boost::dll::fs::error_code ec;
  lib->library_.load(path, boost::dll::load_mode::rtld_now | boost::dll::load_mode::rtld_local,
                     ec);
  if (ec) {
    // Boost keeps only a generic code; dlerror() still holds the loader's precise reason (an
    // undefined symbol, a wrong ELF class).
    const char* why = dlerror();
    return Status::IOError(std::string("cannot load: ") + (why != nullptr ? why : ec.message()));
  }
  if (!lib->library_.has(BH_ENTRY_SYMBOL)) {
    return Status::NotFound("no entry symbol " BH_ENTRY_SYMBOL " (not a brainhost region library)");
  }
  auto entry = lib->library_.get<const bh_library*(bh_abi_version)>(BH_ENTRY_SYMBOL);
  const bh_library* table = entry(kHostAbi);
  if (table == nullptr) {
    return Status::NotSupported("the library cannot serve region ABI " + AbiToString(kHostAbi));
  }
  if (table->struct_size < sizeof(bh_library)) {
    return Status::InvalidArgument("its library table is truncated (struct_size " +
                                   std::to_string(table->struct_size) + ")");
  }
  if (Status s = CheckAbi(table->abi, "the library"); !s.ok()) return s;
  if (table->region_count == nullptr || table->get_descriptor == nullptr ||
      table->create == nullptr) {
    return Status::InvalidArgument("a mandatory function of its library table is NULL");
  }
  lib->table_ = table;
  uint32_t count = table->region_count();
  for (uint32_t i = 0; i < count; ++i) {
    const bh_region_descriptor* d = table->get_descriptor(i);
    if (d == nullptr) {
      return Status::InvalidArgument("get_descriptor(" + std::to_string(i) + ") returned NULL");
    }
    RegionInfo info;
    if (Status s = DescribeRegion(d, path, &info); !s.ok()) return s;
    lib->descriptors_.push_back(d);
    lib->regions_.push_back(std::move(info));
  }
  *out = std::move(lib);
  return Status::OK();
}

}  // namespace brainhost
