// Sleep: consolidating what a brain was told into its cortex's weights (the slow timescale).
//
// The pending replay rows are fine-tuned into a copy of the active cortex with the project's
// trainer, drawn by priority, so what mattered most is replayed most. Two protections keep the
// cortex's general ability, compared in `bench sleep`:
//   - experience replay: a share of every batch's rows comes from the base corpus, the dialogue
//     the cortex was trained on (the corpus generator at its training seed);
//   - block locking (after SGM): the 64-parameter blocks whose scaling-down would raise the
//     base loss most are frozen. Their importance is estimated to second order from gradients
//     on base batches, Σ_batches (Σ_block g·w)²: the first-order change of the loss when a
//     block is scaled by (1 − ε) is ε Σ_block g·w, and squaring it over batches counts the
//     blocks every batch leans on, not the ones whose changes cancel out.
// Before and after, it measures the loss on the replayed material itself (every pending
// exchange once), the base perplexity (fresh dialogue of the training distribution, another
// seed: what the cortex must not forget how to say) and the loss on the stored facts' lines.
// Whether the result is kept is the caller's decision (the forgetting guard).
//
// What it is not: no brain access; `brainhost sleep` reads the rows and writes the version.
#pragma once

#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "cortex/checkpoint.h"
#include "tokenizer/tokenizer.h"

namespace brainhost::regions::training {

// kNone fine-tunes on the replay rows alone: the baseline the protections are measured by.
enum class SleepMode { kNone, kReplay, kLock, kBoth };

// "none", "replay", "lock", "both"; nullopt for anything else.
std::optional<SleepMode> ParseSleepMode(std::string_view name);
const char* SleepModeName(SleepMode mode);

struct SleepOptions {
  SleepMode mode = SleepMode::kBoth;
  double epochs = 24;  // how often the material is replayed, every exchange once counting one
  int max_steps = 200;  // the steps that takes, at most
  int batch = 8;
  int seq_len = 128;
  double lr = 3e-4;          // peak; warms up over a tenth of the steps, then a cosine to a tenth
  double clip = 1.0;
  double base_share = 0.75;  // replay: the share of each batch's rows from the base corpus
  double lock_share = 0.25;  // lock: the share of 64-parameter blocks frozen
  std::size_t base_bytes = 1 << 21;  // of base corpus generated for replay and for measuring
  std::uint64_t seed = 1;            // the draws of replay rows and batches
  int threads = 0;                   // 0: one per hardware thread
};

// What one sleep learns from: conversations in the cortex's framing ("U: …\nG: …\n" lines, a
// blank line between conversations).
struct SleepMaterial {
  std::vector<std::string> snippets;  // what is replayed: each a row in its context
  std::vector<double> priorities;     // one per snippet, > 0: how often it is drawn
  std::string sessions;               // every pending exchange once: the new loss's material
  std::string facts;                  // the stored facts' lines; "" when none is stored
};

struct SleepResult {
  cortex::Checkpoint weights;  // parameters only
  double new_loss_before = 0, new_loss_after = 0;    // nats per token
  double base_loss_before = 0, base_loss_after = 0;  // perplexity is exp of it
  std::optional<double> fact_loss_before, fact_loss_after;
  std::int64_t tokens = 0;  // trained on, replay and base together
  int locked_blocks = 0;
};

// on_step(step, steps, loss) after every training step.
using SleepProgress = std::function<void(int, int, double)>;

// The training steps a sleep over material_tokens (every exchange once) takes.
int SleepSteps(const SleepOptions& options, int context, std::size_t material_tokens);

// Fine-tunes a copy of active on material. Throws std::invalid_argument when material has no
// snippet, or when a priority is not positive.
SleepResult Sleep(const cortex::Checkpoint& active, const Tokenizer& tokenizer,
                  const SleepMaterial& material, const SleepOptions& options,
                  const SleepProgress& on_step);

}  // namespace brainhost::regions::training
