// Retriever: answers a Query from the MemoryStore, or declines.
//
// Candidates are the store's full-text matches for the query's cue plus the facts filed under
// the query's subject and relation. Each is scored by
//   binding      subject and relation agreement. A different subject, or a relation outside
//                the query's family, is a veto: a sister memory never answers "what is my
//                name?", a dog memory never answers "what is my cat's name?".
//   overlap      Jaccard overlap of cue stems.
//   specificity  the share of the query's cue stems the fact covers.
//   recency      1 / (1 + rank) among the candidates, newest first; it only breaks ties.
// score = 4 * binding + overlap + 0.5 * specificity + 0.25 * recency, so a binding match
// outranks any amount of recency ("what is today?" -> friday).
// The answer is the best fact's first candidate that is not itself part of the question's cue
// ("where do i work?" -> hospital, not work).
#ifndef BRAINHOST_REGIONS_EPISODIC_RETRIEVER_H
#define BRAINHOST_REGIONS_EPISODIC_RETRIEVER_H

#include <optional>
#include <string>

#include "episodic/query.h"
#include "memory/memory_store.h"

namespace brainhost::regions {

struct Recall {
  std::string answer;     // the value to say, as the user said it
  Fact fact;              // the memory it came from
  RetrievalTrace trace;   // score parts, source "episodic", for MemoryStore::Trace
};

// How well fact answers query, on the one scale every memory region ranks by (the hippo scores
// the turns in its window with it too, so the two compare): nullopt when the binding vetoes
// the fact or it has no value the question did not already say. rank: the fact's place among
// the candidates, newest first (0 for the newest).
std::optional<Recall> Score(const Query& query, const Fact& fact, size_t rank,
                            const LanguageModels& models);

// The best-scoring current fact that binds to query, or nullopt when none does.
std::optional<Recall> Retrieve(const Query& query, MemoryStore& store,
                               const LanguageModels& models);

// 1 for the same subject and relation, 0.9 for the same fact said two ways ("my dog is Buddy"
// vs "my dog's name"), 0.7 for a related relation of the same subject (job/kind,
// home/location, origin/birthplace), and -1 (veto) for anything else.
double Binding(const Query& query, const Fact& fact);

}  // namespace brainhost::regions

#endif  // BRAINHOST_REGIONS_EPISODIC_RETRIEVER_H
