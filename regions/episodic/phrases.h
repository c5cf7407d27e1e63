// Phrase helpers shared by the encoder (statements) and the query parser (questions): the
// small closed-class facts of English word order that both need, kept in one place so a
// statement and the question about it are read the same way.
#ifndef BRAINHOST_REGIONS_EPISODIC_PHRASES_H
#define BRAINHOST_REGIONS_EPISODIC_PHRASES_H

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "episodic/utterance.h"

namespace brainhost::regions {

// Words without the discourse markers around the content: leading "actually", "oh", "well",
// "so", "and", "no", "wait", "by the way", ...; trailing "now", "too", "anymore", ...
std::vector<Word> StripMarkers(const std::vector<Word>& words);

// The words of a command ("oh, please forget my dog" -> "forget my dog"): StripMarkers, then
// without a leading "please". The dialogue region's memory commands and the hippo read
// "forget X" the same way.
std::vector<Word> CommandWords(const std::vector<Word>& words);

// An adverb that may stand between the subject and its verb: "just", "always", "really".
bool IsAdverb(std::string_view lower);
// A word that looks like a gerund, which names an activity, listed as a noun or not
// ("journaling"); "thing" and "king" are too short to be one.
bool IsGerund(std::string_view lower);
bool IsCopula(std::string_view lower);      // is, am, are, was, were, be, been
bool IsDeterminer(std::string_view lower);  // a, an, the, some, this, that
// Personal and demonstrative pronouns that name someone the memory cannot resolve alone
// (he, she, it, they, his, her, its, their, this, that, we, our).
bool IsThirdPersonPronoun(std::string_view lower);
bool IsSecondPerson(std::string_view lower);  // you, your, yours, yourself
bool IsNegation(std::string_view lower);      // not, never, no
bool IsNumber(std::string_view lower);        // digits only
bool IsNaming(std::string_view lower);        // named, called: a name follows

// A span of words, [begin, end).
struct Span {
  size_t begin = 0;
  size_t end = 0;
  bool empty() const { return begin >= end; }
};

// The value that starts at words[at]: leading determiners skipped, then up to five content
// words ("Mary Ann", "New York", "city hospital"), continuing over "of" between content words
// ("capital of France"). Stops at the first other function word, after punctuation, and where
// it goes on to say when or how much (SaysWhen: "silver today", "Oslo last year"). Empty when
// none.
Span ValueSpan(const std::vector<Word>& words, size_t at);

// True when word (lowercase), followed by next, begins a word or phrase of time or degree that
// ends a value: "today", "tonight", "right now", "last year", "best" ("i like silver best").
bool SaysWhen(std::string_view word, std::string_view next);

// The run of capitalized words starting at words[at] ("Luna" in "my cat Luna sleeps").
Span CapitalizedRun(const std::vector<Word>& words, size_t at);

// The noun phrase after "my" at words[at]: content words up to a copula or a possessive word
// (included, and then ending the phrase) when one comes within four words; otherwise only the
// head word, because without a part-of-speech tagger "my sister works" cannot be split safely
// any other way. Never includes a capitalized word after its first (that is a name).
Span OwnedPhrase(const std::vector<Word>& words, size_t at);

// Lowercase texts of words[span] joined by sep, for relation and subject keys.
std::string Key(const std::vector<Word>& words, Span span, char sep);

// The relation a verb phrase starting at words[at] expresses, and where its value begins.
// "work as" -> job, "work at/for/in" -> workplace, "live in/at" -> home, "was born in" ->
// birthplace, "named/called" -> name; any other verb -> its stem, value after prepositions.
struct Predicate {
  std::string relation;
  size_t value_at = 0;
  bool single_valued = true;  // a new value replaces the old one
};
std::optional<Predicate> VerbPredicate(const std::vector<Word>& words, size_t at);

}  // namespace brainhost::regions

#endif  // BRAINHOST_REGIONS_EPISODIC_PHRASES_H
