// Hand-written AVX2/FMA/F16C kernels for batch-1 inference (generate.h): matrix-vector products
// over weights stored in a PANEL layout, in float32 or IEEE half precision; and the vectorised
// element-wise float ops (exp, softmax, SwiGLU) that inference and training (layers.cc) share.
// Every element-wise kernel works from index 0 in blocks of 8, the last partial block through
// the same vector code, so its results depend only on the values, never on the alignment.
// At batch 1 every weight is read once per token and used for one multiply-add, so the products
// are bound by how fast the weights stream in from the L3 cache (8.5 MB float32 at the default
// shape) and by the instructions spent per weight; the layout below is chosen for both.
//
// Panel layout of a (R, K) matrix W (R outputs, K inputs). Rows are taken in GROUPS of 8 (one
// 256-bit vector of outputs), groups in PANELS of up to 8 (64 rows). Panel p holds, for each
// k = 0 .. K−1 in turn, the k-th input weight of each of its rows, group by group:
//     panel p at offset 64 · p · K;  element (k, g, j) at k · 8n + g · 8 + j
// for row 64p + 8g + j, where n is the number of groups in the panel (8 except in the last one).
// R is padded with zero rows to a multiple of 8. The product then needs no horizontal sums: per
// k it broadcasts x[k] and does n independent FMAs into n accumulators of 8 outputs, reading the
// panel as ONE sequential stream (which the hardware prefetcher follows at full L3 bandwidth).
// Each output is the plain left-to-right sum Σ_k W[r, k] · x[k], fused-multiply-added.
//
// What it is not: no matrix-matrix products (training's are Eigen's, in layers.cc), no threads
// (the caller splits panels between threads), no runtime CPU dispatch (the cortex library is
// built for x86-64-v3).
#pragma once

#include <cstddef>
#include <cstdint>

namespace brainhost::regions::cortex {

// An IEEE 754 binary16 value, as its bits.
using Half = std::uint16_t;

// Float → half, rounding to nearest even; values beyond the half range (±65504) are clamped to
// it rather than becoming infinite.
Half float_to_half(float x);
float half_to_float(Half h);

inline constexpr int kGroupRows = 8;    // rows per group: one vector of outputs
inline constexpr int kPanelGroups = 8;  // groups per panel
inline constexpr int kPanelRows = kGroupRows * kPanelGroups;

inline constexpr int round_up(int n, int m) { return (n + m - 1) / m * m; }
inline constexpr int panel_count(int rows) { return (rows + kPanelRows - 1) / kPanelRows; }

// Scalars in a packed (R, K) matrix: round_up(R, 8) · K.
inline std::size_t packed_size(int R, int K) { return std::size_t(round_up(R, kGroupRows)) * K; }

// Packs W (R, K), whose row r starts at src + r · ld, into dst (packed_size(R, K)) in the
// panel layout. W is float (copied) or Half (converted with float_to_half).
template <typename W>
void pack_panels(W* dst, const float* src, std::size_t ld, int R, int K);

// y = W · x for the rows of panels [p0, p1) of a packed (R, K) matrix w: writes
// y[64·p0 .. min(64·p1, round_up(R, 8))), padding rows included (they come out 0). x (K).
template <typename W>
void matvec_panels(float* y, const W* w, const float* x, int R, int K, int p0, int p1);
template <typename W>
void matvec(float* y, const W* w, const float* x, int R, int K) {
  matvec_panels(y, w, x, R, K, 0, panel_count(R));
}

// The same product over a matrix stored in STRIDED panels: every panel, the last included, is
// laid out as a full one (k-rows 64 apart), so rows can be added at the end without moving the
// others (the attention's key cache, filled one position at a time). Writes y (round_up(R, 8)).
void matvec_strided(float* y, const float* w, const float* x, int R, int K);
// Element (r, k) of a strided-panel matrix with K columns.
inline std::size_t strided_index(int r, int k, int K) {
  return std::size_t(r / kPanelRows) * kPanelRows * K + std::size_t(k) * kPanelRows +
         r % kPanelRows;
}

// x[i] = exp(x[i]) for i < n: Cephes' single-precision polynomial (within 2 ulp of expf over
// the range); inputs below −88.37 give 0, above 88.37 give exp(88.37).
void exp_inplace(float* x, int n);

// Σ x[i]², summed in 8 lanes and then across them.
float sum_of_squares(const float* x, int n);

// out (n) = x · r · g with r = 1 / sqrt(mean(x²) + eps): layers.h's rmsnorm_forward for one row
// (the same operations, the sum of squares in 8 lanes). Returns r.
float rmsnorm_row(float* out, const float* x, const float* g, int n, float eps);

// In place over a (n ≥ 1): a ← a · scale, then a ← exp(a − max a) / Σ exp(a − max a), in that
// order (attention_forward's softmax: max-subtracted, normalised by multiplying by 1 / sum).
void softmax_inplace(float* a, int n, float scale);

// x (n) += Σ_r rows[r · stride .. r · stride + n) over r < count, the rows summed in order
// first. The same sums whatever the caller, so every thread that calls it gets the same x.
void add_row_sum(float* x, const float* rows, int count, std::size_t stride, int n);

// The backward of the softmax of one row, in place: da ← a ∘ (da − Σ a ∘ da), for the row's
// probabilities a (n) and the gradient da (n) w.r.t. them (attention_backward's).
void softmax_backward_inplace(float* da, const float* a, int n);

// out (n) = silu(a) ∘ g = a · σ(a) · g with σ(a) = 1 / (1 + exp(−a)), for the gate a and the up
// projection g. The exp is exp_inplace's. out may alias neither a nor g.
void swiglu(float* out, const float* a, const float* g, std::size_t n);
// Its backward: da += dout ∘ g ∘ σ(a)(1 + a(1 − σ(a))), dg += dout ∘ silu(a); with overwrite,
// = instead of +=.
void swiglu_backward_float(float* da, float* dg, const float* dout, const float* a,
                           const float* g, std::size_t n, bool overwrite);

// y (HS) = Σ_s w[s] · v[s · ld .. s · ld + HS) for s < S: attention's weighted sum of values.
void weighted_rows(float* y, const float* w, const float* v, std::size_t ld, int S, int HS);

}  // namespace brainhost::regions::cortex
