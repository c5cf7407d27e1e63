// The hippo's weights on disk (models/hippo/hippo.bin), little-endian:
//
//   "BHHIPPO\0"                      magic
//   u32 version (1)
//   u32 C, u32 D, u32 shared (0/1)   the shape (hippo_model.h's HippoConfig)
//   f64 age_scale
//   u64 count                        parameters, == HippoConfig::parameter_count()
//   f32 × count                      in the model's buffer order
//   u64 checksum                     FNV-1a of every byte before it
//
// Decoding refuses, naming the file, a wrong magic or version, a bad shape, a short file and a
// checksum that does not match.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "hippo/hippo_model.h"

namespace brainhost::regions::hippo {

struct HippoWeights {
  HippoConfig config;
  std::vector<float> params;  // (config.parameter_count())
};

std::string EncodeHippo(const HippoWeights& weights);
// Throws std::runtime_error naming `name` when the bytes are not a hippo of this format.
HippoWeights DecodeHippo(std::string_view bytes, const std::string& name);

// Written atomically (cortex/checkpoint.h's write_file_atomically); throws on I/O errors.
void SaveHippo(const HippoWeights& weights, const std::string& path);
HippoWeights LoadHippo(const std::string& path);

}  // namespace brainhost::regions::hippo
