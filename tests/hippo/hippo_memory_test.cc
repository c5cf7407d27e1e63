// What the hippo remembers and which of it a question reads (hippo/hippo_memory.h), over lines
// perceived as a cortex would publish them.
#include <doctest/doctest.h>

#include <algorithm>
#include <filesystem>
#include <string>
#include <string_view>
#include <vector>

#include "episodic/utterance.h"
#include "hippo/hippo_memory.h"
#include "language/tokenizer.h"
#include "regions/test_models.h"

namespace hp = brainhost::regions::hippo;
using brainhost::regions::TestModels;

namespace {

constexpr int kC = 4, kNewline = 13;

const brainhost::regions::Kinds& TestKinds() {
  static const brainhost::regions::Kinds kinds =
      brainhost::regions::Kinds::Load(std::filesystem::path(MODELS_DIR) / "kinds.tsv");
  return kinds;
}

// A line as a perceiving cortex publishes it, one token per word: ids first_id, first_id + 1,
// ...; the surprise of each word; hidden states all zero.
struct Perceived {
  std::vector<int> tokens, words;
  std::vector<float> surprise, hidden;
  Perceived(std::string_view line, std::vector<float> word_surprise, int first_id)
      : surprise(std::move(word_surprise)) {
    const int n = static_cast<int>(brainhost::regions::Tokenize(line).size());
    surprise.resize(n, 1.0f);
    for (int j = 0; j < n; j++) {
      tokens.push_back(first_id + j);
      words.push_back(j);
    }
    hidden.assign(static_cast<std::size_t>(n) * kC, 0.0f);
  }
  hp::PerceivedLine view() const {
    return {static_cast<int>(tokens.size()), kC, tokens.data(), surprise.data(), hidden.data(),
            words.data(), nullptr};
  }
};

}  // namespace

TEST_CASE("a line's value is its most surprising word, widened over a name") {
  const char* line = "my sister is called Mary Ann.";
  const Perceived p(line, {0.5f, 1.0f, 0.5f, 2.0f, 9.0f, 4.0f}, 0);
  const hp::TokenSpan name = hp::ValueTokens(line, p.view(), "", {}, {}, TestKinds());
  CHECK(name.begin == 4);
  CHECK(name.end == 6);  // "Ann" is guessable after "Mary", but a name goes on

  const char* food = "i could eat scrambled eggs every day.";
  const Perceived f(food, {0.5f, 1.0f, 1.5f, 8.0f, 6.0f, 2.0f, 1.0f}, 0);
  const hp::TokenSpan eggs = hp::ValueTokens(food, f.view(), "", {}, {}, TestKinds());
  CHECK(eggs.begin == 3);
  CHECK(eggs.end == 5);
  const Perceived plain("i had a long day.", {0.5f, 1.0f, 0.5f, 3.0f, 2.0f}, 0);
  CHECK(hp::ValueTokens("i had a long day.", plain.view(), "", {}, {}, TestKinds()).empty());
}

