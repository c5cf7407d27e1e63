#include "hippo/hippo_memory.h"

#include <algorithm>
#include <iterator>
#include <map>

#include "cortex/cortex_region.h"
#include "episodic/encoder.h"
#include "episodic/phrases.h"
#include "episodic/query.h"
#include "episodic/retriever.h"
#include "episodic/utterance.h"
#include "language/function_words.h"
#include "language/tokenizer.h"

namespace brainhost::regions::hippo {

HippoInput<float> Selection::input() const {
  HippoInput<float> in;
  in.M = static_cast<int>(targets.size());
  in.h = h.data();
  in.surprise = surprise.data();
  in.age = age.data();
  in.tokens = tokens.data();
  in.targets = targets.data();
  return in;
}

HippoMemory::HippoMemory(const LanguageModels& models, const Kinds& kinds, int newline,
                         int window, QuestionSurprise question_surprise)
    : models_(models),
      kinds_(kinds),
      newline_(newline),
      window_(window),
      question_surprise_(std::move(question_surprise)) {}

namespace {

// The thing of the user's that a subject is ("pet" for "user.pet"), or empty.
std::string_view Thing(std::string_view subject) {
  constexpr std::string_view kOwned = "user.";
  if (!subject.starts_with(kOwned)) return {};
  return subject.substr(kOwned.size());
}

}  // namespace

std::vector<std::string> HippoMemory::KindsIn(const Line& line, std::string_view thing) const {
  std::vector<std::string> out;
  if (thing.empty()) return out;
  for (const std::string& noun : line.nouns) {
    if (!kinds_.IsA(noun, thing)) continue;
    for (size_t b = 0, e = 0; b <= noun.size(); b = e + 1) {
      e = std::min(noun.find('_', b), noun.size());
      out.push_back(noun.substr(b, e - b));
    }
  }
  return out;
}

namespace {

// A place's name, the words [first, last] of a line: one after "in", "to", "from", "at" or
// "near", or before "is where" ("Lugalwick is where i live").
bool Placed(const std::vector<Token>& words, int first, int last) {
  static constexpr std::string_view kPlaced[] = {"in", "to", "from", "at", "near"};
  const int W = static_cast<int>(words.size());
  return (first > 0 && std::find(std::begin(kPlaced), std::end(kPlaced),
                                 words[first - 1].lower) != std::end(kPlaced)) ||
         (last + 2 < W && words[last + 1].lower == "is" && words[last + 2].lower == "where");
}

}  // namespace

std::string HippoMemory::NameOf(const Line& line, TokenSpan value) const {
  const std::vector<Token> words = Tokenize(line.text);
  const int first = line.token_words[value.begin];
  const int last = line.token_words[value.end - 1];
  if (first < 0 || last < 0 || !words[first].capitalized || Placed(words, first, last)) {
    return "";
  }
  if (line.fact && line.fact->relation == "name") {
    const std::vector<Token> named = Tokenize(line.fact->value);
    if (!named.empty() && named[0].lower == words[first].lower) {
      return line.fact->subject == "user" ? "user" : std::string(Thing(line.fact->subject));
    }
  }
  // The nearest being said before it: "my mom Ilovi", "a gecko, Sawynquin", "a rat here
  // called Zomarmi", "a duck and named it Halilo".
  for (int w = first - 1; w >= 0; w--) {
    if (words[w].capitalized) continue;
    const std::string lemma = models_.lemmatizer.Lemma(words[w].lower);
    if (!kinds_.CanBe(lemma, "organism")) continue;
    if (w > 0 && !words[w - 1].capitalized) {
      std::string compound = models_.lemmatizer.Lemma(words[w - 1].lower) + "_" + lemma;
      if (kinds_.IsNoun(compound)) return compound;  // "guinea pig"
    }
    return lemma;
  }
  return "";
}

bool HippoMemory::CanAnswer(const Line& line, TokenSpan value, const AskedFor& asked,
                            bool usual) const {
  const std::vector<Token> words = Tokenize(line.text);
  const int first = line.token_words[value.begin];
  // A name answers what something is called, unless it is a place's (Placed), and any other
  // may be a place ("Kaikel Hills, my home town").
  const bool placed = Placed(words, first, line.token_words[value.end - 1]);
  if (asked.name && words[first].capitalized && !placed) return true;
  if (asked.place && words[first].capitalized && (!usual || placed)) return true;
  std::vector<std::string> said;  // the value's words, and each two joined ("pad_thai")
  int previous = -1;
  for (int j = value.begin; j < value.end; j++) {
    const int w = line.token_words[j];
    if (w < 0 || w == previous) continue;
    if (previous >= 0) said.push_back(words[previous].lower + "_" + words[w].lower);
    said.push_back(words[w].lower);
    previous = w;
  }
  for (const std::string& kind : asked.kinds) {
    for (const std::string& word : said) {
      // Food, as people ask for it, is not a drink, though WordNet files drinks under food.
      if (kind == "food" && kinds_.CanBe(word, "drink")) continue;
      // Nor is what one drinks, or usually eats, what one does ("mate", a move in chess too;
      // "games" may be game, the meat).
      if (asked.activity() && !IsGerund(word) &&
          (kinds_.CanBe(word, "drink") || kinds_.CanBe(word, "food", true))) {
        continue;
      }
      if (kinds_.CanBe(word, kind, usual)) return true;
      if (kind == "activity" && word.find('_') == std::string::npos && IsGerund(word)) {
        return true;
      }
    }
  }
  return false;
}

const HippoMemory::Line* HippoMemory::Referent(const std::vector<const Line*>& candidates,
                                               std::string_view question) const {
  std::vector<std::string_view> all;
  for (const Line& l : lines_) all.push_back(l.text);
  const double with = question_surprise_(all, question);
  const Line* best = nullptr;
  double best_rise = 0;
  for (const Line* candidate : candidates) {
    std::vector<std::string_view> without;
    for (const Line& l : lines_) {
      if (&l != candidate) without.push_back(l.text);
    }
    const double rise = question_surprise_(without, question) - with;
    if (best == nullptr || rise > best_rise) best = candidate, best_rise = rise;
  }
  return best;
}

namespace {

// A question about the user: it says "my" or "i" (or "mine", "i'm", ...) and never "your".
// "me" alone is not enough: "can you help me?" asks about the assistant.
bool AboutUser(const Utterance& u) {
  static const char* const kSelf[] = {"i", "my", "mine", "myself", "i'm", "i've", "i'd",
                                      "i'll"};
  bool self = false;
  for (const Word& w : u.words) {
    if (w.lower == "your" || w.lower == "yours") return false;
    self = self || std::find(std::begin(kSelf), std::end(kSelf), w.lower) != std::end(kSelf);
  }
  return self;
}

}  // namespace

std::optional<Selection> HippoMemory::Hear(std::int64_t turn_index, std::string_view line,
                                           const PerceivedLine& perceived) {
  while (!lines_.empty() && lines_.front().turn_index <= turn_index - window_) {
    lines_.pop_front();
  }
  const std::int64_t first_token = heard_;
  heard_ += perceived.n;
  const Utterance utterance = Analyze(line, perceived.word_surprise, models_);
  const std::vector<Word> command = CommandWords(utterance.words);
  if (!utterance.question && !command.empty() && command[0].lower == "forget") {
    // "forget my dog": the store forgets it (the dialogue region's command), and so does the
    // window: every line that mentions what is to be forgotten goes.
    for (std::size_t i = 1; i < command.size(); i++) {
      const Word& w = command[i];
      if (!IsContent(w)) continue;
      std::erase_if(lines_, [&](const Line& l) {
        return std::find(l.stems.begin(), l.stems.end(), w.stem) != l.stems.end();
      });
    }
    return std::nullopt;
  }
  if (!utterance.question) {
    if (perceived.n == 0) return std::nullopt;
    const int n = perceived.n, C = perceived.C;
    std::optional<Encoded> encoded = Encode(utterance, models_);
    // A capitalized word is a name, never a kind: "my parrot Kiwi" says "parrot", though a
    // kiwi is a bird too.
    std::vector<std::string> stems, nouns;
    std::string previous;
    for (const Word& w : utterance.words) {
      stems.push_back(w.stem);
      std::string lemma = w.capitalized ? "" : models_.lemmatizer.Lemma(w.lower);
      if (!previous.empty() && !lemma.empty()) nouns.push_back(previous + "_" + lemma);
      if (!lemma.empty()) nouns.push_back(lemma);
      previous = std::move(lemma);
    }
    // "tell me a joke": a request of the assistant, unless it says something ("call me Sam").
    const bool request =
        !encoded && utterance.words.size() > 1 && utterance.words[1].lower == "me";
    lines_.push_back({turn_index, first_token, std::string(line),
                      encoded ? std::optional<Fact>(std::move(encoded->fact)) : std::nullopt,
                      request,
                      std::move(stems), std::move(nouns),
                      std::vector<int>(perceived.tokens, perceived.tokens + n),
                      std::vector<int>(perceived.token_words, perceived.token_words + n),
                      std::vector<float>(perceived.surprise, perceived.surprise + n),
                      std::vector<float>(perceived.hidden,
                                         perceived.hidden + static_cast<std::size_t>(n) * C)});
    return std::nullopt;
  }
  // The gate: a wh-question about the user that the episodic parser reads as asking for a fact
  // ("what's my favorite pastime?"); "what should i cook tonight?" asks for advice.
  if (lines_.empty() || !AboutUser(utterance)) return std::nullopt;
  const std::optional<Query> query = ParseQuestion(utterance, models_);
  if (!query || !query->subject.starts_with("user")) return std::nullopt;
  // A question about something of the user's ("my dog's name") needs that thing mentioned, by
  // name or by a kind of it ("my rat" for "my pet"): the name of a dog never spoken of cannot
  // be in the conversation, whatever else was said.
  const std::vector<std::string> stems = KeyStems(query->subject, models_);
  const bool named = std::all_of(stems.begin(), stems.end(), [&](const std::string& stem) {
    return std::any_of(lines_.begin(), lines_.end(), [&](const Line& l) {
      return std::find(l.stems.begin(), l.stems.end(), stem) != l.stems.end();
    });
  });
  // What stands for the thing in each line ("rat" for "pet"), and in all of them.
  std::map<const Line*, std::vector<std::string>> kinds_in;
  std::vector<std::string> kinds;
  for (const Line& l : lines_) {
    std::vector<std::string> in = KindsIn(l, Thing(query->subject));
    kinds.insert(kinds.end(), in.begin(), in.end());
    if (!in.empty()) kinds_in.emplace(&l, std::move(in));
  }
  if (!named && kinds.empty()) return std::nullopt;

  // The candidates: the lines the episodic scoring binds to the question; else every line, of
  // which the preferences below keep the ones it asks about.
  Selection s;
  std::vector<const Line*> chosen;
  for (std::size_t rank = 0; rank < lines_.size(); ++rank) {
    const Line& candidate = lines_[lines_.size() - 1 - rank];  // newest first
    if (!candidate.fact) continue;
    if (std::optional<Recall> recall = Score(*query, *candidate.fact, rank, models_)) {
      s.match = chosen.empty() ? recall->trace.score : std::max(s.match, recall->trace.score);
      chosen.push_back(&candidate);
    }
  }
  // A value is never what the question itself says ("guinea pig" in "what's my guinea pig's
  // name?"), nor the kind that stands for it ("chinchilla" for "what's my pet's name?").
  std::vector<std::string> asked = kinds;
  for (const Word& w : utterance.words) asked.push_back(w.lower);
  struct Candidate {
    const Line* line;
    TokenSpan value;
  };
  const AskedFor asked_for = AskedFor::Of(utterance, kinds_);
  std::vector<Candidate> candidates;
  auto read_values = [&] {
    candidates.clear();
    for (const Line* l : chosen) {
      const PerceivedLine heard{static_cast<int>(l->tokens.size()), 0, l->tokens.data(),
                                l->surprise.data(), nullptr, l->token_words.data(), nullptr};
      const std::string_view encoded = l->fact ? std::string_view(l->fact->value) : "";
      candidates.push_back({l, ValueTokens(l->text, heard, encoded, asked, asked_for, kinds_)});
    }
  };
  read_values();
  // Bound lines with nothing to recall bind nothing: "i had a long day" does not say what "what
  // did i have for dinner?" asks.
  const bool bound = std::any_of(candidates.begin(), candidates.end(),
                                 [](const Candidate& c) { return !c.value.empty(); });
  if (!bound) {
    s.match = 0;
    chosen.clear();
    for (const Line& candidate : lines_) chosen.push_back(&candidate);
    read_values();
  }
  if (!bound) {
    // An unbound line with nothing to recall is not what the question asks about ("i'm
    // bored" for "what city am i in?"), nor is a request ("tell me a joke.").
    std::erase_if(candidates,
                  [](const Candidate& c) { return c.value.empty() || c.line->request; });
    // A question about the user is not about a thing of theirs: "my gecko is called Ornofen"
    // does not say what the user is called.
    if (query->subject == "user") {
      std::erase_if(candidates, [](const Candidate& c) {
        return c.line->fact && c.line->fact->subject.starts_with("user.");
      });
    }
    // A name says whose it is (NameOf). Someone's name is no place, food or pastime; it
    // answers what the user is called only when it is the user's, and what a thing of theirs
    // is called only when it is that thing's or a kind of it's ("a rat, Vidahal" for "my
    // pet"): "i miss my mom Ilovi" says neither where the user lives nor what the user's guinea
    // pig is called.
    std::erase_if(candidates, [&](const Candidate& c) {
      const std::string owner = NameOf(*c.line, c.value);
      if (owner.empty()) return false;
      if (!asked_for.name) return true;
      const std::string_view thing = Thing(query->subject);
      return thing.empty() ? owner != "user" : owner != thing && !kinds_.IsA(owner, thing);
    });
    if (candidates.empty()) return std::nullopt;
    auto can_answer = [&](const Candidate& c) {
      return CanAnswer(*c.line, c.value, asked_for, false);
    };
    // A word that says how the user holds a thing (SaysHowHeld), or when, is no topic:
    // "what's my favorite food?" and "silver is my favorite color" share none, nor do "what did
    // i say i could eat every day?" and "i can't start the day without lemonade".
    auto shares_a_word = [&](const Candidate& c) {
      return std::any_of(query->cue.begin(), query->cue.end(), [&](const std::string& stem) {
        return !SaysHowHeld(stem) && !IsWordOfTime(stem, "", kinds_) &&
               std::find(c.line->stems.begin(), c.line->stems.end(), stem) !=
                   c.line->stems.end();
      });
    };
    // A question that asks for a kind of thing, which nothing said can be and nothing said
    // shares a word with, was never told ("what's my favorite color?" after only "i'm sipping
    // lemonade"): any recall would be a false one. A name, a place and a color are told by
    // capitals and WordNet; what one eats or does may be a thing WordNet has never heard of
    // ("pad thai"), so there every value must be a name, an activity (a gerund) or a thing it
    // knows whole or by its head ("silver jacket"), unless the head is first a being: "thai"
    // is first a person.
    auto known = [&](const Candidate& c) {
      const std::vector<Token> words = Tokenize(c.line->text);
      const int first = c.line->token_words[c.value.begin];
      const int last = c.line->token_words[c.value.end - 1];
      if (first < 0 || last < 0 || words[first].capitalized) return true;
      if (IsGerund(words[first].lower) || IsGerund(words[last].lower)) return true;
      std::string whole;
      for (int w = first; w <= last; w++) whole += (whole.empty() ? "" : "_") + words[w].lower;
      const std::string& head = words[last].lower;
      return kinds_.IsNoun(whole) || (kinds_.CanBe(head, "physical_entity", true) &&
                                      !kinds_.CanBe(head, "organism", true));
    };
    const bool closed = asked_for.name || asked_for.place ||
                        std::any_of(asked_for.kinds.begin(), asked_for.kinds.end(),
                                    [](const std::string& k) { return k.starts_with("colo"); });
    const bool asks_a_kind = closed || !asked_for.kinds.empty();
    if (asks_a_kind && std::none_of(candidates.begin(), candidates.end(), can_answer) &&
        std::none_of(candidates.begin(), candidates.end(), shares_a_word) &&
        (closed || std::all_of(candidates.begin(), candidates.end(), known))) {
      return std::nullopt;
    }
    // Of several, those that can answer, when any can.
    auto prefer = [&](auto can) {
      std::vector<Candidate> kept;
      std::copy_if(candidates.begin(), candidates.end(), std::back_inserter(kept), can);
      if (!kept.empty()) candidates = std::move(kept);
    };
    // A value that can be what the question asks for ("mate", the tea, for "what drink did i
    // mention?"; "silver" for "what's the color i love?"), wherever it was said: "i'm writing
    // from Orwynwick" tells where the user lives, though only "i make a living as a chemist"
    // shares a word with it.
    prefer(can_answer);
    // A question about a thing of theirs is about the lines that mention it, by name or by a
    // kind of it ("my gecko" for "what is my pet called?", not "the name's Britandor").
    prefer([&](const Candidate& c) {
      return kinds_in.count(c.line) > 0 ||
             std::all_of(stems.begin(), stems.end(), [&](const std::string& stem) {
               return std::find(c.line->stems.begin(), c.line->stems.end(), stem) !=
                      c.line->stems.end();
             });
    });
    // Of those, the lines that share a content word with its cue ("what is my sister called?"
    // after "my sister is called Mary Ann").
    prefer(shares_a_word);
    // Then a value that usually is what is asked for: "photography" before "mate", which is an
    // activity only as a move in chess.
    prefer([&](const Candidate& c) { return CanAnswer(*c.line, c.value, asked_for, true); });
  }
  // Of several others, the learned read copied the wrong one's value about half the time
  // ("long day" for "what do i love to drink?"); the cortex's reading of the question tells
  // them apart better.
  if (!bound && candidates.size() > 1 && question_surprise_) {
    std::vector<const Line*> lines;
    for (const Candidate& c : candidates) lines.push_back(c.line);
    const Line* referent = Referent(lines, line);
    std::erase_if(candidates, [&](const Candidate& c) { return c.line != referent; });
  }
  for (const auto& [l, v] : candidates) {
    const int n = static_cast<int>(l->tokens.size());
    const int value_at = v.empty() ? -1 : static_cast<int>(s.values.size());
    if (!v.empty()) {
      s.values.insert(s.values.end(), l->tokens.begin() + v.begin, l->tokens.begin() + v.end);
      s.values.push_back(-1);
    }
    s.h.insert(s.h.end(), l->hidden.begin(), l->hidden.end());
    for (int j = 0; j < n; j++) {
      const bool last = j + 1 == n;
      const bool in_value = (j >= v.begin && j < v.end) || (j + 1 >= v.begin && j + 1 < v.end);
      s.value_of.push_back(in_value ? value_at : -1);
      s.tokens.push_back(l->tokens[j]);
      s.targets.push_back(last ? newline_ : l->tokens[j + 1]);
      s.surprise.push_back(last ? 0.0f : l->surprise[j + 1]);
      s.age.push_back(static_cast<float>(first_token - (l->first_token + j)));
    }
  }
  return s;
}

}  // namespace brainhost::regions::hippo
