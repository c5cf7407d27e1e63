// SleepStore: what a sleep writes to the brain, and the versions it leaves behind.
//
// A sleep computes for minutes and writes once, at its end, in one transaction: an accepted
// sleep's new cortex version (made active), its sleep_history row, the replay rows it trained on
// (sleep_replay) and their lineage (replay_buffer.consolidated_in); a rejected one only its
// history row and the rows it tried. A process killed at any moment before that COMMIT leaves
// the brain as it was: the previous version active, every replay row pending.
#ifndef BRAINHOST_HOST_BRAIN_SLEEP_STORE_H
#define BRAINHOST_HOST_BRAIN_SLEEP_STORE_H

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "brain/brain.h"
#include "status.h"

namespace brainhost {

// One sleep_history row.
struct SleepRecord {
  std::string started_at, finished_at;  // ISO-8601 UTC
  int64_t version_before = 0;
  std::string mode;  // "replay", "lock" or "both"
  int64_t tokens = 0;  // trained on
  double seconds = 0;
  double new_loss_before = 0, new_loss_after = 0;    // the replayed material, nats per token
  double base_ppl_before = 0, base_ppl_after = 0;    // the base corpus's held-out split
  std::optional<double> fact_loss_before, fact_loss_after;  // the stored facts; none stored
  std::string message;  // why a sleep was rejected, or a note
};

// One cortex version, with the sleep that made it when one did.
struct VersionInfo {
  int64_t version = 0;
  std::string created_at;
  std::optional<int64_t> parent;
  bool active = false;
  std::string note;
  std::optional<SleepRecord> sleep;
  int64_t replay_rows = 0;  // rows it learnt (lineage)
};

class SleepStore {
 public:
  // REQUIRES: brain outlives the store.
  explicit SleepStore(Brain* brain);

  // The accepted sleep: stores weights as a new version (the highest so far plus one, parent
  // record.version_before) and makes it active, records the sleep as 'accepted' with
  // replay_ids, and marks those rows as learnt by it. One transaction. Aborted (and nothing
  // written) when the active version is no longer record.version_before: another process
  // changed it meanwhile. REQUIRES: version != nullptr.
  Status Accept(const SleepRecord& record, std::string_view weights,
                const std::vector<int64_t>& replay_ids, int64_t* version);

  // The rejected sleep: records it as 'rejected' with replay_ids, which stay pending.
  Status Reject(const SleepRecord& record, const std::vector<int64_t>& replay_ids);

  // Every version, oldest first.
  Status Versions(std::vector<VersionInfo>* out);

  // Makes version active (rollback, or forward again). NotFound for no such version.
  Status Activate(int64_t version);

 private:
  Status InsertHistory(const SleepRecord& record, const char* status,
                       std::optional<int64_t> version_after,
                       const std::vector<int64_t>& replay_ids, const std::string& what);

  Brain* brain_;
  sqlite3* db_;
};

}  // namespace brainhost

#endif  // BRAINHOST_HOST_BRAIN_SLEEP_STORE_H
