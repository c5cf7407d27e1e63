// The hippo's core math (hippo/hippo_model.h): (1) finite-difference gradient checks in double of
// every parameter, shared and separate projections, with several memories voting for the same
// token, with and without the settling term; (2) the vote lands on the attended memory's
// target; (3) Adam on a toy store-and-retrieve task lowers the loss. Gradient-check tolerances
// are the cortex's (gradcheck.h).
#include <doctest/doctest.h>

#include <algorithm>
#include <cmath>
#include <random>
#include <string>
#include <vector>

#include "cortex/gradcheck.h"
#include "hippo/hippo_model.h"

namespace hp = brainhost::regions::hippo;
using brainhost::regions::cortex::testing::kGradTolerance;
using brainhost::regions::cortex::testing::max_relative_error;
using brainhost::regions::cortex::testing::random_normal;

namespace {

// Small shapes for the checks: every parameter is checked, so D·C is kept to a few dozen.
constexpr int kC = 6, kD = 4, kM = 5, kV = 7;

// settle: the settling set G (kM + 1, the sink's last), or null.
double gradient_check(bool shared, int target, const unsigned char* settle = nullptr) {
  hp::HippoConfig cfg;
  cfg.C = kC;
  cfg.D = kD;
  cfg.shared = shared;
  cfg.age_scale = 16;  // ages of a few dozen tokens then move the scores by O(1)
  hp::HippoModel<double> model(cfg, 11);
  // Non-zero scalars so every term of the score and the vote is exercised.
  *model.p().ws = 0.7;
  *model.p().wr = 1.3;
  *model.p().sink = 0.4;
  *model.p().gain = 2.5;
  const std::vector<double> h = random_normal(kM * kC, 1), hq = random_normal(kC, 2),
                            logits = random_normal(kV, 3);
  const std::vector<double> surprise = {0.5, 3.0, 1.2, 7.5, 0.1}, age = {0, 5, 40, 12, 3};
  const std::vector<int> targets = {2, 5, 2, 0, 2};  // three memories vote for token 2
  const std::vector<int> tokens = {4, 1, 3, 1, 6};   // two memories continue token 1
  *model.p().wc = 0.9;
  hp::HippoInput<double> in{kM, h.data(), surprise.data(), age.data(), tokens.data(),
                            targets.data(), hq.data(), 1, kV, logits.data(), target};
  in.settle = settle;
  in.settle_weight = 1.7;
  model.zero_grad();
  model.forward(in);
  model.backward();
  const std::vector<double> analytic = model.gradients();
  return max_relative_error(model.parameters(), analytic, [&] { return model.forward(in); });
}

hp::HippoInput<float> make_input(int M, const std::vector<float>& h, const std::vector<float>& s,
                                 const std::vector<float>& a, const std::vector<int>& t,
                                 const std::vector<float>& hq, const std::vector<float>& logits,
                                 int target) {
  static const std::vector<int> none(4096, -1);  // no memory's token is the query's
  return {M, h.data(), s.data(), a.data(), none.data(), t.data(), hq.data(), 0,
          static_cast<int>(logits.size()), logits.data(), target};
}

}  // namespace

TEST_CASE("hippo parameter count: ~6K shared at the default shape") {
  hp::HippoConfig cfg;
  CHECK(cfg.parameter_count() == 48 * 128 + 5);  // 6,149
  cfg.shared = false;
  cfg.D = 64;
  CHECK(cfg.parameter_count() == 2 * 64 * 128 + 5);  // 16,389
  hp::HippoModel<float> model(cfg, 1);
  CHECK(model.p().wq == model.p().wk + 64 * 128);
  CHECK(*model.p().gain == 1.0f);
}

TEST_CASE("hippo gradient: every parameter, shared projection") {
  // Target 2 is voted for by three memories; target 4 by none (only the softmax's pull).
  for (int target : {2, 4}) {
    const double err = gradient_check(true, target);
    MESSAGE("shared, target " << target << ": max rel err " << err);
    CHECK(err < kGradTolerance);
  }
}

