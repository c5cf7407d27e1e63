/*
** The brain file: its schema, invariants and transaction states.
**
** 1. One file. A brain is one SQLite database in WAL mode (Brain::Open sets it and checks it
**    took). PRAGMA application_id is kBrainApplicationId ("BRNH"); PRAGMA user_version is the
**    schema version. A file with application_id 0, user_version 0 and no schema objects is a
**    new brain; any other file without our application_id belongs to another program and is
**    refused by CheckBrainFile() before anything is written to it.
**
** 2. Versions. Version N is kMigrations[N-1] applied on top of version N-1; steps are only
**    ever appended, never edited, because a brain in the wild may be at any version.
**    Migrate() applies each missing step in its own transaction together with the
**    user_version bump, so a file is always at exactly one whole version. A file newer than
**    LatestSchemaVersion() is refused with NotSupported, never downgraded.
**
** 3. Tables (version 1). Times are ISO-8601 UTC text with milliseconds
**    ("2025-01-02T03:04:05.678Z", Brain::NowIso8601), so text order is time order. Optional
**    text that the API takes as std::string ("" = absent) is stored as NULL.
**
**    sessions        One row per chat session; id is the caller's and never reused
**                    (StartSession ignores a repeat). experiment/variant are NULL outside an
**                    A/B experiment; config names the routing graph the session ran.
**    turns           One row per user line that got a reply. INVARIANT: (session_id,
**                    turn_index) is unique and turn_index >= 0, counting 0, 1, 2, ... within the
**                    session (Brain::NextTurnIndex). session_id must name a session (foreign
**                    key). region is the instance that gave the reply, NULL when none did;
**                    variant is the A/B variant the turn ran under; latency_ms >= 0.
**    turn_events     What regions did during a turn: kind is 'error', 'skipped' or 'answer'
**                    (CHECK). Deleted with their turn (ON DELETE CASCADE).
**    region_state    A key/value namespace per region instance, (region, key) unique. The
**                    host stores value as opaque bytes and never interprets it.
**    episodes        Declarative memories, one fact each (subject, relation, value), with the
**                    cue words that should recall it and its text. superseded_by is the
**                    episode that corrected this one, NULL while it is current.
**    episodes_fts    FTS5 index of episodes(text, cue), external content. INVARIANT: it indexes
**                    exactly the rows of episodes; the triggers episodes_ai, episodes_ad and
**                    episodes_au keep it so, and nothing else writes it.
**    cortex_versions Every set of cortex weights; parent_version is the version it was
**                    trained from. INVARIANT: at most one row has active = 1 (the partial
**                    unique index cortex_versions_one_active); active is 0 or 1 (CHECK).
**    replay_buffer   Conversation text waiting for sleep to replay it; consolidated_in is the
**                    cortex version that learnt it, NULL while pending.
**    sleep_history   One row per sleep run, written by the sleep command; status is its
**                    outcome in that command's words.
**    retrieval_trace (v2) Why a memory answered: per turn, the episode and its score parts.
**                    episode_id becomes NULL when the episode is forgotten.
**    episodes gains (v2) candidates (ranked values joined by '\n') and region (who stored it).
**    sleep_replay    (v3) The replay rows each sleep trained on, accepted or not. Deleted with
**                    the row (a forgotten fact's copies) or the sleep.
**    sleep_history gains (v3) mode ('replay', 'lock' or 'both'), seconds, and the stored facts'
**                    mean loss before and after (fact_loss_before, fact_loss_after). Its status
**                    is 'accepted' or 'rejected'.
**
**    Views, for `brainhost sql` and the stock sqlite3 shell (read-only, derived):
**    v_turns          every turn with its session, in session start and turn order.
**    v_region_answers per variant and answering region: turns, share of the variant's turns,
**                     average latency. Empty variant and NULL region show as '(none)'.
**    v_sessions       per session: start, variant, number of turns, first and last turn time.
**    v_region_errors  turn_events of kind 'error' with the user text of their turn.
**    v_facts          (v2) every episode, newest first, with whether it was superseded.
**    v_fact_history   (v2) each value of each subject/relation and what replaced it.
**    v_why            (v2) per answered turn: the memory that answered and its score parts.
**    v_versions       (v3) every cortex version with the sleep that made it, if one did.
**    v_lineage        (v3) every replay row and the version that learnt it (NULL: pending).
**
** 4. Transaction states of one Brain connection, and the function causing each transition:
**
**      CLOSED --Brain::Open()------------------------> IDLE
**             (inside Open, Migrate() runs BEGIN IMMEDIATE .. COMMIT once per missing version)
**      IDLE   --Brain::BeginTurn()-------------------> TURN    BEGIN IMMEDIATE: the write lock
**                                                              is taken up front, so a busy
**                                                              brain fails here, not mid-turn
**      TURN   --Brain::CommitTurn()------------------> IDLE    COMMIT: the turn, its events and
**                                                              state written during it persist
**      TURN   --Brain::CommitTurn() failing----------> IDLE    rolled back; nothing persists
**      TURN   --Brain::RollbackTurn()----------------> IDLE    nothing of the turn persists
**      TURN   --an error after which SQLite rolled --> TURN*   no SQL transaction is open;
**               back on its own (IOERR, FULL, ...)             every further write of the turn
**                                                              is refused until RollbackTurn()
**      TURN*  --Brain::RollbackTurn()----------------> IDLE
**      IDLE   --StartSession(), StatePut(),
**               StateDelete(), a rating's
**               ReplayStore::Adjust()----------------> IDLE    each its own autocommit
**      IDLE   --CortexStore::InstallFirst()----------> IDLE    BEGIN IMMEDIATE .. COMMIT: the
**                                                              check for a first cortex version
**                                                              and its insert are one step (in
**                                                              TURN, a savepoint of the turn)
**      IDLE   --SleepStore::Accept(), Reject(),
**               Activate()---------------------------> IDLE    BEGIN IMMEDIATE .. COMMIT: a
**                                                              sleep's version, history row,
**                                                              rows and lineage as one step;
**                                                              a rollback's switch as one
**      IDLE, TURN, TURN* --Brain::~Brain()-----------> CLOSED  an open turn is rolled back
**
**    A process killed in TURN leaves the file as of the last COMMIT: SQLite discards the
**    uncommitted WAL frames at the next open. With synchronous=NORMAL a committed turn also
**    survives the process dying; only a power loss can cost the last commits.
*/
#include "brain/schema.h"

