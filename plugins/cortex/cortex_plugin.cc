// cortex: the language model (regions/cortex) as a plugin, in one of two modes.
//
//   mode = "perceive"  reads the user's line in the conversation and publishes, for its tokens,
//                      surprise and final hidden states, and the surprise per word the memory
//                      regions rank by (cortex_slots.h). Never answers. Put it at the graph's
//                      entry, so every region after it can read them.
//   mode = "generate"  (the default) samples a reply after "G:", adding the logit bias an
//                      earlier region wrote (hippo.logit_bias) and, before every token, the
//                      recall of the memories a hippo node selected (hippo_slots.h), read with
//                      the cortex's own hidden state there; it stops at the newline. Put it
//                      where the walk ends when no other region answered. It answers with the
//                      reply's mean token probability as its confidence, so give its node
//                      min_confidence = 0.0 for any reply to count (config/default.toml does).
//
// The weights are the brain's, not a file's: the instance runs the brain's active cortex
// version (brainhost.weights/1). On a brain's first run there is none, and the shipped weights
// file is installed as version 1; later runs, and sleep's new versions, never read the file.
// The conversation so far comes from the turn log (brainhost.conversation/1).
//
// Settings (all optional):
//   mode                 "perceive" or "generate"
//   weights              the file installed as version 1 (default <models>/cortex/cortex.bin)
//   tokenizer            default <models>/tokenizer/tokenizer.model
//   history              how many earlier turns to read, 0 for none (default 16)
//   threads              threads one step runs on, 0 for one per core (default 0; generate.h)
//   precision            "float16" (default; half the bytes a token reads) or "float32" (exact)
//   logit_bias           the tensor slot to add to the logits (default "hippo.logit_bias")
//   temperature (0.7), top_k (40), top_p (0.9), repetition_penalty (1.1),
//   frequency_penalty (0), no_repeat_ngram (3), max_tokens (48), seed (1): decoding (sampler.h;
//   the defaults are cortex_region.h's kChatDecoding);
//   the draw of a turn is seeded by seed, the session and the turn index, so a conversation
//   replays the same.
// <models> is $BRAINHOST_MODELS or the share directory beside the plugin (model_dir.h).
#include <brainhost/conversation.h>
#include <brainhost/region.hpp>
#include <utf8.h>

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <filesystem>
#include <initializer_list>
#include <memory>
#include <numeric>
#include <optional>
#include <string>
#include <vector>

#include "cortex/cortex_region.h"
#include "cortex_slots.h"
#include "cortex_weights.h"
#include "hippo/hippo_read.h"
#include "hippo_slots.h"
#include "int_setting.h"
#include "model_dir.h"
#include "tokenizer/tokenizer.h"

