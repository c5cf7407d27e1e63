#include "cortex/prompt.h"

#include <algorithm>
#include <cassert>
#include <stdexcept>

#include "tokenizer/special_tokens.h"

namespace brainhost::regions::cortex {
namespace {

constexpr std::size_t kUserPrefix = 3;  // "U: "

}  // namespace

std::string OneLine(std::string_view text) {
  std::string out(text);
  std::replace(out.begin(), out.end(), '\n', ' ');
  std::replace(out.begin(), out.end(), '\r', ' ');
  return out;
}

Prompt PromptWindow::Build(const std::vector<Exchange>& history, std::string_view user_text,
                           bool reply_cue, int budget) {
  assert(budget >= 5);
  const std::string text = OneLine(user_text);
  const std::vector<Tokenizer::Span> line = tokenizer_.EncodeWithSpans("U: " + text + "\n");
  const int newline = tokenizer_.newline_id();
  if (line.size() < 2 || line.front().id != kUserTurnId || line.back().id != newline) {
    throw std::runtime_error("cortex prompt: the tokenizer " + tokenizer_.path() +
                             " does not spell a user line as \"U:\" ... newline");
  }
  // The line's text tokens, the last ones only when the line alone is over budget.
  const std::size_t fixed = 3 + (reply_cue ? 1 : 0);  // <s>, "U:", newline [, "G:"]
  std::size_t first = 1, last = line.size() - 1;       // line[first, last): the text
  Prompt p;
  if (fixed + (last - first) > static_cast<std::size_t>(budget)) {
    first = last - (budget - fixed);
    p.cut = true;
  }

  // The exchanges from the sticky start that fit; when they do not, drop the oldest until
  // they fill at most half of the room.
  std::vector<std::vector<int>> encoded;
  std::size_t used = 0;
  const std::size_t room = budget - fixed - (last - first);
  if (!p.cut) {
    for (const Exchange& e : history) {
      if (e.turn_index < first_turn_) continue;
      std::vector<int> tokens = tokenizer_.Encode("U: " + OneLine(e.user) + "\n");
      const std::vector<int> reply = tokenizer_.Encode("G: " + OneLine(e.reply) + "\n");
      tokens.insert(tokens.end(), reply.begin(), reply.end());
      used += tokens.size();
      encoded.push_back(std::move(tokens));
    }
  }
  std::size_t drop = 0;
  if (used > room) {
    while (drop < encoded.size() && used > room / 2) used -= encoded[drop++].size();
  }
  const std::size_t kept_from = history.size() - encoded.size() + drop;  // index in history
  if (kept_from < history.size()) {
    first_turn_ = history[kept_from].turn_index;
  } else if (!history.empty()) {
    first_turn_ = history.back().turn_index + 1;
  }

  p.tokens.reserve(budget);
  p.tokens.push_back(kBosId);
  for (std::size_t i = drop; i < encoded.size(); ++i) {
    p.tokens.insert(p.tokens.end(), encoded[i].begin(), encoded[i].end());
  }
  p.exchanges = static_cast<int>(encoded.size() - drop);
  p.tokens.push_back(kUserTurnId);
  p.line_begin = p.tokens.size();
  for (std::size_t i = first; i < last; ++i) {
    p.tokens.push_back(line[i].id);
    // Spans are of "U: " + text; the space after "U:" belongs to the first word's piece.
    const std::size_t b = std::clamp(line[i].begin, kUserPrefix, kUserPrefix + text.size());
    const std::size_t e = std::clamp(line[i].end, kUserPrefix, kUserPrefix + text.size());
    p.spans.emplace_back(b - kUserPrefix, e - kUserPrefix);
  }
  p.line_end = p.tokens.size();
  p.tokens.push_back(newline);
  if (reply_cue) p.tokens.push_back(kGuideTurnId);
  assert(p.tokens.size() <= static_cast<std::size_t>(budget));
  return p;
}

}  // namespace brainhost::regions::cortex
