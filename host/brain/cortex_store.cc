#include "brain/cortex_store.h"

#include <cassert>

namespace brainhost {

CortexStore::CortexStore(Brain* brain) : brain_(brain), db_(brain->handle()) {}

Status CortexStore::ActiveVersion(const std::string& what, int64_t* version) {
  StmtPtr stmt;
  if (Status s = Prepare(db_, "SELECT version FROM cortex_versions WHERE active = 1",
                         /*persistent=*/false, what, &stmt);
      !s.ok()) {
    return s;
  }
  const int rc = sqlite3_step(stmt.get());
  if (rc == SQLITE_DONE) return Status::NotFound(what + ": no cortex version is active");
  if (rc != SQLITE_ROW) return SqliteStatus(rc, db_, what);
  *version = sqlite3_column_int64(stmt.get(), 0);
  return Status::OK();
}

Status CortexStore::Active(int64_t* version, std::string* weights) {
  assert(version != nullptr && weights != nullptr);
  const std::string what = brain_->path() + ": read the active cortex version";
  StmtPtr stmt;
  if (Status s = Prepare(db_, "SELECT version, weights FROM cortex_versions WHERE active = 1",
                         /*persistent=*/false, what, &stmt);
      !s.ok()) {
    return s;
  }
  const int rc = sqlite3_step(stmt.get());
  if (rc == SQLITE_DONE) return Status::NotFound(what + ": no cortex version is active");
  if (rc != SQLITE_ROW) return SqliteStatus(rc, db_, what);
  *version = sqlite3_column_int64(stmt.get(), 0);
  return ReadColumn(stmt.get(), 1, what, weights);
}

Status CortexStore::InstallFirst(std::string_view weights, const std::string& note,
                                 int64_t* version) {
  assert(version != nullptr);
  const std::string what = brain_->path() + ": install the first cortex version";
  if (weights.empty()) return Status::InvalidArgument(what + ": no weights");
  // Inside a turn the install joins the turn's transaction (a savepoint, so a failure undoes
  // only the install); outside, it takes the write lock up front.
  const bool in_turn = brain_->in_turn();
  if (in_turn && sqlite3_get_autocommit(db_)) {
    return Status::IOError(what + ": the turn was already rolled back after an earlier error");
  }
  if (Status s = Exec(db_, in_turn ? "SAVEPOINT cortex_install" : "BEGIN IMMEDIATE", what);
      !s.ok()) {
    return s;
  }
  int64_t versions = 0;
  Status s = QueryInt64(db_, "SELECT count(*) FROM cortex_versions", what, &versions);
  if (s.ok() && versions == 0) {
    StmtPtr stmt;
    s = Prepare(db_,
                "INSERT INTO cortex_versions (version, created_at, parent_version, active, "
                "weights, note) VALUES (1, ?, NULL, 1, ?, ?)",
                /*persistent=*/false, what, &stmt);
    if (s.ok()) {
      const std::string now = Brain::NowIso8601();
      int rc = Binder(stmt.get()).Text(now).Blob(weights).TextEmptyAsNull(note).rc();
      if (rc == SQLITE_OK) rc = sqlite3_step(stmt.get());
      if (rc != SQLITE_DONE) s = SqliteStatus(rc, db_, what);
    }
  }
  if (s.ok()) s = ActiveVersion(what, version);
  if (!s.ok()) {
    if (in_turn) {
      (void)Exec(db_, "ROLLBACK TO cortex_install; RELEASE cortex_install", what);
    } else {
      (void)RollbackIfOpen(db_);  // the install's error is the one to report
    }
    return s;
  }
  s = Exec(db_, in_turn ? "RELEASE cortex_install" : "COMMIT", what);
  if (!s.ok() && !in_turn) (void)RollbackIfOpen(db_);
  return s;
}

}  // namespace brainhost
