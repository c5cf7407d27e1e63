#include "episodic/phrases.h"

#include <algorithm>
#include <array>

#include "language/function_words.h"

namespace brainhost::regions {
namespace {

template <size_t N>
bool OneOf(std::string_view word, const std::array<std::string_view, N>& set) {
  return std::find(set.begin(), set.end(), word) != set.end();
}

constexpr std::array<std::string_view, 29> kLeadingMarkers = {
    "actually", "oh",     "ah",    "well",  "so",  "and",  "but", "hey",   "ok",   "okay",
    "btw",      "yeah",   "yes",   "no",    "wait", "hmm", "um",  "anyway", "sorry", "oops",
    "now",      "also",   "fyi",   "then",  "hi",  "hello", "hiya", "lately", "recently"};
constexpr std::array<std::string_view, 9> kTrailingMarkers = {
    "now", "too", "also", "anymore", "though", "then", "btw", "lol", "actually"};

// True when word is an inflection of a regular verb: "live", "lives", "lived", "living".
// Compared on the surface form because the irregular table reads "lives" as the plural of
// "life", and the stem would then miss the verb.
bool IsFormOf(const Word& word, std::string_view base) {
  const std::string& w = word.lower;
  std::string b(base);
  std::string stem = base.ends_with('e') ? b.substr(0, b.size() - 1) : b;
  return w == b || w == b + "s" || w == stem + "ed" || w == stem + "ing";
}

}  // namespace

std::vector<Word> StripMarkers(const std::vector<Word>& words) {
  size_t begin = 0, end = words.size();
  for (bool stripped = true; stripped && begin < end;) {
    stripped = false;
    // "honestly, i live on roast potatoes": an adverb set off before the sentence.
    if (OneOf(words[begin].lower, kLeadingMarkers) ||
        (words[begin].punct_after && IsAdverb(words[begin].lower))) {
      ++begin;
      stripped = true;
    } else if (end - begin > 3 && words[begin].lower == "by" && words[begin + 1].lower == "the" &&
               words[begin + 2].lower == "way") {
      begin += 3;
      stripped = true;
    }
  }
  while (end > begin && OneOf(words[end - 1].lower, kTrailingMarkers)) --end;
  return std::vector<Word>(words.begin() + static_cast<long>(begin),
                           words.begin() + static_cast<long>(end));
}

std::vector<Word> CommandWords(const std::vector<Word>& words) {
  std::vector<Word> w = StripMarkers(words);
  if (!w.empty() && w[0].lower == "please") w.erase(w.begin());
  return w;
}

bool IsCopula(std::string_view lower) {
  return OneOf(lower,
               std::array<std::string_view, 7>{"is", "am", "are", "was", "were", "be", "been"});
}

bool IsDeterminer(std::string_view lower) {
  return OneOf(lower, std::array<std::string_view, 6>{"a", "an", "the", "some", "this", "that"});
}

bool IsThirdPersonPronoun(std::string_view lower) {
  return OneOf(lower, std::array<std::string_view, 16>{"he", "she", "it", "they", "his", "her",
                                                       "its", "their", "him", "them", "this",
                                                       "that", "we", "our", "these", "those"});
}

bool IsSecondPerson(std::string_view lower) {
  return OneOf(lower, std::array<std::string_view, 5>{"you", "your", "yours", "yourself", "u"});
}

bool IsNegation(std::string_view lower) {
  return OneOf(lower, std::array<std::string_view, 3>{"not", "never", "no"});
}

bool IsAdverb(std::string_view lower) {
  static constexpr std::array<std::string_view, 8> kAdverbs = {
      "just", "always", "sometimes", "often", "also", "still", "even", "ever"};
  return OneOf(lower, kAdverbs) || (lower.size() >= 5 && lower.ends_with("ly"));
}

bool IsGerund(std::string_view lower) {
  return lower.size() >= 6 && lower.ends_with("ing") && !IsFunctionWord(lower);
}

bool IsNaming(std::string_view lower) { return lower == "named" || lower == "called"; }

bool IsNumber(std::string_view lower) {
  return !lower.empty() && std::all_of(lower.begin(), lower.end(),
                                       [](char c) { return c >= '0' && c <= '9'; });
}

bool SaysWhen(std::string_view word, std::string_view next) {
  static constexpr std::array<std::string_view, 10> kWhen = {
      "today",  "tonight",  "tomorrow", "yesterday", "lately",
      "recently", "nowadays", "currently", "anymore", "best"};
  static constexpr std::array<std::string_view, 17> kPeriod = {
      "day",  "days",  "night",   "week",    "weekend",   "weekends", "month",  "year",  "morning",
      "evening", "afternoon", "time", "summer", "winter", "spring", "autumn", "fall"};
  if (OneOf(word, kWhen)) return true;
  if (word == "right") return next == "now" || next == "away" || next.empty();  // "now" stripped
  return (word == "last" || word == "next") && OneOf(next, kPeriod);
}

Span ValueSpan(const std::vector<Word>& words, size_t at) {
  while (at < words.size() && IsDeterminer(words[at].lower)) ++at;
  size_t end = at;
  while (end < words.size() && end - at < 5) {
    const std::string_view next =
        end + 1 < words.size() ? std::string_view(words[end + 1].lower) : std::string_view();
    if (end > at && SaysWhen(words[end].lower, next)) break;  // "silver today", "Oslo last year"
    if (IsContent(words[end])) {
      ++end;
      // A possessive continues the value when what it owns follows ("José's paella").
      bool owns_next = end < words.size() && IsContent(words[end]);
      if (words[end - 1].punct_after || (words[end - 1].possessive && !owns_next)) break;
    } else if (words[end].lower == "of" && end > at && end + 1 < words.size() &&
               IsContent(words[end + 1])) {
      ++end;
    } else {
      break;
    }
  }
  return {at, end};
}

Span CapitalizedRun(const std::vector<Word>& words, size_t at) {
  size_t end = at;
  while (end < words.size() && end - at < 4 && words[end].capitalized && IsContent(words[end])) {
    if (words[end++].punct_after) break;
  }
  return {at, end};
}

Span OwnedPhrase(const std::vector<Word>& words, size_t at) {
  for (size_t end = at; end < words.size() && end < at + 4; ++end) {
    const Word& word = words[end];
    if (IsCopula(word.lower)) return end > at ? Span{at, end} : Span{at, at};
    if (!IsContent(word) || (end > at && word.capitalized)) break;
    if (word.possessive) return {at, end + 1};
  }
  return {at, std::min(at + 1, words.size())};
}

std::string Key(const std::vector<Word>& words, Span span, char sep) {
  std::string out;
  for (size_t i = span.begin; i < span.end && i < words.size(); ++i) {
    if (!out.empty()) out += sep;
    out += words[i].lower;
  }
  return out;
}

std::optional<Predicate> VerbPredicate(const std::vector<Word>& words, size_t at) {
  if (at >= words.size()) return std::nullopt;
  const Word& verb = words[at];
  std::string_view next = at + 1 < words.size() ? std::string_view(words[at + 1].lower) : "";
  if (IsNaming(verb.lower)) return Predicate{"name", at + 1, true};
  if (verb.stem == "go" && next == "by") return Predicate{"name", at + 2, true};  // "goes by"
  bool work = IsFormOf(verb, "work"), live = IsFormOf(verb, "live");
  if (work && next == "as") return Predicate{"job", at + 2, true};
  if (work && (next == "at" || next == "for" || next == "in")) {
    return Predicate{"workplace", at + 2, true};
  }
  if (live && (next == "in" || next == "at" || next == "on" || next == "near")) {
    return Predicate{"home", at + 2, true};
  }
  if (verb.lower == "born" && (next == "in" || next == "at")) {
    return Predicate{"birthplace", at + 2, true};
  }
  if (verb.lower == "born" && next == "on") return Predicate{"birthday", at + 2, true};
  // "i got into robotics": what the user is into now, of several.
  if ((verb.lower == "got" || verb.stem == "get") && next == "into") {
    return Predicate{"into", at + 2, false};
  }
  bool possession = verb.lower == "have" || verb.lower == "has" || verb.lower == "had";
  if (!IsContent(verb) && !possession) return std::nullopt;
  if (IsNumber(verb.lower) || verb.capitalized) return std::nullopt;
  // Any other verb is its own relation ("i adopted a puppy": adopt), and it may have many
  // values: liking tea does not stop you liking hiking.
  size_t value_at = at + 1;
  while (value_at < words.size() && value_at < at + 3 && !IsContent(words[value_at]) &&
         !IsDeterminer(words[value_at].lower)) {
    ++value_at;
  }
  return Predicate{possession ? "have" : verb.stem, value_at, false};
}

}  // namespace brainhost::regions
