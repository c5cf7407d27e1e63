/* brainhost region ABI.
 *
 * This header is the specification of how a brain region plugin talks to the brainhost router.
 * It is C only, so a region may be written in C, C++ or anything with a C FFI, and it is
 * versioned so plugins built today keep loading tomorrow.
 *
 * The shape of it:
 *
 *   library  --(one exported symbol: brainhost_library_entry)-->  bh_library
 *   bh_library  --get_descriptor(i)-->  bh_region_descriptor   static metadata, no instance
 *   bh_library  --create(id, host, settings)-->  bh_region     one instance of a region
 *   bh_region   --turn(turn)-->  reads and writes the turn's blackboard, may answer
 *   bh_region   --destroy()-->   gone
 *
 * Thread and lifecycle tags, in brackets on every function:
 *   [main-thread]   the thread that loaded the library and creates/destroys instances.
 *   [turn-thread]   the thread running the current turn; the host never runs two turns of one
 *                   instance at the same time, but it may run the turn on another thread than
 *                   the one that created the instance.
 *   [any-thread]    may be called from any thread, concurrently; the callee must be thread-safe.
 *   [in-turn]       only while the region's turn() call is running, on the thread running it.
 *
 * Words: "must" and "forbidden" are rules whose breach is undefined behaviour; "should" is
 * advice the host does not rely on.
 *
 * Rationale (ABI 1.0):
 * - One entry symbol and tables of function pointers, so the host looks nothing else up by name
 *   and a library can hold several regions.
 * - Every struct begins with struct_size (or a version), so structs can grow at the end in a
 *   minor version without a break: a reader must never touch a field that lies beyond the
 *   struct_size it was given.
 * - Errors are a status code plus a message the region writes into a host-owned buffer, so no
 *   string ever needs freeing across the boundary and no exception ever crosses it.
 */
#ifndef BRAINHOST_REGION_H
#define BRAINHOST_REGION_H

#include <stddef.h>
#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

/* ---- Versions ----------------------------------------------------------------------------
 * The host loads a library only when the majors are equal and the library's minor is not newer
 * than the host's (a newer library may rely on host callbacks this host does not have). */
#define BH_ABI_MAJOR 1
#define BH_ABI_MINOR 0

typedef struct bh_abi_version {
    uint32_t major;
    uint32_t minor;
} bh_abi_version;

#define BH_ABI_VERSION_INIT {BH_ABI_MAJOR, BH_ABI_MINOR}

/* Symbol visibility for the single exported entry point. Build plugins with hidden visibility
 * (-fvisibility=hidden) so that this is the only symbol a library exports. */
#if defined(_WIN32)
#define BH_EXPORT __declspec(dllexport)
#else
#define BH_EXPORT __attribute__((visibility("default")))
#endif

/* ---- Status ------------------------------------------------------------------------------
 * Every fallible call returns a bh_status. BH_OK is zero; anything else is a failure whose
 * details are in the accompanying bh_error, if the call has one. */
typedef int32_t bh_status;
enum {
    BH_OK = 0,
    BH_ERR_INVALID_ARGUMENT = 1, /* a caller broke a documented precondition */
    BH_ERR_NOT_FOUND = 2,        /* the slot, key or region id does not exist */
    BH_ERR_NOT_SUPPORTED = 3,    /* the callee does not implement this */
    BH_ERR_IO = 4,               /* the brain or a file could not be read or written */
    BH_ERR_NO_MEMORY = 5,
    BH_ERR_BUFFER_TOO_SMALL = 6, /* retry with a buffer of the size that was reported */
    BH_ERR_UNDECLARED_SLOT = 7,  /* the region wrote a slot it did not declare */
    BH_ERR_INTERNAL = 8          /* anything else; the message says what */
};

/* The message buffer for a failing call. The host owns it and passes it in; the region writes
 * at most capacity bytes into message, NUL included (snprintf does the right thing). The host
 * reads it only when the call returned something other than BH_OK. */
