// Tokenized conversation streams and their batches. See token_stream.h.
#include "training/token_stream.h"

#include <algorithm>
#include <sstream>
#include <stdexcept>
#include <thread>

#include "tokenizer/special_tokens.h"

namespace brainhost::regions::training {
namespace {

// The conversations of text: the spans between blank lines, each keeping its final newline.
std::vector<std::string_view> SplitConversations(std::string_view text) {
  std::vector<std::string_view> out;
  while (!text.empty()) {
    std::size_t end = text.find("\n\n");
    std::string_view conversation = text.substr(0, end == text.npos ? text.size() : end + 1);
    if (conversation.find_first_not_of('\n') != conversation.npos) out.push_back(conversation);
    if (end == text.npos) break;
    text.remove_prefix(end + 2);
  }
  return out;
}

std::uint64_t SplitMix64(std::uint64_t& state) {
  std::uint64_t z = (state += 0x9E3779B97F4A7C15ull);
  z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
  z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
  return z ^ (z >> 31);
}

}  // namespace

std::vector<int> TokenizeConversations(std::string_view text, const Tokenizer& tokenizer,
                                       int threads) {
  const std::vector<std::string_view> conversations = SplitConversations(text);
  threads = std::max(1, std::min<int>(threads, int(conversations.size())));
  // Thread t encodes a contiguous share; the shares are joined in order.
  std::vector<std::vector<int>> shares(threads);
  auto encode_share = [&](int t) {
    const std::size_t begin = conversations.size() * t / threads;
    const std::size_t end = conversations.size() * (t + 1) / threads;
    for (std::size_t i = begin; i < end; i++) {
      shares[t].push_back(kBosId);
      const std::vector<int> ids = tokenizer.Encode(conversations[i]);
      shares[t].insert(shares[t].end(), ids.begin(), ids.end());
      shares[t].push_back(kEosId);
    }
  };
  std::vector<std::thread> workers;
  for (int t = 1; t < threads; t++) workers.emplace_back(encode_share, t);
  encode_share(0);
  for (std::thread& w : workers) w.join();
  std::vector<int> stream;
  for (const std::vector<int>& share : shares) stream.insert(stream.end(), share.begin(), share.end());
  return stream;
}

std::vector<int> TokenizeCorpus(const CorpusOptions& options, const Tokenizer& tokenizer,
                                int threads) {
  std::ostringstream text;
  GenerateCorpus(options, text);
  return TokenizeConversations(text.view(), tokenizer, threads);
}

Batch SampleBatch(const std::vector<int>& stream, int B, int T, std::uint64_t seed,
                  std::int64_t step) {
  if (stream.size() <= std::size_t(T) + 1) {
    throw std::invalid_argument("the token stream is shorter than one training window");
  }
  Batch batch{B, T, std::vector<int>(std::size_t(B) * T), std::vector<int>(std::size_t(B) * T)};
  std::uint64_t state = seed * 0xD1B54A32D192ED03ull + std::uint64_t(step);
  const std::uint64_t starts = stream.size() - T;  // offsets 0 .. size − T − 1
  for (int b = 0; b < B; b++) {
    const std::size_t offset = SplitMix64(state) % starts;
    std::copy_n(stream.begin() + offset, T, batch.inputs.begin() + std::size_t(b) * T);
    std::copy_n(stream.begin() + offset + 1, T, batch.targets.begin() + std::size_t(b) * T);
  }
  return batch;
}

Batch FirstWindows(const std::vector<int>& stream, int windows, int T) {
  windows = int(std::min<std::size_t>(windows, (stream.size() - 1) / T));
  Batch batch{windows, T, {}, {}};
  for (int w = 0; w < windows; w++) {
    const auto begin = stream.begin() + std::size_t(w) * T;
    batch.inputs.insert(batch.inputs.end(), begin, begin + T);
    batch.targets.insert(batch.targets.end(), begin + 1, begin + T + 1);
  }
  return batch;
}

double MeanLoss(cortex::Trainer& trainer, const Batch& batch, int rows) {
  double sum = 0;
  for (int b = 0; b < batch.B; b += rows) {
    const int n = std::min(rows, batch.B - b);
    const std::size_t offset = std::size_t(b) * batch.T;
    sum += double(trainer.evaluate(batch.inputs.data() + offset, batch.targets.data() + offset, n,
                                   batch.T)) * n;
  }
  return sum / batch.B;
}

}  // namespace brainhost::regions::training
