// The dialogue corpus generator: determinism, the turn format, the validation partition, and
// speed.
#include <doctest/doctest.h>
#include <utf8.h>

#include <chrono>
#include <set>
#include <sstream>
#include <string>
#include <unordered_set>
#include <vector>

#include "corpus/corpus.h"
#include "corpus/lexicon.h"
#include "corpus/partition.h"
#include "corpus/phrasings.h"
#include "corpus/render.h"

namespace brainhost::regions {
namespace {

std::string Generate(uint64_t seed, size_t bytes, bool validation) {
  std::ostringstream out;
  CorpusOptions options;
  options.seed = seed;
  options.target_bytes = bytes;
  options.validation = validation;
  const size_t written = GenerateCorpus(options, out);
  CHECK(written == out.str().size());
  return out.str();
}

std::string AsciiLower(std::string text) {
  for (char& c : text) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  }
  return text;
}

// Words of text: runs of letters, digits, apostrophes, hyphens and any non-ASCII byte.
std::vector<std::string> Words(const std::string& text) {
  std::vector<std::string> words;
  std::string word;
  for (char c : text) {
    const unsigned char b = static_cast<unsigned char>(c);
    const bool inner = (b >= 'a' && b <= 'z') || (b >= '0' && b <= '9') || c == '\'' || c == '-' || b >= 0x80;
    if (inner) {
      word += c;
    } else if (!word.empty()) {
      words.push_back(word);
      word.clear();
    }
  }
  if (!word.empty()) words.push_back(word);
  return words;
}

// Every run of 1..4 consecutive words of text (lowercased), joined by single spaces.
std::unordered_set<std::string> WordGrams(const std::string& text) {
  const std::vector<std::string> words = Words(AsciiLower(text));
  std::unordered_set<std::string> grams;
  for (size_t i = 0; i < words.size(); ++i) {
    std::string gram;
    for (size_t n = 0; n < 4 && i + n < words.size(); ++n) {
      if (n > 0) gram += ' ';
      gram += words[i + n];
      grams.insert(gram);
    }
  }
  return grams;
}

std::vector<const std::vector<std::string>*> Lists(const Lexicon& l) {
  return {&l.names, &l.jobs, &l.foods, &l.cities, &l.hobbies, &l.pet_kinds, &l.pet_names,
          &l.relatives, &l.feelings, &l.weather, &l.plans, &l.drinks, &l.colors};
}

Facts SampleFacts() {
  Facts f;
  f.name = "Tomás";
  f.age = "31";
  f.job = "editor";
  f.a_job = WithArticle(f.job);
  f.years = "4";
  f.pet = "dog";
  f.a_pet = WithArticle(f.pet);
  f.pet_name = "Buddy";
  f.num = "3";
  f.rel = "sister";
  f.rel_name = "Ana";
  f.rel_job = "nurse";
  f.a_rel_job = WithArticle(f.rel_job);
  f.city = "Zürich";
  f.hobby = "hiking";
  f.food = "pizza";
  f.plan = "visit my parents";
  f.plan_you = MyToYour(f.plan);
  f.feeling = "tired";
  f.weather = "rainy";
  f.drink = "tea";
  f.color = "teal";
  return f;
}

}  // namespace

TEST_CASE("corpus: the same seed gives the same bytes, another seed other bytes") {
  const std::string a = Generate(7, 200000, false);
  CHECK(a == Generate(7, 200000, false));
  CHECK(a != Generate(8, 200000, false));
  CHECK(Generate(7, 100000, true) == Generate(7, 100000, true));
}

TEST_CASE("corpus: stops just past target_bytes") {
  const std::string text = Generate(3, 300000, false);
  CHECK(text.size() >= 300000);
  CHECK(text.size() < 300000 + 4096);
}

TEST_CASE("corpus: every conversation alternates U and G lines, starting with U") {
  for (bool validation : {false, true}) {
    CAPTURE(validation);
    const std::string text = Generate(11, 500000, validation);
    REQUIRE(!text.empty());
    CHECK(text.back() == '\n');
    CHECK(utf8::is_valid(text.begin(), text.end()));
    std::istringstream in(text);
    std::string line;
    size_t conversations = 0, in_conversation = 0, bad = 0;
    while (std::getline(in, line)) {
      if (line.empty()) {
        // A blank line ends a conversation, which must end with a G line.
        if (in_conversation == 0 || in_conversation % 2 != 0) ++bad;
        in_conversation = 0;
        continue;
      }
      if (in_conversation == 0) ++conversations;
      const std::string expected = in_conversation % 2 == 0 ? "U: " : "G: ";
      if (line.compare(0, 3, expected) != 0 || line.size() <= 3) ++bad;
      ++in_conversation;
    }
    CHECK(in_conversation % 2 == 0);
    CHECK(bad == 0);
    CHECK(conversations > 300);
  }
}

TEST_CASE("corpus: conversations mix greetings, told facts and recalled facts") {
  const std::string text = Generate(5, 400000, false);
  CHECK(text.find("U: hi") != std::string::npos);
  CHECK(text.find("G: Your name is ") != std::string::npos);
  CHECK(text.find("G: You live in ") != std::string::npos);
  CHECK(text.find("my name is ") != std::string::npos);
}

