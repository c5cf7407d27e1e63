// `brainhost train ...`: the commands that produce what ships in models/.
#include <iostream>
#include <stdexcept>

#include "cli/commands.h"
#include "language/train_language.h"

namespace brainhost {

int RunTrainLanguage(const TrainLanguageOptions& options) {
  try {
    regions::LanguageTrainingReport report =
        regions::TrainLanguageModels(options.wordnet, options.out);
    std::cout << "train language: " << report.vocabulary << " words in " << options.out
              << "/unigram.tsv, " << report.irregular_forms << " irregular forms in "
              << options.out << "/irregular.tsv (from " << options.wordnet << ")\n";
    return kExitOk;
  } catch (const std::exception& e) {
    std::cerr << "brainhost: train language: " << e.what() << "\n";
    return kExitFailure;
  }
}

}  // namespace brainhost
