// The cortex plugin in sessions over a real brain, with small random weights written by the
// test: what it publishes on the blackboard, version 1 installed once and then read from the
// brain, a clear refusal without weights, the logit bias other regions write, the conversation
// extension, and its word surprise reaching the episodic plugin.
#include <doctest/doctest.h>
#include <sqlite3.h>

#include <filesystem>
#include <string>
#include <vector>

#include "cortex/checkpoint.h"
#include "cortex/cortex_region.h"
#include "cortex/model.h"
#include "cortex/random_cortex.h"
#include "graph/validate.h"
#include "language/tokenizer.h"
#include "test_paths.h"
#include "tokenizer/tokenizer.h"
#include "turn/session.h"

namespace brainhost {

namespace {

namespace cx = regions::cortex;

const std::string kTokenizer = std::string(SOURCE_DIR) + "/models/tokenizer/tokenizer.model";
const std::string kLine = "my name is gary and i love quokkas";

std::string QueryText(Brain& brain, const std::string& sql) {
  sqlite3_stmt* stmt = nullptr;
  REQUIRE(sqlite3_prepare_v2(brain.handle(), sql.c_str(), -1, &stmt, nullptr) == SQLITE_OK);
  std::string out;
  if (sqlite3_step(stmt) == SQLITE_ROW && sqlite3_column_type(stmt, 0) != SQLITE_NULL) {
    out = reinterpret_cast<const char*>(sqlite3_column_text(stmt, 0));
  }
  sqlite3_finalize(stmt);
  return out;
}

// A temporary directory with random cortex weights in it, and graphs written beside them.
struct Fixture {
  Fixture() {
    cx::save_checkpoint(testing::RandomCortex(5), weights);
    registry.Scan({TEST_PLUGIN_GOOD_DIR, BRAINHOST_PLUGIN_DIR});
  }

  // The body of a cortex node in `mode` reading the fixture's files, with `extra` settings. A
  // generator's answer is the graph's whatever its confidence, as in config/default.toml.
  std::string Cortex(const std::string& mode, const std::string& extra = "",
                     const std::string& weights_file = "") const {
    return std::string(mode == "generate" ? "min_confidence = 0.0\n" : "") +
           "plugin = \"brainhost.cortex\"\nsettings = { mode = \"" + mode + "\", weights = \"" +
           (weights_file.empty() ? weights : weights_file) + "\", tokenizer = \"" + kTokenizer +
           "\"" + (extra.empty() ? "" : ", " + extra) + " }\n";
  }

  // Loads and validates a graph whose nodes run in the order given, then the fallback.
  GraphConfig Graph(const std::vector<std::pair<std::string, std::string>>& nodes) {
    std::string toml;
    for (const auto& [name, body] : nodes) toml += "[regions." + name + "]\n" + body + "\n";
    toml += "[regions.fallback]\nplugin = \"brainhost.fallback\"\n\n[graph]\nentry = \"" +
            nodes.front().first + "\"\nfallback = \"fallback\"\n";
    for (size_t i = 0; i + 1 < nodes.size(); ++i) {
      toml += "[[graph.edge]]\nfrom = \"" + nodes[i].first + "\"\nto = \"" + nodes[i + 1].first +
              "\"\n";
    }
    const std::string path = dir / ("graph" + std::to_string(graphs++) + ".toml");
    testing::WriteFile(path, toml);
    GraphConfig graph;
    Status s = LoadGraphConfig(path, &graph);
    REQUIRE_MESSAGE(s.ok(), s.message());
    s = ValidateGraph(graph, registry.regions());
    REQUIRE_MESSAGE(s.ok(), s.message());
    return graph;
  }

