// `brainhost train ...`: the commands that produce what ships in models/.
#include <filesystem>
#include <iostream>
#include <stdexcept>

#include "cli/commands.h"
#include "corpus/corpus.h"
#include "language/train_language.h"
#include "tokenizer/train_tokenizer.h"

namespace brainhost {

int RunTrainLanguage(const TrainLanguageOptions& options) {
  try {
    regions::LanguageTrainingReport report =
        regions::TrainLanguageModels(options.wordnet, options.out);
    std::cout << "train language: " << report.vocabulary << " words in " << options.out
              << "/unigram.tsv, " << report.irregular_forms << " irregular forms in "
              << options.out << "/irregular.tsv, " << report.nouns << " nouns in "
              << options.out << "/kinds.tsv (from " << options.wordnet << ")\n";
    return kExitOk;
  } catch (const std::exception& e) {
    std::cerr << "brainhost: train language: " << e.what() << "\n";
    return kExitFailure;
  }
}

int RunTrainTokenizer(const TrainTokenizerOptions& options) {
  try {
    regions::CorpusOptions corpus;
    corpus.seed = options.seed;
    corpus.target_bytes = options.corpus_bytes;
    const std::string corpus_path = options.out + ".corpus.txt";
    std::filesystem::path dir = std::filesystem::path(options.out).parent_path();
    if (!dir.empty()) std::filesystem::create_directories(dir);
    size_t bytes = regions::WriteCorpusFile(corpus, corpus_path);
    regions::TrainTokenizer(corpus_path, options.out, options.vocab_size, options.seed);
    std::filesystem::remove(corpus_path);
    std::cout << "train tokenizer: " << options.out << ".model, vocabulary " << options.vocab_size
              << ", BPE with byte fallback, from " << bytes << " bytes of generated dialogue (seed "
              << options.seed << ")\n";
    return kExitOk;
  } catch (const std::exception& e) {
    std::cerr << "brainhost: train tokenizer: " << e.what() << "\n";
    return kExitFailure;
  }
}

}  // namespace brainhost
