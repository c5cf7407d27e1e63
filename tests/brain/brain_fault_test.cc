// I/O faults under a Brain, after SQLite's *fault.test files: a VFS shim that forwards every
// call to the real VFS but fails writes on demand, installed as the default VFS so
// Brain::Open picks it up unchanged.
#include <doctest/doctest.h>
#include <sqlite3.h>

#include "brain/brain.h"
#include "brain_test_util.h"

namespace brainhost {
namespace {

using test::MakeTurn;
using test::OpenBrain;
using test::QueryInt;
using test::TempDir;

// --- The shim ----------------------------------------------------------------------------

struct Fault {
  bool armed = false;
  int code = SQLITE_IOERR_WRITE;
  int injected = 0;
};
Fault g_fault;
sqlite3_vfs* g_real = nullptr;

// Our file header, followed in the same allocation by the real VFS's file.
struct ShimFile {
  sqlite3_file base;
  sqlite3_file* real;
};
sqlite3_file* Real(sqlite3_file* f) { return reinterpret_cast<ShimFile*>(f)->real; }

int Close(sqlite3_file* f) { return Real(f)->pMethods->xClose(Real(f)); }
int Read(sqlite3_file* f, void* buf, int n, sqlite3_int64 off) {
  return Real(f)->pMethods->xRead(Real(f), buf, n, off);
}
int Write(sqlite3_file* f, const void* buf, int n, sqlite3_int64 off) {
  if (g_fault.armed) {
    ++g_fault.injected;
    return g_fault.code;
  }
  return Real(f)->pMethods->xWrite(Real(f), buf, n, off);
}
int Truncate(sqlite3_file* f, sqlite3_int64 size) {
  return Real(f)->pMethods->xTruncate(Real(f), size);
}
int Sync(sqlite3_file* f, int flags) { return Real(f)->pMethods->xSync(Real(f), flags); }
int FileSize(sqlite3_file* f, sqlite3_int64* size) {
  return Real(f)->pMethods->xFileSize(Real(f), size);
}
int Lock(sqlite3_file* f, int level) { return Real(f)->pMethods->xLock(Real(f), level); }
int Unlock(sqlite3_file* f, int level) { return Real(f)->pMethods->xUnlock(Real(f), level); }
int CheckReservedLock(sqlite3_file* f, int* out) {
  return Real(f)->pMethods->xCheckReservedLock(Real(f), out);
}
int FileControl(sqlite3_file* f, int op, void* arg) {
  return Real(f)->pMethods->xFileControl(Real(f), op, arg);
}
int SectorSize(sqlite3_file* f) { return Real(f)->pMethods->xSectorSize(Real(f)); }
int DeviceCharacteristics(sqlite3_file* f) {
  return Real(f)->pMethods->xDeviceCharacteristics(Real(f));
}
int ShmMap(sqlite3_file* f, int region, int size, int extend, void volatile** out) {
  return Real(f)->pMethods->xShmMap(Real(f), region, size, extend, out);
}
int ShmLock(sqlite3_file* f, int offset, int n, int flags) {
  return Real(f)->pMethods->xShmLock(Real(f), offset, n, flags);
}
void ShmBarrier(sqlite3_file* f) { Real(f)->pMethods->xShmBarrier(Real(f)); }
int ShmUnmap(sqlite3_file* f, int delete_flag) {
  return Real(f)->pMethods->xShmUnmap(Real(f), delete_flag);
}

// Version 2: everything WAL needs; without xFetch, SQLite simply does not memory-map.
const sqlite3_io_methods kShimMethods = {
    .iVersion = 2,
    .xClose = Close,
    .xRead = Read,
    .xWrite = Write,
    .xTruncate = Truncate,
    .xSync = Sync,
    .xFileSize = FileSize,
    .xLock = Lock,
    .xUnlock = Unlock,
    .xCheckReservedLock = CheckReservedLock,
    .xFileControl = FileControl,
    .xSectorSize = SectorSize,
    .xDeviceCharacteristics = DeviceCharacteristics,
    .xShmMap = ShmMap,
    .xShmLock = ShmLock,
    .xShmBarrier = ShmBarrier,
    .xShmUnmap = ShmUnmap,
    .xFetch = nullptr,
    .xUnfetch = nullptr,
};

int Open(sqlite3_vfs*, const char* name, sqlite3_file* f, int flags, int* out_flags) {
  auto* shim = reinterpret_cast<ShimFile*>(f);
  shim->real = reinterpret_cast<sqlite3_file*>(shim + 1);
  const int rc = g_real->xOpen(g_real, name, shim->real, flags, out_flags);
  // SQLite calls xClose exactly when pMethods is set, so mirror the real file.
  shim->base.pMethods = shim->real->pMethods != nullptr ? &kShimMethods : nullptr;
  return rc;
}
int Delete(sqlite3_vfs*, const char* name, int sync_dir) {
  return g_real->xDelete(g_real, name, sync_dir);
}
int Access(sqlite3_vfs*, const char* name, int flags, int* out) {
  return g_real->xAccess(g_real, name, flags, out);
}
int FullPathname(sqlite3_vfs*, const char* name, int n, char* out) {
  return g_real->xFullPathname(g_real, name, n, out);
}
void* DlOpen(sqlite3_vfs*, const char* name) { return g_real->xDlOpen(g_real, name); }
void DlError(sqlite3_vfs*, int n, char* out) { g_real->xDlError(g_real, n, out); }
void (*DlSym(sqlite3_vfs*, void* lib, const char* sym))(void) {
  return g_real->xDlSym(g_real, lib, sym);
}
void DlClose(sqlite3_vfs*, void* lib) { g_real->xDlClose(g_real, lib); }
int Randomness(sqlite3_vfs*, int n, char* out) { return g_real->xRandomness(g_real, n, out); }
int Sleep(sqlite3_vfs*, int us) { return g_real->xSleep(g_real, us); }
int CurrentTime(sqlite3_vfs*, double* out) { return g_real->xCurrentTime(g_real, out); }
int GetLastError(sqlite3_vfs*, int n, char* out) { return g_real->xGetLastError(g_real, n, out); }
int CurrentTimeInt64(sqlite3_vfs*, sqlite3_int64* out) {
  return g_real->xCurrentTimeInt64(g_real, out);
}

sqlite3_vfs g_shim;

// Installs the shim as the default VFS for its lifetime, unarmed.
class FaultyDisk {
 public:
  FaultyDisk() {
    g_real = sqlite3_vfs_find(nullptr);
    REQUIRE(g_real != nullptr);
    g_shim = sqlite3_vfs{
        .iVersion = 2,
        .szOsFile = static_cast<int>(sizeof(ShimFile)) + g_real->szOsFile,
        .mxPathname = g_real->mxPathname,
        .pNext = nullptr,
        .zName = "brainhost-fault",
        .pAppData = nullptr,
        .xOpen = Open,
        .xDelete = Delete,
        .xAccess = Access,
        .xFullPathname = FullPathname,
        .xDlOpen = DlOpen,
        .xDlError = DlError,
        .xDlSym = DlSym,
        .xDlClose = DlClose,
        .xRandomness = Randomness,
        .xSleep = Sleep,
        .xCurrentTime = CurrentTime,
        .xGetLastError = GetLastError,
        .xCurrentTimeInt64 = CurrentTimeInt64,
        .xSetSystemCall = nullptr,
        .xGetSystemCall = nullptr,
        .xNextSystemCall = nullptr,
    };
    g_fault = Fault{};
    REQUIRE(sqlite3_vfs_register(&g_shim, /*makeDflt=*/1) == SQLITE_OK);
  }
  ~FaultyDisk() {
    g_fault = Fault{};
    sqlite3_vfs_unregister(&g_shim);
    sqlite3_vfs_register(g_real, /*makeDflt=*/1);  // unregistering picks an arbitrary default
  }

