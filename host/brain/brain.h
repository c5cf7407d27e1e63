// Brain: the host's handle on the brain file, one SQLite database that grows with use.
//
// It records sessions and turns (one transaction per turn) and keeps each region instance's
// persistent state. Tables, invariants and transaction states are specified at the top of
// schema.cc; `brainhost sql` and ab_report.h read the same file.
//
// Thread safety: a Brain is used by one thread at a time; callers serialize access. Several
// processes may open the same file: SQLite's WAL locking orders them, and a writer waits up
// to five seconds for another before failing with IOError ("database is locked").
#ifndef BRAINHOST_HOST_BRAIN_BRAIN_H
#define BRAINHOST_HOST_BRAIN_BRAIN_H

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "brain/sqlite_util.h"
#include "status.h"

namespace brainhost {

struct SessionRecord {
  std::string id;          // chosen by the caller, unique per session
  std::string started_at;  // ISO-8601 UTC, e.g. Brain::NowIso8601()
  std::string config;      // the routing graph file; "" = none (stored as NULL)
  std::string experiment;  // A/B experiment name; "" = none (stored as NULL)
  std::string variant;     // A/B variant; "" = none (stored as NULL)
};

struct TurnRecord {
  std::string session_id;
  int64_t turn_index = 0;  // >= 0, unique within the session
  std::string created_at;  // ISO-8601 UTC
  std::string user_text;
  std::string reply;
  std::optional<std::string> region;  // instance that answered; nullopt = none did
  std::optional<double> confidence;
  std::string variant;    // "" = not in an experiment (stored as NULL)
  double latency_ms = 0;  // >= 0
};

class Brain {
 public:
  // Opens the brain at path, creating the file if it does not exist, and brings its schema
  // up to date (Migrate in schema.h). On success stores the brain in *out; on failure leaves
  // *out untouched and returns, each message naming path:
  //   IOError("cannot open brain PATH: directory DIR does not exist")
  //   IOError("cannot open brain PATH: directory DIR is read-only") or "...: file is read-only"
  //     (WAL mode creates PATH-wal and PATH-shm beside the file, so both must be writable)
  //   Corruption("PATH is not a brainhost brain: file is not a database") for a file that is
  //     not SQLite, or "...: ..." for another program's SQLite database. Such a file is left
  //     byte-for-byte as it was, with no -wal or -shm file created beside it.
  //   NotSupported for a brain written by a newer brainhost (see Migrate).
  //   IOError when WAL mode cannot be enabled (e.g. a file system without shared memory).
  static Status Open(const std::string& path, std::unique_ptr<Brain>* out);

  Brain(const Brain&) = delete;
  Brain& operator=(const Brain&) = delete;

  // Closes the file. An open turn is rolled back, as if the process had died.
  ~Brain();

  // Records a session. A session whose id is already stored is left as it was (so a resumed
  // session keeps its original start and variant). Returns InvalidArgument for an empty id.
  // Inside a turn it is part of the turn's transaction.
  Status StartSession(const SessionRecord& s);

  // --- The turn transaction --------------------------------------------------------------
  // A turn is recorded as BeginTurn(), RecordTurn(), any RecordTurnEvent() and state writes,
  // then CommitTurn(); all of it persists or none of it does. BeginTurn takes the write lock
  // at once, so a brain held by another process fails here, before any region has run.

  // Starts the turn transaction (BEGIN IMMEDIATE). Returns IOError if another connection
  // holds the write lock for more than five seconds.
  // REQUIRES: no turn is open.
  Status BeginTurn();

  // Stores one turn and sets *turn_id to its row id (turns.id), the key of its events.
  // Returns InvalidArgument when the turn breaks a table rule: turn_index already used in the
  // session or negative, a session that StartSession never recorded, negative latency.
  // REQUIRES: a turn is open; turn_id != nullptr.
  Status RecordTurn(const TurnRecord& t, int64_t* turn_id);

  // Stores what one region did during the turn. kind is "error", "skipped" or "answer"
  // (InvalidArgument otherwise); message may be empty (stored as NULL).
  // REQUIRES: a turn is open; turn_id came from RecordTurn in this turn.
  Status RecordTurnEvent(int64_t turn_id, const std::string& region, const std::string& kind,
                         const std::string& message);

