// llama2.c interop: the legacy checkpoint round-trips bit for bit; a plain scalar re-statement
// of run.c's forward pass, reading the exported bytes with its own pointer walk, decodes the
// same greedy tokens from BOS as generate(); broken or unsupported files are refused by name;
// tokenizer.bin holds the shipped tokenizer's pieces and scores as run.c expects them.
//
// The reference below is written from run.c's description, not shared with the cortex: its own
// RoPE angles in float (pos · 10000^(−(i mod HS)/HS) for the even index i, as run.c computes
// them, where the cortex builds its table in double), its own RMSNorm, softmax, SiLU and
// matrix-vector products with left-to-right float sums. Both sides therefore round differently
// (measured: logits 1e-7 apart at Model::init's scale, 4e-4 at 20 times it, where logits reach
// tens), so the test steps the cortex alongside the reference, bounds the logit difference d
// (1e-3) and checks that every greedy choice wins by more than 2d: equal sequences are then
// not luck.
#include <doctest/doctest.h>
#include <unistd.h>

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <limits>
#include <stdexcept>
#include <string>
#include <vector>

#include "cortex/checkpoint.h"
#include "cortex/config.h"
#include "cortex/generate.h"
#include "cortex/llama2c.h"
#include "cortex/model.h"
#include "cortex/sampler.h"
#include "temp_dir.h"
#include "tokenizer/llama2c_vocab.h"
#include "tokenizer/tokenizer.h"

namespace cx = brainhost::regions::cortex;
namespace fs = std::filesystem;
using brainhost::regions::Llama2cVocab;
using brainhost::regions::Tokenizer;

namespace {

cx::Config small_config() {
  cx::Config cfg;
  cfg.vocab = 97;
  cfg.dim = 48;
  cfg.layers = 3;
  cfg.heads = 6;  // head size 8
  cfg.hidden = cx::Config::default_hidden(48);
  cfg.context = 64;
  return cfg;
}

// Model::init(seed), then the matrices (not the RMSNorm gains) times matrix_scale.
cx::Checkpoint random_checkpoint(const cx::Config& cfg, std::uint64_t seed,
                                 float matrix_scale = 1.0f) {
  cx::Model<float> model(cfg);
  model.init(seed);
  cx::Checkpoint c;
  c.config = cfg;
  c.params = model.params_memory;
  const auto sizes = cx::parameter_sizes(cfg);
  float* p = c.params.data();
  for (int t = 0; t < cx::kNumParameterTensors; t++) {
    if (cx::is_decayed(cx::ParameterTensor(t))) {
      for (std::size_t i = 0; i < sizes[t]; i++) p[i] *= matrix_scale;
    }
    p += sizes[t];
  }
  return c;
}

using brainhost::test::TempDir;

void write_file(const std::string& path, const std::string& bytes) {
  std::ofstream out(path, std::ios::binary);
  out.write(bytes.data(), std::streamsize(bytes.size()));
}

std::string read_file(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  return std::string(std::istreambuf_iterator<char>(in), {});
}

std::int32_t header_field(const std::string& bytes, int i) {
  std::int32_t v;
  std::memcpy(&v, bytes.data() + 4 * i, 4);
  return v;
}

void set_header_field(std::string& bytes, int i, std::int32_t v) {
  std::memcpy(bytes.data() + 4 * i, &v, 4);
}

template <typename F>
std::string error_of(F&& call) {
  try {
    call();
  } catch (const std::runtime_error& e) {
    return e.what();
  }
  return "";
}

bool contains(const std::string& haystack, const std::string& needle) {
  return haystack.find(needle) != std::string::npos;
}

// ---- the reference: run.c's forward pass over the legacy file's bytes ----------------------

class Llama2cReference {
 public:
  explicit Llama2cReference(const std::string& file) {
    std::int32_t h[7];
    std::memcpy(h, file.data(), sizeof h);
    dim_ = h[0], hidden_ = h[1], layers_ = h[2], heads_ = h[3], vocab_ = h[5], seq_len_ = h[6];
    REQUIRE(h[4] == heads_);
    REQUIRE(vocab_ > 0);
    head_size_ = dim_ / heads_;
    weights_.resize((file.size() - sizeof h) / sizeof(float));
    std::memcpy(weights_.data(), file.data() + sizeof h, weights_.size() * sizeof(float));

    // The pointer walk over the legacy layout.
    const std::size_t D = dim_, Hd = hidden_, L = layers_, V = vocab_;
    const float* p = weights_.data();
    auto take = [&p](std::size_t n) {
      const float* t = p;
      p += n;
      return t;
    };
    tok_ = take(V * D);
    rms_att_ = take(L * D);
    wq_ = take(L * D * D);
    wk_ = take(L * D * D);
    wv_ = take(L * D * D);
    wo_ = take(L * D * D);
    rms_ffn_ = take(L * D);
    w1_ = take(L * Hd * D);
    w2_ = take(L * D * Hd);
    w3_ = take(L * Hd * D);
    rms_final_ = take(D);
    take(std::size_t(seq_len_) * head_size_ / 2);  // freq_cis_real: unused, as in run.c
    take(std::size_t(seq_len_) * head_size_ / 2);  // freq_cis_imag
    REQUIRE(p == weights_.data() + weights_.size());

    key_cache_.assign(L * seq_len_ * D, 0.0f);
    value_cache_.assign(L * seq_len_ * D, 0.0f);
    x_.resize(D), xb_.resize(D), xb2_.resize(D), q_.resize(D);
    hb_.resize(Hd), hb2_.resize(Hd), att_.resize(seq_len_), logits_.resize(V);
  }