TEST_CASE("a value is never a word of the question, and the encoder's value comes first") {
  // "guinea" is rarer than "hay", but the question says it.
  const char* line = "my guinea pig eats hay.";
  const Perceived p(line, {0.5f, 12.0f, 1.0f, 2.0f, 9.0f}, 0);
  const hp::TokenSpan hay = hp::ValueTokens(line, p.view(), "", {"what", "does", "my", "guinea",
                                                                  "pig", "eat"}, {}, TestKinds());
  CHECK(hay.begin == 4);
  CHECK(hay.end == 5);
  const hp::TokenSpan guinea =
      hp::ValueTokens(line, p.view(), "", {"what", "do", "i", "feed"}, {}, TestKinds());
  CHECK(guinea.begin == 1);
  CHECK(guinea.end == 2);
  const char* told = "i rescued a gecko named Anrobri.";
  const Perceived g(told, {0.5f, 6.0f, 0.5f, 9.0f, 1.0f, 7.0f}, 0);
  const hp::TokenSpan anrobri = hp::ValueTokens(told, g.view(), "Anrobri", {}, {}, TestKinds());
  CHECK(anrobri.begin == 5);
  CHECK(anrobri.end == 6);
  // ... unless it misses the name the line tells: the encoder reads "visiting" here.
  const char* visit = "i'm visiting my husband Camila Ortiz soon.";
  const Perceived v(visit, {0.5f, 6.0f, 0.5f, 3.0f, 11.0f, 9.0f, 1.0f}, 0);
  const hp::TokenSpan camila =
      hp::ValueTokens(visit, v.view(), "visiting", {"what's", "my"}, {}, TestKinds());
  CHECK(camila.begin == 4);
  CHECK(camila.end == 6);
  const hp::TokenSpan mine = hp::ValueTokens(visit, v.view(), "Camila Ortiz", {}, {}, TestKinds());
  CHECK(mine.begin == 4);
  CHECK(mine.end == 6);
  // ... or a thing, where it holds none: the encoder reads "obsessed" here.
  const char* hobby = "i'm obsessed with photography these days.";
  const Perceived o(hobby, {0.5f, 9.0f, 0.5f, 7.0f, 1.0f, 1.0f}, 0);
  const hp::TokenSpan photo = hp::ValueTokens(hobby, o.view(), "obsessed", {}, {}, TestKinds());
  CHECK(photo.begin == 3);
  CHECK(photo.end == 4);
}

TEST_CASE("a value is a thing, a name or a noun, before a more surprising other word") {
  const char* line = "i'm hooked on lemonade.";
  const Perceived p(line, {0.5f, 9.0f, 0.5f, 7.0f}, 0);
  const hp::TokenSpan lemonade = hp::ValueTokens(line, p.view(), "", {}, {}, TestKinds());
  CHECK(lemonade.begin == 3);
  CHECK(lemonade.end == 4);
  // A line that names no thing still has its most surprising word.
  const char* mood = "i'm so stoked.";
  const Perceived m(mood, {0.5f, 1.0f, 8.0f}, 0);
  const hp::TokenSpan stoked = hp::ValueTokens(mood, m.view(), "", {}, {}, TestKinds());
  CHECK(stoked.begin == 2);
  CHECK(stoked.end == 3);
}

TEST_CASE("only a wh-question about something of the user's that was mentioned reads memory") {
  hp::HippoMemory memory(TestModels(), TestKinds(), kNewline, 16, {});
  const char* told = "my cat is named Luna.";
  const Perceived cat(told, {0.5f, 2.0f, 0.5f, 1.0f, 9.0f}, 100);
  CHECK_FALSE(memory.Hear(0, told, cat.view()));
  auto ask = [&](std::int64_t turn, const char* question) {
    const Perceived q(question, {}, 200);
    return memory.Hear(turn, question, q.view());
  };
  CHECK_FALSE(ask(1, "what should i cook tonight?"));  // advice, not a fact
  CHECK_FALSE(ask(2, "can you help me?"));
  CHECK_FALSE(ask(3, "what is your name?"));
  CHECK_FALSE(ask(4, "what is my dog's name?"));  // no dog was ever mentioned
  const std::optional<hp::Selection> selected = ask(5, "what is my cat's name?");
  REQUIRE(selected);
  CHECK(selected->values == std::vector<int>{104, -1});
  CHECK(selected->value_of == std::vector<int>{-1, -1, -1, 0, 0});
  CHECK(selected->targets.back() == kNewline);

  const char* command = "oh, please forget my cat";  // as the dialogue region reads it
  const Perceived forget(command, {}, 300);
  CHECK_FALSE(memory.Hear(6, command, forget.view()));
  CHECK_FALSE(ask(7, "what is my cat's name?"));
}

