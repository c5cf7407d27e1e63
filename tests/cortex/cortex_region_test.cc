// The cortex as the router uses it (regions/cortex/cortex_region.h): the prompt in the corpus
// format, the token-to-word mapping, surprise and hidden states against the training forward
// pass, the KV cache across turns, and replies under a logit bias. A small random-weight model
// stands in for the trained one: these tests check arithmetic and plumbing, not language.
#include <doctest/doctest.h>

#include <algorithm>
#include <cmath>
#include <cstdlib>
#include <filesystem>
#include <string>
#include <vector>

#include "cortex/cortex_region.h"
#include "cortex/model.h"
#include "cortex/prompt.h"
#include "cortex/word_surprise.h"
#include "language/tokenizer.h"
#include "random_cortex.h"
#include "tokenizer/special_tokens.h"
#include "tokenizer/tokenizer.h"

namespace brainhost::regions::cortex {
namespace {

const Tokenizer& TestTokenizer() {
  static const Tokenizer tokenizer = Tokenizer::Load(TOKENIZER_MODEL);
  return tokenizer;
}

std::vector<int> Concat(std::vector<int> a, const std::vector<int>& b) {
  a.insert(a.end(), b.begin(), b.end());
  return a;
}

std::vector<Exchange> Conversation(int turns) {
  std::vector<Exchange> out;
  for (int i = 0; i < turns; ++i) {
    out.push_back({i, "tell me about the sea number " + std::to_string(i),
                   "the sea is big and blue, number " + std::to_string(i) + "."});
  }
  return out;
}

}  // namespace

TEST_CASE("a prompt is the corpus's turn format, and encoding line by line changes nothing") {
  const Tokenizer& tok = TestTokenizer();
  PromptWindow window(tok);
  const std::vector<Exchange> history = {{0, "hi there", "hello! how are you?"}};
  const std::string text = "my dog is named Buddy, and he's 3 years old 🐶";
  const Prompt p = window.Build(history, text, true, 256);

  const std::vector<int> whole =
      tok.Encode("U: hi there\nG: hello! how are you?\nU: " + text + "\n");
  CHECK(p.tokens == Concat(Concat({kBosId}, whole), {kGuideTurnId}));
  CHECK(p.exchanges == 1);
  CHECK_FALSE(p.cut);
  REQUIRE(p.line_begin >= 1);
  CHECK(p.tokens[p.line_begin - 1] == kUserTurnId);
  CHECK(p.tokens[p.line_end] == tok.newline_id());
  // The spans tile the user's text: each token stands for the bytes that follow the last one.
  REQUIRE(p.spans.size() == p.line_end - p.line_begin);
  std::string tiled;
  for (const auto& [begin, end] : p.spans) {
    CHECK(begin == tiled.size());
    tiled += text.substr(begin, end - begin);
  }
  CHECK(tiled == text);

  const Prompt no_cue = PromptWindow(tok).Build(history, text, false, 256);
  CHECK(no_cue.tokens.back() == tok.newline_id());
  CHECK(no_cue.tokens.size() + 1 == p.tokens.size());
  // A newline inside a text would end its line early; it becomes a space.
  const Prompt multi = PromptWindow(tok).Build({{0, "a\nb", "c\r\nd"}}, "x\ny", false, 256);
  CHECK(multi.tokens == Concat({kBosId}, tok.Encode("U: a b\nG: c  d\nU: x y\n")));
}

TEST_CASE("the window drops the oldest exchanges down to half the room, then stays put") {
  const Tokenizer& tok = TestTokenizer();
  PromptWindow window(tok);
  const int budget = 120;
  std::vector<Exchange> history = Conversation(3);
  const Prompt all = window.Build(history, "and the sky?", false, budget);
  CHECK(all.exchanges == 3);

  history = Conversation(12);
  const Prompt cut = window.Build(history, "and the sky?", false, budget);
  CHECK(cut.tokens.size() <= static_cast<size_t>(budget));
  CHECK(cut.exchanges >= 1);
  CHECK(cut.exchanges < 12);
  const size_t line = cut.line_end - cut.line_begin;
  CHECK(cut.line_begin - 2 <= (budget - 3 - line) / 2);  // the history: all but <s> and "U:"
  // The newest exchanges are the ones kept.
  const std::vector<int> newest = tok.Encode("U: " + history.back().user + "\n");
  CHECK(std::search(cut.tokens.begin(), cut.tokens.end(), newest.begin(), newest.end()) !=
        cut.tokens.end());

  // The next turn extends it: the history it had is a prefix of the new prompt.
  history.push_back({12, "and the sky?", "the sky is blue too."});
  const Prompt next = window.Build(history, "thanks", false, budget);
  CHECK(next.exchanges == cut.exchanges + 1);
  CHECK(std::equal(cut.tokens.begin(), cut.tokens.begin() + cut.line_begin - 1,
                   next.tokens.begin()));

  // A line longer than the budget keeps its last tokens and no history.
  std::string long_line;
  for (int i = 0; i < 200; ++i) long_line += "word" + std::to_string(i) + " ";
  long_line += "end";
  const Prompt huge = window.Build(history, long_line, true, budget);
  CHECK(huge.cut);
  CHECK(huge.exchanges == 0);
  CHECK(huge.tokens.size() == static_cast<size_t>(budget));
  CHECK(huge.tokens.back() == kGuideTurnId);
  CHECK(long_line.substr(huge.spans.back().first) == "end");
}

TEST_CASE("each token belongs to the word it overlaps most, and words sum their surprise") {
  const Tokenizer& tok = TestTokenizer();
  const std::string text = "my name is Zhangwei-Ünal, i'm 28! 我的 🐶 ok";
  const Prompt p = PromptWindow(tok).Build({}, text, false, 256);
  const std::vector<Token> words = Tokenize(text);
  const std::vector<int> token_words = TokenWords(words, p.spans);
  REQUIRE(token_words.size() == p.spans.size());
  std::vector<int> tokens_per_word(words.size(), 0);
  for (size_t i = 0; i < token_words.size(); ++i) {
    const auto [begin, end] = p.spans[i];
    const std::string piece = text.substr(begin, end - begin);
    INFO("token ", i, " '", piece, "'");
    if (token_words[i] < 0) {
      // Only spaces, punctuation and symbols belong to no word.
      for (const Token& w : words) CHECK((end <= w.begin || begin >= w.end || begin == end));
      continue;
    }
    const Token& w = words[token_words[i]];
    if (begin < end) CHECK((begin < w.end && end > w.begin));
    ++tokens_per_word[token_words[i]];
  }
  for (size_t w = 0; w < words.size(); ++w) CHECK_MESSAGE(tokens_per_word[w] > 0, words[w].text);
  // "Ü", "我" and "的" are spelt in bytes: the leading byte pieces have empty spans and belong to
  // the character's word, like the last piece that holds its span.
  int empty_spans = 0;
  for (size_t i = 0; i + 1 < p.spans.size(); ++i) {
    if (p.spans[i].first != p.spans[i].second) continue;
    ++empty_spans;
    CHECK(token_words[i] == token_words[i + 1]);
    CHECK(token_words[i] >= 0);
  }
  CHECK(empty_spans >= 3);

  std::vector<float> surprise(token_words.size());
  for (size_t i = 0; i < surprise.size(); ++i) surprise[i] = static_cast<float>(i + 1);
  const auto sums = WordSurprise(words.size(), token_words, surprise);
  REQUIRE(sums);
  std::vector<float> expected(words.size(), 0.0f);
  for (size_t i = 0; i < surprise.size(); ++i) {
    if (token_words[i] >= 0) expected[token_words[i]] += surprise[i];
  }
  CHECK(*sums == expected);
  // A word with no token (a line cut to fit) gives no word surprise at all.
  const std::vector<int> partial(token_words.begin() + 3, token_words.end());
  CHECK_FALSE(WordSurprise(words.size(), partial,
                           std::span<const float>(surprise).subspan(3)).has_value());
}

TEST_CASE("perceive gives the training forward's per-token loss and final hidden state") {
  const Checkpoint weights = testing::RandomCortex(7);
  CortexRegion region(weights, Tokenizer::Load(TOKENIZER_MODEL));
  const std::vector<Exchange> history = Conversation(2);
  const std::string text = "my name is gary and i love quokkas";
  const Perception got = region.Perceive(history, text);

  const Prompt p = PromptWindow(TestTokenizer()).Build(history, text, false, 256);
  const size_t n = p.line_end - p.line_begin;
  const int C = weights.config.dim;
  REQUIRE(got.tokens.size() == n);
  CHECK(std::equal(got.tokens.begin(), got.tokens.end(), p.tokens.begin() + p.line_begin));
  REQUIRE(got.surprise.size() == n);
  REQUIRE(got.hidden.size() == n * C);
  REQUIRE(got.token_words.size() == n);
  CHECK(got.word_surprise.size() == Tokenize(text).size());
  CHECK(got.exchanges == 2);

  Model<float> model(weights.config);
  std::copy(weights.params.begin(), weights.params.end(), model.params_memory.begin());
  const int T = static_cast<int>(p.tokens.size());
  std::vector<int> targets(p.tokens.begin() + 1, p.tokens.end());
  targets.push_back(0);
  model.forward(p.tokens.data(), targets.data(), 1, T);
  for (size_t i = 0; i < n; ++i) {
    CHECK(got.surprise[i] == doctest::Approx(model.acts.losses[p.line_begin - 1 + i]).epsilon(1e-4));
    for (int c = 0; c < C; ++c) {
      CHECK(got.hidden[i * C + c] ==
            doctest::Approx(model.acts.lnf[(p.line_begin + i) * C + c]).epsilon(1e-3));
    }
  }
  float sum = 0;
  for (float s : got.surprise) sum += s;
  float words = 0;
  for (float s : got.word_surprise) words += s;
  CHECK(words == doctest::Approx(sum).epsilon(1e-5));  // here every token is inside a word
}

TEST_CASE("the KV cache carries over turns and gives what a fresh run gives") {
  const Checkpoint weights = testing::RandomCortex(11);
  CortexRegion warm(weights, Tokenizer::Load(TOKENIZER_MODEL));
  std::vector<Exchange> history;
  for (int turn = 0; turn < 25; ++turn) {
    const std::string text = "this is turn number " + std::to_string(turn) + " of many";
    const Perception a = warm.Perceive(history, text);
    CortexRegion cold(weights, Tokenizer::Load(TOKENIZER_MODEL));
    // A fresh window takes as much history as fits; replay the warm one's choice of start.
    std::vector<Exchange> same(history.end() - a.exchanges, history.end());
    const Perception b = cold.Perceive(same, text);
    REQUIRE(a.surprise.size() == b.surprise.size());
    for (size_t i = 0; i < a.surprise.size(); ++i) {
      CHECK(a.surprise[i] == doctest::Approx(b.surprise[i]).epsilon(1e-5));
    }
    history.push_back({turn, text, "ok, turn " + std::to_string(turn) + " noted."});
  }
}

TEST_CASE("a logit bias that favours one token makes the reply that token") {
  const Tokenizer& tok = TestTokenizer();
  CortexRegion region(testing::RandomCortex(3), Tokenizer::Load(TOKENIZER_MODEL));
  const int buddy = tok.Encode(" Buddy").front();
  std::vector<float> bias(4096, 0.0f);
  bias[buddy] = 1e4f;
  SamplingOptions options;
  options.max_tokens = 4;
  options.no_repeat_ngram = 0;
  const Reply reply = region.Respond({}, "what is my dog's name?", bias.data(), options);
  CHECK(reply.tokens == std::vector<int>(4, buddy));
  CHECK(reply.text.find(tok.Decode({buddy}).substr(1)) == 0);
  CHECK(reply.confidence > 0);
  CHECK(reply.confidence < 1);

  // Without the bias the same seed says something else; with the newline forced, nothing.
  const Reply plain = region.Respond({}, "what is my dog's name?", nullptr, options);
  CHECK(plain.tokens != reply.tokens);
  std::vector<float> stop(4096, 0.0f);
  stop[tok.newline_id()] = 1e4f;
  const Reply empty = region.Respond({}, "what is my dog's name?", stop.data(), options);
  CHECK(empty.tokens.empty());
  CHECK(empty.text.empty());
  CHECK(empty.confidence == 0);
}

TEST_CASE("a reply is the same for the same seed and conversation") {
  SamplingOptions options;
  options.max_tokens = 12;
  options.seed = 42;
  const std::vector<Exchange> history = Conversation(3);
  CortexRegion a(testing::RandomCortex(5), Tokenizer::Load(TOKENIZER_MODEL));
  CortexRegion b(testing::RandomCortex(5), Tokenizer::Load(TOKENIZER_MODEL));
  (void)b.Perceive(history, "warm the cache up first");  // a cache in another state
  const Reply ra = a.Respond(history, "how are you?", nullptr, options);
  const Reply rb = b.Respond(history, "how are you?", nullptr, options);
  CHECK(ra.tokens == rb.tokens);
  CHECK(ra.text == rb.text);
  CHECK(ra.tokens.size() <= 12);
}

namespace {

// The shipped weights, where the plugin would find them: $BRAINHOST_MODELS or models/.
std::string ShippedWeights() {
  const char* env = std::getenv("BRAINHOST_MODELS");
  return (env != nullptr ? std::string(env) : std::string(MODELS_DIR)) + "/cortex/cortex.bin";
}

}  // namespace

// With the trained weights (skipped until models/cortex/cortex.bin exists): the name is the most
// surprising word of an introduction, which is what the memory regions rely on, and a greeting
// gets a reply.
TEST_CASE("the shipped cortex is surprised by names, not by what a sentence makes likely" *
          doctest::skip(!std::filesystem::exists(ShippedWeights()))) {
  CortexRegion region(load_checkpoint(ShippedWeights()), Tokenizer::Load(TOKENIZER_MODEL));
  for (const auto& [line, name] : {std::pair<std::string, size_t>{"my name is Zorblax", 3},
                                   {"my dog is named Buddy", 4}}) {
    INFO(line);
    const Perception p = region.Perceive({}, line);
    REQUIRE(p.word_surprise.size() == name + 1);
    const auto top = std::max_element(p.word_surprise.begin(), p.word_surprise.end());
    CHECK(static_cast<size_t>(top - p.word_surprise.begin()) == name);
    CHECK(p.word_surprise[2] < 2.0f);  // "is": after "my name" or "my dog", nearly certain
  }

  SamplingOptions greedy;
  greedy.temperature = 0;
  const Reply reply = region.Respond({}, "hi there!", nullptr, greedy);
  CHECK(!reply.text.empty());
  CHECK(reply.confidence > 0.2);
}

// The cortex alone never recalls: an earlier turn's name does not leak into replies about other
// things, whatever the draw; a memory region's vote (a positive bias) lets it through.
TEST_CASE("the shipped cortex does not copy an earlier name unless a bias votes for it" *
          doctest::skip(!std::filesystem::exists(ShippedWeights()))) {
  CortexRegion region(load_checkpoint(ShippedWeights()), Tokenizer::Load(TOKENIZER_MODEL));
  const std::vector<Exchange> history = {{0, "my name is Max", "Max! I'll remember that."},
                                         {1, "my dog is called Quillon", "Your dog Quillon, nice."}};
  for (const char* line : {"how are you?", "tell me something nice", "what is my name?"}) {
    for (std::uint64_t seed = 1; seed <= 8; seed++) {
      SamplingOptions decoding = kChatDecoding;
      decoding.seed = seed;
      const Reply reply = region.Respond(history, line, nullptr, decoding);
      INFO(line << " -> " << reply.text);
      CHECK(reply.text.find("Max") == std::string::npos);
      CHECK(reply.text.find("Quillon") == std::string::npos);
    }
  }
  // The name's first token, as the history line spelt it: the vote lets it through.
  const std::vector<int> line = region.tokenizer().Encode("my name is Max");
  const int name = line[region.tokenizer().Encode("my name is").size()];
  std::vector<float> vote(region.config().vocab, 0.0f);
  vote[name] = 1e4f;
  const Reply voted = region.Respond(history, "what is my name?", vote.data(), kChatDecoding);
  REQUIRE(!voted.tokens.empty());
  CHECK(voted.tokens.front() == name);
}

TEST_CASE("weights and a tokenizer that disagree on the vocabulary are refused") {
  Config cfg = testing::RandomCortexConfig();
  cfg.vocab = 512;
  Model<float> model(cfg);
  model.init(1);
  Checkpoint small{cfg, model.params_memory, 0, {}, {}};
  CHECK_THROWS_WITH_AS(CortexRegion(small, Tokenizer::Load(TOKENIZER_MODEL)),
                       doctest::Contains("vocabulary of 512"), std::invalid_argument);
}

}  // namespace brainhost::regions::cortex
