#include "brain/schema.h"

#include <doctest/doctest.h>

#include "brain/brain.h"
#include "brain_test_util.h"

namespace brainhost {
namespace {

using test::ExecOnFile;
using test::OpenBrain;
using test::QueryInt;
using test::QueryText;
using test::ReadBytes;
using test::TempDir;

// Every schema object, one line each, in a stable order.
std::string SchemaDump(sqlite3* db) {
  return QueryText(db,
                   "SELECT group_concat(type || ' ' || name || ': ' || COALESCE(sql, ''), "
                   "char(10)) FROM (SELECT * FROM sqlite_master ORDER BY type, name)");
}

int64_t Matches(sqlite3* db, const std::string& query) {
  return QueryInt(db, "SELECT count(*) FROM episodes_fts WHERE episodes_fts MATCH '" + query + "'");
}

TEST_CASE("a fresh brain has every table and view at the latest version") {
  TempDir dir;
  auto brain = OpenBrain((dir / "brain.db"));
  sqlite3* db = brain->handle();
  for (const char* table : {"sessions", "turns", "turn_events", "region_state", "episodes",
                            "episodes_fts", "replay_buffer", "cortex_versions", "sleep_history"}) {
    CAPTURE(table);
    CHECK(QueryInt(db, std::string("SELECT count(*) FROM sqlite_master WHERE type = 'table' "
                                   "AND name = '") +
                           table + "'") == 1);
  }
  for (const char* view : {"v_turns", "v_region_answers", "v_sessions", "v_region_errors"}) {
    CAPTURE(view);
    CHECK(QueryInt(db, std::string("SELECT count(*) FROM sqlite_master WHERE type = 'view' "
                                   "AND name = '") +
                           view + "'") == 1);
    // A view that names a missing column only fails when it is read.
    CHECK(QueryInt(db, std::string("SELECT count(*) FROM ") + view) == 0);
  }
  CHECK(QueryInt(db, "PRAGMA user_version") == LatestSchemaVersion());
  CHECK(brain->SchemaVersion() == LatestSchemaVersion());
  CHECK(QueryInt(db, "PRAGMA application_id") == kBrainApplicationId);
  CHECK(QueryText(db, "PRAGMA journal_mode") == "wal");
  CHECK(QueryInt(db, "PRAGMA synchronous") == 1);  // NORMAL
  CHECK(QueryInt(db, "PRAGMA foreign_keys") == 1);
  CHECK(QueryInt(db, "SELECT count(*) FROM pragma_integrity_check WHERE integrity_check = 'ok'") ==
        1);
}

TEST_CASE("reopening a brain changes nothing") {
  TempDir dir;
  const std::string path = (dir / "brain.db");
  std::string before;
  {
    auto brain = OpenBrain(path);
    before = SchemaDump(brain->handle());
  }
  for (int i = 0; i < 2; ++i) {
    auto brain = OpenBrain(path);
    CHECK(SchemaDump(brain->handle()) == before);
    CHECK(brain->SchemaVersion() == LatestSchemaVersion());
  }
}

TEST_CASE("a brain from a newer brainhost is refused and left alone") {
  TempDir dir;
  const std::string path = (dir / "brain.db");
  OpenBrain(path);
  const int newer = LatestSchemaVersion() + 1;
  ExecOnFile(path, "PRAGMA user_version = " + std::to_string(newer));
  const std::string bytes = ReadBytes(path);

  std::unique_ptr<Brain> brain;
  const Status s = Brain::Open(path, &brain);
  CHECK(s.IsNotSupported());
  CHECK(s.message() == path + ": brain schema version " + std::to_string(newer) +
                           " is newer than this brainhost (knows " +
                           std::to_string(LatestSchemaVersion()) + "); upgrade brainhost");
  CHECK(brain == nullptr);
  CHECK(ReadBytes(path) == bytes);
}

TEST_CASE("another program's SQLite database is not taken over") {
  TempDir dir;
  const std::string path = (dir / "other.db");
  SUBCASE("no application_id") {
    ExecOnFile(path, "CREATE TABLE notes(x); INSERT INTO notes VALUES (1)");
  }
  SUBCASE("a different application_id") { ExecOnFile(path, "PRAGMA application_id = 1234"); }
  const std::string bytes = ReadBytes(path);

  std::unique_ptr<Brain> brain;
  const Status s = Brain::Open(path, &brain);
  CHECK(s.IsCorruption());
  CHECK(s.message().rfind(path + " is not a brainhost brain: ", 0) == 0);
  CHECK(ReadBytes(path) == bytes);  // still in its own journal mode, not switched to WAL
  CHECK_FALSE(std::filesystem::exists(path + "-wal"));
}

TEST_CASE("episodes_fts follows episodes through insert, update and delete") {
  TempDir dir;
  auto brain = OpenBrain((dir / "brain.db"));
  sqlite3* db = brain->handle();
  REQUIRE(sqlite3_exec(db,
                       "INSERT INTO episodes(id, created_at, subject, relation, value, cue, text) "
                       "VALUES (1, '2025-01-01T00:00:00.000Z', 'dog', 'name', 'Buddy', "
                       "'dog name', 'my dog is named Buddy')",
                       nullptr, nullptr, nullptr) == SQLITE_OK);
  CHECK(Matches(db, "buddy") == 1);
  CHECK(Matches(db, "cue:dog") == 1);
  CHECK(Matches(db, "rex") == 0);

  REQUIRE(sqlite3_exec(db, "UPDATE episodes SET text = 'my dog is named Rex' WHERE id = 1", nullptr,
                       nullptr, nullptr) == SQLITE_OK);
  CHECK(Matches(db, "buddy") == 0);
  CHECK(Matches(db, "rex") == 1);

  // Superseding touches no indexed column; the row must stay findable. An episode that
  // supersedes another cannot be deleted before it (foreign key).
  REQUIRE(sqlite3_exec(db,
                       "INSERT INTO episodes(id, created_at, text) VALUES (2, "
                       "'2025-01-02T00:00:00.000Z', 'my dog is named Max');"
                       "UPDATE episodes SET superseded_by = 2 WHERE id = 1",
                       nullptr, nullptr, nullptr) == SQLITE_OK);
  CHECK(Matches(db, "rex") == 1);
  CHECK(Matches(db, "dog") == 2);

  CHECK(sqlite3_exec(db, "DELETE FROM episodes WHERE id = 2", nullptr, nullptr, nullptr) ==
        SQLITE_CONSTRAINT_FOREIGNKEY);
  REQUIRE(sqlite3_exec(db, "DELETE FROM episodes WHERE id = 1; DELETE FROM episodes WHERE id = 2",
                       nullptr, nullptr, nullptr) == SQLITE_OK);
  CHECK(Matches(db, "rex") == 0);
  CHECK(Matches(db, "dog") == 0);
  // FTS5's own check that the index matches the content table exactly.
  CHECK(sqlite3_exec(db,
                     "INSERT INTO episodes_fts(episodes_fts, rank) VALUES ('integrity-check', 1)",
                     nullptr, nullptr, nullptr) == SQLITE_OK);
}

TEST_CASE("at most one cortex version is active") {
  TempDir dir;
  auto brain = OpenBrain((dir / "brain.db"));
  sqlite3* db = brain->handle();
  const char* insert = "INSERT INTO cortex_versions(version, created_at, active) VALUES ";
  REQUIRE(sqlite3_exec(db, (std::string(insert) + "(1, 't', 1), (2, 't', 0)").c_str(), nullptr,
                       nullptr, nullptr) == SQLITE_OK);
  // The Brain's connection reports extended result codes.
  CHECK(sqlite3_exec(db, (std::string(insert) + "(3, 't', 1)").c_str(), nullptr, nullptr,
                     nullptr) == SQLITE_CONSTRAINT_UNIQUE);
  CHECK(sqlite3_exec(db, (std::string(insert) + "(3, 't', 2)").c_str(), nullptr, nullptr,
                     nullptr) == SQLITE_CONSTRAINT_CHECK);  // active is 0 or 1
  // Switching the active version inside one transaction keeps the invariant throughout.
  CHECK(sqlite3_exec(db,
                     "BEGIN; UPDATE cortex_versions SET active = 0 WHERE active = 1;"
                     "UPDATE cortex_versions SET active = 1 WHERE version = 2; COMMIT",
                     nullptr, nullptr, nullptr) == SQLITE_OK);
  CHECK(QueryInt(db, "SELECT version FROM cortex_versions WHERE active = 1") == 2);
  CHECK(QueryInt(db, "SELECT count(*) FROM cortex_versions") == 2);
}

TEST_CASE("turn events go with their turn") {
  TempDir dir;
  auto brain = OpenBrain((dir / "brain.db"));
  const int64_t id = test::AddTurn(*brain, test::MakeTurn("s", 0, "", "hippo", 3));
  REQUIRE(brain->BeginTurn().ok());
  REQUIRE(brain->RecordTurnEvent(id, "cortex", "error", "timed out").ok());
  REQUIRE(brain->CommitTurn().ok());
  sqlite3* db = brain->handle();
  CHECK(QueryInt(db, "SELECT count(*) FROM turn_events") == 1);
  REQUIRE(sqlite3_exec(db, "DELETE FROM turns", nullptr, nullptr, nullptr) == SQLITE_OK);
  CHECK(QueryInt(db, "SELECT count(*) FROM turn_events") == 0);
}

TEST_CASE("the views summarize turns") {
  TempDir dir;
  auto brain = OpenBrain((dir / "brain.db"));
  sqlite3* db = brain->handle();
  test::AddTurn(*brain, test::MakeTurn("a", 0, "on", "hippo", 10));
  test::AddTurn(*brain, test::MakeTurn("a", 1, "on", "hippo", 20));
  test::AddTurn(*brain, test::MakeTurn("a", 2, "on", std::nullopt, 30));
  const int64_t id = test::AddTurn(*brain, test::MakeTurn("b", 0, "off", "cortex", 40));
  REQUIRE(brain->BeginTurn().ok());
  REQUIRE(brain->RecordTurnEvent(id, "hippo", "error", "no hidden states").ok());
  REQUIRE(brain->RecordTurnEvent(id, "cortex", "answer", "").ok());
  REQUIRE(brain->CommitTurn().ok());

  CHECK(QueryInt(db, "SELECT count(*) FROM v_turns") == 4);
  CHECK(QueryText(db, "SELECT reply FROM v_turns WHERE session_id = 'a' AND turn_index = 2") ==
        "reply 2");
  CHECK(QueryText(db,
                  "SELECT share FROM v_region_answers WHERE variant = 'on' AND "
                  "region = 'hippo'") == "0.6667");
  CHECK(QueryText(db,
                  "SELECT region FROM v_region_answers WHERE variant = 'on' AND "
                  "share < 0.5") == "(none)");
  CHECK(QueryText(db,
                  "SELECT avg_latency_ms FROM v_region_answers WHERE variant = 'on' AND "
                  "region = 'hippo'") == "15.0");
  CHECK(QueryInt(db, "SELECT turns FROM v_sessions WHERE session_id = 'a'") == 3);
  CHECK(
      QueryInt(db, "SELECT first_turn_at <= last_turn_at FROM v_sessions WHERE session_id = 'a'") ==
      1);
  CHECK(QueryInt(db, "SELECT count(*) FROM v_region_errors") == 1);
  CHECK(QueryText(db,
                  "SELECT region || ': ' || message || ' / ' || user_text FROM v_region_errors") ==
        "hippo: no hidden states / line 0");
}

}  // namespace
}  // namespace brainhost