TEST_CASE("a thing is mentioned by a kind of it: my rat is my pet, my cat is not my dog") {
  hp::HippoMemory memory(TestModels(), TestKinds(), kNewline, 16, {});
  const char* told = "i rescued a rat named Zololu.";
  const Perceived rat(told, {0.5f, 6.0f, 0.5f, 4.0f, 1.0f, 9.0f}, 100);
  CHECK_FALSE(memory.Hear(0, told, rat.view()));
  auto ask = [&](std::int64_t turn, const char* question) {
    const Perceived q(question, {}, 200);
    return memory.Hear(turn, question, q.view());
  };
  CHECK_FALSE(ask(1, "what is my dog called?"));
  CHECK_FALSE(ask(2, "what is my sister called?"));
  const std::optional<hp::Selection> pet = ask(3, "what is my pet called?");
  REQUIRE(pet);
  CHECK(pet->values == std::vector<int>{105, -1});
  const std::optional<hp::Selection> rodent = ask(4, "what's my rodent's name?");
  REQUIRE(rodent);
  CHECK(rodent->values == std::vector<int>{105, -1});

  // A fresh memory told one line (its words' surprise given, token ids from 300), then asked.
  auto told_then_asked = [](const char* line, std::vector<float> surprise, const char* question) {
    hp::HippoMemory fresh(TestModels(), TestKinds(), kNewline, 16, {});
    const Perceived heard(line, std::move(surprise), 300);
    CHECK_FALSE(fresh.Hear(0, line, heard.view()));
    const Perceived q(question, {}, 400);
    return fresh.Hear(1, question, q.view());
  };
  // The kind stands for the thing asked about, so it is never the value.
  const std::optional<hp::Selection> named = told_then_asked(
      "Kelfen, my chinchilla, says hi.", {9.0f, 0.5f, 11.0f, 2.0f, 1.0f}, "what is my pet called?");
  REQUIRE(named);
  CHECK(named->values == std::vector<int>{300, -1});
  // A name is never a kind, though a kiwi is a bird: "Kiwi" is the parrot's name.
  const std::optional<hp::Selection> kiwi = told_then_asked(
      "my parrot is called Kiwi.", {0.5f, 7.0f, 0.5f, 1.0f, 8.0f}, "what's my bird called?");
  REQUIRE(kiwi);
  CHECK(kiwi->values == std::vector<int>{304, -1});
}

TEST_CASE("a question reads only the lines that share its words, when any does") {
  hp::HippoMemory memory(TestModels(), TestKinds(), kNewline, 16, {});
  const char* rain = "it rained all day here.";
  const Perceived rained(rain, {0.5f, 7.0f, 1.0f, 1.0f, 1.0f}, 100);
  CHECK_FALSE(memory.Hear(0, rain, rained.view()));
  const char* told = "my sister is called Mary Ann.";
  const Perceived sister(told, {0.5f, 2.0f, 0.5f, 2.0f, 9.0f, 4.0f}, 200);
  CHECK_FALSE(memory.Hear(1, told, sister.view()));
  const char* question = "what is my sister called?";
  const Perceived q(question, {}, 300);
  const std::optional<hp::Selection> selected = memory.Hear(2, question, q.view());
  REQUIRE(selected);
  CHECK(selected->values == std::vector<int>{204, 205, -1});  // "Mary Ann", never "rained"
  CHECK(selected->tokens.size() == 6);
}

