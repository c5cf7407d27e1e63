// The automaton (arithmetic/nca.h): its hand-written backward pass against central finite
// differences in double, firing orders, a small automaton that learns to add, and the weights
// file's checks.
#include <doctest/doctest.h>

#include <algorithm>
#include <cmath>
#include <filesystem>
#include <stdexcept>

#include "arithmetic/nca.h"
#include "arithmetic/nca_file.h"
#include "arithmetic/nca_training.h"
#include "temp_dir.h"

namespace brainhost::regions::arithmetic {
namespace {

NcaConfig Small() {
  NcaConfig c;
  c.channels = 3;
  c.hidden = 5;
  c.sweeps = kCells;
  return c;
}

std::vector<double> RandomParams(const NcaConfig& c, std::uint64_t seed) {
  std::mt19937_64 rng(seed);
  std::vector<double> p(c.parameter_count());
  for (double& x : p) x = (static_cast<double>(rng() % 20001) / 10000.0 - 1.0) * 0.8;
  return p;
}

TEST_CASE("the automaton's gradient matches finite differences in double") {
  const NcaConfig c = Small();
  Nca<double> nca(c, RandomParams(c, 3));
  std::mt19937_64 rng(5);
  std::vector<Cells> cells;
  std::vector<Target> targets;
  for (const Problem& p : RandomProblems(3, 0.5, rng)) {
    cells.push_back(p.cells);
    targets.push_back(p.target);
  }
  const FiringOrder order = RandomOrder(c.sweeps + 1, rng);
  // From random states, as half of training starts.
  std::vector<double> start(kCells * cells.size() * c.channels);
  for (double& x : start) x = static_cast<double>(rng() % 2001) / 1000.0 - 1.0;
  std::vector<double> grads(c.parameter_count(), 0.0);
  nca.Loss(cells, targets, order, start, &grads);
  double worst = 0;
  for (std::size_t i = 0; i < grads.size(); i++) {
    const double keep = nca.params()[i], h = 1e-6;
    nca.params()[i] = keep + h;
    const double up = nca.Loss(cells, targets, order, start, nullptr);
    nca.params()[i] = keep - h;
    const double down = nca.Loss(cells, targets, order, start, nullptr);
    nca.params()[i] = keep;
    const double numeric = (up - down) / (2 * h);
    const double error = std::abs(numeric - grads[i]) / std::max(1.0, std::abs(numeric));
    worst = std::max(worst, error);
  }
  CHECK(worst < 1e-5);
}

TEST_CASE("each sweep fires every cell once") {
  std::mt19937_64 rng(1);
  const FiringOrder order = RandomOrder(50, rng);
  REQUIRE(order.size() == 50u);
  bool varied = false;
  for (const auto& sweep : order) {
    auto sorted = sweep;
    std::sort(sorted.begin(), sorted.end());
    for (int i = 0; i < kCells; i++) CHECK(sorted[i] == i);
    varied = varied || sweep != order[0];
  }
  CHECK(varied);
}

TEST_CASE("the targets are the true digits, a negative difference in ten's complement") {
  const Problem sum = MakeProblem(9999999, 1, false);
  CHECK(sum.target == Target{0, 0, 0, 0, 0, 0, 0, 1});
  const Problem difference = MakeProblem(3, 5, true);
  CHECK(difference.target == Target{8, 9, 9, 9, 9, 9, 9, 9});
  CHECK(difference.cells.a[0] == 3);
  CHECK(difference.cells.b[0] == 5);
  CHECK(difference.cells.subtract);
}

TEST_CASE("a small automaton's loss halves in a few hundred steps") {
  NcaConfig c;
  c.channels = 8;
  c.hidden = 48;
  NcaTrainOptions o;
  o.steps = 300;
  o.batch = 64;
  o.lr = 5e-3;
  o.seed = 2;
  double first = 0, last = 0;
  const Nca<float> nca = TrainNca(c, o, [&](const Nca<float>&, const NcaStep& s) {
    if (s.step == 1) first = s.loss;
    last = s.loss;
  });
  CHECK(first > 2.0);  // about ln 10 at the start
  CHECK(last < first / 2);
}

TEST_CASE("a seed trains the same weights, and another seed others") {
  NcaConfig c;
  c.channels = 4;
  c.hidden = 16;
  NcaTrainOptions o;
  o.steps = 40;
  o.batch = 32;
  o.mine_every = 10;
  o.mine_problems = 64;
  auto train = [&](std::uint64_t seed) {
    o.seed = seed;
    return TrainNca(c, o, [](const Nca<float>&, const NcaStep&) {}).params();
  };
  const std::vector<float> first = train(9);
  CHECK(train(9) == first);
  CHECK(train(10) != first);
}

TEST_CASE("the weights file round-trips and refuses a corrupt or foreign file") {
  test::TempDir dir;
  const NcaConfig c = Small();
  std::vector<float> params(c.parameter_count());
  for (std::size_t i = 0; i < params.size(); i++) params[i] = 0.01f * static_cast<float>(i);
  const Nca<float> nca(c, params);
  const std::string path = (dir.path() / "nca.bin").string();
  SaveNca(nca, path);
  const Nca<float> loaded = LoadNca(path);
  CHECK(loaded.config().channels == 3);
  CHECK(loaded.params() == params);

  std::string bytes = EncodeNca(nca);
  bytes[40] ^= 1;
  CHECK_THROWS_WITH_AS(DecodeNca(bytes, "x.bin"), doctest::Contains("checksum"),
                       std::runtime_error);
  CHECK_THROWS_WITH_AS(DecodeNca(bytes.substr(0, 30), "x.bin"), doctest::Contains("x.bin"),
                       std::runtime_error);
  CHECK_THROWS_WITH_AS(DecodeNca("BHHIPPO", "x.bin"), doctest::Contains("magic"),
                       std::runtime_error);
}

}  // namespace
}  // namespace brainhost::regions::arithmetic