#include <cstdio>
#include <iterator>

#include "brain/sqlite_util.h"

namespace brainhost {

namespace {

// Append only. Each entry is one version's complete change, applied in one transaction.
const char* const kMigrations[] = {
    // Version 1: the initial schema.
    R"sql(
CREATE TABLE sessions (
  id          TEXT PRIMARY KEY NOT NULL,
  started_at  TEXT NOT NULL,
  config      TEXT,
  experiment  TEXT,
  variant     TEXT
);

CREATE TABLE turns (
  id          INTEGER PRIMARY KEY,
  session_id  TEXT NOT NULL REFERENCES sessions(id),
  turn_index  INTEGER NOT NULL CHECK (turn_index >= 0),
  created_at  TEXT NOT NULL,
  user_text   TEXT NOT NULL,
  reply       TEXT NOT NULL,
  region      TEXT,
  confidence  REAL,
  variant     TEXT,
  latency_ms  REAL NOT NULL CHECK (latency_ms >= 0),
  UNIQUE (session_id, turn_index)
);
-- Turns by session use the UNIQUE (session_id, turn_index) index; the A/B queries group by
-- variant and region.
CREATE INDEX turns_by_variant ON turns(variant, region);

CREATE TABLE turn_events (
  id       INTEGER PRIMARY KEY,
  turn_id  INTEGER NOT NULL REFERENCES turns(id) ON DELETE CASCADE,
  region   TEXT NOT NULL,
  kind     TEXT NOT NULL CHECK (kind IN ('error', 'skipped', 'answer')),
  message  TEXT
);
-- Without it, deleting a turn scans every event to cascade.
CREATE INDEX turn_events_by_turn ON turn_events(turn_id);

CREATE TABLE region_state (
  region      TEXT NOT NULL,
  key         TEXT NOT NULL,
  value       BLOB NOT NULL,
  updated_at  TEXT NOT NULL,
  PRIMARY KEY (region, key)
) WITHOUT ROWID;

CREATE TABLE episodes (
  id             INTEGER PRIMARY KEY,
  session_id     TEXT,
  turn_id        INTEGER,
  created_at     TEXT NOT NULL,
  subject        TEXT,
  relation       TEXT,
  value          TEXT,
  cue            TEXT,
  text           TEXT NOT NULL,
  superseded_by  INTEGER REFERENCES episodes(id)
);

CREATE VIRTUAL TABLE episodes_fts USING fts5(text, cue, content='episodes', content_rowid='id');

CREATE TRIGGER episodes_ai AFTER INSERT ON episodes BEGIN
  INSERT INTO episodes_fts(rowid, text, cue) VALUES (new.id, new.text, new.cue);
END;
CREATE TRIGGER episodes_ad AFTER DELETE ON episodes BEGIN
  INSERT INTO episodes_fts(episodes_fts, rowid, text, cue)
    VALUES ('delete', old.id, old.text, old.cue);
END;
-- Only a change to what is indexed needs reindexing; superseding an episode does not.
CREATE TRIGGER episodes_au AFTER UPDATE OF id, text, cue ON episodes BEGIN
  INSERT INTO episodes_fts(episodes_fts, rowid, text, cue)
    VALUES ('delete', old.id, old.text, old.cue);
  INSERT INTO episodes_fts(rowid, text, cue) VALUES (new.id, new.text, new.cue);
END;

CREATE TABLE cortex_versions (
  version         INTEGER PRIMARY KEY,
  created_at      TEXT NOT NULL,
  parent_version  INTEGER,
  active          INTEGER NOT NULL DEFAULT 0 CHECK (active IN (0, 1)),
  weights         BLOB,
  metrics         TEXT,
  note            TEXT
);
CREATE UNIQUE INDEX cortex_versions_one_active ON cortex_versions(active) WHERE active = 1;

CREATE TABLE replay_buffer (
  id               INTEGER PRIMARY KEY,
  session_id       TEXT,
  turn_id          INTEGER,
  text             TEXT NOT NULL,
  priority         REAL NOT NULL DEFAULT 1.0,
  created_at       TEXT NOT NULL,
  consolidated_in  INTEGER REFERENCES cortex_versions(version)
);

CREATE TABLE sleep_history (
  id               INTEGER PRIMARY KEY,
  started_at       TEXT NOT NULL,
  finished_at      TEXT,
  version_before   INTEGER,
  version_after    INTEGER,
  tokens           INTEGER,
  new_loss_before  REAL,
  new_loss_after   REAL,
  base_ppl_before  REAL,
  base_ppl_after   REAL,
  status           TEXT NOT NULL,
  message          TEXT
);

CREATE VIEW v_turns AS
SELECT t.session_id, t.turn_index, t.created_at, t.variant, t.region, t.confidence,
       t.latency_ms, t.user_text, t.reply
FROM turns AS t JOIN sessions AS s ON s.id = t.session_id
ORDER BY s.started_at, t.session_id, t.turn_index;

CREATE VIEW v_region_answers AS
SELECT variant, region, turns,
       ROUND(1.0 * turns / SUM(turns) OVER (PARTITION BY variant), 4) AS share,
       avg_latency_ms
FROM (SELECT COALESCE(NULLIF(variant, ''), '(none)') AS variant,
             COALESCE(region, '(none)') AS region,
             COUNT(*) AS turns,
             ROUND(AVG(latency_ms), 1) AS avg_latency_ms
      FROM turns GROUP BY 1, 2)
ORDER BY variant, turns DESC, region;

CREATE VIEW v_sessions AS
SELECT s.id AS session_id, s.started_at, s.variant, COUNT(t.id) AS turns,
       MIN(t.created_at) AS first_turn_at, MAX(t.created_at) AS last_turn_at
FROM sessions AS s LEFT JOIN turns AS t ON t.session_id = s.id
GROUP BY s.id
ORDER BY s.started_at, s.id;

CREATE VIEW v_region_errors AS
SELECT t.session_id, t.turn_index, t.created_at, e.region, e.message, t.user_text
FROM turn_events AS e JOIN turns AS t ON t.id = e.turn_id
WHERE e.kind = 'error'
ORDER BY t.created_at, e.id;
)sql",

