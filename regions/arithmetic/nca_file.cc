#include "arithmetic/nca_file.h"

#include <cstdint>
#include <cstring>
#include <stdexcept>

#include "cortex/checkpoint.h"

namespace brainhost::regions::arithmetic {
namespace {

constexpr char kMagic[8] = {'B', 'H', 'N', 'C', 'A', '\0', '\0', '\0'};
constexpr std::uint32_t kVersion = 1;
constexpr std::size_t kHeaderBytes = 8 + 4 * 4 + 8;  // magic, version, shape, count

}  // namespace

std::string EncodeNca(const Nca<float>& nca) {
  const NcaConfig& c = nca.config();
  std::string out(kMagic, sizeof kMagic);
  cortex::append_value<std::uint32_t>(out, kVersion);
  cortex::append_value<std::uint32_t>(out, static_cast<std::uint32_t>(c.channels));
  cortex::append_value<std::uint32_t>(out, static_cast<std::uint32_t>(c.hidden));
  cortex::append_value<std::uint32_t>(out, static_cast<std::uint32_t>(c.sweeps));
  cortex::append_value<std::uint64_t>(out, nca.params().size());
  out.append(reinterpret_cast<const char*>(nca.params().data()),
             nca.params().size() * sizeof(float));
  cortex::append_value<std::uint64_t>(out, cortex::fnv1a64(out.data(), out.size()));
  return out;
}

Nca<float> DecodeNca(std::string_view in, const std::string& name) {
  auto fail = [&](const std::string& why) {
    return std::runtime_error(name + ": not arithmetic automaton weights: " + why);
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
  NcaConfig c;
  c.channels = static_cast<int>(cortex::read_value<std::uint32_t>(in, at));
  c.hidden = static_cast<int>(cortex::read_value<std::uint32_t>(in, at));
  c.sweeps = static_cast<int>(cortex::read_value<std::uint32_t>(in, at));
  const auto count = cortex::read_value<std::uint64_t>(in, at);
  if (!c.valid() || count != c.parameter_count()) throw fail("the shape does not hold together");
  if (in.size() != kHeaderBytes + count * sizeof(float) + 8) throw fail("truncated or padded");
  const std::size_t body = kHeaderBytes + count * sizeof(float);
  std::size_t sum_at = body;
  if (cortex::read_value<std::uint64_t>(in, sum_at) != cortex::fnv1a64(in.data(), body)) {
    throw fail("checksum mismatch (corrupt file)");
  }
  std::vector<float> params(count);
  std::memcpy(params.data(), in.data() + kHeaderBytes, count * sizeof(float));
  return Nca<float>(c, std::move(params));
}

void SaveNca(const Nca<float>& nca, const std::string& path) {
  cortex::write_file_atomically(path, EncodeNca(nca));
}

Nca<float> LoadNca(const std::string& path) {
  return DecodeNca(cortex::read_file(path, "arithmetic automaton weights"), path);
}

}  // namespace brainhost::regions::arithmetic
