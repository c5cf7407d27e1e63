// The whole cortex model: shape arithmetic, and a finite-difference check in double precision of
// the gradient of the mean cross-entropy with respect to EVERY parameter of a tiny model (vocab
// 11, dim 8, 2 layers, 2 heads, hidden 16, context 6, batch 2 × 6), which exercises the tied
// embedding/head, RoPE, the causal attention and SwiGLU together. Tolerance: 1e-5 relative.
#include <doctest/doctest.h>

#include <cmath>
#include <vector>

#include "cortex/config.h"
#include "cortex/model.h"
#include "gradcheck.h"

namespace cx = brainhost::regions::cortex;
using cx::testing::kGradTolerance;
using cx::testing::max_relative_error;

namespace {

cx::Config tiny_config() {
  cx::Config cfg;
  cfg.vocab = 11;
  cfg.dim = 8;
  cfg.layers = 2;
  cfg.heads = 2;
  cfg.hidden = 16;
  cfg.context = 6;
  return cfg;
}

// A model whose weights are large enough (std 0.3, gains 1 ± 0.2) that every gradient is far
// from the finite-difference noise floor.
void randomise(cx::Model<double>& model, unsigned seed) {
  const auto sizes = cx::parameter_sizes(model.config);
  std::vector<double> noise = cx::testing::random_normal(model.params_memory.size(), seed);
  std::size_t i = 0;
  for (int t = 0; t < cx::kNumParameterTensors; t++) {
    const bool gain = !cx::is_decayed(cx::ParameterTensor(t));
    for (std::size_t j = 0; j < sizes[t]; j++, i++) {
      model.params_memory[i] = gain ? 1.0 + 0.2 * noise[i] : 0.3 * noise[i];
    }
  }
}

}  // namespace

TEST_CASE("cortex config: default shape and parameter count") {
  const cx::Config cfg;
  CHECK(cfg.valid());
  CHECK(cfg.hidden == cx::Config::default_hidden(cfg.dim));
  CHECK(cfg.hidden == 352);
  CHECK(cfg.head_size() == 32);
  // V·C + L·(2C + 4C² + 3HC) + C = 524288 + 8·200960 + 128
  CHECK(cx::parameter_count(cfg) == 2'132'096);
  CHECK(cx::parameter_count(tiny_config()) == 11 * 8 + 2 * (2 * 8 + 4 * 64 + 3 * 16 * 8) + 8);
  cx::Config odd = cfg;
  odd.heads = 5;
  CHECK_FALSE(odd.valid());
}

TEST_CASE("cortex model: initial loss is about ln V and init is deterministic") {
  cx::Config cfg = tiny_config();
  cfg.vocab = 64;
  cx::Model<float> a(cfg), b(cfg);
  a.init(42);
  b.init(42);
  CHECK(a.params_memory == b.params_memory);
  std::vector<int> tokens = {1, 5, 9, 60, 3, 7, 2, 2, 40, 41, 42, 43};
  std::vector<int> targets = {5, 9, 60, 3, 7, 8, 2, 40, 41, 42, 43, 0};
  const float loss = a.forward(tokens.data(), targets.data(), 2, 6);
  CHECK(loss == doctest::Approx(std::log(64.0)).epsilon(0.02));
  CHECK(std::isnan(a.forward(tokens.data(), nullptr, 2, 6)));
}

TEST_CASE("cortex model gradient: every parameter of a tiny model, double precision") {
  const cx::Config cfg = tiny_config();
  cx::Model<double> model(cfg);
  randomise(model, 3);
  const int B = 2, T = 6;
  const std::vector<int> tokens = {1, 4, 1, 9, 10, 0, 3, 3, 7, 2, 5, 1};  // (B, T)
  const std::vector<int> targets = {4, 1, 9, 10, 0, 2, 3, 7, 2, 5, 1, 8};
  model.forward(tokens.data(), targets.data(), B, T);
  model.zero_grad();
  model.backward();
  const std::vector<double> analytic = model.grads_memory;

  auto loss = [&] { return double(model.forward(tokens.data(), targets.data(), B, T)); };
  const double err = max_relative_error(model.params_memory, analytic, loss);
  MESSAGE("whole model, all " << analytic.size() << " parameters: max rel err " << err);
  CHECK(err < kGradTolerance);

  SUBCASE("per tensor") {
    const auto sizes = cx::parameter_sizes(cfg);
    std::size_t off = 0;
    for (int t = 0; t < cx::kNumParameterTensors; t++) {
      std::vector<double> x(model.params_memory.begin() + off,
                            model.params_memory.begin() + off + sizes[t]);
      const std::vector<double> g(analytic.begin() + off, analytic.begin() + off + sizes[t]);
      auto f = [&] {
        std::copy(x.begin(), x.end(), model.params_memory.begin() + off);
        return loss();
      };
      const double e = max_relative_error(x, g, f);
      std::copy(x.begin(), x.end(), model.params_memory.begin() + off);
      MESSAGE("  d" << cx::kParameterNames[t] << " max rel err " << e);
      CHECK(e < kGradTolerance);
      off += sizes[t];
    }
  }

  SUBCASE("backward accumulates: a second pass doubles the gradient") {
    model.forward(tokens.data(), targets.data(), B, T);
    model.backward();
    for (std::size_t i = 0; i < analytic.size(); i++) {
      CHECK(model.grads_memory[i] == doctest::Approx(2 * analytic[i]).epsilon(1e-12));
    }
  }
}

TEST_CASE("cortex model: float and double agree") {
  const cx::Config cfg = tiny_config();
  cx::Model<double> d(cfg);
  cx::Model<float> f(cfg);
  d.init(5);
  for (std::size_t i = 0; i < d.params_memory.size(); i++) f.params_memory[i] = float(d.params_memory[i]);
  const std::vector<int> tokens = {1, 4, 1, 9, 10, 0}, targets = {4, 1, 9, 10, 0, 2};
  CHECK(f.forward(tokens.data(), targets.data(), 1, 6) ==
        doctest::Approx(d.forward(tokens.data(), targets.data(), 1, 6)).epsilon(1e-5));
}
