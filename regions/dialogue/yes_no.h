// Yes/no questions about the user or taught world facts, answered with coverage logic: the
// question is turned back into the statement it asks about ("is my cat named Rex?" -> "my cat
// is named Rex") and encoded like one; then
//   the same value is remembered                  -> "yes."
//   another value of a single-valued relation     -> "no, what i remember is Luna." (a false
//                                                     premise gets a soft correction)
//   nothing that covers it (about the user)       -> "not that i know."
// World questions never taught get no reply, so other regions may answer.
#ifndef BRAINHOST_REGIONS_DIALOGUE_YES_NO_H
#define BRAINHOST_REGIONS_DIALOGUE_YES_NO_H

#include <optional>
#include <string>

#include "episodic/reply.h"
#include "episodic/utterance.h"
#include "memory/memory_store.h"

namespace brainhost::regions {

struct YesNoAnswer {
  Reply reply;
  std::string subject;   // what the question was about, for the dialogue state
  std::string relation;
};

std::optional<YesNoAnswer> AnswerYesNo(const Utterance& utterance, MemoryStore& store,
                                       const LanguageModels& models);

}  // namespace brainhost::regions

#endif  // BRAINHOST_REGIONS_DIALOGUE_YES_NO_H
