// hippo: the within-conversation memory (regions/hippo) as a plugin.
//
// Put it after a perceiving cortex node (it reads cortex.tokens, cortex.surprise, cortex.hidden
// and cortex.word_surprise: cortex_slots.h) and before the generating one, which reads the
// memories it publishes (hippo_slots.h) before every reply token and copies a value once its
// read settles on one. It never answers: what it remembers comes out in the cortex's reply.
// It remembers the user's declarative lines of this session (one instance per session), and
// for a question about the user publishes the memories it selected and their match on the
// episodic store's scale, which the episodic node after it compares with its own.
//
// Settings (all optional):
//   weights   the meta-trained read (default <models>/hippo/hippo.bin; `brainhost train hippo`)
//   models    the language models' directory (default <models>/language), with the noun kinds
//             its gate reads "my pet" by (kinds.tsv)
//   tokenizer the cortex's tokenizer (default <models>/tokenizer/tokenizer.model): a line's last
//             token's memory points at its newline, and a recalled value is followed by "."
//             and a newline
//   window    how many user turns back a line is remembered (default 16, as the cortex's history)
//   cortex    the cortex weights installed as the brain's version 1 if it has none (default
//             <models>/cortex/cortex.bin, as the cortex's `weights`): the hippo reads questions
//             with the brain's active cortex version (question_surprise.h)
#include <brainhost/region.hpp>

#include <filesystem>
#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <vector>

#include "cortex_slots.h"
#include "cortex_weights.h"
#include "hippo/hippo_file.h"
#include "hippo/hippo_memory.h"
#include "hippo/hippo_read.h"
#include "hippo/question_surprise.h"
#include "hippo_slots.h"
#include "int_setting.h"
#include "language/kinds.h"
#include "language/language_models.h"
#include "model_dir.h"
#include "tokenizer/tokenizer.h"

namespace {

using namespace brainhost;
namespace hp = regions::hippo;

regions::Tokenizer LoadTokenizer(const sdk::Config& config) {
  return regions::Tokenizer::Load(
      plugins::PathSetting(config, "tokenizer", "tokenizer", "tokenizer.model").string());
}

// The tokens that end a reply after a recalled value: a full stop, then the newline (the
// cortex stops there). Read off after a word, as they follow one in a reply.
std::vector<int> WrapUp(const regions::Tokenizer& tokenizer) {
  const std::vector<int> word = tokenizer.Encode("so");
  std::vector<int> ended = tokenizer.Encode("so.");
  ended.erase(ended.begin(), ended.begin() + static_cast<std::ptrdiff_t>(word.size()));
  ended.push_back(tokenizer.newline_id());
  return ended;
}

hp::HippoWeights LoadWeights(const sdk::Config& config) {
  const std::string path = plugins::PathSetting(config, "weights", "hippo", "hippo.bin").string();
  try {
    return hp::LoadHippo(path);
  } catch (const std::exception& e) {
    throw sdk::Error(BH_ERR_NOT_FOUND, std::string(e.what()) +
                                           " (train it with `brainhost train hippo`, or set "
                                           "the region's `weights`)");
  }
}

// The noun kinds (language/kinds.h), loaded once per process and shared by every session's
// instance: a few MB of read-only hierarchy that takes ~0.1 s to read.
std::shared_ptr<const regions::Kinds> SharedKinds(const std::filesystem::path& path) {
  static std::mutex mutex;
  static std::map<std::string, std::shared_ptr<const regions::Kinds>> loaded;
  const std::lock_guard<std::mutex> lock(mutex);
  std::shared_ptr<const regions::Kinds>& kinds = loaded[path.string()];
  if (!kinds) kinds = std::make_shared<const regions::Kinds>(regions::Kinds::Load(path));
  return kinds;
}

// A cortex of the hippo's own to read questions with, on one thread: the perceiving node's
// is busy with the conversation, and a reading restarts it.
std::unique_ptr<regions::cortex::CortexRegion> LoadReader(const sdk::Host& host,
                                                         const sdk::Config& config) {
  regions::Tokenizer tokenizer = LoadTokenizer(config);
  int64_t version = 0;
  regions::cortex::Checkpoint weights = plugins::LoadCortexWeights(
      host, plugins::PathSetting(config, "cortex", "cortex", "cortex.bin"), tokenizer, &version);
  return std::make_unique<regions::cortex::CortexRegion>(
      std::move(weights), std::move(tokenizer),
      regions::cortex::InferenceOptions{regions::cortex::WeightFormat::kFloat16, 1});
}

class Hippo : public sdk::Region {
 public:
  Hippo(const sdk::Host& host, const sdk::Config& config)
      : host_(host),
        weights_(LoadWeights(config)),
        model_(weights_.config, 0),
        models_(regions::LanguageModels::Load(plugins::ModelDir(config, "language"))),
        kinds_(SharedKinds(plugins::ModelDir(config, "language") / "kinds.tsv")),
        tokenizer_(LoadTokenizer(config)),
        wrap_up_(WrapUp(tokenizer_)),
        reader_(LoadReader(host, config)),
        memory_(models_, *kinds_, tokenizer_.newline_id(),
                plugins::IntSetting(config, "window", 16, 1),
                hp::CortexQuestionSurprise(*reader_)) {
    model_.parameters() = weights_.params;
  }

