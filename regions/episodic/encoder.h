// Encoder: a declarative user line -> the Fact worth remembering, as it is said.
//
// It reads the subject ("my X" -> "user" or "user.X", "my X's Y" -> user.X / Y, "i" -> "user",
// "the X of Y" / "today" -> "world", "Tom is my brother" -> user.brother / name), the relation
// phrase (is named, works as, lives in, a copula, any other verb), and the value: the words
// right after the relation phrase, whole ("Mary Ann", "New York"). Every other content word
// becomes a lower-ranked candidate, ordered by surprise. The cue is the stems of the content
// words plus the subject and relation keys, so a question phrased differently still meets it.
//
// It refuses (nullopt) questions, negations ("my name is not Gary"), and sentences whose subject
// is a pronoun it cannot resolve ("her name is Mochi": the dialogue region resolves those and
// encodes the rewritten line) or the assistant ("your name is Bob").
#ifndef BRAINHOST_REGIONS_EPISODIC_ENCODER_H
#define BRAINHOST_REGIONS_EPISODIC_ENCODER_H

#include <optional>
#include <string>

#include "episodic/utterance.h"
#include "memory/memory_store.h"

namespace brainhost::regions {

struct Encoded {
  Fact fact;                  // id and created_at unset
  bool single_valued = true;  // a new value replaces the current one (name, job, age, ...)
  std::string entity;         // the thing the line introduced ("dog", "puppy"), for coreference
};

std::optional<Encoded> Encode(const Utterance& utterance, const LanguageModels& models);

// The stems that stand for a subject or relation key ("user.best_friend" -> best, friend).
std::vector<std::string> KeyStems(std::string_view key, const LanguageModels& models);

}  // namespace brainhost::regions

#endif  // BRAINHOST_REGIONS_EPISODIC_ENCODER_H
