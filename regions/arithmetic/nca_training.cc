#include "arithmetic/nca_training.h"

#include <algorithm>
#include <cmath>
#include <stdexcept>
#include <thread>

#include "optim/adam.h"

namespace brainhost::regions::arithmetic {
namespace {

constexpr std::uint64_t kRowModulus = 100'000'000;  // eight cells

std::array<std::uint8_t, kCells> DigitsOf(std::uint64_t value) {
  std::array<std::uint8_t, kCells> digits{};
  for (int i = 0; i < kCells; i++, value /= 10) digits[i] = static_cast<std::uint8_t>(value % 10);
  return digits;
}

std::uint64_t ValueOf(const std::array<std::uint8_t, kCells>& digits) {
  std::uint64_t value = 0;
  for (int i = kCells - 1; i >= 0; i--) value = value * 10 + digits[i];
  return value;
}

// Uniform in [0, 1) from the engine's top 53 bits (the same numbers on every library).
double Uniform(std::mt19937_64& rng) { return static_cast<double>(rng() >> 11) * 0x1.0p-53; }

// Normal(0, 1) by Box-Muller.
double Normal(std::mt19937_64& rng) {
  const double u = Uniform(rng) + 0x1.0p-54;
  const double v = Uniform(rng);
  return std::sqrt(-2 * std::log(u)) * std::cos(2 * 3.141592653589793 * v);
}

// Weights ~ N(0, 1/fan_in), biases zero.
std::vector<float> Initial(const NcaConfig& c, std::mt19937_64& rng) {
  std::vector<float> p;
  p.reserve(c.parameter_count());
  auto matrix = [&](int rows, int cols) {
    for (int i = 0; i < rows * cols; i++) {
      p.push_back(static_cast<float>(Normal(rng) / std::sqrt(double(cols))));
    }
    p.insert(p.end(), rows, 0.0f);
  };
  matrix(c.hidden, c.perception());
  matrix(c.channels, c.hidden);
  matrix(10, c.channels);
  return p;
}

// The problems the automaton gets a digit of wrong, each batch of 256 run for sweeps() sweeps in
// a fresh random order.
std::vector<Problem> Mistakes(const Nca<float>& nca, const std::vector<Problem>& problems,
                              const std::function<int()>& sweeps, std::mt19937_64& rng) {
  constexpr std::size_t kChunk = 256;
  std::vector<Problem> wrong;
  for (std::size_t at = 0; at < problems.size(); at += kChunk) {
    const std::size_t end = std::min(problems.size(), at + kChunk);
    std::vector<Cells> cells;
    for (std::size_t i = at; i < end; i++) cells.push_back(problems[i].cells);
    const std::vector<std::string> digits = nca.Digits(cells, RandomOrder(sweeps(), rng));
    for (std::size_t i = at; i < end; i++) {
      for (int c = 0; c < kCells; c++) {
        if (digits[i - at][kCells - 1 - c] != '0' + problems[i].target[c]) {
          wrong.push_back(problems[i]);
          break;
        }
      }
    }
  }
  return wrong;
}

}  // namespace

Problem MakeProblem(std::uint64_t a, std::uint64_t b, bool subtract) {
  Problem p;
  p.cells.a = DigitsOf(a);
  p.cells.b = DigitsOf(b);
  p.cells.subtract = subtract;
  p.target = DigitsOf(subtract ? (a + kRowModulus - b) % kRowModulus : a + b);
  return p;
}

std::uint64_t RandomNumber(int digits, std::mt19937_64& rng) {
  std::uint64_t low = 1;
  for (int i = 1; i < digits; i++) low *= 10;
  const std::uint64_t lowest = digits == 1 ? 0 : low;
  return lowest + rng() % (low * 10 - lowest);
}

std::vector<Problem> RandomProblems(std::size_t n, double chain_share, std::mt19937_64& rng) {
  std::vector<Problem> problems;
  problems.reserve(n);
  for (std::size_t k = 0; k < n; k++) {
    const bool subtract = rng() % 2 == 1;
    const int la = 1 + static_cast<int>(rng() % kOperandDigits);
    const int lb = 1 + static_cast<int>(rng() % kOperandDigits);
    std::uint64_t a = RandomNumber(la, rng), b = RandomNumber(lb, rng);
    if (Uniform(rng) < chain_share) {
      // A run of places where the carry (9 + 0, 4 + 5) or the borrow (equal digits) passes on.
      std::array<std::uint8_t, kCells> da = DigitsOf(a), db = DigitsOf(b);
      const int span = std::min(la, lb);
      const int lo = static_cast<int>(rng() % span);
      for (int i = lo; i < span; i++) {
        db[i] = static_cast<std::uint8_t>(subtract ? da[i] : 9 - da[i]);
      }
      if (lb > 1 && db[lb - 1] == 0) db[lb - 1] = 1;  // keep b's length
      b = ValueOf(db);
    }
    problems.push_back(MakeProblem(a, b, subtract));
  }
  return problems;
}

double ExactShare(const Nca<float>& nca, const std::vector<Problem>& problems, int sweeps,
                  std::mt19937_64& rng) {
  const std::size_t wrong = Mistakes(nca, problems, [&] { return sweeps; }, rng).size();
  if (problems.empty()) return 0;
  return 1 - static_cast<double>(wrong) / static_cast<double>(problems.size());
}

Nca<float> TrainNca(const NcaConfig& config, const NcaTrainOptions& o,
                    const std::function<void(const Nca<float>&, const NcaStep&)>& after_step) {
  if (o.steps < 1 || o.batch < o.threads || o.threads < 1 || o.min_sweeps < kCells ||
      o.max_sweeps < o.min_sweeps) {
    throw std::invalid_argument(
        "training needs steps >= 1, a batch of at least one problem per thread, and sweeps of "
        "at least the row's length");
  }
  std::mt19937_64 rng(o.seed);
  Nca<float> nca(config, Initial(config, rng));
  optim::Adam adam(config.parameter_count());
  std::vector<std::vector<float>> grads(o.threads);
  std::vector<double> losses(o.threads);
  auto random_sweeps = [&] {
    return o.min_sweeps + static_cast<int>(rng() % (o.max_sweeps - o.min_sweeps + 1));
  };
  constexpr std::size_t kPoolSize = 4096;
  std::vector<Problem> hard;  // mistakes found by mining, the oldest replaced first
  std::size_t hard_next = 0;
  for (int step = 0; step < o.steps; step++) {
    if (o.mine_every > 0 && step > 0 && step % o.mine_every == 0) {
      const std::vector<Problem> fresh = RandomProblems(o.mine_problems, o.chain_share, rng);
      for (const Problem& p : Mistakes(nca, fresh, random_sweeps, rng)) {
        if (hard.size() < kPoolSize) {
          hard.push_back(p);
        } else {
          hard[hard_next++ % kPoolSize] = p;
        }
      }
    }
    std::vector<Problem> batch = RandomProblems(o.batch, o.chain_share, rng);
    if (!hard.empty()) {
      const std::size_t from_pool = static_cast<std::size_t>(o.hard_share * o.batch);
      for (std::size_t i = 0; i < from_pool; i++) batch[i] = hard[rng() % hard.size()];
    }
    const int sweeps = random_sweeps();
    const FiringOrder order = RandomOrder(sweeps, rng);
    // Half the batches start from random states, so no answer may depend on where the cells
    // started: a rule that remembers its own past can settle on a wrong answer in some orders.
    const bool random_start = rng() % 2 == 1;
    std::vector<std::vector<float>> starts(o.threads);
    for (int t = 0; t < o.threads && random_start; t++) {
      const std::size_t n = batch.size() * (t + 1) / o.threads - batch.size() * t / o.threads;
      starts[t].resize(kCells * n * config.channels);
      for (float& x : starts[t]) x = static_cast<float>(Uniform(rng) * 2 - 1);
    }
    std::vector<std::thread> threads;
    for (int t = 0; t < o.threads; t++) {
      threads.emplace_back([&, t] {
        const std::size_t lo = batch.size() * t / o.threads;
        const std::size_t hi = batch.size() * (t + 1) / o.threads;
        std::vector<Cells> cells;
        std::vector<Target> targets;
        for (std::size_t i = lo; i < hi; i++) {
          cells.push_back(batch[i].cells);
          targets.push_back(batch[i].target);
        }
        grads[t].assign(config.parameter_count(), 0.0f);
        losses[t] = nca.Loss(cells, targets, order, starts[t], &grads[t]);
      });
    }
    for (std::thread& th : threads) th.join();
    const double per_cell = 1.0 / (double(o.batch) * kCells);
    double loss = 0;
    for (int t = 0; t < o.threads; t++) {
      loss += losses[t];
      if (t > 0) {
        for (std::size_t i = 0; i < grads[0].size(); i++) grads[0][i] += grads[t][i];
      }
    }
    for (float& g : grads[0]) g = static_cast<float>(g * per_cell);
    const double lr = o.lr * (0.55 + 0.45 * std::cos(3.141592653589793 * step / o.steps));
    adam.step(nca.params(), grads[0], lr);
    after_step(nca, {step + 1, loss * per_cell, lr});
  }
  return nca;
}

}  // namespace brainhost::regions::arithmetic
