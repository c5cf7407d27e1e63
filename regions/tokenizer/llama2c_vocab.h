// The vocabulary as llama2.c's run.c reads it (tokenizer.bin), written from a Tokenizer and read
// back for decoding the text of models that came from llama2.c.
//
// Layout (native little-endian, no magic: run.c reads exactly this):
//   i32  max_token_length: the longest piece, in bytes, as written below
//   then for each id 0 .. V − 1 (V is not stored; run.c takes it from the model's header):
//     f32  score      the piece's BPE merge score (run.c merges the best-scoring pair first)
//     i32  length     bytes of the piece
//     u8[length]      the piece: SentencePiece's word-start mark U+2581 "▁" replaced by a space;
//                     byte-fallback pieces kept as "<0xXX>" (run.c turns them into the byte);
//                     control pieces as their text ("<s>", "</s>", "<pad>")
//
// What it is not: no encoder. run.c's own encoder assumes Llama's layout, byte pieces at ids
// 3 .. 258, while ours sit at 6 .. 261 (special_tokens.h), so prompts that need byte fallback
// encode wrongly in run.c; decoding is by piece text and is exact.
#ifndef BRAINHOST_REGIONS_TOKENIZER_LLAMA2C_VOCAB_H
#define BRAINHOST_REGIONS_TOKENIZER_LLAMA2C_VOCAB_H

#include <string>
#include <string_view>
#include <vector>

#include "tokenizer/tokenizer.h"

namespace brainhost::regions {

struct Llama2cVocab {
  int max_token_length = 0;
  std::vector<std::string> pieces;  // (V) as stored: " the", "<0x0A>", "<s>"
  std::vector<float> scores;        // (V)

  int size() const { return static_cast<int>(pieces.size()); }

  // The bytes token stands for when it follows prev, as run.c prints them: a byte piece
  // "<0xXX>" is that one byte, a piece after BOS (id 1) loses its leading space, every other
  // piece (control pieces included) is its text. REQUIRES: 0 <= token < size().
  std::string TokenText(int prev, int token) const;

  // The concatenated TokenText of ids, the first one following prev (BOS by default: the
  // sequence run.c generates from). Throws std::runtime_error for an id outside [0, size()).
  std::string Decode(const std::vector<int>& ids, int prev = 1) const;
};

// A SentencePiece piece as tokenizer.bin stores it: every "▁" (U+2581) becomes a space.
std::string Llama2cPieceText(std::string_view piece);

// The bytes of tokenizer.bin for every piece of tokenizer.
std::string EncodeLlama2cVocab(const Tokenizer& tokenizer);

// Parses tokenizer.bin bytes up to their end (the number of pieces is what the bytes hold).
// Throws std::runtime_error starting with name when they end inside an entry, hold no piece, or
// have a negative length or one above max_token_length.
Llama2cVocab DecodeLlama2cVocab(std::string_view bytes, const std::string& name);

// Reads and decodes the file at path. Throws std::runtime_error naming path.
Llama2cVocab LoadLlama2cVocab(const std::string& path);

}  // namespace brainhost::regions

#endif  // BRAINHOST_REGIONS_TOKENIZER_LLAMA2C_VOCAB_H
