// One token through the network with a KV cache, on a team of threads, and the generation loop.
// The math is Model::forward's at N = 1 (the same RMSNorm, RoPE table, softmax and SwiGLU),
// except attention, which here reads the cache: the query at pos against the keys and values of
// positions 0 .. pos. The matrix products are kernels.h's over InferenceWeights' packed copies.
#include "cortex/generate.h"

#include <algorithm>
#include <cassert>
#include <cmath>
#include <cstdlib>
#include <thread>

#include "cortex/layers.h"
#include "cortex/phase_team.h"

namespace brainhost::regions::cortex {
namespace {

// A zeroed float buffer on a 64-byte boundary, so that buffers written by different threads
// never share a cache line.
struct AlignedFloats {
  struct Free {
    void operator()(float* p) const { std::free(p); }
  };
  std::unique_ptr<float[], Free> memory;

  AlignedFloats() = default;
  explicit AlignedFloats(std::size_t n) {
    const std::size_t bytes = std::max<std::size_t>(64, (n * sizeof(float) + 63) / 64 * 64);
    memory.reset(static_cast<float*>(std::aligned_alloc(64, bytes)));
    if (!memory) throw std::bad_alloc();
    std::fill(memory.get(), memory.get() + bytes / sizeof(float), 0.0f);
  }
  float* get() const { return memory.get(); }
};

// Floats of one chunk's slot in the shared partial sums: C rounded up to a cache line.
int slot_floats(int C) { return round_up(C, 16); }

}  // namespace

// ---- InferenceWeights -----------------------------------------------------------------------

InferenceWeights::InferenceWeights(const Parameters<float>& p, const Config& cfg,
                                   WeightFormat fmt)
    : config(cfg), format(fmt), chunks(cfg.heads) {
  assert(cfg.valid());
  const int C = cfg.dim, L = cfg.layers, H = cfg.hidden, V = cfg.vocab, HS = cfg.head_size();
  const std::size_t CC = std::size_t(C) * C, HC = std::size_t(H) * C;
  hidden_begin.resize(chunks + 1);
  for (int c = 0; c < chunks; c++) hidden_begin[c] = std::min(H, H * c / chunks / 8 * 8);
  hidden_begin[chunks] = H;

  wte.assign(p.wte, p.wte + std::size_t(V) * C);
  rms_att.assign(p.rms_att, p.rms_att + std::size_t(L) * C);
  rms_ffn.assign(p.rms_ffn, p.rms_ffn + std::size_t(L) * C);
  rms_final.assign(p.rms_final, p.rms_final + C);

  // Packs into a float32 buffer first (the layout does not depend on the type), then converts.
  // The matrices follow each other in the order an item reads them (a head's q/k/v then its
  // share of wo; a chunk's w1/w3 then its share of w2), so a step is one sequential stream.
  std::vector<float>& out = packed_f32;
  const auto append = [&out](const float* src, std::size_t ld, int R, int K) {
    const std::size_t at = out.size();
    out.resize(at + packed_size(R, K));
    pack_panels(out.data() + at, src, ld, R, K);
    return at;
  };
  std::vector<float> staging;
  for (int l = 0; l < L; l++) {
    for (int h = 0; h < chunks; h++) {
      staging.assign(std::size_t(3) * HS * C, 0.0f);
      const float* mats[3] = {p.wq + l * CC, p.wk + l * CC, p.wv + l * CC};
      for (int m = 0; m < 3; m++) {
        std::copy(mats[m] + std::size_t(h) * HS * C, mats[m] + std::size_t(h + 1) * HS * C,
                  staging.begin() + std::size_t(m) * HS * C);
      }
      qkv.push_back(append(staging.data(), C, 3 * HS, C));
      wo.push_back(append(p.wo + l * CC + h * HS, C, C, HS));
    }
    for (int c = 0; c < chunks; c++) {
      const int r0 = hidden_begin[c], n = hidden_begin[c + 1] - r0, R8 = round_up(n, 8);
      staging.assign(std::size_t(2) * R8 * C, 0.0f);
      for (int i = 0; i < n; i++) {
        const int group = i / 8, j = i % 8;
        const std::size_t gate_row = std::size_t(group) * 16 + j, up_row = gate_row + 8;
        const std::size_t row = l * HC + std::size_t(r0 + i) * C;
        std::copy(p.w1 + row, p.w1 + row + C, staging.begin() + gate_row * C);
        std::copy(p.w3 + row, p.w3 + row + C, staging.begin() + up_row * C);
      }
      w13.push_back(append(staging.data(), C, 2 * R8, C));
      w2.push_back(append(p.w2 + l * HC + r0, H, C, n));
    }
  }
  head = append(p.wte, C, V, C);

  if (format == WeightFormat::kFloat16) {
    packed_f16.resize(packed_f32.size());
    for (std::size_t i = 0; i < packed_f32.size(); i++) {
      packed_f16[i] = float_to_half(packed_f32[i]);
    }
    packed_f32.clear();
    packed_f32.shrink_to_fit();
  }
}

std::size_t InferenceWeights::matrix_bytes() const {
  return packed_f32.size() * sizeof(float) + packed_f16.size() * sizeof(Half);
}

template <>
const float* InferenceWeights::packed<float>() const {
  return packed_f32.data();
}
template <>
const Half* InferenceWeights::packed<Half>() const {
  return packed_f16.data();
}

// ---- InferenceState -------------------------------------------------------------------------

// The step as a PhaseTeam job: phase 2l is layer l's attention (one item per head: q/k/v,
// RoPE, the cache, the softmax, and the head's share of wo), phase 2l + 1 its SwiGLU MLP (one
// item per chunk of rows: w1/w3, SwiGLU, and the chunk's share of w2), phase 2L the tied head
// (one item per range of vocabulary panels). The residual stream lives in finish(), which adds
// a phase's shares in chunk order and normalises the next phase's input.
struct InferenceState::Impl final : PhaseTeam::Job {
  // One member's scratch for one item, in its own cache lines.
  struct Lane {
    AlignedFloats memory;
    float* qkv;     // (round_up(3 HS, 8)) one head's query, key, value; q and k rotated
    float* scores;  // (round_up(context, 64)) attention scores, then probabilities
    float* atty;    // (HS)  one head's attention output
    float* h13;     // (2 round_up(rows, 8)) a chunk's gate and up projections, interleaved
    float* hg;      // (round_up(rows, 8)) silu(gate) ∘ up
  };

