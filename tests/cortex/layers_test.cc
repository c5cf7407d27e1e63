// Finite-difference gradient checks, in double precision, for every op of cortex/layers.h: each
// op's backward is compared, for each of its inputs and weights, with central differences of the
// scalar loss Σ out ∘ R for a fixed random R (so dout = R). Tolerance: kGradTolerance (1e-5)
// relative error per element, see gradcheck.h.
#include <doctest/doctest.h>

#include <cmath>
#include <vector>

#include "cortex/layers.h"
#include "gradcheck.h"

namespace cx = brainhost::regions::cortex;
using cx::testing::dot;
using cx::testing::kGradTolerance;
using cx::testing::max_relative_error;
using cx::testing::random_normal;
using Vec = std::vector<double>;

namespace {
constexpr int B = 2, T = 5, C = 8, NH = 2, HS = C / NH, N = B * T, H = 12, V = 7;
}

TEST_CASE("cortex op gradient: embedding") {
  Vec wte = random_normal(V * C, 1);
  const std::vector<int> tokens = {0, 3, 3, 6, 1, 0, 2, 5, 3, 4};  // (B, T), with repeats
  const Vec R = random_normal(N * C, 2);
  auto f = [&] {
    Vec out(N * C);
    cx::embedding_forward(out.data(), tokens.data(), wte.data(), N, C);
    return dot(out, R);
  };
  Vec dwte(V * C, 0.0);
  cx::embedding_backward(dwte.data(), R.data(), tokens.data(), N, C);
  const double err = max_relative_error(wte, dwte, f);
  MESSAGE("embedding dwte max rel err " << err);
  CHECK(err < kGradTolerance);
}

TEST_CASE("cortex op gradient: rmsnorm") {
  Vec inp = random_normal(N * C, 3), weight = random_normal(C, 4);
  const Vec R = random_normal(N * C, 5);
  auto f = [&] {
    Vec out(N * C), rstd(N);
    cx::rmsnorm_forward(out.data(), rstd.data(), inp.data(), weight.data(), N, C);
    return dot(out, R);
  };
  Vec out(N * C), rstd(N), dinp(N * C, 0.0), dweight(C, 0.0);
  cx::rmsnorm_forward(out.data(), rstd.data(), inp.data(), weight.data(), N, C);
  cx::rmsnorm_backward(dinp.data(), dweight.data(), R.data(), inp.data(), weight.data(),
                       rstd.data(), N, C);
  const double e_in = max_relative_error(inp, dinp, f), e_w = max_relative_error(weight, dweight, f);
  MESSAGE("rmsnorm dinp " << e_in << " dweight " << e_w);
  CHECK(e_in < kGradTolerance);
  CHECK(e_w < kGradTolerance);
}

TEST_CASE("cortex op gradient: matmul") {
  const int OC = 6;
  Vec inp = random_normal(N * C, 6), weight = random_normal(OC * C, 7);
  const Vec R = random_normal(N * OC, 8);
  auto f = [&] {
    Vec out(N * OC);
    cx::matmul_forward(out.data(), inp.data(), weight.data(), N, C, OC);
    return dot(out, R);
  };
  Vec dinp(N * C, 0.0), dweight(OC * C, 0.0);
  cx::matmul_backward(dinp.data(), dweight.data(), R.data(), inp.data(), weight.data(), N, C, OC);
  const double e_in = max_relative_error(inp, dinp, f), e_w = max_relative_error(weight, dweight, f);
  MESSAGE("matmul dinp " << e_in << " dweight " << e_w);
  CHECK(e_in < kGradTolerance);
  CHECK(e_w < kGradTolerance);
}

TEST_CASE("cortex op gradient: rope") {
  Vec cos(T * HS / 2), sin(T * HS / 2);
  cx::rope_table(cos.data(), sin.data(), T, HS);
  Vec x = random_normal(N * C, 9);
  const Vec R = random_normal(N * C, 10);
  auto f = [&] {
    Vec y = x;
    cx::rope_forward(y.data(), cos.data(), sin.data(), B, T, C, HS);
    return dot(y, R);
  };
  Vec dx = R;
  cx::rope_backward(dx.data(), cos.data(), sin.data(), B, T, C, HS);
  const double err = max_relative_error(x, dx, f);
  MESSAGE("rope dx " << err);
  CHECK(err < kGradTolerance);

  SUBCASE("position 0 is the identity and rotations keep norms") {
    Vec y = x;
    cx::rope_forward(y.data(), cos.data(), sin.data(), B, T, C, HS);
    for (int i = 0; i < C; i++) CHECK(y[i] == x[i]);
    CHECK(dot(y, y) == doctest::Approx(dot(x, x)).epsilon(1e-12));
  }
}

