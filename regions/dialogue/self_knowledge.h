// Self-knowledge: honest answers to questions about the assistant ("are you a real person?",
// "what is your name?"). They are answered here, never from the user's memories, so "what is
// your name?" can never come back as the user's name.
#ifndef BRAINHOST_REGIONS_DIALOGUE_SELF_KNOWLEDGE_H
#define BRAINHOST_REGIONS_DIALOGUE_SELF_KNOWLEDGE_H

#include <optional>

#include "episodic/reply.h"
#include "episodic/utterance.h"

namespace brainhost::regions {

// The answer to a question about the assistant, or nullopt for anything else (including
// questions about the assistant it has no fact for, such as "how are you?").
std::optional<Reply> AnswerAboutSelf(const Utterance& utterance);

}  // namespace brainhost::regions

#endif  // BRAINHOST_REGIONS_DIALOGUE_SELF_KNOWLEDGE_H