    // Version 2: what the memory regions need. Each episode keeps its ranked candidate values
    // and the region that stored it; retrieval_trace says which memory answered a turn and
    // with what score parts; v_facts, v_fact_history and v_why make that one SELECT each.
    R"sql(
ALTER TABLE episodes ADD COLUMN candidates TEXT;
ALTER TABLE episodes ADD COLUMN region TEXT;
CREATE INDEX episodes_by_relation ON episodes(subject, relation, id);

CREATE TABLE retrieval_trace (
  id           INTEGER PRIMARY KEY,
  turn_id      INTEGER NOT NULL REFERENCES turns(id) ON DELETE CASCADE,
  region       TEXT NOT NULL,
  source       TEXT,
  episode_id   INTEGER REFERENCES episodes(id) ON DELETE SET NULL,
  score        REAL,
  overlap      REAL,
  binding      REAL,
  specificity  REAL,
  recency      REAL
);
CREATE INDEX retrieval_trace_by_turn ON retrieval_trace(turn_id);
CREATE INDEX retrieval_trace_by_episode ON retrieval_trace(episode_id);

CREATE VIEW v_facts AS
SELECT id, subject, relation, value, created_at AS said_at,
       superseded_by IS NOT NULL AS superseded, text, region
FROM episodes
ORDER BY id DESC;

CREATE VIEW v_fact_history AS
SELECT e.subject, e.relation, e.value, e.created_at AS said_at,
       n.value AS replaced_by, n.created_at AS replaced_at
FROM episodes AS e LEFT JOIN episodes AS n ON n.id = e.superseded_by
ORDER BY e.subject, e.relation, e.id;

CREATE VIEW v_why AS
SELECT t.session_id, t.turn_index, t.user_text, t.reply, r.region, r.source,
       e.subject, e.relation, e.value, e.text AS remembered_from,
       r.score, r.overlap, r.binding, r.specificity, r.recency
FROM retrieval_trace AS r
JOIN turns AS t ON t.id = r.turn_id
LEFT JOIN episodes AS e ON e.id = r.episode_id
ORDER BY t.id, r.id;
)sql",

