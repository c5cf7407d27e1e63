// DialogueState: what the dialogue region carries from one turn to the next, as a string the
// plugin adapter stores with state_put and restores with state_get, so corrections and
// coreference work across restarts.
//
// Format (text, one key per line, values never contain a newline because they are built from
// tokenized words):
//   brainhost.dialogue.state/1
//   subject=user.dog        the subject of the fact last said, answered or corrected
//   relation=name           its relation ("no wait it's Max" rebinds this pair)
//   entity=puppy            the thing last introduced ("her name is Mochi" refers to it)
#ifndef BRAINHOST_REGIONS_DIALOGUE_DIALOGUE_STATE_H
#define BRAINHOST_REGIONS_DIALOGUE_DIALOGUE_STATE_H

#include <string>
#include <string_view>

namespace brainhost::regions {

struct DialogueState {
  std::string subject;
  std::string relation;
  std::string entity;

  std::string Serialize() const;
  // The state in text; an empty state for anything that is not a version-1 state (a corrupt
  // or foreign value must not fail every turn after it).
  static DialogueState Parse(std::string_view text);
};

}  // namespace brainhost::regions

#endif  // BRAINHOST_REGIONS_DIALOGUE_DIALOGUE_STATE_H
