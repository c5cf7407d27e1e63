// Consolidation into the cortex. See sleep.h.
#include "training/sleep.h"

#include <algorithm>
#include <climits>
#include <cmath>
#include <random>
#include <stdexcept>

#include "cortex/optimizer.h"
#include "cortex/trainer.h"
#include "training/token_stream.h"

namespace brainhost::regions::training {
namespace {

constexpr int kBlock = 64;                    // parameters per lockable block
constexpr int kImportanceBatches = 4;         // base batches the block importance is taken over
constexpr std::uint64_t kBaseTrainingSeed = 1;  // `train cortex`'s corpus: what it was trained on
constexpr std::uint64_t kBaseHeldOutSeed = 2;   // fresh dialogue of the same distribution
constexpr int kBaseWindows = 32;              // held-out windows the base perplexity is taken over

bool Replays(SleepMode mode) { return mode == SleepMode::kReplay || mode == SleepMode::kBoth; }
bool Locks(SleepMode mode) { return mode == SleepMode::kLock || mode == SleepMode::kBoth; }

// Each batch's rows: from the replay draws, and from the base corpus.
struct Rows {
  int replay, base;
};
Rows BatchRows(const SleepOptions& o) {
  const int base = Replays(o.mode) ? int(std::lround(o.base_share * o.batch)) : 0;
  return {std::max(1, o.batch - base), base};
}

// The mean loss per token over stream cut into whole windows of up to T tokens; nullopt when
// it has fewer than two tokens.
std::optional<double> StreamLoss(cortex::Trainer& trainer, const std::vector<int>& stream,
                                 int T, int rows) {
  if (stream.size() < 2) return std::nullopt;
  const Batch windows =
      FirstWindows(stream, INT_MAX, std::min(T, static_cast<int>(stream.size()) - 1));
  return MeanLoss(trainer, windows, rows);
}

// Snippets drawn with probability ∝ priority, tokenized and joined, until the stream holds
// `tokens` tokens and more than one window.
std::vector<int> DrawReplay(const SleepMaterial& material, const Tokenizer& tokenizer,
                            std::size_t tokens, int T, std::uint64_t seed) {
  std::vector<std::vector<int>> encoded;
  for (const std::string& snippet : material.snippets) {
    encoded.push_back(TokenizeConversations(snippet, tokenizer, 1));
  }
  std::mt19937_64 rng(seed);
  std::discrete_distribution<std::size_t> pick(material.priorities.begin(),
                                               material.priorities.end());
  std::vector<int> stream;
  while (stream.size() < tokens || stream.size() <= std::size_t(T) + 1) {
    const std::vector<int>& drawn = encoded[pick(rng)];
    stream.insert(stream.end(), drawn.begin(), drawn.end());
  }
  return stream;
}

// The first `share` of the 64-parameter blocks by importance on base batches (see sleep.h).
std::vector<int> BlocksToLock(cortex::Trainer& trainer, const std::vector<int>& base, int B,
                              int T, double share, std::uint64_t seed) {
  const std::span<const float> w = trainer.model().parameters();
  const std::size_t blocks = (w.size() + kBlock - 1) / kBlock;
  std::vector<double> importance(blocks, 0.0);
  for (int k = 0; k < kImportanceBatches; k++) {
    const Batch batch = SampleBatch(base, B, T, seed ^ 0x10C4, k);  // not the training draws
    trainer.gradient(batch.inputs.data(), batch.targets.data(), B, T);
    const std::span<const float> g = trainer.model().gradients();
    for (std::size_t b = 0; b < blocks; b++) {
      double change = 0;
      for (std::size_t i = b * kBlock; i < std::min(w.size(), (b + 1) * kBlock); i++) {
        change += double(g[i]) * w[i];
      }
      importance[b] += change * change;
    }
  }
  std::vector<int> order(blocks);
  for (std::size_t b = 0; b < blocks; b++) order[b] = int(b);
  const std::size_t locked = std::min(blocks, std::size_t(std::llround(share * double(blocks))));
  std::partial_sort(order.begin(), order.begin() + std::ptrdiff_t(locked), order.end(),
                    [&](int a, int b) { return importance[a] > importance[b]; });
  order.resize(locked);
  std::sort(order.begin(), order.end());
  return order;
}

}  // namespace

std::optional<SleepMode> ParseSleepMode(std::string_view name) {
  if (name == "none") return SleepMode::kNone;
  if (name == "replay") return SleepMode::kReplay;
  if (name == "lock") return SleepMode::kLock;
  if (name == "both") return SleepMode::kBoth;
  return std::nullopt;
}

const char* SleepModeName(SleepMode mode) {
  switch (mode) {
    case SleepMode::kNone: return "none";
    case SleepMode::kReplay: return "replay";
    case SleepMode::kLock: return "lock";
    case SleepMode::kBoth: return "both";
  }
  return "?";
}

int SleepSteps(const SleepOptions& o, int context, std::size_t material_tokens) {
  const double per_step = double(BatchRows(o).replay) * std::min(o.seq_len, context);
  const double steps = std::ceil(o.epochs * double(material_tokens) / per_step);
  return int(std::clamp(steps, 1.0, double(o.max_steps)));
}

SleepResult Sleep(const cortex::Checkpoint& active, const Tokenizer& tokenizer,
                  const SleepMaterial& material, const SleepOptions& o,
                  const SleepProgress& on_step) {
  if (material.snippets.empty()) throw std::invalid_argument("nothing to replay");
  if (material.priorities.size() != material.snippets.size() ||
      std::any_of(material.priorities.begin(), material.priorities.end(),
                  [](double p) { return !(p > 0); })) {
    throw std::invalid_argument("every replay snippet needs a positive priority");
  }
  cortex::Trainer trainer(active.config, o.threads);
  cortex::Checkpoint start = active;
  start.adam_m.clear();  // a fresh optimizer: sleep is its own short run
  start.adam_v.clear();
  start.step = 0;
  trainer.restore(start);
  const int T = std::min(o.seq_len, active.config.context);
  const int B = o.batch;
  const auto [replay_rows, base_rows] = BatchRows(o);

  const std::vector<int> base = TokenizeCorpus({kBaseTrainingSeed, o.base_bytes, false},
                                               tokenizer, trainer.threads());
  const Batch base_held_out =
      FirstWindows(TokenizeCorpus({kBaseHeldOutSeed, o.base_bytes / 4, false}, tokenizer,
                                  trainer.threads()),
                   kBaseWindows, T);
  const std::vector<int> sessions = TokenizeConversations(material.sessions, tokenizer, 1);
  const std::vector<int> facts = TokenizeConversations(material.facts, tokenizer, 1);
  const int steps = SleepSteps(o, active.config.context, sessions.size());
  const std::vector<int> replay =
      DrawReplay(material, tokenizer, std::size_t(steps) * replay_rows * T, T, o.seed);

  SleepResult r;
  r.new_loss_before = StreamLoss(trainer, sessions, T, B).value_or(0);
  r.base_loss_before = MeanLoss(trainer, base_held_out, B);
  r.fact_loss_before = StreamLoss(trainer, facts, T, B);

  std::vector<int> locked;
  if (Locks(o.mode)) locked = BlocksToLock(trainer, base, B, T, o.lock_share, o.seed);
  r.locked_blocks = int(locked.size());
  const std::span<float> params = trainer.model().parameters();
  std::vector<float> frozen;  // the locked blocks' values, restored after every step
  for (int b : locked) {
    const std::size_t end = std::min(params.size(), std::size_t(b + 1) * kBlock);
    frozen.insert(frozen.end(), params.begin() + std::size_t(b) * kBlock, params.begin() + end);
  }

  cortex::LrSchedule schedule;
  schedule.max_lr = o.lr;
  schedule.min_lr = o.lr / 10;
  schedule.warmup_steps = std::max(1, steps / 10);
  schedule.total_steps = steps;
  std::vector<int> inputs, targets;
  for (int step = 0; step < steps; step++) {
    const Batch mine = SampleBatch(replay, replay_rows, T, o.seed, step);
    inputs = mine.inputs;
    targets = mine.targets;
    if (base_rows > 0) {
      const Batch theirs = SampleBatch(base, base_rows, T, o.seed + 1, step);
      inputs.insert(inputs.end(), theirs.inputs.begin(), theirs.inputs.end());
      targets.insert(targets.end(), theirs.targets.begin(), theirs.targets.end());
    }
    const int rows = replay_rows + base_rows;
    const double loss =
        trainer.step(inputs.data(), targets.data(), rows, T, schedule.at(step), o.clip);
    if (!std::isfinite(loss)) throw std::runtime_error("the loss diverged during sleep");
    std::size_t at = 0;
    for (int b : locked) {
      const std::size_t begin = std::size_t(b) * kBlock;
      const std::size_t n = std::min(params.size(), begin + kBlock) - begin;
      std::copy_n(frozen.begin() + std::ptrdiff_t(at), n, params.begin() + std::ptrdiff_t(begin));
      at += n;
    }
    r.tokens += std::int64_t(rows) * T;
    if (on_step) on_step(step + 1, steps, loss);
  }

  r.new_loss_after = StreamLoss(trainer, sessions, T, B).value_or(0);
  r.base_loss_after = MeanLoss(trainer, base_held_out, B);
  r.fact_loss_after = StreamLoss(trainer, facts, T, B);
  r.weights = trainer.snapshot();
  r.weights.adam_m.clear();
  r.weights.adam_v.clear();
  return r;
}

}  // namespace brainhost::regions::training
