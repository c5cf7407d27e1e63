// brainhost::language: tokenizer, function words, questions, lemmatizer, unigram, trainer.
#include <doctest/doctest.h>
#include <unistd.h>

#include <algorithm>
#include <cmath>
#include <fstream>
#include <iterator>
#include <sstream>

#include "language/function_words.h"
#include "language/question.h"
#include "language/tokenizer.h"
#include "language/train_language.h"
#include "test_models.h"

namespace brainhost::regions {
namespace {

std::vector<std::string> Texts(std::string_view line) {
  std::vector<std::string> out;
  for (const Token& token : Tokenize(line)) out.push_back(token.text);
  return out;
}

TEST_CASE("tokenizer keeps accented names exactly and splits on punctuation") {
  CHECK(Texts("i'm Tomás, from Zürich; José too!") ==
        std::vector<std::string>{"i'm", "Tomás", "from", "Zürich", "José", "too"});
  auto tokens = Tokenize("ZÜRICH Ölfeld");
  REQUIRE(tokens.size() == 2);
  CHECK(tokens[0].lower == "zürich");
  CHECK(tokens[0].capitalized);
  CHECK(tokens[1].lower == "ölfeld");
  CHECK(Texts("Москва 東京 ok") == std::vector<std::string>{"Москва", "東京", "ok"});
  // Greek and Cyrillic capitals lower; a word of a script without case is marked as a name.
  tokens = Tokenize("Νίκος Мария 王芳 지민 ok");
  REQUIRE(tokens.size() == 5);
  CHECK(tokens[0].lower == "νίκος");
  CHECK(tokens[1].lower == "мария");
  for (int i = 0; i < 4; i++) CHECK_MESSAGE(tokens[i].capitalized, tokens[i].text);
  CHECK_FALSE(tokens[4].capitalized);
}

TEST_CASE("tokenizer treats emoji, typographic apostrophes and invalid bytes safely") {
  CHECK(Texts("my dog 🐶🐕‍🦺 is named Rex 👍") ==
        std::vector<std::string>{"my", "dog", "is", "named", "Rex"});
  CHECK(Texts("my dog’s name") == std::vector<std::string>{"my", "dog's", "name"});
  CHECK(Texts("'quoted' dogs'") == std::vector<std::string>{"quoted", "dogs"});
  CHECK(Texts(std::string("ab\xff\xfe" "cd")) == std::vector<std::string>{"ab", "cd"});
  CHECK(Tokenize("").empty());
  CHECK(Tokenize("?!... 🙂").empty());
  CHECK(Lowercase("Zürich MIT É") == "zürich mit é");
}

TEST_CASE("tokenizer gives each word's bytes in the line, apostrophes at the ends trimmed") {
  // "’" is three bytes; "'quoted'" loses its quotes but not its place.
  const std::string line = "my dog’s name is 'Zoë', ok";
  const std::vector<Token> tokens = Tokenize(line);
  REQUIRE(tokens.size() == 6);
  std::vector<std::string> spans;
  for (const Token& t : tokens) spans.push_back(line.substr(t.begin, t.end - t.begin));
  CHECK(spans == std::vector<std::string>{"my", "dog’s", "name", "is", "Zoë", "ok"});
  CHECK(tokens[1].text == "dog's");
}

TEST_CASE("function words are sorted and cover the closed classes") {
  const auto& words = FunctionWords();
  CHECK(std::is_sorted(words.begin(), words.end()));
  CHECK(words.size() >= 150);
  for (std::string_view word : {"is", "my", "the", "i", "what", "of", "named"}) {
    CHECK_MESSAGE(IsFunctionWord(word) == (word != "named"), word);
  }
  CHECK_FALSE(IsFunctionWord("dog"));
  CHECK_FALSE(IsFunctionWord("name"));
}

TEST_CASE("questions are detected with or without a question mark") {
  auto question = [](std::string_view line) { return IsQuestion(line, Tokenize(line)); };
  CHECK(question("what is my name?"));
  CHECK(question("what is my name"));
  CHECK(question("what's my dog's name"));
  CHECK(question("am i a nurse"));
  CHECK(question("Does my sister work"));
  CHECK(question("my name is?  "));
  CHECK(question("you like tea?"));
  CHECK_FALSE(question("my name is Gary"));
  CHECK_FALSE(question("i'm 28"));
  CHECK_FALSE(question("it's Garrett"));
  CHECK_FALSE(question(""));
}

TEST_CASE("lemmatizer maps irregular forms, then stems regular ones") {
  const Lemmatizer& lemmatizer = TestModels().lemmatizer;
  CHECK(lemmatizer.Lemma("drank") == "drink");
  CHECK(lemmatizer.Lemma("went") == "go");
  CHECK(lemmatizer.Lemma("mice") == "mouse");
  CHECK(lemmatizer.Lemma("dog's") == "dog");
  CHECK(lemmatizer.Stem("drank") == lemmatizer.Stem("drink"));
  CHECK(lemmatizer.Stem("works") == lemmatizer.Stem("working"));
  CHECK(lemmatizer.Stem("named") == lemmatizer.Stem("name"));
  CHECK(lemmatizer.Stem("mice") == lemmatizer.Stem("mouse"));
  CHECK(lemmatizer.Stem("zürich") == "zürich");
  CHECK(lemmatizer.irregular_count() > 4000);
}

TEST_CASE("unigram surprise: unknown words are most surprising, function words least") {
  const UnigramModel& unigram = TestModels().unigram;
  CHECK(unigram.vocabulary() > 20000);
  double name = unigram.Surprise("name");
  CHECK(unigram.Surprise("gary") > name);
  CHECK(unigram.Surprise("qwzxv") >= unigram.Surprise("gary"));
  CHECK(unigram.Surprise("is") < name);
  CHECK(unigram.Surprise("my") < unigram.Surprise("dog"));
  CHECK(unigram.Surprise("the") == doctest::Approx(unigram.Surprise("is")));

  UnigramModel small;
  small.Add("a", 3);
  CHECK(small.Surprise("a") == doctest::Approx(-std::log(4.0 / 5.0)));
  CHECK(small.Surprise("b") == doctest::Approx(-std::log(1.0 / 5.0)));
}

TEST_CASE("corrupt or missing model files give an error that names the file") {
  auto dir = std::filesystem::temp_directory_path() /
             ("brainhost-bad-models-" + std::to_string(::getpid()));
  std::filesystem::create_directories(dir);
  std::ofstream(dir / "unigram.tsv") << "not a model\n";
  CHECK_THROWS_WITH_AS(UnigramModel::Load(dir / "unigram.tsv"),
                       doctest::Contains("brainhost train language"), std::runtime_error);
  CHECK_THROWS_WITH_AS(Lemmatizer::Load(dir / "irregular.tsv"),
                       doctest::Contains("irregular.tsv"), std::runtime_error);
  std::ofstream(dir / "unigram.tsv") << "# brainhost unigram v1\nword\tmany\n";
  CHECK_THROWS_WITH_AS(UnigramModel::Load(dir / "unigram.tsv"), doctest::Contains("malformed"),
                       std::runtime_error);
  std::filesystem::remove_all(dir);
}

}  // namespace
}  // namespace brainhost::regions
