// tokenizer.bin for llama2.c: writing it from a SentencePiece model and reading it back. See
// llama2c_vocab.h for the layout.
#include "tokenizer/llama2c_vocab.h"

#include <algorithm>
#include <bit>
#include <cstdint>
#include <cstring>
#include <fstream>
#include <iterator>
#include <stdexcept>

namespace brainhost::regions {
namespace {

static_assert(std::endian::native == std::endian::little, "the format is little-endian");

constexpr std::string_view kWordStart = "\xE2\x96\x81";  // U+2581, SentencePiece's "▁"

template <typename T>
void Append(std::string& out, T value) {
  out.append(reinterpret_cast<const char*>(&value), sizeof value);
}

int HexDigit(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  return -1;
}

// The byte a "<0xXX>" piece stands for, or -1 for any other piece.
int BytePiece(std::string_view piece) {
  if (piece.size() != 6 || piece.substr(0, 3) != "<0x" || piece[5] != '>') return -1;
  const int hi = HexDigit(piece[3]), lo = HexDigit(piece[4]);
  return hi < 0 || lo < 0 ? -1 : hi * 16 + lo;
}

}  // namespace

std::string Llama2cVocab::TokenText(int prev, int token) const {
  std::string_view piece = pieces[static_cast<std::size_t>(token)];
  const int byte = BytePiece(piece);
  if (byte >= 0) return std::string(1, static_cast<char>(byte));
  if (prev == 1 && !piece.empty() && piece[0] == ' ') piece.remove_prefix(1);
  return std::string(piece);
}

std::string Llama2cVocab::Decode(const std::vector<int>& ids, int prev) const {
  std::string text;
  for (int id : ids) {
    if (id < 0 || id >= size()) {
      throw std::runtime_error("llama2.c vocabulary: id " + std::to_string(id) +
                               " outside the vocabulary of " + std::to_string(size()));
    }
    text += TokenText(prev, id);
    prev = id;
  }
  return text;
}

std::string Llama2cPieceText(std::string_view piece) {
  std::string out;
  out.reserve(piece.size());
  for (std::size_t i = 0; i < piece.size();) {
    if (piece.substr(i, kWordStart.size()) == kWordStart) {
      out += ' ';
      i += kWordStart.size();
    } else {
      out += piece[i++];
    }
  }
  return out;
}

std::string EncodeLlama2cVocab(const Tokenizer& tokenizer) {
  const int V = tokenizer.vocab_size();
  std::vector<std::string> pieces(static_cast<std::size_t>(V));
  std::size_t max_length = 0;
  for (int id = 0; id < V; id++) {
    pieces[id] = Llama2cPieceText(tokenizer.Piece(id));
    max_length = std::max(max_length, pieces[id].size());
  }
  std::string out;
  Append<std::int32_t>(out, static_cast<std::int32_t>(max_length));
  for (int id = 0; id < V; id++) {
    Append<float>(out, tokenizer.Score(id));
    Append<std::int32_t>(out, static_cast<std::int32_t>(pieces[id].size()));
    out += pieces[id];
  }
  return out;
}

Llama2cVocab DecodeLlama2cVocab(std::string_view bytes, const std::string& name) {
  auto fail = [&](const std::string& why) {
    return std::runtime_error(name + ": not a usable llama2.c tokenizer.bin: " + why);
  };
  std::size_t at = 0;
  auto read_i32 = [&](const char* what, int id) {
    if (bytes.size() - at < 4) {
      throw fail("truncated inside the " + std::string(what) + " of piece " + std::to_string(id));
    }
    std::int32_t v;
    std::memcpy(&v, bytes.data() + at, 4);
    at += 4;
    return v;
  };
  if (bytes.size() < 4) throw fail("shorter than its 4-byte header");
  Llama2cVocab vocab;
  vocab.max_token_length = read_i32("header", -1);
  if (vocab.max_token_length < 0) {
    throw fail("negative max_token_length " + std::to_string(vocab.max_token_length));
  }
  for (int id = 0; at < bytes.size(); id++) {
    const std::int32_t score_bits = read_i32("score", id);
    const std::int32_t length = read_i32("length", id);
    if (length < 0 || length > vocab.max_token_length) {
      throw fail("piece " + std::to_string(id) + " has length " + std::to_string(length) +
                 ", outside [0, max_token_length " + std::to_string(vocab.max_token_length) +
                 "]");
    }
    if (bytes.size() - at < static_cast<std::size_t>(length)) {
      throw fail("truncated inside the text of piece " + std::to_string(id));
    }
    vocab.scores.push_back(std::bit_cast<float>(score_bits));
    vocab.pieces.emplace_back(bytes.substr(at, static_cast<std::size_t>(length)));
    at += static_cast<std::size_t>(length);
  }
  if (vocab.pieces.empty()) throw fail("no pieces after the header");
  return vocab;
}

Llama2cVocab LoadLlama2cVocab(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) throw std::runtime_error(path + ": cannot open the llama2.c tokenizer.bin");
  const std::string bytes((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  return DecodeLlama2cVocab(bytes, path);
}

}  // namespace brainhost::regions
