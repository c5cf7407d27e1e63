// The cortex's training arithmetic: the learning-rate schedule, gradient clipping, AdamW's
// decoupled weight decay (matrices only), and a training run: 300 AdamW steps on a tiny fixed
// corpus (a 24-token pattern over a 16-token vocabulary, repeated, with repeats inside the
// pattern so the next token depends on more than the current one) must bring the mean loss from
// about ln 16 = 2.77 to below 5% of that.
#include <doctest/doctest.h>

#include <cmath>
#include <vector>

#include "cortex/model.h"
#include "cortex/optimizer.h"

namespace cx = brainhost::regions::cortex;

TEST_CASE("cortex lr schedule: linear warm-up, cosine decay, floor") {
  const cx::LrSchedule s{.max_lr = 1e-2, .min_lr = 1e-3, .warmup_steps = 10, .total_steps = 110};
  CHECK(s.at(0) == doctest::Approx(1e-3));
  CHECK(s.at(4) == doctest::Approx(5e-3));
  CHECK(s.at(9) == doctest::Approx(1e-2));
  CHECK(s.at(10) == doctest::Approx(1e-2));
  CHECK(s.at(60) == doctest::Approx(5.5e-3));  // half way down the cosine
  CHECK(s.at(110) == doctest::Approx(1e-3));
  CHECK(s.at(5000) == doctest::Approx(1e-3));
  for (int i = 10; i < 110; i++) CHECK(s.at(i + 1) <= s.at(i));
}

TEST_CASE("cortex gradient clipping: global norm") {
  std::vector<float> g = {3, 4, 0, 0};
  CHECK(cx::clip_grad_norm(std::span<float>(g), 10.0) == doctest::Approx(5.0));
  CHECK(g[0] == 3.0f);  // under the limit: unchanged
  CHECK(cx::clip_grad_norm(std::span<float>(g), 1.0) == doctest::Approx(5.0));
  CHECK(g[0] == doctest::Approx(0.6));
  CHECK(g[1] == doctest::Approx(0.8));
}

TEST_CASE("cortex AdamW: first step, decay on matrices only") {
  cx::Config cfg;
  cfg.vocab = 5;
  cfg.dim = 4;
  cfg.layers = 1;
  cfg.heads = 2;
  cfg.hidden = 8;
  cfg.context = 4;
  cx::Model<double> model(cfg);
  model.init(1);
  const std::vector<double> before = model.params_memory;
  cx::AdamW<double> opt(cfg, {.beta1 = 0.9, .beta2 = 0.95, .eps = 1e-8, .weight_decay = 0.1});

  SUBCASE("zero gradient: matrices shrink by lr·wd, gains stay") {
    opt.step(model.parameters(), model.gradients(), 0.01);
    CHECK(model.params.rms_att[0] == 1.0);
    CHECK(model.params.rms_final[3] == 1.0);
    CHECK(model.params.wq[5] == doctest::Approx(before[model.params.wq - model.params.wte + 5] * (1 - 0.001)));
  }
  SUBCASE("first step moves each parameter by about lr · sign(g), bias-corrected") {
    for (std::size_t i = 0; i < model.grads_memory.size(); i++) model.grads_memory[i] = (i % 2) ? 2.0 : -0.5;
    opt.step(model.parameters(), model.gradients(), 0.01);
    const std::size_t g0 = model.params.rms_ffn - model.params.wte;  // an undecayed gain
    const double sign = (g0 % 2) ? 1.0 : -1.0;
    CHECK(model.params_memory[g0] == doctest::Approx(before[g0] - 0.01 * sign).epsilon(1e-6));
    CHECK(opt.steps_taken() == 1);
  }
}

TEST_CASE("cortex training: 300 AdamW steps learn a repeating pattern") {
  cx::Config cfg;
  cfg.vocab = 16;
  cfg.dim = 32;
  cfg.layers = 2;
  cfg.heads = 2;
  cfg.hidden = 64;
  cfg.context = 32;
  const int B = 8, T = 32, kSteps = 300;
  const std::vector<int> pattern = {3, 1, 4, 1, 5, 9, 2, 6, 5, 3, 5, 8,
                                    9, 7, 9, 3, 2, 3, 8, 4, 6, 2, 6, 4};  // digits of π, 24 long
  std::vector<int> corpus;
  for (int r = 0; r < 40; r++) corpus.insert(corpus.end(), pattern.begin(), pattern.end());

  cx::Model<float> model(cfg);
  model.init(1234);
  cx::AdamW<float> opt(cfg, {.beta1 = 0.9, .beta2 = 0.95, .eps = 1e-8, .weight_decay = 0.01});
  const cx::LrSchedule lr{.max_lr = 1e-2, .min_lr = 1e-3, .warmup_steps = 20, .total_steps = kSteps};

  std::vector<int> tokens(B * T), targets(B * T);
  auto batch = [&](int step) {  // B windows at offsets that walk through the corpus
    for (int b = 0; b < B; b++) {
      const int start = (step * 7 + b * 5) % (int(corpus.size()) - T - 1);
      for (int t = 0; t < T; t++) {
        tokens[b * T + t] = corpus[start + t];
        targets[b * T + t] = corpus[start + t + 1];
      }
    }
  };
  batch(0);
  const float first = model.forward(tokens.data(), targets.data(), B, T);
  float last = first;
  for (int step = 0; step < kSteps; step++) {
    batch(step);
    last = model.forward(tokens.data(), targets.data(), B, T);
    model.zero_grad();
    model.backward();
    cx::clip_grad_norm(model.gradients(), 1.0);
    opt.step(model.parameters(), model.gradients(), lr.at(step));
  }
  batch(kSteps);
  const float final_loss = model.forward(tokens.data(), targets.data(), B, T);
  MESSAGE("training: loss " << first << " -> " << final_loss << " (last train step " << last
                            << ", ln V = " << std::log(16.0) << ")");
  CHECK(first == doctest::Approx(std::log(16.0)).epsilon(0.05));
  CHECK(final_loss < 0.05 * std::log(16.0));
}
