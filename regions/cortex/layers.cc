// The cortex's ops, forward and backward side by side. Shapes and contracts are in layers.h;
// comments here explain only the math of each backward.
//
// The element-wise ops that call exp (the softmaxes, SwiGLU) and their backward passes take, in
// float, kernels.h's vectorised versions: the same formulas, exp within 2 ulp of the library's.
// They work from index 0 in blocks of 8 whatever the buffers' alignment (the last partial block
// padded through the same vector code), so results do not depend on where a buffer happens to
// be allocated and a training run is bit-for-bit repeatable. Double (the gradient checks) keeps
// the plain loops.
#include "cortex/layers.h"

#include <Eigen/Core>
#include <algorithm>
#include <cmath>
#include <cstring>
#include <type_traits>

#include "cortex/kernels.h"

namespace brainhost::regions::cortex {
namespace {

template <typename S>
using MatR = Eigen::Matrix<S, Eigen::Dynamic, Eigen::Dynamic, Eigen::RowMajor>;
template <typename S>
using MapR = Eigen::Map<MatR<S>>;
template <typename S>
using CMapR = Eigen::Map<const MatR<S>>;
// A (rows, cols) block whose rows are `stride` apart: one head's slice of a (T, C) matrix.
template <typename S>
using HeadMap = Eigen::Map<MatR<S>, 0, Eigen::OuterStride<>>;
template <typename S>
using CHeadMap = Eigen::Map<const MatR<S>, 0, Eigen::OuterStride<>>;

template <typename S>
constexpr bool kIsFloat = std::is_same_v<S, float>;

}  // namespace

// ---- token embedding ------------------------------------------------------------------------

template <typename S>
void embedding_forward(S* out, const int* tokens, const S* wte, int N, int C) {
  for (int n = 0; n < N; n++) {
    std::memcpy(out + std::size_t(n) * C, wte + std::size_t(tokens[n]) * C, sizeof(S) * C);
  }
}

template <typename S>
void embedding_backward(S* dwte, const S* dout, const int* tokens, int N, int C) {
  for (int n = 0; n < N; n++) {
    S* dw = dwte + std::size_t(tokens[n]) * C;
    const S* d = dout + std::size_t(n) * C;
    for (int i = 0; i < C; i++) dw[i] += d[i];
  }
}

// ---- RMSNorm --------------------------------------------------------------------------------

template <typename S>
void rmsnorm_forward(S* out, S* rstd, const S* inp, const S* weight, int N, int C) {
  if constexpr (kIsFloat<S>) {
    for (int n = 0; n < N; n++) {
      rstd[n] = rmsnorm_row(out + std::size_t(n) * C, inp + std::size_t(n) * C, weight, C,
                            float(kRmsNormEps));
    }
    return;
  }
  for (int n = 0; n < N; n++) {
    const S* x = inp + std::size_t(n) * C;
    S* o = out + std::size_t(n) * C;
    S ss = 0;
    for (int i = 0; i < C; i++) ss += x[i] * x[i];
    const S r = S(1) / std::sqrt(ss / S(C) + S(kRmsNormEps));
    for (int i = 0; i < C; i++) o[i] = x[i] * r * weight[i];
    rstd[n] = r;
  }
}

// out_i = x_i · r · w_i with r = (mean(x²) + eps)^(−1/2), so ∂r/∂x_j = −r³ x_j / C and
//   dx_j = r · w_j · dout_j − x_j · (r³ / C) · Σ_i dout_i · w_i · x_i.
template <typename S>
void rmsnorm_backward(S* dinp, S* dweight, const S* dout, const S* inp, const S* weight,
                      const S* rstd, int N, int C) {
  for (int n = 0; n < N; n++) {
    const S* x = inp + std::size_t(n) * C;
    const S* d = dout + std::size_t(n) * C;
    S* dx = dinp + std::size_t(n) * C;
    const S r = rstd[n];
    S dot = 0;
    for (int i = 0; i < C; i++) dot += d[i] * weight[i] * x[i];
    const S k = dot * r * r * r / S(C);
    for (int i = 0; i < C; i++) {
      dx[i] += r * weight[i] * d[i] - x[i] * k;
      dweight[i] += d[i] * x[i] * r;
    }
  }
}

// ---- linear layer ---------------------------------------------------------------------------

template <typename S>
void matmul_forward(S* out, const S* inp, const S* weight, int N, int C, int OC) {
  MapR<S>(out, N, OC).noalias() = CMapR<S>(inp, N, C) * CMapR<S>(weight, OC, C).transpose();
}

template <typename S>
void matmul_backward(S* dinp, S* dweight, const S* dout, const S* inp, const S* weight, int N,
                     int C, int OC, GradWrite dinp_write) {
  CMapR<S> d(dout, N, OC);
  if (dinp && dinp_write == GradWrite::kOverwrite) {
    MapR<S>(dinp, N, C).noalias() = d * CMapR<S>(weight, OC, C);
  } else if (dinp) {
    MapR<S>(dinp, N, C).noalias() += d * CMapR<S>(weight, OC, C);
  }
  if (dweight) MapR<S>(dweight, OC, C).noalias() += d.transpose() * CMapR<S>(inp, N, C);
}

// ---- rotary positions -----------------------------------------------------------------------

template <typename S>
void rope_table(S* cos, S* sin, int T, int HS) {
  const int P = HS / 2;
  for (int t = 0; t < T; t++) {
    for (int i = 0; i < P; i++) {
      const double freq = 1.0 / std::pow(kRopeTheta, double(2 * i) / double(HS));
      const double angle = double(t) * freq;
      cos[t * P + i] = S(std::cos(angle));
      sin[t * P + i] = S(std::sin(angle));
    }
  }
}

namespace {
// Rotates every pair of x (B, T, C) by +angle (sign = 1) or −angle (sign = −1).
template <typename S>
void rope_rotate(S* x, const S* cos, const S* sin, int B, int T, int C, int HS, S sign) {
  const int P = HS / 2;
  for (int b = 0; b < B; b++) {
    for (int t = 0; t < T; t++) {
      S* row = x + (std::size_t(b) * T + t) * C;
      const S* c = cos + std::size_t(t) * P;
      const S* s = sin + std::size_t(t) * P;
      for (int h0 = 0; h0 < C; h0 += HS) {
        for (int i = 0; i < P; i++) {
          S* pair = row + h0 + 2 * i;
          const S x0 = pair[0], x1 = pair[1], si = sign * s[i];
          pair[0] = x0 * c[i] - x1 * si;
          pair[1] = x0 * si + x1 * c[i];
        }
      }
    }
  }
}
}  // namespace

template <typename S>
void rope_forward(S* x, const S* cos, const S* sin, int B, int T, int C, int HS) {
  rope_rotate(x, cos, sin, B, T, C, HS, S(1));
}

template <typename S>
void rope_backward(S* dx, const S* cos, const S* sin, int B, int T, int C, int HS) {
  rope_rotate(dx, cos, sin, B, T, C, HS, S(-1));
}

// ---- causal self-attention ------------------------------------------------------------------
// One (b, h) at a time: Q, K, V, O are (T, HS) slices of the (T, C) matrices with row stride C,
// A is (T, T). Rows are taken in blocks of kAttentionRowBlock: the block of rows [r0, r1) only
// sees keys [0, r1), so the products skip most of the masked upper triangle (at T = 256 they do
// 5/8 of the full T×T work). Threading over (b, h) is the next optimisation.
inline constexpr int kAttentionRowBlock = 64;

template <typename S>
void attention_forward(S* out, S* att, const S* q, const S* k, const S* v, int B, int T, int C,
                       int NH) {
  const int HS = C / NH;
  const S scale = S(1) / std::sqrt(S(HS));
  const Eigen::OuterStride<> stride(C);
  for (int b = 0; b < B; b++) {
    for (int h = 0; h < NH; h++) {
      const std::size_t off = std::size_t(b) * T * C + std::size_t(h) * HS;
      CHeadMap<S> Q(q + off, T, HS, stride), K(k + off, T, HS, stride), Vm(v + off, T, HS, stride);
      HeadMap<S> O(out + off, T, HS, stride);
      MapR<S> A(att + (std::size_t(b) * NH + h) * T * T, T, T);
      for (int r0 = 0; r0 < T; r0 += kAttentionRowBlock) {
        const int rows = std::min(kAttentionRowBlock, T - r0), r1 = r0 + rows;
        A.block(r0, 0, rows, r1).noalias() = (Q.middleRows(r0, rows) * K.topRows(r1).transpose()) * scale;
        for (int t = r0; t < r1; t++) {
          S* row = &A(t, 0);
          if constexpr (kIsFloat<S>) {
            softmax_inplace(row, t + 1, 1.0f);
            std::fill(row + t + 1, row + T, 0.0f);
            continue;
          }
          S mx = row[0];
          for (int s = 1; s <= t; s++) mx = std::max(mx, row[s]);
          S sum = 0;
          for (int s = 0; s <= t; s++) {
            row[s] = std::exp(row[s] - mx);
            sum += row[s];
          }
          const S inv = S(1) / sum;
          for (int s = 0; s <= t; s++) row[s] *= inv;
          for (int s = t + 1; s < T; s++) row[s] = 0;
        }
        O.middleRows(r0, rows).noalias() = A.block(r0, 0, rows, r1) * Vm.topRows(r1);
      }
    }
  }
}

// O = A · V, so dA = dO · Vᵀ and dV += Aᵀ · dO. Through the row softmax,
//   dP_ts = A_ts · (dA_ts − Σ_s' A_ts' dA_ts'), zero above the diagonal since A is.
// P = Q · Kᵀ · scale, so dQ += dP · K · scale and dK += dPᵀ · Q · scale.
// The same row blocks as the forward: block [r0, r1) touches only keys and values [0, r1).
template <typename S>
void attention_backward(S* dq, S* dk, S* dv, S* datt, const S* dout, const S* att, const S* q,
                        const S* k, const S* v, int B, int T, int C, int NH) {
  const int HS = C / NH;
  const S scale = S(1) / std::sqrt(S(HS));
  const Eigen::OuterStride<> stride(C);
  for (int b = 0; b < B; b++) {
    for (int h = 0; h < NH; h++) {
      const std::size_t off = std::size_t(b) * T * C + std::size_t(h) * HS;
      CHeadMap<S> Q(q + off, T, HS, stride), K(k + off, T, HS, stride), Vm(v + off, T, HS, stride);
      CHeadMap<S> dO(dout + off, T, HS, stride);
      HeadMap<S> dQ(dq + off, T, HS, stride), dK(dk + off, T, HS, stride),
          dV(dv + off, T, HS, stride);
      const std::size_t aoff = (std::size_t(b) * NH + h) * T * T;
      CMapR<S> A(att + aoff, T, T);
      MapR<S> dA(datt + aoff, T, T);
      for (int r0 = 0; r0 < T; r0 += kAttentionRowBlock) {
        const int rows = std::min(kAttentionRowBlock, T - r0), r1 = r0 + rows;
        auto Ab = A.block(r0, 0, rows, r1);
        auto dAb = dA.block(r0, 0, rows, r1);
        dAb.noalias() = dO.middleRows(r0, rows) * Vm.topRows(r1).transpose();
        dV.topRows(r1).noalias() += Ab.transpose() * dO.middleRows(r0, rows);
        for (int t = r0; t < r1; t++) {
          if constexpr (kIsFloat<S>) {
            softmax_backward_inplace(&dA(t, 0), A.data() + std::size_t(t) * T, t + 1);
            std::fill(&dA(t, 0) + t + 1, &dA(t, 0) + r1, 0.0f);
            continue;
          }
          S dot = 0;
          for (int s = 0; s <= t; s++) dot += A(t, s) * dA(t, s);
          for (int s = 0; s <= t; s++) dA(t, s) = A(t, s) * (dA(t, s) - dot);
          for (int s = t + 1; s < r1; s++) dA(t, s) = 0;
        }
        dQ.middleRows(r0, rows).noalias() += (dAb * K.topRows(r1)) * scale;
        dK.topRows(r1).noalias() += (dAb.transpose() * Q.middleRows(r0, rows)) * scale;
      }
    }
  }
}

// ---- SwiGLU ---------------------------------------------------------------------------------

template <typename S>
void swiglu_forward(S* out, const S* a, const S* g, int N, int H) {
  const std::size_t n = std::size_t(N) * H;
  if constexpr (kIsFloat<S>) return swiglu(out, a, g, n);
  for (std::size_t i = 0; i < n; i++) {
    const S sig = S(1) / (S(1) + std::exp(-a[i]));
    out[i] = a[i] * sig * g[i];
  }
}

// d silu(a)/da = σ(a) + a σ(a)(1 − σ(a)) = σ(a)(1 + a(1 − σ(a))).
template <typename S>
void swiglu_backward(S* da, S* dg, const S* dout, const S* a, const S* g, int N, int H,
                     GradWrite write) {
  const std::size_t n = std::size_t(N) * H;
  const bool over = write == GradWrite::kOverwrite;
  if constexpr (kIsFloat<S>) return swiglu_backward_float(da, dg, dout, a, g, n, over);
  for (std::size_t i = 0; i < n; i++) {
    const S sig = S(1) / (S(1) + std::exp(-a[i]));
    const S dai = dout[i] * g[i] * sig * (S(1) + a[i] * (S(1) - sig)), dgi = dout[i] * a[i] * sig;
    da[i] = over ? dai : da[i] + dai;
    dg[i] = over ? dgi : dg[i] + dgi;
  }
}

// ---- residual -------------------------------------------------------------------------------

// Sums only (no product to fuse), so Eigen's vectorised loops give the same bits as plain ones
// at any alignment.
template <typename S>
void residual_forward(S* out, const S* a, const S* b, int n) {
  using Arr = Eigen::Map<Eigen::Array<S, Eigen::Dynamic, 1>>;
  using CArr = Eigen::Map<const Eigen::Array<S, Eigen::Dynamic, 1>>;
  Arr(out, n) = CArr(a, n) + CArr(b, n);
}

template <typename S>
void residual_backward(S* da, S* db, const S* dout, int n) {
  using Arr = Eigen::Map<Eigen::Array<S, Eigen::Dynamic, 1>>;
  using CArr = Eigen::Map<const Eigen::Array<S, Eigen::Dynamic, 1>>;
  Arr(da, n) += CArr(dout, n);
  Arr(db, n) += CArr(dout, n);
}

// ---- softmax + cross-entropy ----------------------------------------------------------------

template <typename S>
void crossentropy_forward(S* probs, S* losses, const S* logits, const int* targets, int N, int V) {
  for (int n = 0; n < N; n++) {
    const S* z = logits + std::size_t(n) * V;
    S* p = probs + std::size_t(n) * V;
    if constexpr (kIsFloat<S>) {
      if (p != z) std::copy(z, z + V, p);
      softmax_inplace(p, V, 1.0f);
      losses[n] = -std::log(p[targets[n]]);
      continue;
    }
    S mx = z[0];
    for (int i = 1; i < V; i++) mx = std::max(mx, z[i]);
    S sum = 0;
    for (int i = 0; i < V; i++) {
      p[i] = std::exp(z[i] - mx);
      sum += p[i];
    }
    const S inv = S(1) / sum;
    for (int i = 0; i < V; i++) p[i] *= inv;
    losses[n] = -std::log(p[targets[n]]);
  }
}

// loss = −log softmax(z)_y, so ∂loss/∂z_i = p_i − [i = y].
template <typename S>
void crossentropy_backward(S* dlogits, const S* probs, const int* targets, const S* dlosses,
                           int N, int V, GradWrite write) {
  for (int n = 0; n < N; n++) {
    const S* p = probs + std::size_t(n) * V;
    S* dz = dlogits + std::size_t(n) * V;
    const S dl = dlosses[n];
    if (write == GradWrite::kOverwrite) {
      for (int i = 0; i < V; i++) dz[i] = p[i] * dl;
    } else {
      for (int i = 0; i < V; i++) dz[i] += p[i] * dl;
    }
    dz[targets[n]] -= dl;
  }
}

#define BRAINHOST_CORTEX_INSTANTIATE(S)                                                          \
  template void embedding_forward<S>(S*, const int*, const S*, int, int);                        \
  template void embedding_backward<S>(S*, const S*, const int*, int, int);                       \
  template void rmsnorm_forward<S>(S*, S*, const S*, const S*, int, int);                        \
  template void rmsnorm_backward<S>(S*, S*, const S*, const S*, const S*, const S*, int, int);   \
  template void matmul_forward<S>(S*, const S*, const S*, int, int, int);                        \
  template void matmul_backward<S>(S*, S*, const S*, const S*, const S*, int, int, int,       \
                                   GradWrite);                                                  \
  template void rope_table<S>(S*, S*, int, int);                                                 \
  template void rope_forward<S>(S*, const S*, const S*, int, int, int, int);                     \
  template void rope_backward<S>(S*, const S*, const S*, int, int, int, int);                    \
  template void attention_forward<S>(S*, S*, const S*, const S*, const S*, int, int, int, int);  \
  template void attention_backward<S>(S*, S*, S*, S*, const S*, const S*, const S*, const S*,    \
                                      const S*, int, int, int, int);                             \
  template void swiglu_forward<S>(S*, const S*, const S*, int, int);                             \
  template void swiglu_backward<S>(S*, S*, const S*, const S*, const S*, int, int, GradWrite);   \
  template void residual_forward<S>(S*, const S*, const S*, int);                                \
  template void residual_backward<S>(S*, S*, const S*, int);                                     \
  template void crossentropy_forward<S>(S*, S*, const S*, const int*, int, int);                 \
  template void crossentropy_backward<S>(S*, const S*, const int*, const S*, int, int, GradWrite);

BRAINHOST_CORTEX_INSTANTIATE(float)
BRAINHOST_CORTEX_INSTANTIATE(double)
#undef BRAINHOST_CORTEX_INSTANTIATE

}  // namespace brainhost::regions::cortex
