// EpisodeStore: the brain's declarative memory — the episodes table, its full-text index,
// and the retrieval trace — for the host's "brainhost.memory/1" extension and `bench store`.
//
// It adds no transaction of its own to single-row writes: inside a turn they join the turn's
// transaction (Brain::BeginTurn), outside one each commits alone. Forget, which touches
// several tables, runs in a savepoint so it is whole either way.
#ifndef BRAINHOST_HOST_BRAIN_EPISODE_STORE_H
#define BRAINHOST_HOST_BRAIN_EPISODE_STORE_H

#include <cstdint>
#include <string>
#include <vector>

#include "brain/brain.h"
#include "brain/sqlite_util.h"
#include "status.h"

namespace brainhost {

struct EpisodeRecord {
  int64_t id = 0;
  std::string session_id;  // "" = none
  std::string region;      // the region that stored it
  std::string subject, relation, value;
  std::string candidates;  // ranked values joined by '\n'
  std::string cue;         // space-separated stems
  std::string text;        // the user's line
  std::string created_at;
  int64_t superseded_by = 0;  // 0 while current
};

struct TraceRecord {
  std::string region, source;
  int64_t episode_id = 0;
  double score = 0, overlap = 0, binding = 0, specificity = 0, recency = 0;
};

class EpisodeStore {
 public:
  // REQUIRES: brain outlives the store.
  explicit EpisodeStore(Brain* brain);

  // Inserts e (its id, created_at and superseded_by are ignored) and sets *id.
  Status Insert(const EpisodeRecord& e, int64_t* id);
  // NotFound when either episode does not exist.
  Status Supersede(int64_t old_id, int64_t new_id);
  // Current episodes matching any term in text or cue, newest first. Terms are quoted for
  // FTS5, so any user text is a literal; an empty term list finds nothing.
  Status Search(const std::vector<std::string>& terms, int limit, std::vector<EpisodeRecord>* out);
  Status Find(const std::string& subject, const std::string& relation, bool include_superseded,
              std::vector<EpisodeRecord>* out);
  Status Recent(int limit, std::vector<EpisodeRecord>* out);
  // Deletes the episode and its whole history chain, their replay-buffer copies, and the user
  // text of the turns that said them. NotFound when id does not exist.
  Status Forget(int64_t id);
  // The cortex versions that learnt the episode in sleep (its turn's replay rows' lineage),
  // oldest first; none while they are pending, or when id does not exist.
  Status LearntBy(int64_t id, std::vector<int64_t>* versions);
  // Gives the episodes inserted without a turn (ids) the turn that said them.
  Status AttachToTurn(const std::vector<int64_t>& ids, int64_t turn_id);
  Status RecordTrace(int64_t turn_id, const TraceRecord& trace);

 private:
  // The statement for sql, prepared on first use and kept: `bench store` inserts a million.
  Status Statement(StmtPtr* slot, const std::string& sql, const std::string& what,
                   sqlite3_stmt** out);
  Status Collect(sqlite3_stmt* stmt, const std::string& what, std::vector<EpisodeRecord>* out);

  Brain* brain_;
  sqlite3* db_;
  StmtPtr insert_, supersede_, search_, find_, recent_, attach_, trace_;
};

}  // namespace brainhost

#endif  // BRAINHOST_HOST_BRAIN_EPISODE_STORE_H