  Impl(const InferenceWeights& w, int threads);

  int phases() const override { return 2 * weights.config.layers + 1; }
  int items(int phase) const override {
    return phase == 2 * weights.config.layers ? head_items : weights.chunks;
  }
  void item(int phase, int i, int member) override {
    if (weights.format == WeightFormat::kFloat16) {
      run_item<Half>(phase, i, lanes[member]);
    } else {
      run_item<float>(phase, i, lanes[member]);
    }
  }
  void finish(int phase) override;

  template <typename W>
  void run_item(int phase, int i, Lane& s);

  const InferenceWeights& weights;
  int members;                  // threads in the team, ≤ NH
  int head_items;               // items of the head phase
  std::unique_ptr<PhaseTeam> team;
  std::vector<Lane> lanes;      // (members)
  AlignedFloats x;              // (C) the residual stream
  AlignedFloats xb;             // (C) the current phase's input: RMSNorm(x)
  AlignedFloats xf;             // (C) final RMSNorm output, the head's input (hidden())
  AlignedFloats partial;        // (NH, slot) each chunk's share of wo · atty or w2 · hg
  AlignedFloats logits;         // (round_up(V, 8))
  AlignedFloats key_cache;      // (L, NH, round_up(context, 64), HS) rotated keys, each head's
                                //   in kernels.h's strided panels (64 positions per panel)
  AlignedFloats value_cache;    // (L, NH, context, HS) values
  std::vector<float> rope_cos;  // (context, HS/2), the table Model builds
  std::vector<float> rope_sin;  // (context, HS/2)
  int pos = 0;                  // the step in progress's position
};

InferenceState::Impl::Impl(const InferenceWeights& w, int threads) : weights(w) {
  const Config& cfg = w.config;
  const int C = cfg.dim, NH = cfg.heads, HS = cfg.head_size(), T = cfg.context,
            V = cfg.vocab, L = cfg.layers;
  if (threads <= 0) threads = int(std::max(1u, std::thread::hardware_concurrency()));
  members = std::clamp(threads, 1, NH);
  head_items = std::min(panel_count(V), 8);
  team = std::make_unique<PhaseTeam>(members, 2 * L + 1);

  int max_rows = 0;
  for (int c = 0; c < w.chunks; c++) {
    max_rows = std::max(max_rows, w.hidden_begin[c + 1] - w.hidden_begin[c]);
  }
  const int R8 = round_up(max_rows, 8);
  const int sizes[] = {round_up(3 * HS, 16), round_up(T, kPanelRows), round_up(HS, 16),
                       2 * round_up(R8, 16), round_up(R8, 16)};
  std::size_t lane_floats = 0;
  for (int n : sizes) lane_floats += n;
  lanes.resize(members);
  for (Lane& lane : lanes) {
    lane.memory = AlignedFloats(lane_floats);
    float* at = lane.memory.get();
    float** slots[] = {&lane.qkv, &lane.scores, &lane.atty, &lane.h13, &lane.hg};
    for (int i = 0; i < 5; i++) {
      *slots[i] = at;
      at += sizes[i];
    }
  }
  x = AlignedFloats(C);
  xb = AlignedFloats(C);
  xf = AlignedFloats(C);
  partial = AlignedFloats(std::size_t(NH) * slot_floats(C));
  logits = AlignedFloats(round_up(V, 8));
  key_cache = AlignedFloats(std::size_t(L) * NH * round_up(T, kPanelRows) * HS);
  value_cache = AlignedFloats(std::size_t(L) * NH * T * HS);
  const int P = HS / 2;
  rope_cos.resize(std::size_t(T) * P);
  rope_sin.resize(std::size_t(T) * P);
  rope_table(rope_cos.data(), rope_sin.data(), T, HS);
}

template <typename W>
void InferenceState::Impl::run_item(int phase, int i, Lane& s) {
  const InferenceWeights& w = weights;
  const Config& cfg = w.config;
  const int C = cfg.dim, L = cfg.layers, NH = cfg.heads, V = cfg.vocab, HS = cfg.head_size(),
            T = cfg.context, Cp = slot_floats(C);
  const W* packed = w.packed<W>();
  const int l = phase / 2;

  if (phase == 2 * L) {  // the tied head: panels of the vocabulary
    const int panels = panel_count(V);
    matvec_panels(logits.get(), packed + w.head, xf.get(), V, C, panels * i / head_items,
                  panels * (i + 1) / head_items);
  } else if (phase % 2 == 0) {  // attention, head i
    const int P = HS / 2, S = pos + 1;  // S: positions attended to
    const std::size_t lh = std::size_t(l) * NH + i;
    matvec(s.qkv, packed + w.qkv[lh], xb.get(), 3 * HS, C);
    float* q = s.qkv;
    float* k = s.qkv + HS;
    const float* v = s.qkv + 2 * HS;
    // RoPE at pos: the T = 1 op fed the table's row pos, i.e. the rotation forward applies at t.
    rope_forward(q, rope_cos.data() + std::size_t(pos) * P, rope_sin.data() + std::size_t(pos) * P,
                 1, 1, HS, HS);
    rope_forward(k, rope_cos.data() + std::size_t(pos) * P, rope_sin.data() + std::size_t(pos) * P,
                 1, 1, HS, HS);
    float* kc = key_cache.get() + lh * round_up(T, kPanelRows) * HS;  // (KT, HS) strided panels
    float* vc = value_cache.get() + lh * T * HS;              // (T, HS)
    for (int d = 0; d < HS; d++) kc[strided_index(pos, d, HS)] = k[d];
    std::copy(v, v + HS, vc + std::size_t(pos) * HS);
    matvec_strided(s.scores, kc, q, S, HS);
    softmax_inplace(s.scores, S, 1.0f / std::sqrt(float(HS)));  // attention_forward's softmax
    weighted_rows(s.atty, s.scores, vc, HS, S, HS);
    matvec(partial.get() + std::size_t(i) * Cp, packed + w.wo[lh], s.atty, C, HS);
  } else {  // SwiGLU MLP, chunk i
    const std::size_t lc = std::size_t(l) * NH + i;
    const int rows = w.hidden_begin[i + 1] - w.hidden_begin[i];
    matvec(s.h13, packed + w.w13[lc], xb.get(), 2 * round_up(rows, 8), C);
    for (int g = 0; g * 8 < rows; g++) {
      swiglu(s.hg + 8 * g, s.h13 + 16 * g, s.h13 + 16 * g + 8, std::min(8, rows - 8 * g));
    }
    matvec(partial.get() + std::size_t(i) * Cp, packed + w.w2[lc], s.hg, C, rows);
  }
}

void InferenceState::Impl::finish(int phase) {
  const Config& cfg = weights.config;
  const int C = cfg.dim, L = cfg.layers, l = phase / 2;
  const float eps = float(kRmsNormEps);
  if (phase == 2 * L) return;
  add_row_sum(x.get(), partial.get(), cfg.heads, slot_floats(C), C);  // in chunk order
  if (phase % 2 == 0) {
    rmsnorm_row(xb.get(), x.get(), weights.rms_ffn.data() + std::size_t(l) * C, C, eps);
  } else if (l + 1 < L) {
    rmsnorm_row(xb.get(), x.get(), weights.rms_att.data() + std::size_t(l + 1) * C, C, eps);
  } else {
    rmsnorm_row(xf.get(), x.get(), weights.rms_final.data(), C, eps);
  }
}

InferenceState::InferenceState(const Parameters<float>& params, const Config& cfg,
                               const InferenceOptions& options)
    : InferenceState(std::make_shared<const InferenceWeights>(params, cfg, options.weights),
                     options.threads) {}

InferenceState::InferenceState(std::shared_ptr<const InferenceWeights> weights, int threads)
    : config(weights->config),
      weights_(std::move(weights)),
      impl_(std::make_unique<Impl>(*weights_, threads)),
      logits_(impl_->logits.get()) {}

InferenceState::~InferenceState() = default;
InferenceState::InferenceState(InferenceState&&) noexcept = default;
InferenceState& InferenceState::operator=(InferenceState&&) noexcept = default;

int InferenceState::threads() const { return impl_->members; }

const float* InferenceState::hidden() const { return impl_->xf.get(); }

const float* InferenceState::step(int token, int pos) {
  assert(pos >= 0 && pos < config.context && token >= 0 && token < config.vocab);
  Impl& impl = *impl_;
  const InferenceWeights& w = *weights_;
  const int C = config.dim;
  impl.pos = pos;
  std::copy(w.wte.data() + std::size_t(token) * C, w.wte.data() + std::size_t(token + 1) * C,
            impl.x.get());
  rmsnorm_row(impl.xb.get(), impl.x.get(), w.rms_att.data(), C, float(kRmsNormEps));
  impl.team->run(impl);
  return logits_;
}

// ---- generation -----------------------------------------------------------------------------

std::vector<int> generate(InferenceState& state, const std::vector<int>& prompt,
                          const SamplingOptions& options, const std::vector<int>& stop_tokens,
                          const float* logit_bias) {
  assert(!prompt.empty());
  const int T = state.config.context, V = state.config.vocab;
  const int start = std::max(0, int(prompt.size()) - (T - 1));  // keep room for one reply token
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

std::vector<int> generate(const Parameters<float>& params, const Config& cfg,
                          const std::vector<int>& prompt, const SamplingOptions& options,
                          const std::vector<int>& stop_tokens, const float* logit_bias) {
  InferenceState state(params, cfg);
  return generate(state, prompt, options, stop_tokens, logit_bias);
}

std::vector<int> generate(const Model<float>& model, const std::vector<int>& prompt,
                          const SamplingOptions& options, const std::vector<int>& stop_tokens,
                          const float* logit_bias) {
  return generate(model.params, model.config, prompt, options, stop_tokens, logit_bias);
}

}  // namespace brainhost::regions::cortex