  int vocab() const { return vocab_; }

  const std::vector<float>& forward(int token, int pos) {
    const int D = dim_, HS = head_size_;
    std::copy(tok_ + std::size_t(token) * D, tok_ + std::size_t(token + 1) * D, x_.begin());
    for (int l = 0; l < layers_; l++) {
      const std::size_t lDD = std::size_t(l) * D * D, lHD = std::size_t(l) * hidden_ * D;
      rmsnorm(xb_.data(), x_.data(), rms_att_ + std::size_t(l) * D, D);
      float* k = key_cache_.data() + (std::size_t(l) * seq_len_ + pos) * D;
      float* v = value_cache_.data() + (std::size_t(l) * seq_len_ + pos) * D;
      matvec(q_.data(), xb_.data(), wq_ + lDD, D, D);
      matvec(k, xb_.data(), wk_ + lDD, D, D);
      matvec(v, xb_.data(), wv_ + lDD, D, D);
      for (int i = 0; i < D; i += 2) {  // RoPE, computed from (pos, i) each time
        const int head_dim = i % HS;
        const float freq = 1.0f / std::pow(10000.0f, float(head_dim) / float(HS));
        const float angle = float(pos) * freq;
        const float c = std::cos(angle), s = std::sin(angle);
        for (float* vec : {q_.data(), k}) {
          const float a = vec[i], b = vec[i + 1];
          vec[i] = a * c - b * s;
          vec[i + 1] = a * s + b * c;
        }
      }
      for (int h = 0; h < heads_; h++) {
        const float* qh = q_.data() + h * HS;
        for (int t = 0; t <= pos; t++) {
          const float* kt = key_cache_.data() + (std::size_t(l) * seq_len_ + t) * D + h * HS;
          float score = 0.0f;
          for (int i = 0; i < HS; i++) score += qh[i] * kt[i];
          att_[t] = score / std::sqrt(float(HS));
        }
        softmax(att_.data(), pos + 1);
        float* out = xb_.data() + h * HS;
        std::fill(out, out + HS, 0.0f);
        for (int t = 0; t <= pos; t++) {
          const float* vt = value_cache_.data() + (std::size_t(l) * seq_len_ + t) * D + h * HS;
          for (int i = 0; i < HS; i++) out[i] += att_[t] * vt[i];
        }
      }
      matvec(xb2_.data(), xb_.data(), wo_ + lDD, D, D);
      for (int i = 0; i < D; i++) x_[i] += xb2_[i];

      rmsnorm(xb_.data(), x_.data(), rms_ffn_ + std::size_t(l) * D, D);
      matvec(hb_.data(), xb_.data(), w1_ + lHD, D, hidden_);
      matvec(hb2_.data(), xb_.data(), w3_ + lHD, D, hidden_);
      for (int i = 0; i < hidden_; i++) {
        const float a = hb_[i];
        hb_[i] = a * (1.0f / (1.0f + std::exp(-a))) * hb2_[i];
      }
      matvec(xb_.data(), hb_.data(), w2_ + lHD, hidden_, D);
      for (int i = 0; i < D; i++) x_[i] += xb_[i];
    }
    rmsnorm(x_.data(), x_.data(), rms_final_, D);
    matvec(logits_.data(), x_.data(), tok_, D, vocab_);  // the shared classifier
    return logits_;
  }

