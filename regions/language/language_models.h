// LanguageModels: the trained language artefacts a region needs, loaded together from one
// directory (models/language/ in the tree): unigram.tsv and irregular.tsv.
#ifndef BRAINHOST_REGIONS_LANGUAGE_LANGUAGE_MODELS_H
#define BRAINHOST_REGIONS_LANGUAGE_LANGUAGE_MODELS_H

#include <filesystem>

#include "language/lemmatizer.h"
#include "language/unigram_model.h"

namespace brainhost::regions {

struct LanguageModels {
  UnigramModel unigram;
  Lemmatizer lemmatizer;

  // Loads dir/unigram.tsv and dir/irregular.tsv. Throws std::runtime_error naming the file
  // and how to regenerate it (`brainhost train language`) when either is missing or corrupt.
  static LanguageModels Load(const std::filesystem::path& dir);
};

}  // namespace brainhost::regions

#endif  // BRAINHOST_REGIONS_LANGUAGE_LANGUAGE_MODELS_H