TEST_CASE("hippo gradient: every parameter, separate key and query projections") {
  for (int target : {2, 4}) {
    const double err = gradient_check(false, target);
    MESSAGE("unshared, target " << target << ": max rel err " << err);
    CHECK(err < kGradTolerance);
  }
}

TEST_CASE("hippo gradient: every parameter, with the read's settling term") {
  // A value's memories (1 and 3) where a recall must start; the sink and the rest where the
  // read must abstain.
  const unsigned char recall[kM + 1] = {0, 1, 0, 1, 0, 0}, abstain[kM + 1] = {1, 0, 1, 0, 1, 1};
  for (const unsigned char* settle : {recall, abstain}) {
    for (bool shared : {true, false}) {
      const double err = gradient_check(shared, 2, settle);
      const std::string set = settle == recall ? "recall" : "abstain";
      MESSAGE(set << ", shared " << shared << ": max rel err " << err);
      CHECK(err < kGradTolerance);
    }
  }
}

TEST_CASE("hippo settling on a set the read has all but left: a finite loss and gradient") {
  // Memory 0 scores 200 nats below the sink: its share underflows a float, its log does not.
  hp::HippoModel<float> model(hp::HippoConfig{}, 3);
  *model.p().ws = 1;
  const std::vector<float> logits = {0.0f, 1.0f, 2.0f}, states(2 * 128, 0.0f), hq(128, 1.0f);
  const std::vector<float> surprise = {-200.0f, 0.0f}, age = {0.0f, 0.0f};
  const std::vector<int> targets = {1, 2}, tokens = {-1, -1};
  const unsigned char settle[3] = {1, 0, 0};
  hp::HippoInput<float> in{2,       states.data(), surprise.data(), age.data(), tokens.data(),
                           targets.data(), hq.data(), 0, 3, logits.data(), 1};
  in.settle = settle;
  model.zero_grad();
  const float loss = model.forward(in);
  CHECK(std::isfinite(loss));
  CHECK(loss > 190.0f);
  model.backward();
  const std::vector<float>& g = model.gradients();
  CHECK(std::all_of(g.begin(), g.end(), [](float x) { return std::isfinite(x); }));
  // Descent lowers the surprise weight, which raises memory 0's score (its surprise is < 0).
  CHECK(*model.dp().ws > 190.0f);
}

TEST_CASE("hippo with no memories: the cortex's loss and zero gradients") {
  hp::HippoModel<double> model(hp::HippoConfig{}, 3);
  const std::vector<double> logits = {0.0, 1.0, 2.0}, hq = random_normal(128, 4);
  hp::HippoInput<double> in{0,       nullptr, nullptr, nullptr, nullptr,
                            nullptr, hq.data(), 0,       3,       logits.data(), 1};
  const double loss = model.forward(in);
  CHECK(loss == doctest::Approx(-1.0 + std::log(1.0 + std::exp(1.0) + std::exp(2.0))));
  model.backward();
  const std::vector<double>& g = model.gradients();
  CHECK(std::all_of(g.begin(), g.end(), [](double x) { return x == 0.0; }));
}

TEST_CASE("hippo vote: a query equal to a memory's state makes its target the argmax") {
  // Shared projection at init: k_j·q = |W h_j|² ≈ D while the other scores are ≈ N(0, D),
  // so after the 1/sqrt(D) the attended memory leads by ~sqrt(D) ≈ 7 nats.
  constexpr int M = 20, C = 128, V = 50;
  hp::HippoModel<float> model(hp::HippoConfig{}, 5);
  *model.p().gain = 20;  // loud enough to beat the cortex's random preferences
  std::mt19937 rng(9);
  std::normal_distribution<float> n01;
  std::vector<float> h(M * C), s(M, 1.0f), a(M), logits(V);
  std::vector<int> t(M);
  for (float& x : h) x = n01(rng);
  for (float& x : logits) x = n01(rng);
  for (int i = 0; i < M; i++) {
    t[i] = (7 * i + 3) % V;  // distinct
    a[i] = static_cast<float>(M - i);
  }
  for (int j : {0, 7, 19}) {
    const std::vector<float> hq(h.begin() + j * C, h.begin() + (j + 1) * C);
    std::vector<float> bias(V, 0.0f), p(M + 1);
    model.read(bias.data(), p.data(), make_input(M, h, s, a, t, hq, logits, 0));
    CHECK(std::max_element(p.begin(), p.end()) - p.begin() == j);
    CHECK(p[j] > 0.8f);  // the other memories and the sink share the rest
    for (int v = 0; v < V; v++) logits[v] += bias[v];
    CHECK(std::max_element(logits.begin(), logits.end()) - logits.begin() == t[j]);
    for (int v = 0; v < V; v++) logits[v] -= bias[v];
  }
}

