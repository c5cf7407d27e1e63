// Question detection: is a user line asking rather than telling? Questions are never stored
// as facts, and people often leave the "?" off ("what is my name").
#ifndef BRAINHOST_REGIONS_LANGUAGE_QUESTION_H
#define BRAINHOST_REGIONS_LANGUAGE_QUESTION_H

#include <string_view>
#include <vector>

#include "language/tokenizer.h"

namespace brainhost::regions {

// True when the first word asks: a wh-word (what, who, where, when, which, how, why, whose)
// or an auxiliary that opens a yes/no question (is, am, are, was, were, do, does, did, can,
// could, will, would, have, has, should). Contractions count: "what's", "where's", and
// "whats" typed without the apostrophe.
bool IsQuestionWord(std::string_view lower);

// True when line ends with "?" (trailing spaces ignored) or tokens starts with a question word.
bool IsQuestion(std::string_view line, const std::vector<Token>& tokens);

}  // namespace brainhost::regions

#endif  // BRAINHOST_REGIONS_LANGUAGE_QUESTION_H
