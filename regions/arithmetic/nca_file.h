// The automaton's weights on disk (models/arithmetic/nca.bin), little-endian:
//
//   "BHNCA\0\0\0"                       magic
//   u32 version (1)
//   u32 channels, u32 hidden, u32 sweeps  the shape (nca.h's NcaConfig)
//   u64 count                           parameters, == NcaConfig::parameter_count()
//   f32 × count                         in the buffer order of nca.h
//   u64 checksum                        FNV-1a of every byte before it
//
// Decoding refuses, naming the file, a wrong magic or version, a bad shape, a short or padded
// file and a checksum that does not match.
#pragma once

#include <string>
#include <string_view>

#include "arithmetic/nca.h"

namespace brainhost::regions::arithmetic {

std::string EncodeNca(const Nca<float>& nca);
// Throws std::runtime_error naming `name` when the bytes are not an automaton of this format.
Nca<float> DecodeNca(std::string_view bytes, const std::string& name);

// Written atomically (cortex/checkpoint.h's write_file_atomically); throws on I/O errors.
void SaveNca(const Nca<float>& nca, const std::string& path);
Nca<float> LoadNca(const std::string& path);

}  // namespace brainhost::regions::arithmetic
