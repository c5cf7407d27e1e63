// dialogue: the dialogue moves (regions/dialogue) as a plugin — yes/no questions, corrections
// that chain, coreference, self-knowledge and the explicit memory commands.
//
// What it tracks between turns (the last answered fact, the last entity mentioned) is kept in
// its region state, so a correction still applies after a restart. Word surprise and the
// `models` setting as for episodic.
#include <brainhost/region.hpp>

#include "dialogue/dialogue_region.h"
#include "language/language_models.h"
#include "cortex_slots.h"
#include "memory_client.h"
#include "model_dir.h"

namespace {

using namespace brainhost;

constexpr char kStateKey[] = "dialogue";

class Dialogue : public sdk::Region {
 public:
  Dialogue(const sdk::Host& host, const sdk::Config& config)
      : host_(host),
        models_(regions::LanguageModels::Load(plugins::ModelDir(config, "language"))),
        memory_(host),
        region_(models_) {
    if (auto saved = host_.state_get(kStateKey)) region_.LoadState(*saved);
  }

  void turn(sdk::Turn& turn) override {
    const std::optional<std::vector<double>> surprise = plugins::CortexWordSurprise(turn);
    auto reply = region_.Turn(turn.user_text(), surprise ? &*surprise : nullptr, memory_);
    host_.state_put(kStateKey, region_.SaveState());
    if (reply) turn.answer(reply->text, reply->confidence);
  }

 private:
  sdk::Host host_;
  regions::LanguageModels models_;
  plugins::MemoryClient memory_;
  regions::DialogueRegion region_;
};

// The cortex's word surprise, when a cortex node ran before this one (cortex_slots.h).
constexpr bh_slot_decl kReads[] = {{plugins::kCortexWordSurprise, BH_SLOT_TENSOR}};

constexpr bh_region_descriptor kDialogue = {
    sizeof(bh_region_descriptor),
    BH_ABI_VERSION_INIT,
    "brainhost.dialogue",
    "dialogue",
    "1.0.0",
    "yes/no questions, corrections, coreference, self-knowledge and memory commands",
    BH_CAP_ANSWER | BH_CAP_PERSIST,
    kReads,
    1,
    nullptr,
    0,
};

}  // namespace

BRAINHOST_DEFINE_LIBRARY(brainhost::sdk::factory<Dialogue>(&kDialogue))
