// How repetitive generated replies are, in words: the measures `bench cortex` reports for its
// small-talk run. Words are the lowercase runs of letters, digits and apostrophes (so "Nice!"
// and "nice" are one word); a bigram is two neighbouring words of one reply.
#pragma once

#include <string>
#include <vector>

namespace brainhost::regions::cortex {

// The longest run of one word repeated back to back inside any reply ("so so so" → 3); 1 when no
// reply repeats a word immediately, 0 when there are no words.
int MaxConsecutiveRepeat(const std::vector<std::string>& replies);

// Distinct bigrams / all bigrams over every reply; 1 when there are no bigrams.
double DistinctBigrams(const std::vector<std::string>& replies);

}  // namespace brainhost::regions::cortex
