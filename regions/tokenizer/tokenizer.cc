// The SentencePiece wrapper of tokenizer.h: status codes become exceptions naming the file.
#include "tokenizer/tokenizer.h"

#include <sentencepiece_processor.h>

#include <fstream>
#include <stdexcept>

#include "tokenizer/special_tokens.h"

namespace brainhost::regions {

Tokenizer::Tokenizer(std::unique_ptr<sentencepiece::SentencePieceProcessor> processor,
                     std::string path)
    : processor_(std::move(processor)), path_(std::move(path)) {}
Tokenizer::Tokenizer(Tokenizer&&) noexcept = default;
Tokenizer& Tokenizer::operator=(Tokenizer&&) noexcept = default;
Tokenizer::~Tokenizer() = default;

Tokenizer Tokenizer::Load(const std::string& path) {
  // SentencePiece's own message for a missing file does not say which check failed; this does.
  if (!std::ifstream(path)) throw std::runtime_error("tokenizer: cannot open model " + path);
  auto processor = std::make_unique<sentencepiece::SentencePieceProcessor>();
  const auto status = processor->Load(path);
  if (!status.ok()) {
    throw std::runtime_error("tokenizer: cannot load model " + path + ": " + status.ToString());
  }
  return Tokenizer(std::move(processor), path);
}

Tokenizer Tokenizer::FromBytes(std::string_view model, const std::string& name) {
  auto processor = std::make_unique<sentencepiece::SentencePieceProcessor>();
  const auto status = processor->LoadFromSerializedProto(model);
  if (!status.ok()) {
    throw std::runtime_error("tokenizer: cannot load model " + name + ": " + status.ToString());
  }
  return Tokenizer(std::move(processor), name);
}

std::vector<int> Tokenizer::Encode(std::string_view text) const {
  std::vector<int> ids;
  const auto status = processor_->Encode(text, &ids);
  if (!status.ok()) {
    throw std::runtime_error("tokenizer " + path_ + ": encode failed: " + status.ToString());
  }
  return ids;
}

std::vector<Tokenizer::Span> Tokenizer::EncodeWithSpans(std::string_view text) const {
  sentencepiece::ImmutableSentencePieceText spt;
  const auto status = processor_->Encode(text, spt.mutable_proto());
  if (!status.ok()) {
    throw std::runtime_error("tokenizer " + path_ + ": encode failed: " + status.ToString());
  }
  std::vector<Span> out;
  out.reserve(spt.pieces_size());
  for (const auto& piece : spt.pieces()) {
    out.push_back({static_cast<int>(piece.id()), piece.begin(), piece.end()});
  }
  return out;
}

std::string Tokenizer::Decode(const std::vector<int>& ids) const {
  const int size = vocab_size();
  for (int id : ids) {
    if (id < 0 || id >= size) {
      throw std::runtime_error("tokenizer " + path_ + ": id " + std::to_string(id) +
                               " outside the vocabulary of " + std::to_string(size));
    }
  }
  std::string text;
  const auto status = processor_->Decode(ids, &text);
  if (!status.ok()) {
    throw std::runtime_error("tokenizer " + path_ + ": decode failed: " + status.ToString());
  }
  return text;
}

std::string Tokenizer::Piece(int id) const { return processor_->IdToPiece(id); }
float Tokenizer::Score(int id) const { return processor_->GetScore(id); }
bool Tokenizer::IsByte(int id) const { return processor_->IsByte(id); }

int Tokenizer::vocab_size() const { return processor_->GetPieceSize(); }
int Tokenizer::unk_id() const { return processor_->unk_id(); }
int Tokenizer::bos_id() const { return processor_->bos_id(); }
int Tokenizer::eos_id() const { return processor_->eos_id(); }
int Tokenizer::pad_id() const { return processor_->pad_id(); }
int Tokenizer::user_turn_id() const { return processor_->PieceToId(kUserTurnPiece); }
int Tokenizer::guide_turn_id() const { return processor_->PieceToId(kGuideTurnPiece); }
int Tokenizer::newline_id() const { return processor_->PieceToId("<0x0A>"); }

}  // namespace brainhost::regions
