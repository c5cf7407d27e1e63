// The brainhost binary as a user and a script meet it: pipes, bad input, bad files.
#include <doctest/doctest.h>
#include <sqlite3.h>

#include <unistd.h>

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <nlohmann/json.hpp>
#include <sstream>
#include <vector>

#include "test_paths.h"

namespace brainhost {

namespace {

using testing::ReadFile;
using testing::TempDir;
using testing::WriteFile;

struct Result {
  int code = -1;
  std::string out;
  std::string err;
};

std::string Quote(const std::string& arg) {
  std::string q = "'";
  for (char c : arg) q += c == '\'' ? std::string("'\\''") : std::string(1, c);
  return q + "'";
}

// Runs brainhost with args, feeding input on stdin; captures both output streams. `as`
// prefixes the command (to run it as another user).
Result Run(const std::vector<std::string>& args, const std::string& input = "",
           const std::string& as = "") {
  TempDir io;
  WriteFile(io / "in", input);
  std::string cmd = as + Quote(BRAINHOST_BIN);
  for (const std::string& a : args) cmd += " " + Quote(a);
  cmd += " < " + Quote(io / "in") + " > " + Quote(io / "out") + " 2> " + Quote(io / "err");
  int status = std::system(cmd.c_str());
  return {WEXITSTATUS(status), ReadFile(io / "out"), ReadFile(io / "err")};
}

std::vector<std::string> Lines(const std::string& text) {
  std::vector<std::string> lines;
  std::istringstream in(text);
  for (std::string line; std::getline(in, line);) lines.push_back(line);
  return lines;
}

int64_t CountTurns(const std::string& brain_path) {
  sqlite3* db = nullptr;
  REQUIRE(sqlite3_open_v2(brain_path.c_str(), &db, SQLITE_OPEN_READONLY, nullptr) == SQLITE_OK);
  sqlite3_stmt* stmt = nullptr;
  REQUIRE(sqlite3_prepare_v2(db, "SELECT count(*) FROM turns", -1, &stmt, nullptr) == SQLITE_OK);
  REQUIRE(sqlite3_step(stmt) == SQLITE_ROW);
  int64_t n = sqlite3_column_int64(stmt, 0);
  sqlite3_finalize(stmt);
  sqlite3_close(db);
  return n;
}

const std::string kDefaultGraph = std::string(SOURCE_DIR) + "/config/default.toml";

// Whether the default graph's cortex can start: its weights are where the plugin looks
// ($BRAINHOST_MODELS, or the build tree's copy of models/). With them, a line no other region
// answers gets the cortex's reply; without, the fallback's.
bool CortexInstalled() {
  const char* env = std::getenv("BRAINHOST_MODELS");
  const std::filesystem::path models =
      env != nullptr ? std::filesystem::path(env)
                     : std::filesystem::path(BRAINHOST_PLUGIN_DIR) / ".." / ".." / ".." /
                           "share" / "brainhost" / "models";
  return std::filesystem::exists(models / "cortex" / "cortex.bin");
}

}  // namespace

TEST_CASE("a pipe gets exactly one reply line per input line, bad lines included") {
  TempDir dir;
  std::string brain = dir / "brain.db";
  std::string input = "what day is it today?\n"
                      "hello\n"
                      "caf\xC3 broken \xFF\xFE utf-8\n" +
                      std::string(1024 * 1024, 'a') + "\n" +
                      "\n"
                      "/regions\n"
                      "what time is it?\n";
  Result r = Run({"--config", kDefaultGraph, "--brain", brain, "chat"}, input);
  CHECK(r.code == 0);
  std::vector<std::string> lines = Lines(r.out);
  REQUIRE(lines.size() == 7);
  CHECK(lines[0].starts_with("today is "));
  CHECK(lines[1] == (CortexInstalled() ? lines[1] : "i don't know that yet"));
  CHECK(!lines[1].empty());
  CHECK(lines[2] == "(that line is not valid UTF-8; nothing was stored)");
  CHECK(lines[3].find("too long (1048576 bytes") != std::string::npos);
  CHECK(lines[4].empty());
  CHECK(lines[5].find("clock (brainhost.clock)") != std::string::npos);
  CHECK(lines[6].starts_with("it is "));
  // Diagnostics go to stderr only.
  CHECK(r.err.find("not valid UTF-8") != std::string::npos);
  CHECK(CountTurns(brain) == 3);
}

TEST_CASE("--jsonl prints one JSON object per turn") {
  TempDir dir;
  Result r = Run({"--config", kDefaultGraph, "--brain", dir / "b.db", "chat", "--jsonl",
                  "--session", "json-session"},
                 "what's the date\nhow are you?\n");
  REQUIRE(r.code == 0);
  std::vector<std::string> lines = Lines(r.out);
  REQUIRE(lines.size() == 2);
  auto first = nlohmann::json::parse(lines[0]);
  CHECK(first["region"] == "clock");
  CHECK(first["session"] == "json-session");
  CHECK(first["turn"] == 0);
  CHECK(first["latency_ms"].get<double>() >= 0);
  CHECK(first.contains("variant"));
  auto second = nlohmann::json::parse(lines[1]);
  if (CortexInstalled()) {
    CHECK(second["region"] == "cortex");
    CHECK(!second["reply"].get<std::string>().empty());
  } else {
    CHECK(second["region"] == "fallback");
    CHECK(second["reply"] == "i don't know that yet");
  }
}

TEST_CASE("the default graph routes sums and differences to the arithmetic region") {
  TempDir dir;
  Result r = Run({"--config", kDefaultGraph, "--brain", dir / "b.db", "chat", "--jsonl"},
                 "what is 17 + 25?\nwhats 1234567 plus 7654321\nwhat is 900 - 123\n"
                 "what is 3 - 5?\nwhat is 6 times 7?\nmy lucky number is 7 + 3\n");
  REQUIRE(r.code == 0);
  std::vector<std::string> lines = Lines(r.out);
  REQUIRE(lines.size() == 6);
  std::vector<nlohmann::json> turns;
  for (const std::string& line : lines) turns.push_back(nlohmann::json::parse(line));
  for (int i = 0; i < 5; i++) CHECK(turns[i]["region"] == "arithmetic");
  CHECK(turns[0]["reply"] == "17 + 25 = 42");
  CHECK(turns[1]["reply"] == "1234567 + 7654321 = 8888888");
  CHECK(turns[2]["reply"] == "900 - 123 = 777");
  CHECK(turns[3]["reply"].get<std::string>().find("below 0") != std::string::npos);
  CHECK(turns[4]["reply"].get<std::string>().find("only add and subtract") != std::string::npos);
  // A statement that holds a sum is a statement: the memory stores it.
  CHECK(turns[5]["region"] != "arithmetic");
}

TEST_CASE("brainhost sql reads the brain and refuses to write it") {
  TempDir dir;
  std::string brain = dir / "brain.db";
  REQUIRE(Run({"--config", kDefaultGraph, "--brain", brain, "chat"}, "hi\nthere\n").code == 0);
  Result ok = Run({"--brain", brain, "sql", "SELECT count(*) AS n FROM turns"});
  CHECK(ok.code == 0);
  CHECK(ok.out.find("n") != std::string::npos);
  CHECK(ok.out.find("2") != std::string::npos);
  for (const char* write : {"DELETE FROM turns", "DROP TABLE turns",
                            "SELECT 1; UPDATE turns SET reply = 'x'", "PRAGMA user_version = 99"}) {
    Result r = Run({"--brain", brain, "sql", write});
    CHECK_MESSAGE(r.code != 0, write);
    CHECK_MESSAGE(r.err.find("read-only") != std::string::npos, write);
  }
  CHECK(CountTurns(brain) == 2);
  Result missing = Run({"--brain", dir / "nope.db", "sql", "SELECT 1"});
  CHECK(missing.code != 0);
  CHECK(missing.err.find("nope.db") != std::string::npos);
}

TEST_CASE("bad graph files are fatal with file and line") {
  TempDir dir;
  struct Case {
    std::string name, toml, expect;
  };
  std::vector<Case> cases = {
      {"malformed.toml", "[graph]\nentry = \"clock\"\nfallback = \n", "malformed.toml:3"},
      {"cycle.toml",
       "[regions.a]\nplugin = \"brainhost.clock\"\n[regions.b]\nplugin = \"brainhost.clock\"\n"
       "[regions.f]\nplugin = \"brainhost.fallback\"\n"
       "[graph]\nentry = \"a\"\nfallback = \"f\"\n"
       "[[graph.edge]]\nfrom = \"a\"\nto = \"b\"\n[[graph.edge]]\nfrom = \"b\"\nto = \"a\"\n",
       "cycle"},
      {"unknown_plugin.toml",
       "[regions.a]\nplugin = \"brainhost.nothing\"\n[regions.f]\nplugin = "
       "\"brainhost.fallback\"\n[graph]\nentry = \"a\"\nfallback = \"f\"\n",
       "unknown_plugin.toml:1"},
  };
  for (const Case& c : cases) {
    WriteFile(dir / c.name, c.toml);
    Result r = Run({"--config", dir / c.name, "--brain", dir / "b.db", "chat"}, "hi\n");
    CHECK_MESSAGE(r.code == 2, c.name);
    CHECK_MESSAGE(r.err.find(c.expect) != std::string::npos, c.name << ": " << r.err);
    CHECK_MESSAGE(r.out.empty(), c.name);
  }
  Result cycle = Run({"--config", dir / "cycle.toml", "graph"});
  CHECK(cycle.err.find("cycle.toml:") != std::string::npos);
}

TEST_CASE("bad brain paths are refused and nothing is damaged") {
  TempDir dir;
  Result missing = Run({"--config", kDefaultGraph, "--brain", dir / "no/such/dir/brain.db", "chat"},
                       "hi\n");
  CHECK(missing.code == 1);
  CHECK(missing.err.find("does not exist") != std::string::npos);

  std::string junk = std::string("this is not a database, it is a poem\n") + std::string(4096, 'x');
  WriteFile(dir / "poem.db", junk);
  Result not_sqlite = Run({"--config", kDefaultGraph, "--brain", dir / "poem.db", "chat"}, "hi\n");
  CHECK(not_sqlite.code == 1);
  CHECK(not_sqlite.err.find("not a brainhost brain") != std::string::npos);
  CHECK(ReadFile(dir / "poem.db") == junk);

  // Root writes through permissions, so as root the check runs as nobody.
  std::string as = geteuid() == 0 ? "setpriv --reuid=nobody --regid=nogroup --clear-groups " : "";
  std::filesystem::permissions(dir.path(), std::filesystem::perms::all);  // whatever the umask
  std::filesystem::create_directories(dir.path() / "ro");
  std::filesystem::permissions(dir.path() / "ro", std::filesystem::perms::owner_read |
                                                      std::filesystem::perms::owner_exec |
                                                      std::filesystem::perms::others_read |
                                                      std::filesystem::perms::others_exec);
  if (Run({"--version"}, "", as).code != 0) {
    MESSAGE("cannot run brainhost as an unprivileged user here; read-only case skipped");
  } else {
    Result ro = Run({"--config", kDefaultGraph, "--brain", dir / "ro/brain.db", "chat"}, "hi\n", as);
    CHECK(ro.code == 1);
    CHECK(ro.err.find("ro/brain.db") != std::string::npos);
    CHECK(ro.err.find("read-only") != std::string::npos);
    CHECK_FALSE(std::filesystem::exists(dir / "ro/brain.db"));
  }
}

TEST_CASE("the inspection commands describe what is installed and configured") {
  Result version = Run({"--version"});
  CHECK(version.code == 0);
  CHECK(version.out.find("brainhost 0.1.0") != std::string::npos);

  Result regions = Run({"regions"});
  CHECK(regions.code == 0);
  CHECK(regions.out.find("brainhost.clock 1.0.0 (ABI 1.0)") != std::string::npos);
  CHECK(regions.out.find("writes:       tag time") != std::string::npos);
  Result json = Run({"regions", "--json"});
  CHECK(nlohmann::json::parse(json.out).is_array());

  Result dot = Run({"--config", kDefaultGraph, "graph", "--dot"});
  CHECK(dot.code == 0);
  CHECK(dot.out.starts_with("digraph"));
  CHECK(dot.out.find("clock") != std::string::npos);

  for (const char* cmd : {"chat", "demo", "regions", "graph", "sql", "ab", "bench"}) {
    Result help = Run({cmd, "--help"});
    CHECK_MESSAGE(help.code == 0, cmd);
    CHECK_MESSAGE(help.out.find("Usage") != std::string::npos, cmd);
  }
}

TEST_CASE("an A/B experiment assigns sessions and ab report compares the variants") {
  TempDir dir;
  std::string brain = dir / "brain.db";
  std::string graph = std::string(SOURCE_DIR) + "/config/ab-clock-off.toml";
  for (int i = 0; i < 12; ++i) {
    Result r = Run({"--config", graph, "--brain", brain, "chat", "--jsonl", "--session",
                    "user-" + std::to_string(i)},
                   "what day is it today?\n");
    REQUIRE(r.code == 0);
    auto turn = nlohmann::json::parse(Lines(r.out).at(0));
    // The clock answers only where it is switched on.
    CHECK((turn["variant"] == "on") == (turn["region"] == "clock"));
  }
  Result report = Run({"--brain", brain, "ab", "report", "--json"});
  REQUIRE(report.code == 0);
  CHECK(report.out.find("on") != std::string::npos);
  CHECK(report.out.find("off") != std::string::npos);
  auto j = nlohmann::json::parse(Lines(report.out).back());
  int64_t turns = 0;
  for (const auto& v : j["variants"]) turns += v["turns"].get<int64_t>();
  CHECK(turns == 12);
}

TEST_CASE("bench route and demo run end to end") {
  Result bench = Run({"--config", kDefaultGraph, "bench", "route", "--turns", "40", "--json"});
  REQUIRE(bench.code == 0);
  auto j = nlohmann::json::parse(Lines(bench.out).back());
  CHECK(j["turns"] == 40);
  CHECK(j["turns_per_s"].get<double>() > 0);

  Result demo = Run({"--config", kDefaultGraph, "demo"});
  CHECK(demo.code == 0);
  CHECK(demo.out.find("bh  : today is") != std::string::npos);
  CHECK(demo.out.find("bh  : 2891 + 7354 = 10245   [arithmetic]") != std::string::npos);
  CHECK(demo.out.find(CortexInstalled() ? "   [cortex]" : "bh  : i don't know that yet") !=
        std::string::npos);
  // The memory side by side: only the brain with its memory on says the ferret's name.
  const std::vector<std::string> lines = Lines(demo.out);
  const auto asked = std::find(lines.begin(), lines.end(), "you : what's the name of my ferret?");
  REQUIRE(lines.end() - asked > 2);
  CHECK(asked[1].starts_with("  on  : "));
  CHECK(asked[2].starts_with("  off : "));
  CHECK(asked[2].find("Mirabel") == std::string::npos);
  if (CortexInstalled()) CHECK(asked[1].find("Mirabel Okafor") != std::string::npos);
}

}  // namespace brainhost

