// Explicit memory commands, said in plain words:
//   "remember that X"                 stores X verbatim: as the fact it encodes to, or else as a
//                                     note (subject "user", relation "note", value X)
//   "forget X"                        deletes the current fact X best describes, with its whole
//                                     history (MemoryStore::Forget), and says what it was
//   "what do you remember about me?"  lists the current facts about the user, newest first
#ifndef BRAINHOST_REGIONS_DIALOGUE_MEMORY_COMMANDS_H
#define BRAINHOST_REGIONS_DIALOGUE_MEMORY_COMMANDS_H

#include <optional>
#include <string>

#include "episodic/reply.h"
#include "episodic/utterance.h"
#include "memory/memory_store.h"

namespace brainhost::regions {

// The command's reply, or nullopt when the line is not a memory command.
std::optional<Reply> RunMemoryCommand(const Utterance& utterance, MemoryStore& store,
                                      const LanguageModels& models);

// A fact told back to the user in the second person: "your dog's name is Max",
// "you work at the hospital", or the user's own line with i/my turned into you/your.
std::string Describe(const Fact& fact);

}  // namespace brainhost::regions

#endif  // BRAINHOST_REGIONS_DIALOGUE_MEMORY_COMMANDS_H
