// Interop with llama2.c (karpathy/llama2.c): the cortex's parameters written as, and read from,
// the LEGACY checkpoint that llama2.c's run.c loads (export.py's version 0). The two networks
// are the same one (RMSNorm eps 1e-5, RoPE on neighbouring pairs with theta 10000, SwiGLU,
// a classifier tied to the embedding) and config.h's tensor order is llama2.c's, so the
// conversion is a header and a copy. Dimension legend in config.h.
//
// Layout (native little-endian, no magic and no version: the format has none):
//   0   i32[7]  dim (C), hidden_dim (H), n_layers (L), n_heads (NH), n_kv_heads (= NH here),
//               vocab_size (V; positive: the classifier is the embedding), seq_len (context)
//   28  f32[P]  token_embedding_table (V, C), rms_att_weight (L, C), wq, wk, wv, wo (L, C, C),
//               rms_ffn_weight (L, C), w1 (L, H, C), w2 (L, C, H), w3 (L, H, C),
//               rms_final_weight (C): exactly config.h's flat parameter buffer
//       f32[context · HS/2]  freq_cis_real: cos(t · 10000^(−2i/HS)) for t < context, i < HS/2
//       f32[context · HS/2]  freq_cis_imag: the sines
// run.c skips the two RoPE tables (it computes the rotation itself) but expects the bytes.
//
// What it is not: no grouped-query attention (n_kv_heads < n_heads), no separate classifier
// (a negative vocab_size), no quantized or versioned (magic "ak42") llama2.c exports, and no
// tokenizer: the vocabulary travels as tokenizer.bin (tokenizer/llama2c_vocab.h). A reader
// refuses each of those, and any size that does not match the header, with a message that names
// the file and the reason.
#pragma once

#include <string>
#include <string_view>

#include "cortex/checkpoint.h"
#include "cortex/config.h"

namespace brainhost::regions::cortex {

inline constexpr std::size_t kLlama2cHeaderBytes = 7 * 4;

// The file size of a legacy llama2.c checkpoint of shape cfg. REQUIRES: cfg.valid().
std::size_t llama2c_file_size(const Config& cfg);

// The bytes of checkpoint's parameters as a legacy llama2.c checkpoint (the optimizer state and
// step are not part of the format and are dropped). Throws std::invalid_argument when the shape
// is invalid, params does not fit it, or a dimension does not fit in llama2.c's int32 header.
std::string encode_llama2c(const Checkpoint& checkpoint);

// Parses a legacy llama2.c checkpoint. The result has no optimizer state and step 0. Throws
// std::runtime_error starting with name (a path) and saying what is wrong.
Checkpoint decode_llama2c(std::string_view bytes, const std::string& name);

// Writes encode_llama2c(checkpoint) to path atomically (a temporary file beside it, renamed).
// Throws std::runtime_error naming path.
void save_llama2c(const Checkpoint& checkpoint, const std::string& path);

// Reads the file at path as decode_llama2c does, checking the header and the file's size before
// reading the parameters straight into the result (no second copy of a large file). Throws
// std::runtime_error naming path.
Checkpoint load_llama2c(const std::string& path);

}  // namespace brainhost::regions::cortex
