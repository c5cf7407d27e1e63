#include "episodic/encoder.h"

#include <algorithm>

#include "episodic/phrases.h"
#include "language/function_words.h"

namespace brainhost::regions {
namespace {

// What the parse found before the value is assembled into a Fact.
struct Parse {
  Parse(std::string subject_key, std::string relation_key, Span value_span,
        bool single = true, std::string entity_key = {})
      : subject(std::move(subject_key)),
        relation(std::move(relation_key)),
        value(value_span),
        single_valued(single),
        entity(std::move(entity_key)) {}
  std::string subject;
  std::string relation;
  Span value;
  bool single_valued = true;
  std::string entity;
};

// "named Buddy", "a nurse", "28 years old", "from Lyon", or a bare value, after a copula at
// words[at]. owner is the subject the copula describes ("user" or "user.dog").
std::optional<Parse> AfterCopula(const std::vector<Word>& w, size_t at, const std::string& owner) {
  size_t j = at + 1;
  if (j >= w.size()) return std::nullopt;
  const std::string& next = w[j].lower;
  if (IsNaming(next)) return Parse{owner, "name", ValueSpan(w, j + 1)};
  if (next == "from") return Parse{owner, "origin", ValueSpan(w, j + 1)};
  if (next == "born") {
    if (auto verb = VerbPredicate(w, j)) return Parse{owner, verb->relation, ValueSpan(w, verb->value_at)};
    return std::nullopt;
  }
  // "i'm into kayaking", "i'm really into chess": what the user is into, of several.
  const size_t into = next.ends_with("ly") && j + 1 < w.size() ? j + 1 : j;
  if (w[into].lower == "into") return Parse{owner, "into", ValueSpan(w, into + 1), false};
  // "i am 28", "my dog is 5 years old" give an age; "my locker code is 4417" does not.
  std::string_view unit = j + 1 < w.size() ? std::string_view(w[j + 1].lower) : "";
  bool aged = unit == "years" || unit == "year" || unit == "months" || unit == "old" ||
              (owner == "user" && unit.empty());
  if (IsNumber(next) && aged) return Parse{owner, "age", {j, j + 1}};
  if (next == "a" || next == "an") return Parse{owner, "kind", ValueSpan(w, j + 1), false};
  if (next == "in" || next == "at") return Parse{owner, "location", ValueSpan(w, j + 1)};
  return std::nullopt;
}

// A capital or a word the language model has never seen marks a name.
bool NameLike(const Word& word, const LanguageModels& models) {
  return word.capitalized || models.unigram.Count(word.lower) == 0;
}

// A thing named in the clause at words[at]: "named my axolotl Quinpatho" (after "i"), or "a
// gecko named Anrobri" (after a verb: "i rescued ...", "i live with ..."): the thing's name.
std::optional<Parse> NamedThing(const std::vector<Word>& w, size_t at) {
  if (at + 3 < w.size() && IsNaming(w[at].lower) && w[at + 1].lower == "my") {
    Span owned{at + 2, at + 2};
    while (owned.end < w.size() && IsContent(w[owned.end]) && !w[owned.end].capitalized) {
      owned.end++;
    }
    Span name = CapitalizedRun(w, owned.end);
    if (owned.empty() || name.empty()) return std::nullopt;
    std::string key = Key(w, owned, '_');
    return Parse{"user." + key, "name", name, true, key};
  }
  for (size_t i = at + 1; i < w.size() && i < at + 6; ++i) {
    if (!IsNaming(w[i].lower) || !IsContent(w[i - 1]) || w[i - 1].punct_after) continue;
    Span name = ValueSpan(w, i + 1);
    if (name.empty()) return std::nullopt;
    Span thing{i - 1, i};  // with the words of a compound before it: "a guinea pig named ..."
    while (thing.begin > at + 1 && IsContent(w[thing.begin - 1]) &&
           !w[thing.begin - 1].capitalized && !w[thing.begin - 1].punct_after) {
      thing.begin--;
    }
    std::string key = Key(w, thing, '_');
    return Parse{"user." + key, "name", name, true, key};
  }
  return std::nullopt;
}

// "i ..." at words[0].
std::optional<Parse> AboutI(const std::vector<Word>& w, const LanguageModels& models) {
  if (w.size() < 2) return std::nullopt;
  if (auto named = NamedThing(w, 1)) return named;
  if (IsCopula(w[1].lower)) {
    if (auto parse = AfterCopula(w, 1, "user")) return parse;
    Span value = ValueSpan(w, 2);
    if (value.empty()) return std::nullopt;
    // "i'm obsessed with kayaking", "i'm hooked on mate": what the user is so about is the
    // thing after the preposition, and the word before it the relation.
    static constexpr std::string_view kAbout[] = {"with", "on", "about", "into", "of"};
    if (value.end - value.begin == 1 && value.end + 1 < w.size() &&
        std::find(std::begin(kAbout), std::end(kAbout), w[value.end].lower) != std::end(kAbout)) {
      if (Span thing = ValueSpan(w, value.end + 1); !thing.empty()) {
        return Parse{"user", w[value.begin].stem, thing, false};
      }
    }
    // "i'm wearing silver", "i'm cooking pad thai tonight": the progressive says what the
    // user does to the thing after the verb, which is the value.
    const Word& verb = w[value.begin];
    if (value.end - value.begin > 1 && IsGerund(verb.lower) && !verb.capitalized) {
      return Parse{"user", verb.stem, {value.begin + 1, value.end}, false};
    }
    // "i'm Aiko" introduces; "i'm tired" describes.
    return NameLike(w[value.begin], models) ? Parse{"user", "name", value}
                                            : Parse{"user", "kind", value, false};
  }
  // "i just made ...", "i always pick ...": the verb comes after the adverb.
  size_t at = 1;
  while (at + 1 < w.size() && IsAdverb(w[at].lower)) ++at;
  auto verb = VerbPredicate(w, at);
  if (!verb) return std::nullopt;
  return Parse{"user", verb->relation, ValueSpan(w, verb->value_at), verb->single_valued};
}

// "my ..." at words[0].
std::optional<Parse> AboutMy(const std::vector<Word>& w) {
  Span owned = OwnedPhrase(w, 1);
  if (owned.empty()) return std::nullopt;
  size_t after = owned.end;
  if (w[owned.end - 1].possessive) {
    // "my dog's name is Buddy": user.dog, name.
    std::string owner = "user." + Key(w, owned, '_');
    Span relation = OwnedPhrase(w, after);
    if (relation.empty() || relation.end >= w.size() || !IsCopula(w[relation.end].lower)) {
      return std::nullopt;
    }
    return Parse{owner, Key(w, relation, ' '), ValueSpan(w, relation.end + 1), true,
                 Key(w, owned, '_')};
  }
  std::string key = Key(w, owned, '_');
  std::string entity = "user." + key;
  if (after < w.size() && IsCopula(w[after].lower)) {
    if (key == "name") return Parse{"user", "name", ValueSpan(w, after + 1)};
    if (auto parse = AfterCopula(w, after, entity)) {
      parse->entity = key;
      return parse;
    }
    // "my favourite food is sushi": an attribute of the user.
    return Parse{"user", Key(w, owned, ' '), ValueSpan(w, after + 1), true, key};
  }
  if (Span name = CapitalizedRun(w, after); !name.empty()) {
    return Parse{entity, "name", name, true, key};  // "my cat Luna sleeps a lot"
  }
  auto verb = VerbPredicate(w, after);
  if (!verb) return std::nullopt;
  return Parse{entity, verb->relation, ValueSpan(w, verb->value_at), verb->single_valued, key};
}

// A name said without "my name is": "this is Kairoan", "(the) name's Kairoan" and "hey, Juka
// Selgalra here" introduce the user; "Lithota, my axolotl, says hi" names the thing the
// apposition names.
std::optional<Parse> Names(const std::vector<Word>& w) {
  const size_t name_is = w[0].lower == "the" || w[0].lower == "my" ? 1 : 0;
  if (name_is + 1 < w.size() && w[name_is].lower == "name") {  // the "'s" is not a word
    const Span called = CapitalizedRun(w, name_is + 1);
    if (!called.empty()) return Parse{"user", "name", called};
  }
  if (w.size() > 2 && w[0].lower == "this" && IsCopula(w[1].lower) &&
      CapitalizedRun(w, 2).end == w.size()) {
    return Parse{"user", "name", CapitalizedRun(w, 2)};
  }
  const Span name = CapitalizedRun(w, 0);
  if (name.empty()) return std::nullopt;
  if (name.end + 1 == w.size() && w.back().lower == "here") return Parse{"user", "name", name};
  if (w[name.end - 1].punct_after && name.end + 1 < w.size() && w[name.end].lower == "my") {
    const Span owned = OwnedPhrase(w, name.end + 1);
    if (owned.empty()) return std::nullopt;
    const std::string key = Key(w, owned, '_');
    return Parse{"user." + key, "name", name, true, key};
  }
  return std::nullopt;
}

// "today is friday", "the meaning of life is 42", "Tom is my brother".
std::optional<Parse> AboutWorld(const std::vector<Word>& w) {
  auto copula = std::find_if(w.begin(), w.end(), [](const Word& word) { return IsCopula(word.lower); });
  size_t at = static_cast<size_t>(copula - w.begin());
  if (copula == w.end() || at == 0 || at > 6) return std::nullopt;
  size_t begin = IsDeterminer(w[0].lower) ? 1 : 0;
  // "home for me is Oslo" says what "my home is Oslo" says.
  const bool for_me = at >= begin + 3 && w[at - 2].lower == "for" && w[at - 1].lower == "me";
  const size_t end = for_me ? at - 2 : at;
  for (size_t i = begin; i < end; ++i) {
    if (!IsContent(w[i]) && w[i].lower != "of") return std::nullopt;
  }
  if (begin == end) return std::nullopt;
  if (for_me) return Parse{"user", Key(w, {begin, end}, ' '), ValueSpan(w, at + 1)};
  if (at + 3 < w.size() && w[at + 1].lower == "the" && w[at + 2].lower == "best") {
    // "pad thai is the best food ever" says what "my favorite food is pad thai" says.
    Span kind{at + 3, at + 3};
    while (kind.end < w.size() && kind.end < at + 6 && IsContent(w[kind.end])) kind.end++;
    if (kind.empty()) return std::nullopt;
    return Parse{"user", "favorite " + Key(w, kind, ' '), {begin, at}, true,
                 "favorite_" + Key(w, kind, '_')};
  }
  if (at + 2 < w.size() && w[at + 1].lower == "my" && w[at + 2].lower == "thing") {
    return Parse{"user", "into", {begin, at}, false};  // "sudoku is my thing"
  }
  if (at + 2 < w.size() && w[at + 1].lower == "my") {
    // "Tom is my brother" names the brother; "silver is my favorite color" says what "my
    // favorite color is silver" says, an attribute of the user.
    Span owned{at + 2, at + 2};
    while (owned.end < w.size() && owned.end < at + 6 && IsContent(w[owned.end])) owned.end++;
    if (owned.empty()) return std::nullopt;
    std::string key = Key(w, owned, '_');
    const bool preference = w[owned.begin].lower == "favorite" || w[owned.begin].lower == "favourite";
    if (owned.end - owned.begin > 1 || preference) {  // "mate is my favorite"
      return Parse{"user", Key(w, owned, ' '), {begin, at}, true, key};
    }
    if (key == "name") return Parse{"user", "name", {begin, at}};  // "Orzo is my name"
    return Parse{"user." + key, "name", {begin, at}, true, key};
  }
  return Parse{"world", Key(w, {begin, at}, ' '), ValueSpan(w, at + 1)};
}

}  // namespace

std::vector<std::string> KeyStems(std::string_view key, const LanguageModels& models) {
  std::vector<std::string> out;
  std::string word;
  auto flush = [&] {
    if (!word.empty() && word != "user" && word != "world" && !IsFunctionWord(word)) {
      out.push_back(models.lemmatizer.Stem(word));
    }
    word.clear();
  };
  for (char c : key) {
    if (c == '.' || c == '_' || c == ' ') {
      flush();
    } else {
      word += c;
    }
  }
  flush();
  return out;
}

std::optional<Encoded> Encode(const Utterance& utterance, const LanguageModels& models) {
  if (utterance.question) return std::nullopt;
  std::vector<Word> w = StripMarkers(utterance.words);
  if (w.empty()) return std::nullopt;
  if (std::any_of(w.begin(), w.end(), [](const Word& word) { return IsNegation(word.lower); })) {
    return std::nullopt;
  }
  std::optional<Parse> parse;
  const std::string& first = w[0].lower;
  // "call me Sam", and inside a line a name: "people call me Sam", but not "you can call me
  // tomorrow".
  auto call_me = std::adjacent_find(w.begin(), w.end(), [](const Word& a, const Word& b) {
    return a.lower == "call" && b.lower == "me";
  });
  const Span called = call_me == w.end()
                          ? Span{}
                          : ValueSpan(w, static_cast<size_t>(call_me - w.begin()) + 2);
  if (!called.empty() && (call_me == w.begin() || NameLike(w[called.begin], models))) {
    parse = Parse{"user", "name", called};
  } else if (first == "i") {
    // "i've been into sudoku" says what "i'm into sudoku" says, "i've lived in Oslo" what "i
    // lived in Oslo" says: the perfect's auxiliary is not a possession.
    if (w.size() > 2 && w[1].lower == "have" &&
        (w[2].lower == "been" || w[2].lower.ends_with("ed"))) {
      w.erase(w.begin() + 1);
    }
    parse = AboutI(w, models);
  } else if (first == "we" && w.size() > 2 && w[1].stem == "live") {
    parse = AboutI(w, models);  // "we live in Rio de Janeiro": where the user lives too
  } else if (auto named = Names(w)) {
    parse = named;
  } else if (first == "my") {
    parse = AboutMy(w);
  } else if (first == "nothing" && w.size() > 2 &&
             (w[1].lower == "beats" || w[1].lower == "tops")) {
    parse = Parse{"user", "love", ValueSpan(w, 2), false};  // what "i love X" says, and more
  } else if (first == "the" ||
             (!IsThirdPersonPronoun(first) && !IsSecondPerson(first) && IsContent(w[0]))) {
    parse = AboutWorld(w);
  }
  if (!parse || parse->value.empty() || parse->relation.empty()) return std::nullopt;
  // A value or subject that reaches "you" ("my name is your name") is not about the user.
  for (size_t i = parse->value.begin; i < parse->value.end; ++i) {
    if (IsSecondPerson(w[i].lower)) return std::nullopt;
  }

  Encoded out;
  Fact& fact = out.fact;
  fact.subject = parse->subject;
  fact.relation = parse->relation;
  fact.value = JoinText(w, parse->value.begin, parse->value.end);
  fact.text = utterance.text;
  out.single_valued = parse->single_valued;
  out.entity = parse->entity;
  if (out.entity.empty() && !parse->single_valued && parse->value.begin > 0 &&
      (w[parse->value.begin - 1].lower == "a" || w[parse->value.begin - 1].lower == "an")) {
    out.entity = w[parse->value.end - 1].lower;  // "i adopted a puppy"
  }

  // Candidates: the value, then the other content words that are not the subject or
  // relation, most surprising first. The cue: the key stems, then every content stem.
  std::vector<std::string> keys = KeyStems(fact.subject, models);
  for (const std::string& stem : KeyStems(fact.relation, models)) keys.push_back(stem);
  std::vector<std::string> cue = keys;
  std::vector<const Word*> others;
  for (size_t i = 0; i < w.size(); ++i) {
    if (!IsContent(w[i])) continue;
    if (std::find(cue.begin(), cue.end(), w[i].stem) == cue.end()) cue.push_back(w[i].stem);
    bool in_value = i >= parse->value.begin && i < parse->value.end;
    bool in_keys = std::find(keys.begin(), keys.end(), w[i].stem) != keys.end();
    if (!in_value && !in_keys) others.push_back(&w[i]);
  }
  std::stable_sort(others.begin(), others.end(),
                   [](const Word* a, const Word* b) { return a->surprise > b->surprise; });
  fact.candidates.push_back(fact.value);
  for (const Word* word : others) {
    if (std::find(fact.candidates.begin(), fact.candidates.end(), word->text) ==
        fact.candidates.end()) {
      fact.candidates.push_back(word->text);
    }
  }
  for (const std::string& stem : cue) fact.cue += (fact.cue.empty() ? "" : " ") + stem;
  return out;
}

}  // namespace brainhost::regions
