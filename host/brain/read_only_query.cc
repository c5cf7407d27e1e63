#include "brain/read_only_query.h"

#include <cassert>
#include <climits>
#include <filesystem>

#include "brain/sqlite_util.h"
#include "brain/text_table.h"

namespace brainhost {

namespace {

// The authorizer sees every action a statement will take while it is prepared; it only
// notes ATTACH and DETACH here, so the refusal can name the statement.
int NoteAttach(void* attaches, int action, const char*, const char*, const char*, const char*) {
  if (action == SQLITE_ATTACH || action == SQLITE_DETACH) *static_cast<bool*>(attaches) = true;
  return SQLITE_OK;
}

// The statement as the user wrote it, without surrounding blanks or its semicolon.
std::string StatementText(sqlite3_stmt* stmt) {
  std::string text = sqlite3_sql(stmt);
  const char* blanks = " \t\r\n;";
  const auto first = text.find_first_not_of(blanks);
  if (first == std::string::npos) return std::string();
  return text.substr(first, text.find_last_not_of(blanks) - first + 1);
}

Status ReadRow(sqlite3_stmt* stmt, int columns, const std::string& context,
               std::vector<std::string>* row) {
  row->resize(static_cast<size_t>(columns));
  for (int i = 0; i < columns; ++i) {
    std::string& cell = (*row)[static_cast<size_t>(i)];
    switch (sqlite3_column_type(stmt, i)) {
      case SQLITE_NULL:
        cell = "NULL";
        break;
      case SQLITE_BLOB:
        cell = "<blob " + std::to_string(sqlite3_column_bytes(stmt, i)) + " bytes>";
        break;
      default: {
        Status s = ReadColumn(stmt, i, context, &cell);
        if (!s.ok()) return s;
      }
    }
  }
  return Status::OK();
}

// Prepares every statement of sql, refusing the text if any of them could write.
Status PrepareAll(sqlite3* db, const std::string& path, const std::string& sql,
                  std::vector<StmtPtr>* stmts) {
  bool attaches = false;
  int rc = sqlite3_set_authorizer(db, NoteAttach, &attaches);
  if (rc != SQLITE_OK) return SqliteStatus(rc, db, path);
  const char* p = sql.data();
  const char* const end = p + sql.size();
  while (p < end) {
    sqlite3_stmt* raw = nullptr;
    const char* tail = nullptr;
    attaches = false;
    rc = sqlite3_prepare_v2(db, p, static_cast<int>(end - p), &raw, &tail);
    StmtPtr stmt(raw);
    if (rc != SQLITE_OK) return SqliteStatus(rc, db, path);
    assert(tail > p || raw == nullptr);
    if (raw == nullptr) break;  // only blanks and comments remain
    p = tail;
    if (!sqlite3_stmt_readonly(raw) || attaches) {
      return Status::InvalidArgument("brainhost sql is read-only; refused: " + StatementText(raw));
    }
    stmts->push_back(std::move(stmt));
  }
  if (stmts->empty()) return Status::InvalidArgument("brainhost sql: no SQL statement given");
  return Status::OK();
}

}  // namespace

Status QueryReadOnly(const std::string& path, const std::string& sql, QueryResult* out) {
  assert(out != nullptr);
  out->columns.clear();
  out->rows.clear();
  // The tokenizer stops at a NUL byte, which would hide the rest of the text from the checks.
  if (sql.find('\0') != std::string::npos || sql.size() >= INT_MAX) {
    return Status::InvalidArgument("brainhost sql: the SQL text has a NUL byte or is too long");
  }
  std::error_code ec;
  if (!std::filesystem::exists(path, ec)) return Status::NotFound("no brain at " + path);

  sqlite3* raw = nullptr;
  int rc = sqlite3_open_v2(SqliteFilename(path).c_str(), &raw, SQLITE_OPEN_READONLY, nullptr);
  SqlitePtr db(raw);  // declared before the statements, so it is closed after them
  if (rc != SQLITE_OK) return SqliteStatus(rc, db.get(), "cannot open brain " + path);
  rc = sqlite3_extended_result_codes(db.get(), 1);
  if (rc == SQLITE_OK) rc = sqlite3_busy_timeout(db.get(), 5000);
  if (rc != SQLITE_OK) return SqliteStatus(rc, db.get(), "cannot open brain " + path);

  std::vector<StmtPtr> stmts;
  Status s = PrepareAll(db.get(), path, sql, &stmts);
  if (!s.ok()) return s;

  for (const StmtPtr& stmt : stmts) {
    const std::string context = path + ": " + StatementText(stmt.get());
    const int columns = sqlite3_column_count(stmt.get());
    if (columns > 0) {
      out->columns.clear();
      out->rows.clear();
      for (int i = 0; i < columns; ++i) {
        const char* name = sqlite3_column_name(stmt.get(), i);
        if (name == nullptr) return SqliteStatus(SQLITE_NOMEM, nullptr, context);
        out->columns.emplace_back(name);
      }
    }
    while ((rc = sqlite3_step(stmt.get())) == SQLITE_ROW) {
      out->rows.emplace_back();
      s = ReadRow(stmt.get(), columns, context, &out->rows.back());
      if (!s.ok()) return s;
    }
    if (rc != SQLITE_DONE) return SqliteStatus(rc, db.get(), context);
  }
  return Status::OK();
}

std::string FormatTable(const QueryResult& r) {
  std::string out = r.columns.empty() ? std::string() : AlignColumns(r.columns, r.rows);
  out += "(" + std::to_string(r.rows.size()) + (r.rows.size() == 1 ? " row)\n" : " rows)\n");
  return out;
}

}  // namespace brainhost
