// kill -9 in the middle of a turn: the brain stays sound and keeps every earlier turn.
#include <doctest/doctest.h>
#include <signal.h>
#include <sqlite3.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <cstdio>
#include <fstream>
#include <optional>
#include <string>
#include <thread>
#include <vector>

#include "test_paths.h"
#include "test_process.h"

namespace brainhost {

namespace {

using testing::Ask;
using testing::Child;
using testing::Finish;
using testing::Spawn;

std::string QueryText(sqlite3* db, const char* sql) {
  sqlite3_stmt* stmt = nullptr;
  REQUIRE(sqlite3_prepare_v2(db, sql, -1, &stmt, nullptr) == SQLITE_OK);
  REQUIRE(sqlite3_step(stmt) == SQLITE_ROW);
  std::string value = reinterpret_cast<const char*>(sqlite3_column_text(stmt, 0));
  sqlite3_finalize(stmt);
  return value;
}

}  // namespace

TEST_CASE("SIGKILL in the middle of a turn loses that turn and nothing before it") {
  testing::TempDir dir;
  std::string brain = dir / "brain.db";
  std::string marker = dir / "in-turn";
  std::vector<std::string> args = {"--config", std::string(TEST_DATA_DIR) + "/stateful.toml",
                                   "--plugin-path", TEST_PLUGIN_GOOD_DIR, "--brain", brain,
                                   "chat", "--session", "crash"};
  Child child = Spawn(args);
  CHECK(Ask(child, "first") == "count 1");
  CHECK(Ask(child, "second") == "count 2");
  CHECK(Ask(child, "third") == "count 3");

  // The region writes its state (inside the open turn transaction), drops the marker and hangs.
  std::fprintf(child.in, "hang %s\n", marker.c_str());
  std::fflush(child.in);
  auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(20);
  while (!std::filesystem::exists(marker) && std::chrono::steady_clock::now() < deadline) {
    std::this_thread::sleep_for(std::chrono::milliseconds(10));
  }
  REQUIRE(std::filesystem::exists(marker));
  REQUIRE(kill(child.pid, SIGKILL) == 0);
  int status = 0;
  waitpid(child.pid, &status, 0);
  CHECK(WIFSIGNALED(status));
  std::fclose(child.in);
  std::fclose(child.out);

  sqlite3* db = nullptr;
  REQUIRE(sqlite3_open(brain.c_str(), &db) == SQLITE_OK);
  CHECK(QueryText(db, "PRAGMA integrity_check") == "ok");
  CHECK(QueryText(db, "SELECT group_concat(reply, '|') FROM (SELECT reply FROM turns ORDER BY "
                      "turn_index)") == "count 1|count 2|count 3");
  // The state written inside the killed turn went with it.
  CHECK(QueryText(db, "SELECT value FROM region_state WHERE region='counter' AND key='count'") ==
        "3");
  sqlite3_close(db);

  // The next run carries on where the last committed turn left off.
  Child again = Spawn(args);
  CHECK(Ask(again, "fourth") == "count 4");
  status = Finish(again);
  CHECK(WIFEXITED(status));
  CHECK(WEXITSTATUS(status) == 0);
}

}  // namespace brainhost

