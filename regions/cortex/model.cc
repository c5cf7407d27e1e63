// The cortex model's forward and backward passes: layers.h's ops wired into the Llama-style
// network of config.h. The backward walks the forward in reverse, op by op.
#include "cortex/model.h"

#include <algorithm>
#include <cassert>
#include <cmath>
#include <cstring>
#include <limits>

#include "cortex/layers.h"

namespace brainhost::regions::cortex {

template <typename S>
void Parameters<S>::point(S* memory, const Config& cfg) {
  S** slots[kNumParameterTensors] = {&wte, &rms_att, &wq, &wk, &wv, &wo,
                                     &rms_ffn, &w1, &w2, &w3, &rms_final};
  const auto sizes = parameter_sizes(cfg);
  for (int i = 0; i < kNumParameterTensors; i++) {
    *slots[i] = memory;
    memory += sizes[i];
  }
}

std::array<std::size_t, kNumActivationTensors> activation_sizes(const Config& cfg, int B, int T) {
  const std::size_t N = std::size_t(B) * T, C = cfg.dim, L = cfg.layers, NH = cfg.heads,
                    H = cfg.hidden, V = cfg.vocab;
  return {N * C,                      // encoded
          L * N * C, L * N,           // ln1, ln1_rstd
          L * N * C, L * N * C, L * N * C,  // q, k, v
          L * B * NH * T * T,         // att
          L * N * C, L * N * C, L * N * C,  // atty, attproj, res1
          L * N * C, L * N,           // ln2, ln2_rstd
          L * N * H, L * N * H, L * N * H,  // h1, h3, hg
          L * N * C, L * N * C,       // ffproj, res2
          N * C, N,                   // lnf, lnf_rstd
          N * V, N};                  // logits, losses
}

std::size_t activation_count(const Config& cfg, int B, int T) {
  std::size_t n = 0;
  for (std::size_t s : activation_sizes(cfg, B, T)) n += s;
  return n;
}

template <typename S>
void Activations<S>::point(S* memory, const Config& cfg, int B, int T) {
  S** slots[kNumActivationTensors] = {&encoded, &ln1, &ln1_rstd, &q, &k, &v, &att,
                                      &atty, &attproj, &res1, &ln2, &ln2_rstd, &h1, &h3,
                                      &hg, &ffproj, &res2, &lnf, &lnf_rstd, &logits, &losses};
  const auto sizes = activation_sizes(cfg, B, T);
  for (int i = 0; i < kNumActivationTensors; i++) {
    *slots[i] = memory;
    memory += sizes[i];
  }
}

namespace {
// splitmix64 and Box–Muller: a normal sampler that gives the same numbers everywhere
// (std::normal_distribution does not across standard libraries).
struct Rng {
  std::uint64_t state;
  std::uint64_t next() {
    std::uint64_t z = (state += 0x9E3779B97F4A7C15ull);
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
    return z ^ (z >> 31);
  }
  double uniform() { return double((next() >> 11) + 1) * 0x1.0p-53; }  // (0, 1]
  double normal() {
    return std::sqrt(-2.0 * std::log(uniform())) * std::cos(6.283185307179586 * uniform());
  }
};
}  // namespace

template <typename S>
Model<S>::Model(const Config& cfg) : config(cfg) {
  assert(cfg.valid());
  const std::size_t n = parameter_count(cfg);
  params_memory.assign(n, S(0));
  grads_memory.assign(n, S(0));
  params.point(params_memory.data(), cfg);
  grads.point(grads_memory.data(), cfg);
  const int P = cfg.head_size() / 2;
  rope_cos.resize(std::size_t(cfg.context) * P);
  rope_sin.resize(std::size_t(cfg.context) * P);
  rope_table(rope_cos.data(), rope_sin.data(), cfg.context, cfg.head_size());
}

template <typename S>
void Model<S>::init(std::uint64_t seed) {
  Rng rng{seed};
  const auto sizes = parameter_sizes(config);
  const double std_matrix = 0.02, std_residual = 0.02 / std::sqrt(2.0 * config.layers);
  S* p = params_memory.data();
  for (int t = 0; t < kNumParameterTensors; t++) {
    const bool norm = !is_decayed(ParameterTensor(t));
    const double sd = (t == kWo || t == kW2) ? std_residual : std_matrix;
    for (std::size_t i = 0; i < sizes[t]; i++) p[i] = norm ? S(1) : S(sd * rng.normal());
    p += sizes[t];
  }
}

template <typename S>
void Model<S>::resize_activations(int B, int T) {
  if (B == batch_size && T == seq_len) return;
  batch_size = B;
  seq_len = T;
  const std::size_t n = activation_count(config, B, T);
  acts_memory.assign(n, S(0));
  grads_acts_memory.assign(n, S(0));
  acts.point(acts_memory.data(), config, B, T);
  grads_acts.point(grads_acts_memory.data(), config, B, T);
}

template <typename S>
S Model<S>::forward(const int* tokens, const int* targets, int B, int T) {
  assert(B >= 1 && T >= 1 && T <= config.context);
  resize_activations(B, T);
  const int N = B * T, C = config.dim, L = config.layers, NH = config.heads, H = config.hidden,
            V = config.vocab, HS = config.head_size();
  const std::size_t NC = std::size_t(N) * C, NHd = std::size_t(N) * H;
  last_tokens.assign(tokens, tokens + N);
  if (targets) {
    last_targets.assign(targets, targets + N);
  } else {
    last_targets.clear();
  }
  const Parameters<S>& p = params;
  Activations<S>& a = acts;

  embedding_forward(a.encoded, tokens, p.wte, N, C);
  for (int l = 0; l < L; l++) {
    const S* x = l == 0 ? a.encoded : a.res2 + (l - 1) * NC;  // (B, T, C) layer input
    S* ln1 = a.ln1 + l * NC;
    S* ln1_rstd = a.ln1_rstd + l * std::size_t(N);
    S* q = a.q + l * NC;
    S* k = a.k + l * NC;
    S* v = a.v + l * NC;
    S* att = a.att + l * std::size_t(B) * NH * T * T;
    S* atty = a.atty + l * NC;
    S* attproj = a.attproj + l * NC;
    S* res1 = a.res1 + l * NC;
    S* ln2 = a.ln2 + l * NC;
    S* ln2_rstd = a.ln2_rstd + l * std::size_t(N);
    S* h1 = a.h1 + l * NHd;
    S* h3 = a.h3 + l * NHd;
    S* hg = a.hg + l * NHd;
    S* ffproj = a.ffproj + l * NC;
    S* res2 = a.res2 + l * NC;
    const std::size_t CC = std::size_t(C) * C, HC = std::size_t(H) * C;

    rmsnorm_forward(ln1, ln1_rstd, x, p.rms_att + l * C, N, C);
    matmul_forward(q, ln1, p.wq + l * CC, N, C, C);
    matmul_forward(k, ln1, p.wk + l * CC, N, C, C);
    matmul_forward(v, ln1, p.wv + l * CC, N, C, C);
    rope_forward(q, rope_cos.data(), rope_sin.data(), B, T, C, HS);
    rope_forward(k, rope_cos.data(), rope_sin.data(), B, T, C, HS);
    attention_forward(atty, att, q, k, v, B, T, C, NH);
    matmul_forward(attproj, atty, p.wo + l * CC, N, C, C);
    residual_forward(res1, x, attproj, int(NC));
    rmsnorm_forward(ln2, ln2_rstd, res1, p.rms_ffn + l * C, N, C);
    matmul_forward(h1, ln2, p.w1 + l * HC, N, C, H);
    matmul_forward(h3, ln2, p.w3 + l * HC, N, C, H);
    swiglu_forward(hg, h1, h3, N, H);
    matmul_forward(ffproj, hg, p.w2 + l * HC, N, H, C);
    residual_forward(res2, res1, ffproj, int(NC));
  }
  const S* xL = a.res2 + (L - 1) * NC;  // (B, T, C) last layer's output
  rmsnorm_forward(a.lnf, a.lnf_rstd, xL, p.rms_final, N, C);
  matmul_forward(a.logits, a.lnf, p.wte, N, C, V);  // the tied head
  if (!targets) return std::numeric_limits<S>::quiet_NaN();
  crossentropy_forward(a.logits, a.losses, a.logits, targets, N, V);
  S sum = 0;
  for (int n = 0; n < N; n++) sum += a.losses[n];
  mean_loss = sum / S(N);
  return mean_loss;
}

template <typename S>
void Model<S>::zero_grad() {
  std::fill(grads_memory.begin(), grads_memory.end(), S(0));
}

template <typename S>
void Model<S>::backward() {
  assert(!last_targets.empty() && "backward() needs a forward() with targets");
  const int B = batch_size, T = seq_len;
  const int N = B * T, C = config.dim, L = config.layers, NH = config.heads, H = config.hidden,
            V = config.vocab, HS = config.head_size();
  const std::size_t NC = std::size_t(N) * C, NHd = std::size_t(N) * H;
  const Parameters<S>& p = params;
  Parameters<S>& dp = grads;
  const Activations<S>& a = acts;
  Activations<S>& g = grads_acts;
  // Zero the activation gradients that several ops add into. The others are written (=) by
  // their only contributor, or by their first (GradWrite::kOverwrite below), or are scratch
  // (datt) or unused (the rstd slots): logits, lnf, hg, h1, h3, ln2, atty, att, ln1 — three
  // quarters of the buffer, not zeroed.
  for (S* t : {g.encoded, g.q, g.k, g.v, g.attproj, g.res1, g.ffproj, g.res2}) {
    std::fill(t, t + (t == g.encoded ? NC : L * NC), S(0));
  }
  constexpr GradWrite kOver = GradWrite::kOverwrite;

  for (int n = 0; n < N; n++) g.losses[n] = S(1) / S(N);  // d mean / d loss_n
  crossentropy_backward(g.logits, a.logits, last_targets.data(), g.losses, N, V, kOver);
  matmul_backward(g.lnf, dp.wte, g.logits, a.lnf, p.wte, N, C, V, kOver);
  const S* xL = a.res2 + (L - 1) * NC;
  S* dxL = g.res2 + (L - 1) * NC;
  rmsnorm_backward(dxL, dp.rms_final, g.lnf, xL, p.rms_final, a.lnf_rstd, N, C);

  for (int l = L - 1; l >= 0; l--) {
    const S* x = l == 0 ? a.encoded : a.res2 + (l - 1) * NC;
    S* dx = l == 0 ? g.encoded : g.res2 + (l - 1) * NC;
    const std::size_t CC = std::size_t(C) * C, HC = std::size_t(H) * C;
    const std::size_t attoff = l * std::size_t(B) * NH * T * T;
    const std::size_t lN = l * std::size_t(N);

    // MLP block, in reverse.
    residual_backward(g.res1 + l * NC, g.ffproj + l * NC, g.res2 + l * NC, int(NC));
    matmul_backward(g.hg + l * NHd, dp.w2 + l * HC, g.ffproj + l * NC, a.hg + l * NHd,
                    p.w2 + l * HC, N, H, C, kOver);
    swiglu_backward(g.h1 + l * NHd, g.h3 + l * NHd, g.hg + l * NHd, a.h1 + l * NHd,
                    a.h3 + l * NHd, N, H, kOver);
    matmul_backward(g.ln2 + l * NC, dp.w1 + l * HC, g.h1 + l * NHd, a.ln2 + l * NC,
                    p.w1 + l * HC, N, C, H, kOver);
    matmul_backward(g.ln2 + l * NC, dp.w3 + l * HC, g.h3 + l * NHd, a.ln2 + l * NC,
                    p.w3 + l * HC, N, C, H);
    rmsnorm_backward(g.res1 + l * NC, dp.rms_ffn + l * C, g.ln2 + l * NC, a.res1 + l * NC,
                     p.rms_ffn + l * C, a.ln2_rstd + lN, N, C);

    // Attention block, in reverse.
    residual_backward(dx, g.attproj + l * NC, g.res1 + l * NC, int(NC));
    matmul_backward(g.atty + l * NC, dp.wo + l * CC, g.attproj + l * NC, a.atty + l * NC,
                    p.wo + l * CC, N, C, C, kOver);
    attention_backward(g.q + l * NC, g.k + l * NC, g.v + l * NC, g.att + attoff, g.atty + l * NC,
                       a.att + attoff, a.q + l * NC, a.k + l * NC, a.v + l * NC, B, T, C, NH);
    rope_backward(g.q + l * NC, rope_cos.data(), rope_sin.data(), B, T, C, HS);
    rope_backward(g.k + l * NC, rope_cos.data(), rope_sin.data(), B, T, C, HS);
    matmul_backward(g.ln1 + l * NC, dp.wq + l * CC, g.q + l * NC, a.ln1 + l * NC,
                    p.wq + l * CC, N, C, C, kOver);
    matmul_backward(g.ln1 + l * NC, dp.wk + l * CC, g.k + l * NC, a.ln1 + l * NC,
                    p.wk + l * CC, N, C, C);
    matmul_backward(g.ln1 + l * NC, dp.wv + l * CC, g.v + l * NC, a.ln1 + l * NC,
                    p.wv + l * CC, N, C, C);
    rmsnorm_backward(dx, dp.rms_att + l * C, g.ln1 + l * NC, x, p.rms_att + l * C,
                     a.ln1_rstd + lN, N, C);
  }
  embedding_backward(dp.wte, g.encoded, last_tokens.data(), N, C);
}

template struct Parameters<float>;
template struct Parameters<double>;
template struct Activations<float>;
template struct Activations<double>;
template struct Model<float>;
template struct Model<double>;

}  // namespace brainhost::regions::cortex
