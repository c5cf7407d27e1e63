// The cortex's ops, each as a forward and a backward pass side by side, in the manner of
// llm.c's train_gpt2.c: plain functions over raw contiguous buffers whose shapes are given in
// the comments (legend in config.h), with Eigen Maps for the matrix products, which are the
// FLOPs. Every forward says what it leaves behind for its backward; every backward ACCUMULATES
// (+=) into its d-prefixed outputs unless it says otherwise (GradWrite), so the caller zeroes
// gradients once per step. This file is not a model: it holds no state and allocates nothing;
// model.h wires these ops into the network.
//
// Templated on the scalar S (float for training and inference, double for the gradient checks);
// layers.cc instantiates both.
//
// Later optimisations go here, not in the model: fusing rmsnorm into the following matmul, and
// writing (=) instead of accumulating for a buffer's only contribution, which would spare the
// model zeroing it. Threads are data-parallel over the batch (trainer.h), not inside the ops.
#pragma once

namespace brainhost::regions::cortex {

// ---- token embedding ------------------------------------------------------------------------
// out (N, C) = wte[tokens[n]] for each n; tokens (N); wte (V, C). Caches nothing: the backward
// needs only the tokens.
template <typename S>
void embedding_forward(S* out, const int* tokens, const S* wte, int N, int C);
// dwte (V, C) += dout (N, C) scattered to the rows named by tokens.
template <typename S>
void embedding_backward(S* dwte, const S* dout, const int* tokens, int N, int C);

// ---- RMSNorm --------------------------------------------------------------------------------
// out (N, C) = inp · rstd · weight, with rstd (N) = 1 / sqrt(mean(inp²) + eps) per row.
// Caches rstd; the backward also needs inp and weight.
inline constexpr double kRmsNormEps = 1e-5;
template <typename S>
void rmsnorm_forward(S* out, S* rstd, const S* inp, const S* weight, int N, int C);
// dinp (N, C) += ∂/∂inp, dweight (C) += Σ_n dout · inp · rstd.
template <typename S>
void rmsnorm_backward(S* dinp, S* dweight, const S* dout, const S* inp, const S* weight,
                      const S* rstd, int N, int C);

// How a backward writes an input gradient: added to what is there (the default, so several ops
// can contribute), or written over it, for the buffer's only contributor (or its first), which
// spares the caller zeroing it. The value is the same either way when the buffer held zeros.
enum class GradWrite { kAccumulate, kOverwrite };

// ---- linear layer (no bias) -----------------------------------------------------------------
// out (N, OC) = inp (N, C) · weightᵀ, weight (OC, C). Overwrites out. The backward needs inp.
template <typename S>
void matmul_forward(S* out, const S* inp, const S* weight, int N, int C, int OC);
// dinp (N, C) += dout · weight (= with dinp_write kOverwrite);  dweight (OC, C) += doutᵀ · inp.
// Either may be null to skip it.
template <typename S>
void matmul_backward(S* dinp, S* dweight, const S* dout, const S* inp, const S* weight, int N,
                     int C, int OC, GradWrite dinp_write = GradWrite::kAccumulate);

// ---- rotary positions (RoPE) ----------------------------------------------------------------
// The table: cos, sin (T, HS/2), angle(t, i) = t · theta^(−2i/HS) for pair i of a head — the
// convention of llama2.c (pairs of neighbouring dimensions, positions from 0).
inline constexpr double kRopeTheta = 10000.0;
template <typename S>
void rope_table(S* cos, S* sin, int T, int HS);
// x (B, T, C) seen as (B, T, NH, HS): rotates each pair (x[2i], x[2i+1]) of each head at
// position t by angle(t, i), IN PLACE. Linear and orthogonal, so it caches nothing.
template <typename S>
void rope_forward(S* x, const S* cos, const S* sin, int B, int T, int C, int HS);
// dx (B, T, C): turns the gradient w.r.t. the rotated vectors into the gradient w.r.t. the
// unrotated ones, IN PLACE (the transpose of a rotation is the rotation by −angle). Does not
// accumulate.
template <typename S>
void rope_backward(S* dx, const S* cos, const S* sin, int B, int T, int C, int HS);

// ---- causal self-attention ------------------------------------------------------------------
// q, k, v (B, T, C) seen as (B, T, NH, HS), already rotated; out (B, T, C) (overwritten);
// att (B, NH, T, T) = softmax over s ≤ t of q_t·k_s / sqrt(HS), zero above the diagonal.
// Caches att; the backward also needs q, k, v.
template <typename S>
void attention_forward(S* out, S* att, const S* q, const S* k, const S* v, int B, int T, int C,
                       int NH);
// dq, dk, dv (B, T, C) += gradients. datt (B, NH, T, T) is scratch: its lower-triangle blocks
// are overwritten with the gradient w.r.t. the pre-softmax scores, the rest is not touched.
template <typename S>
void attention_backward(S* dq, S* dk, S* dv, S* datt, const S* dout, const S* att, const S* q,
                        const S* k, const S* v, int B, int T, int C, int NH);

// ---- SwiGLU ---------------------------------------------------------------------------------
// out (N, H) = silu(a) ∘ g, with a = x · w1ᵀ (the gate) and g = x · w3ᵀ (the up projection),
// silu(a) = a · σ(a). Caches nothing itself: the backward needs a and g, which the model keeps.
template <typename S>
void swiglu_forward(S* out, const S* a, const S* g, int N, int H);
// da (N, H) += dout ∘ g ∘ σ(a)(1 + a(1 − σ(a)));  dg (N, H) += dout ∘ silu(a) (both = with
// kOverwrite).
template <typename S>
void swiglu_backward(S* da, S* dg, const S* dout, const S* a, const S* g, int N, int H,
                     GradWrite write = GradWrite::kAccumulate);

// ---- residual connection --------------------------------------------------------------------
// out (n) = a + b. Caches nothing.
template <typename S>
void residual_forward(S* out, const S* a, const S* b, int n);
// da (n) += dout;  db (n) += dout.
template <typename S>
void residual_backward(S* da, S* db, const S* dout, int n);

// ---- softmax + cross-entropy ----------------------------------------------------------------
// probs (N, V) = softmax(logits) per row (probs may alias logits); losses (N) = −log
// probs[targets[n]]. Caches probs; the backward also needs the targets.
template <typename S>
void crossentropy_forward(S* probs, S* losses, const S* logits, const int* targets, int N, int V);
// dlogits (N, V) += (probs − onehot(targets)) · dlosses[n] (= with kOverwrite), the gradient
// through the softmax for per-row loss weights dlosses (N) (1/N each for a mean loss).
template <typename S>
void crossentropy_backward(S* dlogits, const S* probs, const int* targets, const S* dlosses,
                           int N, int V, GradWrite write = GradWrite::kAccumulate);

}  // namespace brainhost::regions::cortex
