// The hippo's inference split and its file (hippo/hippo_read.h, hippo/hippo_file.h), and the
// episodes it is trained on (hippo/episodes.h).
#include <doctest/doctest.h>

#include <algorithm>
#include <cmath>
#include <random>
#include <set>
#include <vector>

#include "corpus/partition.h"
#include "hippo/episodes.h"
#include "hippo/hippo_file.h"
#include "hippo/hippo_read.h"
#include "temp_dir.h"

namespace hp = brainhost::regions::hippo;

// M memories with random states over C = 128, as a selection of one line whose tokens 3..5
// are its value.
hp::Selection RandomSelection(int M, std::mt19937& rng) {
  std::normal_distribution<float> n01;
  hp::Selection s;
  s.h.resize(static_cast<std::size_t>(M) * 128);
  for (float& x : s.h) x = 3 * n01(rng);
  for (int i = 0; i < M; i++) {
    s.surprise.push_back(std::abs(4 * n01(rng)));
    s.age.push_back(static_cast<float>(10 * i));
    s.tokens.push_back(i % 4);
    s.targets.push_back((5 * i + 1) % 40);
    s.value_of.push_back(i >= 2 && i <= 5 ? 0 : -1);
  }
  s.values = {30, 31, 32, -1};
  return s;
}

TEST_CASE("the prepared read attends as the model's read does") {
  constexpr int M = 9, C = 128;
  hp::HippoModel<float> model(hp::HippoConfig{}, 3);
  *model.p().ws = 0.4f;
  *model.p().wr = 1.5f;
  *model.p().wc = 2.0f;
  *model.p().sink = 0.7f;
  std::mt19937 rng(5);
  std::normal_distribution<float> n01;
  const hp::Selection selection = RandomSelection(M, rng);
  std::vector<float> hq(C);
  for (float& x : hq) x = 3 * n01(rng);
  hp::HippoInput<float> in = selection.input();
  in.hq = hq.data();
  in.query_token = 2;
  std::vector<float> bias(40, 0.0f), p_expected(M + 1);
  model.read(bias.data(), p_expected.data(), in);

  const hp::PreparedMemory prepared = hp::Prepare(model, selection, {});
  std::vector<float> p_got;
  hp::Attend(prepared.view(C), hq.data(), 2, p_got);
  REQUIRE(p_got.size() == p_expected.size());
  for (int i = 0; i <= M; i++) CHECK(p_got[i] == doctest::Approx(p_expected[i]).epsilon(1e-4));
}

TEST_CASE("a recall starts when the read settles on a value, copies it whole, wraps up, then is silent") {
  constexpr int M = 9, C = 128;
  hp::HippoModel<float> model(hp::HippoConfig{}, 3);
  std::mt19937 rng(7);
  const hp::Selection selection = RandomSelection(M, rng);
  hp::PreparedMemory prepared = hp::Prepare(model, selection, {8, 9});
  const std::vector<float> h(C, 1.0f);

  prepared.sink = 50;  // the read abstains
  {
    hp::Recall recall(prepared.view(C));
    for (int t = 0; t < 5; t++) CHECK(recall.Next(h.data(), 1) == -1);
  }
  prepared.sink = -50;  // all the mass on the memories, most of it on the value's
  for (float& b : prepared.key_bias) b = 0;
  for (int i = 0; i < M; i++) {
    if (prepared.value_of[i] == 0) prepared.key_bias[i] = 30;
  }
  hp::Recall recall(prepared.view(C));
  CHECK(recall.Next(h.data(), 1) == 30);
  CHECK(recall.Next(h.data(), 30) == 31);
  CHECK(recall.Next(h.data(), 31) == 32);
  CHECK(recall.Next(h.data(), 32) == 8);  // the value ended: the wrap-up
  CHECK(recall.Next(h.data(), 8) == 9);
  CHECK(recall.Next(h.data(), 9) == -1);  // one recall per reply
  CHECK(recall.Next(h.data(), 7) == -1);
}

TEST_CASE("hippo weights round-trip, and a damaged file is refused") {
  brainhost::test::TempDir dir;
  hp::HippoModel<float> model(hp::HippoConfig{}, 9);
  const std::string path = dir / "hippo.bin";
  hp::SaveHippo({model.config(), model.parameters()}, path);
  const hp::HippoWeights back = hp::LoadHippo(path);
  CHECK(back.config.C == 128);
  CHECK(back.config.D == 48);
  CHECK(back.params == model.parameters());

  std::string bytes = hp::EncodeHippo({model.config(), model.parameters()});
  std::string corrupt = bytes;
  corrupt[100] ^= 1;
  CHECK_THROWS_WITH(hp::DecodeHippo(corrupt, "x.bin"),
                    doctest::Contains("checksum mismatch"));
  CHECK_THROWS_WITH(hp::DecodeHippo(bytes.substr(0, bytes.size() - 3), "x.bin"),
                    doctest::Contains("truncated"));
  std::string magic = bytes;
  magic[0] = 'X';
  CHECK_THROWS_WITH(hp::DecodeHippo(magic, "x.bin"), doctest::Contains("wrong magic"));
  CHECK_THROWS_AS(hp::LoadHippo(dir / "missing.bin"), std::runtime_error);
}

TEST_CASE("episodes: validation values are held out, every probe's answer says its value") {
  const std::vector<hp::Episode> train = hp::MakeEpisodes(300, false, 1);
  const std::vector<hp::Episode> val = hp::MakeEpisodes(300, true, 2);
  std::set<std::string> values;
  int multi_word = 0;
  for (const hp::Episode& e : train) {
    CHECK(e.exchanges.size() == 3);
    CHECK(hp::SaysValue(e.exchanges[0].user, e.value));
    CHECK(hp::SaysValue(e.answer, e.value));
    CHECK_FALSE(hp::SaysValue(e.probe, e.value));
    values.insert(e.value);
    multi_word += e.value.find(' ') != std::string::npos;
  }
  CHECK(values.size() > 200);  // drawn afresh: few repeats
  CHECK(multi_word > 30);      // double names and multi-word places are common
  // Every other conversation is had with the store on: it acknowledges each statement itself.
  int stored = 0;
  for (const hp::Episode& e : train) stored += e.exchanges[0].reply == "got it.";
  CHECK(stored == 150);
  for (const hp::Episode& e : val) {
    CHECK(hp::SaysValue(e.exchanges[0].user, e.value));
    // A held-out value is never a training value (corpus/partition.h decides by the string).
    CHECK(values.count(e.value) == 0);
  }
  CHECK(hp::SaysValue("Your sister is Mary Ann.", "mary ann"));
  CHECK_FALSE(hp::SaysValue("Your sister is Mary Anne.", "Mary Ann"));
}
