// A remembered line's value for a question: the words a recall copies whole (hippo_read.h's
// Recall), and what a question asks for (AskedFor), which tells the value among the line's
// words and the lines that can answer among the remembered ones (hippo_memory.h).
//
// The value is found by surprise among the content words the question does not say itself
// (nor the kind that stands for its thing: "rat" for "what's my pet's name?"). A word is
// surprising when its tokens' surprise sums to cortex_region.h's kRecallSurprise or more: the
// cortex's own threshold for what only a memory may say. A value is a thing: a name, a noun
// (language/kinds.h) or a gerund, which names an activity; never a word of time ("i had a
// long day", "it's monday again"). It is looked for in the value the episodic encoder reads in
// the line, when that holds a surprising word (or a thing that can be what is asked) and
// nothing outside it is what the line tells instead: a surprising name ("Camila", not
// "visiting", in "i'm visiting my husband Camila soon"), or a surprising thing where it holds
// none ("photography", not "obsessed"); else in the whole line. There it is the surprising
// name, else the most surprising thing, or word where the line names no thing ("Gallifield",
// then "rent", in "i rent a small flat in Gallifield"), of equal rank one that can be what is
// asked for; inside the encoder's value, a thing that usually is what is asked for comes before
// one that is not ("water", not "cup", in "a cup of sparkling water"). It is widened over a
// name's other words ("Mary Ann", "Rio de Janeiro") or, for a word that is not a name, over
// surprising neighbours and, inside the encoder's value, the things that end its noun phrase
// ("jollof rice"), but never over a word of time ("Marquinwick", not "Marquinwick last year"),
// nor past what is asked for ("silver", not "silver jacket", for "what color ...?"). An
// activity is the gerund with its object ("playing drums"); a thing asked for is the object
// alone ("hummus", not "cooking hummus", for "what do i love to eat?").
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "episodic/utterance.h"
#include "language/kinds.h"

namespace brainhost::regions::hippo {

// What the cortex perceived of one user line, borrowed (n tokens, C the cortex width).
struct PerceivedLine {
  int n = 0, C = 0;
  const int* tokens = nullptr;       // (n)
  const float* surprise = nullptr;   // (n) nats
  const float* hidden = nullptr;     // (n, C)
  const int* token_words = nullptr;  // (n) each token's word in Tokenize(line), or −1
  const std::vector<double>* word_surprise = nullptr;  // per word of the line, or null
};

// What a question asks for: the kinds of thing that can answer it (Kinds::CanBe), its own
// words and what its verbs ask ("what do i do for fun?": an activity), and whether a name, or
// a place's, answers it.
struct AskedFor {
  std::vector<std::string> kinds;
  bool name = false;
  bool place = false;  // "where", or a kind of location: a name after "in", "to", ... answers
  static AskedFor Of(const Utterance& question, const Kinds& kinds);
  bool activity() const;  // what one does: a hobby, a pastime, "what do i do for fun?"
  // True when word, in any sense (with usual, its first), is a kind of thing asked for.
  bool Fits(std::string_view word, const Kinds& kinds, bool usual = false) const;
};

// A word of time: one that says when or how long ("today", "last", "day", "weekends").
// next: the word after it, or empty.
bool IsWordOfTime(std::string_view word, std::string_view next, const Kinds& kinds);

// A stem that says how the user holds a thing, or that they said it ("favorite", "love",
// "mention"), not which thing: "what do i love to eat?" and "i love mate" share no topic.
bool SaysHowHeld(std::string_view stem);

// The tokens [begin, end) of line's value (see the file comment) for a question whose words
// (lowercase) are asked, and that asks for asked_for; empty when no content word is
// surprising. encoded: the value the episodic encoder read in line, or empty. kinds tells the
// nouns. Only perceived's tokens, surprise and token_words are read.
struct TokenSpan {
  int begin = 0, end = 0;
  bool empty() const { return begin >= end; }
};
TokenSpan ValueTokens(std::string_view line, const PerceivedLine& perceived,
                      std::string_view encoded, const std::vector<std::string>& asked,
                      const AskedFor& asked_for, const Kinds& kinds);

}  // namespace brainhost::regions::hippo