 private:
  // out (d) = W (d, n) · x (n)
  static void matvec(float* out, const float* x, const float* w, int n, int d) {
    for (int i = 0; i < d; i++) {
      float sum = 0.0f;
      for (int j = 0; j < n; j++) sum += w[std::size_t(i) * n + j] * x[j];
      out[i] = sum;
    }
  }
  static void rmsnorm(float* out, const float* x, const float* weight, int n) {
    float ss = 0.0f;
    for (int i = 0; i < n; i++) ss += x[i] * x[i];
    ss = 1.0f / std::sqrt(ss / float(n) + 1e-5f);
    for (int i = 0; i < n; i++) out[i] = weight[i] * (ss * x[i]);
  }
  static void softmax(float* x, int n) {
    const float mx = *std::max_element(x, x + n);
    float sum = 0.0f;
    for (int i = 0; i < n; i++) sum += x[i] = std::exp(x[i] - mx);
    for (int i = 0; i < n; i++) x[i] /= sum;
  }

  int dim_, hidden_, layers_, heads_, vocab_, seq_len_, head_size_;
  std::vector<float> weights_;
  const float *tok_, *rms_att_, *wq_, *wk_, *wv_, *wo_, *rms_ffn_, *w1_, *w2_, *w3_, *rms_final_;
  std::vector<float> key_cache_, value_cache_;  // (L, seq_len, D)
  std::vector<float> x_, xb_, xb2_, q_, hb_, hb2_, att_, logits_;
};

struct GreedyRun {
  std::vector<int> tokens;
  float min_margin = std::numeric_limits<float>::infinity();  // best logit − second best
  float max_logit_diff = 0;  // the largest |reference − cortex step| logit seen on the way
};

// run.c's loop at temperature 0: BOS at position 0, then each argmax (the first on ties) fed
// back, n tokens in all; no stop token. The cortex's InferenceState steps the same tokens
// alongside, to measure how far the two sides' logits drift apart.
GreedyRun reference_greedy(const std::string& file, const cx::Checkpoint& c, int n) {
  Llama2cReference ref(file);
  cx::Parameters<float> params;
  std::vector<float> memory = c.params;
  params.point(memory.data(), c.config);
  cx::InferenceState state(params, c.config);
  GreedyRun run;
  int token = 1;
  for (int pos = 0; pos < n; pos++) {
    const std::vector<float>& logits = ref.forward(token, pos);
    const float* ours = state.step(token, pos);
    int best = 0;
    for (int i = 1; i < ref.vocab(); i++) {
      if (logits[i] > logits[best]) best = i;
    }
    float second = -std::numeric_limits<float>::infinity();
    for (int i = 0; i < ref.vocab(); i++) {
      if (i != best) second = std::max(second, logits[i]);
      run.max_logit_diff = std::max(run.max_logit_diff, std::abs(logits[i] - ours[i]));
    }
    run.min_margin = std::min(run.min_margin, logits[best] - second);
    run.tokens.push_back(best);
    token = best;
  }
  return run;
}

std::vector<int> cortex_greedy(const cx::Checkpoint& c, int n) {
  cx::Parameters<float> params;
  std::vector<float> memory = c.params;
  params.point(memory.data(), c.config);
  cx::SamplingOptions greedy;
  greedy.temperature = 0;
  greedy.repetition_penalty = 1;
  greedy.max_tokens = n;
  return cx::generate(params, c.config, {1}, greedy);
}

}  // namespace

