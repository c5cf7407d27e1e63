// ReplayStore: the brain's replay buffer (the table replay_buffer), which every turn fills and
// sleep drains.
//
// A row is one exchange as the cortex reads a conversation ("U: ...\nG: ...\n") with a
// priority: how much sleep should want to replay it (host/turn/replay_priority.h says how a
// turn's is set). Rows are pending until a sleep's version learns them (consolidated_in). The
// writes happen inside a turn's transaction, so a turn and its row commit together.
#ifndef BRAINHOST_HOST_BRAIN_REPLAY_STORE_H
#define BRAINHOST_HOST_BRAIN_REPLAY_STORE_H

#include <cstdint>
#include <string>
#include <vector>

#include "brain/brain.h"
#include "status.h"

namespace brainhost {

struct ReplayRow {
  int64_t id = 0;
  std::string session_id;
  int64_t turn_id = 0;
  std::string text;
  double priority = 1;
};

class ReplayStore {
 public:
  // REQUIRES: brain outlives the store.
  explicit ReplayStore(Brain* brain);

  // Stores row (its id is ignored) and sets *id. REQUIRES: id != nullptr.
  Status Add(const ReplayRow& row, int64_t* id);

  // The newest row of session_id, or 0 in *id when it has none. REQUIRES: id != nullptr.
  Status Last(const std::string& session_id, int64_t* id);

  // priority = priority * times + add for row id (a reward, or a disowned reply). NotFound for
  // no such row.
  Status Adjust(int64_t id, double times, double add);

  // Synaptic capture: every pending row of a turn that taught a fact recalled in turn_id (its
  // retrieval traces) gains add.
  Status CaptureRecalls(int64_t turn_id, double add);

  // Every pending row, oldest first.
  Status Pending(std::vector<ReplayRow>* out);

 private:
  Brain* brain_;
  sqlite3* db_;
};

}  // namespace brainhost

#endif  // BRAINHOST_HOST_BRAIN_REPLAY_STORE_H
