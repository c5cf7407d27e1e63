#include "brain/brain.h"

#include <unistd.h>

#include <cassert>
#include <cerrno>
#include <chrono>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <fstream>

#include "brain/schema.h"

namespace brainhost {

namespace {

namespace fs = std::filesystem;

// A writer waits this long for another process's write lock before BeginTurn fails.
constexpr int kBusyTimeoutMs = 5000;

// Everything Open can say about path before SQLite touches it. A file that is not SQLite is
// refused here, by its 16-byte header, so that nothing (no WAL switch, no -wal or -shm file
// beside it, no recovery) ever reaches it: a mistyped path must not cost the user a file.
Status CheckPath(const std::string& path) {
  const std::string prefix = "cannot open brain " + path + ": ";
  fs::path dir = fs::path(path).parent_path();
  if (dir.empty()) dir = ".";
  std::error_code ec;
  const fs::file_status dir_status = fs::status(dir, ec);
  if (!fs::exists(dir_status)) {
    return Status::IOError(prefix + "directory " + dir.string() + " does not exist");
  }
  if (!fs::is_directory(dir_status)) {
    return Status::IOError(prefix + dir.string() + " is not a directory");
  }

  const fs::file_status file_status = fs::status(path, ec);
  const bool exists = fs::exists(file_status);
  if (exists && fs::is_directory(file_status)) return Status::IOError(prefix + "it is a directory");
  if (exists && !fs::is_regular_file(file_status)) {
    return Status::IOError(prefix + "it is not a regular file");
  }
  if (exists && fs::file_size(path, ec) > 0) {
    static constexpr char kMagic[16] = "SQLite format 3";  // with its terminating NUL
    char header[sizeof kMagic] = {};
    std::ifstream in(path, std::ios::binary);
    if (!in) return Status::IOError(prefix + "cannot read it: " + std::strerror(errno));
    in.read(header, sizeof header);
    if (in.gcount() != static_cast<std::streamsize>(sizeof header) ||
        std::memcmp(header, kMagic, sizeof kMagic) != 0) {
      return Status::Corruption(path + " is not a brainhost brain: file is not a database");
    }
  }

  // WAL mode keeps PATH-wal and PATH-shm beside the file and removes them on the last close,
  // so the directory must be writable even when the file already exists.
  if (::access(dir.c_str(), W_OK) != 0) {
    return Status::IOError(prefix + "directory " + dir.string() + " is read-only");
  }
  if (exists && ::access(path.c_str(), W_OK) != 0) {
    return Status::IOError(prefix + "file is read-only");
  }
  return Status::OK();
}

// PRAGMA journal_mode=WAL reports the mode in force afterwards, which is not WAL where the
// file system cannot provide shared memory for the WAL index.
Status EnableWal(sqlite3* db, const std::string& path) {
  const std::string context = "cannot open brain " + path + ": journal_mode=WAL";
  StmtPtr stmt;
  Status s = Prepare(db, "PRAGMA journal_mode=WAL", /*persistent=*/false, context, &stmt);
  if (!s.ok()) return s;
  const int rc = sqlite3_step(stmt.get());
  if (rc != SQLITE_ROW) return SqliteStatus(rc, db, context);
  std::string mode;
  s = ReadColumn(stmt.get(), 0, context, &mode);
  if (!s.ok()) return s;
  if (mode != "wal") {
    return Status::IOError(context + ": the file stays in " + mode +
                           " mode (a file system without shared memory?)");
  }
  return Status::OK();
}

Status ConfigureConnection(sqlite3* db, const std::string& path) {
  const std::string context = "cannot open brain " + path;
  int rc = sqlite3_extended_result_codes(db, 1);
  if (rc == SQLITE_OK) rc = sqlite3_busy_timeout(db, kBusyTimeoutMs);
  if (rc != SQLITE_OK) return SqliteStatus(rc, db, context);

  Status s = CheckBrainFile(db, path);
  if (!s.ok()) return s;
  s = EnableWal(db, path);
  if (!s.ok()) return s;
  // NORMAL syncs the WAL only at checkpoints, not at every commit: a committed turn is in the
  // OS's hands once COMMIT returns, so it survives kill -9 of the process; only a power loss
  // or OS crash can cost the last few commits, and never the file's consistency.
  s = Exec(db, "PRAGMA synchronous=NORMAL", context + ": synchronous=NORMAL");
  if (!s.ok()) return s;
  // Through db_config rather than the pragma, because it reports whether the setting took.
  int foreign_keys = 0;
  rc = sqlite3_db_config(db, SQLITE_DBCONFIG_ENABLE_FKEY, 1, &foreign_keys);
  if (rc != SQLITE_OK) return SqliteStatus(rc, db, context + ": foreign_keys=ON");
  if (foreign_keys != 1) {
    return Status::NotSupported(context + ": this SQLite was built without foreign keys");
  }
  return Migrate(db, path);
}

}  // namespace

Brain::Brain(std::string path, SqlitePtr db) : path_(std::move(path)), db_(std::move(db)) {}

Brain::~Brain() {
  // Closing would roll back too; saying so keeps the TURN -> CLOSED transition visible.
  if (in_turn_) (void)RollbackIfOpen(db_.get());
}

Status Brain::Open(const std::string& path, std::unique_ptr<Brain>* out) {
  assert(out != nullptr);
  if (path.empty()) return Status::InvalidArgument("cannot open brain: the path is empty");
  Status s = CheckPath(path);
  if (!s.ok()) return s;

  sqlite3* raw = nullptr;
  const int rc = sqlite3_open_v2(SqliteFilename(path).c_str(), &raw,
                                 SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, nullptr);
  SqlitePtr db(raw);  // sqlite3_open_v2 allocates a handle even when it fails
  if (rc != SQLITE_OK) return SqliteStatus(rc, db.get(), "cannot open brain " + path);
  s = ConfigureConnection(db.get(), path);
  if (!s.ok()) return s;

  std::unique_ptr<Brain> brain(new Brain(path, std::move(db)));
  s = brain->PrepareStatements();
  if (!s.ok()) return s;
  *out = std::move(brain);
  return Status::OK();
}

Status Brain::PrepareStatements() {
  struct {
    StmtPtr* stmt;
    const char* sql;
  } const statements[] = {
      {&begin_, "BEGIN IMMEDIATE"},
      {&commit_, "COMMIT"},
      {&insert_session_,
       "INSERT INTO sessions(id, started_at, config, experiment, variant) "
       "VALUES (?, ?, ?, ?, ?) ON CONFLICT(id) DO NOTHING"},
      {&insert_turn_,
       "INSERT INTO turns(session_id, turn_index, created_at, user_text, reply, region, "
       "confidence, variant, latency_ms) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)"},
      {&insert_event_,
       "INSERT INTO turn_events(turn_id, region, kind, message) VALUES (?, ?, ?, ?)"},
      {&next_turn_index_,
       "SELECT COALESCE(MAX(turn_index) + 1, 0) FROM turns WHERE session_id = ?"},
      {&recent_turns_,
       "SELECT turn_index, user_text, reply FROM (SELECT turn_index, user_text, reply FROM turns "
       "WHERE session_id = ? ORDER BY turn_index DESC LIMIT ?) ORDER BY turn_index"},
      {&state_get_, "SELECT value FROM region_state WHERE region = ? AND key = ?"},
      {&state_put_,
       "INSERT INTO region_state(region, key, value, updated_at) VALUES (?, ?, ?, ?) "
       "ON CONFLICT(region, key) DO UPDATE SET value = excluded.value, "
       "updated_at = excluded.updated_at"},
      {&state_delete_, "DELETE FROM region_state WHERE region = ? AND key = ?"},
  };
  for (const auto& s : statements) {
    Status status = Prepare(db_.get(), s.sql, /*persistent=*/true,
                            path_ + ": preparing \"" + s.sql + "\"", s.stmt);
    if (!status.ok()) return status;
  }
  return Status::OK();
}

Status Brain::Error(int rc, const std::string& what) {
  return SqliteStatus(rc, db_.get(), path_ + ": " + what);
}

Status Brain::CheckTurnIntact(const std::string& what) {
  if (in_turn_ && sqlite3_get_autocommit(db_.get())) {
    return Status::IOError(path_ + ": " + what +
                           ": the turn was already rolled back after an earlier error");
  }
  return Status::OK();
}

Status Brain::Run(sqlite3_stmt* stmt, int bind_rc, const std::string& what) {
  ScopedReset reset(stmt);
  const int rc = bind_rc == SQLITE_OK ? sqlite3_step(stmt) : bind_rc;
  if (rc != SQLITE_DONE) return Error(rc, what);
  return Status::OK();
}

Status Brain::StartSession(const SessionRecord& s) {
  if (s.id.empty()) return Status::InvalidArgument(path_ + ": start session: empty session id");
  const std::string what = "start session " + s.id;
  Status status = CheckTurnIntact(what);
  if (!status.ok()) return status;
  sqlite3_stmt* stmt = insert_session_.get();
  const int rc = Binder(stmt)
                     .Text(s.id)
                     .Text(s.started_at)
                     .TextEmptyAsNull(s.config)
                     .TextEmptyAsNull(s.experiment)
                     .TextEmptyAsNull(s.variant)
                     .rc();
  return Run(stmt, rc, what);
}

Status Brain::ImportTurnLog(const std::string& path) {
  assert(!in_turn_ && "ImportTurnLog: a turn is open");
  const std::string what = "import the turn log of " + path;
  {
    // Opening it checks that it is a brain, and brings its schema up to this one's.
    std::unique_ptr<Brain> other;
    if (Status s = Open(path, &other); !s.ok()) return s;
  }
  StmtPtr attach;
  Status s = Prepare(db_.get(), "ATTACH DATABASE ? AS other", false, what, &attach);
  if (!s.ok()) return s;
  s = Run(attach.get(), Binder(attach.get()).Text(path).rc(), what);
  if (!s.ok()) return s;
  // Turn ids are this brain's; events follow their turn by (session, index).
  s = Exec(db_.get(),
           "BEGIN IMMEDIATE;"
           "INSERT INTO sessions SELECT id, started_at, config, experiment, variant"
           "  FROM other.sessions;"
           "INSERT INTO turns (session_id, turn_index, created_at, user_text, reply, region,"
           "                   confidence, variant, latency_ms)"
           "  SELECT session_id, turn_index, created_at, user_text, reply, region, confidence,"
           "         variant, latency_ms FROM other.turns ORDER BY id;"
           "INSERT INTO turn_events (turn_id, region, kind, message)"
           "  SELECT t.id, e.region, e.kind, e.message FROM other.turn_events e"
           "  JOIN other.turns o ON o.id = e.turn_id"
           "  JOIN turns t ON t.session_id = o.session_id AND t.turn_index = o.turn_index"
           "  ORDER BY e.id;"
           "COMMIT;",
           what);
  if (!s.ok()) RollbackIfOpen(db_.get());
  const Status detached = Exec(db_.get(), "DETACH DATABASE other", what);
  return s.ok() ? detached : s;
}

Status Brain::BeginTurn() {
  assert(!in_turn_ && "BeginTurn: a turn is already open");
  // Left over only if an earlier RollbackTurn could not roll back.
  if (!sqlite3_get_autocommit(db_.get())) {
    const int rc = sqlite3_exec(db_.get(), "ROLLBACK", nullptr, nullptr, nullptr);
    if (rc != SQLITE_OK) return Error(rc, "begin turn: ending the previous turn");
  }
  Status s = Run(begin_.get(), SQLITE_OK, "begin turn");
  if (s.ok()) in_turn_ = true;
  return s;
}

Status Brain::RecordTurn(const TurnRecord& t, int64_t* turn_id) {
  assert(in_turn_ && "RecordTurn: no open turn (call BeginTurn)");
  assert(turn_id != nullptr);
  const std::string what =
      "record turn " + std::to_string(t.turn_index) + " of session " + t.session_id;
  Status s = CheckTurnIntact(what);
  if (!s.ok()) return s;
  sqlite3_stmt* stmt = insert_turn_.get();
  const int rc = Binder(stmt)
                     .Text(t.session_id)
                     .Int64(t.turn_index)
                     .Text(t.created_at)
                     .Text(t.user_text)
                     .Text(t.reply)
                     .OptionalText(t.region)
                     .OptionalDouble(t.confidence)
                     .TextEmptyAsNull(t.variant)
                     .Double(t.latency_ms)
                     .rc();
  s = Run(stmt, rc, what);
  if (!s.ok()) return s;
  *turn_id = sqlite3_last_insert_rowid(db_.get());
  return Status::OK();
}

Status Brain::RecordTurnEvent(int64_t turn_id, const std::string& region, const std::string& kind,
                              const std::string& message) {
  assert(in_turn_ && "RecordTurnEvent: no open turn (call BeginTurn)");
  const std::string what = "record " + kind + " event of region " + region;
  if (kind != "error" && kind != "skipped" && kind != "answer") {
    return Status::InvalidArgument(path_ + ": " + what + ": kind must be error, skipped or answer");
  }
  Status s = CheckTurnIntact(what);
  if (!s.ok()) return s;
  sqlite3_stmt* stmt = insert_event_.get();
  const int rc = Binder(stmt).Int64(turn_id).Text(region).Text(kind).TextEmptyAsNull(message).rc();
  return Run(stmt, rc, what);
}

Status Brain::CommitTurn() {
  assert(in_turn_ && "CommitTurn: no open turn (call BeginTurn)");
  Status s = CheckTurnIntact("commit turn");
  in_turn_ = false;
  if (!s.ok()) return s;
  s = Run(commit_.get(), SQLITE_OK, "commit turn");
  if (!s.ok()) (void)RollbackIfOpen(db_.get());  // the commit's error is the one to report
  return s;
}

void Brain::RollbackTurn() {
  assert(in_turn_ && "RollbackTurn: no open turn");
  in_turn_ = false;
  // On failure the transaction stays open; BeginTurn ends it or reports why it cannot.
  (void)RollbackIfOpen(db_.get());
}

int64_t Brain::NextTurnIndex(const std::string& session_id) {
  sqlite3_stmt* stmt = next_turn_index_.get();
  ScopedReset reset(stmt);
  if (Binder(stmt).Text(session_id).rc() != SQLITE_OK) return -1;
  if (sqlite3_step(stmt) != SQLITE_ROW) return -1;
  return sqlite3_column_int64(stmt, 0);
}

Status Brain::RecentTurns(const std::string& session_id, int limit,
                          std::vector<TurnRecord>* out) {
  assert(limit >= 0 && out != nullptr);
  const std::string what = "read the recent turns of session " + session_id;
  out->clear();
  sqlite3_stmt* stmt = recent_turns_.get();
  ScopedReset reset(stmt);
  int rc = Binder(stmt).Text(session_id).Int64(limit).rc();
  while (rc == SQLITE_OK && (rc = sqlite3_step(stmt)) == SQLITE_ROW) {
    TurnRecord t;
    t.session_id = session_id;
    t.turn_index = sqlite3_column_int64(stmt, 0);
    Status s = ReadColumn(stmt, 1, path_ + ": " + what, &t.user_text);
    if (s.ok()) s = ReadColumn(stmt, 2, path_ + ": " + what, &t.reply);
    if (!s.ok()) return s;
    out->push_back(std::move(t));
    rc = SQLITE_OK;
  }
  if (rc != SQLITE_DONE) return Error(rc, what);
  return Status::OK();
}

Status Brain::StateGet(const std::string& region, const std::string& key, std::string* value) {
  assert(value != nullptr);
  const std::string what = "get state " + region + "/" + key;
  if (region.empty()) return Status::InvalidArgument(path_ + ": " + what + ": empty region");
  sqlite3_stmt* stmt = state_get_.get();
  ScopedReset reset(stmt);
  int rc = Binder(stmt).Text(region).Text(key).rc();
  if (rc == SQLITE_OK) rc = sqlite3_step(stmt);
  if (rc == SQLITE_DONE) return Status::NotFound(path_ + ": no state " + region + "/" + key);
  if (rc != SQLITE_ROW) return Error(rc, what);
  return ReadColumn(stmt, 0, path_ + ": " + what, value);
}

Status Brain::StatePut(const std::string& region, const std::string& key, std::string_view value) {
  const std::string what = "put state " + region + "/" + key;
  if (region.empty()) return Status::InvalidArgument(path_ + ": " + what + ": empty region");
  Status s = CheckTurnIntact(what);
  if (!s.ok()) return s;
  const std::string now = NowIso8601();
  sqlite3_stmt* stmt = state_put_.get();
  const int rc = Binder(stmt).Text(region).Text(key).Blob(value).Text(now).rc();
  return Run(stmt, rc, what);
}

Status Brain::StateDelete(const std::string& region, const std::string& key) {
  const std::string what = "delete state " + region + "/" + key;
  if (region.empty()) return Status::InvalidArgument(path_ + ": " + what + ": empty region");
  Status s = CheckTurnIntact(what);
  if (!s.ok()) return s;
  sqlite3_stmt* stmt = state_delete_.get();
  return Run(stmt, Binder(stmt).Text(region).Text(key).rc(), what);
}

int Brain::SchemaVersion() {
  int64_t version = 0;
  if (!QueryInt64(db_.get(), "PRAGMA user_version", path_, &version).ok()) return -1;
  return static_cast<int>(version);
}

std::string Brain::NowIso8601() {
  using namespace std::chrono;
  const auto now = floor<milliseconds>(system_clock::now());
  const auto day = floor<days>(now);
  const year_month_day ymd{day};
  const hh_mm_ss<milliseconds> hms{now - day};
  char buf[32];
  std::snprintf(buf, sizeof buf, "%04d-%02u-%02uT%02d:%02d:%02d.%03dZ",
                static_cast<int>(ymd.year()), static_cast<unsigned>(ymd.month()),
                static_cast<unsigned>(ymd.day()), static_cast<int>(hms.hours().count()),
                static_cast<int>(hms.minutes().count()), static_cast<int>(hms.seconds().count()),
                static_cast<int>(hms.subseconds().count()));
  return buf;
}

}  // namespace brainhost