TEST_CASE("corpus lexicon: thousands of values, each split non-empty and one-sided") {
  const Lexicon train = BuildLexicon(false);
  const Lexicon validation = BuildLexicon(true);
  CHECK(train.names.size() > 10000);
  CHECK(train.cities.size() > 5000);
  CHECK(train.jobs.size() > 100);
  CHECK(train.foods.size() > 100);
  CHECK(validation.names.size() > 1000);
  for (const auto* list : Lists(train)) {
    CHECK(!list->empty());
    for (const std::string& value : *list) CHECK_MESSAGE(!IsHeldOutValue(value), value);
  }
  for (const auto* list : Lists(validation)) {
    CHECK(!list->empty());
    for (const std::string& value : *list) CHECK_MESSAGE(IsHeldOutValue(value), value);
  }
}

TEST_CASE("corpus phrasings: every template renders and every list has both splits") {
  const Facts facts = SampleFacts();
  Phrasings all = AllPhrasings();
  size_t lists = 0;
  ForEachTemplateList(all, [&](Templates& list) {
    ++lists;
    CHECK(list.size() >= kPhrasingModulus);
    for (const std::string& text : list) {
      std::string out;
      CHECK_NOTHROW(RenderTemplate(text, facts, out));
      CHECK_MESSAGE(out.find('{') == std::string::npos, text);
    }
  });
  CHECK(lists == kTopicCount * 7 + 11);
  Phrasings train = BuildPhrasings(false);
  Phrasings validation = BuildPhrasings(true);
  ForEachTemplateList(train, [](Templates& list) { CHECK(!list.empty()); });
  ForEachTemplateList(validation, [](Templates& list) { CHECK(!list.empty()); });
}

TEST_CASE("corpus validation split: no held-out value appears in training text") {
  const std::string train = Generate(21, 1500000, false);
  const std::unordered_set<std::string> grams = WordGrams(train);
  const Lexicon full = FullLexicon();
  size_t checked = 0;
  for (const auto* list : Lists(full)) {
    for (const std::string& value : *list) {
      if (!IsHeldOutValue(value)) continue;
      const std::string lower = AsciiLower(value);
      if (Words(lower).size() > 4) continue;
      std::string joined;
      for (const std::string& w : Words(lower)) joined += (joined.empty() ? "" : " ") + w;
      ++checked;
      CHECK_MESSAGE(grams.count(joined) == 0, "held-out value in training text: " << value);
    }
  }
  CHECK(checked > 1000);
}

TEST_CASE("corpus validation split: held-out phrasings never appear in training text") {
  // A held-out template's longest literal stretch (between slots) is searched for in training
  // text, when it is long enough to be distinctive and no training template contains it too.
  const std::string train = AsciiLower(Generate(22, 1500000, false));
  Phrasings train_phrasings = BuildPhrasings(false);
  std::vector<std::string> train_templates;
  ForEachTemplateList(train_phrasings, [&](Templates& list) {
    for (const std::string& t : list) train_templates.push_back(AsciiLower(t));
  });
  Phrasings held_out = BuildPhrasings(true);
  size_t checked = 0;
  ForEachTemplateList(held_out, [&](Templates& list) {
    for (const std::string& text : list) {
      std::string longest, piece;
      bool in_slot = false;
      for (char c : AsciiLower(text) + "{") {
        if (c == '{') {
          if (piece.size() > longest.size()) longest = piece;
          piece.clear();
          in_slot = true;
        } else if (c == '}') {
          in_slot = false;
        } else if (!in_slot && c != '|') {
          piece += c;
        } else if (c == '|') {
          if (piece.size() > longest.size()) longest = piece;
          piece.clear();
        }
      }
      if (longest.size() < 14) continue;
      bool shared = false;
      for (const std::string& t : train_templates) shared = shared || t.find(longest) != std::string::npos;
      if (shared) continue;
      ++checked;
      CHECK_MESSAGE(train.find(longest) == std::string::npos, "held-out phrasing in training text: " << text);
    }
  });
  CHECK(checked > 100);
}

TEST_CASE("corpus: generation streams faster than 2 MB/s even unoptimised") {
  // A sanity floor for Debug and sanitizer builds; an optimised build measures ~70 MB/s.
  std::ostringstream out;
  CorpusOptions options;
  options.target_bytes = 4 << 20;
  const auto start = std::chrono::steady_clock::now();
  const size_t bytes = GenerateCorpus(options, out);
  const double seconds =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  const double mb_per_s = static_cast<double>(bytes) / seconds / 1e6;
  CAPTURE(mb_per_s);
  CHECK(mb_per_s > 2.0);
}

TEST_CASE("corpus render: articles, pronoun swap, sentence case, slot errors") {
  CHECK(WithArticle("editor") == "an editor");
  CHECK(WithArticle("nurse") == "a nurse");
  CHECK(MyToYour("visit my parents") == "visit your parents");
  CHECK(MyToYour("mystery my") == "mystery your");
  std::string line = "hi. i'm Tomás from Zürich! what's up? i think so";
  SentenceCase(line, 0);
  CHECK(line == "Hi. I'm Tomás from Zürich! What's up? I think so");
  std::string out;
  CHECK_THROWS_AS(RenderTemplate("my {nope}.", SampleFacts(), out), std::invalid_argument);
  CHECK_THROWS_AS(RenderTemplate("my {name.", SampleFacts(), out), std::invalid_argument);
}

}  // namespace brainhost::regions
