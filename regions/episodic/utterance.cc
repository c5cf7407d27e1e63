#include "episodic/utterance.h"

#include <array>

#include "language/function_words.h"
#include "language/question.h"
#include "language/tokenizer.h"

namespace brainhost::regions {
namespace {

// Words whose "'s" means "is", not a possessive.
bool TakesIs(std::string_view base) {
  static constexpr std::array<std::string_view, 13> kBases = {
      "it", "that", "what", "who", "where", "when", "how", "there", "here", "he", "she",
      "this", "which"};
  for (std::string_view b : kBases) {
    if (base == b) return true;
  }
  return false;
}

struct Split {
  std::string_view head;  // the part typed before the apostrophe, in lowercase
  std::string_view tail;  // the expansion of the contraction, or "" for a possessive
  bool possessive = false;
  bool ok = false;
};

// How a lowercase token with an apostrophe splits, if it does.
Split SplitContraction(std::string_view lower) {
  auto cut = [&](size_t n, std::string_view tail) {
    return Split{lower.substr(0, lower.size() - n), tail, false, true};
  };
  if (lower == "can't") return Split{"can", "not", false, true};
  if (lower == "won't") return Split{"will", "not", false, true};
  if (lower == "let's") return Split{"let", "us", false, true};
  // "whats", "wheres": the apostrophe typed away.
  for (std::string_view wh : {"whats", "wheres", "whos", "hows"}) {
    if (lower == wh) return cut(1, "is");
  }
  if (lower.ends_with("n't")) return cut(3, "not");
  if (lower.ends_with("'m")) return cut(2, "am");
  if (lower.ends_with("'re")) return cut(3, "are");
  if (lower.ends_with("'ve")) return cut(3, "have");
  if (lower.ends_with("'ll")) return cut(3, "will");
  if (lower.ends_with("'d")) return cut(2, "would");
  if (lower.ends_with("'s")) {
    std::string_view base = lower.substr(0, lower.size() - 2);
    return TakesIs(base) ? Split{base, "is", false, true} : Split{base, "", true, true};
  }
  return {};
}

}  // namespace

bool IsContent(const Word& word) { return !IsFunctionWord(word.lower); }

std::string JoinText(const std::vector<Word>& words, size_t begin, size_t end) {
  std::string out;
  for (size_t i = begin; i < end && i < words.size(); ++i) {
    if (!out.empty()) out += ' ';
    out += words[i].text;
    // The "'s" was split off the word; inside a phrase it is part of what was said.
    if (words[i].possessive && i + 1 < end) out += "'s";
  }
  return out;
}

Utterance Analyze(std::string_view line, const std::vector<double>* word_surprise,
                  const LanguageModels& models) {
  Utterance out;
  out.text = std::string(line);
  std::vector<Token> tokens = Tokenize(line);
  out.question = IsQuestion(line, tokens);
  bool use_cortex = word_surprise != nullptr && word_surprise->size() == tokens.size();

  for (size_t i = 0; i < tokens.size(); ++i) {
    const Token& token = tokens[i];
    Split split = SplitContraction(token.lower);
    auto add = [&](std::string text, bool possessive, bool capitalized) {
      Word word;
      word.lower = Lowercase(text);
      word.text = std::move(text);
      word.stem = models.lemmatizer.Stem(word.lower);
      word.capitalized = capitalized;
      word.possessive = possessive;
      word.surprise = use_cortex ? (*word_surprise)[i] : models.unigram.Surprise(word.lower);
      out.words.push_back(std::move(word));
    };
    if (!split.ok) {
      add(token.text, false, token.capitalized);
      out.words.back().punct_after = token.punct_after;
      continue;
    }
    // "won't" -> "will": the head is not always a prefix of what was typed.
    std::string head = token.lower.starts_with(split.head) ? token.text.substr(0, split.head.size())
                                                          : std::string(split.head);
    add(std::move(head), split.possessive, token.capitalized);
    if (!split.tail.empty()) add(std::string(split.tail), false, false);
    out.words.back().punct_after = token.punct_after;
  }
  return out;
}

}  // namespace brainhost::regions
