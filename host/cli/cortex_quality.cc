// The trained cortex's figures for `bench cortex`. See cortex_quality.h.
#include "cli/cortex_quality.h"

#include <cmath>
#include <cstdint>

#include "cortex/checkpoint.h"
#include "cortex/cortex_region.h"
#include "cortex/reply_quality.h"
#include "cortex/trainer.h"
#include "training/token_stream.h"

namespace brainhost {
namespace {

namespace cx = regions::cortex;

// A day's small talk, one line a turn, none of it about facts the memory regions would take.
constexpr const char* kSmallTalk[] = {
    "hi there!",
    "how are you today?",
    "i just got back from a long walk.",
    "the weather is lovely this afternoon.",
    "do you like music?",
    "what did you do today?",
    "i'm a bit tired to be honest.",
    "any plans for the weekend?",
    "i cooked pasta for dinner.",
    "what should i read next?",
    "it started raining again.",
    "tell me something nice.",
    "thanks for chatting with me.",
    "good night!"};

constexpr const char* kSamplePrompts[] = {
    "hello!",
    "how's it going?",
    "i had a rough day at work.",
    "what's the weather like?",
    "my sister is visiting next week.",
    "i adopted a kitten yesterday.",
    "do you have any hobbies?",
    "what does \"harbor\" mean?",
    "i'm feeling a little anxious.",
    "see you tomorrow!"};

}  // namespace

CortexQuality MeasureCortexQuality(const std::string& weights_path,
                                   const std::string& tokenizer_path) {
  const cx::Checkpoint weights = cx::load_checkpoint(weights_path);
  regions::Tokenizer tokenizer = regions::Tokenizer::Load(tokenizer_path);
  CortexQuality q;

  // Validation: the windows `train cortex` evaluates (its defaults: seed 1, 2 MB of held-out
  // dialogue, the first 64 windows of 256). Beside it, the same measure on dialogue the
  // training split would generate with another seed: what the model knows, against what it
  // has never seen.
  {
    cx::Trainer trainer(weights.config, 0);
    trainer.restore(weights);
    const int T = weights.config.context;
    auto loss = [&](std::uint64_t seed, bool validation, int* tokens) {
      regions::CorpusOptions corpus;
      corpus.seed = seed;
      corpus.validation = validation;
      corpus.target_bytes = 2'000'000;
      const regions::training::Batch batch = regions::training::FirstWindows(
          regions::training::TokenizeCorpus(corpus, tokenizer, trainer.threads()), 64, T);
      if (tokens != nullptr) *tokens = batch.B * T;
      return regions::training::MeanLoss(trainer, batch, 8);
    };
    q.val_loss = loss(1, true, &q.val_tokens);
    q.val_ppl = std::exp(q.val_loss);
    q.fresh_loss = loss(2, false, nullptr);
  }

  cx::CortexRegion cortex(weights, std::move(tokenizer),
                          {.weights = cx::WeightFormat::kFloat16, .threads = 0});
  std::vector<cx::Exchange> history;
  std::vector<std::string> replies;
  std::int64_t turn = 0;
  for (const char* line : kSmallTalk) {
    cx::SamplingOptions decoding = cx::kChatDecoding;
    decoding.seed += std::uint64_t(turn);
    const cx::Reply reply = cortex.Respond(history, line, nullptr, decoding);
    history.push_back({turn++, line, reply.text});
    q.small_talk.emplace_back(line, reply.text);
    replies.push_back(reply.text);
  }
  q.max_repeated_word = cx::MaxConsecutiveRepeat(replies);
  q.distinct_bigrams = cx::DistinctBigrams(replies);

  for (const char* prompt : kSamplePrompts) {
    q.samples.emplace_back(prompt, cortex.Respond({}, prompt, nullptr, cx::kChatDecoding).text);
  }
  return q;
}

}  // namespace brainhost
