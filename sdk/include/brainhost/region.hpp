// brainhost region helper for C++: write a region as a class, export it through the C ABI.
//
//   class Echo : public brainhost::sdk::Region {
//    public:
//     Echo(const brainhost::sdk::Host& host, const brainhost::sdk::Config& config) {}
//     void turn(brainhost::sdk::Turn& turn) override { turn.answer(turn.user_text(), 0.1); }
//   };
//   static const bh_region_descriptor kEcho = { ... };
//   BRAINHOST_DEFINE_LIBRARY(brainhost::sdk::factory<Echo>(&kEcho))
//
// Everything here is header-only and lives in the plugin: the host never sees a C++ type. Every
// exception thrown by a region (constructor, turn) is caught at the ABI edge and turned into a
// status and a message; brainhost::sdk::Error carries a specific status.
#ifndef BRAINHOST_REGION_HPP
#define BRAINHOST_REGION_HPP

#include <brainhost/region.h>

#include <cstdio>
#include <cstring>
#include <exception>
#include <memory>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>

namespace brainhost::sdk {

// An exception with an ABI status. Any other std::exception becomes BH_ERR_INTERNAL.
class Error : public std::runtime_error {
 public:
  Error(bh_status status, const std::string& message)
      : std::runtime_error(message), status_(status) {}
  bh_status status() const { return status_; }

 private:
  bh_status status_;
};

inline void check(bh_status status, const char* what, const char* name) {
  if (status != BH_OK) {
    throw Error(status, std::string(what) + " '" + name + "' failed with status " +
                            std::to_string(status));
  }
}

// The host's callbacks. Valid for the whole life of the region instance.
class Host {
 public:
  explicit Host(const bh_host* host) : host_(host) {}

  void log(bh_log_level level, const std::string& message) const {
    host_->log(host_, level, message.c_str());
  }

  // This instance's persistent value for key, or nullopt when it has none.
  std::optional<std::string> state_get(const char* key) const {
    size_t size = 0;
    bh_status status = host_->state_get(host_, key, nullptr, 0, &size);
    if (status == BH_ERR_NOT_FOUND) return std::nullopt;
    if (status != BH_OK && status != BH_ERR_BUFFER_TOO_SMALL) check(status, "state_get", key);
    std::string value(size, '\0');
    check(host_->state_get(host_, key, value.data(), value.size(), &size), "state_get", key);
    value.resize(size);
    return value;
  }
  void state_put(const char* key, std::string_view value) const {
    check(host_->state_put(host_, key, value.data(), value.size()), "state_put", key);
  }
  void state_delete(const char* key) const {
    check(host_->state_delete(host_, key), "state_delete", key);
  }
  const void* extension(const char* id) const { return host_->get_extension(host_, id); }
  const bh_host* raw() const { return host_; }

 private:
  const bh_host* host_;
};

// The instance name and flattened settings from the routing graph; valid during construction.
class Config {
 public:
  explicit Config(const bh_create_args* args) : args_(args) {}

  std::string_view instance_name() const { return args_->instance_name; }
  std::optional<std::string_view> get(std::string_view key) const {
    for (uint32_t i = 0; i < args_->settings_count; ++i) {
      if (key == args_->settings[i].key) return std::string_view(args_->settings[i].value);
    }
    return std::nullopt;
  }
  std::string get_or(std::string_view key, std::string_view fallback) const {
    return std::string(get(key).value_or(fallback));
  }
  double number_or(std::string_view key, double fallback) const {
    auto value = get(key);
    if (!value) return fallback;
    try {
      return std::stod(std::string(*value));
    } catch (const std::exception&) {
      throw Error(BH_ERR_INVALID_ARGUMENT,
                  "setting '" + std::string(key) + "' is not a number: " + std::string(*value));
    }
  }

 private:
  const bh_create_args* args_;
};

// The current turn and its blackboard; valid only inside Region::turn.
class Turn {
 public:
  explicit Turn(const bh_turn* turn) : turn_(turn) {}

  std::string_view user_text() const { return {turn_->user_text, turn_->user_text_size}; }
  std::string_view session_id() const { return turn_->session_id; }
  uint64_t index() const { return turn_->turn_index; }
  int64_t now_unix_ms() const { return turn_->now_unix_ms; }

  std::optional<std::string_view> text(const char* name) const {
    const char* text = nullptr;
    size_t size = 0;
    if (turn_->get_text(turn_, name, &text, &size) != BH_OK) return std::nullopt;
    return std::string_view(text, size);
  }
  void set_text(const char* name, std::string_view value) const {
    check(turn_->set_text(turn_, name, value.data(), value.size()), "set_text", name);
  }
  std::optional<double> signal(const char* name) const {
    double value = 0;
    if (turn_->get_signal(turn_, name, &value) != BH_OK) return std::nullopt;
    return value;
  }
  void set_signal(const char* name, double value) const {
    check(turn_->set_signal(turn_, name, value), "set_signal", name);
  }
  std::optional<bh_tensor> tensor(const char* name) const {
    bh_tensor tensor{};
    tensor.struct_size = sizeof(bh_tensor);
    if (turn_->get_tensor(turn_, name, &tensor) != BH_OK) return std::nullopt;
    return tensor;
  }
  // REQUIRES: tensor.data stays valid and unchanged until the turn ends.
  void set_tensor(const char* name, const bh_tensor& tensor) const {
    check(turn_->set_tensor(turn_, name, &tensor), "set_tensor", name);
  }
  bool has_tag(const char* name) const { return turn_->has_tag(turn_, name) != 0; }
  void set_tag(const char* name) const { check(turn_->set_tag(turn_, name), "set_tag", name); }
  void answer(std::string_view text, double confidence) const {
    check(turn_->answer(turn_, text.data(), text.size(), confidence), "answer", "reply");
  }
  const bh_turn* raw() const { return turn_; }

