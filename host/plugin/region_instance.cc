#include "plugin/region_instance.h"

#include <spdlog/spdlog.h>

#include <cstring>

#include "plugin/conversation_extension.h"
#include "plugin/memory_extension.h"
#include "plugin/weights_extension.h"

namespace brainhost {

namespace {

const char kHostVersion[] = "0.1.0";

// Region messages are cut at this size; a region that needs more should log instead.
constexpr size_t kErrorCapacity = 1024;

RegionInstance* Self(const bh_host* host) { return static_cast<RegionInstance*>(host->host_data); }

}  // namespace

bh_status StatusToAbi(const Status& s) {
  if (s.ok()) return BH_OK;
  if (s.IsNotFound()) return BH_ERR_NOT_FOUND;
  if (s.IsInvalidArgument()) return BH_ERR_INVALID_ARGUMENT;
  if (s.IsNotSupported()) return BH_ERR_NOT_SUPPORTED;
  return BH_ERR_IO;
}

std::string StatusName(bh_status status) {
  switch (status) {
    case BH_OK: return "BH_OK";
    case BH_ERR_INVALID_ARGUMENT: return "BH_ERR_INVALID_ARGUMENT";
    case BH_ERR_NOT_FOUND: return "BH_ERR_NOT_FOUND";
    case BH_ERR_NOT_SUPPORTED: return "BH_ERR_NOT_SUPPORTED";
    case BH_ERR_IO: return "BH_ERR_IO";
    case BH_ERR_NO_MEMORY: return "BH_ERR_NO_MEMORY";
    case BH_ERR_BUFFER_TOO_SMALL: return "BH_ERR_BUFFER_TOO_SMALL";
    case BH_ERR_UNDECLARED_SLOT: return "BH_ERR_UNDECLARED_SLOT";
    case BH_ERR_INTERNAL: return "BH_ERR_INTERNAL";
  }
  return "status " + std::to_string(status);
}

RegionInstance::RegionInstance(std::shared_ptr<PluginLibrary> library, size_t index,
                               std::string name, const RegionServices& services)
    : library_(std::move(library)), index_(index), name_(std::move(name)), services_(services) {
  host_ = bh_host{};
  host_.struct_size = sizeof(bh_host);
  host_.abi = BH_ABI_VERSION_INIT;
  host_.host_version = kHostVersion;
  host_.host_data = this;
  host_.log = &Log;
  host_.state_get = &StateGet;
  host_.state_put = &StatePut;
  host_.state_delete = &StateDelete;
  host_.get_extension = &GetExtension;
}

Status RegionInstance::Create(std::shared_ptr<PluginLibrary> library, size_t index,
                              const std::string& name, const Settings& settings,
                              const RegionServices& services,
                              std::unique_ptr<RegionInstance>* out) {
  std::unique_ptr<RegionInstance> instance(
      new RegionInstance(std::move(library), index, name, services));
  std::vector<bh_setting> flat;
  for (const auto& [key, value] : settings) flat.push_back({key.c_str(), value.c_str()});
  bh_create_args args{};
  args.struct_size = sizeof(bh_create_args);
  args.instance_name = instance->name_.c_str();
  args.settings = flat.data();
  args.settings_count = static_cast<uint32_t>(flat.size());

  char message[kErrorCapacity] = "";
  bh_error err{sizeof(bh_error), sizeof(message), message};
  const bh_library& table = instance->library_->table();
  bh_region* region = nullptr;
  bh_status status = BH_ERR_INTERNAL;
  try {
    status = table.create(instance->info().id.c_str(), &instance->host_, &args, &region, &err);
  } catch (...) {
    std::snprintf(message, sizeof(message), "an exception escaped create()");
  }
  if (status != BH_OK || region == nullptr) {
    return Status::InvalidArgument("create failed (" + StatusName(status) + "): " + message);
  }
  if (region->struct_size < sizeof(bh_region) || region->turn == nullptr ||
      region->get_extension == nullptr || region->destroy == nullptr) {
    // The handle cannot be trusted to have a destroy(); leaking it is the safe choice.
    return Status::InvalidArgument("create returned an instance with a NULL mandatory function");
  }
  instance->region_ = region;
  *out = std::move(instance);
  return Status::OK();
}

RegionInstance::~RegionInstance() {
  if (region_ != nullptr) region_->destroy(region_);
}

Status RegionInstance::RunTurn(const bh_turn* turn) {
  char message[kErrorCapacity] = "";
  bh_error err{sizeof(bh_error), sizeof(message), message};
  bh_status status = BH_ERR_INTERNAL;
  try {
    status = region_->turn(region_, turn, &err);
  } catch (const std::exception& e) {
    std::snprintf(message, sizeof(message), "exception escaped the region: %s", e.what());
  } catch (...) {
    std::snprintf(message, sizeof(message), "an exception escaped the region");
  }
  if (status == BH_OK) return Status::OK();
  return Status::InvalidArgument(StatusName(status) + ": " +
                                 (message[0] != '\0' ? message : "(no message)"));
}

void RegionInstance::Log(const bh_host* host, bh_log_level level, const char* message) {
  static constexpr spdlog::level::level_enum kLevels[] = {
      spdlog::level::debug, spdlog::level::info, spdlog::level::warn, spdlog::level::err};
  auto lvl = (level >= BH_LOG_DEBUG && level <= BH_LOG_ERROR) ? kLevels[level]
                                                              : spdlog::level::info;
  spdlog::log(lvl, "region {}: {}", Self(host)->name_, message != nullptr ? message : "");
}

bh_status RegionInstance::StateGet(const bh_host* host, const char* key, void* buffer,
                                   size_t capacity, size_t* size) {
  RegionInstance* self = Self(host);
  if (key == nullptr || size == nullptr || (buffer == nullptr && capacity > 0)) {
    return BH_ERR_INVALID_ARGUMENT;
  }
  if (self->services_.state == nullptr) return BH_ERR_NOT_SUPPORTED;
  std::string value;
  Status s = self->services_.state->Get(self->name_, key, &value);
  if (!s.ok()) return StatusToAbi(s);
  *size = value.size();
  if (value.size() > capacity) return BH_ERR_BUFFER_TOO_SMALL;
  if (!value.empty()) std::memcpy(buffer, value.data(), value.size());
  return BH_OK;
}

bh_status RegionInstance::StatePut(const bh_host* host, const char* key, const void* value,
                                   size_t size) {
  RegionInstance* self = Self(host);
  if (key == nullptr || (value == nullptr && size > 0)) return BH_ERR_INVALID_ARGUMENT;
  if (self->services_.state == nullptr) return BH_ERR_NOT_SUPPORTED;
  std::string_view bytes(static_cast<const char*>(value), size);
  return StatusToAbi(self->services_.state->Put(self->name_, key, bytes));
}

bh_status RegionInstance::StateDelete(const bh_host* host, const char* key) {
  RegionInstance* self = Self(host);
  if (key == nullptr) return BH_ERR_INVALID_ARGUMENT;
  if (self->services_.state == nullptr) return BH_ERR_NOT_SUPPORTED;
  return StatusToAbi(self->services_.state->Delete(self->name_, key));
}

const void* RegionInstance::GetExtension(const bh_host* host, const char* id) {
  if (id == nullptr) return nullptr;
  const RegionInstance* self = Self(host);
  if (std::strcmp(id, BH_EXT_MEMORY) == 0 && self->memory() != nullptr) return MemoryExtension();
  if (std::strcmp(id, BH_EXT_WEIGHTS) == 0 && self->weights() != nullptr) {
    return WeightsExtension();
  }
  if (std::strcmp(id, BH_EXT_CONVERSATION) == 0 && self->conversation() != nullptr) {
    return ConversationExtension();
  }
  return nullptr;
}

}  // namespace brainhost
