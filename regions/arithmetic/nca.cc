#include "arithmetic/nca.h"

#include <Eigen/Core>

#include <cmath>
#include <numeric>
#include <stdexcept>

namespace brainhost::regions::arithmetic {
namespace {

template <typename T>
using Matrix = Eigen::Matrix<T, Eigen::Dynamic, Eigen::Dynamic, Eigen::RowMajor>;
template <typename T>
using RowVector = Eigen::Matrix<T, 1, Eigen::Dynamic>;

// The tensors in the flat buffer (nca.h's NcaConfig::parameter_count order); P is const T for
// the weights and T for their gradients.
template <typename P>
struct Tensors {
  using T = std::remove_const_t<P>;
  using M = std::conditional_t<std::is_const_v<P>, const Matrix<T>, Matrix<T>>;
  using V = std::conditional_t<std::is_const_v<P>, const RowVector<T>, RowVector<T>>;
  Eigen::Map<M> w1, w2, wo;
  Eigen::Map<V> b1, b2, bo;

  Tensors(const NcaConfig& c, P* p)
      : w1(p, c.hidden, c.perception()),
        w2(p + c.hidden * c.perception() + c.hidden, c.channels, c.hidden),
        wo(w2.data() + c.channels * c.hidden + c.channels, 10, c.channels),
        b1(w1.data() + w1.size(), c.hidden),
        b2(w2.data() + w2.size(), c.channels),
        bo(wo.data() + wo.size(), 10) {}
};

// One firing, as backpropagation needs it: the perception read, the hidden layer after relu,
// the state written.
template <typename T>
struct Firing {
  int cell;
  Matrix<T> in, hidden, out;
};

// A batch after its sweeps.
template <typename T>
struct Run {
  std::vector<Matrix<T>> state;               // per cell: B × C, after the sweeps
  std::vector<std::vector<Matrix<T>>> after;  // per sweep from `keep_from` on: every cell's state
  std::vector<Firing<T>> tape;                // every firing in order, when recorded
};

// Runs the order's sweeps from the start states (nca.h's Loss; empty: zero); keeps every cell's
// state at the end of each sweep from keep_from (0-based) on, and with record every firing.
template <typename T>
Run<T> Sweep(const NcaConfig& config, const std::vector<T>& params,
             std::span<const Cells> problems, const FiringOrder& order, std::span<const T> start,
             std::size_t keep_from, bool record) {
  const int B = static_cast<int>(problems.size()), C = config.channels;
  const Tensors<const T> w(config, params.data());
  std::vector<Matrix<T>> features(kCells, Matrix<T>::Zero(B, kFeatures));
  for (int i = 0; i < kCells; i++) {
    for (int n = 0; n < B; n++) {
      features[i](n, problems[n].a[i]) = 1;
      features[i](n, 10 + problems[n].b[i]) = 1;
      features[i](n, 20) = problems[n].subtract ? 1 : 0;
    }
  }
  Run<T> run;
  run.state.assign(kCells, Matrix<T>::Zero(B, C));
  if (!start.empty()) {
    if (start.size() != std::size_t(kCells) * B * C) throw std::invalid_argument("start states");
    for (int i = 0; i < kCells; i++) {
      run.state[i] = Eigen::Map<const Matrix<T>>(start.data() + std::size_t(i) * B * C, B, C);
    }
  }
  Matrix<T> in(B, config.perception());
  for (std::size_t k = 0; k < order.size(); k++) {
    for (int i : order[k]) {
      // Past the row's ends a neighbour reads as zero.
      if (i > 0) in.leftCols(C) = run.state[i - 1]; else in.leftCols(C).setZero();
      in.middleCols(C, C) = run.state[i];
      if (i + 1 < kCells) in.middleCols(2 * C, C) = run.state[i + 1];
      else in.middleCols(2 * C, C).setZero();
      in.rightCols(kFeatures) = features[i];
      Matrix<T> hidden = ((in * w.w1.transpose()).rowwise() + w.b1).cwiseMax(T(0));
      run.state[i] = ((hidden * w.w2.transpose()).rowwise() + w.b2).array().tanh().matrix();
      if (record) run.tape.push_back({i, in, std::move(hidden), run.state[i]});
    }
    if (k >= keep_from) run.after.push_back(run.state);
  }
  return run;
}

template <typename T>
Matrix<T> Logits(const Tensors<const T>& w, const Matrix<T>& state) {
  return (state * w.wo.transpose()).rowwise() + w.bo;
}

// Adds d loss / d params into g, given d loss / d logits for every cell at the end of each sweep
// from `from` on (logit_grads[k - from][cell], B × 10 each).
template <typename T>
void Backward(const Tensors<const T>& w, const Run<T>& run, std::size_t from,
              const std::vector<std::vector<Matrix<T>>>& logit_grads, Tensors<T>& g) {
  const int C = static_cast<int>(w.w2.rows());
  const std::size_t sweeps = run.tape.size() / kCells;
  // d loss / d (each cell's current state), walking the sweeps and their firings backwards.
  std::vector<Matrix<T>> d_state(kCells, Matrix<T>::Zero(run.state[0].rows(), C));
  for (std::size_t k = sweeps; k-- > 0;) {
    if (k >= from) {
      for (int i = 0; i < kCells; i++) {
        const Matrix<T>& d_logits = logit_grads[k - from][i];
        g.wo.noalias() += d_logits.transpose() * run.after[k - from][i];
        g.bo += d_logits.colwise().sum();
        d_state[i].noalias() += d_logits * w.wo;
      }
    }
    for (std::size_t at = (k + 1) * kCells; at-- > k * kCells;) {
      const Firing<T>& f = run.tape[at];
      const int i = f.cell;
      // The firing replaced the cell's state: the gradient goes on to the firing's inputs only.
      const Matrix<T> d_out = d_state[i].cwiseProduct((T(1) - f.out.array().square()).matrix());
      g.w2.noalias() += d_out.transpose() * f.hidden;
      g.b2 += d_out.colwise().sum();
      const Matrix<T> d_hidden =
          (d_out * w.w2).cwiseProduct((f.hidden.array() > T(0)).template cast<T>().matrix());
      g.w1.noalias() += d_hidden.transpose() * f.in;
      g.b1 += d_hidden.colwise().sum();
      const Matrix<T> d_in = d_hidden * w.w1;
      d_state[i] = d_in.middleCols(C, C);
      if (i > 0) d_state[i - 1] += d_in.leftCols(C);
      if (i + 1 < kCells) d_state[i + 1] += d_in.middleCols(2 * C, C);
    }
  }
}

}  // namespace

FiringOrder RandomOrder(int sweeps, std::mt19937_64& rng) {
  FiringOrder order(sweeps);
  for (std::array<int, kCells>& sweep : order) {
    std::iota(sweep.begin(), sweep.end(), 0);
    // Fisher-Yates with plain modulo, not std::shuffle: the same order for a seed on every
    // standard library.
    for (int i = kCells - 1; i > 0; i--) std::swap(sweep[i], sweep[rng() % (i + 1)]);
  }
  return order;
}

template <typename T>
Nca<T>::Nca(const NcaConfig& config) : Nca(config, std::vector<T>(config.parameter_count())) {}

template <typename T>
Nca<T>::Nca(const NcaConfig& config, std::vector<T> params)
    : config_(config), params_(std::move(params)) {
  if (!config_.valid() || params_.size() != config_.parameter_count()) {
    throw std::invalid_argument("automaton parameters do not match their shape");
  }
}

template <typename T>
std::vector<std::string> Nca<T>::Digits(std::span<const Cells> problems,
                                        const FiringOrder& order) const {
  const Run<T> run = Sweep(config_, params_, problems, order, {}, order.size(), false);
  const Tensors<const T> w(config_, params_.data());
  std::vector<std::string> digits(problems.size(), std::string(kCells, '0'));
  for (int i = 0; i < kCells; i++) {
    const Matrix<T> logits = Logits(w, run.state[i]);
    for (std::size_t n = 0; n < problems.size(); n++) {
      Eigen::Index best = 0;
      logits.row(static_cast<Eigen::Index>(n)).maxCoeff(&best);
      digits[n][kCells - 1 - i] = static_cast<char>('0' + best);
    }
  }
  return digits;
}

template <typename T>
std::string Nca<T>::Digits(const Cells& problem, const FiringOrder& order) const {
  return Digits(std::span<const Cells>(&problem, 1), order)[0];
}

template <typename T>
double Nca<T>::Loss(std::span<const Cells> problems, std::span<const Target> targets,
                    const FiringOrder& order, std::span<const T> start,
                    std::vector<T>* grads) const {
  if (targets.size() != problems.size()) throw std::invalid_argument("a target per problem");
  if (order.empty()) throw std::invalid_argument("at least one sweep");
  // Every sweep from the kCells-th on, when there are that many, else the last.
  const std::size_t from = std::min<std::size_t>(kCells, order.size()) - 1;
  const Run<T> run = Sweep(config_, params_, problems, order, start, from, grads != nullptr);
  const Tensors<const T> w(config_, params_.data());
  const Eigen::Index B = static_cast<Eigen::Index>(problems.size());
  const T share = T(1) / static_cast<T>(run.after.size());
  double loss = 0;
  std::vector<std::vector<Matrix<T>>> logit_grads(run.after.size(),
                                                  std::vector<Matrix<T>>(kCells));
  for (std::size_t k = 0; k < run.after.size(); k++) {
    for (int i = 0; i < kCells; i++) {
      const Matrix<T> logits = Logits(w, run.after[k][i]);
      Matrix<T>& d = logit_grads[k][i];
      d.resize(B, 10);
      for (Eigen::Index n = 0; n < B; n++) {
        const T top = logits.row(n).maxCoeff();
        d.row(n) = (logits.row(n).array() - top).exp().matrix();
        const T sum = d.row(n).sum();
        d.row(n) /= sum;
        const int want = targets[n][i];
        // log-softmax, which stays finite where the probability underflows
        loss -= static_cast<double>(share) *
                (static_cast<double>(logits(n, want) - top) - std::log(static_cast<double>(sum)));
        d(n, want) -= 1;
        d.row(n) *= share;
      }
    }
  }
  if (grads != nullptr) {
    if (grads->size() != params_.size()) throw std::invalid_argument("a gradient per parameter");
    Tensors<T> g(config_, grads->data());
    Backward(w, run, from, logit_grads, g);
  }
  return loss;
}

template class Nca<float>;
template class Nca<double>;

}  // namespace brainhost::regions::arithmetic
