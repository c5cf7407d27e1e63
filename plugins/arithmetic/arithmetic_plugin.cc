// arithmetic: sums and differences of whole numbers up to seven digits, worked out by a trained
// neural cellular automaton (regions/arithmetic), as a plugin.
//
// It answers an arithmetic question ("what is 17 + 25?") at 0.95 with "17 + 25 = 42", declines
// in words at 0.9 what it cannot do (products, fractions, negatives, more than seven digits, an
// answer past seven digits or below zero), and passes every other line on. Settings: `weights`
// (default <models>/arithmetic/nca.bin) and `seed` (the cells' firing orders).
#include <brainhost/region.hpp>

#include "arithmetic/arithmetic_region.h"
#include "arithmetic/nca_file.h"
#include "int_setting.h"
#include "model_dir.h"

namespace {

using namespace brainhost;

constexpr double kAnswerConfidence = 0.95;
constexpr double kDeclineConfidence = 0.9;

class Arithmetic : public sdk::Region {
 public:
  Arithmetic(const sdk::Host& /*host*/, const sdk::Config& config)
      : region_(regions::arithmetic::LoadNca(
                    plugins::PathSetting(config, "weights", "arithmetic", "nca.bin").string()),
                static_cast<std::uint64_t>(plugins::IntSetting(config, "seed", 1, 0))) {}

  void turn(sdk::Turn& turn) override {
    const auto reply = region_.Answer(turn.user_text());
    if (!reply) return;
    turn.answer(reply->text, reply->declined ? kDeclineConfidence : kAnswerConfidence);
  }

 private:
  regions::arithmetic::ArithmeticRegion region_;
};

constexpr bh_region_descriptor kArithmetic = {
    sizeof(bh_region_descriptor),
    BH_ABI_VERSION_INIT,
    "brainhost.arithmetic",
    "arithmetic",
    "1.0.0",
    "adds and subtracts whole numbers of up to seven digits with a trained cellular automaton",
    BH_CAP_ANSWER,
    nullptr,
    0,
    nullptr,
    0,
};

}  // namespace

BRAINHOST_DEFINE_LIBRARY(brainhost::sdk::factory<Arithmetic>(&kArithmetic))
