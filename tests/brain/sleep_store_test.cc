// What a sleep writes to the brain (brain/sleep_store.h) and the replay buffer it drains
// (brain/replay_store.h): one transaction per sleep, lineage per row, rollback.
#include <doctest/doctest.h>

#include <string>
#include <vector>

#include "brain/brain.h"
#include "brain/cortex_store.h"
#include "brain/episode_store.h"
#include "brain/replay_store.h"
#include "brain/sleep_store.h"
#include "brain_test_util.h"

namespace brainhost {

namespace {

using test::QueryInt;

struct Fixture {
  Fixture() {
    REQUIRE(Brain::Open((dir / "brain.db"), &brain).ok());
    int64_t version = 0;
    REQUIRE(CortexStore(brain.get()).InstallFirst("v1 bytes", "shipped", &version).ok());
  }
  // Three pending rows of one session, ids returned.
  std::vector<int64_t> AddRows() {
    ReplayStore replay(brain.get());
    std::vector<int64_t> ids;
    for (int i = 0; i < 3; i++) {
      int64_t id = 0;
      REQUIRE(replay.Add({0, "s1", 10 + i, "U: line " + std::to_string(i) + "\nG: ok\n", 1.0 + i},
                         &id)
                  .ok());
      ids.push_back(id);
    }
    return ids;
  }
  SleepRecord Record() const {
    SleepRecord r;
    r.started_at = "2026-11-24T00:00:00.000Z";
    r.finished_at = "2026-11-24T00:00:09.000Z";
    r.version_before = 1;
    r.mode = "both";
    r.tokens = 4096;
    r.seconds = 9;
    r.new_loss_before = 3.5, r.new_loss_after = 2.0;
    r.base_ppl_before = 2.09, r.base_ppl_after = 2.11;
    r.fact_loss_before = 5.0, r.fact_loss_after = 4.0;
    return r;
  }
  test::TempDir dir;
  std::unique_ptr<Brain> brain;
};

}  // namespace

TEST_CASE("replay rows: pending oldest first, adjusted, the session's last found") {
  Fixture f;
  const std::vector<int64_t> ids = f.AddRows();
  ReplayStore replay(f.brain.get());
  std::vector<ReplayRow> pending;
  REQUIRE(replay.Pending(&pending).ok());
  REQUIRE(pending.size() == 3);
  CHECK(pending[0].id == ids[0]);
  CHECK(pending[2].text == "U: line 2\nG: ok\n");
  CHECK(pending[1].priority == doctest::Approx(2.0));
  int64_t last = 0;
  REQUIRE(replay.Last("s1", &last).ok());
  CHECK(last == ids[2]);
  REQUIRE(replay.Last("s2", &last).ok());
  CHECK(last == 0);
  REQUIRE(replay.Adjust(ids[2], 0.1, 0.0).ok());
  REQUIRE(replay.Adjust(ids[0], 1.0, 1.0).ok());
  REQUIRE(replay.Pending(&pending).ok());
  CHECK(pending[2].priority == doctest::Approx(0.3));
  CHECK(pending[0].priority == doctest::Approx(2.0));
  CHECK(replay.Adjust(9999, 1.0, 1.0).IsNotFound());
}

TEST_CASE("an accepted sleep: a new active version, its history and lineage, together") {
  Fixture f;
  const std::vector<int64_t> ids = f.AddRows();
  SleepStore sleep(f.brain.get());
  int64_t version = 0;
  REQUIRE(sleep.Accept(f.Record(), "v2 bytes", {ids[0], ids[1]}, &version).ok());
  CHECK(version == 2);
  sqlite3* db = f.brain->handle();
  CHECK(QueryInt(db, "SELECT version FROM cortex_versions WHERE active = 1") == 2);
  CHECK(QueryInt(db, "SELECT parent_version FROM cortex_versions WHERE version = 2") == 1);
  CHECK(QueryInt(db, "SELECT count(*) FROM sleep_history WHERE status = 'accepted' "
                     "AND version_after = 2 AND fact_loss_after = 4.0") == 1);
  CHECK(QueryInt(db, "SELECT count(*) FROM sleep_replay") == 2);
  CHECK(QueryInt(db, "SELECT count(*) FROM replay_buffer WHERE consolidated_in = 2") == 2);
  std::vector<ReplayRow> pending;
  REQUIRE(ReplayStore(f.brain.get()).Pending(&pending).ok());
  REQUIRE(pending.size() == 1);
  CHECK(pending[0].id == ids[2]);

  std::vector<VersionInfo> versions;
  REQUIRE(sleep.Versions(&versions).ok());
  REQUIRE(versions.size() == 2);
  CHECK_FALSE(versions[0].sleep.has_value());
  CHECK_FALSE(versions[0].active);
  CHECK(versions[1].active);
  REQUIRE(versions[1].sleep.has_value());
  CHECK(versions[1].sleep->mode == "both");
  CHECK(versions[1].sleep->base_ppl_after == doctest::Approx(2.11));
  CHECK(versions[1].replay_rows == 2);
  CHECK(QueryInt(db, "SELECT count(*) FROM v_lineage WHERE learnt_by = 2") == 2);
}

TEST_CASE("a rejected sleep keeps the version and the rows, and says which rows it tried") {
  Fixture f;
  const std::vector<int64_t> ids = f.AddRows();
  SleepRecord r = f.Record();
  r.message = "base perplexity rose 5.0%";
  REQUIRE(SleepStore(f.brain.get()).Reject(r, ids).ok());
  sqlite3* db = f.brain->handle();
  CHECK(QueryInt(db, "SELECT version FROM cortex_versions WHERE active = 1") == 1);
  CHECK(QueryInt(db, "SELECT count(*) FROM cortex_versions") == 1);
  CHECK(QueryInt(db, "SELECT count(*) FROM sleep_history WHERE status = 'rejected' "
                     "AND version_after IS NULL") == 1);
  CHECK(QueryInt(db, "SELECT count(*) FROM sleep_replay") == 3);
  CHECK(QueryInt(db, "SELECT count(*) FROM replay_buffer WHERE consolidated_in IS NULL") == 3);
}

TEST_CASE("a sleep whose starting version is no longer active stores nothing") {
  Fixture f;
  const std::vector<int64_t> ids = f.AddRows();
  SleepStore sleep(f.brain.get());
  int64_t version = 0;
  REQUIRE(sleep.Accept(f.Record(), "v2 bytes", {ids[0]}, &version).ok());
  // A second sleep that also started from version 1 finishes after the first.
  const Status s = sleep.Accept(f.Record(), "v3 bytes", {ids[1]}, &version);
  CHECK(s.IsIOError());
  sqlite3* db = f.brain->handle();
  CHECK(QueryInt(db, "SELECT count(*) FROM cortex_versions") == 2);
  CHECK(QueryInt(db, "SELECT count(*) FROM sleep_history") == 1);
  CHECK(QueryInt(db, "SELECT count(*) FROM replay_buffer WHERE consolidated_in IS NULL") == 2);
}

TEST_CASE("rollback makes an earlier version active, and forward again") {
  Fixture f;
  const std::vector<int64_t> ids = f.AddRows();
  SleepStore sleep(f.brain.get());
  int64_t version = 0;
  REQUIRE(sleep.Accept(f.Record(), "v2 bytes", ids, &version).ok());
  REQUIRE(sleep.Activate(1).ok());
  std::string weights;
  REQUIRE(CortexStore(f.brain.get()).Active(&version, &weights).ok());
  CHECK(version == 1);
  CHECK(weights == "v1 bytes");
  REQUIRE(sleep.Activate(2).ok());
  REQUIRE(CortexStore(f.brain.get()).Active(&version, &weights).ok());
  CHECK(weights == "v2 bytes");
  CHECK(sleep.Activate(7).IsNotFound());
  CHECK(QueryInt(f.brain->handle(), "SELECT version FROM cortex_versions WHERE active = 1") == 2);
}

TEST_CASE("a fact's lineage: the versions that learnt it, until it is forgotten") {
  Fixture f;
  const std::vector<int64_t> ids = f.AddRows();  // turns 10, 11, 12
  EpisodeStore episodes(f.brain.get());
  EpisodeRecord fact;
  fact.subject = "user";
  fact.relation = "name";
  fact.value = "Oskel";
  fact.text = "line 0";
  int64_t episode = 0;
  REQUIRE(episodes.Insert(fact, &episode).ok());
  REQUIRE(episodes.AttachToTurn({episode}, 10).ok());
  std::vector<int64_t> versions = {99};
  REQUIRE(episodes.LearntBy(episode, &versions).ok());
  CHECK(versions.empty());  // pending: no version learnt it yet
  int64_t version = 0;
  REQUIRE(SleepStore(f.brain.get()).Accept(f.Record(), "v2", ids, &version).ok());
  REQUIRE(episodes.LearntBy(episode, &versions).ok());
  CHECK(versions == std::vector<int64_t>{2});
  REQUIRE(episodes.Forget(episode).ok());
  CHECK(QueryInt(f.brain->handle(), "SELECT count(*) FROM replay_buffer WHERE turn_id = 10") == 0);
  CHECK(QueryInt(f.brain->handle(), "SELECT count(*) FROM sleep_replay") == 2);
  REQUIRE(episodes.LearntBy(episode, &versions).ok());
  CHECK(versions.empty());
}

}  // namespace brainhost