    // Version 3: sleep. sleep_history keeps how each sleep ran (mode, duration, the stored
    // facts' loss) and sleep_replay which replay rows it trained on, so a rejected sleep is
    // accounted for too; an accepted one also marks each row with the version that learnt it
    // (replay_buffer.consolidated_in). v_versions and v_lineage make that one SELECT each.
    R"sql(
ALTER TABLE sleep_history ADD COLUMN mode TEXT;
ALTER TABLE sleep_history ADD COLUMN seconds REAL;
ALTER TABLE sleep_history ADD COLUMN fact_loss_before REAL;
ALTER TABLE sleep_history ADD COLUMN fact_loss_after REAL;

CREATE TABLE sleep_replay (
  sleep_id   INTEGER NOT NULL REFERENCES sleep_history(id) ON DELETE CASCADE,
  replay_id  INTEGER NOT NULL REFERENCES replay_buffer(id) ON DELETE CASCADE,
  PRIMARY KEY (sleep_id, replay_id)
) WITHOUT ROWID;

CREATE INDEX replay_buffer_pending ON replay_buffer(consolidated_in, id);
CREATE INDEX replay_buffer_by_turn ON replay_buffer(turn_id);

CREATE VIEW v_versions AS
SELECT v.version, v.created_at, v.parent_version, v.active, v.note,
       h.mode, h.tokens, h.new_loss_before, h.new_loss_after, h.base_ppl_before,
       h.base_ppl_after, h.seconds
FROM cortex_versions AS v LEFT JOIN sleep_history AS h ON h.version_after = v.version
ORDER BY v.version;

CREATE VIEW v_lineage AS
SELECT r.id AS replay_id, r.session_id, r.priority, r.consolidated_in AS learnt_by,
       r.created_at, r.text
FROM replay_buffer AS r
ORDER BY r.id;
)sql",
};