  // Commits the turn: the turn, its events and every state change made since BeginTurn
  // become durable together. On failure the turn is rolled back, nothing of it persists, and
  // the error is returned; either way the turn is over.
  // REQUIRES: a turn is open.
  Status CommitTurn();

  // Discards the turn and every state change made since BeginTurn. Never fails in a way the
  // caller could act on: if SQLite cannot roll back, the transaction ends when the brain is
  // closed, and the next BeginTurn reports the error.
  // REQUIRES: a turn is open.
  void RollbackTurn();

  // Whether BeginTurn has been called without a matching CommitTurn or RollbackTurn.
  bool in_turn() const { return in_turn_; }

  // The turn_index the session's next turn should use: one past the largest recorded, 0 for
  // a session with no turns (or one never started). Returns -1 if the brain cannot be read;
  // RecordTurn refuses that index, so the failure surfaces as a Status there.
  int64_t NextTurnIndex(const std::string& session_id);

  // Sets *out to the session's last `limit` recorded turns, oldest first, with session_id,
  // turn_index, user_text and reply filled in (the other fields are left at their defaults).
  // A session with no turns gives an empty list. REQUIRES: limit >= 0; out != nullptr.
  Status RecentTurns(const std::string& session_id, int limit, std::vector<TurnRecord>* out);

  // --- Per-region state ------------------------------------------------------------------
  // Each region instance (named by its instance name) has its own key/value namespace; the
  // value is opaque bytes. Inside a turn the calls are part of the turn's transaction (and are
  // discarded with it); outside, each write commits on its own.

  // Sets *value to the bytes stored under (region, key), or returns NotFound.
  // REQUIRES: value != nullptr.
  Status StateGet(const std::string& region, const std::string& key, std::string* value);

  // Stores value under (region, key), replacing any previous value. region must not be empty.
  Status StatePut(const std::string& region, const std::string& key, std::string_view value);

  // Removes (region, key). Removing a key that is not there is OK.
  Status StateDelete(const std::string& region, const std::string& key);

  // Copies the turn log (sessions, turns and their events; not memories or region state) of
  // the brain at `path` into this one, in one transaction: how `bench recall` gathers chats
  // that each ran in a brain of their own into the one `ab report` reads. Returns
  // InvalidArgument ("UNIQUE constraint failed: sessions.id") when a session id is in both,
  // and nothing is copied; Open's errors when path is not a brain.
  // REQUIRES: no turn is open.
  Status ImportTurnLog(const std::string& path);

  // --- Inspection --------------------------------------------------------------------------

  // The open connection, for read queries (tests, the A/B report). The Brain keeps
  // ownership; the handle is valid until the Brain is destroyed. Writing through it bypasses
  // the turn rules above.
  sqlite3* handle() { return db_.get(); }

  // The path the brain was opened with.
  const std::string& path() const { return path_; }

  // The file's schema version (PRAGMA user_version), or -1 if it cannot be read.
  int SchemaVersion();

  // The current time as ISO-8601 UTC with milliseconds: "2025-01-02T03:04:05.678Z".
  static std::string NowIso8601();

 private:
  Brain(std::string path, SqlitePtr db);

  Status PrepareStatements();
  // "PATH: what: <sqlite message>" for a failed sqlite call on this connection.
  Status Error(int rc, const std::string& what);
  // Fails if SQLite has already rolled back the open turn on its own (state TURN* in
  // schema.cc): writing now would autocommit a fragment of the turn.
  Status CheckTurnIntact(const std::string& what);
  // Steps a cached statement whose parameters are bound (bind_rc is the Binder's verdict)
  // and that returns no rows, then resets it.
  Status Run(sqlite3_stmt* stmt, int bind_rc, const std::string& what);

  const std::string path_;
  SqlitePtr db_;
  bool in_turn_ = false;

  // Statements prepared once in Open and reused for every turn; finalized in ~Brain.
  StmtPtr begin_;
  StmtPtr commit_;
  StmtPtr insert_session_;
  StmtPtr insert_turn_;
  StmtPtr insert_event_;
  StmtPtr next_turn_index_;
  StmtPtr recent_turns_;
  StmtPtr state_get_;
  StmtPtr state_put_;
  StmtPtr state_delete_;
};

}  // namespace brainhost

#endif  // BRAINHOST_HOST_BRAIN_BRAIN_H
