// The data-parallel trainer: splitting a batch across threads computes the same loss and step as
// one thread, evaluation changes nothing, and a run restored from a snapshot continues exactly
// as the unbroken run.
#include <doctest/doctest.h>

#include <cmath>
#include <vector>

#include "cortex/trainer.h"

namespace cx = brainhost::regions::cortex;

namespace {

const cx::Config kShape{.vocab = 13, .dim = 16, .layers = 2, .heads = 2, .hidden = 32,
                        .context = 12};

// A fixed batch (B, T) of ids and next ids.
struct Data {
  int B = 5, T = 12;  // B not a multiple of the thread count: uneven shares
  std::vector<int> inputs, targets;
  explicit Data(int seed) {
    for (int i = 0; i < B * T; i++) {
      inputs.push_back((i * 7 + seed) % kShape.vocab);
      targets.push_back((i * 7 + seed + 3) % kShape.vocab);
    }
  }
};

float Step(cx::Trainer& t, const Data& d) {
  return t.step(d.inputs.data(), d.targets.data(), d.B, d.T, 1e-2, 1.0);
}

}  // namespace

TEST_CASE("cortex trainer: two threads take the same step as one") {
  cx::Trainer one(kShape, 1), two(kShape, 2);
  one.init(3);
  two.init(3);
  REQUIRE(two.threads() == 2);
  const Data d(1);
  for (int s = 0; s < 3; s++) CHECK(Step(two, d) == doctest::Approx(Step(one, d)).epsilon(1e-5));
  const std::vector<float>& a = one.model().params_memory;
  const std::vector<float>& b = two.model().params_memory;
  double worst = 0;
  for (std::size_t i = 0; i < a.size(); i++) worst = std::max(worst, double(std::fabs(a[i] - b[i])));
  CHECK(worst < 1e-5);
}

TEST_CASE("cortex trainer: evaluate changes neither parameters nor optimizer") {
  cx::Trainer t(kShape, 2);
  t.init(4);
  const Data d(2);
  const std::vector<float> before = t.model().params_memory;
  const float loss = t.evaluate(d.inputs.data(), d.targets.data(), d.B, d.T);
  CHECK(std::isfinite(loss));
  CHECK(loss == doctest::Approx(std::log(13.0)).epsilon(0.05));  // near uniform at init
  CHECK(t.model().params_memory == before);
  CHECK(t.steps_taken() == 0);
}

TEST_CASE("cortex trainer: resuming from a snapshot equals the unbroken run") {
  cx::Trainer unbroken(kShape, 2), first(kShape, 2);
  unbroken.init(5);
  first.init(5);
  const Data d1(3), d2(4);
  Step(unbroken, d1);
  Step(unbroken, d2);
  Step(first, d1);
  cx::Trainer resumed(kShape, 2);
  resumed.restore(cx::decode_checkpoint(cx::encode_checkpoint(first.snapshot()), "snapshot"));
  CHECK(resumed.steps_taken() == 1);
  Step(resumed, d2);
  CHECK(resumed.model().params_memory == unbroken.model().params_memory);

  cx::Config other = kShape;
  other.dim = 8;
  cx::Trainer wrong(other, 1);
  CHECK_THROWS(wrong.restore(first.snapshot()));
}
