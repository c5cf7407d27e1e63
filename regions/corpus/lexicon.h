// Lexicon: the values one split of the corpus may use, slot by slot.
//
// The curated lists of word_lists.h are joined by combinatorial names and places built from
// syllables (about 20,000 names and 10,000 places), so the corpus has thousands of values the
// cortex cannot memorise. partition.h decides which values are held out; BuildLexicon keeps
// only one side. A training value that contains a held-out value as a whole word or phrase
// ("fried rice" when "rice" is held out) is dropped too, so no held-out value ever appears in
// training text, not even inside a longer one.
#ifndef BRAINHOST_REGIONS_CORPUS_LEXICON_H
#define BRAINHOST_REGIONS_CORPUS_LEXICON_H

#include <string>
#include <vector>

namespace brainhost::regions {

struct Lexicon {
  std::vector<std::string> names;      // curated first names + syllable names ("Kalo")
  std::vector<std::string> jobs;
  std::vector<std::string> foods;
  std::vector<std::string> cities;     // curated cities + syllable places ("Renvale Bay")
  std::vector<std::string> hobbies;
  std::vector<std::string> pet_kinds;
  std::vector<std::string> pet_names;  // curated pet names + every third person name
  std::vector<std::string> relatives;
  std::vector<std::string> feelings;
  std::vector<std::string> weather;
  std::vector<std::string> plans;
  std::vector<std::string> drinks;
  std::vector<std::string> colors;
};

// Every value before the split, deduplicated, in a fixed order (the tests read it).
Lexicon FullLexicon();

// The values of one split: validation ? only held-out values : only training values.
// Every list is non-empty for either split.
Lexicon BuildLexicon(bool validation);

}  // namespace brainhost::regions

#endif  // BRAINHOST_REGIONS_CORPUS_LEXICON_H
