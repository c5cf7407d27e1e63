// DialogueRegion: the dialogue moves that need context or a verdict, over the episodic memory.
// It runs before the episodic region in the graph, sees every turn, and replies only to:
//   memory commands   "remember that ...", "forget ...", "what do you remember about me?"
//   self-knowledge    "are you a real person?", "what is your name?"
//   yes/no questions  with coverage ("am i a nurse?" -> yes; a false premise is corrected)
//   corrections       "no wait it's Garrett" rebinds the fact last said, asked or corrected
//   coreference       "her name is Mochi" after "i adopted a puppy" -> my puppy's name
// Everything else (statements, wh-questions) it leaves to the episodic region, only noting what
// was talked about (DialogueState) so a later correction or pronoun can refer to it.
// Introductions and ages ("i'm Aiko", "call me Sam", "i'm 28") are the encoder's, not repeated here.
#ifndef BRAINHOST_REGIONS_DIALOGUE_DIALOGUE_REGION_H
#define BRAINHOST_REGIONS_DIALOGUE_DIALOGUE_REGION_H

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "dialogue/dialogue_state.h"
#include "episodic/reply.h"
#include "episodic/utterance.h"
#include "language/language_models.h"
#include "memory/memory_store.h"

namespace brainhost::regions {

class DialogueRegion {
 public:
  // models must outlive the region.
  explicit DialogueRegion(const LanguageModels& models) : models_(models) {}

  // One turn; same contract as EpisodicRegion::Turn. Updates state() on every turn.
  std::optional<Reply> Turn(std::string_view user_text, const std::vector<double>* word_surprise,
                            MemoryStore& store);

  // The state to persist after each turn (state_put), and to restore at creation (state_get).
  std::string SaveState() const { return state_.Serialize(); }
  void LoadState(std::string_view text) { state_ = DialogueState::Parse(text); }
  const DialogueState& state() const { return state_; }

 private:
  std::optional<Reply> Correct(const Utterance& utterance, MemoryStore& store);
  std::optional<Reply> Resolve(const Utterance& utterance, MemoryStore& store);
  void Note(const Utterance& utterance, MemoryStore& store);

  const LanguageModels& models_;
  DialogueState state_;
};

}  // namespace brainhost::regions

#endif  // BRAINHOST_REGIONS_DIALOGUE_DIALOGUE_REGION_H