typedef struct bh_error {
    uint32_t struct_size; /* sizeof(bh_error) as the host compiled it */
    uint32_t capacity;    /* bytes available at message */
    char *message;
} bh_error;

/* ---- Capabilities and slots --------------------------------------------------------------
 * What a region can do is declared in its descriptor, never guessed from behaviour. */
typedef uint64_t bh_capabilities;
#define BH_CAP_ANSWER      ((bh_capabilities)1 << 0) /* may answer a turn with a reply */
#define BH_CAP_GENERATE    ((bh_capabilities)1 << 1) /* writes free text (a language model) */
#define BH_CAP_BIAS_LOGITS ((bh_capabilities)1 << 2) /* writes a logit bias for a generator */
#define BH_CAP_OBSERVE     ((bh_capabilities)1 << 3) /* reads the turn, writes tags/signals */
#define BH_CAP_CONSOLIDATE ((bh_capabilities)1 << 4) /* learns offline (sleep) */
#define BH_CAP_PERSIST     ((bh_capabilities)1 << 5) /* keeps state in the brain between runs */

/* The blackboard of a turn holds four kinds of named values. Names are ASCII, at most
 * BH_SLOT_NAME_MAX bytes, of [a-z0-9_.]. */
#define BH_SLOT_NAME_MAX 64
typedef enum bh_slot_kind {
    BH_SLOT_TEXT = 1,   /* UTF-8 text, copied by the host when written */
    BH_SLOT_SIGNAL = 2, /* one double: surprise, novelty, reward, fatigue, ... */
    BH_SLOT_TENSOR = 3, /* a borrowed n-dimensional array, see bh_tensor */
    BH_SLOT_TAG = 4     /* an intent tag: present or absent, e.g. "time" */
} bh_slot_kind;

/* A slot a region reads or writes. The host checks a routing graph against these before it
 * runs it, and refuses writes to undeclared slots during a turn. */
typedef struct bh_slot_decl {
    const char *name;  /* static storage */
    uint32_t kind;     /* a bh_slot_kind */
} bh_slot_decl;

/* ---- Tensors -----------------------------------------------------------------------------
 * A borrowed view of an array (DLPack-like). The writer owns data and must keep it valid and
 * unchanged until the turn ends; the host copies the struct and the shape, not the data.
 * Readers must not write through data. Row-major and contiguous. */
#define BH_TENSOR_MAX_DIMS 8
typedef enum bh_dtype {
    BH_DTYPE_F32 = 1,
    BH_DTYPE_F64 = 2,
    BH_DTYPE_I32 = 3,
    BH_DTYPE_I64 = 4
} bh_dtype;

typedef struct bh_tensor {
    uint32_t struct_size; /* sizeof(bh_tensor) */
    uint32_t dtype;       /* a bh_dtype */
    uint32_t ndim;        /* 0 < ndim <= BH_TENSOR_MAX_DIMS */
    int64_t shape[BH_TENSOR_MAX_DIMS];
    const void *data;
} bh_tensor;

/* ---- Logging -----------------------------------------------------------------------------*/
typedef enum bh_log_level {
    BH_LOG_DEBUG = 0,
    BH_LOG_INFO = 1,
    BH_LOG_WARN = 2,
    BH_LOG_ERROR = 3
} bh_log_level;

/* ---- The host's table of callbacks -------------------------------------------------------
 * Handed to bh_library.create; owned by the host and valid until the instance's destroy()
 * returns. The region must not write to it. */
typedef struct bh_host bh_host;
struct bh_host {
    uint32_t struct_size;    /* sizeof(bh_host) as the host compiled it */
    bh_abi_version abi;      /* the host's ABI version */
    const char *host_version;  /* e.g. "0.1.0"; static */
    void *host_data;         /* the host's; forbidden for the region to touch */

    /* [any-thread] Writes one line to the host's log under the instance's name. message is
     * UTF-8 without a trailing newline, borrowed for the call. */
    void (*log)(const bh_host *host, bh_log_level level, const char *message);

