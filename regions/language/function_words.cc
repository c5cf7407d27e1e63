#include "language/function_words.h"

#include <algorithm>
#include <string>

namespace brainhost::regions {

const std::vector<std::string_view>& FunctionWords() {
  // Sorted, so IsFunctionWord can binary-search it; the test checks the order.
  static const std::vector<std::string_view> kWords = {
      "a", "about", "above", "actually", "after", "again", "against", "all", "already", "also",
      "am", "an", "and", "any", "anything", "anyway", "are", "aren't", "as", "at", "be",
      "because", "been", "before", "being", "below", "between", "both", "but", "by", "can",
      "can't", "cannot", "could", "couldn't", "did", "didn't", "do", "does", "doesn't", "doing",
      "don't", "down", "during", "each", "either", "else", "even", "ever", "every", "everything",
      "few", "for", "from", "further", "had", "hadn't", "has", "hasn't", "have", "haven't",
      "having", "he", "he'd", "he'll", "he's", "hello", "her", "here", "here's", "hers",
      "herself", "hey", "hi", "him", "himself", "his", "how", "how's", "i", "i'd", "i'll", "i'm",
      "i've", "if", "in", "into", "is", "isn't", "it", "it's", "its", "itself", "just", "let's",
      "lot", "lots", "maybe", "me", "might", "more", "most", "much", "must", "mustn't", "my",
      "myself", "neither", "never", "no", "nor", "not", "nothing", "now", "of", "off", "often",
      "oh", "ok", "okay", "on", "once", "one", "ones", "only", "or", "other", "ought", "our",
      "ours", "ourselves", "out", "over", "own", "please", "quite", "really", "same", "shall",
      "shan't", "she", "she'd", "she'll", "she's", "should", "shouldn't", "so", "some",
      "something", "still", "such", "than", "that", "that's", "the", "their", "theirs", "them",
      "themselves", "then", "there", "there's", "these", "they", "they'd", "they'll", "they're",
      "they've", "thing", "things", "this", "those", "though", "through", "to", "too", "under",
      "until", "up", "upon", "us", "very", "was", "wasn't", "we", "we'd", "we'll", "we're",
      "we've", "well", "were", "weren't", "what", "what's", "when", "when's", "where", "where's",
      "whether", "which", "while", "who", "who's", "whom", "whose", "why", "why's", "will",
      "with", "won't", "would", "wouldn't", "yes", "yet", "you", "you'd", "you'll", "you're",
      "you've", "your", "yours", "yourself", "yourselves",
  };
  return kWords;
}

bool IsFunctionWord(std::string_view lower) {
  const auto& words = FunctionWords();
  return std::binary_search(words.begin(), words.end(), lower);
}

}  // namespace brainhost::regions
