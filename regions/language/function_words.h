// The closed-class English words (articles, pronouns, auxiliaries, prepositions,
// conjunctions, common adverbs, question words): never a cue, never a remembered value, and
// given a high count in the unigram model so they are never surprising.
#ifndef BRAINHOST_REGIONS_LANGUAGE_FUNCTION_WORDS_H
#define BRAINHOST_REGIONS_LANGUAGE_FUNCTION_WORDS_H

#include <string_view>
#include <vector>

namespace brainhost::regions {

// The list itself, sorted; lowercase.
const std::vector<std::string_view>& FunctionWords();

// True when lower (a lowercase word) is in FunctionWords().
bool IsFunctionWord(std::string_view lower);

}  // namespace brainhost::regions

#endif  // BRAINHOST_REGIONS_LANGUAGE_FUNCTION_WORDS_H
