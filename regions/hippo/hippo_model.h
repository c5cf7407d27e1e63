// The hippo's core math: a plastic attention memory over the user's own tokens, read at a query
// position and voted into the cortex's next-token logits (issue 5). Forward and a hand-written
// backward side by side, in the manner of cortex/layers.h, plus the few parameters in one flat
// buffer. This file is NOT the region: it stores no conversation, picks no memories, runs no
// cortex and has no optimizer; the caller hands it the memories, the query and the (frozen)
// cortex's logits, and steps the parameters itself.
//
// Dimension legend, used in every shape comment under regions/hippo:
//   M  number of memories (remembered tokens)    C  cortex width (hidden state size)
//   D  key/query width                           V  vocabulary size
//
// The read, for memories i with hidden state h_i (C), surprise s_i (nats), age a_i (tokens ago,
// >= 0) and target t_i (the token that followed memory i), at a query with hidden state h_q (C):
//   k_i = Wk ĥ_i (D)     q = Wq ĥ_q (D)   (Wq is Wk itself when the projection is shared)
//     where ĥ = h / rms(h): the states are read at unit RMS, so the scores start O(1)
//   score_i = k_i·q / sqrt(D) + w_s s_i − w_r a_i / A + w_c [x_i = x_q]
//     the last term is the copy chain: memory i's own token x_i is the token x_q at the query
//     (just said), so its target is what followed it then ("Mary" -> "Ann")
//   p = softmax over the M memories and a sink, whose score is the learned w_0: the read can
//       abstain where no memory fits (most positions of a reply)
//   bias[v] = g Σ_{i: t_i = v} p_i          (V, non-zero only at the memories' targets)
// and, for meta-training, loss = −log softmax(cortex_logits + bias)[target]
//   − λ log Σ_{i ∈ G} p_i   when a settling set G is given (below).
// The second term trains the decision a recall takes at inference (hippo_read.h's Recall starts
// copying a value only when the read puts most of its mass on that value's memories): the vote
// alone is satisfied by a half-confident read wherever the cortex half-expects the token.
// Memory i is a remembered token: its hidden state h_i, its own token x_i, and the token t_i
// that followed it.
//
// Templated on the scalar S (float to run and train, double for the gradient checks);
// hippo_model.cc instantiates both. Matrices are row-major (OC, C), as in the cortex.
#pragma once

#include <cmath>
#include <cstddef>
#include <vector>

namespace brainhost::regions::hippo {

// 1 / rms(h) over C values: keys and query are read from RMS-normalised states, so the scores
// start O(1) whatever the cortex's output scale (its final states have an RMS near 3).
template <typename S>
S InverseRms(const S* h, int C) {
  S ss = 0;
  for (int c = 0; c < C; c++) ss += h[c] * h[c];
  return S(1) / std::sqrt(ss / static_cast<S>(C) + static_cast<S>(1e-12));
}

struct HippoConfig {
  int C = 128;              // cortex width
  int D = 48;               // key/query width
  bool shared = true;       // one projection W for keys and query (Wq = Wk): D·C + 5 params
  double age_scale = 256;   // A: ages are divided by it so w_r is O(1) per A tokens

