#include "plugin/weights_extension.h"

#include <utf8.h>

#include <string>
#include <string_view>

#include "plugin/region_instance.h"
#include "plugin/weights_backend.h"

namespace brainhost {

namespace {

WeightsBackend* Backend(const bh_host* host) {
  return static_cast<RegionInstance*>(host->host_data)->weights();
}

bh_status GetActive(const bh_host* host, bh_weights_visitor visit, void* context) {
  if (visit == nullptr) return BH_ERR_INVALID_ARGUMENT;
  int64_t version = 0;
  std::string weights;
  Status s = Backend(host)->ActiveWeights(&version, &weights);
  if (s.ok()) visit(context, version, weights.data(), weights.size());
  return StatusToAbi(s);
}

bh_status InstallFirst(const bh_host* host, const void* data, size_t size, const char* note,
                       int64_t* version) {
  if (data == nullptr || size == 0 || version == nullptr) return BH_ERR_INVALID_ARGUMENT;
  std::string_view text = note != nullptr ? std::string_view(note) : std::string_view();
  if (!utf8::is_valid(text.begin(), text.end())) return BH_ERR_INVALID_ARGUMENT;
  return StatusToAbi(Backend(host)->InstallFirstWeights(
      std::string_view(static_cast<const char*>(data), size), std::string(text), version));
}

constexpr bh_weights kWeights = {sizeof(bh_weights), &GetActive, &InstallFirst};

}  // namespace

const bh_weights* WeightsExtension() { return &kWeights; }

}  // namespace brainhost