TEST_CASE("of several lines no question binds, it reads the one whose absence surprises most") {
  // A question surprise that expects the question only after the line about the city, as a
  // cortex that has read "what's my city?" after where people live would.
  const std::string city = "Lumafield is where we live.";
  const hp::QuestionSurprise surprise = [&](const std::vector<std::string_view>& lines,
                                            std::string_view) {
    return std::find(lines.begin(), lines.end(), city) != lines.end() ? 1.0 : 4.0;
  };
  // Both lines hold a place's name.
  const char* name = "we stopped in Oszo once.";
  const char* question = "what's my city?";
  auto play = [&](const hp::QuestionSurprise& with) {
    hp::HippoMemory memory(TestModels(), TestKinds(), kNewline, 16, with);
    const Perceived lumafield(city, {9.0f, 0.5f, 0.5f, 0.5f, 2.0f}, 100);
    CHECK_FALSE(memory.Hear(0, city, lumafield.view()));
    const Perceived oszo(name, {0.5f, 2.0f, 0.5f, 9.0f, 0.5f}, 200);
    CHECK_FALSE(memory.Hear(1, name, oszo.view()));
    const Perceived q(question, {}, 300);
    return memory.Hear(2, question, q.view());
  };
  const std::optional<hp::Selection> read = play(surprise);
  REQUIRE(read);
  CHECK(read->values == std::vector<int>{100, -1});  // "Lumafield", never "Oszo"
  CHECK(read->tokens.size() == 5);
  // Without a question surprise both lines are read, left to the learned read.
  const std::optional<hp::Selection> both = play({});
  REQUIRE(both);
  CHECK(both->values == std::vector<int>{100, -1, 203, -1});

  // A line with nothing to recall is never the one read, however the cortex reads it.
  hp::HippoMemory memory(TestModels(), TestKinds(), kNewline, 16,
                         [](const std::vector<std::string_view>& lines, std::string_view) {
                           const bool bored = std::find(lines.begin(), lines.end(),
                                                        "i'm bored.") != lines.end();
                           return bored ? 1.0 : 4.0;
                         });
  const Perceived lumafield(city, {9.0f, 0.5f, 0.5f, 0.5f, 2.0f}, 100);
  CHECK_FALSE(memory.Hear(0, city, lumafield.view()));
  const Perceived bored("i'm bored.", {0.5f, 2.0f}, 200);
  CHECK_FALSE(memory.Hear(1, "i'm bored.", bored.view()));
  const Perceived q(question, {}, 300);
  const std::optional<hp::Selection> read_city = memory.Hear(2, question, q.view());
  REQUIRE(read_city);
  CHECK(read_city->values == std::vector<int>{100, -1});
  CHECK(read_city->tokens.size() == 5);
}

TEST_CASE("a surprising name is the value before a more surprising noun") {
  const char* line = "i rent a small flat in Gallifield.";
  const Perceived p(line, {0.5f, 18.0f, 6.5f, 6.8f, 11.7f, 6.6f, 15.9f}, 0);
  const hp::TokenSpan place = hp::ValueTokens(line, p.view(), "small flat", {}, {}, TestKinds());
  CHECK(place.begin == 6);
  CHECK(place.end == 7);
}

TEST_CASE("a value ends where the line says when, and is the thing asked for") {
  // The encoder's value says where the value is; a word of time is never part of it, though
  // after an unseen name the cortex could not have guessed "last year" either.
  const char* moved = "i moved to Marquinwick last year.";
  const Perceived m(moved, {0.5f, 3.0f, 0.5f, 14.0f, 6.0f, 7.0f}, 0);
  const hp::TokenSpan city = hp::ValueTokens(moved, m.view(), "Marquinwick", {}, {}, TestKinds());
  CHECK(city.begin == 3);
  CHECK(city.end == 4);
  const hp::TokenSpan whole = hp::ValueTokens(moved, m.view(), "", {}, {}, TestKinds());
  CHECK(whole.begin == 3);
  CHECK(whole.end == 4);
  // A name goes on over a particle between capitals.
  const char* rio = "we live in Rio de Janeiro.";
  const Perceived r(rio, {0.5f, 3.0f, 0.5f, 9.0f, 2.0f, 3.0f}, 0);
  const hp::TokenSpan janeiro = hp::ValueTokens(rio, r.view(), "", {}, {}, TestKinds());
  CHECK(janeiro.begin == 3);
  CHECK(janeiro.end == 6);
  // A name spelt in byte pieces takes the bare space piece before it, which is no word's.
  const char* gecko = "my gecko is Ñuria.";
  const std::vector<int> tokens = {10, 11, 12, 13, 14, 15}, words = {0, 1, 2, -1, 3, 3};
  const std::vector<float> surprise = {0.5f, 3.0f, 0.5f, 0.5f, 6.0f, 4.0f};
  const hp::PerceivedLine spelt{6, 0, tokens.data(), surprise.data(), nullptr, words.data(),
                                nullptr};
  const hp::TokenSpan nuria = hp::ValueTokens(gecko, spelt, "", {}, {}, TestKinds());
  CHECK(nuria.begin == 3);
  CHECK(nuria.end == 6);
}

