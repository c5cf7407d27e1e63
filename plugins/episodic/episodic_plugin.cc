// episodic: the declarative memory across sessions (regions/episodic), as a plugin.
//
// Encodes each declarative user turn into the brain's episodes and answers questions about
// what was said, through the host's memory extension. A statement's words are ranked by the
// cortex's surprise when a cortex node published it earlier in the turn (cortex_slots.h), by
// the unigram model otherwise. A question the hippo can answer from the conversation's window
// (it published hippo.match, on the same scale) is left to it when it matches better than the
// store or the store has nothing. Settings: `models`, the directory of the language models
// (default: the shipped models/language).
#include <brainhost/region.hpp>

#include "episodic/episodic_region.h"
#include "language/language_models.h"
#include "cortex_slots.h"
#include "hippo_slots.h"
#include "memory_client.h"
#include "model_dir.h"

namespace {

using namespace brainhost;

class Episodic : public sdk::Region {
 public:
  Episodic(const sdk::Host& host, const sdk::Config& config)
      : models_(regions::LanguageModels::Load(plugins::ModelDir(config, "language"))),
        memory_(host),
        region_(models_) {}

  void turn(sdk::Turn& turn) override {
    const std::optional<std::vector<double>> surprise = plugins::CortexWordSurprise(turn);
    if (auto reply = region_.Turn(turn.user_text(), surprise ? &*surprise : nullptr, memory_,
                                  turn.signal(plugins::kHippoMatch))) {
      turn.answer(reply->text, reply->confidence);
    }
  }

 private:
  regions::LanguageModels models_;
  plugins::MemoryClient memory_;
  regions::EpisodicRegion region_;
};

// The cortex's word surprise, when a cortex node ran before this one (cortex_slots.h), and the
// hippo's match, when a hippo node did (hippo_slots.h).
constexpr bh_slot_decl kReads[] = {{plugins::kCortexWordSurprise, BH_SLOT_TENSOR},
                                   {plugins::kHippoMatch, BH_SLOT_SIGNAL}};

constexpr bh_region_descriptor kEpisodic = {
    sizeof(bh_region_descriptor),
    BH_ABI_VERSION_INIT,
    "brainhost.episodic",
    "episodic",
    "1.0.0",
    "remembers what the user tells it, across sessions, and answers questions about it",
    BH_CAP_ANSWER | BH_CAP_PERSIST,
    kReads,
    2,
    nullptr,
    0,
};

}  // namespace

BRAINHOST_DEFINE_LIBRARY(brainhost::sdk::factory<Episodic>(&kEpisodic))
