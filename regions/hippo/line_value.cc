#include "hippo/line_value.h"

#include <algorithm>

#include "cortex/cortex_region.h"
#include "episodic/phrases.h"
#include "language/function_words.h"
#include "language/tokenizer.h"

namespace brainhost::regions::hippo {

bool IsWordOfTime(std::string_view word, std::string_view next, const Kinds& kinds) {
  if (SaysWhen(word, next)) return true;
  for (std::string_view time : {"time", "time_period", "time_unit"}) {
    if (kinds.CanBe(word, time, true)) return true;
  }
  return false;
}

bool SaysHowHeld(std::string_view stem) {
  static constexpr std::string_view kHeld[] = {"favorit", "favourit", "love", "like", "enjoy",
                                               "prefer", "ador", "say", "tell", "mention"};
  return std::find(std::begin(kHeld), std::end(kHeld), stem) != std::end(kHeld);
}

AskedFor AskedFor::Of(const Utterance& question, const Kinds& kinds) {
  AskedFor out;
  const std::vector<Word>& w = question.words;
  for (std::size_t i = 0; i < w.size(); i++) {
    // "drinking" asks for a drink: the word as said, and its stem where that is a word; not
    // how the user holds it or said it, nor when ("what do i love to eat?", "what did i say i
    // do on weekends?").
    const std::string_view next = i + 1 < w.size() ? std::string_view(w[i + 1].lower) : "";
    if (IsContent(w[i]) && !SaysHowHeld(w[i].stem) && !IsWordOfTime(w[i].lower, next, kinds)) {
      out.kinds.insert(out.kinds.end(), {w[i].lower, w[i].stem});
    }
    // What one does is an activity ("what do i do to relax?": "do" the verb, not the
    // auxiliary of "do i"); what one eats, or has for dinner, is food; what one craves is food
    // or drink.
    const bool does = w[i].lower == "doing" || ((w[i].lower == "do" || w[i].lower == "did") &&
                                                (i + 1 == w.size() || w[i + 1].lower != "i"));
    // A hobby or a pastime is an activity too, of which a gerund is one ("kayaking"); a
    // gerund asked with ("what am i drinking?") is the act, not the kind of its answer.
    const bool role = !IsGerund(w[i].lower) && kinds.CanBe(w[i].lower, "activity", true);
    // What one is into is what one does (the hobby's family: episodic/retriever.h).
    const bool into = w[i].lower == "into" && i > 0 && w[i - 1].lower == "i";
    // What one does for fun may also be a discipline ("robotics"), a game or a puzzle
    // ("sudoku"), which WordNet files elsewhere.
    if (does || role || into) {
      out.kinds.insert(out.kinds.end(), {"activity", "discipline", "game", "puzzle"});
    }
    if (w[i].stem == "eat" || w[i].lower == "meal" || kinds.IsA(w[i].lower, "meal")) {
      out.kinds.push_back("food");
    }
    if (w[i].stem == "crave") out.kinds.insert(out.kinds.end(), {"food", "drink"});
    out.name = out.name || w[i].stem == "name" || w[i].stem == "call";
    // Where, or a kind of location ("city"; "in" is not Indiana, the state).
    out.place = out.place || w[i].lower == "where" ||
                (IsContent(w[i]) && kinds.IsA(w[i].lower, "location"));
  }
  return out;
}

bool AskedFor::activity() const {
  return std::find(kinds.begin(), kinds.end(), "activity") != kinds.end();
}

bool AskedFor::Fits(std::string_view word, const Kinds& kinds_of, bool usual) const {
  return std::any_of(kinds.begin(), kinds.end(),
                     [&](const std::string& kind) { return kinds_of.CanBe(word, kind, usual); });
}

TokenSpan ValueTokens(std::string_view line, const PerceivedLine& perceived,
                      std::string_view encoded, const std::vector<std::string>& asked,
                      const AskedFor& asked_for, const Kinds& kinds) {
  const std::vector<Token> words = Tokenize(line);
  const int W = static_cast<int>(words.size());
  std::vector<double> surprise(W, 0.0);
  for (int j = 0; j < perceived.n; j++) {
    const int w = perceived.token_words[j];
    if (w >= 0 && w < W) surprise[w] += perceived.surprise[j];
  }
  auto in_question = [&](int w) {
    return std::find(asked.begin(), asked.end(), words[w].lower) != asked.end();
  };
  auto surprising = [&](int w) {
    return !IsFunctionWord(words[w].lower) && surprise[w] >= cortex::kRecallSurprise &&
           !in_question(w);
  };
  // A word of time is not what a line tells ("i had a long day", "it's monday again"), nor part
  // of a value: after a word it has never seen, the cortex could not have guessed "today"
  // either.
  auto when = [&](int w) {
    const std::string_view next = w + 1 < W ? std::string_view(words[w + 1].lower) : "";
    // A name's first word is no word of time, unless it says when: "Nones" is not the ninth
    // hour.
    return words[w].capitalized ? SaysWhen(words[w].lower, next)
                                : IsWordOfTime(words[w].lower, next, kinds);
  };
  // A fact's value is a thing: a name, a noun ("lemonade", not "hooked", in "i'm hooked on
  // lemonade") or a gerund, which names an activity ("kayaking"), and any surprising word
  // where the line names none.
  std::vector<bool> thing(W);
  // 0 not surprising or a word of time, 1 a surprising word, 2 a surprising thing, 3 a
  // surprising name: a line that names something says what it is called ("Gallifield", not
  // "rent", in "i rent a small flat in Gallifield").
  std::vector<int> rank(W);
  for (int w = 0; w < W; w++) {
    const std::string& word = words[w].lower;
    thing[w] = words[w].capitalized || ((kinds.IsNoun(word) || IsGerund(word)) && !when(w));
    rank[w] = !surprising(w) || when(w) ? 0 : words[w].capitalized ? 3 : thing[w] ? 2 : 1;
  }
  auto name = [&](int w) { return rank[w] > 0 && words[w].capitalized; };
  // Can be, and usually is, what is asked for, alone or as a compound with the word before
  // ("sparkling water").
  std::vector<bool> fits(W), usually(W);
  for (int w = 0; w < W; w++) {
    for (const bool usual : {false, true}) {
      const bool fit =
          asked_for.Fits(words[w].lower, kinds, usual) ||
          (w > 0 && asked_for.Fits(words[w - 1].lower + "_" + words[w].lower, kinds, usual));
      (usual ? usually : fits)[w] = fit;
    }
  }
  // Where the value is: the encoder's value when it holds a word the cortex could not have
  // guessed, or a thing that can be what is asked for, and nothing outside it is what the line
  // tells instead: a name ("i'm visiting my husband Camila soon" reads as "visiting"), or a
  // thing where it holds none ("i'm obsessed with photography" reads as "obsessed"); else the
  // whole line.
  int lo = 0, hi = W;
  bool inside = false;  // [lo, hi) is the encoder's value
  const std::vector<Token> said = Tokenize(encoded);
  const int n = static_cast<int>(said.size());
  for (int b = 0; n > 0 && b + n <= W; b++) {
    const bool found =
        std::equal(said.begin(), said.end(), words.begin() + b,
                   [](const Token& x, const Token& y) { return x.lower == y.lower; });
    bool any = false, name_in = false, name_out = false, thing_in = false, thing_out = false;
    for (int w = 0; found && w < W; w++) {
      if (w >= b && w < b + n) {
        any = any || surprising(w) || (thing[w] && fits[w]);
        name_in = name_in || name(w);
        thing_in = thing_in || thing[w];
      } else {
        name_out = name_out || name(w);
        thing_out = thing_out || rank[w] >= 2;
      }
    }
    if (found && any && (name_in || !name_out) && (thing_in || !thing_out)) {
      lo = b, hi = b + n, inside = true;
      break;
    }
  }
  // There, the most surprising thing (or word, where it names none), of equal rank one that can
  // be what is asked for, widened below: the encoder's value says what the line is about, not
  // where the value ends ("Wynkelzo", not "husband Wynkelzo").
  int best = -1;
  for (int w = lo; w < hi; w++) {
    if (rank[w] == 0) continue;
    if (best < 0 || rank[w] > rank[best] ||
        (rank[w] == rank[best] && fits[w] > fits[best]) ||
        (rank[w] == rank[best] && fits[w] == fits[best] && surprise[w] > surprise[best])) {
      best = w;
    }
  }
  // One that is not usually what is asked for gives way to the last thing in the encoder's
  // value that is, surprising or not ("water", not "cup", in "i just made a cup of sparkling
  // water" for "what drink did i mention?"), with its modifiers.
  bool head = false;
  for (int w = hi - 1; inside && (best < 0 || !usually[best]) && !head && w >= lo; w--) {
    if (thing[w] && usually[w] && !when(w)) best = w, head = true;
  }
  if (best < 0) return {};
  auto in_name = [&](int w) {  // a capitalized word, or a particle between two
    static constexpr std::string_view kParticles[] = {"de", "da", "del", "di", "do", "dos", "du",
                                                      "van", "von", "der", "den", "la", "le",
                                                      "of", "upon"};
    if (words[w].capitalized) return true;
    return w > 0 && w + 1 < W && words[w - 1].capitalized && words[w + 1].capitalized &&
           std::find(std::begin(kParticles), std::end(kParticles), words[w].lower) !=
               std::end(kParticles);
  };
  // A name goes on over its other words ("Rio de Janeiro"). A word joins a value that is not a
  // name when it is surprising or, inside the encoder's value, a thing after it: a noun phrase
  // ends in its head ("jollof rice", though the cortex guessed "rice" after "jollof").
  auto joins = [&](int a, int b, bool right) {  // a immediately before b
    if (words[a].punct_after) return false;
    if (words[best].capitalized) return in_name(a) && in_name(b);
    const int added = right ? b : a;
    return surprising(right ? a : b) && !when(added) &&
           (surprising(added) || (right && inside && thing[added] && !in_question(added)));
  };
  int first = best, last = best;
  // A modifier is a word that is not a noun ("sparkling", "jollof"), or one that makes a
  // compound WordNet knows ("banana bread"); "room" in "i painted my room silver" is neither.
  auto modifies = [&](int a, int b) {
    if (words[a].punct_after || IsFunctionWord(words[a].lower) || when(a)) return false;
    return !kinds.IsNoun(words[a].lower) ||
           kinds.IsNoun(words[a].lower + "_" + words[b].lower);
  };
  while (head && first > lo && modifies(first - 1, first)) first--;
  // Inside the encoder's value, which ends before any word of time, a gerund goes on over its
  // object ("restoring old cars").
  while (inside && IsGerund(words[best].lower) && last + 1 < hi && !words[last].punct_after) {
    last++;
  }
  // A gerund before its object joins it only as an activity (below): "sipping" is not part of
  // what "i'm sipping lemonade" tells; inside the encoder's value it is a modifier ("sparkling
  // water").
  while (first > lo && joins(first - 1, first, false) &&
         (inside || !IsGerund(words[first - 1].lower))) {
    first--;
  }
  // A value that can be what is asked for ends there ("silver", not "silver jacket", for "what
  // color ...?"), unless it is a gerund, whose object goes on ("writing poetry").
  auto fitting = [&] {
    for (int w = first; w <= last; w++) {
      if (fits[w]) return true;
    }
    return false;
  };
  while (last + 1 < hi && joins(last, last + 1, true) &&
         (words[best].capitalized || IsGerund(words[last].lower) || !fitting() ||
          fits[last + 1])) {
    last++;
  }
  // An activity is the gerund with its object ("playing drums"), guessable as the gerund is;
  // so is what the object alone cannot be ("playing tennis" for "what am i into?"), but not
  // what it can ("hummus", not "cooking hummus", for "what do i love to eat?").
  if (!words[first].capitalized && first > 0 && !words[first - 1].punct_after &&
      IsGerund(words[first - 1].lower) && !in_question(first - 1)) {
    if (asked_for.activity() || !fitting()) first--;
  }
  TokenSpan span{perceived.n, 0};
  for (int j = 0; j < perceived.n; j++) {
    const int w = perceived.token_words[j];
    if (w >= first && w <= last) {
      span.begin = std::min(span.begin, j);
      span.end = j + 1;
    }
  }
  if (span.empty()) return {};
  // A value spelt in byte pieces ("Ñuria") follows a bare space piece, which is no word's (only
  // a space stands between the words): the value takes it, so a recall after other words
  // keeps them apart.
  if (span.begin > 0 && perceived.token_words[span.begin - 1] < 0 && first > 0 &&
      !words[first - 1].punct_after) {
    span.begin--;
  }
  return span;
}

}  // namespace brainhost::regions::hippo