TEST_CASE("an activity is a gerund with its object, a thing asked for is the head") {
  auto asked = [](const char* question) {
    return hp::AskedFor::Of(brainhost::regions::Analyze(question, nullptr, TestModels()),
                            TestKinds());
  };
  // "tennis" alone is not the pastime; "hummus" alone is the food.
  const char* tennis = "i could spend all day playing tennis.";
  const Perceived t(tennis, {0.5f, 3.0f, 2.0f, 0.5f, 1.0f, 2.0f, 9.0f}, 0);
  const hp::TokenSpan hobby =
      hp::ValueTokens(tennis, t.view(), "", {}, asked("what's my hobby?"), TestKinds());
  CHECK(hobby.begin == 5);
  CHECK(hobby.end == 7);
  const char* cooking = "i'm cooking hummus tonight.";
  const Perceived c(cooking, {0.5f, 6.0f, 9.0f, 7.0f}, 0);
  const hp::TokenSpan food = hp::ValueTokens(cooking, c.view(), "hummus", {},
                                             asked("what do i love to eat?"), TestKinds());
  CHECK(food.begin == 2);
  CHECK(food.end == 3);
  // Of the encoder's "cup of sparkling water", the thing asked for with its modifier, however
  // well the cortex guessed it; the color, not the jacket.
  const char* water = "i just made a cup of sparkling water.";
  const Perceived w(water, {0.5f, 1.0f, 2.0f, 0.5f, 6.0f, 0.5f, 3.0f, 1.0f}, 0);
  const hp::TokenSpan drink =
      hp::ValueTokens(water, w.view(), "cup of sparkling water", {},
                      asked("what drink did i mention?"), TestKinds());
  CHECK(drink.begin == 6);
  CHECK(drink.end == 8);
  const char* jacket = "i just bought a silver jacket.";
  const Perceived j(jacket, {0.5f, 1.0f, 2.0f, 0.5f, 9.0f, 6.0f}, 0);
  const hp::TokenSpan color = hp::ValueTokens(jacket, j.view(), "silver jacket", {},
                                              asked("what color do i like?"), TestKinds());
  CHECK(color.begin == 4);
  CHECK(color.end == 5);
}

namespace {

// A memory told two lines (token ids from 100 and 200) whose cortex reads question as about
// the line misread, then asked it.
std::optional<hp::Selection> TwoLinesThenAsked(const char* first, std::vector<float> first_s,
                                               const char* second, std::vector<float> second_s,
                                               const char* question, std::string misread) {
  hp::HippoMemory memory(TestModels(), TestKinds(), kNewline, 16,
                         [misread](const std::vector<std::string_view>& lines, std::string_view) {
                           const bool there =
                               std::find(lines.begin(), lines.end(), misread) != lines.end();
                           return there ? 1.0 : 4.0;
                         });
  const Perceived one(first, std::move(first_s), 100);
  CHECK_FALSE(memory.Hear(0, first, one.view()));
  const Perceived two(second, std::move(second_s), 200);
  CHECK_FALSE(memory.Hear(1, second, two.view()));
  const Perceived q(question, {}, 300);
  return memory.Hear(2, question, q.view());
}

}  // namespace

