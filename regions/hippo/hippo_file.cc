#include "hippo/hippo_file.h"

#include <cstdint>
#include <cstring>
#include <stdexcept>

#include "cortex/checkpoint.h"

namespace brainhost::regions::hippo {
namespace {

constexpr char kMagic[8] = {'B', 'H', 'H', 'I', 'P', 'P', 'O', '\0'};
constexpr std::uint32_t kVersion = 1;
// magic, version, C, D, shared, age_scale, count
constexpr std::size_t kHeaderBytes = 8 + 4 * 4 + 8 + 8;

}  // namespace

std::string EncodeHippo(const HippoWeights& w) {
  std::string out(kMagic, sizeof kMagic);
  cortex::append_value<std::uint32_t>(out, kVersion);
  cortex::append_value<std::uint32_t>(out, static_cast<std::uint32_t>(w.config.C));
  cortex::append_value<std::uint32_t>(out, static_cast<std::uint32_t>(w.config.D));
  cortex::append_value<std::uint32_t>(out, w.config.shared ? 1 : 0);
  cortex::append_value<double>(out, w.config.age_scale);
  cortex::append_value<std::uint64_t>(out, w.params.size());
  out.append(reinterpret_cast<const char*>(w.params.data()), w.params.size() * sizeof(float));
  cortex::append_value<std::uint64_t>(out, cortex::fnv1a64(out.data(), out.size()));
  return out;
}

HippoWeights DecodeHippo(std::string_view in, const std::string& name) {
  auto fail = [&](const std::string& why) {
    return std::runtime_error(name + ": not hippo weights: " + why);
  };
  if (in.size() < kHeaderBytes + 8 || std::memcmp(in.data(), kMagic, sizeof kMagic) != 0) {
    throw fail("wrong magic or too short");
  }
  std::size_t at = sizeof kMagic;
  const auto version = cortex::read_value<std::uint32_t>(in, at);
  if (version != kVersion) {
    throw fail("format version " + std::to_string(version) + ", expected " +
               std::to_string(kVersion));
  }
  HippoWeights w;
  w.config.C = static_cast<int>(cortex::read_value<std::uint32_t>(in, at));
  w.config.D = static_cast<int>(cortex::read_value<std::uint32_t>(in, at));
  w.config.shared = cortex::read_value<std::uint32_t>(in, at) != 0;
  w.config.age_scale = cortex::read_value<double>(in, at);
  const auto count = cortex::read_value<std::uint64_t>(in, at);
  if (!w.config.valid() || w.config.C > 65536 || w.config.D > 65536 ||
      count != w.config.parameter_count()) {
    throw fail("the shape does not hold together");
  }
  if (in.size() != kHeaderBytes + count * sizeof(float) + 8) throw fail("truncated or padded");
  const std::size_t body = kHeaderBytes + count * sizeof(float);
  std::size_t sum_at = body;
  if (cortex::read_value<std::uint64_t>(in, sum_at) != cortex::fnv1a64(in.data(), body)) {
    throw fail("checksum mismatch (corrupt file)");
  }
  w.params.resize(count);
  std::memcpy(w.params.data(), in.data() + kHeaderBytes, count * sizeof(float));
  return w;
}

void SaveHippo(const HippoWeights& weights, const std::string& path) {
  cortex::write_file_atomically(path, EncodeHippo(weights));
}

HippoWeights LoadHippo(const std::string& path) {
  return DecodeHippo(cortex::read_file(path, "hippo weights"), path);
}

}  // namespace brainhost::regions::hippo
