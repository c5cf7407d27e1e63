#include "brain/read_only_query.h"

#include <doctest/doctest.h>

#include "brain/schema.h"
#include "brain_test_util.h"

namespace brainhost {
namespace {

using test::MakeTurn;
using test::OpenBrain;
using test::TempDir;

// A brain with two turns in session "s" and a blob of state, closed again.
std::string MakeBrain(const TempDir& dir) {
  const std::string path = (dir / "brain.db");
  auto brain = OpenBrain(path);
  test::AddTurn(*brain, MakeTurn("s", 0, "on", "hippo", 10));
  test::AddTurn(*brain, MakeTurn("s", 1, "on", std::nullopt, 20));
  REQUIRE(brain->StatePut("hippo", "weights", std::string(12, '\0')).ok());
  return path;
}

TEST_CASE("QueryReadOnly returns the rows of the last statement with columns") {
  TempDir dir;
  const std::string path = MakeBrain(dir);
  QueryResult r;
  Status s = QueryReadOnly(path, "SELECT turn_index, region, reply FROM v_turns", &r);
  REQUIRE_MESSAGE(s.ok(), s.ToString());
  CHECK(r.columns == std::vector<std::string>{"turn_index", "region", "reply"});
  REQUIRE(r.rows.size() == 2);
  CHECK(r.rows[0] == std::vector<std::string>{"0", "hippo", "reply 0"});
  CHECK(r.rows[1] == std::vector<std::string>{"1", "NULL", "reply 1"});

  s = QueryReadOnly(path, "SELECT value, length(value) AS n FROM region_state", &r);
  REQUIRE(s.ok());
  REQUIRE(r.rows.size() == 1);
  CHECK(r.rows[0] == std::vector<std::string>{"<blob 12 bytes>", "12"});

  s = QueryReadOnly(path,
                    "-- comments and blank statements are fine\n"
                    "SELECT 1; ; PRAGMA foreign_keys = OFF; SELECT count(*) AS turns FROM turns; "
                    "/* trailing */",
                    &r);
  REQUIRE_MESSAGE(s.ok(), s.ToString());
  CHECK(r.columns == std::vector<std::string>{"turns"});
  CHECK(r.rows == std::vector<std::vector<std::string>>{{"2"}});

  s = QueryReadOnly(path, "SELECT * FROM turns WHERE 0", &r);
  REQUIRE(s.ok());
  CHECK(r.columns.size() == 10);
  CHECK(r.rows.empty());
}

TEST_CASE("QueryReadOnly refuses every statement that writes, before running anything") {
  TempDir dir;
  const std::string path = MakeBrain(dir);
  const std::string other = (dir / "other.db");
  const std::string before = test::ReadBytes(path);
  const std::vector<std::pair<std::string, std::string>> refused = {
      {"INSERT INTO sessions(id, started_at) VALUES ('x', 't')",
       "INSERT INTO sessions(id, started_at) VALUES ('x', 't')"},
      {"UPDATE turns SET reply = 'hacked'", "UPDATE turns SET reply = 'hacked'"},
      {"  DELETE FROM turns;  ", "DELETE FROM turns"},
      {"DROP TABLE turns", "DROP TABLE turns"},
      {"CREATE TABLE t(x)", "CREATE TABLE t(x)"},
      {"CREATE TEMP TABLE t(x)", "CREATE TEMP TABLE t(x)"},
      {"PRAGMA user_version=5", "PRAGMA user_version=5"},
      {"PRAGMA application_id = 7", "PRAGMA application_id = 7"},
      {"PRAGMA journal_mode=DELETE", "PRAGMA journal_mode=DELETE"},
      {"PRAGMA wal_checkpoint(TRUNCATE)", "PRAGMA wal_checkpoint(TRUNCATE)"},
      {"VACUUM", "VACUUM"},
      {"VACUUM INTO '" + other + "'", "VACUUM INTO '" + other + "'"},
      {"ANALYZE", "ANALYZE"},
      {"ATTACH '" + other + "' AS o", "ATTACH '" + other + "' AS o"},
      {"ATTACH 'file:" + other + "?mode=rwc' AS o", "ATTACH 'file:" + other + "?mode=rwc' AS o"},
      {"DETACH main", "DETACH main"},
      // The first statement is harmless but must not run either: the text is refused whole.
      {"SELECT count(*) FROM turns; DELETE FROM turns", "DELETE FROM turns"},
  };
  for (const auto& [sql, statement] : refused) {
    CAPTURE(sql);
    QueryResult r;
    r.columns = {"stale"};
    const Status s = QueryReadOnly(path, sql, &r);
    CHECK(s.IsInvalidArgument());
    CHECK(s.message() == "brainhost sql is read-only; refused: " + statement);
    CHECK(r.columns.empty());
    CHECK(r.rows.empty());
  }
  CHECK_FALSE(std::filesystem::exists(other));
  CHECK(test::ReadBytes(path) == before);
  auto brain = OpenBrain(path);
  CHECK(brain->SchemaVersion() == LatestSchemaVersion());
  CHECK(test::QueryInt(brain->handle(), "SELECT count(*) FROM turns") == 2);
  CHECK(test::QueryInt(brain->handle(), "PRAGMA application_id") == kBrainApplicationId);
  CHECK(test::QueryText(brain->handle(), "SELECT group_concat(reply) FROM turns") ==
        "reply 0,reply 1");
}

TEST_CASE("QueryReadOnly reads a brain that is open, seeing only committed turns") {
  TempDir dir;
  const std::string path = MakeBrain(dir);
  auto brain = OpenBrain(path);
  REQUIRE(brain->BeginTurn().ok());
  int64_t id = 0;
  REQUIRE(brain->RecordTurn(MakeTurn("s", 2, "on", "hippo", 5), &id).ok());
  QueryResult r;
  REQUIRE(QueryReadOnly(path, "SELECT count(*) FROM turns", &r).ok());
  CHECK(r.rows == std::vector<std::vector<std::string>>{{"2"}});
  REQUIRE(brain->CommitTurn().ok());
  REQUIRE(QueryReadOnly(path, "SELECT count(*) FROM turns", &r).ok());
  CHECK(r.rows == std::vector<std::vector<std::string>>{{"3"}});
}

TEST_CASE("QueryReadOnly errors") {
  TempDir dir;
  QueryResult r;
  const std::string missing = (dir / "missing.db");
  Status s = QueryReadOnly(missing, "SELECT 1", &r);
  CHECK(s.IsNotFound());
  CHECK(s.message() == "no brain at " + missing);
  CHECK_FALSE(std::filesystem::exists(missing));

  const std::string path = MakeBrain(dir);
  s = QueryReadOnly(path, "SELEKT 1", &r);
  CHECK(s.IsInvalidArgument());
  CHECK(s.message().find("syntax error") != std::string::npos);
  CHECK(QueryReadOnly(path, "SELECT * FROM no_such_table", &r).IsInvalidArgument());
  CHECK(QueryReadOnly(path, "  -- nothing\n", &r).IsInvalidArgument());
  CHECK(
      QueryReadOnly(path, std::string("SELECT 1;\0DELETE FROM turns", 27), &r).IsInvalidArgument());

  const std::string garbage = (dir / "garbage.db");
  test::WriteBytes(garbage, std::string(4096, 'g'));
  CHECK(QueryReadOnly(garbage, "SELECT 1 FROM sqlite_master", &r).IsCorruption());
}

TEST_CASE("FormatTable aligns by code points and counts rows") {
  QueryResult r;
  r.columns = {"city", "n"};
  r.rows = {{"Zürich", "1"}, {"Bern", "22"}};
  CHECK(FormatTable(r) ==
        "city    n\n"
        "------  --\n"
        "Zürich  1\n"
        "Bern    22\n"
        "(2 rows)\n");
  r.rows.pop_back();
  CHECK(FormatTable(r) ==
        "city    n\n"
        "------  -\n"
        "Zürich  1\n"
        "(1 row)\n");
  CHECK(FormatTable(QueryResult{}) == "(0 rows)\n");
}

}  // namespace
}  // namespace brainhost
