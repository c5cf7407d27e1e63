// episodic: the declarative memory across sessions (regions/episodic), as a plugin.
//
// Encodes each declarative user turn into the brain's episodes and answers questions about
// what was said, through the host's memory extension. Settings: `models`, the directory of
// the language models (default: the shipped models/language).
#include <brainhost/region.hpp>

#include "episodic/episodic_region.h"
#include "language/language_models.h"
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
    if (auto reply = region_.Turn(turn.user_text(), nullptr, memory_)) {
      turn.answer(reply->text, reply->confidence);
    }
  }

 private:
  regions::LanguageModels models_;
  plugins::MemoryClient memory_;
  regions::EpisodicRegion region_;
};

constexpr bh_region_descriptor kEpisodic = {
    sizeof(bh_region_descriptor),
    BH_ABI_VERSION_INIT,
    "brainhost.episodic",
    "episodic",
    "1.0.0",
    "remembers what the user tells it, across sessions, and answers questions about it",
    BH_CAP_ANSWER | BH_CAP_PERSIST,
    nullptr,
    0,
    nullptr,
    0,
};

}  // namespace

BRAINHOST_DEFINE_LIBRARY(brainhost::sdk::factory<Episodic>(&kEpisodic))