namespace {

using namespace brainhost;
namespace cx = regions::cortex;

cx::SamplingOptions Decoding(const sdk::Config& config) {
  const cx::SamplingOptions d = cx::kChatDecoding;
  cx::SamplingOptions o;
  o.temperature = static_cast<float>(config.number_or("temperature", d.temperature));
  o.top_k = plugins::IntSetting(config, "top_k", d.top_k, 0);
  o.top_p = static_cast<float>(config.number_or("top_p", d.top_p));
  o.repetition_penalty =
      static_cast<float>(config.number_or("repetition_penalty", d.repetition_penalty));
  o.frequency_penalty =
      static_cast<float>(config.number_or("frequency_penalty", d.frequency_penalty));
  o.no_repeat_ngram = plugins::IntSetting(config, "no_repeat_ngram", d.no_repeat_ngram, 0);
  o.max_tokens = plugins::IntSetting(config, "max_tokens", d.max_tokens, 1);
  const double seed = config.number_or("seed", double(d.seed));
  if (seed < 0 || seed != std::floor(seed)) {
    throw sdk::Error(BH_ERR_INVALID_ARGUMENT, "setting 'seed' must be a whole number >= 0");
  }
  o.seed = static_cast<std::uint64_t>(seed);
  if (!(o.temperature >= 0) || !(o.top_p > 0) || !(o.repetition_penalty > 0)) {
    throw sdk::Error(BH_ERR_INVALID_ARGUMENT,
                     "decoding settings: temperature must be >= 0, top_p and "
                     "repetition_penalty > 0");
  }
  return o;
}

// splitmix64's finaliser: one well-mixed seed from the setting, the session and the turn.
std::uint64_t Mix(std::uint64_t x) {
  x += 0x9E3779B97F4A7C15ull;
  x = (x ^ (x >> 30)) * 0xBF58476D1CE4E5B9ull;
  x = (x ^ (x >> 27)) * 0x94D049BB133111EBull;
  return x ^ (x >> 31);
}

std::uint64_t TurnSeed(std::uint64_t seed, std::string_view session, uint64_t turn) {
  std::uint64_t h = 0xCBF29CE484222325ull;  // FNV-1a of the session id
  for (unsigned char c : session) h = (h ^ c) * 0x100000001B3ull;
  return Mix(Mix(seed ^ h) ^ turn);
}

// Only valid UTF-8 may be answered; a reply cut inside a character loses the broken bytes.
std::string ValidUtf8(std::string text) {
  for (auto bad = utf8::find_invalid(text.begin(), text.end()); bad != text.end();
       bad = utf8::find_invalid(text.begin(), text.end())) {
    text.erase(bad);
  }
  return text;
}

class Cortex : public sdk::Region {
 public:
  Cortex(const sdk::Host& host, const sdk::Config& config)
      : host_(host),
        perceive_(Mode(config)),
        history_(plugins::IntSetting(config, "history", 16, 0)),
        bias_slot_(config.get_or("logit_bias", plugins::kHippoLogitBias)),
        decoding_(Decoding(config)) {
    const cx::InferenceOptions inference{Precision(config),
                                         plugins::IntSetting(config, "threads", 0, 0)};
    // The tokenizer first: weights it cannot go with must not become the brain's version 1.
    regions::Tokenizer tokenizer = regions::Tokenizer::Load(
        plugins::PathSetting(config, "tokenizer", "tokenizer", "tokenizer.model").string());
    const std::filesystem::path shipped =
        plugins::PathSetting(config, "weights", "cortex", "cortex.bin");
    region_ = std::make_unique<cx::CortexRegion>(
        plugins::LoadCortexWeights(host, shipped, tokenizer, &version_), std::move(tokenizer),
        inference);
    conversation_ = static_cast<const bh_conversation*>(host.extension(BH_EXT_CONVERSATION));
    if (conversation_ != nullptr && conversation_->struct_size < sizeof(bh_conversation)) {
      conversation_ = nullptr;
    }
    const cx::Config& c = region_->config();
    host_.log(BH_LOG_INFO, std::string(perceive_ ? "perceiving" : "generating") +
                               " with cortex version " + std::to_string(version_) + " (dim " +
                               std::to_string(c.dim) + ", " + std::to_string(c.layers) +
                               " layers, vocab " + std::to_string(c.vocab) + ", context " +
                               std::to_string(c.context) + ")");
    // Which version this instance runs, for `brainhost sql` (region_state, key "version").
    host_.state_put("version", std::to_string(version_));
  }

  void turn(sdk::Turn& turn) override {
    const std::vector<cx::Exchange> history = History();
    if (perceive_) {
      Publish(turn, region_->Perceive(history, turn.user_text()));
      return;
    }
    cx::SamplingOptions options = decoding_;
    options.seed = TurnSeed(decoding_.seed, turn.session_id(), turn.index());
    std::optional<regions::hippo::Recall> recall;
    if (std::optional<regions::hippo::MemoryView> memory = HippoMemory(turn)) {
      recall.emplace(*memory);
    }
    const cx::Reply reply = region_->Respond(history, turn.user_text(), Bias(turn), options,
                                             recall ? &*recall : nullptr);
    const std::string text = ValidUtf8(reply.text);
    if (!text.empty()) turn.answer(text, std::clamp(reply.confidence, 0.0, 1.0));
  }

 private:
  static bool Mode(const sdk::Config& config) {
    const std::string mode = config.get_or("mode", "generate");
    if (mode != "perceive" && mode != "generate") {
      throw sdk::Error(BH_ERR_INVALID_ARGUMENT,
                       "setting 'mode' must be \"perceive\" or \"generate\", not \"" + mode + "\"");
    }
    return mode == "perceive";
  }

