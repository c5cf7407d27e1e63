#include "dialogue/self_knowledge.h"

#include <algorithm>
#include <array>

#include "episodic/query.h"

namespace brainhost::regions {
namespace {

template <size_t N>
bool Mentions(const Utterance& utterance, const std::array<std::string_view, N>& words) {
  return std::any_of(utterance.words.begin(), utterance.words.end(), [&](const Word& word) {
    return std::find(words.begin(), words.end(), word.lower) != words.end();
  });
}

constexpr std::array<std::string_view, 10> kPersonWords = {
    "real", "person", "human", "alive", "man", "woman", "people", "conscious", "sentient", "living"};
constexpr std::array<std::string_view, 10> kProgramWords = {
    "bot", "robot", "ai", "program", "computer", "machine", "software", "chatbot", "assistant",
    "brainhost"};

}  // namespace

std::optional<Reply> AnswerAboutSelf(const Utterance& utterance) {
  if (!utterance.question || !AsksAboutAssistant(utterance)) return std::nullopt;
  const std::string& first = utterance.words.front().lower;
  if (Mentions(utterance, std::array<std::string_view, 1>{"name"})) {
    return Reply{"my name is brainhost.", kCommandConfidence};
  }
  if (first == "are" && Mentions(utterance, kPersonWords)) {
    return Reply{"no. i'm brainhost, a computer program, not a real person.", kCommandConfidence};
  }
  if (first == "are" && Mentions(utterance, kProgramWords)) {
    return Reply{"yes, i'm brainhost, a chat program.", kCommandConfidence};
  }
  bool who_or_what = first == "who" || first == "what";
  if (who_or_what && utterance.words.size() <= 4 &&
      Mentions(utterance, std::array<std::string_view, 2>{"are", "you"})) {
    return Reply{"i'm brainhost, a chat program that remembers what you tell it.",
                 kCommandConfidence};
  }
  return std::nullopt;
}

}  // namespace brainhost::regions