    /* [main-thread | in-turn] Reads this instance's persistent value for key from the brain.
     * Each instance has its own namespace, so two regions never see each other's keys.
     * Copies at most capacity bytes into buffer and sets *size to the value's full size.
     * Returns BH_ERR_NOT_FOUND when the key has no value, BH_ERR_BUFFER_TOO_SMALL when
     * *size > capacity (call again with a buffer of *size bytes); buffer may be NULL when
     * capacity is 0. */
    bh_status (*state_get)(const bh_host *host, const char *key, void *buffer, size_t capacity,
                           size_t *size);

    /* [main-thread | in-turn] Stores value (size bytes, copied) under key. A call made during
     * a turn is part of that turn's transaction: it is durable when the turn commits and
     * disappears with it if the process dies before. */
    bh_status (*state_put)(const bh_host *host, const char *key, const void *value, size_t size);

    /* [main-thread | in-turn] Removes key. Removing a missing key is BH_OK. */
    bh_status (*state_delete)(const bh_host *host, const char *key);

    /* [any-thread] Returns the host extension with the given id ("brainhost.<name>/<revision>")
     * or NULL when this host does not provide it. The returned table is static. */
    const void *(*get_extension)(const bh_host *host, const char *id);
};

/* ---- The turn and its blackboard ---------------------------------------------------------
 * Handed to bh_region.turn; owned by the host and valid only during that call [in-turn].
 * Every name must be a slot the region declared (BH_ERR_UNDECLARED_SLOT otherwise), except
 * that any region may read any slot. */
typedef struct bh_turn bh_turn;
struct bh_turn {
    uint32_t struct_size; /* sizeof(bh_turn) as the host compiled it */
    void *host_data;      /* the host's; forbidden for the region to touch */

    /* The user's line: valid UTF-8, no trailing newline, borrowed for the call. Text written
     * to text slots and answers must be valid UTF-8 too (BH_ERR_INVALID_ARGUMENT otherwise). */
    const char *user_text;
    size_t user_text_size;
    const char *session_id;  /* borrowed for the call */
    uint64_t turn_index;     /* 0 for the first turn of the session */
    int64_t now_unix_ms;     /* the turn's wall-clock time; regions use it, not their own clock */

    /* [in-turn] Text slots. get_text sets *text to a NUL-terminated string owned by the host
     * and valid until the turn ends; BH_ERR_NOT_FOUND when unset. set_text copies size bytes. */
    bh_status (*get_text)(const bh_turn *turn, const char *name, const char **text, size_t *size);
    bh_status (*set_text)(const bh_turn *turn, const char *name, const char *text, size_t size);

    /* [in-turn] Signal slots. BH_ERR_NOT_FOUND when unset; set_signal refuses NaN and
     * infinities with BH_ERR_INVALID_ARGUMENT. */
    bh_status (*get_signal)(const bh_turn *turn, const char *name, double *value);
    bh_status (*set_signal)(const bh_turn *turn, const char *name, double value);

    /* [in-turn] Tensor slots. set_tensor copies the bh_tensor struct; the data stays the
     * writer's and must outlive the turn. get_tensor copies the struct out; its data pointer
     * is borrowed until the turn ends. */
    bh_status (*get_tensor)(const bh_turn *turn, const char *name, bh_tensor *out);
    bh_status (*set_tensor)(const bh_turn *turn, const char *name, const bh_tensor *tensor);

    /* [in-turn] Intent tags. has_tag returns 1 when the tag is set, else 0. */
    bh_status (*set_tag)(const bh_turn *turn, const char *name);
    int (*has_tag)(const bh_turn *turn, const char *name);

    /* [in-turn] Offers a reply (valid UTF-8, size > 0 bytes, copied) with a confidence in
     * [0, 1]. Only regions with BH_CAP_ANSWER may call it (BH_ERR_NOT_SUPPORTED otherwise), at
     * most once per turn; the routing graph decides whether the reply ends the turn. */
    bh_status (*answer)(const bh_turn *turn, const char *text, size_t size, double confidence);
};

/* ---- A region instance -------------------------------------------------------------------
 * Allocated and owned by the library; every function slot is mandatory (never NULL). */
