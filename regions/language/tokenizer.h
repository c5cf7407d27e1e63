// Tokenizer: splits one UTF-8 line into words, keeping each word exactly as typed.
//
// A word is a run of letters, digits and inner apostrophes. Every code point at or above
// U+00C0 counts as a letter (so "Tomás", "Zürich", "José", Cyrillic or CJK words survive
// byte for byte) except the punctuation and symbol blocks listed in tokenizer.cc: general
// punctuation, arrows, math and technical symbols, dingbats, emoji, variation selectors and
// the replacement character. Those, like ASCII punctuation, separate words. Invalid UTF-8
// never throws: it is replaced by U+FFFD first, which is a separator.
//
// It deliberately does not split "dog's" or "i'm": contractions and possessives are the
// caller's business (episodic/utterance.h), because what they mean depends on the word.
#ifndef BRAINHOST_REGIONS_LANGUAGE_TOKENIZER_H
#define BRAINHOST_REGIONS_LANGUAGE_TOKENIZER_H

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace brainhost::regions {

struct Token {
  std::string text;          // as typed; a typographic apostrophe (U+2019) becomes "'"
  std::string lower;         // Latin, Latin-1, Greek and Cyrillic capitals lowered
  bool capitalized = false;  // the first letter is such a capital, or of a script without
                             // case (CJK, kana, Hangul, Arabic, ...): a name's mark
  bool punct_after = false;  // punctuation or a symbol follows before the next word: a
                             // phrase boundary ("Robert'); DROP" is two phrases)
  size_t begin = 0, end = 0;  // the bytes [begin, end) of the line it was read from (of the
                              // line with invalid UTF-8 replaced, when it had any)
};

// The words of line, in order. Punctuation, emoji and invalid bytes are dropped.
std::vector<Token> Tokenize(std::string_view line);

// text with Latin, Latin-1 (U+00C0..U+00DE), Greek and Cyrillic capitals lowered; everything
// else kept. Used wherever two spellings of a word must compare equal ("Zürich" == "zürich").
std::string Lowercase(std::string_view text);

}  // namespace brainhost::regions

#endif  // BRAINHOST_REGIONS_LANGUAGE_TOKENIZER_H
