#include "brain/replay_store.h"

#include <cassert>

#include "brain/sqlite_util.h"

namespace brainhost {

ReplayStore::ReplayStore(Brain* brain) : brain_(brain), db_(brain->handle()) {}

Status ReplayStore::Add(const ReplayRow& row, int64_t* id) {
  assert(id != nullptr);
  const std::string now = Brain::NowIso8601();
  Status s = RunStatement(db_,
                          "INSERT INTO replay_buffer (session_id, turn_id, text, priority, "
                          "created_at) VALUES (?, ?, ?, ?, ?)",
                          brain_->path() + ": add a replay row", [&](Binder& b) {
                            b.TextEmptyAsNull(row.session_id)
                                .Int64(row.turn_id)
                                .Text(row.text)
                                .Double(row.priority)
                                .Text(now);
                          });
  if (s.ok()) *id = sqlite3_last_insert_rowid(db_);
  return s;
}

Status ReplayStore::Last(const std::string& session_id, int64_t* id) {
  assert(id != nullptr);
  const std::string what = brain_->path() + ": find the session's last replay row";
  StmtPtr stmt;
  if (Status s = Prepare(db_, "SELECT coalesce(max(id), 0) FROM replay_buffer WHERE session_id = ?",
                         /*persistent=*/false, what, &stmt);
      !s.ok()) {
    return s;
  }
  int rc = Binder(stmt.get()).Text(session_id).rc();
  if (rc == SQLITE_OK) rc = sqlite3_step(stmt.get());
  if (rc != SQLITE_ROW) return SqliteStatus(rc, db_, what);
  *id = sqlite3_column_int64(stmt.get(), 0);
  return Status::OK();
}

Status ReplayStore::Adjust(int64_t id, double times, double add) {
  const std::string what = brain_->path() + ": adjust replay row " + std::to_string(id);
  Status s = RunStatement(db_, "UPDATE replay_buffer SET priority = priority * ? + ? WHERE id = ?",
                          what, [&](Binder& b) { b.Double(times).Double(add).Int64(id); });
  if (s.ok() && sqlite3_changes(db_) == 0) return Status::NotFound(what + ": no such row");
  return s;
}

Status ReplayStore::CaptureRecalls(int64_t turn_id, double add) {
  return RunStatement(db_,
                      "UPDATE replay_buffer SET priority = priority + ? "
                      "WHERE consolidated_in IS NULL AND turn_id IN ("
                      "  SELECT e.turn_id FROM retrieval_trace AS r "
                      "  JOIN episodes AS e ON e.id = r.episode_id WHERE r.turn_id = ?)",
                      brain_->path() + ": tag the replay rows of recalled facts",
                      [&](Binder& b) { b.Double(add).Int64(turn_id); });
}

Status ReplayStore::Pending(std::vector<ReplayRow>* out) {
  const std::string what = brain_->path() + ": read the pending replay rows";
  StmtPtr stmt;
  if (Status s = Prepare(db_,
                         "SELECT id, coalesce(session_id, ''), coalesce(turn_id, 0), text, "
                         "priority FROM replay_buffer WHERE consolidated_in IS NULL ORDER BY id",
                         /*persistent=*/false, what, &stmt);
      !s.ok()) {
    return s;
  }
  out->clear();
  int rc;
  while ((rc = sqlite3_step(stmt.get())) == SQLITE_ROW) {
    ReplayRow row;
    row.id = sqlite3_column_int64(stmt.get(), 0);
    row.turn_id = sqlite3_column_int64(stmt.get(), 2);
    row.priority = sqlite3_column_double(stmt.get(), 4);
    if (Status s = ReadColumn(stmt.get(), 1, what, &row.session_id); !s.ok()) return s;
    if (Status s = ReadColumn(stmt.get(), 3, what, &row.text); !s.ok()) return s;
    out->push_back(std::move(row));
  }
  return rc == SQLITE_DONE ? Status::OK() : SqliteStatus(rc, db_, what);
}

}  // namespace brainhost
