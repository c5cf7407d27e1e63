#include "dialogue/yes_no.h"

#include "episodic/encoder.h"
#include "episodic/phrases.h"
#include "episodic/query.h"
#include "episodic/remember.h"
#include "episodic/retriever.h"
#include "language/tokenizer.h"

namespace brainhost::regions {
namespace {

Word MakeWord(std::string text, const LanguageModels& models) {
  Word word;
  word.lower = text;
  word.text = std::move(text);
  word.stem = models.lemmatizer.Stem(word.lower);
  return word;
}

// Where the copula goes back when "is my X Y" becomes "my X is Y": after "my" and the owned
// phrase (with its relation when possessive), or before the last word of a world phrase.
size_t CopulaSlot(const std::vector<Word>& w) {
  if (w.size() < 3) return 0;
  if (w[1].lower != "my") return w.size() - 1;
  size_t at = 3;
  if (w[2].possessive) ++at;
  if (at >= w.size()) return 0;
  const Word& next = w[at];
  bool opens_value = IsNaming(next.lower) || IsDeterminer(next.lower) ||
                     next.lower == "from" || next.lower == "in" || next.lower == "at" ||
                     IsNumber(next.lower) || next.capitalized;
  if (!opens_value && at + 1 < w.size()) ++at;  // "is my favourite food sushi"
  return at;
}

// The statement a yes/no question asks about, or nothing for other questions.
std::optional<std::vector<Word>> AsStatement(const std::vector<Word>& w, const LanguageModels& models) {
  if (w.size() < 3) return std::nullopt;
  const std::string& aux = w[0].lower;
  std::vector<Word> out;
  if (aux == "am" && w[1].lower == "i") {
    out = {w[1], MakeWord("am", models)};
    out.insert(out.end(), w.begin() + 2, w.end());
  } else if (aux == "is" || aux == "was") {
    size_t slot = CopulaSlot(w);
    if (slot < 2) return std::nullopt;
    out.assign(w.begin() + 1, w.begin() + static_cast<long>(slot));
    out.push_back(MakeWord("is", models));
    out.insert(out.end(), w.begin() + static_cast<long>(slot), w.end());
  } else if (aux == "do" || aux == "does" || aux == "did") {
    out.assign(w.begin() + 1, w.end());
  } else {
    return std::nullopt;
  }
  return out;
}

}  // namespace

std::optional<YesNoAnswer> AnswerYesNo(const Utterance& utterance, MemoryStore& store,
                                       const LanguageModels& models) {
  if (!utterance.question || AsksAboutAssistant(utterance)) return std::nullopt;
  auto statement = AsStatement(StripMarkers(utterance.words), models);
  if (!statement) return std::nullopt;
  auto encoded = Encode(Utterance{utterance.text, *statement, false}, models);
  if (!encoded) return std::nullopt;
  const Fact& asked = encoded->fact;
  // The asked fact's cue holds its key stems and its value's stems ("nurse"), so facts filed
  // under a related relation ("i work as a nurse") are found too.
  Query query{asked.subject, asked.relation, {}};
  for (const Token& token : Tokenize(asked.cue)) query.cue.push_back(token.lower);

  std::vector<Fact> known = store.Find(asked.subject, asked.relation, false);
  for (Fact& fact : store.Search(query.cue, 64)) {
    if (Binding(query, fact) >= 0) known.push_back(std::move(fact));
  }
  YesNoAnswer answer{{}, asked.subject, asked.relation};
  for (const Fact& fact : known) {
    if (SameValue(fact.value, asked.value)) {
      answer.reply = {"yes.", kRecallConfidence};
      return answer;
    }
  }
  for (const Fact& fact : known) {
    if (encoded->single_valued && Binding(query, fact) >= 0.9) {
      answer.reply = {"no, what i remember is " + fact.value + ".", kRecallConfidence};
      return answer;
    }
  }
  if (!asked.subject.starts_with("user")) return std::nullopt;
  answer.reply = {"not that i know.", kUnknownConfidence};
  return answer;
}

}  // namespace brainhost::regions
