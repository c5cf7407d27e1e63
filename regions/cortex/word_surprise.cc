#include "cortex/word_surprise.h"

#include <algorithm>
#include <cassert>

namespace brainhost::regions::cortex {

std::vector<int> TokenWords(std::span<const Token> words,
                            std::span<const std::pair<std::size_t, std::size_t>> spans) {
  std::vector<int> out(spans.size(), -1);
  std::size_t w = 0;  // spans are in line order, so the first word that can still overlap
  for (std::size_t i = 0; i < spans.size(); ++i) {
    const auto [begin, end] = spans[i];
    if (begin >= end) continue;  // below
    while (w < words.size() && words[w].end <= begin) ++w;
    std::size_t best = 0;
    for (std::size_t j = w; j < words.size() && words[j].begin < end; ++j) {
      const std::size_t overlap =
          std::min(end, words[j].end) - std::max(begin, words[j].begin);
      if (overlap > best) {
        best = overlap;
        out[i] = static_cast<int>(j);
      }
    }
  }
  // The empty spans: the leading byte pieces of a character, whose span the last piece holds.
  for (std::size_t i = spans.size(); i-- > 0;) {
    if (spans[i].first >= spans[i].second) out[i] = i + 1 < spans.size() ? out[i + 1] : -1;
  }
  return out;
}

std::optional<std::vector<float>> WordSurprise(std::size_t words,
                                               std::span<const int> token_words,
                                               std::span<const float> surprise) {
  assert(token_words.size() == surprise.size());
  std::vector<float> sum(words, 0.0f);
  std::vector<bool> seen(words, false);
  for (std::size_t i = 0; i < token_words.size(); ++i) {
    const int w = token_words[i];
    if (w < 0 || static_cast<std::size_t>(w) >= words) continue;
    sum[w] += surprise[i];
    seen[w] = true;
  }
  if (std::find(seen.begin(), seen.end(), false) != seen.end()) return std::nullopt;
  return sum;
}

}  // namespace brainhost::regions::cortex
