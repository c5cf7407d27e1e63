// Sleep's consolidation (training/sleep.h) on a small random cortex: it learns the replayed
// material, locked blocks do not move, and bad material is refused.
#include <doctest/doctest.h>

#include <algorithm>
#include <cmath>
#include <stdexcept>
#include <string>

#include "cortex/random_cortex.h"
#include "tokenizer/tokenizer.h"
#include "training/sleep.h"

namespace brainhost::regions::training {

namespace {

SleepMaterial Material() {
  SleepMaterial m;
  m.snippets = {"U: the keeper on Varrow is Oskel\nG: got it.\n",
                "U: the ferry to Varrow leaves at dawn\nG: got it.\n"};
  m.priorities = {1.0, 3.0};
  m.sessions = m.snippets[0] + m.snippets[1];
  m.facts = "U: the keeper on Varrow is Oskel\n";
  return m;
}

SleepOptions Small(SleepMode mode) {
  SleepOptions o;
  o.mode = mode;
  o.epochs = 40;
  o.batch = 4;
  o.seq_len = 32;
  o.lr = 3e-3;
  o.lock_share = 0.5;
  o.base_bytes = 1 << 15;
  o.threads = 1;
  return o;
}

}  // namespace

TEST_CASE("sleep learns the replayed material and measures what it forgets") {
  const Tokenizer tokenizer = Tokenizer::Load(BRAINHOST_TOKENIZER_MODEL);
  const cortex::Checkpoint active = testing::RandomCortex(5);
  const SleepResult r = Sleep(active, tokenizer, Material(), Small(SleepMode::kReplay), {});
  CHECK(r.new_loss_after < r.new_loss_before - 1.0);
  REQUIRE(r.fact_loss_before.has_value());
  CHECK(*r.fact_loss_after < *r.fact_loss_before);
  CHECK(r.base_loss_before > 0);
  CHECK(r.locked_blocks == 0);
  CHECK(r.tokens > 0);
  CHECK(r.weights.params.size() == active.params.size());
  CHECK_FALSE(r.weights.has_optimizer_state());
}

TEST_CASE("locked blocks keep their values, and the others learn") {
  const Tokenizer tokenizer = Tokenizer::Load(BRAINHOST_TOKENIZER_MODEL);
  const cortex::Checkpoint active = testing::RandomCortex(6);
  const SleepResult r = Sleep(active, tokenizer, Material(), Small(SleepMode::kLock), {});
  const std::size_t blocks = (active.params.size() + 63) / 64;
  CHECK(r.locked_blocks == int(std::llround(0.5 * double(blocks))));
  std::size_t unchanged = 0, moved = 0;
  for (std::size_t b = 0; b < blocks; b++) {
    bool same = true;
    for (std::size_t i = b * 64; i < std::min(active.params.size(), (b + 1) * 64); i++) {
      same = same && r.weights.params[i] == active.params[i];
    }
    (same ? unchanged : moved)++;
  }
  CHECK(unchanged >= std::size_t(r.locked_blocks));
  CHECK(moved > 0);
  CHECK(r.new_loss_after < r.new_loss_before);
}

TEST_CASE("sleep refuses nothing to replay and priorities that are not positive") {
  const Tokenizer tokenizer = Tokenizer::Load(BRAINHOST_TOKENIZER_MODEL);
  const cortex::Checkpoint active = testing::RandomCortex(7);
  SleepMaterial empty;
  CHECK_THROWS_AS(Sleep(active, tokenizer, empty, Small(SleepMode::kNone), {}),
                  std::invalid_argument);
  SleepMaterial zero = Material();
  zero.priorities[1] = 0;
  CHECK_THROWS_AS(Sleep(active, tokenizer, zero, Small(SleepMode::kNone), {}),
                  std::invalid_argument);
  CHECK(ParseSleepMode("both") == SleepMode::kBoth);
  CHECK_FALSE(ParseSleepMode("everything"));
  CHECK(std::string(SleepModeName(SleepMode::kLock)) == "lock");
}

}  // namespace brainhost::regions::training