  void turn(sdk::Turn& turn) override {
    const std::optional<bh_tensor> tokens = turn.tensor(plugins::kCortexTokens);
    const std::optional<bh_tensor> surprise = turn.tensor(plugins::kCortexSurprise);
    const std::optional<bh_tensor> hidden = turn.tensor(plugins::kCortexHidden);
    const std::optional<bh_tensor> words = turn.tensor(plugins::kCortexTokenWords);
    if (!tokens || !surprise || !hidden || !words) {
      if (!warned_) host_.log(BH_LOG_WARN, "no cortex perceived this turn: nothing to remember");
      warned_ = true;
      return;
    }
    const int64_t n = tokens->shape[0];
    const int C = weights_.config.C;
    if (tokens->dtype != BH_DTYPE_I32 || surprise->dtype != BH_DTYPE_F32 ||
        hidden->dtype != BH_DTYPE_F32 || hidden->ndim != 2 || surprise->shape[0] != n ||
        hidden->shape[0] != n || hidden->shape[1] != C || words->dtype != BH_DTYPE_I32 ||
        words->shape[0] != n) {
      throw sdk::Error(BH_ERR_INVALID_ARGUMENT,
                       "the cortex's perception does not fit the hippo (width " +
                           std::to_string(C) + ")");
    }
    const std::optional<std::vector<double>> word_surprise = plugins::CortexWordSurprise(turn);
    const hp::PerceivedLine line{static_cast<int>(n),
                                 C,
                                 static_cast<const int*>(tokens->data),
                                 static_cast<const float*>(surprise->data),
                                 static_cast<const float*>(hidden->data),
                                 static_cast<const int*>(words->data),
                                 word_surprise ? &*word_surprise : nullptr};
    std::optional<hp::Selection> selected =
        memory_.Hear(static_cast<int64_t>(turn.index()), turn.user_text(), line);
    if (!selected || selected->values.empty()) return;  // nothing could be recalled
    // The tensors borrow prepared_, which stays untouched until this instance's next turn.
    prepared_ = hp::Prepare(model_, *selected, wrap_up_);
    const hp::PreparedMemory& p = prepared_;
    const int64_t M = static_cast<int64_t>(p.tokens.size());
    const int64_t K = static_cast<int64_t>(p.values.size());
    const int64_t W = static_cast<int64_t>(p.wrap_up.size());
    using plugins::Tensor;
    turn.set_tensor(plugins::kHippoKeys, Tensor(BH_DTYPE_F32, p.keys.data(), {M, C}));
    turn.set_tensor(plugins::kHippoKeyBias, Tensor(BH_DTYPE_F32, p.key_bias.data(), {M}));
    turn.set_tensor(plugins::kHippoTokens, Tensor(BH_DTYPE_I32, p.tokens.data(), {M}));
    turn.set_tensor(plugins::kHippoValueOf, Tensor(BH_DTYPE_I32, p.value_of.data(), {M}));
    turn.set_tensor(plugins::kHippoValues, Tensor(BH_DTYPE_I32, p.values.data(), {K}));
    turn.set_tensor(plugins::kHippoWrapUp, Tensor(BH_DTYPE_I32, p.wrap_up.data(), {W}));
    turn.set_signal(plugins::kHippoCopy, p.copy);
    turn.set_signal(plugins::kHippoSink, p.sink);
    turn.set_signal(plugins::kHippoMatch, selected->match);
  }

 private:
  sdk::Host host_;
  hp::HippoWeights weights_;
  hp::HippoModel<float> model_;
  regions::LanguageModels models_;
  std::shared_ptr<const regions::Kinds> kinds_;
  regions::Tokenizer tokenizer_;
  std::vector<int> wrap_up_;
  std::unique_ptr<regions::cortex::CortexRegion> reader_;  // the memory's question surprise's
  hp::HippoMemory memory_;
  hp::PreparedMemory prepared_;
  bool warned_ = false;
};

constexpr bh_slot_decl kReads[] = {
    {plugins::kCortexTokens, BH_SLOT_TENSOR},
    {plugins::kCortexSurprise, BH_SLOT_TENSOR},
    {plugins::kCortexHidden, BH_SLOT_TENSOR},
    {plugins::kCortexTokenWords, BH_SLOT_TENSOR},
    {plugins::kCortexWordSurprise, BH_SLOT_TENSOR},
};
constexpr bh_slot_decl kWrites[] = {
    {plugins::kHippoKeys, BH_SLOT_TENSOR},    {plugins::kHippoKeyBias, BH_SLOT_TENSOR},
    {plugins::kHippoTokens, BH_SLOT_TENSOR},  {plugins::kHippoValueOf, BH_SLOT_TENSOR},
    {plugins::kHippoValues, BH_SLOT_TENSOR},  {plugins::kHippoWrapUp, BH_SLOT_TENSOR},
    {plugins::kHippoCopy, BH_SLOT_SIGNAL},    {plugins::kHippoSink, BH_SLOT_SIGNAL},
    {plugins::kHippoMatch, BH_SLOT_SIGNAL},
};

constexpr bh_region_descriptor kHippo = {
    sizeof(bh_region_descriptor),
    BH_ABI_VERSION_INIT,
    "brainhost.hippo",
    "hippo",
    "1.0.0",
    "remembers what the user said earlier in the conversation and recalls it into the cortex",
    BH_CAP_OBSERVE | BH_CAP_BIAS_LOGITS,
    kReads,
    5,
    kWrites,
    9,
};

}  // namespace

BRAINHOST_DEFINE_LIBRARY(brainhost::sdk::factory<Hippo>(&kHippo))
