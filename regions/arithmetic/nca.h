// The arithmetic region's neural cellular automaton: a row of digit cells that adds or subtracts
// two numbers of up to seven digits by a local rule it learnt (issue 7).
//
// Cell i (0 = the ones) holds a fixed part, the operands' digits a_i and b_i one-hot and the
// operation (kFeatures values), and a state of C channels, zero at the start. A cell that fires
// reads its own state, its two neighbours' (zero past the row's ends) and its fixed part, and
// replaces its state:
//
//   s_i = tanh(W2 relu(W1 [s_{i-1}, s_i, s_{i+1}, x_i] + b1) + b2)
//
// The cells fire asynchronously: each sweep fires every cell once in a fresh random order, and a
// cell sees the new state of a neighbour that fired before it. After the sweeps each cell's digit
// is read off its state, the argmax of Wo s_i + bo. The row has a cell more than the operands'
// seven digits; its digit is the carry out of a sum (1: the sum needs eight digits) or the borrow
// out of a difference (9: the ten's complement of a negative one).
//
// Nothing here knows what a digit means: the rule is in the weights, trained by backpropagation
// through the sweeps (nca_training.h). The math is templated on the scalar so that the gradient
// can be checked in double; the region runs float. No Eigen type crosses this interface: the
// library is built for AVX2 and FMA alone (CMakeLists.txt).
#pragma once

#include <array>
#include <cstdint>
#include <random>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace brainhost::regions::arithmetic {

constexpr int kCells = 8;           // seven digits and the carry
constexpr int kOperandDigits = kCells - 1;
constexpr int kFeatures = 10 + 10 + 1;  // a_i one-hot, b_i one-hot, subtract

struct NcaConfig {
  int channels = 20;  // C
  int hidden = 256;   // H
  int sweeps = 16;    // at inference; carrying through eight cells takes at most eight

  int perception() const { return 3 * channels + kFeatures; }
  // W1 (H × P), b1, W2 (C × H), b2, Wo (10 × C), bo, in that order in the buffer.
  std::size_t parameter_count() const {
    return std::size_t(hidden) * perception() + hidden + std::size_t(channels) * hidden +
           channels + 10 * std::size_t(channels) + 10;
  }
  bool valid() const {
    return channels > 0 && hidden > 0 && sweeps >= kCells && channels <= 4096 && hidden <= 65536 &&
           sweeps <= 1024;
  }
};

// One problem as cells: digits ones first, zero past an operand's length.
struct Cells {
  std::array<std::uint8_t, kCells> a{}, b{};
  bool subtract = false;
};

// Each sweep's firing order: sweeps × kCells, every row a permutation of the cells.
using FiringOrder = std::vector<std::array<int, kCells>>;
FiringOrder RandomOrder(int sweeps, std::mt19937_64& rng);

// The true result's digit for each cell, ones first: what training asks of the row.
using Target = std::array<std::uint8_t, kCells>;

template <typename T>
class Nca {
 public:
  // Zero parameters.
  explicit Nca(const NcaConfig& config);
  Nca(const NcaConfig& config, std::vector<T> params);

  const NcaConfig& config() const { return config_; }
  std::vector<T>& params() { return params_; }
  const std::vector<T>& params() const { return params_; }

  // The rows' digits read off after the order's sweeps, the carry cell first ("00000042"). Every
  // problem of a batch fires in the same order.
  std::vector<std::string> Digits(std::span<const Cells> problems, const FiringOrder& order) const;
  std::string Digits(const Cells& problem, const FiringOrder& order) const;

  // The cross-entropy of every cell's digit against the targets, summed over cells and problems
  // and averaged over the ends of the sweeps from the kCells-th on (the carry can have crossed
  // the row by then, and the answer must stay); with grads, also adds its gradient by
  // backpropagation through every firing. start: the cells' states before the first sweep,
  // cell by cell, problem by problem (kCells × B × C), or empty for zero as at inference.
  // REQUIRES: targets.size() == problems.size(); grads->size() == parameter_count().
  double Loss(std::span<const Cells> problems, std::span<const Target> targets,
              const FiringOrder& order, std::span<const T> start, std::vector<T>* grads) const;

 private:
  NcaConfig config_;
  std::vector<T> params_;
};

}  // namespace brainhost::regions::arithmetic