typedef struct bh_region_descriptor bh_region_descriptor;
typedef struct bh_region bh_region;
struct bh_region {
    uint32_t struct_size;              /* sizeof(bh_region) as the library compiled it */
    const bh_region_descriptor *desc;  /* the descriptor this instance was created from */
    void *region_data;                 /* the region's; the host never touches it */

    /* [turn-thread] Handles one turn: reads the blackboard, writes its declared slots, and may
     * answer. Returns BH_OK, or a failure with a message in err; on failure the host logs it,
     * discards nothing the region already wrote, and goes on through the graph's fallback. */
    bh_status (*turn)(const bh_region *region, const bh_turn *turn, bh_error *err);

    /* [main-thread] Returns the region extension with the given id, or NULL. The returned
     * table lives as long as the instance. */
    const void *(*get_extension)(const bh_region *region, const char *id);

    /* [main-thread] Frees the instance. Called exactly once; no call on the instance after. */
    void (*destroy)(const bh_region *region);
};

/* ---- Static metadata ---------------------------------------------------------------------
 * Readable without creating an instance: all pointers are to static storage. */
struct bh_region_descriptor {
    uint32_t struct_size;   /* sizeof(bh_region_descriptor) as the library compiled it */
    bh_abi_version abi;     /* the ABI the region was built against: BH_ABI_VERSION_INIT */
    const char *id;         /* unique, reverse-dotted: "brainhost.clock" */
    const char *name;       /* human name: "clock" */
    const char *version;    /* the region's own version: "1.0.0" */
    const char *description;  /* one line */
    bh_capabilities capabilities;
    const bh_slot_decl *reads;   /* reads_count entries, or NULL when 0 */
    uint32_t reads_count;
    const bh_slot_decl *writes;  /* writes_count entries, or NULL when 0 */
    uint32_t writes_count;
};

/* A setting from the routing graph, flattened: nested tables give dotted keys ("decode.top_k")
 * and every value is its TOML text ("0.7", "true", "hello"). Borrowed for the create call. */
typedef struct bh_setting {
    const char *key;
    const char *value;
} bh_setting;

typedef struct bh_create_args {
    uint32_t struct_size;      /* sizeof(bh_create_args) as the host compiled it */
    const char *instance_name; /* the region's name in the graph, e.g. "clock" */
    const bh_setting *settings;
    uint32_t settings_count;
} bh_create_args;

/* ---- The library -------------------------------------------------------------------------
 * Static; returned by the entry symbol. Every function slot is mandatory. */
typedef struct bh_library bh_library;
struct bh_library {
    uint32_t struct_size; /* sizeof(bh_library) as the library compiled it */
    bh_abi_version abi;   /* BH_ABI_VERSION_INIT */

    /* [any-thread] How many regions this library holds, and the index-th one's descriptor
     * (NULL when index is out of range). Pure: no allocation, no side effect. */
    uint32_t (*region_count)(void);
    const bh_region_descriptor *(*get_descriptor)(uint32_t index);

    /* [main-thread] Creates an instance of the region with the given descriptor id. host and
     * args are borrowed: host until the instance is destroyed, args for the call. On BH_OK,
     * *out is a live instance that the host frees with its destroy(); on failure *out is
     * untouched and err says why (an unknown id is BH_ERR_NOT_FOUND). */
    bh_status (*create)(const char *region_id, const bh_host *host, const bh_create_args *args,
                        bh_region **out, bh_error *err);
};

/* The one symbol a library exports. [main-thread] The host passes the ABI version it speaks;
 * the library returns its table (whose abi field tells which version it speaks) or NULL when it
 * cannot serve that major. Must not allocate or start anything: `brainhost regions` calls it to
 * list what is installed. */
#define BH_ENTRY_SYMBOL "brainhost_library_entry"
typedef const bh_library *(*bh_library_entry_fn)(bh_abi_version host_abi);

#ifdef __cplusplus
}
#endif

#endif /* BRAINHOST_REGION_H */
