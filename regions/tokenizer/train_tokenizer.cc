// SentencePiece training with the settings train_tokenizer.h explains.
#include "tokenizer/train_tokenizer.h"

#include <sentencepiece_processor.h>
#include <sentencepiece_trainer.h>

#include <fstream>
#include <stdexcept>
#include <string>
#include <unordered_map>

#include "tokenizer/special_tokens.h"

namespace brainhost::regions {

void TrainTokenizer(const std::string& corpus_path, const std::string& model_prefix,
                    const TokenizerTrainOptions& options) {
  // SentencePiece reports a missing input only deep inside training; say it plainly first.
  if (!std::ifstream(corpus_path)) {
    throw std::runtime_error("tokenizer: cannot read corpus " + corpus_path);
  }
  const std::unordered_map<std::string, std::string> args = {
      {"input", corpus_path},
      {"model_prefix", model_prefix},
      {"model_type", "bpe"},
      {"vocab_size", std::to_string(options.vocab_size)},
      {"byte_fallback", "true"},
      {"character_coverage", "1.0"},
      {"normalization_rule_name", "identity"},
      {"remove_extra_whitespaces", "false"},
      {"add_dummy_prefix", "false"},
      {"split_digits", "true"},
      {"allow_whitespace_only_pieces", "true"},
      {"user_defined_symbols", std::string(kUserTurnPiece) + "," + kGuideTurnPiece},
      {"unk_id", std::to_string(kUnkId)},
      {"bos_id", std::to_string(kBosId)},
      {"eos_id", std::to_string(kEosId)},
      {"pad_id", std::to_string(kPadId)},
      {"input_sentence_size", std::to_string(options.input_sentence_size)},
      {"shuffle_input_sentence", "true"},
      {"num_threads", std::to_string(options.num_threads)},
      {"minloglevel", "1"},
  };
  // Sentence sampling is SentencePiece's only randomness; seeding it fixes the vocabulary.
  sentencepiece::SetRandomGeneratorSeed(static_cast<unsigned int>(options.seed));
  const auto status = sentencepiece::SentencePieceTrainer::Train(args);
  if (!status.ok()) {
    throw std::runtime_error("tokenizer: training on " + corpus_path + " failed: " +
                             status.ToString());
  }
}

void TrainTokenizer(const std::string& corpus_path, const std::string& model_prefix,
                    int vocab_size, uint64_t seed) {
  TokenizerTrainOptions options;
  options.vocab_size = vocab_size;
  options.seed = seed;
  TrainTokenizer(corpus_path, model_prefix, options);
}

}  // namespace brainhost::regions
