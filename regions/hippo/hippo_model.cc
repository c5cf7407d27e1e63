// The hippo's read and its backward in plain loops: at M ≈ a few hundred memories and
// D·C ≈ 6K weights a read is ~1M multiply-adds, too small for Eigen's setup to pay off.
#include "hippo/hippo_model.h"

#include <algorithm>
#include <cassert>
#include <cmath>
#include <cstdint>
#include <limits>

namespace brainhost::regions::hippo {
namespace {

// splitmix64, then Box–Muller: a normal sequence that is the same on every standard library
// (std::normal_distribution is not), so a seed names the same initial weights everywhere.
struct Normal {
  std::uint64_t state;
  double uniform() {  // (0, 1]
    std::uint64_t z = (state += 0x9E3779B97F4A7C15ull);
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
    z ^= z >> 31;
    return (static_cast<double>(z >> 11) + 1.0) * 0x1.0p-53;
  }
  double operator()() {
    const double r = std::sqrt(-2.0 * std::log(uniform()));
    return r * std::cos(6.283185307179586 * uniform());
  }
};

}  // namespace

template <typename S>
HippoModel<S>::HippoModel(const HippoConfig& cfg, unsigned long long seed)
    : cfg_(cfg), params_(cfg.parameter_count()), grads_(cfg.parameter_count(), S(0)) {
  assert(cfg.valid());
  p_ = views(params_.data());
  dp_ = views(grads_.data());
  Normal normal{seed};
  const double sd = 1.0 / std::sqrt(static_cast<double>(cfg_.C));
  const std::size_t nw = static_cast<std::size_t>(cfg_.shared ? 1 : 2) * cfg_.D * cfg_.C;
  for (std::size_t i = 0; i < nw; i++) params_[i] = static_cast<S>(sd * normal());
  *p_.ws = 0;
  *p_.wr = 0;
  *p_.wc = 0;
  *p_.sink = 0;
  *p_.gain = 1;
}

template <typename S>
HippoParams<S> HippoModel<S>::views(S* base) const {
  const std::size_t dc = static_cast<std::size_t>(cfg_.D) * cfg_.C;
  HippoParams<S> v;
  v.wk = base;
  v.wq = cfg_.shared ? base : base + dc;
  S* scalars = base + (cfg_.shared ? dc : 2 * dc);
  v.ws = scalars;
  v.wr = scalars + 1;
  v.wc = scalars + 2;
  v.sink = scalars + 3;
  v.gain = scalars + 4;
  return v;
}

template <typename S>
void HippoModel<S>::zero_grad() {
  std::fill(grads_.begin(), grads_.end(), S(0));
}

template <typename S>
void HippoModel<S>::attend(S* k, S* q, S* p, const HippoInput<S>& in, S* scores) const {
  const int C = cfg_.C, D = cfg_.D, M = in.M;
  // q (D) = Wq h_q;  k (M, D) = h Wkᵀ
  const S rq = InverseRms(in.hq, C);
  for (int d = 0; d < D; d++) {
    const S* w = p_.wq + static_cast<std::size_t>(d) * C;
    S acc = 0;
    for (int c = 0; c < C; c++) acc += w[c] * in.hq[c];
    q[d] = acc * rq;
  }
  for (int i = 0; i < M; i++) {
    const S* hi = in.h + static_cast<std::size_t>(i) * C;
    const S ri = InverseRms(hi, C);
    for (int d = 0; d < D; d++) {
      const S* w = p_.wk + static_cast<std::size_t>(d) * C;
      S acc = 0;
      for (int c = 0; c < C; c++) acc += w[c] * hi[c];
      k[static_cast<std::size_t>(i) * D + d] = acc * ri;
    }
  }
  // p (M + 1) = softmax(k·q / sqrt(D) + w_s s − w_r a / A, then w_0), max-subtracted.
  const S inv_sqrt_d = S(1) / std::sqrt(static_cast<S>(D));
  const S inv_age = static_cast<S>(1.0 / cfg_.age_scale);
  p[M] = *p_.sink;
  S mx = p[M];
  for (int i = 0; i < M; i++) {
    S dotkq = 0;
    for (int d = 0; d < D; d++) dotkq += k[static_cast<std::size_t>(i) * D + d] * q[d];
    p[i] = dotkq * inv_sqrt_d + *p_.ws * in.surprise[i] - *p_.wr * in.age[i] * inv_age +
           (in.tokens[i] == in.query_token ? *p_.wc : S(0));
    mx = std::max(mx, p[i]);
  }
  if (scores) std::copy(p, p + M + 1, scores);
  S sum = 0;
  for (int i = 0; i <= M; i++) sum += (p[i] = std::exp(p[i] - mx));
  for (int i = 0; i <= M; i++) p[i] /= sum;
}

template <typename S>
void HippoModel<S>::read(S* bias, S* probs, const HippoInput<S>& in) const {
  std::vector<S> k(static_cast<std::size_t>(in.M) * cfg_.D), q(cfg_.D), p(in.M + 1);
  attend(k.data(), q.data(), p.data(), in);
  for (int i = 0; i < in.M; i++) bias[in.targets[i]] += *p_.gain * p[i];
  if (probs) std::copy(p.begin(), p.end(), probs);
}

template <typename S>
S HippoModel<S>::LogSumExp(const HippoInput<S>& in, bool settled) const {
  S mx = -std::numeric_limits<S>::infinity();
  for (int i = 0; i <= in.M; i++) {
    if (!settled || in.settle[i]) mx = std::max(mx, scores_[i]);
  }
  S sum = 0;
  for (int i = 0; i <= in.M; i++) {
    if (!settled || in.settle[i]) sum += std::exp(scores_[i] - mx);
  }
  return mx + std::log(sum);
}

template <typename S>
S HippoModel<S>::forward(const HippoInput<S>& in) {
  assert(in.V > 0 && in.target >= 0 && in.target < in.V);
  in_ = in;
  k_.assign(static_cast<std::size_t>(in.M) * cfg_.D, S(0));
  q_.assign(cfg_.D, S(0));
  att_.assign(in.M + 1, S(0));
  scores_.assign(in.M + 1, S(0));
  attend(k_.data(), q_.data(), att_.data(), in, scores_.data());
  // probs (V) = softmax(cortex_logits + bias), bias scattered over the targets (repeats add).
  probs_.assign(in.cortex_logits, in.cortex_logits + in.V);
  for (int i = 0; i < in.M; i++) probs_[in.targets[i]] += *p_.gain * att_[i];
  const S mx = *std::max_element(probs_.begin(), probs_.end());
  S sum = 0;
  for (S& z : probs_) sum += (z = std::exp(z - mx));
  for (S& z : probs_) z /= sum;
  has_forward_ = true;
  // −λ log Σ_G p = −λ (logsumexp_G(score) − logsumexp(score)), from the scores: the mass of a
  // set the read has left may be below the smallest float, and its log is not.
  const S settling =
      in.settle ? -in.settle_weight * (LogSumExp(in, true) - LogSumExp(in, false)) : S(0);
  return -std::log(probs_[in.target]) + settling;
}

template <typename S>
void HippoModel<S>::backward() {
  assert(has_forward_);
  const HippoInput<S>& in = in_;
  const int C = cfg_.C, D = cfg_.D, M = in.M;
  if (M == 0) return;  // the sink takes everything: no vote, nothing depends on the parameters
  // dbias[v] = dlogits[v] = probs[v] − [v = target]; only the targets' entries matter.
  auto dbias = [&](int v) { return probs_[v] - (v == in.target ? S(1) : S(0)); };
  // bias[t_i] gets g p_i:  dg = Σ_i p_i dbias[t_i],  dp_i = g dbias[t_i]; the sink votes
  // nothing, dp_M = 0.
  std::vector<S> dscore(M + 1, S(0));
  S dg = 0, pdp = 0;
  for (int i = 0; i < M; i++) {
    const S db = dbias(in.targets[i]);
    dg += att_[i] * db;
    dscore[i] = *p_.gain * db;
    pdp += att_[i] * dscore[i];
  }
  *dp_.gain += dg;
  // Softmax backward: dscore_i = p_i (dp_i − Σ_j p_j dp_j), the sink included.
  for (int i = 0; i <= M; i++) dscore[i] = att_[i] * (dscore[i] - pdp);
  // The settling term −λ log Σ_G p: dscore_i += λ (p_i − [i ∈ G] p_i / Σ_G p), the second the
  // softmax over G alone.
  if (in.settle) {
    const S settled = LogSumExp(in, true);
    for (int i = 0; i <= M; i++) {
      const S within = in.settle[i] ? std::exp(scores_[i] - settled) : S(0);
      dscore[i] += in.settle_weight * (att_[i] - within);
    }
  }
  *dp_.sink += dscore[M];
  // score_i = k_i·q / sqrt(D) + w_s s_i − w_r a_i / A.
  const S inv_sqrt_d = S(1) / std::sqrt(static_cast<S>(D));
  const S inv_age = static_cast<S>(1.0 / cfg_.age_scale);
  S dws = 0, dwr = 0, dwc = 0;
  std::vector<S> dq(D, S(0)), dk(D);
  for (int i = 0; i < M; i++) {
    dws += dscore[i] * in.surprise[i];
    dwr -= dscore[i] * in.age[i] * inv_age;
    if (in.tokens[i] == in.query_token) dwc += dscore[i];
    const S ds = dscore[i] * inv_sqrt_d;
    const S* ki = k_.data() + static_cast<std::size_t>(i) * D;
    // dk_i = ds q, dq += ds k_i;  dWk (D, C) += dk_i ⊗ h_i / rms(h_i).
    const S* hi = in.h + static_cast<std::size_t>(i) * C;
    const S ri = InverseRms(hi, C);
    for (int d = 0; d < D; d++) {
      dq[d] += ds * ki[d];
      const S dkd = ds * q_[d] * ri;
      S* row = dp_.wk + static_cast<std::size_t>(d) * C;
      for (int c = 0; c < C; c++) row[c] += dkd * hi[c];
    }
  }
  *dp_.ws += dws;
  *dp_.wr += dwr;
  *dp_.wc += dwc;
  // dWq (D, C) += dq ⊗ h_q / rms(h_q); dp_.wq is dp_.wk when shared, so the two paths add.
  const S rq = InverseRms(in.hq, C);
  for (int d = 0; d < D; d++) {
    S* row = dp_.wq + static_cast<std::size_t>(d) * C;
    for (int c = 0; c < C; c++) row[c] += dq[d] * rq * in.hq[c];
  }
}

template class HippoModel<float>;
template class HippoModel<double>;

}  // namespace brainhost::regions::hippo
