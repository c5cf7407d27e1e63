// Encoding and decoding the cortex's file format. See checkpoint.h for the layout.
#include "cortex/checkpoint.h"

#include <bit>
#include <cerrno>
#include <cstdio>
#include <cstring>
#include <fstream>
#include <sstream>
#include <stdexcept>
#include <unistd.h>

namespace brainhost::regions::cortex {
namespace {

static_assert(std::endian::native == std::endian::little, "the format is little-endian");

constexpr char kMagic[8] = {'B', 'H', 'C', 'O', 'R', 'T', 'E', 'X'};
constexpr std::size_t kHeaderBytes = 64;
constexpr std::uint32_t kFlagOptimizerState = 1;

template <typename T>
void put(std::string& out, std::size_t offset, T value) {
  std::memcpy(out.data() + offset, &value, sizeof(T));
}

template <typename T>
T get(std::string_view in, std::size_t offset) {
  T value;
  std::memcpy(&value, in.data() + offset, sizeof(T));
  return value;
}

void append_floats(std::string& out, const std::vector<float>& v) {
  out.append(reinterpret_cast<const char*>(v.data()), v.size() * sizeof(float));
}

std::vector<float> read_floats(std::string_view in, std::size_t offset, std::size_t n) {
  std::vector<float> v(n);
  std::memcpy(v.data(), in.data() + offset, n * sizeof(float));
  return v;
}

}  // namespace

std::uint64_t fnv1a64(const char* data, std::size_t n) {
  std::uint64_t h = 0xcbf29ce484222325ull;
  for (std::size_t i = 0; i < n; i++) {
    h ^= static_cast<unsigned char>(data[i]);
    h *= 0x100000001b3ull;
  }
  return h;
}

std::string encode_checkpoint(const Checkpoint& c) {
  const std::size_t P = parameter_count(c.config);
  if (c.params.size() != P || c.adam_m.size() != c.adam_v.size() ||
      (c.has_optimizer_state() && c.adam_m.size() != P)) {
    throw std::invalid_argument("cortex checkpoint: tensor sizes do not match the shape");
  }
  std::string out(kHeaderBytes, '\0');
  std::memcpy(out.data(), kMagic, sizeof kMagic);
  put<std::uint32_t>(out, 8, kCheckpointVersion);
  put<std::uint32_t>(out, 12, c.has_optimizer_state() ? kFlagOptimizerState : 0);
  const int shape[6] = {c.config.vocab, c.config.dim,    c.config.layers,
                        c.config.heads, c.config.hidden, c.config.context};
  for (int i = 0; i < 6; i++) put<std::int32_t>(out, 16 + 4 * i, shape[i]);
  put<std::int64_t>(out, 40, c.step);
  out.reserve(kHeaderBytes + (c.has_optimizer_state() ? 3 : 1) * P * sizeof(float));
  append_floats(out, c.params);
  if (c.has_optimizer_state()) {
    append_floats(out, c.adam_m);
    append_floats(out, c.adam_v);
  }
  put<std::uint64_t>(out, 48, fnv1a64(out.data() + kHeaderBytes, out.size() - kHeaderBytes));
  return out;
}

Checkpoint decode_checkpoint(std::string_view in, const std::string& name) {
  auto fail = [&](const std::string& why) -> std::runtime_error {
    return std::runtime_error(name + ": not a usable cortex checkpoint: " + why);
  };
  if (in.size() < kHeaderBytes || std::memcmp(in.data(), kMagic, sizeof kMagic) != 0) {
    throw fail("no BHCORTEX header");
  }
  const auto version = get<std::uint32_t>(in, 8);
  if (version != kCheckpointVersion) {
    throw fail("format version " + std::to_string(version) + ", this build reads " +
               std::to_string(kCheckpointVersion));
  }
  const auto flags = get<std::uint32_t>(in, 12);
  Checkpoint c;
  int* shape[6] = {&c.config.vocab, &c.config.dim,    &c.config.layers,
                   &c.config.heads, &c.config.hidden, &c.config.context};
  for (int i = 0; i < 6; i++) *shape[i] = get<std::int32_t>(in, 16 + 4 * i);
  if (!c.config.valid()) throw fail("invalid shape in the header");
  c.step = get<std::int64_t>(in, 40);
  const std::size_t P = parameter_count(c.config);
  const std::size_t tensors = (flags & kFlagOptimizerState) ? 3 : 1;
  const std::size_t expected = kHeaderBytes + tensors * P * sizeof(float);
  if (in.size() != expected) {
    throw fail(std::to_string(in.size()) + " bytes where the shape needs " +
               std::to_string(expected) + " (truncated or mislabelled)");
  }
  if (fnv1a64(in.data() + kHeaderBytes, in.size() - kHeaderBytes) !=
      get<std::uint64_t>(in, 48)) {
    throw fail("checksum mismatch (the file is corrupt)");
  }
  const std::size_t bytes = P * sizeof(float);
  c.params = read_floats(in, kHeaderBytes, P);
  if (tensors == 3) {
    c.adam_m = read_floats(in, kHeaderBytes + bytes, P);
    c.adam_v = read_floats(in, kHeaderBytes + 2 * bytes, P);
  }
  return c;
}

void write_file_atomically(const std::string& path, std::string_view bytes) {
  const std::string tmp = path + ".tmp";
  std::FILE* f = std::fopen(tmp.c_str(), "wb");
  if (!f) throw std::runtime_error(path + ": cannot write: " + std::strerror(errno));
  const bool ok = std::fwrite(bytes.data(), 1, bytes.size(), f) == bytes.size() &&
                  std::fflush(f) == 0 && ::fsync(fileno(f)) == 0;
  const int write_error = errno;
  if (std::fclose(f) != 0 || !ok || std::rename(tmp.c_str(), path.c_str()) != 0) {
    const int err = ok ? errno : write_error;
    std::remove(tmp.c_str());
    throw std::runtime_error(path + ": cannot write: " + std::strerror(err));
  }
}

void save_checkpoint(const Checkpoint& checkpoint, const std::string& path) {
  write_file_atomically(path, encode_checkpoint(checkpoint));
}

std::string read_file(const std::string& path, std::string_view what) {
  std::ifstream in(path, std::ios::binary);
  if (!in) throw std::runtime_error(path + ": cannot open the " + std::string(what));
  std::ostringstream bytes;
  bytes << in.rdbuf();
  return bytes.str();
}

Checkpoint load_checkpoint(const std::string& path) {
  return decode_checkpoint(read_file(path, "cortex weights"), path);
}

}  // namespace brainhost::regions::cortex