namespace brainhost {

TEST_CASE("SQL-looking text is stored verbatim and harms nothing") {
  TempDir dir;
  std::string brain = dir / "brain.db";
  const std::string hostile = "my nickname is Robert'); DROP TABLE episodes;--";
  Result r = Run({"--config", kDefaultGraph, "--brain", brain, "chat"},
                 hostile + "\nwhat is my nickname?\n");
  REQUIRE(r.code == 0);
  CHECK(Lines(r.out).at(1).find("Robert") != std::string::npos);
  Result stored = Run({"--brain", brain, "sql", "SELECT text FROM episodes"});
  REQUIRE(stored.code == 0);
  CHECK(stored.out.find(hostile) != std::string::npos);
  Result tables = Run({"--brain", brain, "sql",
                       "SELECT count(*) AS n FROM sqlite_master WHERE name = 'episodes'"});
  CHECK(Lines(tables.out).at(2).find("1") != std::string::npos);
}

}  // namespace brainhost

namespace brainhost {

TEST_CASE("/sleep in chat, then brain history and rollback") {
  TempDir dir;
  const std::string brain = dir / "b.db";
  // The counting graph, with a guard that lets the sleep through: this is about the commands.
  WriteFile(dir / "sleepy.toml", ReadFile(std::string(TEST_DATA_DIR) + "/stateful.toml") +
                                     "\n[sleep]\nmode = \"none\"\nepochs = 1\n"
                                     "max_ppl_rise = 10\nbase_bytes = 8192\n");
  const std::vector<std::string> global = {"--config", dir / "sleepy.toml", "--plugin-path",
                                           TEST_PLUGIN_GOOD_DIR, "--brain", brain};
  auto run = [&](std::vector<std::string> args, const std::string& input = "") {
    args.insert(args.begin(), global.begin(), global.end());
    return Run(args, input);
  };
  Result chat = run({"chat"}, "the keeper is Oskel\n/good\n/sleep\nhi again\n");
  REQUIRE(chat.code == 0);
  const std::vector<std::string> replies = Lines(chat.out);
  REQUIRE(replies.size() == 4);
  CHECK(replies[1] == "noted: that reply will be replayed more in sleep");
  CHECK(replies[2].starts_with("slept: version 2 is active (from 1)"));
  CHECK(replies[3] == "count 2");  // the session goes on after sleep, its regions restarted

  Result history = run({"brain", "history"});
  CHECK(history.code == 0);
  const std::vector<std::string> rows = Lines(history.out);
  REQUIRE(rows.size() == 5);
  CHECK(rows[0].starts_with("version  created_at"));
  CHECK(rows[2].starts_with("1 "));
  CHECK(rows[3].starts_with("2 *"));
  CHECK(rows[3].find(" none ") != std::string::npos);
  Result json = run({"brain", "history", "--json"});
  CHECK(nlohmann::json::parse(json.out)[1]["replay_rows"] == 1);

  Result back = run({"brain", "rollback", "1"});
  CHECK(back.code == 0);
  CHECK(back.out == "cortex version 1 is active in " + brain + "\n");
  CHECK(Lines(run({"brain", "history"}).out)[2].starts_with("1 *"));
  Result missing = run({"brain", "rollback", "9"});
  CHECK(missing.code == 1);
  CHECK(missing.err.find("make cortex version 9 active: no such version") != std::string::npos);

  // The turn after /sleep is pending: the next sleep learns it, on top of the active version 1.
  Result next = run({"sleep"});
  CHECK(next.code == 0);
  CHECK(next.out.starts_with("slept: version 3 is active (from 1)"));
  // Nothing pending: a sleep has nothing to do, and says so.
  Result again = run({"sleep"});
  CHECK(again.code == 0);
  CHECK(again.out == "nothing to consolidate: every replay row is learnt already\n");
}

}  // namespace brainhost
