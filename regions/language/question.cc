#include "language/question.h"

#include <array>
#include <string_view>

namespace brainhost::regions {

bool IsQuestionWord(std::string_view lower) {
  static constexpr std::array<std::string_view, 23> kOpeners = {
      "what", "who",  "where", "when",  "which", "how",  "why",   "whose",
      "is",   "am",   "are",   "was",   "were",  "do",   "does",  "did",
      "can",  "could", "will", "would", "have",  "has",  "should"};
  if (lower.ends_with("'s")) lower.remove_suffix(2);  // "what's" asks like "what"
  if (lower == "whats" || lower == "wheres" || lower == "whos" || lower == "hows") return true;
  for (std::string_view opener : kOpeners) {
    if (lower == opener) return true;
  }
  return false;
}

bool IsQuestion(std::string_view line, const std::vector<Token>& tokens) {
  size_t end = line.find_last_not_of(" \t\r\n");
  if (end != std::string_view::npos && line[end] == '?') return true;
  return !tokens.empty() && IsQuestionWord(tokens.front().lower);
}

}  // namespace brainhost::regions
