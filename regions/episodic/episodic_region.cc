#include "episodic/episodic_region.h"

#include "episodic/encoder.h"
#include "episodic/query.h"
#include "episodic/remember.h"
#include "episodic/retriever.h"

namespace brainhost::regions {

std::optional<Reply> EpisodicRegion::Turn(std::string_view user_text,
                                          const std::vector<double>* word_surprise,
                                          MemoryStore& store,
                                          std::optional<double> in_window) {
  Utterance utterance = Analyze(user_text, word_surprise, models_);
  if (utterance.question) {
    std::optional<Query> query = ParseQuestion(utterance, models_);
    if (!query) return std::nullopt;
    std::optional<Recall> recall = Retrieve(*query, store, models_);
    // The in-window memory answers what it matches better (a newer fact said more exactly) and
    // what the store cannot answer at all (a paraphrase the store does not bind); on a tie it
    // is the same fact, and the store says it as it was told.
    if (in_window && (!recall || recall->trace.score < *in_window)) return std::nullopt;
    if (recall) {
      store.Trace(recall->trace);
      return Reply{recall->answer + ".", kRecallConfidence};
    }
    if (query->subject.starts_with("user")) return Reply{"i don't know.", kUnknownConfidence};
    return std::nullopt;
  }
  std::optional<Encoded> encoded = Encode(utterance, models_);
  if (!encoded) return std::nullopt;
  switch (Remember(*encoded, store).what) {
    case Remembered::kInserted:
      return Reply{kStoredAck, kAcknowledgeConfidence};
    case Remembered::kSuperseded:
      return Reply{"ok, updated.", kAcknowledgeConfidence};
    case Remembered::kDuplicate:
      return Reply{"i know.", kAcknowledgeConfidence};
  }
  return std::nullopt;
}

}  // namespace brainhost::regions