  // The weights' format at inference. float16 halves the bytes each token reads, which bounds
  // the step's speed, at a logit error of about 0.1% of the logits' spread (generate_test);
  // float32 is exact, e.g. to compare with a float32 run elsewhere.
  static cx::WeightFormat Precision(const sdk::Config& config) {
    const std::string precision = config.get_or("precision", "float16");
    if (precision != "float16" && precision != "float32") {
      throw sdk::Error(BH_ERR_INVALID_ARGUMENT, "setting 'precision' must be \"float16\" or "
                       "\"float32\", not \"" + precision + "\"");
    }
    return precision == "float16" ? cx::WeightFormat::kFloat16 : cx::WeightFormat::kFloat32;
  }

  std::vector<cx::Exchange> History() const {
    std::vector<cx::Exchange> out;
    if (conversation_ == nullptr || history_ == 0) return out;
    sdk::check(conversation_->recent(
                   host_.raw(), static_cast<uint32_t>(history_),
                   [](void* context, const bh_exchange* x) {
                     static_cast<std::vector<cx::Exchange>*>(context)->push_back(
                         {static_cast<int64_t>(x->turn_index), x->user_text, x->reply});
                   },
                   &out),
               "read the conversation", BH_EXT_CONVERSATION);
    return out;
  }

  // The bias an earlier region wrote, when it is one float per vocabulary entry.
  const float* Bias(const sdk::Turn& turn) const {
    std::optional<bh_tensor> t = turn.tensor(bias_slot_.c_str());
    if (!t) return nullptr;
    if (t->dtype != BH_DTYPE_F32 || t->ndim != 1 || t->shape[0] != region_->config().vocab ||
        t->data == nullptr) {
      host_.log(BH_LOG_WARN, "ignoring " + bias_slot_ + ": not a float32 tensor of " +
                                 std::to_string(region_->config().vocab) + " values");
      return nullptr;
    }
    return static_cast<const float*>(t->data);
  }

  // The memories a hippo node selected this turn, when their shapes fit this cortex; the view
  // borrows the blackboard's tensors, which live until the turn ends.
  std::optional<regions::hippo::MemoryView> HippoMemory(const sdk::Turn& turn) const {
    const std::optional<bh_tensor> keys = turn.tensor(plugins::kHippoKeys);
    const std::optional<bh_tensor> key_bias = turn.tensor(plugins::kHippoKeyBias);
    const std::optional<bh_tensor> tokens = turn.tensor(plugins::kHippoTokens);
    const std::optional<bh_tensor> value_of = turn.tensor(plugins::kHippoValueOf);
    const std::optional<bh_tensor> values = turn.tensor(plugins::kHippoValues);
    const std::optional<bh_tensor> wrap_up = turn.tensor(plugins::kHippoWrapUp);
    const std::optional<double> copy = turn.signal(plugins::kHippoCopy);
    const std::optional<double> sink = turn.signal(plugins::kHippoSink);
    if (!keys || !key_bias || !tokens || !value_of || !values || !wrap_up || !copy || !sink) {
      return std::nullopt;
    }
    const int64_t M = keys->shape[0], K = values->shape[0], W = wrap_up->shape[0];
    const int64_t C = region_->config().dim, V = region_->config().vocab;
    bool fits = keys->dtype == BH_DTYPE_F32 && keys->ndim == 2 && keys->shape[1] == C &&
                key_bias->dtype == BH_DTYPE_F32 && key_bias->shape[0] == M &&
                tokens->dtype == BH_DTYPE_I32 && tokens->shape[0] == M &&
                value_of->dtype == BH_DTYPE_I32 && value_of->shape[0] == M &&
                values->dtype == BH_DTYPE_I32 && wrap_up->dtype == BH_DTYPE_I32 && M > 0 &&
                K > 0;
    // Every value is in the vocabulary and ends with −1; every memory points at a value's start.
    const int* v = fits ? static_cast<const int*>(values->data) : nullptr;
    const int* of = fits ? static_cast<const int*>(value_of->data) : nullptr;
    const int* w = fits ? static_cast<const int*>(wrap_up->data) : nullptr;
    fits = fits && v[K - 1] == -1;
    for (int64_t k = 0; fits && k < K; k++) fits = v[k] >= -1 && v[k] < V;
    for (int64_t k = 0; fits && k < W; k++) fits = w[k] >= 0 && w[k] < V;
    for (int64_t i = 0; fits && i < M; i++) {
      fits = of[i] == -1 || (of[i] >= 0 && of[i] < K && (of[i] == 0 || v[of[i] - 1] == -1));
    }
    if (!fits) {
      host_.log(BH_LOG_WARN, "ignoring the hippo's memories: they do not fit this cortex");
      return std::nullopt;
    }
    return regions::hippo::MemoryView{static_cast<int>(M),
                                      static_cast<int>(C),
                                      static_cast<int>(K),
                                      static_cast<int>(W),
                                      static_cast<const float*>(keys->data),
                                      static_cast<const float*>(key_bias->data),
                                      static_cast<const int*>(tokens->data),
                                      of,
                                      v,
                                      w,
                                      static_cast<float>(*copy),
                                      static_cast<float>(*sink)};
  }