TEST_CASE("llama2c: export then import gives the same shape and bit-identical parameters") {
  for (const cx::Config& cfg : {small_config(), cx::Config{}}) {
    CAPTURE(cfg.dim);
    cx::Checkpoint original = random_checkpoint(cfg, 11);
    original.step = 5;  // training state is not part of the format
    const std::string bytes = cx::encode_llama2c(original);

    // The header and the size run.c expects.
    const std::size_t P = cx::parameter_count(cfg);
    const std::size_t rope = std::size_t(cfg.context) * (cfg.head_size() / 2);
    REQUIRE(bytes.size() == 28 + (P + 2 * rope) * 4);
    CHECK(bytes.size() == cx::llama2c_file_size(cfg));
    const int expected_header[7] = {cfg.dim,   cfg.hidden, cfg.layers, cfg.heads,
                                    cfg.heads, cfg.vocab,  cfg.context};
    for (int i = 0; i < 7; i++) CHECK(header_field(bytes, i) == expected_header[i]);
    CHECK(std::memcmp(bytes.data() + 28, original.params.data(), P * 4) == 0);
    // The RoPE tables at (t = 3, pair 1): cos and sin of 3 · 10000^(−2/HS).
    float c, s;
    std::memcpy(&c, bytes.data() + 28 + (P + 3 * rope / cfg.context + 1) * 4, 4);
    std::memcpy(&s, bytes.data() + 28 + (P + rope + 3 * rope / cfg.context + 1) * 4, 4);
    const double angle = 3.0 * std::pow(10000.0, -2.0 / cfg.head_size());
    CHECK(c == doctest::Approx(std::cos(angle)).epsilon(1e-6));
    CHECK(s == doctest::Approx(std::sin(angle)).epsilon(1e-6));

    const cx::Checkpoint decoded = cx::decode_llama2c(bytes, "bytes");
    CHECK(decoded.config == cfg);
    REQUIRE(decoded.params.size() == P);
    CHECK(std::memcmp(decoded.params.data(), original.params.data(), P * 4) == 0);
    CHECK(decoded.step == 0);
    CHECK_FALSE(decoded.has_optimizer_state());

    TempDir dir;
    const std::string path = (dir / "model.bin");
    cx::save_llama2c(original, path);
    CHECK(read_file(path) == bytes);
    const cx::Checkpoint loaded = cx::load_llama2c(path);
    CHECK(loaded.config == cfg);
    REQUIRE(loaded.params.size() == P);
    CHECK(std::memcmp(loaded.params.data(), original.params.data(), P * 4) == 0);
  }
}

TEST_CASE("llama2c: run.c's forward over the exported bytes decodes generate()'s greedy tokens") {
  constexpr int kTokens = 40;
  for (const cx::Config& cfg : {small_config(), cx::Config{}}) {
    // Scale 1 is Model::init as it is: its std 0.02 leaves each token's own embedding dominating
    // the tied head, so greedy decoding repeats one token. Scale 20 (std 0.4, as in
    // generate_test.cc) lets attention and positions decide: the sequences then wander.
    for (const float scale : {1.0f, 20.0f}) {
      for (const std::uint64_t seed : {1u, 2u}) {
        CAPTURE(cfg.dim);
        CAPTURE(scale);
        CAPTURE(seed);
        const cx::Checkpoint c = random_checkpoint(cfg, seed, scale);
        const GreedyRun reference = reference_greedy(cx::encode_llama2c(c), c, kTokens);
        const std::vector<int> ours = cortex_greedy(c, kTokens);
        CAPTURE(reference.min_margin);
        CAPTURE(reference.max_logit_diff);
        CHECK(reference.max_logit_diff < 1e-3f);
        // Logits within d of each other cannot disagree on an argmax that wins by more than 2d:
        // equal sequences are then not luck.
        CHECK(reference.min_margin > 2 * reference.max_logit_diff);
        CHECK(ours == reference.tokens);
        std::vector<int> distinct = reference.tokens;
        std::sort(distinct.begin(), distinct.end());
        const long n_distinct = std::unique(distinct.begin(), distinct.end()) - distinct.begin();
        if (scale > 1) CHECK(n_distinct >= 5);
      }
    }
  }
}

