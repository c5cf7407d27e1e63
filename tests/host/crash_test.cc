// kill -9 in the middle of a turn: the brain stays sound and keeps every earlier turn.
#include <doctest/doctest.h>
#include <signal.h>
#include <sqlite3.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <cstdio>
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
