// CortexStore: the brain's cortex weight versions (the table cortex_versions), for the host's
// "brainhost.weights/1" extension and, later, for sleep.
//
// A version's weights are opaque bytes here (the cortex's checkpoint format); at most one
// version is active (schema.cc). Reads need no transaction. InstallFirst checks and inserts in
// one transaction: BEGIN IMMEDIATE when none is open, so two processes starting on one new
// brain install version 1 once; a savepoint inside an open turn, so it joins the turn.
#ifndef BRAINHOST_HOST_BRAIN_CORTEX_STORE_H
#define BRAINHOST_HOST_BRAIN_CORTEX_STORE_H

#include <cstdint>
#include <string>
#include <string_view>

#include "brain/brain.h"
#include "brain/sqlite_util.h"
#include "status.h"

namespace brainhost {

class CortexStore {
 public:
  // REQUIRES: brain outlives the store.
  explicit CortexStore(Brain* brain);

  // Sets *version to the active version and *weights to its bytes. NotFound when no version
  // is active. REQUIRES: version != nullptr, weights != nullptr.
  Status Active(int64_t* version, std::string* weights);

  // When cortex_versions is empty, stores weights as version 1, active, with note (created_at
  // now, no parent); otherwise stores nothing. Then sets *version to the active version, or
  // returns NotFound when there are versions but none is active. InvalidArgument for empty
  // weights. REQUIRES: version != nullptr.
  Status InstallFirst(std::string_view weights, const std::string& note, int64_t* version);

 private:
  Status ActiveVersion(const std::string& what, int64_t* version);

  Brain* brain_;
  sqlite3* db_;
};

}  // namespace brainhost

#endif  // BRAINHOST_HOST_BRAIN_CORTEX_STORE_H
