#include "language/tokenizer.h"

#include <utf8.h>

#include <cstdint>
#include <iterator>

namespace brainhost::regions {
namespace {

constexpr char32_t kApostrophe = U'\'';
constexpr char32_t kRightQuote = U'\u2019';  // the apostrophe phones and editors type

// True for code points that belong inside a word. Above Latin-1 we assume "letter" unless the
// code point is in a block of punctuation or symbols: a whitelist of every script's letters
// would be a Unicode database, and a wrong guess here only merges or splits a rare symbol.
bool IsWordChar(char32_t cp) {
  if (cp < 0x80) {
    return (cp >= U'a' && cp <= U'z') || (cp >= U'A' && cp <= U'Z') || (cp >= U'0' && cp <= U'9');
  }
  if (cp < 0xC0 || cp == 0xD7 || cp == 0xF7) return false;  // Latin-1 symbols, × and ÷
  if (cp >= 0x2000 && cp <= 0x2BFF) return false;           // punctuation, arrows, math, dingbats
  if (cp >= 0x3000 && cp <= 0x303F) return false;           // CJK punctuation
  if (cp >= 0xFE00 && cp <= 0xFE0F) return false;           // variation selectors
  if (cp >= 0xFFF0 && cp <= 0xFFFF) return false;           // specials, U+FFFD
  if (cp >= 0x1F000 && cp <= 0x1FAFF) return false;         // emoji and pictographs
  if (cp >= 0xE0000) return false;                          // tags, private use
  return true;
}

bool IsCapital(char32_t cp) {
  return (cp >= U'A' && cp <= U'Z') || (cp >= 0xC0 && cp <= 0xDE && cp != 0xD7);
}

char32_t ToLower(char32_t cp) { return IsCapital(cp) ? cp + 0x20 : cp; }

// Drops apostrophes at the ends of a word ("'hello'" -> "hello", "dogs'" -> "dogs").
void TrimApostrophes(std::u32string* word) {
  while (!word->empty() && word->back() == kApostrophe) word->pop_back();
  size_t start = 0;
  while (start < word->size() && (*word)[start] == kApostrophe) ++start;
  word->erase(0, start);
}

void Emit(std::u32string* word, std::vector<Token>* out) {
  TrimApostrophes(word);
  if (word->empty()) return;
  Token token;
  token.capitalized = IsCapital((*word)[0]);
  std::u32string lower;
  for (char32_t cp : *word) lower.push_back(ToLower(cp));
  utf8::utf32to8(word->begin(), word->end(), std::back_inserter(token.text));
  utf8::utf32to8(lower.begin(), lower.end(), std::back_inserter(token.lower));
  out->push_back(std::move(token));
  word->clear();
}

}  // namespace

std::vector<Token> Tokenize(std::string_view line) {
  std::string valid;
  utf8::replace_invalid(line.begin(), line.end(), std::back_inserter(valid));
  std::vector<Token> out;
  std::u32string word;
  for (auto it = valid.begin(); it != valid.end();) {
    char32_t cp = utf8::unchecked::next(it);
    if (cp == kRightQuote) cp = kApostrophe;
    if (IsWordChar(cp) || (cp == kApostrophe && !word.empty())) {
      word.push_back(cp);
      continue;
    }
    Emit(&word, &out);
    bool space = cp == U' ' || cp == U'\t' || cp == U'\r' || cp == U'\n';
    if (!space && !out.empty()) out.back().punct_after = true;
  }
  Emit(&word, &out);
  return out;
}

std::string Lowercase(std::string_view text) {
  std::string valid;
  utf8::replace_invalid(text.begin(), text.end(), std::back_inserter(valid));
  std::string out;
  for (auto it = valid.begin(); it != valid.end();) {
    utf8::unchecked::append(ToLower(utf8::unchecked::next(it)), std::back_inserter(out));
  }
  return out;
}

}  // namespace brainhost::regions
