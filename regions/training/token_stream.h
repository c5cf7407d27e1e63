// Training data for the cortex: text tokenized into one stream of conversations, each framed
// "<s> U: …\nG: …\n … </s>" as the cortex sees a conversation at inference, and fixed-size
// windows of that stream as training batches.
#pragma once

#include <cstdint>
#include <string_view>
#include <vector>

#include "corpus/corpus.h"
#include "cortex/trainer.h"
#include "tokenizer/tokenizer.h"

namespace brainhost::regions::training {

// The conversations of text (separated by blank lines), each encoded and framed by <s> and
// </s>, concatenated. Encodes on `threads` threads (≥ 1); the result does not depend on it.
std::vector<int> TokenizeConversations(std::string_view text, const Tokenizer& tokenizer,
                                       int threads);

// GenerateCorpus(options) tokenized as above.
std::vector<int> TokenizeCorpus(const CorpusOptions& options, const Tokenizer& tokenizer,
                                int threads);

// A batch of B windows of T + 1 tokens: inputs (B, T) and targets (B, T), the inputs shifted by
// one.
struct Batch {
  int B = 0, T = 0;
  std::vector<int> inputs, targets;
};

// The batch for training step `step`: B windows at offsets drawn uniformly from the stream by
// a generator seeded with (seed, step), so a resumed run sees the same batches as an unbroken
// one. REQUIRES: stream.size() > T + 1.
Batch SampleBatch(const std::vector<int>& stream, int B, int T, std::uint64_t seed,
                  std::int64_t step);

// The first `windows` non-overlapping windows of T + 1 tokens (fewer if the stream is short),
// as one batch: the fixed validation set.
Batch FirstWindows(const std::vector<int>& stream, int windows, int T);

// The model's mean loss per token over batch, evaluated `rows` rows at a time (activation
// memory grows with rows). Perplexity is exp of it.
double MeanLoss(cortex::Trainer& trainer, const Batch& batch, int rows);

}  // namespace brainhost::regions::training
