#include "language/language_models.h"

namespace brainhost::regions {

LanguageModels LanguageModels::Load(const std::filesystem::path& dir) {
  return LanguageModels{UnigramModel::Load(dir / "unigram.tsv"),
                        Lemmatizer::Load(dir / "irregular.tsv")};
}

}  // namespace brainhost::regions
