// EpisodicRegion: the episodic memory as one object with one call per turn, free of plugin
// types so the plugin adapter only moves strings and numbers.
//
// A statement is encoded and remembered; the region acknowledges it at low confidence
// (kAcknowledgeConfidence) so a later region may still reply. A wh-question about the user or a
// taught world fact is answered from memory (kRecallConfidence) and traced in the store. A
// question about the user that neither memory can answer gets "i don't know"
// (kUnknownConfidence): the user asked about something only a memory could know. Questions about the world that
// were never taught, questions about the assistant ("your ..."), and everything else get no
// reply, so the clock, the cortex or the fallback can answer.
#ifndef BRAINHOST_REGIONS_EPISODIC_EPISODIC_REGION_H
#define BRAINHOST_REGIONS_EPISODIC_EPISODIC_REGION_H

#include <optional>
#include <string_view>
#include <vector>

#include "episodic/reply.h"
#include "language/language_models.h"
#include "memory/memory_store.h"

namespace brainhost::regions {

class EpisodicRegion {
 public:
  // models must outlive the region.
  explicit EpisodicRegion(const LanguageModels& models) : models_(models) {}

  // One turn. word_surprise: the cortex's surprise per Tokenize(user_text) token, or null.
  // in_window: the score (retriever.h's Score, the same scale) of the best match an in-window
  // memory (the hippo) found for this question, if any: a question it matches better than the
  // store does, or that the store cannot answer, is left to it. Throws std::runtime_error when the store fails.
  std::optional<Reply> Turn(std::string_view user_text, const std::vector<double>* word_surprise,
                            MemoryStore& store, std::optional<double> in_window = std::nullopt);

 private:
  const LanguageModels& models_;
};

}  // namespace brainhost::regions

#endif  // BRAINHOST_REGIONS_EPISODIC_EPISODIC_REGION_H
