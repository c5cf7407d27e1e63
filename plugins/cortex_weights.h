// The cortex's weights as a plugin finds them: the brain's active version
// (brainhost.weights/1), or, on a brain's first run, the shipped file installed as version 1.
// The cortex runs them; the hippo reads with them too (its question surprise), so both read
// what sleep last consolidated, never a stale file.
#ifndef BRAINHOST_PLUGINS_CORTEX_WEIGHTS_H
#define BRAINHOST_PLUGINS_CORTEX_WEIGHTS_H

#include <brainhost/region.hpp>
#include <brainhost/weights.h>

#include <cstdint>
#include <filesystem>
#include <fstream>
#include <optional>
#include <sstream>
#include <string>

#include "cortex/checkpoint.h"
#include "tokenizer/tokenizer.h"

namespace brainhost::plugins {

inline std::string ReadFile(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) throw sdk::Error(BH_ERR_IO, path.string() + ": cannot open the cortex weights");
  std::ostringstream bytes;
  bytes << in.rdbuf();
  return bytes.str();
}

// The brain's active version, decoded; nullopt when the brain has none.
inline std::optional<regions::cortex::Checkpoint> ActiveVersion(const sdk::Host& host,
                                                                const bh_weights& weights,
                                                                int64_t* version) {
  struct Found {
    std::optional<regions::cortex::Checkpoint> checkpoint;
    int64_t version = 0;
    std::string error;
  } found;
  bh_status status = weights.get_active(
      host.raw(),
      [](void* context, int64_t v, const void* data, size_t size) {
        auto* f = static_cast<Found*>(context);
        f->version = v;
        try {
          f->checkpoint = regions::cortex::decode_checkpoint(
              std::string_view(static_cast<const char*>(data), size),
              "brain cortex version " + std::to_string(v));
        } catch (const std::exception& e) {
          f->error = e.what();  // nothing may be thrown through the host
        }
      },
      &found);
  if (status == BH_ERR_NOT_FOUND) return std::nullopt;
  sdk::check(status, "read the active cortex version", BH_EXT_WEIGHTS);
  if (!found.error.empty()) throw sdk::Error(BH_ERR_IO, found.error);
  *version = found.version;
  return std::move(found.checkpoint);
}

// On a brain without cortex versions: installs the file at path as version 1. Shipped weights
// carry no optimizer state; a training checkpoint's is dropped, the brain keeps parameters only.
inline void InstallFirst(const sdk::Host& host, const bh_weights& weights,
                         const std::filesystem::path& path, const regions::Tokenizer& tokenizer) {
  std::error_code ec;
  if (!std::filesystem::exists(path, ec)) {
    throw sdk::Error(BH_ERR_NOT_FOUND,
                     "no cortex weights: the brain has no version yet and " + path.string() +
                         " does not exist (train it with `brainhost train cortex`, or set the "
                         "region's `weights`)");
  }
  regions::cortex::Checkpoint checkpoint =
      regions::cortex::decode_checkpoint(ReadFile(path), path.string());
  if (checkpoint.config.vocab != tokenizer.vocab_size()) {
    throw sdk::Error(BH_ERR_INVALID_ARGUMENT, path.string() + " has a vocabulary of " +
                                                  std::to_string(checkpoint.config.vocab) +
                                                  " but the tokenizer " + tokenizer.path() +
                                                  " has " + std::to_string(tokenizer.vocab_size()) +
                                                  " pieces");
  }
  checkpoint.adam_m.clear();
  checkpoint.adam_v.clear();
  const std::string bytes = regions::cortex::encode_checkpoint(checkpoint);
  const std::string note = "installed from " + path.string();
  int64_t version = 0;
  sdk::check(weights.install_first(host.raw(), bytes.data(), bytes.size(), note.c_str(), &version),
             "install the first cortex version from", path.string().c_str());
}

// The active version's weights, installing the file shipped first on a brain without one;
// *version is set to the version.
inline regions::cortex::Checkpoint LoadCortexWeights(const sdk::Host& host,
                                                     const std::filesystem::path& shipped,
                                                     const regions::Tokenizer& tokenizer,
                                                     int64_t* version) {
  const auto* weights = static_cast<const bh_weights*>(host.extension(BH_EXT_WEIGHTS));
  if (weights == nullptr || weights->struct_size < sizeof(bh_weights)) {
    throw sdk::Error(BH_ERR_NOT_SUPPORTED,
                     "the host offers no " BH_EXT_WEIGHTS ": the cortex runs from a brain");
  }
  if (auto active = ActiveVersion(host, *weights, version)) return std::move(*active);
  InstallFirst(host, *weights, shipped, tokenizer);
  if (auto active = ActiveVersion(host, *weights, version)) return std::move(*active);
  throw sdk::Error(BH_ERR_INTERNAL, "the cortex version just installed cannot be read back");
}

}  // namespace brainhost::plugins

#endif  // BRAINHOST_PLUGINS_CORTEX_WEIGHTS_H
