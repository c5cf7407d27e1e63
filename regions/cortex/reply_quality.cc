// Repetition measures of replies. See reply_quality.h.
#include "cortex/reply_quality.h"

#include <algorithm>
#include <cctype>
#include <set>
#include <utility>

namespace brainhost::regions::cortex {
namespace {

bool IsWordByte(unsigned char c) { return std::isalnum(c) || c == '\'' || c >= 0x80; }

std::vector<std::string> Words(const std::string& text) {
  std::vector<std::string> words;
  std::string word;
  for (unsigned char c : text) {
    if (IsWordByte(c)) {
      word += char(c < 0x80 ? std::tolower(c) : c);
    } else if (!word.empty()) {
      words.push_back(std::move(word));
      word.clear();
    }
  }
  if (!word.empty()) words.push_back(std::move(word));
  return words;
}

}  // namespace

int MaxConsecutiveRepeat(const std::vector<std::string>& replies) {
  int longest = 0;
  for (const std::string& reply : replies) {
    const std::vector<std::string> words = Words(reply);
    int run = 0;
    for (std::size_t i = 0; i < words.size(); i++) {
      run = (i > 0 && words[i] == words[i - 1]) ? run + 1 : 1;
      longest = std::max(longest, run);
    }
  }
  return longest;
}

double DistinctBigrams(const std::vector<std::string>& replies) {
  std::set<std::pair<std::string, std::string>> distinct;
  std::size_t total = 0;
  for (const std::string& reply : replies) {
    const std::vector<std::string> words = Words(reply);
    for (std::size_t i = 1; i < words.size(); i++, total++) distinct.emplace(words[i - 1], words[i]);
  }
  return total == 0 ? 1.0 : double(distinct.size()) / double(total);
}

}  // namespace brainhost::regions::cortex
