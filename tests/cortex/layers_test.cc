// Finite-difference gradient checks, in double precision, for every op of cortex/layers.h: each
// op's backward is compared, for each of its inputs and weights, with central differences of the
// scalar loss Σ out ∘ R for a fixed random R (so dout = R). Tolerance: kGradTolerance (1e-5)
// relative error per element, see gradcheck.h. Then the float versions of the ops whose float
// code differs (vectorised kernels) against the checked double ones, and the GradWrite modes.
#include <doctest/doctest.h>

#include <algorithm>
#include <cmath>
#include <limits>
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

// ---- float against double -------------------------------------------------------------------
// In float, rmsnorm, the softmaxes (attention, cross-entropy) and SwiGLU run vectorised kernels
// (kernels.h), not the loops the gradient checks above verified in double. They must compute the
// same function: every output agrees with the double op on the same (float-representable)
// inputs to 2e-5 of the output's scale, float rounding of sums of a few hundred terms.

namespace {

std::vector<float> to_float(const Vec& v) { return std::vector<float>(v.begin(), v.end()); }

// max |a − b| / max(1, max |b|).
double float_error(const std::vector<float>& a, const Vec& b) {
  double worst = 0, scale = 1;
  for (std::size_t i = 0; i < b.size(); i++) {
    worst = std::max(worst, std::fabs(double(a[i]) - b[i]));
    scale = std::max(scale, std::fabs(b[i]));
  }
  return worst / scale;
}

// Rounds every element to float, so both precisions see the same inputs.
Vec rounded(Vec v) {
  for (double& x : v) x = double(float(x));
  return v;
}

constexpr double kFloatTolerance = 2e-5;

}  // namespace

TEST_CASE("cortex ops in float agree with the double ops") {
  SUBCASE("rmsnorm") {
    const Vec inp = rounded(random_normal(N * C, 40)), w = rounded(random_normal(C, 41));
    Vec out(N * C), rstd(N);
    cx::rmsnorm_forward(out.data(), rstd.data(), inp.data(), w.data(), N, C);
    std::vector<float> fo(N * C), fr(N);
    cx::rmsnorm_forward(fo.data(), fr.data(), to_float(inp).data(), to_float(w).data(), N, C);
    CHECK(float_error(fo, out) < kFloatTolerance);
    CHECK(float_error(fr, rstd) < kFloatTolerance);
  }
  SUBCASE("attention over several row blocks, forward and backward") {
    const int T2 = 70;
    const Vec q = rounded(random_normal(T2 * C, 42)), k = rounded(random_normal(T2 * C, 43)),
              v = rounded(random_normal(T2 * C, 44)), R = rounded(random_normal(T2 * C, 45));
    const std::size_t A = std::size_t(NH) * T2 * T2;
    Vec out(T2 * C), att(A), datt(A), dq(T2 * C, 0.0), dk(T2 * C, 0.0), dv(T2 * C, 0.0);
    cx::attention_forward(out.data(), att.data(), q.data(), k.data(), v.data(), 1, T2, C, NH);
    cx::attention_backward(dq.data(), dk.data(), dv.data(), datt.data(), R.data(), att.data(),
                           q.data(), k.data(), v.data(), 1, T2, C, NH);
    const std::vector<float> fq = to_float(q), fk = to_float(k), fv = to_float(v), fR = to_float(R);
    std::vector<float> fout(T2 * C), fatt(A), fdatt(A), fdq(T2 * C, 0.0f), fdk(T2 * C, 0.0f),
        fdv(T2 * C, 0.0f);
    cx::attention_forward(fout.data(), fatt.data(), fq.data(), fk.data(), fv.data(), 1, T2, C, NH);
    cx::attention_backward(fdq.data(), fdk.data(), fdv.data(), fdatt.data(), fR.data(),
                           fatt.data(), fq.data(), fk.data(), fv.data(), 1, T2, C, NH);
    CHECK(float_error(fout, out) < kFloatTolerance);
    CHECK(float_error(fatt, att) < kFloatTolerance);
    CHECK(float_error(fdq, dq) < kFloatTolerance);
    CHECK(float_error(fdk, dk) < kFloatTolerance);
    CHECK(float_error(fdv, dv) < kFloatTolerance);
  }
  SUBCASE("swiglu, forward and backward") {
    const Vec a = rounded(random_normal(N * H, 46, 3.0)), g = rounded(random_normal(N * H, 47)),
              R = rounded(random_normal(N * H, 48));
    Vec out(N * H), da(N * H, 0.0), dg(N * H, 0.0);
    cx::swiglu_forward(out.data(), a.data(), g.data(), N, H);
    cx::swiglu_backward(da.data(), dg.data(), R.data(), a.data(), g.data(), N, H);
    std::vector<float> fo(N * H), fda(N * H, 0.0f), fdg(N * H, 0.0f);
    cx::swiglu_forward(fo.data(), to_float(a).data(), to_float(g).data(), N, H);
    cx::swiglu_backward(fda.data(), fdg.data(), to_float(R).data(), to_float(a).data(),
                        to_float(g).data(), N, H);
    CHECK(float_error(fo, out) < kFloatTolerance);
    CHECK(float_error(fda, da) < kFloatTolerance);
    CHECK(float_error(fdg, dg) < kFloatTolerance);
  }
  SUBCASE("softmax cross-entropy") {
    const Vec z = rounded(random_normal(N * V, 49, 3.0));
    const std::vector<int> targets = {0, 1, 2, 3, 4, 5, 6, 0, 3, 6};
    Vec probs(N * V), losses(N);
    cx::crossentropy_forward(probs.data(), losses.data(), z.data(), targets.data(), N, V);
    std::vector<float> fp(N * V), fl(N);
    cx::crossentropy_forward(fp.data(), fl.data(), to_float(z).data(), targets.data(), N, V);
    CHECK(float_error(fp, probs) < kFloatTolerance);
    CHECK(float_error(fl, losses) < kFloatTolerance);
  }
}

