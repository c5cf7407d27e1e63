// The cortex's training data: conversations framed by <s> and </s>, the same stream whatever
// the thread count, and batches that depend only on (seed, step) with targets one token ahead.
#include <doctest/doctest.h>

#include <algorithm>
#include <string>

#include "tokenizer/special_tokens.h"
#include "tokenizer/tokenizer.h"
#include "training/token_stream.h"

namespace brainhost::regions::training {
namespace {

const Tokenizer& Shipped() {
  static const Tokenizer tokenizer = Tokenizer::Load(BRAINHOST_TOKENIZER_MODEL);
  return tokenizer;
}

}  // namespace

TEST_CASE("token stream: each conversation is framed by <s> and </s>") {
  const std::string text = "U: hi\nG: hello!\n\nU: my cat is Tom\nG: nice.\n\n\n";
  const std::vector<int> stream = TokenizeConversations(text, Shipped(), 1);
  CHECK(std::count(stream.begin(), stream.end(), kBosId) == 2);
  CHECK(std::count(stream.begin(), stream.end(), kEosId) == 2);
  CHECK(stream.front() == kBosId);
  CHECK(stream.back() == kEosId);
  CHECK(stream[1] == kUserTurnId);
  const auto second = std::find(stream.begin() + 1, stream.end(), kBosId);
  CHECK(Shipped().Decode(std::vector<int>(stream.begin() + 1, second - 1)) == "U: hi\nG: hello!\n");
}

TEST_CASE("token stream: the thread count does not change the stream") {
  CorpusOptions options;
  options.seed = 9;
  options.target_bytes = 200000;
  CHECK(TokenizeCorpus(options, Shipped(), 1) == TokenizeCorpus(options, Shipped(), 3));
}

TEST_CASE("token stream: batches are windows chosen by (seed, step)") {
  std::vector<int> stream(1000);
  for (int i = 0; i < 1000; i++) stream[i] = i;
  const Batch a = SampleBatch(stream, 4, 16, 1, 7);
  CHECK(a.inputs == SampleBatch(stream, 4, 16, 1, 7).inputs);
  CHECK(a.inputs != SampleBatch(stream, 4, 16, 1, 8).inputs);
  CHECK(a.inputs != SampleBatch(stream, 4, 16, 2, 7).inputs);
  for (std::size_t i = 0; i < a.inputs.size(); i++) CHECK(a.targets[i] == a.inputs[i] + 1);
  for (int b = 0; b < 4; b++) CHECK(a.inputs[b * 16 + 15] == a.inputs[b * 16] + 15);  // contiguous

  const Batch v = FirstWindows(stream, 100, 16);
  CHECK(v.B == 62);  // (1000 − 1) / 16 whole windows
  CHECK(v.inputs[16] == 16);
  CHECK(v.targets.back() == 62 * 16);
  CHECK_THROWS(SampleBatch(std::vector<int>(10), 1, 16, 1, 0));
}

}  // namespace brainhost::regions::training
