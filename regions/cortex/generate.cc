// One token through the network with a KV cache, and the generation loop. Each op is the one
// Model::forward calls (layers.h) at N = 1, except attention, which here reads the cache: the
// query at pos against the keys and values of positions 0 .. pos.
#include "cortex/generate.h"

#include <Eigen/Core>
#include <algorithm>
#include <cassert>
#include <cmath>

#include "cortex/layers.h"

namespace brainhost::regions::cortex {
namespace {
using MatR = Eigen::Matrix<float, Eigen::Dynamic, Eigen::Dynamic, Eigen::RowMajor>;
// A (rows, HS) block of the cache whose rows are C apart: one head's keys or values.
using CHeadMap = Eigen::Map<const MatR, 0, Eigen::OuterStride<>>;
using CVec = Eigen::Map<const Eigen::VectorXf>;
using Vec = Eigen::Map<Eigen::VectorXf>;
}  // namespace

InferenceState::InferenceState(const Parameters<float>& p, const Config& cfg)
    : params(p), config(cfg) {
  assert(cfg.valid());
  const std::size_t C = cfg.dim, L = cfg.layers, T = cfg.context, H = cfg.hidden;
  const std::size_t P = cfg.head_size() / 2;
  key_cache.assign(L * T * C, 0.0f);
  value_cache.assign(L * T * C, 0.0f);
  rope_cos.resize(T * P);
  rope_sin.resize(T * P);
  rope_table(rope_cos.data(), rope_sin.data(), cfg.context, cfg.head_size());
  x.assign(C, 0.0f);
  xb.assign(C, 0.0f);
  xb2.assign(C, 0.0f);
  q.assign(C, 0.0f);
  att.assign(std::size_t(cfg.heads) * T, 0.0f);
  h1.assign(H, 0.0f);
  h3.assign(H, 0.0f);
  hg.assign(H, 0.0f);
  xf.assign(C, 0.0f);
  logits.assign(cfg.vocab, 0.0f);
}

const float* InferenceState::step(int token, int pos) {
  const int C = config.dim, L = config.layers, NH = config.heads, H = config.hidden,
            V = config.vocab, HS = config.head_size(), T = config.context, P = HS / 2;
  assert(pos >= 0 && pos < T && token >= 0 && token < V);
  const std::size_t CC = std::size_t(C) * C, HC = std::size_t(H) * C;
  const Parameters<float>& p = params;
  const float scale = 1.0f / std::sqrt(float(HS));  // as attention_forward computes it
  // RoPE at pos: the T = 1 op fed the table's row pos, i.e. the rotation forward applies at t.
  const float* cos = rope_cos.data() + std::size_t(pos) * P;
  const float* sin = rope_sin.data() + std::size_t(pos) * P;

  embedding_forward(x.data(), &token, p.wte, 1, C);
  for (int l = 0; l < L; l++) {
    float* kc = key_cache.data() + std::size_t(l) * T * C;    // (T, C) this layer's keys
    float* vc = value_cache.data() + std::size_t(l) * T * C;  // (T, C) this layer's values
    float* k = kc + std::size_t(pos) * C;                     // (C) written straight to the cache
    float* v = vc + std::size_t(pos) * C;

    rmsnorm_forward(xb.data(), &rstd, x.data(), p.rms_att + l * C, 1, C);
    matmul_forward(q.data(), xb.data(), p.wq + l * CC, 1, C, C);
    matmul_forward(k, xb.data(), p.wk + l * CC, 1, C, C);
    matmul_forward(v, xb.data(), p.wv + l * CC, 1, C, C);
    rope_forward(q.data(), cos, sin, 1, 1, C, HS);
    rope_forward(k, cos, sin, 1, 1, C, HS);

    // Attention of the one query over the cached positions 0 .. pos, head by head; the softmax
    // is attention_forward's (max-subtracted, sum, multiply by the inverse).
    const int S = pos + 1;
    const Eigen::OuterStride<> stride(C);
    for (int h = 0; h < NH; h++) {
      CHeadMap K(kc + h * HS, S, HS, stride), Vm(vc + h * HS, S, HS, stride);
      Vec a(att.data() + std::size_t(h) * T, S);                       // (S)
      a.noalias() = (K * CVec(q.data() + h * HS, HS)) * scale;
      const float mx = a.maxCoeff();
      float sum = 0;
      for (int s = 0; s < S; s++) {
        a[s] = std::exp(a[s] - mx);
        sum += a[s];
      }
      a *= 1.0f / sum;
      Vec(xb.data() + h * HS, HS).noalias() = Vm.transpose() * a;  // (HS) = Σ_s a_s · v_s
    }
    matmul_forward(xb2.data(), xb.data(), p.wo + l * CC, 1, C, C);
    residual_forward(x.data(), x.data(), xb2.data(), C);  // element-wise, so in place is safe

    rmsnorm_forward(xb.data(), &rstd, x.data(), p.rms_ffn + l * C, 1, C);
    matmul_forward(h1.data(), xb.data(), p.w1 + l * HC, 1, C, H);
    matmul_forward(h3.data(), xb.data(), p.w3 + l * HC, 1, C, H);
    swiglu_forward(hg.data(), h1.data(), h3.data(), 1, H);
    matmul_forward(xb2.data(), hg.data(), p.w2 + l * HC, 1, H, C);
    residual_forward(x.data(), x.data(), xb2.data(), C);
  }
  rmsnorm_forward(xf.data(), &rstd, x.data(), p.rms_final, 1, C);
  matmul_forward(logits.data(), xf.data(), p.wte, 1, C, V);  // the tied head
  return logits.data();
}

std::vector<int> generate(const Parameters<float>& params, const Config& cfg,
                          const std::vector<int>& prompt, const SamplingOptions& options,
                          const std::vector<int>& stop_tokens, const float* logit_bias) {
  assert(!prompt.empty());
  const int T = cfg.context, V = cfg.vocab;
  const int start = std::max(0, int(prompt.size()) - (T - 1));  // keep room for one reply token
  InferenceState state(params, cfg);
  Sampler sampler(options, V);
  int pos = 0;
  const float* out = nullptr;
  for (std::size_t i = start; i < prompt.size(); i++) out = state.step(prompt[i], pos++);

  std::vector<int> reply;
  std::vector<float> logits(V);  // (V) the sampler's working copy: it edits in place
  // pos is now the position the next token will take; it must stay inside the context.
  while (int(reply.size()) < options.max_tokens && pos < T) {
    std::copy(out, out + V, logits.begin());
    const int token = sampler.sample(logits.data(), reply, logit_bias);
    if (std::find(stop_tokens.begin(), stop_tokens.end(), token) != stop_tokens.end()) break;
    reply.push_back(token);
    // The last token that fits is returned without being stepped: nothing would read its logits.
    if (int(reply.size()) == options.max_tokens || pos + 1 == T) break;
    out = state.step(token, pos++);
  }
  return reply;
}

std::vector<int> generate(const Model<float>& model, const std::vector<int>& prompt,
                          const SamplingOptions& options, const std::vector<int>& stop_tokens,
                          const float* logit_bias) {
  return generate(model.params, model.config, prompt, options, stop_tokens, logit_bias);
}

}  // namespace brainhost::regions::cortex
