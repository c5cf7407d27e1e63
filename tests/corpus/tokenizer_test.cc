// The SentencePiece tokenizer: a small model trained here round-trips accented names, other
// scripts and emoji exactly, pins the special ids, and failures name the file.
#include <doctest/doctest.h>
#include <unistd.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <stdexcept>
#include <string>

#include "corpus/corpus.h"
#include "tokenizer/special_tokens.h"
#include "tokenizer/tokenizer.h"
#include "tokenizer/train_tokenizer.h"

namespace brainhost::regions {
namespace {

namespace fs = std::filesystem;

// A temporary directory with a 300 KB corpus and a 400-piece model trained on it, made once
// for the whole suite (training takes well under a second).
struct TrainedModel {
  fs::path dir;
  std::string model;
  TrainedModel() {
    dir = fs::temp_directory_path() / ("brainhost_tokenizer_test_" + std::to_string(::getpid()));
    fs::create_directories(dir);
    CorpusOptions options;
    options.seed = 4;
    options.target_bytes = 300000;
    WriteCorpusFile(options, (dir / "corpus.txt").string());
    TrainTokenizer((dir / "corpus.txt").string(), (dir / "tok").string(), 400, 1);
    model = (dir / "tok.model").string();
  }
  ~TrainedModel() {
    std::error_code ignored;
    fs::remove_all(dir, ignored);
  }
};

const TrainedModel& Model() {
  static const TrainedModel model;
  return model;
}

std::string ReadFile(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  return std::string(std::istreambuf_iterator<char>(in), {});
}

std::string ErrorOf(auto&& call) {
  try {
    call();
  } catch (const std::runtime_error& e) {
    return e.what();
  }
  return "";
}

}  // namespace

TEST_CASE("tokenizer: exact round trip of accents, other scripts, emoji and plain text") {
  const Tokenizer tokenizer = Tokenizer::Load(Model().model);
  CHECK(tokenizer.vocab_size() == 400);
  for (const std::string text :
       {"Tomás lives in Zürich 🎉", "José", "北京", "🎉", "👍🏽 ❤️", "Привет, Ελένη",
        "U: my dog is named Buddy\nG: Buddy!\n", "  two  spaces and a tab\there ",
        "what is 1234567 + 7654321?", "", "ﬁ full-width Ａ stays as typed"}) {
    CAPTURE(text);
    const std::vector<int> ids = tokenizer.Encode(text);
    CHECK(tokenizer.Decode(ids) == text);
    for (int id : ids) CHECK(id != tokenizer.unk_id());
  }
}

TEST_CASE("tokenizer: the special ids are pinned and the turn markers are single pieces") {
  const Tokenizer tokenizer = Tokenizer::Load(Model().model);
  CHECK(tokenizer.unk_id() == kUnkId);
  CHECK(tokenizer.bos_id() == kBosId);
  CHECK(tokenizer.eos_id() == kEosId);
  CHECK(tokenizer.pad_id() == kPadId);
  CHECK(tokenizer.user_turn_id() == kUserTurnId);
  CHECK(tokenizer.guide_turn_id() == kGuideTurnId);
  CHECK(tokenizer.IsByte(tokenizer.newline_id()));
  const std::vector<int> ids = tokenizer.Encode("U: hi\nG: hello\n");
  REQUIRE(ids.size() > 3);
  CHECK(ids.front() == kUserTurnId);
  CHECK(ids.back() == tokenizer.newline_id());
  CHECK(std::count(ids.begin(), ids.end(), kGuideTurnId) == 1);
  // Control ids decode to nothing; ids outside the vocabulary are refused.
  CHECK(tokenizer.Decode({kBosId, kUserTurnId, kEosId}) == "U:");
  CHECK_THROWS_AS(tokenizer.Decode({tokenizer.vocab_size()}), std::runtime_error);
  // Digits are split, so numbers are spelt digit by digit.
  CHECK(tokenizer.Encode("1234").size() == 4);
}

TEST_CASE("tokenizer: training is deterministic for a seed") {
  // The .model file records its own prefix, so compare the pieces and scores (.vocab).
  const fs::path prefix = Model().dir / "again";
  TrainTokenizer((Model().dir / "corpus.txt").string(), prefix.string(), 400, 1);
  const std::string vocab = ReadFile((Model().dir / "tok.vocab").string());
  CHECK(!vocab.empty());
  CHECK(ReadFile(prefix.string() + ".vocab") == vocab);
}

TEST_CASE("tokenizer: failures name the file") {
  const std::string missing = (Model().dir / "no_such.model").string();
  CHECK(ErrorOf([&] { Tokenizer::Load(missing); }).find(missing) != std::string::npos);
  const std::string garbage = (Model().dir / "garbage.model").string();
  std::ofstream(garbage) << "not a sentencepiece model";
  CHECK(ErrorOf([&] { Tokenizer::Load(garbage); }).find(garbage) != std::string::npos);
  CHECK(ErrorOf([&] { Tokenizer::FromBytes("junk", "brain:tokenizer"); }).find("brain:tokenizer") !=
        std::string::npos);
  const std::string no_corpus = (Model().dir / "no_corpus.txt").string();
  CHECK(ErrorOf([&] { TrainTokenizer(no_corpus, (Model().dir / "x").string(), 400, 1); })
            .find(no_corpus) != std::string::npos);
}

TEST_CASE("tokenizer: a moved-from tokenizer's replacement still works") {
  Tokenizer a = Tokenizer::Load(Model().model);
  Tokenizer b = std::move(a);
  CHECK(b.Decode(b.Encode("Zoë")) == "Zoë");
  CHECK(b.path() == Model().model);
}

}  // namespace brainhost::regions
