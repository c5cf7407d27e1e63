// The shipped language models are exactly what `brainhost train language` makes from the
// installed WordNet: the artefact in models/ is reproducible.
#include <doctest/doctest.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <sstream>

#include "language/train_language.h"

namespace brainhost::regions {

namespace {

std::string Read(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

}  // namespace

TEST_CASE("train language reproduces the shipped models byte for byte") {
  std::filesystem::path out = std::filesystem::temp_directory_path() /
                              ("brainhost-train-language-" + std::to_string(::getpid()));
  LanguageTrainingReport report = TrainLanguageModels(WORDNET_DIR, out);
  CHECK(report.vocabulary > 40000);
  CHECK(report.irregular_forms > 5000);
  CHECK(Read(out / "irregular.tsv").find("\ndrank\tdrink\n") != std::string::npos);
  CHECK(report.nouns > 100000);
  for (const char* file : {"unigram.tsv", "irregular.tsv", "kinds.tsv"}) {
    CHECK_MESSAGE(Read(out / file) == Read(std::filesystem::path(MODELS_DIR) / file), file);
  }
  std::filesystem::remove_all(out);
}

TEST_CASE("train language names the file it cannot read") {
  CHECK_THROWS_WITH_AS(TrainLanguageModels("/nonexistent/wordnet", "/tmp/unused"),
                       doctest::Contains("/nonexistent/wordnet"), std::runtime_error);
}

}  // namespace brainhost::regions
