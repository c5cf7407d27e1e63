// Sessions over a real brain file: turns and region state are recorded and survive reopening.
#include <doctest/doctest.h>
#include <sqlite3.h>

#include "graph/experiment.h"
#include "graph/validate.h"
#include "test_paths.h"
#include "turn/session.h"

namespace brainhost {

namespace {

int64_t QueryInt(Brain& brain, const std::string& sql) {
  sqlite3_stmt* stmt = nullptr;
  REQUIRE(sqlite3_prepare_v2(brain.handle(), sql.c_str(), -1, &stmt, nullptr) == SQLITE_OK);
  REQUIRE(sqlite3_step(stmt) == SQLITE_ROW);
  int64_t value = sqlite3_column_int64(stmt, 0);
  sqlite3_finalize(stmt);
  return value;
}

struct Setup {
  Setup() {
    registry.Scan({TEST_PLUGIN_GOOD_DIR, BRAINHOST_PLUGIN_DIR});
    REQUIRE(LoadGraphConfig(std::string(TEST_DATA_DIR) + "/stateful.toml", &graph).ok());
    REQUIRE(ValidateGraph(graph, registry.regions()).ok());
  }
  PluginRegistry registry;
  GraphConfig graph;
  testing::TempDir dir;
};

std::string Say(Session& session, const std::string& text) {
  TurnResult result;
  REQUIRE(session.Say(text, &result).ok());
  return result.outcome.reply;
}

}  // namespace

TEST_CASE("each turn is recorded with its answering region, variant and latency") {
  Setup s;
  std::unique_ptr<Brain> brain;
  REQUIRE(Brain::Open(s.dir / "brain.db", &brain).ok());
  std::unique_ptr<Session> session;
  REQUIRE(Session::Start(s.graph, s.registry, brain.get(), "alpha", &session).ok());
  CHECK(Say(*session, "one") == "count 1");
  CHECK(Say(*session, "two") == "count 2");
  CHECK(QueryInt(*brain, "SELECT count(*) FROM turns WHERE session_id='alpha' AND "
                         "region='counter' AND latency_ms >= 0") == 2);
  CHECK(QueryInt(*brain, "SELECT max(turn_index) FROM turns") == 1);
  std::string expected = AssignVariant(*s.graph.experiment, "alpha").name;
  CHECK(QueryInt(*brain, "SELECT count(*) FROM turns WHERE variant='" + expected + "'") == 2);
  CHECK(QueryInt(*brain, "SELECT count(*) FROM sessions WHERE id='alpha' AND variant='" +
                             expected + "'") == 1);
}

TEST_CASE("region state and turns survive closing and reopening the brain") {
  Setup s;
  for (int run = 0; run < 3; ++run) {
    std::unique_ptr<Brain> brain;
    REQUIRE(Brain::Open(s.dir / "brain.db", &brain).ok());
    std::unique_ptr<Session> session;
    REQUIRE(Session::Start(s.graph, s.registry, brain.get(), "same", &session).ok());
    CHECK(Say(*session, "hi") == "count " + std::to_string(run + 1));
  }
  std::unique_ptr<Brain> brain;
  REQUIRE(Brain::Open(s.dir / "brain.db", &brain).ok());
  // A resumed session continues its numbering.
  CHECK(QueryInt(*brain, "SELECT group_concat(turn_index) = '0,1,2' FROM "
                         "(SELECT turn_index FROM turns ORDER BY id)") == 1);
  std::string value;
  REQUIRE(brain->StateGet("counter", "count", &value).ok());
  CHECK(value == "3");
}

}  // namespace brainhost

namespace brainhost {

namespace {

double Priority(Brain& brain, int64_t row) {
  sqlite3_stmt* stmt = nullptr;
  REQUIRE(sqlite3_prepare_v2(brain.handle(),
                             "SELECT priority FROM replay_buffer ORDER BY id LIMIT 1 OFFSET ?",
                             -1, &stmt, nullptr) == SQLITE_OK);
  sqlite3_bind_int64(stmt, 1, row);
  REQUIRE(sqlite3_step(stmt) == SQLITE_ROW);
  const double value = sqlite3_column_double(stmt, 0);
  sqlite3_finalize(stmt);
  return value;
}

}  // namespace

TEST_CASE("every turn fills the replay buffer, and marks and ratings move its priority") {
  Setup s;
  std::unique_ptr<Brain> brain;
  REQUIRE(Brain::Open(s.dir / "brain.db", &brain).ok());
  std::unique_ptr<Session> session;
  REQUIRE(Session::Start(s.graph, s.registry, brain.get(), "alpha", &session).ok());
  CHECK(session->Rate(true).IsNotFound());  // nothing to rate yet
  Say(*session, "one");
  CHECK(QueryInt(*brain, "SELECT count(*) FROM replay_buffer WHERE session_id = 'alpha' AND "
                         "text = 'U: one\nG: count 1\n' AND turn_id = (SELECT max(id) FROM "
                         "turns) AND consolidated_in IS NULL") == 1);
  CHECK(Priority(*brain, 0) == doctest::Approx(1.0));  // this graph has no cortex: no surprise
  Say(*session, "remember this: the ferry leaves at dawn");
  CHECK(Priority(*brain, 1) == doctest::Approx(3.0));
  Say(*session, "thanks, that's right");  // confirms the reply before it
  CHECK(Priority(*brain, 1) == doctest::Approx(4.0));
  CHECK(Priority(*brain, 2) == doctest::Approx(1.0));
  Say(*session, "no, that's not right");
  CHECK(Priority(*brain, 2) == doctest::Approx(1.0));
  REQUIRE(session->Rate(false).ok());
  CHECK(Priority(*brain, 3) == doctest::Approx(0.1));
  REQUIRE(session->Rate(true).ok());
  CHECK(Priority(*brain, 3) == doctest::Approx(1.1));
  CHECK(QueryInt(*brain, "SELECT count(*) FROM replay_buffer") == 4);
}

}  // namespace brainhost