 private:
  const bh_turn* turn_;
};

// Base class of a C++ region. Subclasses take (const Host&, const Config&) in their
// constructor, which may throw to fail creation.
class Region {
 public:
  virtual ~Region() = default;
  // [turn-thread] One turn. Throw to fail it; the host logs the message and goes on.
  virtual void turn(Turn& turn) = 0;
  // [main-thread] An optional extension table by string id, or nullptr.
  virtual const void* extension(const char* /*id*/) { return nullptr; }
};

// How the library makes one region class: its descriptor and a constructor.
struct RegionFactory {
  const bh_region_descriptor* descriptor;
  Region* (*make)(const Host& host, const Config& config);
};

template <class R>
constexpr RegionFactory factory(const bh_region_descriptor* descriptor) {
  return {descriptor, [](const Host& host, const Config& config) -> Region* {
            return new R(host, config);
          }};
}

namespace detail {

inline void write_error(bh_error* err, const char* message) {
  if (err == nullptr || err->message == nullptr || err->capacity == 0) return;
  std::snprintf(err->message, err->capacity, "%s", message);
}

// The C object behind a bh_region*: the ABI struct first, then the C++ side.
struct Instance {
  bh_region region;
  Host host;
  std::unique_ptr<Region> impl;
};

// Runs body, turning any exception into a status and a message: nothing crosses the ABI.
template <class Body>
bh_status guarded(bh_error* err, Body&& body) {
  try {
    return body();
  } catch (const Error& e) {
    write_error(err, e.what());
    return e.status();
  } catch (const std::exception& e) {
    write_error(err, e.what());
    return BH_ERR_INTERNAL;
  } catch (...) {
    write_error(err, "unknown exception");
    return BH_ERR_INTERNAL;
  }
}

inline bh_status call_turn(const bh_region* region, const bh_turn* turn, bh_error* err) {
  auto* instance = static_cast<Instance*>(region->region_data);
  return guarded(err, [&] {
    Turn view(turn);
    instance->impl->turn(view);
    return BH_OK;
  });
}

inline const void* call_get_extension(const bh_region* region, const char* id) {
  auto* instance = static_cast<Instance*>(region->region_data);
  try {
    return instance->impl->extension(id);
  } catch (...) {
    return nullptr;
  }
}

inline void call_destroy(const bh_region* region) {
  // Destructors must not throw; if one does anyway, the host must not see it.
  try {
    delete static_cast<Instance*>(region->region_data);
  } catch (...) {
  }
}

template <const RegionFactory* Factories, size_t N>
struct Library {
  static uint32_t region_count() { return static_cast<uint32_t>(N); }

  static const bh_region_descriptor* get_descriptor(uint32_t index) {
    return index < N ? Factories[index].descriptor : nullptr;
  }

  static bh_status create(const char* region_id, const bh_host* host, const bh_create_args* args,
                          bh_region** out, bh_error* err) {
    for (size_t i = 0; i < N; ++i) {
      if (std::strcmp(Factories[i].descriptor->id, region_id) != 0) continue;
      return guarded(err, [&] {
        Host host_view(host);
        auto instance = std::make_unique<Instance>(Instance{{}, host_view, nullptr});
        instance->impl.reset(Factories[i].make(host_view, Config(args)));
        instance->region.struct_size = sizeof(bh_region);
        instance->region.desc = Factories[i].descriptor;
        instance->region.region_data = instance.get();
        instance->region.turn = &call_turn;
        instance->region.get_extension = &call_get_extension;
        instance->region.destroy = &call_destroy;
        *out = &instance.release()->region;
        return BH_OK;
      });
    }
    write_error(err, "no region with this id in the library");
    return BH_ERR_NOT_FOUND;
  }

  static constexpr bh_library table = {sizeof(bh_library), BH_ABI_VERSION_INIT, &region_count,
                                       &get_descriptor, &create};
};

}  // namespace detail
}  // namespace brainhost::sdk

// Defines the library's entry symbol over one or more brainhost::sdk::factory<...>(...) values.
// Use once per library, at namespace scope. The table is returned whatever the host's version,
// so a host of another major can name both versions when it refuses the library.
#define BRAINHOST_DEFINE_LIBRARY(...)                                                           \
  static constexpr ::brainhost::sdk::RegionFactory brainhost_region_factories_[] = {__VA_ARGS__}; \
  extern "C" BH_EXPORT const bh_library* brainhost_library_entry(bh_abi_version host_abi) {     \
    (void)host_abi;                                                                             \
    return &::brainhost::sdk::detail::Library<                                                  \
        brainhost_region_factories_,                                                            \
        sizeof(brainhost_region_factories_) / sizeof(brainhost_region_factories_[0])>::table;  \
  }

#endif  // BRAINHOST_REGION_HPP