TEST_CASE("of several lines no question binds, one whose value can be what it asks for") {
  // "mate" can be a drink; a joke cannot, however the cortex reads the question.
  const std::optional<hp::Selection> drink =
      TwoLinesThenAsked("i love mate.", {0.5f, 2.0f, 9.0f}, "tell me a joke.",
                        {8.0f, 0.5f, 0.5f, 9.0f}, "what drink did i mention?", "tell me a joke.");
  REQUIRE(drink);
  CHECK(drink->values == std::vector<int>{102, -1});
  // "what do i do ...?" asks for an activity: board games are one, a long day is not.
  const std::optional<hp::Selection> relax = TwoLinesThenAsked(
      "i love board games.", {0.5f, 2.0f, 8.0f, 6.0f}, "i had a long day.",
      {0.5f, 2.0f, 0.5f, 8.0f, 7.0f}, "what do i do to relax?", "i had a long day.");
  REQUIRE(relax);
  CHECK(relax->values == std::vector<int>{102, 103, -1});
  // A gerund is an activity, whether WordNet lists it or not.
  const std::optional<hp::Selection> fun = TwoLinesThenAsked(
      "journaling is my thing.", {9.0f, 0.5f, 0.5f, 2.0f}, "i'm from Mimamoor.",
      {0.5f, 0.5f, 9.0f}, "what do i do for fun?", "i'm from Mimamoor.");
  REQUIRE(fun);
  CHECK(fun->values == std::vector<int>{100, -1});
  // What one has for dinner is food.
  const std::optional<hp::Selection> dinner = TwoLinesThenAsked(
      "i just made croissants.", {0.5f, 1.0f, 2.0f, 9.0f}, "i'm from Mimamoor.",
      {0.5f, 0.5f, 9.0f}, "what did i have for dinner?", "i'm from Mimamoor.");
  REQUIRE(dinner);
  CHECK(dinner->values == std::vector<int>{103, -1});
  // What one craves is food or drink.
  const std::optional<hp::Selection> craving = TwoLinesThenAsked(
      "i'm hooked on hummus.", {0.5f, 2.0f, 0.5f, 9.0f}, "i'm from Mimamoor.",
      {0.5f, 0.5f, 9.0f}, "what do i crave?", "i'm from Mimamoor.");
  REQUIRE(craving);
  CHECK(craving->values == std::vector<int>{103, -1});
  // Food, as people ask for it, is not a drink, though WordNet files drinks under food.
  const std::optional<hp::Selection> food = TwoLinesThenAsked(
      "i'm hooked on hummus.", {0.5f, 2.0f, 0.5f, 9.0f}, "i love lemonade.",
      {0.5f, 2.0f, 9.0f}, "what food did i mention?", "i love lemonade.");
  REQUIRE(food);
  CHECK(food->values == std::vector<int>{103, -1});
  // A name after "in", "to", "from", ... answers where.
  const std::optional<hp::Selection> where = TwoLinesThenAsked(
      "i rent a small flat in Fiis Hills.", {0.5f, 9.0f, 0.5f, 6.0f, 8.0f, 0.5f, 9.0f, 4.0f},
      "i had a long day.", {0.5f, 2.0f, 0.5f, 8.0f, 7.0f}, "what city am i in?",
      "i had a long day.");
  REQUIRE(where);
  CHECK(where->values == std::vector<int>{106, 107, -1});
  // Of two that can be, the one that usually is: "photography" is an activity, "mate" one only
  // as a move in chess.
  const std::optional<hp::Selection> usual = TwoLinesThenAsked(
      "nothing beats photography for me.", {2.0f, 3.0f, 9.0f, 0.5f, 0.5f}, "i drink mate.",
      {0.5f, 3.0f, 9.0f}, "what did i say i do on weekends?", "i drink mate.");
  REQUIRE(usual);
  CHECK(usual->values == std::vector<int>{102, -1});
  // Where neither can be and neither shares a word with it, the question was never told:
  // nothing is read, however the cortex reads it.
  CHECK_FALSE(TwoLinesThenAsked("i love mate.", {0.5f, 2.0f, 9.0f}, "i took a walk.",
                                {0.5f, 2.0f, 0.5f, 8.0f}, "what city am i in?",
                                "i took a walk."));
  // ... for a city, though a value is a thing WordNet has never heard of ("long walk"); but a
  // food may be one ("pad thai").
  CHECK_FALSE(TwoLinesThenAsked("i love mate.", {0.5f, 2.0f, 9.0f}, "i took a long walk.",
                                {0.5f, 2.0f, 0.5f, 8.0f, 7.0f}, "what city am i in?",
                                "i took a long walk."));
  CHECK(TwoLinesThenAsked("i adore mate.", {0.5f, 2.0f, 9.0f}, "i took a long walk.",
                          {0.5f, 2.0f, 0.5f, 8.0f, 7.0f}, "what food did i mention?",
                          "i took a long walk."));
  // Where neither can be but one shares a word with it, that one is read, however the cortex
  // reads the question.
  const std::optional<hp::Selection> neither = TwoLinesThenAsked(
      "i love mate.", {0.5f, 2.0f, 9.0f}, "i had a long walk in the city.",
      {0.5f, 2.0f, 0.5f, 8.0f, 7.0f, 0.5f, 0.5f, 2.0f}, "what city am i in?", "i love mate.");
  REQUIRE(neither);
  CHECK(neither->values == std::vector<int>{203, 204, -1});
  // Wherever it was said: only the chemist's line shares a word ("living") with the question.
  const std::optional<hp::Selection> home = TwoLinesThenAsked(
      "i'm writing from Orwynwick.", {0.5f, 4.0f, 0.5f, 12.0f},
      "i make a living as a chemist.", {0.5f, 3.0f, 0.5f, 2.0f, 0.5f, 0.5f, 9.0f},
      "where did i say i live?", "i make a living as a chemist.");
  REQUIRE(home);
  CHECK(home->values == std::vector<int>{103, -1});
  // A question's function words ask for nothing: "in" is not Indiana, a place.
  const std::optional<hp::Selection> morning = TwoLinesThenAsked(
      "i'm hooked on mate.", {0.5f, 2.0f, 0.5f, 15.7f}, "i'm writing from Sakaifield.",
      {0.5f, 3.0f, 0.5f, 12.0f}, "what do i drink in the morning?",
      "i'm writing from Sakaifield.");
  REQUIRE(morning);
  CHECK(morning->values == std::vector<int>{103, -1});
}

