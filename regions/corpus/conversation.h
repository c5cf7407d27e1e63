// ConversationWriter: one two-party conversation in the corpus turn format.
//
//   U: hi there!
//   G: Hello! How are you today?
//   U: good, thanks. by the way, my dog is named Buddy.
//   G: Buddy! How cute. How old is Buddy?
//   ...
//
// Every line is "U: " or "G: " and the two alternate, starting with U and ending with G. A
// conversation greets (usually), then mixes people telling facts (twelve topics: name, job,
// pet, family, home, hobby, food, plans, feelings, weather, drink, colour) with the guide
// acknowledging them by value, follow-up questions and their answers, the guide asking, small
// talk, questions about the guide, and later questions that recall a told fact (answered with
// the told value) or an untold one (answered "you haven't told me"), and sometimes a goodbye.
// It is deliberately not a model of real dialogue: it is the regular, fact-dense material a
// small cortex needs to learn to use what it was told.
#ifndef BRAINHOST_REGIONS_CORPUS_CONVERSATION_H
#define BRAINHOST_REGIONS_CORPUS_CONVERSATION_H

#include <string>

#include "corpus/lexicon.h"
#include "corpus/phrasings.h"
#include "corpus/render.h"
#include "corpus/rng.h"

namespace brainhost::regions {

// The values of one conversation, each drawn uniformly from its list in lexicon.
Facts DrawFacts(const Lexicon& lexicon, Rng& rng);

class ConversationWriter {
 public:
  // REQUIRES: every list of lexicon and phrasings is non-empty (BuildLexicon and BuildPhrasings
  // guarantee it). Both must outlive the writer.
  ConversationWriter(const Lexicon& lexicon, const Phrasings& phrasings)
      : lexicon_(lexicon), phrasings_(phrasings) {}

  // Appends one conversation to out, each line ending in '\n', no blank line after it.
  void Write(Rng& rng, std::string& out) const;

 private:
  const Lexicon& lexicon_;
  const Phrasings& phrasings_;
};

}  // namespace brainhost::regions

#endif  // BRAINHOST_REGIONS_CORPUS_CONVERSATION_H