TEST_CASE("cortex float ops give the same bits at any alignment") {
  // The same values at two addresses one float apart: a vectorised loop that started with the
  // first aligned element would split the work differently and round differently.
  const int n = 37 * 8 + 5;
  const std::vector<float> a = to_float(random_normal(n, 50, 3.0)),
                           g = to_float(random_normal(n, 51)), d = to_float(random_normal(n, 52));
  // Runs op with every buffer starting `off` floats into its allocation; returns the output.
  auto run = [&](int off, int op) {
    std::vector<float> out(n + 1, 0.0f), ab(n + 1), gb(n + 1), db(n + 1);
    float* buffer = out.data() + off;
    std::copy(a.begin(), a.end(), ab.begin() + off);
    std::copy(g.begin(), g.end(), gb.begin() + off);
    std::copy(d.begin(), d.end(), db.begin() + off);
    std::vector<float> scratch(n + 1, 0.0f);
    switch (op) {
      case 0: cx::swiglu_forward(buffer, ab.data() + off, gb.data() + off, 1, n); break;
      case 1:
        cx::swiglu_backward(buffer, scratch.data() + off, db.data() + off, ab.data() + off,
                            gb.data() + off, 1, n);
        break;
      default: {
        std::vector<float> losses(1);
        const int target = 3;
        cx::crossentropy_forward(buffer, losses.data(), ab.data() + off, &target, 1, n);
      }
    }
    return std::vector<float>(buffer, buffer + n);
  };
  for (int op = 0; op < 3; op++) {
    CAPTURE(op);
    CHECK(run(0, op) == run(1, op));
  }
}

TEST_CASE("cortex GradWrite: overwrite equals accumulating into zeros, whatever was there") {
  const double junk = std::numeric_limits<double>::quiet_NaN();
  SUBCASE("matmul") {
    const int OC = 6;
    const Vec inp = random_normal(N * C, 53), w = random_normal(OC * C, 54),
              R = random_normal(N * OC, 55);
    Vec acc(N * C, 0.0), over(N * C, junk), dw1(OC * C, 0.0), dw2(OC * C, 0.0);
    cx::matmul_backward(acc.data(), dw1.data(), R.data(), inp.data(), w.data(), N, C, OC);
    cx::matmul_backward(over.data(), dw2.data(), R.data(), inp.data(), w.data(), N, C, OC,
                        cx::GradWrite::kOverwrite);
    CHECK(over == acc);
    CHECK(dw2 == dw1);  // dweight always accumulates
  }
  SUBCASE("swiglu, double and float") {
    const Vec a = random_normal(N * H, 56, 2.0), g = random_normal(N * H, 57),
              R = random_normal(N * H, 58);
    Vec da(N * H, 0.0), dg(N * H, 0.0), oa(N * H, junk), og(N * H, junk);
    cx::swiglu_backward(da.data(), dg.data(), R.data(), a.data(), g.data(), N, H);
    cx::swiglu_backward(oa.data(), og.data(), R.data(), a.data(), g.data(), N, H,
                        cx::GradWrite::kOverwrite);
    CHECK(oa == da);
    CHECK(og == dg);
    const std::vector<float> fa = to_float(a), fg = to_float(g), fR = to_float(R);
    std::vector<float> fda(N * H, 0.0f), fdg(N * H, 0.0f), foa(N * H, NAN), fog(N * H, NAN);
    cx::swiglu_backward(fda.data(), fdg.data(), fR.data(), fa.data(), fg.data(), N, H);
    cx::swiglu_backward(foa.data(), fog.data(), fR.data(), fa.data(), fg.data(), N, H,
                        cx::GradWrite::kOverwrite);
    CHECK(foa == fda);
    CHECK(fog == fdg);
  }
  SUBCASE("cross-entropy") {
    const Vec z = random_normal(N * V, 59);
    const std::vector<int> targets = {0, 1, 2, 3, 4, 5, 6, 0, 3, 6};
    const Vec w = random_normal(N, 60);
    Vec probs(N * V), losses(N), acc(N * V, 0.0), over(N * V, junk);
    cx::crossentropy_forward(probs.data(), losses.data(), z.data(), targets.data(), N, V);
    cx::crossentropy_backward(acc.data(), probs.data(), targets.data(), w.data(), N, V);
    cx::crossentropy_backward(over.data(), probs.data(), targets.data(), w.data(), N, V,
                              cx::GradWrite::kOverwrite);
    CHECK(over == acc);
  }
}