  // The tensors borrow perception_, which stays untouched until this instance's next turn.
  void Publish(const sdk::Turn& turn, cx::Perception perception) {
    perception_ = std::move(perception);
    const cx::Perception& p = perception_;
    const int64_t n = static_cast<int64_t>(p.tokens.size());
    if (n == 0) return;  // nothing was said; a tensor needs data
    using plugins::Tensor;
    turn.set_tensor(plugins::kCortexTokens, Tensor(BH_DTYPE_I32, p.tokens.data(), {n}));
    turn.set_tensor(plugins::kCortexSurprise, Tensor(BH_DTYPE_F32, p.surprise.data(), {n}));
    turn.set_tensor(plugins::kCortexHidden,
                    Tensor(BH_DTYPE_F32, p.hidden.data(), {n, region_->config().dim}));
    turn.set_tensor(plugins::kCortexTokenWords, Tensor(BH_DTYPE_I32, p.token_words.data(), {n}));
    if (!p.word_surprise.empty()) {
      turn.set_tensor(plugins::kCortexWordSurprise,
                      Tensor(BH_DTYPE_F32, p.word_surprise.data(),
                             {static_cast<int64_t>(p.word_surprise.size())}));
    }
    const double sum = std::accumulate(p.surprise.begin(), p.surprise.end(), 0.0);
    turn.set_signal(plugins::kCortexMeanSurprise, sum / static_cast<double>(n));
  }

  sdk::Host host_;
  bool perceive_;
  int history_;
  std::string bias_slot_;
  cx::SamplingOptions decoding_;
  int64_t version_ = 0;  // the brain's cortex version region_ runs
  std::unique_ptr<cx::CortexRegion> region_;
  const bh_conversation* conversation_ = nullptr;
  cx::Perception perception_;
};

constexpr bh_slot_decl kReads[] = {
    {plugins::kHippoLogitBias, BH_SLOT_TENSOR}, {plugins::kHippoKeys, BH_SLOT_TENSOR},
    {plugins::kHippoKeyBias, BH_SLOT_TENSOR},   {plugins::kHippoTokens, BH_SLOT_TENSOR},
    {plugins::kHippoValueOf, BH_SLOT_TENSOR},   {plugins::kHippoValues, BH_SLOT_TENSOR},
    {plugins::kHippoWrapUp, BH_SLOT_TENSOR},    {plugins::kHippoCopy, BH_SLOT_SIGNAL},
    {plugins::kHippoSink, BH_SLOT_SIGNAL},
};
constexpr bh_slot_decl kWrites[] = {
    {plugins::kCortexTokens, BH_SLOT_TENSOR},      {plugins::kCortexSurprise, BH_SLOT_TENSOR},
    {plugins::kCortexHidden, BH_SLOT_TENSOR},      {plugins::kCortexTokenWords, BH_SLOT_TENSOR},
    {plugins::kCortexWordSurprise, BH_SLOT_TENSOR}, {plugins::kCortexMeanSurprise, BH_SLOT_SIGNAL},
};

constexpr bh_region_descriptor kCortex = {
    sizeof(bh_region_descriptor),
    BH_ABI_VERSION_INIT,
    "brainhost.cortex",
    "cortex",
    "1.0.0",
    "the language model: per-token surprise and hidden states of the user's line, and replies",
    BH_CAP_ANSWER | BH_CAP_GENERATE | BH_CAP_OBSERVE | BH_CAP_PERSIST,
    kReads,
    9,
    kWrites,
    6,
};

}  // namespace

BRAINHOST_DEFINE_LIBRARY(brainhost::sdk::factory<Cortex>(&kCortex))
