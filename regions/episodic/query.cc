#include "episodic/query.h"

#include <algorithm>

#include "episodic/encoder.h"
#include "episodic/phrases.h"

namespace brainhost::regions {
namespace {

bool IsWh(std::string_view lower) {
  return lower == "what" || lower == "who" || lower == "where" || lower == "when" ||
         lower == "which" || lower == "how";
}

bool IsModal(std::string_view lower) {
  return lower == "can" || lower == "could" || lower == "would" || lower == "will" ||
         lower == "should" || lower == "might" || lower == "must";
}

// say, tell, mention: what follows is what the user said.
bool IsReporting(std::string_view lower) {
  return lower == "say" || lower == "tell" || lower == "mention";
}

// Words that stand for "favourite X" when X is the wh-noun: "what color is my favorite?".
bool IsPreference(std::string_view lower) {
  return lower == "favorite" || lower == "favourite" || lower == "usual";
}

bool IsDoAux(std::string_view lower) { return lower == "do" || lower == "does" || lower == "did"; }

struct Subject {
  std::string key;   // "user", "user.dog", "world"
  std::string owned; // "my X" without possessive: "dog"; with one: the relation after it
  size_t next = 0;   // the first word after the subject phrase
  bool possessive = false;
};

// The subject that "my X Y" names, as the encoder keys it: "user.x_y".
std::string Owner(const Subject& subject) {
  std::string key = "user." + subject.owned;
  std::replace(key.begin(), key.end(), ' ', '_');
  return key;
}

// The subject phrase at words[at]: "i", "me", "my X", "my X's Y", or a world noun phrase.
// With whole, "my X" runs over every following content word ("what is my favourite food");
// without, it is one word, because a verb follows ("where does my sister work").
std::optional<Subject> ReadSubject(const std::vector<Word>& w, size_t at, bool whole) {
  if (at >= w.size()) return std::nullopt;
  if (w[at].lower == "i" || w[at].lower == "me") return Subject{"user", "", at + 1, false};
  if (w[at].lower == "my") {
    Span owned = OwnedPhrase(w, at + 1);
    if (owned.empty()) return std::nullopt;
    while (whole && !w[owned.end - 1].possessive && owned.end < w.size() &&
           IsContent(w[owned.end]) && !w[owned.end].capitalized && !IsNaming(w[owned.end].lower)) {
      ++owned.end;
    }
    if (!w[owned.end - 1].possessive) return Subject{"user", Key(w, owned, ' '), owned.end, false};
    Span relation = OwnedPhrase(w, owned.end);
    return Subject{"user." + Key(w, owned, '_'), Key(w, relation, ' '), relation.end, true};
  }
  size_t begin = at;
  while (begin < w.size() && (IsDeterminer(w[begin].lower) || w[begin].lower == "it")) ++begin;
  // "the name of my gecko" says what "my gecko's name" says.
  for (size_t of = begin + 1; of + 1 < w.size() && IsContent(w[of - 1]); ++of) {
    if (w[of].lower != "of" || w[of + 1].lower != "my") continue;
    auto owner = ReadSubject(w, of + 1, true);
    if (!owner || owner->possessive) return std::nullopt;
    return Subject{Owner(*owner), Key(w, {begin, of}, ' '), owner->next, true};
  }
  Span world = ValueSpan(w, begin);
  if (world.empty()) return std::nullopt;
  return Subject{"world", Key(w, world, ' '), world.end, false};
}

// The relation a wh-word and verb ask for: "where ... work" -> workplace, "what ... do" -> job.
std::string VerbRelation(std::string_view wh, const std::vector<Word>& w, size_t verb_at) {
  if (verb_at >= w.size()) return "";
  const Word& verb = w[verb_at];
  if (wh == "where" && verb.lower.starts_with("work")) return "workplace";
  if (wh == "where" && verb.lower.starts_with("liv")) return "home";
  if (wh == "what" && verb.lower == "do") {
    // "what do i do?" asks for a job, and so does "... for a living"; "what do i do to
    // relax?" asks what the user relaxes by.
    const std::string_view next =
        verb_at + 1 < w.size() ? std::string_view(w[verb_at + 1].lower) : std::string_view();
    if (next.empty() || (next == "for" && (w.back().lower == "living" || w.back().lower == "work"))) {
      return "job";
    }
    if (next == "to") return VerbRelation(wh, w, verb_at + 2);
    // "what do i do for fun?", "... on weekends?", "... all day?": what the user does then.
    std::string when;
    for (size_t i = verb_at + 1; i < w.size(); ++i) {
      if (IsContent(w[i])) when += (when.empty() ? "" : " ") + w[i].lower;
    }
    return when;
  }
  if (IsModal(verb.lower)) return VerbRelation(wh, w, verb_at + 1);  // "what could i eat"
  // "what do i love to drink?" asks what the user drinks; "what do i like to do?", what the
  // user does for fun.
  if (verb_at + 2 < w.size() && w[verb_at + 1].lower == "to") {
    if (w[verb_at + 2].lower == "do" && verb_at + 3 == w.size()) return "fun";
    if (IsContent(w[verb_at + 2])) return VerbRelation(wh, w, verb_at + 2);
  }
  if (auto predicate = VerbPredicate(w, verb_at)) return predicate->relation;
  return "";
}

std::optional<Query> Read(const std::vector<Word>& w) {
  if (w.size() < 2 || !IsWh(w[0].lower)) return std::nullopt;
  std::string_view wh = w[0].lower;
  size_t at = 1;
  std::string asked;  // "what day is today": the noun after the wh-word
  if (wh == "how" && w[1].lower == "old") {
    asked = "age";
    at = 2;
  } else if ((wh == "what" || wh == "which") && IsContent(w[1])) {
    asked = w[1].lower;
    at = 2;
    // "what kind of work do i do?" asks for the work.
    if ((asked == "kind" || asked == "sort" || asked == "type") && w.size() > 3 &&
        w[2].lower == "of" && IsContent(w[3])) {
      asked = w[3].lower;
      at = 4;
    }
  }
  if (at >= w.size()) return std::nullopt;

  if (IsDoAux(w[at].lower) && at + 3 < w.size() && w[at + 1].lower == "i" &&
      IsReporting(w[at + 2].lower)) {
    // Reported speech asks what it reports: "where did i say i live" is "where do i live",
    // "what did i tell you my name was" is "what was my name".
    std::vector<Word> asks(w.begin(), w.begin() + static_cast<std::ptrdiff_t>(at));
    size_t clause = at + 3;
    if (w[clause].lower == "you" || w[clause].lower == "that") clause++;
    if (clause >= w.size()) return std::nullopt;
    std::vector<Word> rest(w.begin() + static_cast<std::ptrdiff_t>(clause), w.end());
    const auto copula = std::find_if(rest.begin(), rest.end(),
                                     [](const Word& x) { return IsCopula(x.lower); });
    if (rest[0].lower == "my" && copula != rest.end()) {
      asks.push_back(*copula);
      rest.erase(copula);
    } else if (rest[0].lower == "i") {
      Word aux = w[at];
      aux.text = aux.lower = aux.stem = "do";
      asks.push_back(aux);
    } else {
      return std::nullopt;
    }
    asks.insert(asks.end(), rest.begin(), rest.end());
    return Read(asks);
  }
  if (IsDoAux(w[at].lower)) {
    // "where do i work", "what does my sister do", "what did i adopt".
    auto subject = ReadSubject(w, at + 1, false);
    if (!subject || subject->key == "world") return std::nullopt;
    const size_t verb = subject->next;
    if (subject->key == "user" && verb + 2 < w.size() && w[verb + 1].lower == "my" &&
        (w[verb].lower == "name" || w[verb].lower == "call")) {
      // "what did i name my gecko?"
      auto thing = ReadSubject(w, verb + 1, true);
      if (!thing || thing->possessive) return std::nullopt;
      return Query{Owner(*thing), "name", {}};
    }
    if (subject->key == "user" && !asked.empty() && verb < w.size() &&
        (IsReporting(w[verb].lower) || w[verb].lower == "give")) {
      return Query{"user", asked, {}};  // "which city did i say?", "what name did i give you?"
    }
    std::string key = subject->key;
    if (!subject->owned.empty()) key = "user." + subject->owned;  // "my sister" does things
    std::string relation = VerbRelation(wh, w, subject->next);
    if (relation.empty()) return std::nullopt;
    return Query{key, relation, {}};
  }
  if (!IsCopula(w[at].lower)) return std::nullopt;
  auto subject = ReadSubject(w, at + 1, true);
  if (!subject) return std::nullopt;
  if (subject->key == "user" && subject->owned.empty()) {
    // "who am i", "what am i", "how old am i", "where am i from".
    bool from = subject->next < w.size() && w[subject->next].lower == "from";
    if (!asked.empty()) return Query{"user", asked, {}};
    // "what am i into?" asks what "i'm into chess" says, not what the user is.
    if (subject->next < w.size() && w[subject->next].lower == "into") {
      return Query{"user", "into", {}};
    }
    // "what am i drinking?" asks what "what do i drink?" asks.
    if (subject->next < w.size() && IsContent(w[subject->next])) {
      if (auto predicate = VerbPredicate(w, subject->next)) {
        return Query{"user", predicate->relation, {}};
      }
    }
    if (from) return Query{"user", "origin", {}};
    if (wh == "who") return Query{"user", "name", {}};
    if (wh == "what") return Query{"user", "kind", {}};
    if (wh == "where") return Query{"user", "location", {}};
    return std::nullopt;
  }
  if (subject->key == "world") {
    // "what's the color i love?": the thing is the user's.
    if (subject->next < w.size() && w[subject->next].lower == "i") {
      return Query{"user", subject->owned, {}};
    }
    // "what is today", "what day is today", "what is the meaning of life".
    return Query{"world", subject->owned, {}};
  }
  if (subject->possessive) return Query{subject->key, subject->owned, {}};
  // "what is my uncle called?", "what's my duck named?"
  if (subject->next < w.size() && IsNaming(w[subject->next].lower)) {
    return Query{Owner(*subject), "name", {}};
  }
  if (!asked.empty() && IsPreference(subject->owned)) {
    return Query{"user", subject->owned + " " + asked, {}};  // "what color is my favorite?"
  }
  // "what is my name", "how old is my dog", "what color is my car".
  if (!asked.empty()) return Query{"user." + subject->owned, asked, {}};
  if (wh == "where" && subject->next < w.size() && w[subject->next].lower == "from") {
    return Query{"user." + subject->owned, "origin", {}};
  }
  return Query{"user", subject->owned, {}};
}

}  // namespace

bool AsksAboutAssistant(const Utterance& utterance) {
  bool you = false, user = false;
  for (const Word& word : utterance.words) {
    you = you || IsSecondPerson(word.lower);
    user = user || word.lower == "i" || word.lower == "my" || word.lower == "me";
  }
  return you && !user;
}

std::optional<Query> ParseQuestion(const Utterance& utterance, const LanguageModels& models) {
  if (!utterance.question || AsksAboutAssistant(utterance)) return std::nullopt;
  std::vector<Word> w = StripMarkers(utterance.words);
  std::optional<Query> query = Read(w);
  if (!query || query->relation.empty()) return std::nullopt;
  for (const std::string& key : {query->subject, query->relation}) {
    for (std::string& stem : KeyStems(key, models)) query->cue.push_back(std::move(stem));
  }
  for (const Word& word : w) {
    if (IsContent(word) && std::find(query->cue.begin(), query->cue.end(), word.stem) ==
                               query->cue.end()) {
      query->cue.push_back(word.stem);
    }
  }
  return query;
}

}  // namespace brainhost::regions
