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

// The thing a question about something of the user's asks about ("pet" for "user.pet"), or
// empty.
std::string_view Thing(const Query& query) {
  constexpr std::string_view kOwned = "user.";
  if (!query.subject.starts_with(kOwned)) return {};
  return std::string_view(query.subject).substr(kOwned.size());
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

AskedFor AskedFor::Of(const Utterance& question, const Kinds& kinds) {
  AskedFor out;
  const std::vector<Word>& w = question.words;
  for (std::size_t i = 0; i < w.size(); i++) {
    // "drinking" asks for a drink: the word as said, and its stem where that is a word.
    if (IsContent(w[i])) out.kinds.insert(out.kinds.end(), {w[i].lower, w[i].stem});
    // What one does is an activity ("what do i do to relax?": "do" the verb, not the
    // auxiliary of "do i"); what one eats, or has for dinner, is food; what one craves is food
    // or drink.
    const bool does = w[i].lower == "doing" || ((w[i].lower == "do" || w[i].lower == "did") &&
                                                (i + 1 == w.size() || w[i + 1].lower != "i"));
    // A hobby or a pastime is an activity too, of which a gerund is one ("kayaking"); a
    // gerund asked with ("what am i drinking?") is the act, not the kind of its answer.
    const bool role = !w[i].lower.ends_with("ing") && kinds.CanBe(w[i].lower, "activity", true);
    if (does || role) out.kinds.push_back("activity");
    if (w[i].stem == "eat" || w[i].lower == "meal" || kinds.IsA(w[i].lower, "meal")) {
      out.kinds.push_back("food");
    }
    if (w[i].stem == "crave") out.kinds.insert(out.kinds.end(), {"food", "drink"});
    out.name = out.name || w[i].stem == "name" || w[i].stem == "call";
    out.place = out.place || w[i].lower == "where" || kinds.IsA(w[i].lower, "location");
  }
  return out;
}

bool HippoMemory::CanAnswer(const Line& line, TokenSpan value, const AskedFor& asked,
                            bool usual) const {
  const std::vector<Token> words = Tokenize(line.text);
  const int first = line.token_words[value.begin];
  // A name answers what something is called, and one after "in", "to", "from", ... where.
  if (asked.name && words[first].capitalized) return true;
  static constexpr std::string_view kPlaced[] = {"in", "to", "from", "at", "near"};
  if (asked.place && words[first].capitalized && first > 0 &&
      std::find(std::begin(kPlaced), std::end(kPlaced), words[first - 1].lower) !=
          std::end(kPlaced)) {
    return true;
  }
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
      if (kind == "food" && kinds_.CanBe(word, "drink", true)) continue;
      if (kinds_.CanBe(word, kind, usual)) return true;
      // A gerund names an activity, listed as a noun or not ("journaling").
      if (kind == "activity" && word.ends_with("ing") && word.find('_') == std::string::npos) {
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

TokenSpan ValueTokens(std::string_view line, const PerceivedLine& perceived,
                      std::string_view encoded, const std::vector<std::string>& asked,
                      const Kinds& kinds) {
  const std::vector<Token> words = Tokenize(line);
  const int W = static_cast<int>(words.size());
  std::vector<double> surprise(W, 0.0);
  for (int j = 0; j < perceived.n; j++) {
    const int w = perceived.token_words[j];
    if (w >= 0 && w < W) surprise[w] += perceived.surprise[j];
  }
  auto surprising = [&](int w) {
    return !IsFunctionWord(words[w].lower) && surprise[w] >= cortex::kRecallSurprise &&
           std::find(asked.begin(), asked.end(), words[w].lower) == asked.end();
  };
  // A fact's value is a thing: a name or a noun ("lemonade", not "hooked", in "i'm hooked on
  // lemonade"), and any surprising word where the line names none.
  std::vector<bool> thing(W);
  // 0 not surprising, 1 a surprising word, 2 a surprising noun, 3 a surprising name: a line
  // that names something says what it is called ("Gallifield", not "rent", in "i rent a small
  // flat in Gallifield").
  std::vector<int> rank(W);
  for (int w = 0; w < W; w++) {
    thing[w] = words[w].capitalized || kinds.IsNoun(words[w].lower);
    rank[w] = !surprising(w) ? 0 : words[w].capitalized ? 3 : thing[w] ? 2 : 1;
  }
  auto name = [&](int w) { return rank[w] > 0 && words[w].capitalized; };
  int first = -1, last = -1;
  // The encoder's value, when it holds a word the cortex could not have guessed, and nothing
  // outside it is what the line tells instead: a name ("i'm visiting my husband Camila soon"
  // reads as "visiting"), or a thing where it holds none ("i'm obsessed with photography" reads
  // as "obsessed").
  const std::vector<Token> said = Tokenize(encoded);
  const int n = static_cast<int>(said.size());
  for (int b = 0; first < 0 && n > 0 && b + n <= W; b++) {
    const bool found =
        std::equal(said.begin(), said.end(), words.begin() + b,
                   [](const Token& x, const Token& y) { return x.lower == y.lower; });
    bool any = false, name_in = false, name_out = false, thing_in = false, thing_out = false;
    for (int w = 0; found && w < W; w++) {
      if (w >= b && w < b + n) {
        any = any || surprising(w);
        name_in = name_in || name(w);
        thing_in = thing_in || thing[w];
      } else {
        name_out = name_out || name(w);
        thing_out = thing_out || rank[w] >= 2;
      }
    }
    if (found && any && (name_in || !name_out) && (thing_in || !thing_out)) {
      first = b, last = b + n - 1;
    }
  }
  if (first < 0) {
    // Else the most surprising thing (or word, where the line names none), widened over a
    // name's other words or, for a word that is not a name, over surprising neighbours.
    int best = -1;
    for (int w = 0; w < W; w++) {
      if (rank[w] == 0) continue;
      if (best < 0 || rank[w] > rank[best] ||
          (rank[w] == rank[best] && surprise[w] > surprise[best])) {
        best = w;
      }
    }
    if (best < 0) return {};
    auto joins = [&](int a, int b) {  // a immediately before b, nothing between them
      if (words[a].punct_after) return false;
      if (words[best].capitalized) return words[a].capitalized && words[b].capitalized;
      return surprising(a) && surprising(b);
    };
    first = last = best;
    while (first > 0 && joins(first - 1, first)) first--;
    while (last + 1 < W && joins(last, last + 1)) last++;
  }
  TokenSpan span{perceived.n, 0};
  for (int j = 0; j < perceived.n; j++) {
    const int w = perceived.token_words[j];
    if (w >= first && w <= last) {
      span.begin = std::min(span.begin, j);
      span.end = j + 1;
    }
  }
  return span.empty() ? TokenSpan{} : span;
}

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
    std::vector<std::string> in = KindsIn(l, Thing(*query));
    kinds.insert(kinds.end(), in.begin(), in.end());
    if (!in.empty()) kinds_in.emplace(&l, std::move(in));
  }
  if (!named && kinds.empty()) return std::nullopt;

  // The candidates, the narrowest that is not empty: the lines the episodic scoring binds to
  // the question; else the lines that share a content word with its cue ("what is my sister
  // called?" after "my sister is called Mary Ann") or name a kind of its thing ("my duck" for
  // "my pet"); else, for a paraphrase that shares none ("what city am i in?" after "i grew up
  // in Oslo"), every line.
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
  const bool bound = !chosen.empty();
  if (!bound) {
    for (const Line& candidate : lines_) {
      const bool overlaps =
          std::any_of(query->cue.begin(), query->cue.end(),
                      [&](const auto& c) {
                        return std::find(candidate.stems.begin(), candidate.stems.end(), c) !=
                               candidate.stems.end();
                      }) ||
          kinds_in.count(&candidate) > 0;
      if (overlaps) chosen.push_back(&candidate);
    }
  }
  if (chosen.empty()) {
    for (const Line& candidate : lines_) chosen.push_back(&candidate);
  }
  // A value is never what the question itself says ("guinea pig" in "what's my guinea pig's
  // name?"), nor the kind that stands for it ("chinchilla" for "what's my pet's name?").
  std::vector<std::string> asked = kinds;
  for (const Word& w : utterance.words) asked.push_back(w.lower);
  struct Candidate {
    const Line* line;
    TokenSpan value;
  };
  std::vector<Candidate> candidates;
  for (const Line* l : chosen) {
    const PerceivedLine heard{static_cast<int>(l->tokens.size()), 0, l->tokens.data(),
                              l->surprise.data(), nullptr, l->token_words.data(), nullptr};
    candidates.push_back(
        {l, ValueTokens(l->text, heard, l->fact ? l->fact->value : "", asked, kinds_)});
  }
  if (!bound) {
    // An unbound line with nothing to recall is not what the question asks about ("i'm
    // bored" for "what city am i in?"), nor is a request ("tell me a joke.").
    std::erase_if(candidates,
                  [](const Candidate& c) { return c.value.empty() || c.line->request; });
    // Of several, those that can answer, when any can.
    auto prefer = [&](auto can) {
      std::vector<Candidate> kept;
      std::copy_if(candidates.begin(), candidates.end(), std::back_inserter(kept), can);
      if (!kept.empty()) candidates = std::move(kept);
    };
    // A question about the user is not about a thing of theirs: "my gecko is called Ornofen"
    // does not say what the user is called.
    if (query->subject == "user") {
      prefer([](const Candidate& c) {
        return !c.line->fact || !c.line->fact->subject.starts_with("user.");
      });
    }
    // A value that can be what the question asks for ("mate", the tea, for "what drink did i
    // mention?"; "silver" for "what's the color i love?"), then one that usually is.
    const AskedFor asked_for = AskedFor::Of(utterance, kinds_);
    for (const bool usual : {false, true}) {
      prefer([&](const Candidate& c) { return CanAnswer(*c.line, c.value, asked_for, usual); });
    }
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
