#include "hippo/hippo_memory.h"

#include <algorithm>

#include "episodic/encoder.h"
#include "episodic/query.h"
#include "episodic/retriever.h"
#include "episodic/utterance.h"

namespace brainhost::regions::hippo {

HippoInput<float> Selection::input() const {
  HippoInput<float> in;
  in.M = static_cast<int>(targets.size());
  in.h = h.data();
  in.surprise = surprise.data();
  in.age = age.data();
  in.tokens = tokens.data();
  in.targets = targets.data();
  return in;
}

HippoMemory::HippoMemory(const LanguageModels& models, int newline, int window)
    : models_(models), newline_(newline), window_(window) {}

namespace {

// A question about the user: it says "my" or "i" (or "me", "i'm", ...) and never "your".
bool AboutUser(const Utterance& u) {
  static const char* const kSelf[] = {"i", "my", "me", "mine", "myself", "i'm", "i've", "i'd",
                                      "i'll"};
  bool self = false;
  for (const Word& w : u.words) {
    if (w.lower == "your" || w.lower == "yours") return false;
    self = self || std::find(std::begin(kSelf), std::end(kSelf), w.lower) != std::end(kSelf);
  }
  return self;
}

}  // namespace

std::optional<Selection> HippoMemory::Hear(std::int64_t turn_index, std::string_view line,
                                           const PerceivedLine& perceived) {
  while (!lines_.empty() && lines_.front().turn_index <= turn_index - window_) {
    lines_.pop_front();
  }
  const std::int64_t first_token = heard_;
  heard_ += perceived.n;
  const Utterance utterance = Analyze(line, perceived.word_surprise, models_);
  if (!utterance.question) {
    if (perceived.n == 0) return std::nullopt;
    const int n = perceived.n, C = perceived.C;
    std::optional<Encoded> encoded = Encode(utterance, models_);
    lines_.push_back({turn_index, first_token,
                      encoded ? std::optional<Fact>(std::move(encoded->fact)) : std::nullopt,
                      std::vector<int>(perceived.tokens, perceived.tokens + n),
                      std::vector<float>(perceived.surprise, perceived.surprise + n),
                      std::vector<float>(perceived.hidden,
                                         perceived.hidden + static_cast<std::size_t>(n) * C)});
    return std::nullopt;
  }
  if (lines_.empty() || !AboutUser(utterance)) return std::nullopt;

  // The lines the episodic scoring binds to the question, when any does; else every line.
  Selection s;
  std::vector<const Line*> chosen;
  if (const std::optional<Query> query = ParseQuestion(utterance, models_)) {
    for (std::size_t rank = 0; rank < lines_.size(); ++rank) {
      const Line& candidate = lines_[lines_.size() - 1 - rank];  // newest first
      if (!candidate.fact) continue;
      if (std::optional<Recall> recall = Score(*query, *candidate.fact, rank, models_)) {
        s.match = chosen.empty() ? recall->trace.score : std::max(s.match, recall->trace.score);
        chosen.push_back(&candidate);
      }
    }
  }
  if (chosen.empty()) {
    for (const Line& candidate : lines_) chosen.push_back(&candidate);
  }
  for (const Line* l : chosen) {
    const int n = static_cast<int>(l->tokens.size());
    s.h.insert(s.h.end(), l->hidden.begin(), l->hidden.end());
    for (int j = 0; j < n; j++) {
      const bool last = j + 1 == n;
      s.tokens.push_back(l->tokens[j]);
      s.targets.push_back(last ? newline_ : l->tokens[j + 1]);
      s.surprise.push_back(last ? 0.0f : l->surprise[j + 1]);
      s.age.push_back(static_cast<float>(first_token - (l->first_token + j)));
    }
  }
  return s;
}

}  // namespace brainhost::regions::hippo
