// Helpers shared by the brain's tests: scratch directories, file bytes, one-value queries.
#ifndef BRAINHOST_TESTS_BRAIN_BRAIN_TEST_UTIL_H
#define BRAINHOST_TESTS_BRAIN_BRAIN_TEST_UTIL_H

#include <doctest/doctest.h>
#include <sqlite3.h>
#include <stdlib.h>
#include <unistd.h>

#include <cstdint>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <optional>
#include <string>

#include "brain/brain.h"
#include "temp_dir.h"

namespace brainhost::test {

inline std::string ReadBytes(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  REQUIRE(in);
  return std::string(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
}

inline void WriteBytes(const std::string& path, const std::string& bytes) {
  std::ofstream out(path, std::ios::binary | std::ios::trunc);
  REQUIRE(out);
  out.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
  REQUIRE(out);
}

// The first column of the first row of sql, which must succeed and return a row.
inline int64_t QueryInt(sqlite3* db, const std::string& sql) {
  sqlite3_stmt* stmt = nullptr;
  REQUIRE_MESSAGE(sqlite3_prepare_v2(db, sql.c_str(), -1, &stmt, nullptr) == SQLITE_OK,
                  sqlite3_errmsg(db));
  const int rc = sqlite3_step(stmt);
  const int64_t v = sqlite3_column_int64(stmt, 0);
  sqlite3_finalize(stmt);
  REQUIRE_MESSAGE(rc == SQLITE_ROW, sql);
  return v;
}

inline std::string QueryText(sqlite3* db, const std::string& sql) {
  sqlite3_stmt* stmt = nullptr;
  REQUIRE_MESSAGE(sqlite3_prepare_v2(db, sql.c_str(), -1, &stmt, nullptr) == SQLITE_OK,
                  sqlite3_errmsg(db));
  const int rc = sqlite3_step(stmt);
  const unsigned char* text = sqlite3_column_text(stmt, 0);
  std::string v = text != nullptr ? reinterpret_cast<const char*>(text) : "NULL";
  sqlite3_finalize(stmt);
  REQUIRE_MESSAGE(rc == SQLITE_ROW, sql);
  return v;
}

// Runs sql on a plain connection to path (no Brain), for setting up files by hand.
inline void ExecOnFile(const std::string& path, const std::string& sql) {
  sqlite3* db = nullptr;
  const int open_rc = sqlite3_open(path.c_str(), &db);
  char* err = nullptr;
  const int rc =
      open_rc == SQLITE_OK ? sqlite3_exec(db, sql.c_str(), nullptr, nullptr, &err) : open_rc;
  const std::string msg = err != nullptr ? err : sqlite3_errstr(rc);
  sqlite3_free(err);
  REQUIRE(sqlite3_close(db) == SQLITE_OK);
  REQUIRE_MESSAGE(rc == SQLITE_OK, msg);
}

inline std::unique_ptr<Brain> OpenBrain(const std::string& path) {
  std::unique_ptr<Brain> brain;
  const Status s = Brain::Open(path, &brain);
  REQUIRE_MESSAGE(s.ok(), s.ToString());
  return brain;
}

inline TurnRecord MakeTurn(const std::string& session, int64_t index, const std::string& variant,
                           std::optional<std::string> region, double latency_ms) {
  TurnRecord t;
  t.session_id = session;
  t.turn_index = index;
  t.created_at = Brain::NowIso8601();
  t.user_text = "line " + std::to_string(index);
  t.reply = "reply " + std::to_string(index);
  t.region = std::move(region);
  t.variant = variant;
  t.latency_ms = latency_ms;
  return t;
}

// Starts the session if needed and records t as one committed turn; returns its id.
inline int64_t AddTurn(Brain& brain, const TurnRecord& t) {
  SessionRecord session{t.session_id, Brain::NowIso8601(), "", "", t.variant};
  REQUIRE(brain.StartSession(session).ok());
  REQUIRE(brain.BeginTurn().ok());
  int64_t id = 0;
  const Status s = brain.RecordTurn(t, &id);
  REQUIRE_MESSAGE(s.ok(), s.ToString());
  REQUIRE(brain.CommitTurn().ok());
  return id;
}

// Whether file permissions bind this process: root ignores them, so a test of a read-only
// directory is meaningful only when creating a file in one fails.
inline bool PermissionsEnforced(const std::filesystem::path& read_only_dir) {
  const std::string probe = (read_only_dir / "probe").string();
  std::ofstream out(probe);
  if (!out) return true;
  out.close();
  std::filesystem::remove(probe);
  return false;
}

}  // namespace brainhost::test

#endif  // BRAINHOST_TESTS_BRAIN_BRAIN_TEST_UTIL_H
