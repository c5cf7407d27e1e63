#include "dialogue/dialogue_region.h"

#include <algorithm>
#include <array>

#include "dialogue/memory_commands.h"
#include "dialogue/self_knowledge.h"
#include "dialogue/yes_no.h"
#include "episodic/encoder.h"
#include "episodic/phrases.h"
#include "episodic/query.h"
#include "episodic/remember.h"
#include "episodic/retriever.h"
#include "language/tokenizer.h"

namespace brainhost::regions {
namespace {

constexpr std::array<std::string_view, 8> kCorrectionMarkers = {
    "no", "wait", "actually", "sorry", "oops", "nope", "mean", "meant"};

bool IsCorrectionMarker(const Word& word) {
  return std::find(kCorrectionMarkers.begin(), kCorrectionMarkers.end(), word.lower) !=
             kCorrectionMarkers.end() ||
         word.lower == "i";  // "i mean"
}

Word MakeWord(std::string text, bool possessive, const LanguageModels& models) {
  Word word;
  word.lower = text;
  word.text = std::move(text);
  word.stem = models.lemmatizer.Stem(word.lower);
  word.possessive = possessive;
  word.surprise = models.unigram.Surprise(word.lower);
  return word;
}

}  // namespace

std::optional<Reply> DialogueRegion::Turn(std::string_view user_text,
                                          const std::vector<double>* word_surprise,
                                          MemoryStore& store) {
  Utterance utterance = Analyze(user_text, word_surprise, models_);
  if (utterance.words.empty()) return std::nullopt;
  if (auto reply = RunMemoryCommand(utterance, store, models_)) return reply;
  if (utterance.question) {
    if (auto reply = AnswerAboutSelf(utterance)) return reply;
    if (auto answer = AnswerYesNo(utterance, store, models_)) {
      state_.subject = answer->subject;
      state_.relation = answer->relation;
      return answer->reply;
    }
  } else {
    if (auto reply = Correct(utterance, store)) return reply;
    if (auto reply = Resolve(utterance, store)) return reply;
  }
  Note(utterance, store);
  return std::nullopt;
}

// "no wait it's Garrett", "actually it's Gareth", "sorry, Gareth", "i mean gareth": at least
// one marker, then nothing but the new value, which must be introduced by "it is" / "i mean" or
// be capitalized, so "no problem" or "actually yes" never rebind a memory.
std::optional<Reply> DialogueRegion::Correct(const Utterance& utterance, MemoryStore& store) {
  if (state_.subject.empty()) return std::nullopt;
  const std::vector<Word>& w = utterance.words;
  size_t at = 0;
  while (at < w.size() && IsCorrectionMarker(w[at])) ++at;
  if (at == 0) return std::nullopt;
  bool introduced = std::any_of(w.begin(), w.begin() + static_cast<long>(at),
                                [](const Word& word) { return word.lower == "mean" || word.lower == "meant"; });
  if (at + 1 < w.size() && (w[at].lower == "it" || w[at].lower == "its" || w[at].lower == "that")) {
    introduced = true;
    at += w[at].lower == "its" ? 1 : 2;
    if (w[at - 1].lower != "its" && !IsCopula(w[at - 1].lower)) return std::nullopt;
  }
  Span value = ValueSpan(w, at);
  if (value.empty() || value.end != w.size() || value.begin != at) return std::nullopt;
  if (IsNaming(w[at].lower)) return std::nullopt;
  if (!introduced && !w[at].capitalized) return std::nullopt;

  std::vector<Fact> current = store.Find(state_.subject, state_.relation, false);
  if (current.empty()) return std::nullopt;
  const Fact& old = current.front();
  std::string said = JoinText(w, value.begin, value.end);
  if (SameValue(old.value, said)) return Reply{"i know.", kRecallConfidence};

  Fact fact = old;
  fact.value = said;
  fact.text = utterance.text;
  fact.candidates = {said};
  for (const std::string& candidate : old.candidates) {
    if (!SameValue(candidate, old.value) && !SameValue(candidate, said)) fact.candidates.push_back(candidate);
  }
  std::string old_stems, new_stems;
  for (const Word& word : Analyze(old.value, nullptr, models_).words) old_stems += " " + word.stem + " ";
  fact.cue.clear();
  for (const Token& stem : Tokenize(old.cue)) {
    if (old_stems.find(" " + stem.lower + " ") == std::string::npos) fact.cue += stem.lower + " ";
  }
  for (size_t i = value.begin; i < value.end; ++i) fact.cue += w[i].stem + " ";
  fact.cue.pop_back();
  store.Insert(&fact);
  for (const Fact& replaced : current) store.Supersede(replaced.id, fact.id);
  return Reply{"ok, " + said + ".", kRecallConfidence};
}

// "her name is Mochi", "it is called Mochi": the pronoun becomes the entity last introduced,
// and the rewritten statement is remembered like any other.
std::optional<Reply> DialogueRegion::Resolve(const Utterance& utterance, MemoryStore& store) {
  if (state_.entity.empty()) return std::nullopt;
  std::vector<Word> w = StripMarkers(utterance.words);
  if (w.size() < 3) return std::nullopt;
  const std::string& first = w[0].lower;
  bool owner = first == "her" || first == "his" || first == "its" || first == "their";
  bool subject = first == "she" || first == "he" || first == "it" || first == "they";
  if (!owner && !subject) return std::nullopt;
  std::vector<Word> rewritten = {MakeWord("my", false, models_),
                                 MakeWord(state_.entity, owner, models_)};
  rewritten.insert(rewritten.end(), w.begin() + 1, w.end());
  auto encoded = Encode(Utterance{utterance.text, rewritten, false}, models_);
  if (!encoded) return std::nullopt;
  RememberResult result = Remember(*encoded, store);
  state_.subject = result.fact.subject;
  state_.relation = result.fact.relation;
  return Reply{result.what == Remembered::kDuplicate ? "i know." : "got it.", kAcknowledgeConfidence};
}

// Remembers what a turn the dialogue region does not answer was about.
void DialogueRegion::Note(const Utterance& utterance, MemoryStore& store) {
  if (utterance.question) {
    std::optional<Query> query = ParseQuestion(utterance, models_);
    if (!query) return;
    if (auto recall = Retrieve(*query, store, models_)) {
      state_.subject = recall->fact.subject;
      state_.relation = recall->fact.relation;
    }
    return;
  }
  std::optional<Encoded> encoded = Encode(utterance, models_);
  if (!encoded) return;
  state_.subject = encoded->fact.subject;
  state_.relation = encoded->fact.relation;
  // "it" is a thing of the user's ("my dog", "a puppy"), never an attribute: after "my hobby is
  // board games", "it's monday again" says nothing about the hobby.
  std::string relation = encoded->fact.relation;
  std::replace(relation.begin(), relation.end(), ' ', '_');
  const bool attribute = encoded->fact.subject == "user" && relation == encoded->entity;
  if (!encoded->entity.empty() && !attribute) state_.entity = encoded->entity;
}

}  // namespace brainhost::regions