Status NewerThanUs(const std::string& path, int64_t version) {
  return Status::NotSupported(path + ": brain schema version " + std::to_string(version) +
                              " is newer than this brainhost (knows " +
                              std::to_string(LatestSchemaVersion()) + "); upgrade brainhost");
}

// Inside an open write transaction: applies the next missing step, or sets *done.
Status ApplyNextStep(sqlite3* db, const std::string& path, bool* done) {
  const std::string context = path + ": migrating the brain schema";
  int64_t version = 0;
  Status s = QueryInt64(db, "PRAGMA user_version", context, &version);
  if (!s.ok()) return s;
  if (version > LatestSchemaVersion()) return NewerThanUs(path, version);
  if (version == LatestSchemaVersion()) {
    *done = true;
    return Status::OK();
  }
  const int next = static_cast<int>(version) + 1;
  const std::string step_context = context + " to version " + std::to_string(next);
  if (version == 0) {
    s = Exec(db, ("PRAGMA application_id = " + std::to_string(kBrainApplicationId)).c_str(),
             step_context);
    if (!s.ok()) return s;
  }
  s = Exec(db, kMigrations[version], step_context);
  if (!s.ok()) return s;
  return Exec(db, ("PRAGMA user_version = " + std::to_string(next)).c_str(), step_context);
}

}  // namespace

int LatestSchemaVersion() { return static_cast<int>(std::size(kMigrations)); }

Status CheckBrainFile(sqlite3* db, const std::string& path) {
  int64_t application_id = 0;
  int64_t version = 0;
  int64_t objects = 0;
  const std::string context = "cannot read brain " + path;
  Status s = QueryInt64(db, "PRAGMA application_id", context, &application_id);
  if (s.ok()) s = QueryInt64(db, "PRAGMA user_version", context, &version);
  if (s.ok()) s = QueryInt64(db, "SELECT count(*) FROM sqlite_master", context, &objects);
  if (s.IsCorruption()) {  // "cannot read brain PATH: file is not a database"
    return Status::Corruption(
        path + " is not a brainhost brain: " + s.message().substr(context.size() + 2));
  }
  if (!s.ok()) return s;

  if (application_id == kBrainApplicationId) {
    if (version > LatestSchemaVersion()) return NewerThanUs(path, version);
    return Status::OK();
  }
  if (application_id == 0 && version == 0 && objects == 0) return Status::OK();
  if (application_id == 0) {
    return Status::Corruption(path +
                              " is not a brainhost brain: it is an SQLite database of another "
                              "program (no brainhost application_id)");
  }
  char ids[64];
  std::snprintf(ids, sizeof ids, "0x%08X, not brainhost's 0x%08X",
                static_cast<unsigned>(application_id), static_cast<unsigned>(kBrainApplicationId));
  return Status::Corruption(path + " is not a brainhost brain: its application_id is " + ids);
}

Status Migrate(sqlite3* db, const std::string& path) {
  const std::string context = path + ": migrating the brain schema";
  for (;;) {
    Status s = Exec(db, "BEGIN IMMEDIATE", context);
    if (!s.ok()) return s;
    bool done = false;
    s = ApplyNextStep(db, path, &done);
    if (s.ok()) s = Exec(db, "COMMIT", context);
    if (!s.ok()) {
      RollbackIfOpen(db);  // the step's error is the one to report
      return s;
    }
    if (done) return Status::OK();
  }
}

}  // namespace brainhost