TEST_CASE("llama2c: broken and unsupported files are refused with the file and the reason") {
  const cx::Config cfg = small_config();
  const std::string good = cx::encode_llama2c(random_checkpoint(cfg, 3));
  TempDir dir;

  SUBCASE("a truncated file") {
    const std::string path = (dir / "truncated.bin");
    write_file(path, good.substr(0, good.size() - 4));
    const std::string error = error_of([&] { cx::load_llama2c(path); });
    CHECK(contains(error, path));
    CHECK(contains(error, "truncated"));
    CHECK(contains(error, std::to_string(good.size() - 4) + " bytes"));
    CHECK(contains(error_of([&] { cx::decode_llama2c(good.substr(0, good.size() - 4), "x"); }),
                   "truncated"));
    write_file(path, good.substr(0, 10));
    CHECK(contains(error_of([&] { cx::load_llama2c(path); }), "shorter than the 28-byte header"));
  }
  SUBCASE("trailing bytes (e.g. an unshared classifier behind a positive vocab_size)") {
    const std::string error = error_of([&] { cx::decode_llama2c(good + "abcd", "extra.bin"); });
    CHECK(contains(error, "extra.bin"));
    CHECK(contains(error, "does not match the header"));
  }
  SUBCASE("grouped-query attention") {
    std::string gqa = good;
    set_header_field(gqa, 4, cfg.heads / 2);
    const std::string path = (dir / "gqa.bin");
    write_file(path, gqa);
    const std::string error = error_of([&] { cx::load_llama2c(path); });
    CHECK(contains(error, path));
    CHECK(contains(error, "n_kv_heads 3 differs from n_heads 6"));
    CHECK(contains(error, "grouped-query attention is not supported"));
  }
  SUBCASE("a negative vocab_size: a classifier separate from the embedding") {
    std::string unshared = good;
    set_header_field(unshared, 5, -cfg.vocab);
    const std::string error = error_of([&] { cx::decode_llama2c(unshared, "wcls.bin"); });
    CHECK(contains(error, "wcls.bin"));
    CHECK(contains(error, "vocab_size -97 is negative"));
    CHECK(contains(error, "classifier"));
  }
  SUBCASE("an odd head size") {
    std::string odd = good;
    set_header_field(odd, 0, 18);  // dim 18 over 6 heads: head size 3
    CHECK(contains(error_of([&] { cx::decode_llama2c(odd, "odd.bin"); }),
                   "head size 3 is odd"));
  }
  SUBCASE("a non-positive field, a garbage shape") {
    std::string zero = good;
    set_header_field(zero, 2, 0);
    CHECK(contains(error_of([&] { cx::decode_llama2c(zero, "zero.bin"); }), "not positive"));
    std::string huge = good;
    set_header_field(huge, 0, 1 << 30);
    set_header_field(huge, 3, 2);
    set_header_field(huge, 4, 2);
    CHECK(contains(error_of([&] { cx::decode_llama2c(huge, "huge.bin"); }), "not a checkpoint"));
  }
  SUBCASE("other formats") {
    std::string versioned = good;
    std::memcpy(versioned.data(), "24ka", 4);  // uint32 0x616b3432, little-endian
    set_header_field(versioned, 1, 2);
    CHECK(contains(error_of([&] { cx::decode_llama2c(versioned, "v2.bin"); }),
                   "versioned llama2.c export (magic ak42, version 2)"));
    cx::Checkpoint ours = random_checkpoint(cfg, 3);
    CHECK(contains(error_of([&] { cx::decode_llama2c(cx::encode_checkpoint(ours), "c.bin"); }),
                   "cortex checkpoint"));
  }
  SUBCASE("a missing file") {
    const std::string path = (dir / "missing.bin");
    const std::string error = error_of([&] { cx::load_llama2c(path); });
    CHECK(contains(error, path));
    CHECK(contains(error, "cannot open"));
  }
}