  void Arm(int code) { g_fault = Fault{true, code, 0}; }
  void Disarm() { g_fault.armed = false; }
  int injected() const { return g_fault.injected; }
};

// --- The tests ---------------------------------------------------------------------------

TEST_CASE("a write error at commit loses only that turn and the brain goes on") {
  TempDir dir;
  const std::string path = (dir / "brain.db");
  test::AddTurn(*OpenBrain(path), MakeTurn("s", 0, "", "hippo", 1));

  int code = 0;
  SUBCASE("I/O error") { code = SQLITE_IOERR_WRITE; }
  SUBCASE("disk full") { code = SQLITE_FULL; }
  {
    FaultyDisk disk;
    auto brain = OpenBrain(path);
    REQUIRE(brain->BeginTurn().ok());
    int64_t id = 0;
    REQUIRE(brain->RecordTurn(MakeTurn("s", 1, "", "hippo", 1), &id).ok());
    REQUIRE(brain->StatePut("hippo", "k", "from the failed turn").ok());
    disk.Arm(code);
    const Status s = brain->CommitTurn();
    disk.Disarm();
    CHECK(disk.injected() > 0);
    CHECK(s.IsIOError());
    CHECK(s.message().rfind(path + ": commit turn: ", 0) == 0);
    CHECK_FALSE(brain->in_turn());
    CHECK(brain->NextTurnIndex("s") == 1);

    // The same connection recovers once the disk does.
    REQUIRE(brain->BeginTurn().ok());
    REQUIRE(brain->RecordTurn(MakeTurn("s", 1, "", "cortex", 1), &id).ok());
    REQUIRE(brain->CommitTurn().ok());
  }
  auto brain = OpenBrain(path);
  CHECK(QueryInt(brain->handle(), "SELECT count(*) FROM turns") == 2);
  CHECK(QueryInt(brain->handle(), "SELECT count(*) FROM turns WHERE region = 'cortex'") == 1);
  std::string value;
  CHECK(brain->StateGet("hippo", "k", &value).IsNotFound());
  CHECK(QueryInt(brain->handle(),
                 "SELECT count(*) FROM pragma_integrity_check "
                 "WHERE integrity_check = 'ok'") == 1);
}

TEST_CASE("a write error in the middle of a turn never commits part of the turn") {
  TempDir dir;
  const std::string path = (dir / "brain.db");
  {
    FaultyDisk disk;
    auto brain = OpenBrain(path);
    // A cache of a few pages makes a large turn spill to the WAL before COMMIT.
    REQUIRE(sqlite3_exec(brain->handle(), "PRAGMA cache_size = 2", nullptr, nullptr, nullptr) ==
            SQLITE_OK);
    REQUIRE(brain->StartSession({"s", Brain::NowIso8601(), "", "", ""}).ok());
    REQUIRE(brain->BeginTurn().ok());
    TurnRecord big = MakeTurn("s", 0, "", "cortex", 1);
    big.user_text.assign(1 << 20, 'x');
    disk.Arm(SQLITE_IOERR_WRITE);
    int64_t id = 0;
    const Status s = brain->RecordTurn(big, &id);
    disk.Disarm();
    REQUIRE(disk.injected() > 0);
    CHECK(s.IsIOError());
    if (sqlite3_get_autocommit(brain->handle())) {
      // SQLite rolled the turn back on its own; the next write of the turn must not
      // autocommit on its own.
      const Status event = brain->RecordTurnEvent(1, "cortex", "error", "after the fault");
      CHECK(event.IsIOError());
      CHECK(event.message().find("rolled back") != std::string::npos);
      CHECK(brain->StatePut("cortex", "k", "v").IsIOError());
      CHECK(brain->CommitTurn().IsIOError());
    } else {
      MESSAGE("SQLite kept the transaction open after the fault");
      brain->RollbackTurn();
    }
    CHECK_FALSE(brain->in_turn());
    CHECK(QueryInt(brain->handle(), "SELECT count(*) FROM turns") == 0);
    CHECK(QueryInt(brain->handle(), "SELECT count(*) FROM turn_events") == 0);
    CHECK(QueryInt(brain->handle(), "SELECT count(*) FROM region_state") == 0);
  }
  auto brain = OpenBrain(path);
  CHECK(QueryInt(brain->handle(), "SELECT count(*) FROM turns") == 0);
  CHECK(QueryInt(brain->handle(), "SELECT count(*) FROM turn_events") == 0);
  test::AddTurn(*brain, MakeTurn("s", 0, "", "cortex", 1));
}

}  // namespace
}  // namespace brainhost
