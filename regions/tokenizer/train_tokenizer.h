// TrainTokenizer: trains the cortex's BPE vocabulary with SentencePiece (behind
// `brainhost train tokenizer`).
//
// SentencePiece is used rather than a hand-written BPE because it is a well-kept Debian
// package (libsentencepiece-dev) whose trainer and encoder agree by construction, and its
// model file is what llama2.c-style exports expect. The settings, and why:
//   - model_type bpe, byte_fallback: no <unk> ever; an unseen character (an emoji, a rare
//     script) is spelt as its UTF-8 bytes, so Decode(Encode(text)) == text;
//   - character_coverage 1.0: every character of the corpus gets its own piece;
//   - normalization "identity", remove_extra_whitespaces false: text is kept as typed (no
//     NFKC folding of "ﬁ" or full-width letters, runs of spaces kept);
//   - add_dummy_prefix false: no invented leading space, since every corpus line starts with
//     "U:" or "G:", which are user-defined pieces (special_tokens.h);
//   - split_digits: numbers are spelt digit by digit, so the cortex sees "1234" as 1 2 3 4;
//   - input_sentence_size 1,000,000 lines, sampled with the given seed, and 2 threads, so a
//     4096 vocabulary trains in minutes on two cores; the seed also fixes the result.
// Limits: U+2581 ("▁", SentencePiece's space mark) in input decodes as a space; SentencePiece
// treats each input line as one sentence, so newlines are never merged into pieces.
#ifndef BRAINHOST_REGIONS_TOKENIZER_TRAIN_TOKENIZER_H
#define BRAINHOST_REGIONS_TOKENIZER_TRAIN_TOKENIZER_H

#include <cstdint>
#include <string>

namespace brainhost::regions {

struct TokenizerTrainOptions {
  int vocab_size = 4096;
  uint64_t seed = 1;
  int num_threads = 2;
  int input_sentence_size = 1000000;  // lines sampled from the corpus; 0 = all lines
};

// Trains on the text file at corpus_path and writes model_prefix + ".model" and ".vocab".
// Throws std::runtime_error naming corpus_path and the SentencePiece error on failure.
void TrainTokenizer(const std::string& corpus_path, const std::string& model_prefix,
                    const TokenizerTrainOptions& options);

// The same with default options except vocab_size and seed.
void TrainTokenizer(const std::string& corpus_path, const std::string& model_prefix,
                    int vocab_size, uint64_t seed);

}  // namespace brainhost::regions

#endif  // BRAINHOST_REGIONS_TOKENIZER_TRAIN_TOKENIZER_H
