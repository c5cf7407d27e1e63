// The cortex's file format: a shape header, then the float32 parameters in config.h's buffer
// order, then, in training checkpoints only, AdamW's state so that a run can resume exactly.
// The same bytes are a file in models/ and a weights BLOB in the brain's cortex_versions.
//
// Layout (little-endian, 64-byte header):
//   0  char[8]  magic "BHCORTEX"
//   8  u32      format version (kCheckpointVersion)
//   12 u32      flags: bit 0 = optimizer state follows the parameters
//   16 i32[6]   vocab, dim, layers, heads, hidden, context
//   40 i64      optimizer steps taken
//   48 u64      FNV-1a 64 of every byte after the header
//   56 u8[8]    zero
//   64 f32[P]   parameters, P = parameter_count(config)
//      f32[P]   AdamW first moments   } only with flag bit 0
//      f32[P]   AdamW second moments  }
// A reader refuses another magic or version, an invalid shape, a size that does not match the
// shape, and a checksum mismatch, each with a message naming the file.
#pragma once

#include <cstdint>
#include <cstring>
#include <string>
#include <string_view>
#include <vector>

#include "cortex/config.h"

namespace brainhost::regions::cortex {

inline constexpr std::uint32_t kCheckpointVersion = 1;

struct Checkpoint {
  Config config;
  std::vector<float> params;  // (parameter_count(config))
  // Training state: steps taken and AdamW's moments (both empty in shipped weights).
  std::int64_t step = 0;
  std::vector<float> adam_m, adam_v;

  bool has_optimizer_state() const { return !adam_m.empty(); }
};

// The bytes of checkpoint. REQUIRES: params sized for config; adam_m and adam_v both empty or
// both the size of params.
std::string encode_checkpoint(const Checkpoint& checkpoint);

// Parses bytes written by encode_checkpoint. Throws std::runtime_error starting with name
// (a path, or "brain cortex version 3") and saying what is wrong.
Checkpoint decode_checkpoint(std::string_view bytes, const std::string& name);

// Writes the checkpoint to path atomically: a temporary file beside it, flushed and renamed,
// so a kill at any moment leaves either the old file or the new one. Throws
// std::runtime_error naming path.
void save_checkpoint(const Checkpoint& checkpoint, const std::string& path);

// Reads and decodes the file at path. Throws std::runtime_error naming path.
Checkpoint load_checkpoint(const std::string& path);

// FNV-1a 64 of n bytes: the checksum of the cortex's, the hippo's and the automaton's weight
// files.
std::uint64_t fnv1a64(const char* data, std::size_t n);

// The small weight files' fields (hippo, automaton), in the machine's byte order (little-endian
// on every machine the project builds for): value appended to out, or read at `at` and `at`
// moved past it. REQUIRES for read_value: at + sizeof(T) <= in.size().
template <typename T>
void append_value(std::string& out, T value) {
  out.append(reinterpret_cast<const char*>(&value), sizeof(T));
}
template <typename T>
T read_value(std::string_view in, std::size_t& at) {
  T value;
  std::memcpy(&value, in.data() + at, sizeof(T));
  at += sizeof(T);
  return value;
}

// Writes bytes to path through a temporary file beside it, flushed to disk and renamed over
// path, so a kill at any moment leaves the old file or the new one, never a torn one. The
// writer of every file the cortex produces (checkpoints, llama2.c exports). Throws
// std::runtime_error naming path.
void write_file_atomically(const std::string& path, std::string_view bytes);

// The whole file at path. Throws std::runtime_error "<path>: cannot open the <what>".
std::string read_file(const std::string& path, std::string_view what);

}  // namespace brainhost::regions::cortex