TEST_CASE("cortex op gradient: causal attention") {
  Vec q = random_normal(N * C, 11), k = random_normal(N * C, 12), v = random_normal(N * C, 13);
  const Vec R = random_normal(N * C, 14);
  const std::size_t A = std::size_t(B) * NH * T * T;
  auto f = [&] {
    Vec out(N * C), att(A);
    cx::attention_forward(out.data(), att.data(), q.data(), k.data(), v.data(), B, T, C, NH);
    return dot(out, R);
  };
  Vec out(N * C), att(A), datt(A), dq(N * C, 0.0), dk(N * C, 0.0), dv(N * C, 0.0);
  cx::attention_forward(out.data(), att.data(), q.data(), k.data(), v.data(), B, T, C, NH);
  cx::attention_backward(dq.data(), dk.data(), dv.data(), datt.data(), R.data(), att.data(),
                         q.data(), k.data(), v.data(), B, T, C, NH);
  const double eq = max_relative_error(q, dq, f), ek = max_relative_error(k, dk, f),
               ev = max_relative_error(v, dv, f);
  MESSAGE("attention dq " << eq << " dk " << ek << " dv " << ev);
  CHECK(eq < kGradTolerance);
  CHECK(ek < kGradTolerance);
  CHECK(ev < kGradTolerance);

  SUBCASE("causal: rows sum to one, nothing above the diagonal, the first row attends to itself") {
    for (int bh = 0; bh < B * NH; bh++) {
      for (int t = 0; t < T; t++) {
        double sum = 0;
        for (int s = 0; s < T; s++) {
          const double a = att[(std::size_t(bh) * T + t) * T + s];
          if (s > t) CHECK(a == 0.0);
          sum += a;
        }
        CHECK(sum == doctest::Approx(1.0).epsilon(1e-12));
      }
    }
    for (int i = 0; i < HS; i++) CHECK(out[i] == doctest::Approx(v[i]).epsilon(1e-12));
  }
}

TEST_CASE("cortex op gradient: causal attention over several row blocks (T = 70)") {
  const int T2 = 70, N2 = T2;  // B = 1; more than one 64-row block of the blocked kernel
  Vec q = random_normal(N2 * C, 31), k = random_normal(N2 * C, 32), v = random_normal(N2 * C, 33);
  const Vec R = random_normal(N2 * C, 34);
  const std::size_t A = std::size_t(NH) * T2 * T2;
  auto f = [&] {
    Vec out(N2 * C), att(A);
    cx::attention_forward(out.data(), att.data(), q.data(), k.data(), v.data(), 1, T2, C, NH);
    return dot(out, R);
  };
  Vec out(N2 * C), att(A), datt(A), dq(N2 * C, 0.0), dk(N2 * C, 0.0), dv(N2 * C, 0.0);
  cx::attention_forward(out.data(), att.data(), q.data(), k.data(), v.data(), 1, T2, C, NH);
  cx::attention_backward(dq.data(), dk.data(), dv.data(), datt.data(), R.data(), att.data(),
                         q.data(), k.data(), v.data(), 1, T2, C, NH);
  const double eq = max_relative_error(q, dq, f), ek = max_relative_error(k, dk, f),
               ev = max_relative_error(v, dv, f);
  MESSAGE("attention T=70 dq " << eq << " dk " << ek << " dv " << ev);
  CHECK(eq < kGradTolerance);
  CHECK(ek < kGradTolerance);
  CHECK(ev < kGradTolerance);
}

TEST_CASE("cortex op gradient: swiglu") {
  Vec a = random_normal(N * H, 15, 2.0), g = random_normal(N * H, 16);
  const Vec R = random_normal(N * H, 17);
  auto f = [&] {
    Vec out(N * H);
    cx::swiglu_forward(out.data(), a.data(), g.data(), N, H);
    return dot(out, R);
  };
  Vec da(N * H, 0.0), dg(N * H, 0.0);
  cx::swiglu_backward(da.data(), dg.data(), R.data(), a.data(), g.data(), N, H);
  const double e_a = max_relative_error(a, da, f), e_g = max_relative_error(g, dg, f);
  MESSAGE("swiglu da " << e_a << " dg " << e_g);
  CHECK(e_a < kGradTolerance);
  CHECK(e_g < kGradTolerance);
}

TEST_CASE("cortex op gradient: residual") {
  Vec a = random_normal(N * C, 18), b = random_normal(N * C, 19);
  const Vec R = random_normal(N * C, 20);
  auto f = [&] {
    Vec out(N * C);
    cx::residual_forward(out.data(), a.data(), b.data(), N * C);
    return dot(out, R);
  };
  Vec da(N * C, 0.0), db(N * C, 0.0);
  cx::residual_backward(da.data(), db.data(), R.data(), N * C);
  const double e_a = max_relative_error(a, da, f), e_b = max_relative_error(b, db, f);
  MESSAGE("residual da " << e_a << " db " << e_b);
  CHECK(e_a < kGradTolerance);
  CHECK(e_b < kGradTolerance);
}

TEST_CASE("cortex op gradient: softmax cross-entropy") {
  Vec logits = random_normal(N * V, 21, 2.0);
  const std::vector<int> targets = {0, 1, 2, 3, 4, 5, 6, 0, 3, 6};
  const Vec w = random_normal(N, 22);  // per-position loss weights (dlosses)
  auto f = [&] {
    Vec probs(N * V), losses(N);
    cx::crossentropy_forward(probs.data(), losses.data(), logits.data(), targets.data(), N, V);
    return dot(losses, w);
  };
  Vec probs(N * V), losses(N), dlogits(N * V, 0.0);
  cx::crossentropy_forward(probs.data(), losses.data(), logits.data(), targets.data(), N, V);
  cx::crossentropy_backward(dlogits.data(), probs.data(), targets.data(), w.data(), N, V);
  const double err = max_relative_error(logits, dlogits, f);
  MESSAGE("crossentropy dlogits " << err);
  CHECK(err < kGradTolerance);

  SUBCASE("the loss is −log softmax, also in place") {
    Vec z = logits;
    cx::crossentropy_forward(z.data(), losses.data(), z.data(), targets.data(), N, V);
    double norm = 0;
    for (int i = 0; i < V; i++) norm += std::exp(logits[i]);
    CHECK(losses[0] == doctest::Approx(std::log(norm) - logits[targets[0]]).epsilon(1e-12));
    CHECK(z == probs);
  }
}