TEST_CASE("a bound line with nothing to recall binds nothing") {
  // "what did i have for dinner?" binds "i had a long day" (both "have"), which holds no value.
  const std::optional<hp::Selection> dinner = TwoLinesThenAsked(
      "meatballs is my comfort food.", {9.0f, 0.5f, 0.5f, 3.0f, 2.0f}, "i had a long day.",
      {0.5f, 2.0f, 0.5f, 3.0f, 7.0f}, "what did i have for dinner?", "i had a long day.");
  REQUIRE(dinner);
  CHECK(dinner->values == std::vector<int>{100, -1});
  CHECK(dinner->match == 0);  // unbound: the store's match is not this one's
}

TEST_CASE("a value is never the thing a question names with a possessive") {
  hp::HippoMemory memory(TestModels(), TestKinds(), kNewline, 16, {});
  const char* told = "yesterday my axolotl ate frozen shrimp.";
  const Perceived heard(told, {1.0f, 0.5f, 20.0f, 2.0f, 7.0f, 9.0f}, 100);
  CHECK_FALSE(memory.Hear(0, told, heard.view()));
  const char* question = "what is my axolotl's favorite food?";
  const Perceived q(question, {}, 200);
  const std::optional<hp::Selection> read = memory.Hear(1, question, q.view());
  REQUIRE(read);
  CHECK(read->values == std::vector<int>{104, 105, -1});  // "frozen shrimp", not "axolotl"
}

