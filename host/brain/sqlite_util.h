// The brain's glue to the sqlite3 C API, shared by every file in host/brain/ and installed
// nowhere. It is the one place that turns an SQLite result code into a Status, and it holds the
// small RAII types that make "check every return, reset every statement" hard to forget.
#ifndef BRAINHOST_HOST_BRAIN_SQLITE_UTIL_H
#define BRAINHOST_HOST_BRAIN_SQLITE_UTIL_H

#include <sqlite3.h>

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>

#include "status.h"

namespace brainhost {

// Maps rc (a primary or extended result code) to a Status whose message is
// "CONTEXT: <sqlite's message>". SQLITE_OK, SQLITE_ROW and SQLITE_DONE map to OK.
//   CORRUPT, NOTADB                                   -> Corruption
//   CONSTRAINT, MISMATCH, RANGE, TOOBIG, ERROR, AUTH,
//   MISUSE                                            -> InvalidArgument (the SQL or its values)
//   everything else (IOERR, FULL, CANTOPEN, READONLY,
//   BUSY, LOCKED, NOMEM, ...)                         -> IOError (the environment)
// db may be null; its error message is used only when it describes rc.
Status SqliteStatus(int rc, sqlite3* db, const std::string& context);

// The file name to hand sqlite3_open_v2 for a user's path. This build of SQLite interprets
// "file:" URIs and ":memory:"; a brain path is always a plain file, so such names are made
// explicit ("./file:x") rather than reinterpreted.
std::string SqliteFilename(const std::string& path);

struct SqliteCloser {
  void operator()(sqlite3* db) const noexcept;
};
using SqlitePtr = std::unique_ptr<sqlite3, SqliteCloser>;

struct StmtFinalizer {
  void operator()(sqlite3_stmt* stmt) const noexcept;
};
using StmtPtr = std::unique_ptr<sqlite3_stmt, StmtFinalizer>;

// Prepares exactly one statement from sql. persistent marks a statement the caller keeps for
// the connection's lifetime (SQLITE_PREPARE_PERSISTENT).
Status Prepare(sqlite3* db, std::string_view sql, bool persistent, const std::string& context,
               StmtPtr* out);

// Runs sql (which may hold several statements) and discards any rows.
Status Exec(sqlite3* db, const char* sql, const std::string& context);

// Runs a statement that yields one integer in its first row, e.g. "PRAGMA user_version".
Status QueryInt64(sqlite3* db, const char* sql, const std::string& context, int64_t* out);

// Rolls back the transaction open on db, if any. Returns false only when ROLLBACK itself
// failed (the transaction then ends when the connection closes). Used on error paths, where
// the error being reported is the one that matters.
bool RollbackIfOpen(sqlite3* db);

// Resets a cached statement and clears its bindings when the scope ends, on every path, so a
// statement that failed halfway never pins a read snapshot or keeps stale values bound.
class ScopedReset {
 public:
  explicit ScopedReset(sqlite3_stmt* stmt) : stmt_(stmt) {}
  ScopedReset(const ScopedReset&) = delete;
  ScopedReset& operator=(const ScopedReset&) = delete;
  ~ScopedReset();

 private:
  sqlite3_stmt* stmt_;
};

// Binds parameters 1, 2, 3, ... in call order and remembers the first failure, so a run of
// binds is checked once: Binder(s).Text(a).Int64(b).rc(). Text and blob values must outlive
// the statement's next step (they are bound SQLITE_STATIC).
class Binder {
 public:
  explicit Binder(sqlite3_stmt* stmt) : stmt_(stmt) {}

  Binder& Text(std::string_view v);
  Binder& TextEmptyAsNull(std::string_view v);  // "" binds NULL
  Binder& OptionalText(const std::optional<std::string>& v);
  Binder& Blob(std::string_view v);  // "" binds a zero-length blob, never NULL
  Binder& Int64(int64_t v);
  Binder& Double(double v);
  Binder& OptionalDouble(const std::optional<double>& v);

  int rc() const { return rc_; }

 private:
  template <typename F>
  Binder& Bind(F f);

  sqlite3_stmt* stmt_;
  int index_ = 1;
  int rc_ = SQLITE_OK;
};

// Runs one statement that yields no rows: sql prepared, its parameters bound by bind(Binder&),
// stepped to completion.
template <typename Bind>
Status RunStatement(sqlite3* db, std::string_view sql, const std::string& context, Bind bind) {
  StmtPtr stmt;
  if (Status s = Prepare(db, sql, /*persistent=*/false, context, &stmt); !s.ok()) return s;
  Binder binder(stmt.get());
  bind(binder);
  int rc = binder.rc();
  if (rc == SQLITE_OK) rc = sqlite3_step(stmt.get());
  return rc == SQLITE_DONE ? Status::OK() : SqliteStatus(rc, db, context);
}

// Copies column i of the current row, as bytes, into *out ("" for NULL). Fails only when
// SQLite runs out of memory converting the value.
Status ReadColumn(sqlite3_stmt* stmt, int i, const std::string& context, std::string* out);

}  // namespace brainhost

#endif  // BRAINHOST_HOST_BRAIN_SQLITE_UTIL_H