  // True when C, D and A are positive.
  bool valid() const { return C > 0 && D > 0 && age_scale > 0; }
  // D·C (shared) or 2·D·C, plus w_s, w_r, w_c, w_0, g: 6,149 for the default shape.
  std::size_t parameter_count() const {
    return static_cast<std::size_t>(shared ? 1 : 2) * D * C + 5;
  }
};

// Named views into one flat buffer (parameters, or their gradients: the same struct serves
// both). Buffer order: wk (D, C), then wq (D, C) only when not shared, then w_s, w_r, w_c,
// w_0, g.
template <typename S>
struct HippoParams {
  S* wk = nullptr;   // (D, C) key projection
  S* wq = nullptr;   // (D, C) query projection; == wk when shared
  S* ws = nullptr;   // (1) surprise weight: surprising tokens are remembered more
  S* wr = nullptr;   // (1) recency weight: old memories fade (per A tokens)
  S* wc = nullptr;   // (1) copy-chain weight: continue what was just copied
  S* sink = nullptr; // (1) w_0, the score of abstaining
  S* gain = nullptr; // (1) g, how loudly the read votes into the logits
};

// The inputs of one read; the model keeps the pointers between forward and backward, so
// REQUIRES: the buffers stay alive and unchanged until backward has run.
template <typename S>
struct HippoInput {
  int M = 0;                        // memories; 0 is allowed (the read is then a zero bias)
  const S* h = nullptr;             // (M, C) the cortex's final hidden states of the memories
  const S* surprise = nullptr;      // (M) s_i, nats
  const S* age = nullptr;           // (M) a_i, tokens ago, >= 0
  const int* tokens = nullptr;      // (M) x_i, the memory's own token
  const int* targets = nullptr;     // (M) t_i in [0, V)
  const S* hq = nullptr;            // (C) the query's hidden state
  int query_token = -1;             // x_q, the token at the query position
  int V = 0;                        // vocabulary size
  const S* cortex_logits = nullptr; // (V) the frozen cortex's logits at the query
  int target = 0;                   // the true next token, in [0, V)
  // G, or null: where the read should settle (M + 1, the sink's last; non-zero for members),
  // and its weight λ. The memories of the value a recall must start at the answer's first
  // token; the sink and every memory outside a value where the read must abstain.
  const unsigned char* settle = nullptr;
  S settle_weight = 1;
};

template <typename S>
class HippoModel {
 public:
  // Parameters initialised deterministically from seed (the same on every platform): W from
  // N(0, 1/C), so k and q have unit-variance components, and the scores start O(1);
  // w_s = w_r = w_c = w_0 = 0 (no prior on surprise, age, copying or abstaining), g = 1.
  // REQUIRES: cfg.valid().
  HippoModel(const HippoConfig& cfg, unsigned long long seed);
  HippoModel(const HippoModel&) = delete;  // the views point into this object's buffers
  HippoModel& operator=(const HippoModel&) = delete;

  const HippoConfig& config() const { return cfg_; }

  // The flat buffers, parameter_count() each, and their named views. The caller may write the
  // parameters (an optimizer step, a loaded checkpoint) but not resize them.
  std::vector<S>& parameters() { return params_; }
  std::vector<S>& gradients() { return grads_; }
  const HippoParams<S>& p() const { return p_; }
  const HippoParams<S>& dp() const { return dp_; }

  // bias (V) += the read's vote (see the file comment); probs (M + 1) = p, the sink's last, may
  // be null. Caches nothing, ignores in.cortex_logits and in.target.
  void read(S* bias, S* probs, const HippoInput<S>& in) const;

  // The meta-training loss −log softmax(cortex_logits + bias)[target], plus the settling term
  // when in.settle is set (see the file comment). Caches k (M, D),
  // q (D), p (M) and the output probabilities (V) for backward, and the input pointers.
  // REQUIRES: V > 0, target and every t_i in [0, V).
  S forward(const HippoInput<S>& in);

  // ACCUMULATES d loss / d parameter into gradients() (zero_grad() once per step), for the
  // last forward. REQUIRES: forward has run and its inputs are unchanged.
  void backward();
  void zero_grad();

 private:
  HippoParams<S> views(S* base) const;
  // k (M, D), q (D), p (M + 1) for in; the shared first half of read and forward.
  // scores (M + 1), when given, gets the scores before the softmax.
  void attend(S* k, S* q, S* p, const HippoInput<S>& in, S* scores = nullptr) const;
  // log Σ_i exp(score_i) of the last forward, over the settling set G (settled) or all.
  S LogSumExp(const HippoInput<S>& in, bool settled) const;

  HippoConfig cfg_;
  std::vector<S> params_, grads_;
  HippoParams<S> p_, dp_;
  // Cached by forward for backward.
  HippoInput<S> in_;
  std::vector<S> k_, q_, att_, scores_, probs_;  // (M, D), (D), (M + 1), (M + 1), (V)
  bool has_forward_ = false;
};

}  // namespace brainhost::regions::hippo
