// The cortex's weight versions in the brain: the first install, its once-only rule, its
// transaction inside and outside a turn; and the recent turns the conversation extension reads.
#include <doctest/doctest.h>

#include <string>
#include <vector>

#include "brain/brain.h"
#include "brain/cortex_store.h"
#include "brain_test_util.h"

namespace brainhost {

namespace {

using test::QueryInt;
using test::QueryText;

struct Fixture {
  Fixture() { REQUIRE(Brain::Open((dir / "brain.db"), &brain).ok()); }
  test::TempDir dir;
  std::unique_ptr<Brain> brain;
};

}  // namespace

TEST_CASE("a new brain has no active cortex version") {
  Fixture f;
  CortexStore store(f.brain.get());
  int64_t version = -1;
  std::string weights;
  CHECK(store.Active(&version, &weights).IsNotFound());
  CHECK(version == -1);
}

TEST_CASE("the first weights become version 1, active, once") {
  Fixture f;
  CortexStore store(f.brain.get());
  const std::string blob("BHCORTEX\0\1\2\3", 12);  // opaque bytes, NULs included
  int64_t version = 0;
  REQUIRE(store.InstallFirst(blob, "installed from models/cortex/cortex.bin", &version).ok());
  CHECK(version == 1);
  std::string weights;
  version = 0;
  REQUIRE(store.Active(&version, &weights).ok());
  CHECK(version == 1);
  CHECK(weights == blob);
  CHECK(QueryText(f.brain->handle(), "SELECT note FROM cortex_versions") ==
        "installed from models/cortex/cortex.bin");
  CHECK(QueryInt(f.brain->handle(), "SELECT parent_version IS NULL AND active = 1 "
                                    "AND created_at LIKE '20%Z' FROM cortex_versions") == 1);

  // A second install, from this connection or another, stores nothing and reports version 1.
  REQUIRE(store.InstallFirst("other bytes", "again", &version).ok());
  CHECK(version == 1);
  std::unique_ptr<Brain> other;
  REQUIRE(Brain::Open((f.dir / "brain.db"), &other).ok());
  version = 0;
  REQUIRE(CortexStore(other.get()).InstallFirst("third", "", &version).ok());
  CHECK(version == 1);
  CHECK(QueryInt(f.brain->handle(), "SELECT count(*) FROM cortex_versions") == 1);
  REQUIRE(store.Active(&version, &weights).ok());
  CHECK(weights == blob);
  CHECK(store.InstallFirst("", "empty", &version).IsInvalidArgument());
}

TEST_CASE("versions without an active one are reported, not replaced") {
  Fixture f;
  REQUIRE(sqlite3_exec(f.brain->handle(),
                       "INSERT INTO cortex_versions (version, created_at, active, weights) "
                       "VALUES (1, '2025-01-01T00:00:00.000Z', 0, x'00'), "
                       "(2, '2025-01-02T00:00:00.000Z', 0, x'01')",
                       nullptr, nullptr, nullptr) == SQLITE_OK);
  CortexStore store(f.brain.get());
  int64_t version = 0;
  CHECK(store.InstallFirst("new", "", &version).IsNotFound());
  CHECK(QueryInt(f.brain->handle(), "SELECT count(*) FROM cortex_versions") == 2);
  // No transaction is left open behind the failure.
  CHECK(sqlite3_get_autocommit(f.brain->handle()) != 0);
}

TEST_CASE("inside a turn the install is part of the turn's transaction") {
  Fixture f;
  CortexStore store(f.brain.get());
  int64_t version = 0;
  REQUIRE(f.brain->BeginTurn().ok());
  REQUIRE(store.InstallFirst("bytes", "in a turn", &version).ok());
  CHECK(version == 1);
  f.brain->RollbackTurn();
  CHECK(QueryInt(f.brain->handle(), "SELECT count(*) FROM cortex_versions") == 0);

  REQUIRE(f.brain->BeginTurn().ok());
  REQUIRE(store.InstallFirst("bytes", "in a turn", &version).ok());
  REQUIRE(f.brain->CommitTurn().ok());
  CHECK(QueryInt(f.brain->handle(), "SELECT count(*) FROM cortex_versions") == 1);
}

TEST_CASE("the recent turns of a session come oldest first, at most limit") {
  Fixture f;
  for (const char* id : {"a", "b"}) {
    REQUIRE(f.brain->StartSession({id, Brain::NowIso8601(), "", "", ""}).ok());
  }
  for (int i = 0; i < 5; ++i) {
    REQUIRE(f.brain->BeginTurn().ok());
    int64_t id = 0;
    REQUIRE(f.brain->RecordTurn({"a", i, Brain::NowIso8601(), "say " + std::to_string(i),
                                 "reply " + std::to_string(i), {}, {}, "", 1.0},
                                &id)
                .ok());
    REQUIRE(f.brain->RecordTurn({"b", i, Brain::NowIso8601(), "other", "other", {}, {}, "", 1.0},
                                &id)
                .ok());
    REQUIRE(f.brain->CommitTurn().ok());
  }
  std::vector<TurnRecord> turns;
  REQUIRE(f.brain->RecentTurns("a", 3, &turns).ok());
  REQUIRE(turns.size() == 3);
  for (int i = 0; i < 3; ++i) {
    CHECK(turns[i].turn_index == i + 2);
    CHECK(turns[i].user_text == "say " + std::to_string(i + 2));
    CHECK(turns[i].reply == "reply " + std::to_string(i + 2));
  }
  REQUIRE(f.brain->RecentTurns("a", 0, &turns).ok());
  CHECK(turns.empty());
  REQUIRE(f.brain->RecentTurns("nobody", 10, &turns).ok());
  CHECK(turns.empty());
}

}  // namespace brainhost
