#include "brain/sqlite_util.h"

#include <cassert>
#include <climits>

namespace brainhost {

Status SqliteStatus(int rc, sqlite3* db, const std::string& context) {
  const int primary = rc & 0xff;
  if (primary == SQLITE_OK || primary == SQLITE_ROW || primary == SQLITE_DONE) {
    return Status::OK();
  }
  // The connection's message is more specific ("UNIQUE constraint failed: turns.turn_index")
  // but only describes rc if nothing has run on the connection since.
  const bool db_describes_rc = db != nullptr && (sqlite3_errcode(db) & 0xff) == primary;
  std::string msg = context + ": " + (db_describes_rc ? sqlite3_errmsg(db) : sqlite3_errstr(rc));
  switch (primary) {
    case SQLITE_CORRUPT:
    case SQLITE_NOTADB:
      return Status::Corruption(std::move(msg));
    case SQLITE_CONSTRAINT:
    case SQLITE_MISMATCH:
    case SQLITE_RANGE:
    case SQLITE_TOOBIG:
    case SQLITE_ERROR:
    case SQLITE_AUTH:
    case SQLITE_MISUSE:
      return Status::InvalidArgument(std::move(msg));
    default:
      return Status::IOError(std::move(msg));
  }
}

std::string SqliteFilename(const std::string& path) {
  if (path.rfind("file:", 0) == 0 || path == ":memory:") return "./" + path;
  return path;
}

void SqliteCloser::operator()(sqlite3* db) const noexcept {
  // Every statement is finalized before its connection closes; BUSY here is a leak in our code.
  const int rc = sqlite3_close(db);
  assert(rc == SQLITE_OK && "sqlite3_close: a statement outlived its connection");
  (void)rc;
}

void StmtFinalizer::operator()(sqlite3_stmt* stmt) const noexcept {
  // finalize repeats the last step's error, which the caller of step has already reported.
  (void)sqlite3_finalize(stmt);
}

Status Prepare(sqlite3* db, std::string_view sql, bool persistent, const std::string& context,
               StmtPtr* out) {
  assert(sql.size() < INT_MAX);
  sqlite3_stmt* stmt = nullptr;
  const char* tail = nullptr;
  const int rc = sqlite3_prepare_v3(db, sql.data(), static_cast<int>(sql.size()),
                                    persistent ? SQLITE_PREPARE_PERSISTENT : 0, &stmt, &tail);
  StmtPtr owned(stmt);
  if (rc != SQLITE_OK) return SqliteStatus(rc, db, context);
  if (stmt == nullptr) return Status::InvalidArgument(context + ": no SQL statement");
  for (const char* p = tail; p != sql.data() + sql.size(); ++p) {
    if (*p != ' ' && *p != '\n' && *p != '\t' && *p != '\r') {
      return Status::InvalidArgument(context + ": more than one SQL statement");
    }
  }
  *out = std::move(owned);
  return Status::OK();
}

Status Exec(sqlite3* db, const char* sql, const std::string& context) {
  return SqliteStatus(sqlite3_exec(db, sql, nullptr, nullptr, nullptr), db, context);
}

Status QueryInt64(sqlite3* db, const char* sql, const std::string& context, int64_t* out) {
  StmtPtr stmt;
  Status s = Prepare(db, sql, /*persistent=*/false, context, &stmt);
  if (!s.ok()) return s;
  const int rc = sqlite3_step(stmt.get());
  if (rc != SQLITE_ROW) {
    if (rc == SQLITE_DONE) return Status::Corruption(context + ": no row");
    return SqliteStatus(rc, db, context);
  }
  *out = sqlite3_column_int64(stmt.get(), 0);
  return Status::OK();
}

bool RollbackIfOpen(sqlite3* db) {
  // Some errors (IOERR, FULL, NOMEM, BUSY) make SQLite roll the transaction back by itself;
  // a second ROLLBACK would only fail with "no transaction is active".
  if (sqlite3_get_autocommit(db)) return true;
  return sqlite3_exec(db, "ROLLBACK", nullptr, nullptr, nullptr) == SQLITE_OK;
}

ScopedReset::~ScopedReset() {
  // reset returns the last step's error again (already reported by that step's caller);
  // clear_bindings always succeeds.
  (void)sqlite3_reset(stmt_);
  (void)sqlite3_clear_bindings(stmt_);
}

template <typename F>
Binder& Binder::Bind(F f) {
  if (rc_ == SQLITE_OK) rc_ = f(index_);
  ++index_;
  return *this;
}

Binder& Binder::Text(std::string_view v) {
  // A null data pointer would bind NULL, not "".
  const char* data = v.data() != nullptr ? v.data() : "";
  return Bind([&](int i) {
    return sqlite3_bind_text64(stmt_, i, data, v.size(), SQLITE_STATIC, SQLITE_UTF8);
  });
}

Binder& Binder::TextEmptyAsNull(std::string_view v) {
  if (v.empty()) return Bind([&](int i) { return sqlite3_bind_null(stmt_, i); });
  return Text(v);
}

Binder& Binder::OptionalText(const std::optional<std::string>& v) {
  if (!v) return Bind([&](int i) { return sqlite3_bind_null(stmt_, i); });
  return Text(*v);
}

Binder& Binder::Blob(std::string_view v) {
  if (v.empty()) return Bind([&](int i) { return sqlite3_bind_zeroblob(stmt_, i, 0); });
  return Bind(
      [&](int i) { return sqlite3_bind_blob64(stmt_, i, v.data(), v.size(), SQLITE_STATIC); });
}

Binder& Binder::Int64(int64_t v) {
  return Bind([&](int i) { return sqlite3_bind_int64(stmt_, i, v); });
}

Binder& Binder::Double(double v) {
  return Bind([&](int i) { return sqlite3_bind_double(stmt_, i, v); });
}

Binder& Binder::OptionalDouble(const std::optional<double>& v) {
  if (!v) return Bind([&](int i) { return sqlite3_bind_null(stmt_, i); });
  return Double(*v);
}

Status ReadColumn(sqlite3_stmt* stmt, int i, const std::string& context, std::string* out) {
  // blob before bytes: the order SQLite documents for getting a value and its size.
  const void* data = sqlite3_column_blob(stmt, i);
  const int n = sqlite3_column_bytes(stmt, i);
  if (data == nullptr) {
    // NULL or zero bytes, unless converting the value ran out of memory; only the
    // connection's error code tells those apart (a successful step leaves it at SQLITE_ROW).
    sqlite3* db = sqlite3_db_handle(stmt);
    if ((sqlite3_errcode(db) & 0xff) == SQLITE_NOMEM)
      return SqliteStatus(SQLITE_NOMEM, db, context);
    out->clear();
    return Status::OK();
  }
  out->assign(static_cast<const char*>(data), static_cast<size_t>(n));
  return Status::OK();
}

}  // namespace brainhost
