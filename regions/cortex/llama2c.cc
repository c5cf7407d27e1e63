// Legacy llama2.c checkpoints: writing and reading. See llama2c.h for the layout.
#include "cortex/llama2c.h"

#include <bit>
#include <cstdint>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <limits>
#include <stdexcept>
#include <system_error>
#include <vector>

#include "cortex/layers.h"

namespace brainhost::regions::cortex {
namespace {

static_assert(std::endian::native == std::endian::little, "the format is little-endian");

// The header's seven int32 fields, in file order.
struct Header {
  std::int32_t dim, hidden_dim, n_layers, n_heads, n_kv_heads, vocab_size, seq_len;
};
static_assert(sizeof(Header) == kLlama2cHeaderBytes);

// llama2.c's versioned exports (export.py --version 1 and up) begin with this uint32.
constexpr std::uint32_t kVersionedMagic = 0x616b3432;  // "ak42"
constexpr char kCortexMagic[8] = {'B', 'H', 'C', 'O', 'R', 'T', 'E', 'X'};

std::runtime_error refusal(const std::string& name, const std::string& why) {
  return std::runtime_error(name + ": not a usable llama2.c checkpoint: " + why);
}

std::string describe(const Header& h) {
  return "dim " + std::to_string(h.dim) + ", hidden_dim " + std::to_string(h.hidden_dim) +
         ", n_layers " + std::to_string(h.n_layers) + ", n_heads " + std::to_string(h.n_heads) +
         ", n_kv_heads " + std::to_string(h.n_kv_heads) + ", vocab_size " +
         std::to_string(h.vocab_size) + ", seq_len " + std::to_string(h.seq_len);
}

// The scalars after the parameters: the cos and sin tables, (context, HS/2) each.
std::size_t rope_table_count(const Config& cfg) {
  return std::size_t(cfg.context) * std::size_t(cfg.head_size() / 2);
}

// Checks the first bytes of a file of file_size bytes (prefix holds min(file_size, 28) of
// them) and returns the shape they describe. Throws refusal(name, ...) for anything the cortex
// cannot load, the size check included.
Config parse_header(std::string_view prefix, std::uint64_t file_size, const std::string& name) {
  if (prefix.size() >= sizeof kCortexMagic &&
      std::memcmp(prefix.data(), kCortexMagic, sizeof kCortexMagic) == 0) {
    throw refusal(name, "it is a cortex checkpoint (magic BHCORTEX), not a llama2.c one");
  }
  if (prefix.size() >= 8) {
    std::uint32_t magic, version;
    std::memcpy(&magic, prefix.data(), 4);
    std::memcpy(&version, prefix.data() + 4, 4);
    if (magic == kVersionedMagic) {
      throw refusal(name, "a versioned llama2.c export (magic ak42, version " +
                              std::to_string(version) +
                              "); only the legacy format (export.py --version 0) is read");
    }
  }
  if (file_size < kLlama2cHeaderBytes) {
    throw refusal(name, "truncated: " + std::to_string(file_size) +
                            " bytes, shorter than the 28-byte header");
  }
  Header h;
  std::memcpy(&h, prefix.data(), sizeof h);
  if (h.vocab_size < 0) {
    throw refusal(name, "vocab_size " + std::to_string(h.vocab_size) +
                            " is negative, i.e. the classifier is a separate tensor (wcls), not "
                            "the embedding; the cortex only has a tied classifier");
  }
  if (h.dim <= 0 || h.hidden_dim <= 0 || h.n_layers <= 0 || h.n_heads <= 0 ||
      h.n_kv_heads <= 0 || h.vocab_size <= 0 || h.seq_len <= 0) {
    throw refusal(name, "a header field is not positive (" + describe(h) + ")");
  }
  if (h.n_kv_heads != h.n_heads) {
    throw refusal(name, "n_kv_heads " + std::to_string(h.n_kv_heads) + " differs from n_heads " +
                            std::to_string(h.n_heads) +
                            ": grouped-query attention is not supported");
  }
  if (h.dim % h.n_heads != 0) {
    throw refusal(name, "dim " + std::to_string(h.dim) + " is not a multiple of n_heads " +
                            std::to_string(h.n_heads));
  }
  if ((h.dim / h.n_heads) % 2 != 0) {
    throw refusal(name, "head size " + std::to_string(h.dim / h.n_heads) +
                            " is odd (RoPE rotates pairs of dimensions)");
  }
  Config cfg;
  cfg.vocab = h.vocab_size;
  cfg.dim = h.dim;
  cfg.layers = h.n_layers;
  cfg.heads = h.n_heads;
  cfg.hidden = h.hidden_dim;
  cfg.context = h.seq_len;
  // Bound the size in floating point first, so that a garbage header cannot overflow size_t.
  const double V = cfg.vocab, C = cfg.dim, L = cfg.layers, H = cfg.hidden, T = cfg.context;
  const double approx = 4.0 * (V * C + L * (2 * C + 4 * C * C + 3 * H * C) + C + T * C);
  if (approx > 1e15) {
    throw refusal(name, "the header's shape would need " + std::to_string(approx) +
                            " bytes; not a checkpoint (" + describe(h) + ")");
  }
  const std::uint64_t expected = llama2c_file_size(cfg);
  if (file_size < expected) {
    throw refusal(name, "truncated: " + std::to_string(file_size) + " bytes where the header (" +
                            describe(h) + ") needs " + std::to_string(expected));
  }
  if (file_size > expected) {
    throw refusal(name, "size " + std::to_string(file_size) + " bytes does not match the header (" +
                            describe(h) + "), which needs " + std::to_string(expected));
  }
  return cfg;
}

}  // namespace

std::size_t llama2c_file_size(const Config& cfg) {
  return kLlama2cHeaderBytes + (parameter_count(cfg) + 2 * rope_table_count(cfg)) * sizeof(float);
}

std::string encode_llama2c(const Checkpoint& c) {
  const Config& cfg = c.config;
  if (!cfg.valid()) throw std::invalid_argument("llama2.c export: invalid cortex shape");
  if (c.params.size() != parameter_count(cfg)) {
    throw std::invalid_argument("llama2.c export: " + std::to_string(c.params.size()) +
                                " parameters where the shape has " +
                                std::to_string(parameter_count(cfg)));
  }
  const Header h{cfg.dim, cfg.hidden, cfg.layers, cfg.heads, cfg.heads, cfg.vocab, cfg.context};
  const std::size_t R = rope_table_count(cfg);
  std::vector<float> cos(R), sin(R);  // (context, HS/2) each
  rope_table(cos.data(), sin.data(), cfg.context, cfg.head_size());

  std::string out;
  out.reserve(llama2c_file_size(cfg));
  out.append(reinterpret_cast<const char*>(&h), sizeof h);
  out.append(reinterpret_cast<const char*>(c.params.data()), c.params.size() * sizeof(float));
  out.append(reinterpret_cast<const char*>(cos.data()), R * sizeof(float));
  out.append(reinterpret_cast<const char*>(sin.data()), R * sizeof(float));
  return out;
}

Checkpoint decode_llama2c(std::string_view bytes, const std::string& name) {
  Checkpoint c;
  c.config = parse_header(bytes.substr(0, kLlama2cHeaderBytes), bytes.size(), name);
  c.params.resize(parameter_count(c.config));
  std::memcpy(c.params.data(), bytes.data() + kLlama2cHeaderBytes,
              c.params.size() * sizeof(float));
  return c;
}

void save_llama2c(const Checkpoint& checkpoint, const std::string& path) {
  write_file_atomically(path, encode_llama2c(checkpoint));
}

Checkpoint load_llama2c(const std::string& path) {
  std::error_code ec;
  const std::uint64_t size = std::filesystem::file_size(path, ec);
  std::ifstream in(path, std::ios::binary);
  if (ec || !in) {
    throw std::runtime_error(path + ": cannot open the llama2.c checkpoint" +
                             (ec ? ": " + ec.message() : std::string()));
  }
  std::string prefix(kLlama2cHeaderBytes, '\0');
  in.read(prefix.data(), std::streamsize(prefix.size()));
  prefix.resize(std::size_t(in.gcount()));
  Checkpoint c;
  c.config = parse_header(prefix, size, path);
  c.params.resize(parameter_count(c.config));
  const auto n = std::streamsize(c.params.size() * sizeof(float));
  in.read(reinterpret_cast<char*>(c.params.data()), n);
  if (in.gcount() != n) {
    throw refusal(path, "read " + std::to_string(in.gcount()) + " of the " + std::to_string(n) +
                            " parameter bytes (the file changed while being read?)");
  }
  return c;
}

}  // namespace brainhost::regions::cortex