  testing::TempDir dir;
  std::string weights = dir / "cortex.bin";
  PluginRegistry registry;
  int graphs = 0;
};

// One session on the brain at path: says each line, returns the replies.
std::vector<TurnResult> Talk(const Fixture& f, const GraphConfig& graph, const std::string& brain_path,
                             const std::vector<std::string>& lines,
                             const std::string& session_id = "s") {
  std::unique_ptr<Brain> brain;
  REQUIRE(Brain::Open(brain_path, &brain).ok());
  std::unique_ptr<Session> session;
  REQUIRE(Session::Start(graph, f.registry, brain.get(), session_id, &session).ok());
  std::vector<TurnResult> out;
  for (const std::string& line : lines) {
    TurnResult r;
    Status s = session->Say(line, &r);
    REQUIRE_MESSAGE(s.ok(), s.message());
    out.push_back(r);
  }
  return out;
}

}  // namespace

TEST_CASE("perceive publishes tokens, surprise, hidden states and word surprise of the line") {
  Fixture f;
  GraphConfig graph = f.Graph(
      {{"perceive", f.Cortex("perceive")},
       {"probe", "plugin = \"test.tensor_probe\"\nsettings = { slots = \"cortex.tokens,"
                 "cortex.surprise,cortex.hidden,cortex.token_words,cortex.word_surprise\" }\n"}});
  const std::vector<TurnResult> turns =
      Talk(f, graph, f.dir / "brain.db", {kLine, "and i am 28 years old, ok?"});

  const regions::Tokenizer tokenizer = regions::Tokenizer::Load(kTokenizer);
  for (size_t i = 0; i < turns.size(); ++i) {
    const std::string line = i == 0 ? kLine : "and i am 28 years old, ok?";
    const std::string n = std::to_string(tokenizer.Encode("U: " + line + "\n").size() - 2);
    const std::string words = std::to_string(regions::Tokenize(line).size());
    CHECK(turns[i].outcome.region == "probe");
    CHECK(turns[i].outcome.reply == "cortex.tokens i32 [" + n + "]; cortex.surprise f32 [" + n +
                                        "]; cortex.hidden f32 [" + n + ",32]; cortex.token_words i32 [" +
                                        n + "]; cortex.word_surprise f32 [" + words + "]");
  }
}

TEST_CASE("the weights file becomes version 1 on the first run; later runs read the brain") {
  Fixture f;
  GraphConfig graph = f.Graph({{"perceive", f.Cortex("perceive")}, {"cortex", f.Cortex("generate")}});
  const std::string brain_path = f.dir / "brain.db";
  Talk(f, graph, brain_path, {"hello"});
  {
    std::unique_ptr<Brain> brain;
    REQUIRE(Brain::Open(brain_path, &brain).ok());
    CHECK(QueryText(*brain, "SELECT count(*) || ' ' || max(version) || ' ' || sum(active) FROM "
                            "cortex_versions") == "1 1 1");
    CHECK(QueryText(*brain, "SELECT note FROM cortex_versions") == "installed from " + f.weights);
    CHECK(QueryText(*brain, "SELECT length(weights) FROM cortex_versions") ==
          std::to_string(std::filesystem::file_size(f.weights)));
    CHECK(QueryText(*brain, "SELECT group_concat(region || '=' || value) FROM (SELECT * FROM "
                            "region_state WHERE key = 'version' ORDER BY region)") ==
          "cortex=1,perceive=1");
  }
  // The file is not read again: without it, the next run still runs version 1.
  std::filesystem::remove(f.weights);
  const std::vector<TurnResult> again = Talk(f, graph, brain_path, {"hello again"}, "s2");
  CHECK(again[0].outcome.events.empty());
  std::unique_ptr<Brain> brain;
  REQUIRE(Brain::Open(brain_path, &brain).ok());
  CHECK(QueryText(*brain, "SELECT count(*) FROM cortex_versions") == "1");
}

TEST_CASE("without weights in the brain or on disk the cortex refuses to start, in one line") {
  Fixture f;
  const std::string missing = f.dir / "models/cortex.bin";
  GraphConfig graph = f.Graph({{"cortex", f.Cortex("generate", "", missing)}});
  std::unique_ptr<Brain> brain;
  REQUIRE(Brain::Open(f.dir / "brain.db", &brain).ok());
  BrainServices services(brain.get(), "s");
  const PluginRegistry::Entry* entry = f.registry.Find("brainhost.cortex");
  REQUIRE(entry != nullptr);
  std::unique_ptr<RegionInstance> instance;
  Status s = RegionInstance::Create(entry->library, entry->index, "cortex",
                                    graph.FindRegion("cortex")->settings, services.services(),
                                    &instance);
  REQUIRE_FALSE(s.ok());
  CHECK(s.message().find("BH_ERR_NOT_FOUND") != std::string::npos);
  CHECK(s.message().find("no cortex weights") != std::string::npos);
  CHECK(s.message().find(missing) != std::string::npos);
  CHECK(s.message().find('\n') == std::string::npos);
  CHECK(QueryText(*brain, "SELECT count(*) FROM cortex_versions") == "0");

  // Weights that do not go with the tokenizer are refused before they reach the brain.
  cx::Config small = testing::RandomCortexConfig();
  small.vocab = 512;
  cx::Model<float> model(small);
  model.init(1);
  const std::string mismatched = f.dir / "small.bin";
  cx::save_checkpoint({small, model.params_memory, 0, {}, {}}, mismatched);
  RegionInstance::Settings settings = graph.FindRegion("cortex")->settings;
  for (auto& [key, value] : settings) {
    if (key == "weights") value = mismatched;
  }
  s = RegionInstance::Create(entry->library, entry->index, "cortex", settings,
                             services.services(), &instance);
  CHECK(s.message().find("vocabulary of 512") != std::string::npos);
  CHECK(QueryText(*brain, "SELECT count(*) FROM cortex_versions") == "0");

  // In a session the node is switched off and the graph goes on to its fallback.
  const std::vector<TurnResult> turns = Talk(f, graph, f.dir / "brain.db", {"hello"});
  CHECK(turns[0].outcome.region == "fallback");

  // A host without a brain offers no weights: the cortex says so.
  std::unique_ptr<RegionInstance> brainless;
  s = RegionInstance::Create(entry->library, entry->index, "cortex",
                             graph.FindRegion("cortex")->settings, {}, &brainless);
  CHECK(s.message().find("brainhost.weights/1") != std::string::npos);
}

TEST_CASE("bad settings are refused with the setting's name") {
  Fixture f;
  std::unique_ptr<Brain> brain;
  REQUIRE(Brain::Open(f.dir / "brain.db", &brain).ok());
  BrainServices services(brain.get(), "s");
  const PluginRegistry::Entry* entry = f.registry.Find("brainhost.cortex");
  REQUIRE(entry != nullptr);
  const std::vector<std::pair<std::string, std::string>> bad[] = {
      {{"mode", "dream"}}, {{"top_k", "2.5"}}, {{"temperature", "-1"}}, {{"max_tokens", "0"}}};
  for (const auto& settings : bad) {
    RegionInstance::Settings all = settings;
    all.push_back({"weights", f.weights});
    all.push_back({"tokenizer", kTokenizer});
    std::unique_ptr<RegionInstance> instance;
    Status s = RegionInstance::Create(entry->library, entry->index, "cortex", all,
                                      services.services(), &instance);
    CHECK_MESSAGE(!s.ok(), settings[0].first);
    CHECK_MESSAGE(s.message().find(settings[0].first) != std::string::npos, s.message());
  }
}

TEST_CASE("the cortex generates when nobody answered, with the logit bias an earlier region wrote") {
  Fixture f;
  const regions::Tokenizer tokenizer = regions::Tokenizer::Load(kTokenizer);
  const int token = tokenizer.Encode(" Buddy").front();
  GraphConfig graph = f.Graph(
      {{"bias", "plugin = \"test.logit_bias\"\nsettings = { token = " + std::to_string(token) +
                    " }\n"},
       {"cortex", f.Cortex("generate", "max_tokens = 3")}});
  const std::vector<TurnResult> turns = Talk(f, graph, f.dir / "brain.db", {"what is my dog's name?"});
  std::string expected = tokenizer.Decode({token, token, token});
  expected.erase(0, expected.find_first_not_of(' '));
  CHECK(turns[0].outcome.region == "cortex");
  CHECK(turns[0].outcome.reply == expected);
  REQUIRE(turns[0].outcome.confidence);
  CHECK(*turns[0].outcome.confidence > 0);

  // Without the bias it says something else, and the same thing for the same session and turn.
  GraphConfig plain = f.Graph({{"cortex", f.Cortex("generate", "max_tokens = 6")}});
  const auto a = Talk(f, plain, f.dir / "a.db", {"what is my dog's name?"});
  const auto b = Talk(f, plain, f.dir / "b.db", {"what is my dog's name?"});
  CHECK(a[0].outcome.reply != expected);
  CHECK(a[0].outcome.reply == b[0].outcome.reply);
}

TEST_CASE("brainhost.conversation/1 gives the session's earlier turns, oldest first") {
  Fixture f;
  GraphConfig graph = f.Graph({{"history", "plugin = \"test.history\"\nsettings = { limit = 2 }\n"}});
  const std::string brain_path = f.dir / "brain.db";
  std::vector<TurnResult> turns = Talk(f, graph, brain_path, {"one", "two", "three"});
  CHECK(turns[0].outcome.reply == "no history");
  CHECK(turns[1].outcome.reply == "0: one -> no history");
  CHECK(turns[2].outcome.reply == "0: one -> no history | 1: two -> 0: one -> no history");
  // Another session has its own; a resumed one has its earlier turns.
  CHECK(Talk(f, graph, brain_path, {"four"}, "other")[0].outcome.reply == "no history");
  const std::string resumed = Talk(f, graph, brain_path, {"four"})[0].outcome.reply;
  CHECK(resumed.starts_with("1: two -> "));
  CHECK(resumed.find(" | 2: three -> ") != std::string::npos);
}

TEST_CASE("the episodic plugin ranks a statement's words by the cortex's surprise") {
  Fixture f;
  const std::string episodic = "plugin = \"brainhost.episodic\"\n";
  auto candidates = [&](const GraphConfig& graph, const std::string& brain_name) {
    Talk(f, graph, f.dir / brain_name, {kLine});
    std::unique_ptr<Brain> brain;
    REQUIRE(Brain::Open(f.dir / brain_name, &brain).ok());
    return QueryText(*brain, "SELECT candidates FROM episodes");
  };
  // Without a cortex: the unigram model, where the unseen "quokkas" beats "love".
  CHECK(candidates(f.Graph({{"episodic", episodic}}), "unigram.db") == "gary\nquokkas\nlove");
  // A surprise slot reverses that.
  CHECK(candidates(f.Graph({{"surprise", "plugin = \"test.word_surprise\"\n"
                                         "settings = { values = \"0,0,0,9,0,0,8,1\" }\n"},
                            {"episodic", episodic}}),
                   "slot.db") == "gary\nlove\nquokkas");
  // The cortex's own: the order its perception gives, the same weights run here.
  cx::CortexRegion region(testing::RandomCortex(5), regions::Tokenizer::Load(kTokenizer));
  const cx::Perception p = region.Perceive({}, kLine);
  REQUIRE(p.word_surprise.size() == 8);
  const std::string expected =
      p.word_surprise[6] > p.word_surprise[7] ? "gary\nlove\nquokkas" : "gary\nquokkas\nlove";
  CHECK(candidates(f.Graph({{"perceive", f.Cortex("perceive")}, {"episodic", episodic}}),
                   "cortex.db") == expected);
}

}  // namespace brainhost