TEST_CASE("a name says whose it is: someone's is no place, and answers only for its owner") {
  // A mom's name, or the user's, says neither where the user grew up nor what a pet is called.
  CHECK_FALSE(TwoLinesThenAsked("i talked to my mom Ilovi today.",
                                {0.5f, 2.0f, 0.5f, 0.5f, 3.0f, 12.0f, 0.5f}, "i took a walk.",
                                {0.5f, 2.0f, 0.5f, 8.0f}, "where did i grow up?",
                                "i took a walk."));
  CHECK_FALSE(TwoLinesThenAsked("people call me Ulluda.", {3.0f, 2.0f, 0.5f, 12.0f},
                                "i took a walk.", {0.5f, 2.0f, 0.5f, 8.0f},
                                "which city do i live in?", "i took a walk."));
  // A gecko's name is not the user's, but it is the pet's; the mom's is neither.
  CHECK_FALSE(TwoLinesThenAsked("i just adopted a gecko, Sawynquin.",
                                {0.5f, 1.0f, 3.0f, 0.5f, 6.0f, 12.0f}, "i took a walk.",
                                {0.5f, 2.0f, 0.5f, 8.0f}, "what's my name?", "i took a walk."));
  const std::optional<hp::Selection> pet = TwoLinesThenAsked(
      "i just adopted a gecko, Sawynquin.", {0.5f, 1.0f, 3.0f, 0.5f, 6.0f, 12.0f},
      "my mom Ilovi lives nearby.", {0.5f, 3.0f, 12.0f, 2.0f, 3.0f}, "what's my pet's name?",
      "my mom Ilovi lives nearby.");
  REQUIRE(pet);
  CHECK(pet->values == std::vector<int>{105, -1});
  // A name before "is where" is a place's, not the user's.
  CHECK_FALSE(TwoLinesThenAsked("Lugalwick is where i live.", {12.0f, 0.5f, 0.5f, 0.5f, 2.0f},
                                "i took a walk.", {0.5f, 2.0f, 0.5f, 8.0f}, "what's my name?",
                                "i took a walk."));
}

TEST_CASE("what one drinks is not what one does, and a word of time is no topic") {
  // "mate" is a move in chess too, but a drink is no hobby.
  CHECK_FALSE(TwoLinesThenAsked("i love mate.", {0.5f, 2.0f, 9.0f}, "i'm from Mimamoor.",
                                {0.5f, 0.5f, 9.0f}, "what's my hobby?", "i love mate."));
  // What the user is into is what they do.
  CHECK_FALSE(TwoLinesThenAsked("i love lemonade.", {0.5f, 2.0f, 9.0f}, "i'm from Mimamoor.",
                                {0.5f, 0.5f, 9.0f}, "what am i into?", "i love lemonade."));
  // "day" in both says nothing of what was said: lemonade is no food.
  CHECK_FALSE(TwoLinesThenAsked("i can't start the day without lemonade.",
                                {0.5f, 1.0f, 2.0f, 0.5f, 2.0f, 1.0f, 9.0f}, "i took a walk.",
                                {0.5f, 2.0f, 0.5f, 8.0f}, "what did i say i could eat every day?",
                                "i can't start the day without lemonade."));
  // A thing WordNet knows by its head is known: a jacket is no drink.
  CHECK_FALSE(TwoLinesThenAsked("i just bought a silver jacket.",
                                {0.5f, 1.0f, 2.0f, 0.5f, 7.0f, 6.0f}, "i took a walk.",
                                {0.5f, 2.0f, 0.5f, 8.0f}, "what's my favorite drink?",
                                "i took a walk."));
}
