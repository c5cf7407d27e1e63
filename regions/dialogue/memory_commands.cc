#include "dialogue/memory_commands.h"

#include <algorithm>
#include <set>

#include "episodic/encoder.h"
#include "episodic/phrases.h"
#include "episodic/remember.h"
#include "language/tokenizer.h"

namespace brainhost::regions {
namespace {

constexpr size_t kListLimit = 50;

// The user's words after the command verb, verbatim: "remember that my PIN is 4321" ->
// "my PIN is 4321". Empty when the verb is missing or nothing follows it.
std::string Argument(const std::string& text, std::string_view verb) {
  std::string lower = Lowercase(text);
  size_t at = lower.find(verb);
  if (at == std::string::npos || lower.size() != text.size()) return "";
  at = lower.find_first_not_of(" \t", at + verb.size());
  for (std::string_view filler : {"that ", "about "}) {
    if (at != std::string::npos && lower.compare(at, filler.size(), filler) == 0) {
      at = lower.find_first_not_of(" \t", at + filler.size());
    }
  }
  size_t end = text.find_last_not_of(" \t\r\n.!");
  if (at == std::string::npos || end == std::string::npos || end < at) return "";
  return text.substr(at, end - at + 1);
}

std::set<std::string> ContentStems(const Utterance& utterance) {
  std::set<std::string> stems;
  for (const Word& word : utterance.words) {
    if (IsContent(word)) stems.insert(word.stem);
  }
  return stems;
}

Reply RememberVerbatim(const std::string& said, MemoryStore& store, const LanguageModels& models) {
  Utterance utterance = Analyze(said, nullptr, models);
  utterance.question = false;
  std::optional<Encoded> encoded = Encode(utterance, models);
  if (!encoded) {
    Encoded note;
    note.fact.subject = "user";
    note.fact.relation = "note";
    note.fact.value = said;
    note.fact.candidates = {said};
    note.fact.text = said;
    for (const std::string& stem : ContentStems(utterance)) {
      note.fact.cue += (note.fact.cue.empty() ? "" : " ") + stem;
    }
    note.single_valued = false;
    encoded = std::move(note);
  }
  Remembered what = Remember(*encoded, store).what;
  return {what == Remembered::kDuplicate ? "i already remember that." : "ok, i'll remember that.",
          kCommandConfidence};
}

// Forgets the current fact whose cue covers every content word of what, the closest one
// (Jaccard) when several do, the newest on a tie.
Reply ForgetMatching(const std::string& what, MemoryStore& store, const LanguageModels& models) {
  std::set<std::string> asked = ContentStems(Analyze(what, nullptr, models));
  std::vector<std::string> terms(asked.begin(), asked.end());
  std::optional<Fact> best;
  double best_score = 0;
  for (const Fact& fact : store.Search(terms, 64)) {
    std::set<std::string> stems;
    for (const Token& token : Tokenize(fact.cue)) stems.insert(token.lower);
    size_t shared = 0;
    for (const std::string& stem : asked) shared += stems.count(stem);
    if (asked.empty() || shared < asked.size()) continue;
    double score = static_cast<double>(shared) / static_cast<double>(stems.size() + asked.size() - shared);
    if (!best || score > best_score || (score == best_score && fact.id > best->id)) {
      best = fact;
      best_score = score;
    }
  }
  if (!best) return {"i don't remember anything about that.", kCommandConfidence};
  store.Forget(best->id);
  return {"ok, i forgot that " + Describe(*best) + ".", kCommandConfidence};
}

Reply ListAboutUser(MemoryStore& store) {
  std::string list;
  for (const Fact& fact : store.Recent(kListLimit)) {
    if (!fact.subject.starts_with("user")) continue;
    list += (list.empty() ? "" : "; ") + Describe(fact);
  }
  if (list.empty()) return {"nothing yet: you haven't told me about yourself.", kCommandConfidence};
  return {"you told me: " + list + ".", kCommandConfidence};
}

bool Has(const Utterance& utterance, std::string_view lower) {
  return std::any_of(utterance.words.begin(), utterance.words.end(),
                     [&](const Word& word) { return word.lower == lower; });
}

// "i" -> "you", "my" -> "your", ...: the user's line said back to them.
std::string SecondPerson(const std::string& text) {
  std::string out;
  std::vector<Token> tokens = Tokenize(text);
  for (size_t i = 0; i < tokens.size(); ++i) {
    const std::string& lower = tokens[i].lower;
    std::string word = lower == "i" ? "you" : lower == "my" ? "your" : lower == "me" ? "you"
                     : lower == "am" ? "are" : lower == "i'm" ? "you're" : lower == "mine" ? "yours"
                     : tokens[i].text;
    out += (out.empty() ? "" : " ") + word;
  }
  return out;
}

}  // namespace

std::string Describe(const Fact& fact) {
  const std::string& r = fact.relation;
  bool user = fact.subject == "user";
  if (user && r == "workplace") return "you work at " + fact.value;
  if (user && r == "home") return "you live in " + fact.value;
  if (user && r == "kind") return "you are " + fact.value;
  std::string owner = fact.subject.substr(std::min<size_t>(5, fact.subject.size()));
  std::replace(owner.begin(), owner.end(), '_', ' ');
  if (fact.subject.starts_with("user.") && r == "kind") return "your " + owner + " is " + fact.value;
  if (fact.subject == "world") return (r == "today" ? r : "the " + r) + " is " + fact.value;
  static constexpr std::string_view kAttributes[] = {
      "name", "age", "job", "workplace", "home", "origin", "location", "birthplace", "birthday"};
  bool attribute = r.find(' ') != std::string::npos ||
                   std::find(std::begin(kAttributes), std::end(kAttributes), r) != std::end(kAttributes);
  if (!attribute) return SecondPerson(fact.text);  // a note, or any verb: say the line back
  return (user ? "your " : "your " + owner + "'s ") + r + " is " + fact.value;
}

std::optional<Reply> RunMemoryCommand(const Utterance& utterance, MemoryStore& store,
                                      const LanguageModels& models) {
  const std::vector<Word> w = CommandWords(utterance.words);
  if (w.empty()) return std::nullopt;
  if (utterance.question && Has(utterance, "you") && Has(utterance, "me") &&
      (Has(utterance, "remember") || Has(utterance, "know"))) {
    return ListAboutUser(store);
  }
  if (utterance.question) return std::nullopt;
  if (w[0].lower == "remember") {
    std::string said = Argument(utterance.text, "remember");
    if (said.empty()) return std::nullopt;
    return RememberVerbatim(said, store, models);
  }
  if (w[0].lower == "forget") {
    std::string what = Argument(utterance.text, "forget");
    if (what.empty()) return std::nullopt;
    return ForgetMatching(what, store, models);
  }
  return std::nullopt;
}

}  // namespace brainhost::regions
