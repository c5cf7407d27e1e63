// The hippo's inference split and its file (hippo/hippo_read.h, hippo/hippo_file.h), and the
// episodes it is trained on (hippo/episodes.h).
#include <doctest/doctest.h>

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

TEST_CASE("the prepared read votes as the model's read does") {
  constexpr int M = 9, C = 128, V = 40;
  hp::HippoModel<float> model(hp::HippoConfig{}, 3);
  *model.p().ws = 0.4f;
  *model.p().wr = 1.5f;
  *model.p().wc = 2.0f;
  *model.p().sink = 0.7f;
  *model.p().gain = 6.0f;
  std::mt19937 rng(5);
  std::normal_distribution<float> n01;
  std::vector<float> h(M * C), hq(C), s(M), a(M);
  std::vector<int> tokens(M), targets(M);
  for (float& x : h) x = 3 * n01(rng);
  for (float& x : hq) x = 3 * n01(rng);
  for (int i = 0; i < M; i++) {
    s[i] = std::abs(4 * n01(rng));
    a[i] = static_cast<float>(10 * i);
    tokens[i] = i % 4;
    targets[i] = (5 * i + 1) % V;
  }
  hp::HippoInput<float> in{M, h.data(), s.data(), a.data(), tokens.data(), targets.data(),
                           hq.data(), 2, V, nullptr, 0};
  std::vector<float> expected(V, 0.0f), p_expected(M + 1);
  model.read(expected.data(), p_expected.data(), in);

  const hp::PreparedMemory prepared = hp::Prepare(model, in);
  std::vector<float> got(V, 0.0f), p_got;
  hp::Vote(prepared.view(C), hq.data(), 2, got.data(), p_got);
  REQUIRE(p_got.size() == p_expected.size());
  for (int i = 0; i <= M; i++) CHECK(p_got[i] == doctest::Approx(p_expected[i]).epsilon(1e-4));
  for (int v = 0; v < V; v++) CHECK(got[v] == doctest::Approx(expected[v]).epsilon(1e-4));
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
  for (const hp::Episode& e : val) {
    CHECK(hp::SaysValue(e.exchanges[0].user, e.value));
    // A held-out value is never a training value (corpus/partition.h decides by the string).
    CHECK(values.count(e.value) == 0);
  }
  CHECK(hp::SaysValue("Your sister is Mary Ann.", "mary ann"));
  CHECK_FALSE(hp::SaysValue("Your sister is Mary Anne.", "Mary Ann"));
}
