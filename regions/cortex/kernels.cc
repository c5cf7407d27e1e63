// The batch-1 inference kernels. See kernels.h for the panel layout and the contracts.
#include "cortex/kernels.h"

#include <immintrin.h>

#include <algorithm>
#include <cassert>
#include <cmath>

namespace brainhost::regions::cortex {
namespace {

// Eight consecutive weights as floats.
inline __m256 load8(const float* p) { return _mm256_loadu_ps(p); }
inline __m256 load8(const Half* p) {
  return _mm256_cvtph_ps(_mm_loadu_si128(reinterpret_cast<const __m128i*>(p)));
}

// y (8N) = the N groups of one panel at w (k-rows kstride apart) times x (K). N accumulators of
// 8 outputs each; N = 8 keeps both FMA pipes busy despite the FMA latency of 4 cycles.
template <int N, typename W>
void panel_product(float* y, const W* w, std::size_t kstride, const float* x, int K) {
  __m256 acc[N];
#pragma GCC unroll 12
  for (int g = 0; g < N; g++) acc[g] = _mm256_setzero_ps();
  for (int k = 0; k < K; k++, w += kstride) {
    const __m256 xk = _mm256_broadcast_ss(x + k);
#pragma GCC unroll 12
    for (int g = 0; g < N; g++) acc[g] = _mm256_fmadd_ps(load8(w + g * kGroupRows), xk, acc[g]);
  }
#pragma GCC unroll 12
  for (int g = 0; g < N; g++) _mm256_storeu_ps(y + g * kGroupRows, acc[g]);
}

template <typename W>
void panel_dispatch(int groups, float* y, const W* w, std::size_t kstride, const float* x, int K) {
  switch (groups) {
    case 1: return panel_product<1>(y, w, kstride, x, K);
    case 2: return panel_product<2>(y, w, kstride, x, K);
    case 3: return panel_product<3>(y, w, kstride, x, K);
    case 4: return panel_product<4>(y, w, kstride, x, K);
    case 5: return panel_product<5>(y, w, kstride, x, K);
    case 6: return panel_product<6>(y, w, kstride, x, K);
    case 7: return panel_product<7>(y, w, kstride, x, K);
    case 8: return panel_product<8>(y, w, kstride, x, K);
    case 9: return panel_product<9>(y, w, kstride, x, K);
    case 10: return panel_product<10>(y, w, kstride, x, K);
    case 11: return panel_product<11>(y, w, kstride, x, K);
    default: return panel_product<12>(y, w, kstride, x, K);
  }
}

// Cephes' expf: e^x = 2^n · e^r with n = round(x / ln 2), r = x − n ln 2 (ln 2 in two parts
// for accuracy), e^r by a degree-5 polynomial.
inline __m256 exp8(__m256 x) {
  x = _mm256_min_ps(x, _mm256_set1_ps(88.3762626647949f));
  x = _mm256_max_ps(x, _mm256_set1_ps(-88.3762626647949f));
  __m256 n = _mm256_fmadd_ps(x, _mm256_set1_ps(1.44269504088896341f), _mm256_set1_ps(0.5f));
  n = _mm256_floor_ps(n);
  x = _mm256_fnmadd_ps(n, _mm256_set1_ps(0.693359375f), x);
  x = _mm256_fnmadd_ps(n, _mm256_set1_ps(-2.12194440e-4f), x);
  __m256 y = _mm256_set1_ps(1.9875691500e-4f);
  y = _mm256_fmadd_ps(y, x, _mm256_set1_ps(1.3981999507e-3f));
  y = _mm256_fmadd_ps(y, x, _mm256_set1_ps(8.3334519073e-3f));
  y = _mm256_fmadd_ps(y, x, _mm256_set1_ps(4.1665795894e-2f));
  y = _mm256_fmadd_ps(y, x, _mm256_set1_ps(1.6666665459e-1f));
  y = _mm256_fmadd_ps(y, x, _mm256_set1_ps(5.0000001201e-1f));
  y = _mm256_fmadd_ps(y, _mm256_mul_ps(x, x), _mm256_add_ps(x, _mm256_set1_ps(1.0f)));
  // 2^n through the exponent bits; n = −127 (x at the lower clamp) gives +0.
  const __m256i e = _mm256_slli_epi32(
      _mm256_add_epi32(_mm256_cvttps_epi32(n), _mm256_set1_epi32(127)), 23);
  return _mm256_mul_ps(y, _mm256_castsi256_ps(e));
}

inline float hsum(__m256 v) {
  __m128 s = _mm_add_ps(_mm256_castps256_ps128(v), _mm256_extractf128_ps(v, 1));
  s = _mm_add_ps(s, _mm_movehl_ps(s, s));
  s = _mm_add_ss(s, _mm_movehdup_ps(s));
  return _mm_cvtss_f32(s);
}

// weighted_rows for HS = 8 NV: two sets of NV accumulators (even and odd s), so that
// consecutive FMAs do not wait on each other; summed at the end.
template <int NV>
void weighted_rows_fixed(float* y, const float* w, const float* v, std::size_t ld, int S) {
  __m256 a[NV], b[NV];
#pragma GCC unroll 8
  for (int j = 0; j < NV; j++) a[j] = b[j] = _mm256_setzero_ps();
  int s = 0;
  for (; s + 2 <= S; s += 2) {
    const float* r0 = v + std::size_t(s) * ld;
    const float* r1 = r0 + ld;
    const __m256 w0 = _mm256_broadcast_ss(w + s), w1 = _mm256_broadcast_ss(w + s + 1);
#pragma GCC unroll 8
    for (int j = 0; j < NV; j++) {
      a[j] = _mm256_fmadd_ps(_mm256_loadu_ps(r0 + 8 * j), w0, a[j]);
      b[j] = _mm256_fmadd_ps(_mm256_loadu_ps(r1 + 8 * j), w1, b[j]);
    }
  }
  if (s < S) {
    const float* r0 = v + std::size_t(s) * ld;
    const __m256 w0 = _mm256_broadcast_ss(w + s);
#pragma GCC unroll 8
    for (int j = 0; j < NV; j++) a[j] = _mm256_fmadd_ps(_mm256_loadu_ps(r0 + 8 * j), w0, a[j]);
  }
#pragma GCC unroll 8
  for (int j = 0; j < NV; j++) _mm256_storeu_ps(y + 8 * j, _mm256_add_ps(a[j], b[j]));
}

}  // namespace

Half float_to_half(float x) {
  x = std::clamp(x, -65504.0f, 65504.0f);
  return Half(_cvtss_sh(x, _MM_FROUND_TO_NEAREST_INT | _MM_FROUND_NO_EXC));
}

float half_to_float(Half h) { return _cvtsh_ss(h); }

template <typename W>
void pack_panels(W* dst, const float* src, std::size_t ld, int R, int K) {
  const int rows = round_up(R, kGroupRows);
  for (int p0 = 0; p0 < rows; p0 += kPanelRows) {
    const int n = std::min(kPanelRows, rows - p0);  // rows in this panel, a multiple of 8
    W* panel = dst + std::size_t(p0) * K;
    for (int k = 0; k < K; k++) {
      for (int i = 0; i < n; i++) {
        const int r = p0 + i;
        const float v = r < R ? src[std::size_t(r) * ld + k] : 0.0f;
        if constexpr (sizeof(W) == sizeof(float)) {
          panel[std::size_t(k) * n + i] = v;
        } else {
          panel[std::size_t(k) * n + i] = float_to_half(v);
        }
      }
    }
  }
}

template <typename W>
void matvec_panels(float* y, const W* w, const float* x, int R, int K, int p0, int p1) {
  const int groups = round_up(R, kGroupRows) / kGroupRows;
  for (int p = p0; p < p1; p++) {
    const int n = std::min(kPanelGroups, groups - p * kPanelGroups);
    panel_dispatch(n, y + p * kPanelRows, w + std::size_t(p) * kPanelRows * K,
                   std::size_t(n) * kGroupRows, x, K);
  }
}

void matvec_strided(float* y, const float* w, const float* x, int R, int K) {
  const int groups = round_up(R, kGroupRows) / kGroupRows;
  for (int p = 0; p * kPanelGroups < groups; p++) {
    const int n = std::min(kPanelGroups, groups - p * kPanelGroups);
    panel_dispatch(n, y + p * kPanelRows, w + std::size_t(p) * kPanelRows * K, kPanelRows, x, K);
  }
}

void exp_inplace(float* x, int n) {
  int i = 0;
  for (; i + 8 <= n; i += 8) _mm256_storeu_ps(x + i, exp8(_mm256_loadu_ps(x + i)));
  if (i < n) {
    float tail[8] = {};
    std::copy(x + i, x + n, tail);
    _mm256_storeu_ps(tail, exp8(_mm256_loadu_ps(tail)));
    std::copy(tail, tail + (n - i), x + i);
  }
}

float sum_of_squares(const float* x, int n) {
  __m256 v = _mm256_setzero_ps();
  int i = 0;
  for (; i + 8 <= n; i += 8) {
    const __m256 xi = _mm256_loadu_ps(x + i);
    v = _mm256_fmadd_ps(xi, xi, v);
  }
  float s = hsum(v);
  for (; i < n; i++) s += x[i] * x[i];
  return s;
}

float rmsnorm_row(float* out, const float* x, const float* g, int n, float eps) {
  const float r = 1.0f / std::sqrt(sum_of_squares(x, n) / float(n) + eps);
  const __m256 rv = _mm256_set1_ps(r);
  int i = 0;
  for (; i + 8 <= n; i += 8) {
    const __m256 xr = _mm256_mul_ps(_mm256_loadu_ps(x + i), rv);
    _mm256_storeu_ps(out + i, _mm256_mul_ps(xr, _mm256_loadu_ps(g + i)));
  }
  for (; i < n; i++) out[i] = x[i] * r * g[i];
  return r;
}

void softmax_backward_inplace(float* da, const float* a, int n) {
  __m256 dot8 = _mm256_setzero_ps();
  int i = 0;
  for (; i + 8 <= n; i += 8) {
    dot8 = _mm256_fmadd_ps(_mm256_loadu_ps(a + i), _mm256_loadu_ps(da + i), dot8);
  }
  float dot = hsum(dot8);
  for (int j = i; j < n; j++) dot += a[j] * da[j];
  const __m256 dv = _mm256_set1_ps(dot);
  for (i = 0; i + 8 <= n; i += 8) {
    const __m256 d = _mm256_sub_ps(_mm256_loadu_ps(da + i), dv);
    _mm256_storeu_ps(da + i, _mm256_mul_ps(_mm256_loadu_ps(a + i), d));
  }
  for (; i < n; i++) da[i] = a[i] * (da[i] - dot);
}

void softmax_inplace(float* a, int n, float scale) {
  assert(n >= 1);
  const __m256 sv = _mm256_set1_ps(scale);
  int i = 0;
  __m256 mv = _mm256_set1_ps(-INFINITY);
  for (; i + 8 <= n; i += 8) {
    const __m256 v = _mm256_mul_ps(_mm256_loadu_ps(a + i), sv);
    _mm256_storeu_ps(a + i, v);
    mv = _mm256_max_ps(mv, v);
  }
  alignas(32) float lanes[8];
  _mm256_store_ps(lanes, mv);
  float mx = *std::max_element(lanes, lanes + 8);
  for (; i < n; i++) {
    a[i] *= scale;
    mx = std::max(mx, a[i]);
  }
  const __m256 mxv = _mm256_set1_ps(mx);
  __m256 sumv = _mm256_setzero_ps();
  for (i = 0; i + 8 <= n; i += 8) {
    const __m256 e = exp8(_mm256_sub_ps(_mm256_loadu_ps(a + i), mxv));
    _mm256_storeu_ps(a + i, e);
    sumv = _mm256_add_ps(sumv, e);
  }
  float sum = hsum(sumv);
  if (i < n) {
    float tail[8] = {};
    for (int j = i; j < n; j++) tail[j - i] = a[j] - mx;
    _mm256_storeu_ps(tail, exp8(_mm256_loadu_ps(tail)));
    for (int j = i; j < n; j++) sum += a[j] = tail[j - i];
  }
  const float inv = 1.0f / sum;
  const __m256 iv = _mm256_set1_ps(inv);
  for (i = 0; i + 8 <= n; i += 8) {
    _mm256_storeu_ps(a + i, _mm256_mul_ps(_mm256_loadu_ps(a + i), iv));
  }
  for (; i < n; i++) a[i] *= inv;
}

void add_row_sum(float* x, const float* rows, int count, std::size_t stride, int n) {
  int i = 0;
  for (; i + 8 <= n; i += 8) {
    __m256 sum = _mm256_loadu_ps(rows + i);
    for (int r = 1; r < count; r++) {
      sum = _mm256_add_ps(sum, _mm256_loadu_ps(rows + r * stride + i));
    }
    _mm256_storeu_ps(x + i, _mm256_add_ps(_mm256_loadu_ps(x + i), sum));
  }
  for (; i < n; i++) {
    float sum = rows[i];
    for (int r = 1; r < count; r++) sum += rows[r * stride + i];
    x[i] += sum;
  }
}

void swiglu(float* out, const float* a, const float* g, std::size_t n) {
  // Eight at a time; the last partial block goes through the same code, padded with zeros.
  const auto block = [](float* o, const float* av, const float* gv) {
    const __m256 ai = _mm256_loadu_ps(av);
    const __m256 e = exp8(_mm256_sub_ps(_mm256_setzero_ps(), ai));              // exp(−a)
    const __m256 silu = _mm256_div_ps(ai, _mm256_add_ps(_mm256_set1_ps(1.0f), e));  // a · σ(a)
    _mm256_storeu_ps(o, _mm256_mul_ps(silu, _mm256_loadu_ps(gv)));
  };
  std::size_t i = 0;
  for (; i + 8 <= n; i += 8) block(out + i, a + i, g + i);
  if (i < n) {
    float ta[8] = {}, tg[8] = {}, to[8];
    std::copy(a + i, a + n, ta);
    std::copy(g + i, g + n, tg);
    block(to, ta, tg);
    std::copy(to, to + (n - i), out + i);
  }
}

void swiglu_backward_float(float* da, float* dg, const float* dout, const float* a,
                           const float* g, std::size_t n, bool overwrite) {
  const auto block = [overwrite](float* dav, float* dgv, const float* dv, const float* av,
                                 const float* gv) {
    const __m256 one = _mm256_set1_ps(1.0f);
    const __m256 ai = _mm256_loadu_ps(av), d = _mm256_loadu_ps(dv);
    const __m256 e = exp8(_mm256_sub_ps(_mm256_setzero_ps(), ai));  // exp(−a)
    const __m256 sig = _mm256_div_ps(one, _mm256_add_ps(one, e));
    // da += dout · g · σ · (1 + a (1 − σ)); dg += dout · a · σ.
    const __m256 dsilu =
        _mm256_mul_ps(sig, _mm256_add_ps(one, _mm256_mul_ps(ai, _mm256_sub_ps(one, sig))));
    const __m256 dg_term = _mm256_mul_ps(_mm256_mul_ps(d, ai), sig);
    const __m256 da_term = _mm256_mul_ps(_mm256_mul_ps(d, _mm256_loadu_ps(gv)), dsilu);
    if (overwrite) {
      _mm256_storeu_ps(dav, da_term);
      _mm256_storeu_ps(dgv, dg_term);
    } else {
      _mm256_storeu_ps(dav, _mm256_add_ps(_mm256_loadu_ps(dav), da_term));
      _mm256_storeu_ps(dgv, _mm256_add_ps(_mm256_loadu_ps(dgv), dg_term));
    }
  };
  std::size_t i = 0;
  for (; i + 8 <= n; i += 8) block(da + i, dg + i, dout + i, a + i, g + i);
  if (i < n) {
    float tda[8] = {}, tdg[8] = {}, td[8] = {}, ta[8] = {}, tg[8] = {};
    const std::size_t m = n - i;
    std::copy(da + i, da + n, tda);
    std::copy(dg + i, dg + n, tdg);
    std::copy(dout + i, dout + n, td);
    std::copy(a + i, a + n, ta);
    std::copy(g + i, g + n, tg);
    block(tda, tdg, td, ta, tg);
    std::copy(tda, tda + m, da + i);
    std::copy(tdg, tdg + m, dg + i);
  }
}

void weighted_rows(float* y, const float* w, const float* v, std::size_t ld, int S, int HS) {
  switch (HS) {
    case 8: return weighted_rows_fixed<1>(y, w, v, ld, S);
    case 16: return weighted_rows_fixed<2>(y, w, v, ld, S);
    case 24: return weighted_rows_fixed<3>(y, w, v, ld, S);
    case 32: return weighted_rows_fixed<4>(y, w, v, ld, S);
    case 48: return weighted_rows_fixed<6>(y, w, v, ld, S);
    case 64: return weighted_rows_fixed<8>(y, w, v, ld, S);
    default: break;
  }
  std::fill(y, y + HS, 0.0f);
  for (int s = 0; s < S; s++) {
    const float* row = v + std::size_t(s) * ld;
    for (int i = 0; i < HS; i++) y[i] += w[s] * row[i];
  }
}

template void pack_panels<float>(float*, const float*, std::size_t, int, int);
template void pack_panels<Half>(Half*, const float*, std::size_t, int, int);
template void matvec_panels<float>(float*, const float*, const float*, int, int, int, int);
template void matvec_panels<Half>(float*, const Half*, const float*, int, int, int, int);

}  // namespace brainhost::regions::cortex
