// The declarative memory over SQLite: search, history, and forgetting everywhere.
#include <doctest/doctest.h>

#include "brain/brain.h"
#include "brain/episode_store.h"
#include "brain_test_util.h"

namespace brainhost {

namespace {

using test::QueryInt;
using test::QueryText;

EpisodeRecord Fact(const std::string& subject, const std::string& relation,
                   const std::string& value, const std::string& text) {
  EpisodeRecord e;
  e.session_id = "s";
  e.region = "episodic";
  e.subject = subject;
  e.relation = relation;
  e.value = value;
  e.candidates = value;
  e.text = text;
  e.cue = text;
  return e;
}

struct Fixture {
  Fixture() {
    REQUIRE(Brain::Open((dir / "brain.db"), &brain).ok());
    REQUIRE(brain->StartSession({"s", Brain::NowIso8601(), "", "", ""}).ok());
    store = std::make_unique<EpisodeStore>(brain.get());
  }
  // Records a turn saying `text` and returns its id.
  int64_t Turn(int64_t index, const std::string& text) {
    REQUIRE(brain->BeginTurn().ok());
    int64_t id = 0;
    REQUIRE(brain->RecordTurn({"s", index, Brain::NowIso8601(), text, "ok", {}, {}, "", 1.0}, &id)
                .ok());
    REQUIRE(brain->CommitTurn().ok());
    return id;
  }
  test::TempDir dir;
  std::unique_ptr<Brain> brain;
  std::unique_ptr<EpisodeStore> store;
};

}  // namespace

TEST_CASE("search finds current episodes by any term, newest first, and treats text as literal") {
  Fixture f;
  int64_t a = 0, b = 0, c = 0;
  REQUIRE(f.store->Insert(Fact("user.dog", "name", "Buddy", "my dog is named buddy"), &a).ok());
  REQUIRE(f.store->Insert(Fact("user", "job", "nurse", "i work as a nurse"), &b).ok());
  REQUIRE(f.store->Insert(Fact("user.dog", "name", "Max", "my dog is named max now"), &c).ok());
  REQUIRE(f.store->Supersede(a, c).ok());

  std::vector<EpisodeRecord> found;
  REQUIRE(f.store->Search({"dog", "nurse"}, 10, &found).ok());
  REQUIRE(found.size() == 2);
  CHECK(found[0].value == "Max");  // newest first; Buddy is superseded
  CHECK(found[1].value == "nurse");
  CHECK(found[0].region == "episodic");
  // An ISO-8601 UTC time with milliseconds, as every other table keeps.
  const std::string& at = found[0].created_at;
  REQUIRE(at.size() == 24);
  CHECK(at.substr(0, 2) == "20");
  CHECK(at[10] == 'T');
  CHECK(at.back() == 'Z');

  // FTS syntax and SQL in user text are plain words.
  for (const char* hostile : {"NOT", "\"", "robert'); DROP TABLE episodes;--", "a*", "NEAR(x y)"}) {
    REQUIRE(f.store->Search({hostile}, 10, &found).ok());
  }
  CHECK(QueryInt(f.brain->handle(), "SELECT count(*) FROM episodes") == 3);
  REQUIRE(f.store->Search({}, 10, &found).ok());
  CHECK(found.empty());
}

TEST_CASE("find returns the current value or the whole history") {
  Fixture f;
  int64_t gary = 0, garrett = 0, gareth = 0;
  REQUIRE(f.store->Insert(Fact("user", "name", "Gary", "my name is gary"), &gary).ok());
  REQUIRE(f.store->Insert(Fact("user", "name", "Garrett", "no wait it's garrett"), &garrett).ok());
  REQUIRE(f.store->Supersede(gary, garrett).ok());
  REQUIRE(f.store->Insert(Fact("user", "name", "Gareth", "actually gareth"), &gareth).ok());
  REQUIRE(f.store->Supersede(garrett, gareth).ok());
  std::vector<EpisodeRecord> current, history;
  REQUIRE(f.store->Find("user", "name", false, &current).ok());
  REQUIRE(current.size() == 1);
  CHECK(current[0].value == "Gareth");
  REQUIRE(f.store->Find("user", "name", true, &history).ok());
  REQUIRE(history.size() == 3);
  CHECK(history[2].superseded_by == garrett);
  CHECK(QueryText(f.brain->handle(),
                  "SELECT group_concat(value || '>' || ifnull(replaced_by, '-'), ' ') FROM "
                  "v_fact_history") == "Gary>Garrett Garrett>Gareth Gareth>-");
  CHECK(f.store->Supersede(gary, 999).IsNotFound());
}

TEST_CASE("forget removes the fact, its history, its index entries, replay copies and words") {
  Fixture f;
  int64_t t1 = f.Turn(0, "my cat is named luna");
  int64_t t2 = f.Turn(1, "actually my cat is named nova");
  int64_t keep_turn = f.Turn(2, "i live in zürich");
  int64_t luna = 0, nova = 0, zurich = 0;
  REQUIRE(f.store->Insert(Fact("user.cat", "name", "Luna", "my cat is named luna"), &luna).ok());
  REQUIRE(f.store->Insert(Fact("user.cat", "name", "Nova", "actually my cat is named nova"), &nova)
              .ok());
  REQUIRE(f.store->Insert(Fact("user", "home", "Zürich", "i live in zürich"), &zurich).ok());
  REQUIRE(f.store->Supersede(luna, nova).ok());
  REQUIRE(f.store->AttachToTurn({luna}, t1).ok());
  REQUIRE(f.store->AttachToTurn({nova}, t2).ok());
  REQUIRE(f.store->AttachToTurn({zurich}, keep_turn).ok());
  sqlite3* db = f.brain->handle();
  // One copy found by its turn, one by its text alone, one that must stay.
  const std::string replay = "INSERT INTO replay_buffer (turn_id, text, created_at) VALUES (" +
                             std::to_string(t1) + ", 'my cat is named luna', 'x'), (NULL, "
                             "'actually my cat is named nova', 'x'), (" +
                             std::to_string(keep_turn) + ", 'i live in zürich', 'x')";
  REQUIRE(sqlite3_exec(db, replay.c_str(), nullptr, nullptr, nullptr) == SQLITE_OK);
  REQUIRE(f.store->RecordTrace(t2, {"episodic", "episodic", nova, 0.9, 0.5, 1, 0.2, 0.1}).ok());

  REQUIRE(f.store->Forget(luna).ok());  // the oldest of the chain takes the newest with it
  CHECK(QueryInt(db, "SELECT count(*) FROM episodes WHERE subject = 'user.cat'") == 0);
  CHECK(QueryInt(db, "SELECT count(*) FROM episodes_fts WHERE episodes_fts MATCH 'luna OR nova'") ==
        0);
  CHECK(QueryInt(db, "SELECT count(*) FROM replay_buffer") == 1);
  CHECK(QueryText(db, "SELECT text FROM replay_buffer") == "i live in zürich");
  CHECK(QueryInt(db, "SELECT count(*) FROM turns WHERE user_text LIKE '%luna%' OR user_text "
                     "LIKE '%nova%'") == 0);
  CHECK(QueryInt(db, "SELECT count(*) FROM retrieval_trace WHERE episode_id IS NULL") == 1);
  // The unrelated fact is untouched.
  std::vector<EpisodeRecord> found;
  REQUIRE(f.store->Search({"zürich"}, 5, &found).ok());
  CHECK(found.size() == 1);
  CHECK(f.store->Forget(luna).IsNotFound());
  CHECK(QueryText(db, "PRAGMA integrity_check") == "ok");
  CHECK(sqlite3_exec(db, "INSERT INTO episodes_fts(episodes_fts) VALUES ('integrity-check')",
                     nullptr, nullptr, nullptr) == SQLITE_OK);
}

}  // namespace brainhost
