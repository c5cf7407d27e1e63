#include "turn/replay_priority.h"

#include <algorithm>
#include <cctype>
#include <vector>

namespace brainhost {

namespace {

// The line's words, lowercase, apostrophes kept ("that's").
std::vector<std::string> Words(std::string_view text) {
  std::vector<std::string> out(1);
  for (char c : text) {
    const unsigned char u = static_cast<unsigned char>(c);
    if (std::isalnum(u) || c == '\'' || u >= 0x80) {
      out.back() += static_cast<char>(std::tolower(u));
    } else if (!out.back().empty()) {
      out.emplace_back();
    }
  }
  if (out.back().empty()) out.pop_back();
  return out;
}

// True when words hold phrase (space-separated) as consecutive words not preceded by a
// negation ("that's not right" confirms nothing; "not important" marks nothing).
bool Says(const std::vector<std::string>& words, std::string_view phrase) {
  const std::vector<std::string> want = Words(phrase);
  for (std::size_t at = 0; at + want.size() <= words.size(); ++at) {
    if (!std::equal(want.begin(), want.end(), words.begin() + static_cast<std::ptrdiff_t>(at))) {
      continue;
    }
    const bool negated = at > 0 && (words[at - 1] == "not" || words[at - 1] == "isn't" ||
                                    words[at - 1] == "never");
    if (!negated) return true;
  }
  return false;
}

}  // namespace

ReplayMarks ReadReplayMarks(std::string_view user_text) {
  const std::vector<std::string> words = Words(user_text);
  ReplayMarks marks;
  for (std::string_view phrase : {"remember this", "remember that", "don't forget",
                                  "do not forget", "important"}) {
    marks.important = marks.important || Says(words, phrase);
  }
  // "is that correct?" asks; it confirms nothing.
  const std::size_t end = user_text.find_last_not_of(" \t\r\n");
  if (end != std::string_view::npos && user_text[end] == '?') return marks;
  for (std::string_view phrase : {"that's right", "that is right", "thats right", "correct",
                                  "exactly", "well done", "good answer"}) {
    marks.confirms_previous = marks.confirms_previous || Says(words, phrase);
  }
  return marks;
}

double TurnPriority(std::optional<double> mean_surprise, const ReplayMarks& marks) {
  double priority = 1.0;
  if (mean_surprise) priority += std::clamp(*mean_surprise / 4.0, 0.0, 2.0);
  if (marks.important) priority += 2.0;
  return priority;
}

std::string ReplayText(std::string_view user_text, std::string_view reply) {
  // One exchange is two lines, whatever a region put in its reply.
  auto line = [](std::string_view text) {
    std::string out(text);
    std::replace_if(out.begin(), out.end(), [](char c) { return c == '\n' || c == '\r'; }, ' ');
    return out;
  };
  return "U: " + line(user_text) + "\nG: " + line(reply) + "\n";
}

}  // namespace brainhost
