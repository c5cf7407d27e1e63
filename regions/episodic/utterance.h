// Utterance: one user line as the memory regions read it. Tokenized, contractions expanded
// ("i'm" -> "i am", "what's" -> "what is", "don't" -> "do not"), possessives marked
// ("dog's" -> "dog" + possessive), each word stemmed and given a surprise.
//
// Surprise comes from the cortex when the caller has it (one value per Tokenize() token of the
// line, as published on the blackboard), otherwise from the unigram model. A vector of the
// wrong length is ignored rather than trusted: misaligned surprise would pick wrong values.
#ifndef BRAINHOST_REGIONS_EPISODIC_UTTERANCE_H
#define BRAINHOST_REGIONS_EPISODIC_UTTERANCE_H

#include <string>
#include <string_view>
#include <vector>

#include "language/language_models.h"

namespace brainhost::regions {

struct Word {
  std::string text;   // as typed (without a possessive "'s")
  std::string lower;  // Lowercase(text)
  std::string stem;   // Lemmatizer::Stem(lower)
  bool capitalized = false;
  bool possessive = false;  // typed as "X's" or "X'"
  bool punct_after = false;  // a phrase boundary follows (Token::punct_after)
  double surprise = 0;
};

struct Utterance {
  std::string text;  // the line, verbatim
  std::vector<Word> words;
  bool question = false;
};

// Reads line. word_surprise may be null.
Utterance Analyze(std::string_view line, const std::vector<double>* word_surprise,
                  const LanguageModels& models);

// A word that can carry meaning: not a function word (numbers count as content).
bool IsContent(const Word& word);

// The words' original texts joined by single spaces.
std::string JoinText(const std::vector<Word>& words, size_t begin, size_t end);

}  // namespace brainhost::regions

#endif  // BRAINHOST_REGIONS_EPISODIC_UTTERANCE_H
