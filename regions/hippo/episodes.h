// Synthetic teach → distract → probe episodes, on which the hippo is meta-trained and measured.
//
//   U: my sister's name is Mary Ann.        teach: a fact, its value drawn afresh
//   G: Mary Ann! I'll remember that.
//   U: how's your day going?                two distractors, at least one a question
//   G: Pretty calm so far, thanks for asking.
//   U: i'm a nurse.
//   G: A nurse, impressive.
//   U: what's my sister's name?             probe: a wh-question about the taught fact
//   G: Mary Ann.                            answer: the value, as a recall says it
//
// Each episode also has a question it cannot answer, about a topic it never told ("what's my
// favorite color?"), where a recall of any told value would be a false one.
//
// The sentences are the corpus's own templates (corpus/phrasings.h), the values its lexicon's
// (corpus/lexicon.h): nine topics whose value is a thing one can be asked back (a name, a pet's
// or relative's name, a city, a job, a hobby, a food, a drink, a colour), and one name in three
// is a double name ("Mary Ann") so values of several tokens are common. Because every episode
// draws its value afresh, nothing but storing and retrieving it lowers the loss on the answer.
// Validation episodes draw only held-out values (corpus/partition.h), so no validation value
// is ever seen in training.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "cortex/prompt.h"

namespace brainhost::regions::hippo {

struct Episode {
  std::vector<cortex::Exchange> exchanges;  // the teach, then the distractors, with replies
  std::string probe;                        // the question
  std::string answer;                       // the value and a full stop, as a recall says it
  std::string value;                        // the taught value, as told ("Mary Ann")
  // Asked instead of the probe: a question about a topic the conversation never told, which no
  // memory answers ("what's my favorite color?"), and what the guide says to it.
  std::string unanswerable, unknown;
  std::vector<std::string> told;  // every value the conversation told: the taught one first
};

// count episodes from seed; validation ? held-out values only : training values only.
std::vector<Episode> MakeEpisodes(int count, bool validation, std::uint64_t seed);

// True when reply says value: its words in order, case-insensitively, as whole words.
bool SaysValue(std::string_view reply, std::string_view value);

// True when reply begins with value, as SaysValue reads it: the value is the answer, not the
// end of a sentence the cortex began ("You' Lumafield.").
bool BeginsWithValue(std::string_view reply, std::string_view value);

}  // namespace brainhost::regions::hippo