TEST_CASE("llama2c: tokenizer.bin holds the shipped tokenizer's pieces and scores") {
  const Tokenizer tokenizer = Tokenizer::Load(TOKENIZER_MODEL);
  const int V = tokenizer.vocab_size();
  TempDir dir;
  const std::string path = (dir / "tokenizer.bin");
  cx::write_file_atomically(path, brainhost::regions::EncodeLlama2cVocab(tokenizer));
  const std::string bytes = read_file(path);
  const Llama2cVocab vocab = brainhost::regions::LoadLlama2cVocab(path);

  REQUIRE(vocab.size() == V);
  REQUIRE(vocab.scores.size() == std::size_t(V));
  const std::string word_start = "\xE2\x96\x81";  // "▁"
  std::size_t longest = 0, spaced = 0, total = 4;
  for (int id = 0; id < V; id++) {
    CAPTURE(id);
    std::string expected = tokenizer.Piece(id);
    for (std::size_t at; (at = expected.find(word_start)) != std::string::npos;) {
      expected.replace(at, word_start.size(), " ");
    }
    CHECK(vocab.pieces[id] == expected);
    CHECK(std::memcmp(&vocab.scores[id], &bytes[0] + total, 4) == 0);  // the bytes as parsed
    float score = tokenizer.Score(id);
    CHECK(std::memcmp(&vocab.scores[id], &score, 4) == 0);
    CHECK_FALSE(contains(vocab.pieces[id], word_start));
    if (tokenizer.Piece(id).starts_with(word_start)) {
      CHECK(vocab.pieces[id].starts_with(" "));
      spaced++;
    }
    longest = std::max(longest, vocab.pieces[id].size());
    total += 8 + vocab.pieces[id].size();
  }
  CHECK(spaced > 100);  // word-initial pieces are most of a BPE vocabulary
  CHECK(bytes.size() == total);
  CHECK(header_field(bytes, 0) == std::int32_t(longest));
  CHECK(vocab.max_token_length == int(longest));

  // Control and byte pieces as run.c reads them.
  CHECK(vocab.pieces[1] == "<s>");
  CHECK(vocab.pieces[2] == "</s>");
  const int newline = tokenizer.newline_id();
  CHECK(tokenizer.IsByte(newline));
  CHECK(vocab.pieces[newline] == "<0x0A>");
  CHECK(vocab.TokenText(5, newline) == "\n");
  char hex[8];
  for (int id = 0; id < V; id++) {
    if (!tokenizer.IsByte(id)) continue;
    const int byte = id - (newline - 0x0A);
    std::snprintf(hex, sizeof hex, "<0x%02X>", byte);
    CHECK(vocab.pieces[id] == hex);
    CHECK(vocab.TokenText(0, id) == std::string(1, char(byte)));
  }

  // Decoding as run.c prints: the leading space after BOS goes, byte pieces become bytes; the
  // result is SentencePiece's own decoding.
  for (const std::string text : {"hello there, how are you?", "my name is Zoë 🐕 ok",
                                 "U: what is my dog's name?"}) {
    CAPTURE(text);
    const std::vector<int> ids = tokenizer.Encode(text);
    CHECK(vocab.Decode(ids) == tokenizer.Decode(ids));
  }
}

TEST_CASE("llama2c: a broken tokenizer.bin is refused with the file and the reason") {
  const Tokenizer tokenizer = Tokenizer::Load(TOKENIZER_MODEL);
  const std::string bytes = brainhost::regions::EncodeLlama2cVocab(tokenizer);
  using brainhost::regions::DecodeLlama2cVocab;
  const std::string cut = error_of([&] { DecodeLlama2cVocab(bytes.substr(0, 4 + 8 + 2), "t.bin"); });
  CHECK(contains(cut, "t.bin"));
  CHECK(contains(cut, "truncated inside the text of piece 0"));
  CHECK(contains(error_of([&] { DecodeLlama2cVocab(bytes.substr(0, 4 + 6), "t.bin"); }),
                 "truncated inside the length of piece 0"));
  CHECK(contains(error_of([&] { DecodeLlama2cVocab(bytes.substr(0, 4), "t.bin"); }),
                 "no pieces"));
  std::string long_piece = bytes;
  set_header_field(long_piece, 0, 2);  // max_token_length 2, but "<unk>" has 5 bytes
  CHECK(contains(error_of([&] { DecodeLlama2cVocab(long_piece, "t.bin"); }),
                 "piece 0 has length 5, outside [0, max_token_length 2]"));
}