TEST_CASE("hippo learns a toy store-and-retrieve task") {
  // Each episode: M random memory states with random targets, the query a noisy copy of one of
  // them, the true next token that memory's target, and random cortex logits that know nothing.
  // The hippo must learn to trust its read (gain up) and sharpen it (W up).
  constexpr int M = 16, C = 128, V = 64, kSteps = 300, kEval = 64;
  constexpr float kNoise = 0.7f;
  hp::HippoModel<float> model(hp::HippoConfig{}, 21);
  std::mt19937 rng(13);
  std::normal_distribution<float> n01;
  std::uniform_int_distribution<int> tok(0, V - 1), mem(0, M - 1), ages(0, 300);
  struct Episode {
    std::vector<float> h, s, a, hq, logits;
    std::vector<int> t;
    int target;
  };
  auto episode = [&] {
    Episode e{std::vector<float>(M * C), std::vector<float>(M), std::vector<float>(M),
              std::vector<float>(C), std::vector<float>(V), std::vector<int>(M), 0};
    for (float& x : e.h) x = n01(rng);
    for (int i = 0; i < M; i++) {
      e.s[i] = std::abs(n01(rng)) * 3;
      e.a[i] = static_cast<float>(ages(rng));
      e.t[i] = tok(rng);
    }
    for (float& x : e.logits) x = n01(rng);
    const int j = mem(rng);
    for (int c = 0; c < C; c++) e.hq[c] = e.h[j * C + c] + kNoise * n01(rng);
    e.target = e.t[j];
    return e;
  };
  std::vector<Episode> eval;
  for (int i = 0; i < kEval; i++) eval.push_back(episode());
  auto eval_loss = [&] {
    double sum = 0;
    for (const Episode& e : eval)
      sum += model.forward(make_input(M, e.h, e.s, e.a, e.t, e.hq, e.logits, e.target));
    return sum / kEval;
  };
  const double before = eval_loss();
  // Adam, batch 8, lr 0.02: plain and enough at 6K parameters.
  const float lr = 0.02f, b1 = 0.9f, b2 = 0.999f, eps = 1e-8f;
  std::vector<float>& w = model.parameters();
  const std::vector<float>& g = model.gradients();
  std::vector<float> m1(w.size(), 0.0f), m2(w.size(), 0.0f);
  for (int step = 1; step <= kSteps; step++) {
    model.zero_grad();
    for (int b = 0; b < 8; b++) {
      const Episode e = episode();
      model.forward(make_input(M, e.h, e.s, e.a, e.t, e.hq, e.logits, e.target));
      model.backward();
    }
    const float c1 = 1 - std::pow(b1, static_cast<float>(step));
    const float c2 = 1 - std::pow(b2, static_cast<float>(step));
    for (std::size_t i = 0; i < w.size(); i++) {
      const float gi = g[i] / 8;
      m1[i] = b1 * m1[i] + (1 - b1) * gi;
      m2[i] = b2 * m2[i] + (1 - b2) * gi * gi;
      w[i] -= lr * (m1[i] / c1) / (std::sqrt(m2[i] / c2) + eps);
    }
  }
  const double after = eval_loss();
  MESSAGE("toy retrieval: eval loss " << before << " -> " << after << " nats, gain "
                                      << *model.p().gain);
  CHECK(after < before - 2.0);
  CHECK(after < 1.0);
}
