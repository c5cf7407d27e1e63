// Training the arithmetic automaton (nca.h): random problems with their true digits, and
// backpropagation through the sweeps with Adam.
//
// Each step draws a batch of sums and differences of operands of 1 to 7 digits, a share of them
// with long carry or borrow chains (9 + 0 in every place, equal digits), which uniform draws
// rarely give and a rule must get right. The batch runs a random number of sweeps between
// min_sweeps and max_sweeps in one random firing order, half the batches from random states
// rather than zero, and the loss is every cell's digit at the end of every sweep from the eighth
// on: so the row must settle on the answer once the carry can have crossed it, whatever the order
// and wherever it started, and stay there. (Trained from zero and scored at the last sweep only,
// a few answers in 100,000 drifted away after they were right, or settled wrong in some orders.)
// Every mine_every steps the automaton is tried on fresh problems, and the ones it gets wrong
// join a pool that makes up hard_share of later batches: at 99.9% exact, the last mistakes are
// too rare for random batches to find. The batch is split over threads, each with its own
// gradient, summed in a fixed order: a seed gives the same weights for the same build.
//
// This file computes true results to make the targets; nothing on the answer path does.
#pragma once

#include <cstdint>
#include <functional>
#include <random>
#include <vector>

#include "arithmetic/nca.h"

namespace brainhost::regions::arithmetic {

struct Problem {
  Cells cells;
  Target target;
};

// REQUIRES: a, b < 10^7. A difference below zero is the ten's complement in eight digits.
Problem MakeProblem(std::uint64_t a, std::uint64_t b, bool subtract);
// A number of exactly `digits` digits (1..7), uniform.
std::uint64_t RandomNumber(int digits, std::mt19937_64& rng);
// Training draws: operand lengths 1..7 each, either operation, chain_share with long chains.
std::vector<Problem> RandomProblems(std::size_t n, double chain_share, std::mt19937_64& rng);

// The share of problems whose every cell is right after `sweeps` sweeps, each batch of 256 in a
// fresh random order.
double ExactShare(const Nca<float>& nca, const std::vector<Problem>& problems, int sweeps,
                  std::mt19937_64& rng);

struct NcaTrainOptions {
  int steps = 6000;
  int batch = 256;
  double lr = 2e-3;  // peak; cosine to a tenth
  int min_sweeps = kCells;
  int max_sweeps = 24;
  double chain_share = 0.3;
  int mine_every = 50;
  int mine_problems = 2048;
  double hard_share = 0.25;
  int threads = 2;
  std::uint64_t seed = 1;
};

struct NcaStep {
  int step;        // 1-based
  double loss;     // mean cross-entropy per cell of this batch
  double lr;
};

// Initialises an automaton of the given shape from the seed and trains it; after_step sees every
// step (for progress and the log).
Nca<float> TrainNca(const NcaConfig& config, const NcaTrainOptions& options,
                    const std::function<void(const Nca<float>&, const NcaStep&)>& after_step);

}  // namespace brainhost::regions::arithmetic
