// Tokenizer: the cortex's SentencePiece BPE model, loaded from a .model file.
//
// A thin wrapper: it owns a sentencepiece::SentencePieceProcessor, turns its status codes into
// exceptions that name the model file, and exposes the ids of special_tokens.h. Encode never
// adds <s> or </s>. For models made by TrainTokenizer, Decode(Encode(text)) == text for any
// valid UTF-8 text without U+2581 (byte fallback covers every character).
#ifndef BRAINHOST_REGIONS_TOKENIZER_TOKENIZER_H
#define BRAINHOST_REGIONS_TOKENIZER_TOKENIZER_H

#include <cstddef>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace sentencepiece {
class SentencePieceProcessor;
}

namespace brainhost::regions {

class Tokenizer {
 public:
  // Loads the model file at path. Throws std::runtime_error naming path when it is missing or
  // is not a SentencePiece model.
  static Tokenizer Load(const std::string& path);

  // Loads a model from its serialized bytes (e.g. a copy kept in the brain); name is used in
  // error messages. Throws std::runtime_error on a malformed model.
  static Tokenizer FromBytes(std::string_view model, const std::string& name);

  Tokenizer(Tokenizer&&) noexcept;
  Tokenizer& operator=(Tokenizer&&) noexcept;
  ~Tokenizer();

  // The ids of text, without <s> or </s>. Throws std::runtime_error if SentencePiece fails.
  std::vector<int> Encode(std::string_view text) const;

  // One token of EncodeWithSpans: its id and the bytes [begin, end) of the text it stands for.
  // A character spelt by several byte-fallback pieces gives its whole span to the last of
  // them and an empty span (begin == end) to the ones before (SentencePiece's convention).
  struct Span {
    int id = 0;
    size_t begin = 0, end = 0;
  };
  // Encode(text) with the span of each token. Throws as Encode does.
  std::vector<Span> EncodeWithSpans(std::string_view text) const;

  // The text of ids; control ids (<s>, </s>, <pad>) decode to nothing. Throws
  // std::runtime_error for an id outside [0, vocab_size()).
  std::string Decode(const std::vector<int>& ids) const;

  // The piece of id as stored in the model ("▁the", "<0x0A>", "U:") and its BPE score; for
  // exporting the vocabulary (llama2.c's tokenizer.bin). REQUIRES: 0 <= id < vocab_size().
  std::string Piece(int id) const;
  float Score(int id) const;
  bool IsByte(int id) const;  // one of the 256 byte-fallback pieces

  int vocab_size() const;
  int unk_id() const;
  int bos_id() const;
  int eos_id() const;
  int pad_id() const;
  int user_turn_id() const;   // "U:"
  int guide_turn_id() const;  // "G:"
  int newline_id() const;     // the byte piece <0x0A> that ends every line

  const std::string& path() const { return path_; }

 private:
  Tokenizer(std::unique_ptr<sentencepiece::SentencePieceProcessor> processor, std::string path);

  std::unique_ptr<sentencepiece::SentencePieceProcessor> processor_;
  std::string path_;
};

}  // namespace brainhost::regions

#endif  // BRAINHOST_REGIONS_TOKENIZER_TOKENIZER_H
