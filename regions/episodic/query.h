// Query: what a wh-question asks the memory for, read the way the encoder reads statements
// ("what is my dog's name?" -> subject user.dog, relation name), so the binding check in the
// retriever compares like with like.
#ifndef BRAINHOST_REGIONS_EPISODIC_QUERY_H
#define BRAINHOST_REGIONS_EPISODIC_QUERY_H

#include <optional>
#include <string>
#include <vector>

#include "episodic/utterance.h"

namespace brainhost::regions {

struct Query {
  std::string subject;            // "user", "user.dog", "world"
  std::string relation;           // "name", "workplace", "meaning of life", ...
  std::vector<std::string> cue;   // content stems of the question plus the key stems
};

// True when a question is about the assistant itself ("what is your name?", "are you real?")
// and not about the user: the memory must never answer those with a user's fact.
bool AsksAboutAssistant(const Utterance& utterance);

// The query of a wh-question about the user ("what is my name", "where do i work", "how old
// am i", "what did i adopt") or the world ("what is today", "what is the meaning of life").
// nullopt for statements, yes/no questions, questions about the assistant, and questions whose
// subject or relation cannot be read (the memory then stays silent).
std::optional<Query> ParseQuestion(const Utterance& utterance, const LanguageModels& models);

}  // namespace brainhost::regions

#endif  // BRAINHOST_REGIONS_EPISODIC_QUERY_H
