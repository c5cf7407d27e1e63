#include "brain/episode_store.h"

namespace brainhost {

namespace {

constexpr char kColumns[] =
    "e.id, e.session_id, e.region, e.subject, e.relation, e.value, e.candidates, e.cue, e.text, "
    "e.created_at, e.superseded_by";

// FTS5 query text for "any of these words": each term a quoted string (quotes doubled), so
// words like NOT, NEAR or "drop" in user text are never read as query syntax.
std::string AnyOf(const std::vector<std::string>& terms) {
  std::string query;
  for (const std::string& term : terms) {
    if (term.empty()) continue;
    if (!query.empty()) query += " OR ";
    query += '"';
    for (char c : term) query += c == '"' ? std::string("\"\"") : std::string(1, c);
    query += '"';
  }
  return query;
}

}  // namespace

EpisodeStore::EpisodeStore(Brain* brain) : brain_(brain), db_(brain->handle()) {}

Status EpisodeStore::Statement(StmtPtr* slot, const std::string& sql, const std::string& what,
                               sqlite3_stmt** out) {
  if (*slot == nullptr) {
    if (Status s = Prepare(db_, sql, /*persistent=*/true, what, slot); !s.ok()) return s;
  }
  *out = slot->get();
  return Status::OK();
}

Status EpisodeStore::Collect(sqlite3_stmt* stmt, const std::string& what,
                             std::vector<EpisodeRecord>* out) {
  out->clear();
  int rc;
  while ((rc = sqlite3_step(stmt)) == SQLITE_ROW) {
    EpisodeRecord e;
    e.id = sqlite3_column_int64(stmt, 0);
    std::string* text_columns[] = {&e.session_id, &e.region,     &e.subject, &e.relation,
                                   &e.value,      &e.candidates, &e.cue,     &e.text,
                                   &e.created_at};
    for (int i = 0; i < 9; ++i) {
      if (Status s = ReadColumn(stmt, i + 1, what, text_columns[i]); !s.ok()) return s;
    }
    e.superseded_by = sqlite3_column_int64(stmt, 10);
    out->push_back(std::move(e));
  }
  return SqliteStatus(rc, db_, what);
}

Status EpisodeStore::Insert(const EpisodeRecord& e, int64_t* id) {
  const std::string what = brain_->path() + ": store episode";
  sqlite3_stmt* stmt = nullptr;
  Status s = Statement(&insert_, "INSERT INTO episodes (session_id, region, subject, relation, value, "
                     "candidates, cue, text, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)", what, &stmt);
  ScopedReset reset(stmt);
  if (!s.ok()) return s;
  const std::string now = Brain::NowIso8601();  // bound without a copy: must outlive the step
  int rc = Binder(stmt)
               .TextEmptyAsNull(e.session_id)
               .TextEmptyAsNull(e.region)
               .Text(e.subject)
               .Text(e.relation)
               .Text(e.value)
               .Text(e.candidates)
               .Text(e.cue)
               .Text(e.text)
               .Text(now)
               .rc();
  if (rc == SQLITE_OK) rc = sqlite3_step(stmt);
  if (rc != SQLITE_DONE) return SqliteStatus(rc, db_, what);
  *id = sqlite3_last_insert_rowid(db_);
  return Status::OK();
}

Status EpisodeStore::Supersede(int64_t old_id, int64_t new_id) {
  const std::string what = brain_->path() + ": supersede episode " + std::to_string(old_id);
  sqlite3_stmt* stmt = nullptr;
  Status s = Statement(&supersede_, "UPDATE episodes SET superseded_by = ?2 WHERE id = ?1 "
                     "AND EXISTS (SELECT 1 FROM episodes WHERE id = ?2)", what, &stmt);
  ScopedReset reset(stmt);
  if (!s.ok()) return s;
  int rc = Binder(stmt).Int64(old_id).Int64(new_id).rc();
  if (rc == SQLITE_OK) rc = sqlite3_step(stmt);
  if (rc != SQLITE_DONE) return SqliteStatus(rc, db_, what);
  if (sqlite3_changes(db_) == 0) return Status::NotFound(what + ": no such episode");
  return Status::OK();
}

Status EpisodeStore::Search(const std::vector<std::string>& terms, int limit,
                            std::vector<EpisodeRecord>* out) {
  out->clear();
  const std::string query = AnyOf(terms);
  if (query.empty()) return Status::OK();
  const std::string what = brain_->path() + ": search episodes";
  // Walking the index newest first and stopping at the limit keeps a search over a
  // million episodes as fast as one over ten.
  sqlite3_stmt* stmt = nullptr;
  Status s = Statement(&search_,
                       std::string("SELECT ") + kColumns +
                           " FROM episodes_fts AS f JOIN episodes AS e ON e.id = f.rowid "
                           "WHERE episodes_fts MATCH ? AND e.superseded_by IS NULL "
                           "ORDER BY f.rowid DESC LIMIT ?",
                       what, &stmt);
  ScopedReset reset(stmt);
  if (!s.ok()) return s;
  int rc = Binder(stmt).Text(query).Int64(limit).rc();
  if (rc != SQLITE_OK) return SqliteStatus(rc, db_, what);
  return Collect(stmt, what, out);
}

Status EpisodeStore::Find(const std::string& subject, const std::string& relation,
                          bool include_superseded, std::vector<EpisodeRecord>* out) {
  const std::string what = brain_->path() + ": find episodes " + subject + "/" + relation;
  sqlite3_stmt* stmt = nullptr;
  Status s = Statement(&find_, std::string("SELECT ") + kColumns +
                         " FROM episodes AS e WHERE e.subject = ? AND e.relation = ? "
                         "AND (? OR e.superseded_by IS NULL) ORDER BY e.id DESC", what, &stmt);
  ScopedReset reset(stmt);
  if (!s.ok()) return s;
  int rc = Binder(stmt).Text(subject).Text(relation).Int64(include_superseded).rc();
  if (rc != SQLITE_OK) return SqliteStatus(rc, db_, what);
  return Collect(stmt, what, out);
}

Status EpisodeStore::Recent(int limit, std::vector<EpisodeRecord>* out) {
  const std::string what = brain_->path() + ": recent episodes";
  sqlite3_stmt* stmt = nullptr;
  Status s = Statement(&recent_, std::string("SELECT ") + kColumns +
                         " FROM episodes AS e WHERE e.superseded_by IS NULL "
                         "ORDER BY e.id DESC LIMIT ?", what, &stmt);
  ScopedReset reset(stmt);
  if (!s.ok()) return s;
  int rc = Binder(stmt).Int64(limit).rc();
  if (rc != SQLITE_OK) return SqliteStatus(rc, db_, what);
  return Collect(stmt, what, out);
}

Status EpisodeStore::LearntBy(int64_t id, std::vector<int64_t>* versions) {
  const std::string what = brain_->path() + ": which versions learnt episode " + std::to_string(id);
  StmtPtr stmt;
  Status s = Prepare(db_,
                     "SELECT DISTINCT r.consolidated_in FROM replay_buffer AS r "
                     "JOIN episodes AS e ON e.turn_id = r.turn_id "
                     "WHERE e.id = ? AND r.consolidated_in IS NOT NULL ORDER BY 1",
                     /*persistent=*/false, what, &stmt);
  if (!s.ok()) return s;
  int rc = Binder(stmt.get()).Int64(id).rc();
  versions->clear();
  while (rc == SQLITE_OK && (rc = sqlite3_step(stmt.get())) == SQLITE_ROW) {
    versions->push_back(sqlite3_column_int64(stmt.get(), 0));
    rc = SQLITE_OK;
  }
  return rc == SQLITE_DONE ? Status::OK() : SqliteStatus(rc, db_, what);
}

Status EpisodeStore::Forget(int64_t id) {
  const std::string what = brain_->path() + ": forget episode " + std::to_string(id);
  // The history chain: everything reachable through superseded_by, in both directions.
  // Recorded in a temp table so every later statement sees the same set.
  const std::string chain =
      "CREATE TEMP TABLE IF NOT EXISTS forget_chain (id INTEGER PRIMARY KEY);"
      "DELETE FROM forget_chain;"
      "WITH RECURSIVE chain(id) AS ("
      "  SELECT id FROM episodes WHERE id = " + std::to_string(id) +
      "  UNION SELECT e.id FROM episodes AS e JOIN chain AS c ON e.superseded_by = c.id"
      "  UNION SELECT e.superseded_by FROM episodes AS e JOIN chain AS c ON e.id = c.id"
      "        WHERE e.superseded_by IS NOT NULL)"
      "INSERT INTO forget_chain SELECT id FROM chain;";
  const char* erase =
      "DELETE FROM replay_buffer WHERE turn_id IN (SELECT turn_id FROM episodes WHERE id IN "
      "  (SELECT id FROM forget_chain)) OR text IN (SELECT text FROM episodes WHERE id IN "
      "  (SELECT id FROM forget_chain));"
      "UPDATE turns SET user_text = '(forgotten)' WHERE id IN (SELECT turn_id FROM episodes "
      "  WHERE id IN (SELECT id FROM forget_chain));"
      "DELETE FROM episodes WHERE id IN (SELECT id FROM forget_chain);";
  if (Status s = Exec(db_, "SAVEPOINT forget", what); !s.ok()) return s;
  Status s = Exec(db_, chain.c_str(), what);
  int64_t found = 0;
  if (s.ok()) s = QueryInt64(db_, "SELECT count(*) FROM temp.forget_chain", what, &found);
  if (s.ok() && found == 0) s = Status::NotFound(what + ": no such episode");
  if (s.ok()) s = Exec(db_, erase, what);
  if (!s.ok()) {
    Exec(db_, "ROLLBACK TO forget; RELEASE forget", what);
    return s;
  }
  return Exec(db_, "RELEASE forget", what);
}

Status EpisodeStore::AttachToTurn(const std::vector<int64_t>& ids, int64_t turn_id) {
  const std::string what = brain_->path() + ": attach episodes to turn";
  sqlite3_stmt* stmt = nullptr;
  Status s = Statement(&attach_, "UPDATE episodes SET turn_id = ? WHERE id = ?", what, &stmt);
  ScopedReset reset(stmt);
  for (int64_t id : ids) {
    if (!s.ok()) return s;
    int rc = Binder(stmt).Int64(turn_id).Int64(id).rc();
    if (rc == SQLITE_OK) rc = sqlite3_step(stmt);
    if (rc != SQLITE_DONE) return SqliteStatus(rc, db_, what);
    sqlite3_reset(stmt);
  }
  return s;
}

Status EpisodeStore::RecordTrace(int64_t turn_id, const TraceRecord& t) {
  const std::string what = brain_->path() + ": record retrieval trace";
  sqlite3_stmt* stmt = nullptr;
  Status s = Statement(&trace_, "INSERT INTO retrieval_trace (turn_id, region, source, episode_id, score, "
                     "overlap, binding, specificity, recency) "
                     "VALUES (?, ?, ?, (SELECT id FROM episodes WHERE id = ?), ?, ?, ?, ?, ?)", what, &stmt);
  ScopedReset reset(stmt);
  if (!s.ok()) return s;
  int rc = Binder(stmt)
               .Int64(turn_id)
               .Text(t.region)
               .TextEmptyAsNull(t.source)
               .Int64(t.episode_id)
               .Double(t.score)
               .Double(t.overlap)
               .Double(t.binding)
               .Double(t.specificity)
               .Double(t.recency)
               .rc();
  if (rc == SQLITE_OK) rc = sqlite3_step(stmt);
  if (rc != SQLITE_DONE) return SqliteStatus(rc, db_, what);
  return Status::OK();
}

}  // namespace brainhost
