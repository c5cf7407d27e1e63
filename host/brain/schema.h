// The brain's schema: what a brain file must look like, and the forward migrations that bring
// an older file up to date. The tables, their invariants and the transaction states are
// specified in the comment at the top of schema.cc.
#ifndef BRAINHOST_HOST_BRAIN_SCHEMA_H
#define BRAINHOST_HOST_BRAIN_SCHEMA_H

#include <sqlite3.h>

#include <cstdint>
#include <string>

#include "status.h"

namespace brainhost {

// PRAGMA application_id of every brain: "BRNH" in ASCII. It is how a brain is told apart from
// another program's SQLite database.
inline constexpr int32_t kBrainApplicationId = 0x42524E48;

// The schema version this build writes and fully understands (PRAGMA user_version).
int LatestSchemaVersion();

// Checks, without writing anything, that db is either empty (a new brain) or a brain this
// build can use. path only names the file in messages.
// Returns Corruption("PATH is not a brainhost brain: ...") for another program's database,
// NotSupported when the brain's schema is newer than LatestSchemaVersion(), or the error
// SQLite gives when the file cannot be read at all (Corruption for "file is not a database").
// REQUIRES: no transaction is open on db.
Status CheckBrainFile(sqlite3* db, const std::string& path);

// Applies every migration between the file's user_version and LatestSchemaVersion(), each in
// its own BEGIN IMMEDIATE transaction that also advances user_version, so a crash leaves the
// file at some whole version. Safe against another process migrating the same file at once:
// the version is read again under the write lock. A failed step is rolled back and reported.
// Returns NotSupported("PATH: brain schema version N is newer than this brainhost (knows M);
// upgrade brainhost") for a newer file.
// REQUIRES: no transaction is open on db; CheckBrainFile(db, path) returned OK.
Status Migrate(sqlite3* db, const std::string& path);

}  // namespace brainhost

#endif  // BRAINHOST_HOST_BRAIN_SCHEMA_H