namespace brainhost {

namespace {

int64_t QueryInt(const std::string& brain, const char* sql) {
  sqlite3* db = nullptr;
  REQUIRE(sqlite3_open(brain.c_str(), &db) == SQLITE_OK);
  sqlite3_stmt* stmt = nullptr;
  REQUIRE(sqlite3_prepare_v2(db, sql, -1, &stmt, nullptr) == SQLITE_OK);
  REQUIRE(sqlite3_step(stmt) == SQLITE_ROW);
  const int64_t value = sqlite3_column_int64(stmt, 0);
  sqlite3_finalize(stmt);
  sqlite3_close(db);
  return value;
}

// Runs `brainhost sleep` on brain; kills it after `after` when given. Returns the wait status.
int RunSleep(const std::vector<std::string>& global,
             std::optional<std::chrono::duration<double>> after) {
  std::vector<std::string> args = global;
  args.push_back("sleep");
  testing::Child child = testing::Spawn(args);
  std::fclose(child.in);
  if (after) {
    std::this_thread::sleep_for(*after);
    kill(child.pid, SIGKILL);
  }
  int status = 0;
  waitpid(child.pid, &status, 0);
  std::fclose(child.out);
  return status;
}

}  // namespace

TEST_CASE("SIGKILL at any moment of a sleep leaves the version and the buffer as they were") {
  testing::TempDir dir;
  const std::string brain = dir / "brain.db";
  // The counting graph, and a guard that lets every sleep through: this test is about kills.
  const std::string config = dir / "sleepy.toml";
  {
    std::ifstream graph(std::string(TEST_DATA_DIR) + "/stateful.toml");
    std::ofstream out(config);
    // Small, so a sanitized build sleeps in seconds.
    out << graph.rdbuf()
        << "\n[sleep]\nmode = \"none\"\nepochs = 1\nmax_ppl_rise = 10\nbase_bytes = 8192\n";
  }
  const std::vector<std::string> global = {"--config", config, "--plugin-path",
                                           TEST_PLUGIN_GOOD_DIR, "--brain", brain};
  auto chat = [&](const std::vector<std::string>& lines) {
    std::vector<std::string> args = global;
    args.insert(args.end(), {"chat", "--session", "sleepy"});
    testing::Child child = testing::Spawn(args);
    for (const std::string& line : lines) Ask(child, line);
    CHECK(WEXITSTATUS(testing::Finish(child)) == 0);
  };
  chat({"my ferry leaves at dawn", "the lighthouse is painted red", "remember this: Varrow"});
  // A whole sleep: the shipped cortex becomes version 1 and the sleep's version 2.
  const auto started = std::chrono::steady_clock::now();
  int status = RunSleep(global, std::nullopt);
  const std::chrono::duration<double> whole = std::chrono::steady_clock::now() - started;
  REQUIRE(WIFEXITED(status));
  REQUIRE(WEXITSTATUS(status) == 0);
  REQUIRE(QueryInt(brain, "SELECT version FROM cortex_versions WHERE active = 1") == 2);
  REQUIRE(QueryInt(brain, "SELECT count(*) FROM replay_buffer WHERE consolidated_in = 2") == 3);

  chat({"the keeper is called Oskel", "he rows to Varrow on sundays"});
  // A kill leaves one of two whole brains: the one before the sleep, or, when it landed after
  // the COMMIT (or the sleep ran faster than the first and ended before it), the one after.
  bool finished = false;
  for (int k = 1; k <= 5 && !finished; k++) {
    INFO("killed after " << k << "/6 of a sleep");
    status = RunSleep(global, whole * k / 6);
    CHECK((WIFSIGNALED(status) || (WIFEXITED(status) && WEXITSTATUS(status) == 0)));
    CHECK(QueryInt(brain, "SELECT count(*) FROM pragma_integrity_check WHERE "
                          "integrity_check = 'ok'") == 1);
    finished = QueryInt(brain, "SELECT version FROM cortex_versions WHERE active = 1") == 3;
    const int64_t versions = finished ? 3 : 2, pending = finished ? 0 : 2;
    CHECK(QueryInt(brain, "SELECT version FROM cortex_versions WHERE active = 1") == versions);
    CHECK(QueryInt(brain, "SELECT count(*) FROM cortex_versions") == versions);
    CHECK(QueryInt(brain, "SELECT count(*) FROM sleep_history") == versions - 1);
    CHECK(QueryInt(brain, "SELECT count(*) FROM replay_buffer WHERE consolidated_in IS NULL") ==
          pending);
  }
  // And the next sleep learns the rows the killed ones did not.
  if (!finished) {
    status = RunSleep(global, std::nullopt);
    CHECK(WEXITSTATUS(status) == 0);
  }
  CHECK(QueryInt(brain, "SELECT version FROM cortex_versions WHERE active = 1") == 3);
  CHECK(QueryInt(brain, "SELECT count(*) FROM replay_buffer WHERE consolidated_in = 3") == 2);
}

}  // namespace brainhost
