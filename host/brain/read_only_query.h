// Read-only SQL over a brain file, for `brainhost sql "SELECT ..."`.
//
// Inspection must never be able to damage the brain, so three independent fences stand in
// front of it: the file is opened SQLITE_OPEN_READONLY (never created); every statement of
// the text is prepared and checked with sqlite3_stmt_readonly() before any of them runs; and
// ATTACH/DETACH, which SQLite counts as read-only, are refused as well, since an attached
// file is not this brain. Statements SQLite reports as writing include INSERT, UPDATE,
// DELETE, CREATE, DROP, VACUUM, ANALYZE and the pragmas that change the file
// (user_version=, application_id=, journal_mode, wal_checkpoint, incremental_vacuum);
// pragmas that only configure this short-lived connection (foreign_keys=, cache_size=) pass
// and are harmless on a read-only handle.
#ifndef BRAINHOST_HOST_BRAIN_READ_ONLY_QUERY_H
#define BRAINHOST_HOST_BRAIN_READ_ONLY_QUERY_H

#include <string>
#include <vector>

#include "status.h"

namespace brainhost {

struct QueryResult {
  std::vector<std::string> columns;            // empty when no statement returns rows
  std::vector<std::vector<std::string>> rows;  // NULL as "NULL", a blob as "<blob N bytes>"
};

// Runs every statement of sql, in order, against the brain at path and stores in *out the
// columns and rows of the last statement that has result columns (a SELECT that matches
// nothing still gives its columns). *out is cleared first. It sees what was committed when it
// started, also while a Brain has the file open. On a brain no process has open it may leave
// empty PATH-wal and PATH-shm files behind (a read-only connection cannot remove them); the
// next Brain::Open reuses and removes them.
// Returns:
//   NotFound("no brain at PATH") when the file does not exist (it is never created);
//   InvalidArgument("brainhost sql is read-only; refused: <statement>") when any statement
//     would write, before executing any statement of the text;
//   InvalidArgument for SQL that does not compile (SQLite's message), or an empty text;
//   Corruption for a file that is not a database.
// REQUIRES: out != nullptr.
Status QueryReadOnly(const std::string& path, const std::string& sql, QueryResult* out);

// r as an aligned table (AlignColumns in text_table.h) followed by a "(N rows)" line, or
// "(1 row)". UTF-8 aware: widths count code points.
std::string FormatTable(const QueryResult& r);

}  // namespace brainhost

#endif  // BRAINHOST_HOST_BRAIN_READ_ONLY_QUERY_H
