// TrainLanguageModels: builds the language region's artefacts from WordNet, reproducibly.
// `brainhost train language` calls it; its output is committed to models/language/.
//
//   unigram.tsv    word counts over every WordNet gloss (the lowercase words after '|' on each
//                  line of data.noun, data.verb, data.adj, data.adv), with every function word
//                  (function_words.h) raised to the largest gloss count so "is", "my", "the" are
//                  never surprising.
//   irregular.tsv  inflected form -> base form from verb.exc, noun.exc, adj.exc (first file and
//                  first base win: verbs first, because "left" and "saw" are more often verbs).
//   kinds.tsv      the noun hierarchy (data.noun's hypernyms, index.noun's senses): which nouns
//                  are kinds of which (kinds.h).
//
// Each file starts with a version line and lists its rows in WordNet's order or sorted by word,
// so the same WordNet gives byte-identical files.
#ifndef BRAINHOST_REGIONS_LANGUAGE_TRAIN_LANGUAGE_H
#define BRAINHOST_REGIONS_LANGUAGE_TRAIN_LANGUAGE_H

#include <cstddef>
#include <filesystem>

namespace brainhost::regions {

struct LanguageTrainingReport {
  size_t vocabulary = 0;       // rows in unigram.tsv
  size_t irregular_forms = 0;  // rows in irregular.tsv
  size_t nouns = 0;            // lemmas in kinds.tsv
};

// Reads wordnet_dir (e.g. /usr/share/wordnet), creates out_dir if needed and writes
// out_dir/unigram.tsv, out_dir/irregular.tsv and out_dir/kinds.tsv. Throws std::runtime_error
// naming the file when an input cannot be read or an output cannot be written.
LanguageTrainingReport TrainLanguageModels(const std::filesystem::path& wordnet_dir,
                                           const std::filesystem::path& out_dir);

}  // namespace brainhost::regions

#endif  // BRAINHOST_REGIONS_LANGUAGE_TRAIN_LANGUAGE_H
