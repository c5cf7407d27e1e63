#include "brain/brain.h"

#include <doctest/doctest.h>
#include <signal.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cctype>
#include <chrono>
#include <ctime>

#include "brain_test_util.h"

namespace brainhost {
namespace {

using test::AddTurn;
using test::MakeTurn;
using test::OpenBrain;
using test::QueryInt;
using test::ReadBytes;
using test::TempDir;
using test::WriteBytes;

int64_t CountTurns(Brain& brain) { return QueryInt(brain.handle(), "SELECT count(*) FROM turns"); }

TEST_CASE("Open refuses what is not a brain and leaves it untouched") {
  TempDir dir;
  const std::string path = (dir / "brain.db");
  std::string bytes;
  SUBCASE("garbage") { bytes = "this is a text file, not a database\n" + std::string(5000, 'x'); }
  SUBCASE("shorter than the header") { bytes = "SQLite"; }
  SUBCASE("the SQLite magic followed by garbage") {
    bytes = std::string("SQLite format 3\0", 16) + std::string(4080, '\x7f');
  }
  WriteBytes(path, bytes);

  std::unique_ptr<Brain> brain;
  const Status s = Brain::Open(path, &brain);
  CHECK(s.IsCorruption());
  CHECK(s.message() == path + " is not a brainhost brain: file is not a database");
  CHECK(brain == nullptr);
  CHECK(ReadBytes(path) == bytes);
  CHECK_FALSE(std::filesystem::exists(path + "-wal"));
  CHECK_FALSE(std::filesystem::exists(path + "-journal"));
}

TEST_CASE("Open names the path when the directory is missing or the path is not a file") {
  TempDir dir;
  std::unique_ptr<Brain> brain;
  const std::string missing_dir = (dir / "nowhere");
  const std::string path = missing_dir + "/brain.db";
  Status s = Brain::Open(path, &brain);
  CHECK(s.IsIOError());
  CHECK(s.message() ==
        "cannot open brain " + path + ": directory " + missing_dir + " does not exist");
  CHECK_FALSE(std::filesystem::exists(missing_dir));

  s = Brain::Open(dir.path().string(), &brain);
  CHECK(s.IsIOError());
  CHECK(s.message() == "cannot open brain " + dir.path().string() + ": it is a directory");

  CHECK(Brain::Open("", &brain).IsInvalidArgument());
  CHECK(brain == nullptr);
}

TEST_CASE("Open of an empty file makes it a brain") {
  TempDir dir;
  const std::string path = (dir / "brain.db");
  WriteBytes(path, "");
  auto brain = OpenBrain(path);
  CHECK(brain->SchemaVersion() >= 1);
  CHECK(brain->path() == path);
}

TEST_CASE("Open refuses a read-only directory or file") {
  TempDir dir;
  const std::filesystem::path sub = dir.path() / "ro";
  std::filesystem::create_directory(sub);
  const std::string path = (sub / "brain.db").string();
  OpenBrain(path);  // exists, so the directory alone makes it unusable below
  REQUIRE(::chmod(sub.c_str(), 0555) == 0);
  if (!test::PermissionsEnforced(sub)) {
    MESSAGE("skipped: file permissions are not enforced for this user (root?)");
    return;
  }
  std::unique_ptr<Brain> brain;
  Status s = Brain::Open(path, &brain);
  CHECK(s.IsIOError());
  CHECK(s.message() ==
        "cannot open brain " + path + ": directory " + sub.string() + " is read-only");

  REQUIRE(::chmod(sub.c_str(), 0755) == 0);
  REQUIRE(::chmod(path.c_str(), 0444) == 0);
  s = Brain::Open(path, &brain);
  CHECK(s.IsIOError());
  CHECK(s.message() == "cannot open brain " + path + ": file is read-only");
  CHECK(brain == nullptr);
}

TEST_CASE("a committed turn persists across reopen with its events and state") {
  TempDir dir;
  const std::string path = (dir / "brain.db");
  {
    auto brain = OpenBrain(path);
    REQUIRE(brain->StartSession({"s1", "2025-01-01T00:00:00.000Z", "default.toml", "memory", "on"})
                .ok());
    CHECK(brain->NextTurnIndex("s1") == 0);
    REQUIRE(brain->BeginTurn().ok());
    CHECK(brain->in_turn());
    TurnRecord t = MakeTurn("s1", 0, "on", "hippo", 12.5);
    t.confidence = 0.9;
    int64_t id = 0;
    REQUIRE(brain->RecordTurn(t, &id).ok());
    REQUIRE(brain->RecordTurnEvent(id, "arith", "skipped", "").ok());
    REQUIRE(brain->RecordTurnEvent(id, "hippo", "answer", "recalled").ok());
    REQUIRE(brain->StatePut("hippo", "keys", std::string("\0\1\2", 3)).ok());
    REQUIRE(brain->CommitTurn().ok());
    CHECK_FALSE(brain->in_turn());
    CHECK(brain->NextTurnIndex("s1") == 1);
  }
  auto brain = OpenBrain(path);
  sqlite3* db = brain->handle();
  CHECK(CountTurns(*brain) == 1);
  CHECK(test::QueryText(db,
                        "SELECT region || ' ' || confidence || ' ' || variant || ' ' || "
                        "latency_ms FROM turns") == "hippo 0.9 on 12.5");
  CHECK(QueryInt(db, "SELECT count(*) FROM turn_events") == 2);
  CHECK(QueryInt(db, "SELECT count(*) FROM turn_events WHERE message IS NULL") == 1);
  CHECK(test::QueryText(db, "SELECT experiment FROM sessions") == "memory");
  std::string value;
  REQUIRE(brain->StateGet("hippo", "keys", &value).ok());
  CHECK(value == std::string("\0\1\2", 3));
  CHECK(brain->NextTurnIndex("s1") == 1);
}

TEST_CASE("ImportTurnLog gathers another brain's turn log, and refuses a session in both") {
  TempDir dir;
  const std::string chat_path = dir / "chat.db";
  {
    auto chat = OpenBrain(chat_path);
    AddTurn(*chat, MakeTurn("user-1", 0, "on", "hippo", 3.0));
    REQUIRE(chat->BeginTurn().ok());
    int64_t id = 0;
    REQUIRE(chat->RecordTurn(MakeTurn("user-1", 1, "on", "cortex", 4.0), &id).ok());
    REQUIRE(chat->RecordTurnEvent(id, "hippo", "skipped", "").ok());
    REQUIRE(chat->CommitTurn().ok());
    REQUIRE(chat->StatePut("episodic", "fact", "kept where it was").ok());
  }
  auto log = OpenBrain(dir / "log.db");
  AddTurn(*log, MakeTurn("user-0", 0, "off", "cortex", 5.0));
  REQUIRE(log->ImportTurnLog(chat_path).ok());
  sqlite3* db = log->handle();
  CHECK(CountTurns(*log) == 3);
  CHECK(test::QueryText(db, "SELECT group_concat(session_id || ':' || turn_index, ' ') FROM "
                            "(SELECT * FROM turns ORDER BY id)") == "user-0:0 user-1:0 user-1:1");
  CHECK(QueryInt(db, "SELECT count(*) FROM turn_events e JOIN turns t ON t.id = e.turn_id "
                     "WHERE t.session_id = 'user-1' AND t.turn_index = 1") == 1);
  std::string value;
  CHECK(log->StateGet("episodic", "fact", &value).IsNotFound());

  const Status again = log->ImportTurnLog(chat_path);
  CHECK(again.code() == Status::Code::kInvalidArgument);
  CHECK(again.message().find("sessions.id") != std::string::npos);
  CHECK(CountTurns(*log) == 3);  // nothing of the second import stays
  CHECK(log->ImportTurnLog(std::string(dir / "missing") + "/x.db").code() == Status::Code::kIOError);
}

TEST_CASE("RollbackTurn discards the turn and the state written inside it") {
  TempDir dir;
  auto brain = OpenBrain((dir / "brain.db"));
  REQUIRE(brain->StatePut("hippo", "before", "kept").ok());
  REQUIRE(brain->StartSession({"s", "2025-01-01T00:00:00.000Z", "", "", ""}).ok());
  REQUIRE(brain->BeginTurn().ok());
  int64_t id = 0;
  REQUIRE(brain->RecordTurn(MakeTurn("s", 0, "", std::nullopt, 1), &id).ok());
  REQUIRE(brain->RecordTurnEvent(id, "cortex", "error", "boom").ok());
  REQUIRE(brain->StatePut("hippo", "during", "lost").ok());
  REQUIRE(brain->StatePut("hippo", "before", "changed").ok());
  REQUIRE(brain->StateDelete("episodic", "anything").ok());
  std::string value;
  REQUIRE(brain->StateGet("hippo", "during", &value).ok());  // the turn sees its own writes
  CHECK(value == "lost");
  brain->RollbackTurn();
  CHECK_FALSE(brain->in_turn());

  CHECK(CountTurns(*brain) == 0);
  CHECK(QueryInt(brain->handle(), "SELECT count(*) FROM turn_events") == 0);
  CHECK(brain->StateGet("hippo", "during", &value).IsNotFound());
  REQUIRE(brain->StateGet("hippo", "before", &value).ok());
  CHECK(value == "kept");
  CHECK(brain->NextTurnIndex("s") == 0);
}

TEST_CASE("state inside a turn is invisible to other connections until the commit") {
  TempDir dir;
  const std::string path = (dir / "brain.db");
  auto writer = OpenBrain(path);
  auto reader = OpenBrain(path);
  REQUIRE(writer->BeginTurn().ok());
  REQUIRE(writer->StatePut("r", "k", "v").ok());
  std::string value;
  CHECK(reader->StateGet("r", "k", &value).IsNotFound());
  REQUIRE(writer->CommitTurn().ok());
  REQUIRE(reader->StateGet("r", "k", &value).ok());
  CHECK(value == "v");
}

TEST_CASE("each region's state is its own namespace") {
  TempDir dir;
  auto brain = OpenBrain((dir / "brain.db"));
  REQUIRE(brain->StatePut("hippo", "k", "h").ok());
  REQUIRE(brain->StatePut("episodic", "k", "e").ok());
  REQUIRE(brain->StatePut("hippo", "k", "h2").ok());  // replaces
  REQUIRE(brain->StatePut("hippo", "empty", "").ok());
  std::string value;
  REQUIRE(brain->StateGet("hippo", "k", &value).ok());
  CHECK(value == "h2");
  REQUIRE(brain->StateGet("episodic", "k", &value).ok());
  CHECK(value == "e");
  REQUIRE(brain->StateGet("hippo", "empty", &value).ok());
  CHECK(value.empty());

  REQUIRE(brain->StateDelete("hippo", "k").ok());
  CHECK(brain->StateGet("hippo", "k", &value).IsNotFound());
  REQUIRE(brain->StateGet("episodic", "k", &value).ok());
  CHECK(value == "e");
  CHECK(brain->StateDelete("hippo", "never-there").ok());
  CHECK(brain->StateGet("arith", "k", &value).IsNotFound());
  CHECK(brain->StatePut("", "k", "v").IsInvalidArgument());
}

TEST_CASE("RecordTurn refuses rule-breaking turns and the turn goes on") {
  TempDir dir;
  auto brain = OpenBrain((dir / "brain.db"));
  AddTurn(*brain, MakeTurn("s", 0, "", std::nullopt, 1));
  REQUIRE(brain->BeginTurn().ok());
  int64_t id = 0;
  Status s = brain->RecordTurn(MakeTurn("s", 0, "", std::nullopt, 1), &id);
  CHECK(s.IsInvalidArgument());
  CHECK(s.message().find("UNIQUE") != std::string::npos);
  CHECK(s.message().find("record turn 0 of session s") != std::string::npos);
  CHECK(brain->RecordTurn(MakeTurn("unknown", 0, "", std::nullopt, 1), &id).IsInvalidArgument());
  CHECK(brain->RecordTurn(MakeTurn("s", -1, "", std::nullopt, 1), &id).IsInvalidArgument());
  CHECK(brain->RecordTurn(MakeTurn("s", 1, "", std::nullopt, -5), &id).IsInvalidArgument());
  CHECK(brain->RecordTurnEvent(1, "cortex", "exploded", "").IsInvalidArgument());
  REQUIRE(
      brain->RecordTurn(MakeTurn("s", brain->NextTurnIndex("s"), "", std::nullopt, 1), &id).ok());
  REQUIRE(brain->CommitTurn().ok());
  CHECK(CountTurns(*brain) == 2);
  CHECK(QueryInt(brain->handle(),
                 "SELECT count(*) FROM turns WHERE region IS NULL AND "
                 "variant IS NULL AND confidence IS NULL") == 2);
}

TEST_CASE("StartSession keeps the first record of a session") {
  TempDir dir;
  auto brain = OpenBrain((dir / "brain.db"));
  REQUIRE(brain->StartSession({"s", "2025-01-01T00:00:00.000Z", "", "exp", "A"}).ok());
  REQUIRE(brain->StartSession({"s", "2025-02-02T00:00:00.000Z", "", "exp", "B"}).ok());
  CHECK(test::QueryText(brain->handle(), "SELECT variant || started_at FROM sessions") ==
        "A2025-01-01T00:00:00.000Z");
  CHECK(QueryInt(brain->handle(), "SELECT count(*) FROM sessions WHERE config IS NULL") == 1);
  CHECK(brain->StartSession({"", "t", "", "", ""}).IsInvalidArgument());
}

TEST_CASE("BeginTurn fails while another process holds the write lock") {
  TempDir dir;
  const std::string path = (dir / "brain.db");
  auto holder = OpenBrain(path);
  auto brain = OpenBrain(path);
  REQUIRE(holder->BeginTurn().ok());
  const auto start = std::chrono::steady_clock::now();
  const Status s = brain->BeginTurn();
  const auto waited = std::chrono::steady_clock::now() - start;
  CHECK(s.IsIOError());
  CHECK(s.message().find("locked") != std::string::npos);
  CHECK_FALSE(brain->in_turn());
  CHECK(waited >= std::chrono::seconds(4));  // it waited for the busy timeout first
  holder->RollbackTurn();
  REQUIRE(brain->BeginTurn().ok());
  brain->RollbackTurn();
}

// Dies the way kill -9 makes a process die: no destructors, no atexit, no flushing.
[[noreturn]] void DieByKill() {
  ::raise(SIGKILL);
  ::_exit(1);  // not reached
}

// Runs body, which must end in DieByKill(), in a child process and waits for its death.
template <typename F>
void RunKilledChild(F body) {
  const pid_t pid = ::fork();
  REQUIRE(pid >= 0);
  if (pid == 0) {
    body();
    ::_exit(1);  // body returned instead of dying
  }
  int status = 0;
  REQUIRE(::waitpid(pid, &status, 0) == pid);
  REQUIRE_MESSAGE(WIFSIGNALED(status), "child exited with status ", WEXITSTATUS(status));
  REQUIRE(WTERMSIG(status) == SIGKILL);
}

TEST_CASE("kill -9 keeps committed turns and loses the one in flight") {
  TempDir dir;
  const std::string path = (dir / "brain.db");
  OpenBrain(path);  // created and migrated before the fork; no connection crosses it
  RunKilledChild([&] {
    std::unique_ptr<Brain> brain;
    if (!Brain::Open(path, &brain).ok()) ::_exit(2);
    SessionRecord session{"s", Brain::NowIso8601(), "", "", ""};
    int64_t id = 0;
    bool ok = brain->StartSession(session).ok() && brain->BeginTurn().ok() &&
              brain->RecordTurn(MakeTurn("s", 0, "", "hippo", 1), &id).ok() &&
              brain->StatePut("hippo", "k", "committed").ok() && brain->CommitTurn().ok() &&
              brain->BeginTurn().ok() &&
              brain->RecordTurn(MakeTurn("s", 1, "", "hippo", 1), &id).ok() &&
              brain->StatePut("hippo", "k", "in flight").ok();
    if (!ok) ::_exit(3);
    DieByKill();  // with the brain open and the second turn in flight
  });
  CHECK(std::filesystem::exists(path + "-wal"));  // nobody checkpointed: recovery must run
  auto brain = OpenBrain(path);
  CHECK(CountTurns(*brain) == 1);
  CHECK(brain->NextTurnIndex("s") == 1);
  std::string value;
  REQUIRE(brain->StateGet("hippo", "k", &value).ok());
  CHECK(value == "committed");
  CHECK(QueryInt(brain->handle(),
                 "SELECT count(*) FROM pragma_integrity_check "
                 "WHERE integrity_check = 'ok'") == 1);
}

TEST_CASE("NowIso8601 is UTC with milliseconds") {
  const std::string now = Brain::NowIso8601();
  const std::string shape = "dddd-dd-ddTdd:dd:dd.dddZ";  // d: a digit
  REQUIRE(now.size() == shape.size());
  for (size_t i = 0; i < shape.size(); ++i) {
    CAPTURE(i);
    CHECK((shape[i] == 'd' ? std::isdigit(static_cast<unsigned char>(now[i])) != 0
                           : now[i] == shape[i]));
  }
  const std::time_t t = std::time(nullptr);
  std::tm utc{};
  REQUIRE(::gmtime_r(&t, &utc) != nullptr);
  CHECK(std::stoi(now.substr(0, 4)) == utc.tm_year + 1900);
  CHECK(Brain::NowIso8601() >= now);
}

}  // namespace
}  // namespace brainhost
