#include "brain/sleep_store.h"

#include <cassert>

#include "brain/sqlite_util.h"

namespace brainhost {

namespace {

// Runs body inside BEGIN IMMEDIATE .. COMMIT, rolling back on any failure.
template <typename Body>
Status InTransaction(sqlite3* db, const std::string& what, Body body) {
  if (Status s = Exec(db, "BEGIN IMMEDIATE", what); !s.ok()) return s;
  Status s = body();
  if (s.ok()) s = Exec(db, "COMMIT", what);
  if (!s.ok()) (void)RollbackIfOpen(db);  // the body's error is the one to report
  return s;
}

}  // namespace

SleepStore::SleepStore(Brain* brain) : brain_(brain), db_(brain->handle()) {}

Status SleepStore::InsertHistory(const SleepRecord& r, const char* status,
                                 std::optional<int64_t> version_after,
                                 const std::vector<int64_t>& replay_ids, const std::string& what) {
  Status s = RunStatement(
      db_,
      "INSERT INTO sleep_history (started_at, finished_at, version_before, version_after, "
      "tokens, new_loss_before, new_loss_after, base_ppl_before, base_ppl_after, status, "
      "message, mode, seconds, fact_loss_before, fact_loss_after) "
      "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
      what, [&](Binder& b) {
        b.Text(r.started_at).Text(r.finished_at).Int64(r.version_before);
        if (version_after) {
          b.Int64(*version_after);
        } else {
          b.OptionalDouble(std::nullopt);  // NULL
        }
        b.Int64(r.tokens)
            .Double(r.new_loss_before)
            .Double(r.new_loss_after)
            .Double(r.base_ppl_before)
            .Double(r.base_ppl_after)
            .Text(status)
            .TextEmptyAsNull(r.message)
            .Text(r.mode)
            .Double(r.seconds)
            .OptionalDouble(r.fact_loss_before)
            .OptionalDouble(r.fact_loss_after);
      });
  const int64_t sleep_id = sqlite3_last_insert_rowid(db_);
  for (std::size_t i = 0; s.ok() && i < replay_ids.size(); i++) {
    s = RunStatement(db_, "INSERT INTO sleep_replay (sleep_id, replay_id) VALUES (?, ?)", what,
                     [&](Binder& b) { b.Int64(sleep_id).Int64(replay_ids[i]); });
  }
  return s;
}

Status SleepStore::Accept(const SleepRecord& record, std::string_view weights,
                          const std::vector<int64_t>& replay_ids, int64_t* version) {
  assert(version != nullptr);
  const std::string what = brain_->path() + ": store the sleep's cortex version";
  return InTransaction(db_, what, [&]() -> Status {
    int64_t active = 0, highest = 0;
    Status s = QueryInt64(db_, "SELECT coalesce(max(version), 0) FROM cortex_versions",
                          what, &highest);
    if (s.ok()) {
      s = QueryInt64(db_, "SELECT coalesce(max(version), 0) FROM cortex_versions "
                          "WHERE active = 1", what, &active);
    }
    if (!s.ok()) return s;
    if (active != record.version_before) {
      return Status::IOError(what + ": the active version changed from " +
                             std::to_string(record.version_before) + " to " +
                             std::to_string(active) + " during the sleep; nothing was stored");
    }
    const int64_t next = highest + 1;
    const std::string note = "sleep (" + record.mode + ")";  // bound, so it outlives the step
    s = Exec(db_, "UPDATE cortex_versions SET active = 0 WHERE active = 1", what);
    if (s.ok()) {
      s = RunStatement(db_,
                       "INSERT INTO cortex_versions (version, created_at, parent_version, "
                       "active, weights, note) VALUES (?, ?, ?, 1, ?, ?)",
                       what, [&](Binder& b) {
                         b.Int64(next)
                             .Text(record.finished_at)
                             .Int64(record.version_before)
                             .Blob(weights)
                             .Text(note);
                       });
    }
    if (s.ok()) s = InsertHistory(record, "accepted", next, replay_ids, what);
    for (std::size_t i = 0; s.ok() && i < replay_ids.size(); i++) {
      s = RunStatement(db_, "UPDATE replay_buffer SET consolidated_in = ? WHERE id = ?", what,
                       [&](Binder& b) { b.Int64(next).Int64(replay_ids[i]); });
    }
    if (!s.ok()) return s;
    *version = next;
    return Status::OK();
  });
}

Status SleepStore::Reject(const SleepRecord& record, const std::vector<int64_t>& replay_ids) {
  const std::string what = brain_->path() + ": record the rejected sleep";
  return InTransaction(db_, what, [&] {
    return InsertHistory(record, "rejected", std::nullopt, replay_ids, what);
  });
}

Status SleepStore::Versions(std::vector<VersionInfo>* out) {
  const std::string what = brain_->path() + ": list the cortex versions";
  StmtPtr stmt;
  Status s = Prepare(db_,
                     "SELECT v.version, v.created_at, v.parent_version, v.active, "
                     "coalesce(v.note, ''), h.id, h.started_at, h.finished_at, h.mode, h.tokens, "
                     "h.seconds, h.new_loss_before, h.new_loss_after, h.base_ppl_before, "
                     "h.base_ppl_after, h.fact_loss_before, h.fact_loss_after, "
                     "(SELECT count(*) FROM replay_buffer AS r WHERE r.consolidated_in = "
                     "v.version) "
                     "FROM cortex_versions AS v LEFT JOIN sleep_history AS h "
                     "ON h.version_after = v.version ORDER BY v.version",
                     /*persistent=*/false, what, &stmt);
  if (!s.ok()) return s;
  out->clear();
  auto optional = [&](int i) {
    return sqlite3_column_type(stmt.get(), i) == SQLITE_NULL
               ? std::nullopt
               : std::optional<double>(sqlite3_column_double(stmt.get(), i));
  };
  int rc;
  while ((rc = sqlite3_step(stmt.get())) == SQLITE_ROW) {
    VersionInfo v;
    v.version = sqlite3_column_int64(stmt.get(), 0);
    if (s = ReadColumn(stmt.get(), 1, what, &v.created_at); !s.ok()) return s;
    if (sqlite3_column_type(stmt.get(), 2) != SQLITE_NULL) {
      v.parent = sqlite3_column_int64(stmt.get(), 2);
    }
    v.active = sqlite3_column_int(stmt.get(), 3) == 1;
    if (s = ReadColumn(stmt.get(), 4, what, &v.note); !s.ok()) return s;
    if (sqlite3_column_type(stmt.get(), 5) != SQLITE_NULL) {
      SleepRecord h;
      if (s = ReadColumn(stmt.get(), 6, what, &h.started_at); !s.ok()) return s;
      if (s = ReadColumn(stmt.get(), 7, what, &h.finished_at); !s.ok()) return s;
      if (s = ReadColumn(stmt.get(), 8, what, &h.mode); !s.ok()) return s;
      h.version_before = v.parent.value_or(0);
      h.tokens = sqlite3_column_int64(stmt.get(), 9);
      h.seconds = sqlite3_column_double(stmt.get(), 10);
      h.new_loss_before = sqlite3_column_double(stmt.get(), 11);
      h.new_loss_after = sqlite3_column_double(stmt.get(), 12);
      h.base_ppl_before = sqlite3_column_double(stmt.get(), 13);
      h.base_ppl_after = sqlite3_column_double(stmt.get(), 14);
      h.fact_loss_before = optional(15);
      h.fact_loss_after = optional(16);
      v.sleep = std::move(h);
    }
    v.replay_rows = sqlite3_column_int64(stmt.get(), 17);
    out->push_back(std::move(v));
  }
  return rc == SQLITE_DONE ? Status::OK() : SqliteStatus(rc, db_, what);
}

Status SleepStore::Activate(int64_t version) {
  const std::string what = brain_->path() + ": make cortex version " + std::to_string(version) +
                           " active";
  return InTransaction(db_, what, [&]() -> Status {
    // Off first: at most one version is ever active (the partial unique index).
    Status s = Exec(db_, "UPDATE cortex_versions SET active = 0 WHERE active = 1", what);
    if (s.ok()) {
      s = RunStatement(db_, "UPDATE cortex_versions SET active = 1 WHERE version = ?", what,
                       [&](Binder& b) { b.Int64(version); });
    }
    if (s.ok() && sqlite3_changes(db_) == 0) s = Status::NotFound(what + ": no such version");
    return s;
  });
}

}  // namespace brainhost
