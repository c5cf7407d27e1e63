#include "language/tokenizer.h"

#include <utf8.h>

#include <cstdint>
#include <iterator>
#include <vector>

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

// Latin, Latin-1, Greek and Cyrillic capitals, which lower by a fixed offset.
bool IsCapital(char32_t cp) {
  return (cp >= U'A' && cp <= U'Z') || (cp >= 0xC0 && cp <= 0xDE && cp != 0xD7) ||
         (cp >= 0x391 && cp <= 0x3A9 && cp != 0x3A2) || (cp >= 0x400 && cp <= 0x42F);
}

char32_t ToLower(char32_t cp) {
  if (!IsCapital(cp)) return cp;
  return cp >= 0x400 && cp <= 0x40F ? cp + 0x50 : cp + 0x20;
}

// A letter of a script without case (Hebrew, Arabic, Devanagari, Thai, kana, CJK, Hangul): in
// a line in another script, a word in one is a name ("my husband 王芳"), as a capital marks one.
bool IsCaseless(char32_t cp) {
  return (cp >= 0x590 && cp <= 0x6FF) || (cp >= 0x900 && cp <= 0x97F) ||
         (cp >= 0xE00 && cp <= 0xE7F) || (cp >= 0x3040 && cp <= 0x30FF) ||
         (cp >= 0x3400 && cp <= 0x4DBF) || (cp >= 0x4E00 && cp <= 0x9FFF) ||
         (cp >= 0xAC00 && cp <= 0xD7AF);
}

// The word being read: its code points and, for each, where its bytes start and end.
struct WordBuffer {
  std::u32string text;
  std::vector<size_t> begins, ends;

  void push(char32_t cp, size_t begin, size_t end) {
    text.push_back(cp);
    begins.push_back(begin);
    ends.push_back(end);
  }
  void clear() {
    text.clear();
    begins.clear();
    ends.clear();
  }
};

// Drops apostrophes at the ends of a word ("'hello'" -> "hello", "dogs'" -> "dogs").
void TrimApostrophes(WordBuffer* word) {
  while (!word->text.empty() && word->text.back() == kApostrophe) {
    word->text.pop_back();
    word->begins.pop_back();
    word->ends.pop_back();
  }
  size_t start = 0;
  while (start < word->text.size() && word->text[start] == kApostrophe) ++start;
  word->text.erase(0, start);
  word->begins.erase(word->begins.begin(), word->begins.begin() + static_cast<long>(start));
  word->ends.erase(word->ends.begin(), word->ends.begin() + static_cast<long>(start));
}

void Emit(WordBuffer* w, std::vector<Token>* out) {
  TrimApostrophes(w);
  if (w->text.empty()) return;
  std::u32string* word = &w->text;
  Token token;
  token.begin = w->begins.front();
  token.end = w->ends.back();
  token.capitalized = IsCapital((*word)[0]) || IsCaseless((*word)[0]);
  std::u32string lower;
  for (char32_t cp : *word) lower.push_back(ToLower(cp));
  utf8::utf32to8(word->begin(), word->end(), std::back_inserter(token.text));
  utf8::utf32to8(lower.begin(), lower.end(), std::back_inserter(token.lower));
  out->push_back(std::move(token));
  w->clear();
}

}  // namespace

std::vector<Token> Tokenize(std::string_view line) {
  std::string valid;
  utf8::replace_invalid(line.begin(), line.end(), std::back_inserter(valid));
  std::vector<Token> out;
  WordBuffer word;
  for (auto it = valid.begin(); it != valid.end();) {
    const size_t begin = static_cast<size_t>(it - valid.begin());
    char32_t cp = utf8::unchecked::next(it);
    if (cp == kRightQuote) cp = kApostrophe;
    if (IsWordChar(cp) || (cp == kApostrophe && !word.text.empty())) {
      word.push(cp, begin, static_cast<size_t>(it - valid.begin()));
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
