/* brainhost host extension "brainhost.memory/1": the brain's declarative memory.
 *
 * A region reaches the episodes table of the brain only through this table of callbacks,
 * which the host returns from bh_host.get_extension(host, BH_EXT_MEMORY), or NULL when it
 * runs without a brain. The memory is shared by every region of the brain (an episode is a
 * fact the user told, whoever encoded it); each episode records which region stored it.
 *
 * All calls are [in-turn]: writes are part of the turn's transaction, so a turn that dies
 * leaves no half-stored fact. Episodes handed to a visitor are borrowed for that call only.
 *
 * Rationale (1): values, cues and candidates travel as UTF-8 strings (candidates joined by
 * '\n', which a user line can never contain), so the struct stays flat and C-friendly.
 */
#ifndef BRAINHOST_MEMORY_H
#define BRAINHOST_MEMORY_H

#include <brainhost/region.h>

#ifdef __cplusplus
extern "C" {
#endif

#define BH_EXT_MEMORY "brainhost.memory/1"

typedef struct bh_episode {
    uint32_t struct_size;   /* sizeof(bh_episode) as its writer compiled it */
    int64_t id;             /* set by the host; ignored by insert */
    const char *subject;    /* "user", "user.dog", "world", ... */
    const char *relation;   /* "name", "job", ... */
    const char *value;      /* the remembered value as said */
    const char *candidates; /* values ranked by surprise, joined by '\n'; may be "" */
    const char *cue;        /* space-separated content-word stems */
    const char *text;       /* the user's line, verbatim */
    const char *created_at; /* ISO-8601 UTC; set by the host, ignored by insert */
    int64_t superseded_by;  /* 0 while current; ignored by insert */
} bh_episode;

/* Called once per episode found; the episode and its strings are valid only during the call. */
typedef void (*bh_episode_visitor)(void *context, const bh_episode *episode);

/* Why a memory answered this turn; stored with the turn's row in retrieval_trace. */
typedef struct bh_retrieval_trace {
    uint32_t struct_size; /* sizeof(bh_retrieval_trace) */
    int64_t episode_id;
    double score;
    double overlap;
    double binding;
    double specificity;
    double recency;
    const char *source;   /* which mechanism: "episodic", "hippo", ... */
} bh_retrieval_trace;

typedef struct bh_memory {
    uint32_t struct_size; /* sizeof(bh_memory) as the host compiled it */

    /* [in-turn] Stores an episode (strings copied) and sets *id. Every string must be valid
     * UTF-8; subject, relation, value and text must not be empty (BH_ERR_INVALID_ARGUMENT). */
    bh_status (*insert)(const bh_host *host, const bh_episode *episode, int64_t *id);

    /* [in-turn] Marks old_id as superseded by new_id; old_id stays as history.
     * BH_ERR_NOT_FOUND when either does not exist. */
    bh_status (*supersede)(const bh_host *host, int64_t old_id, int64_t new_id);

    /* [in-turn] Current episodes whose cue or text match any of the space-separated terms
     * (full-text search; the host quotes each term, so any text is safe), newest first, at
     * most limit. */
    bh_status (*search)(const bh_host *host, const char *terms, uint32_t limit,
                        bh_episode_visitor visit, void *context);

    /* [in-turn] Episodes with this subject and relation, newest first; superseded ones too
     * when include_superseded is non-zero. */
    bh_status (*find)(const bh_host *host, const char *subject, const char *relation,
                      int include_superseded, bh_episode_visitor visit, void *context);

    /* [in-turn] Current episodes, newest first, at most limit. */
    bh_status (*recent)(const bh_host *host, uint32_t limit, bh_episode_visitor visit,
                        void *context);

    /* [in-turn] Forgets an episode everywhere: its row and every row of its history (the
     * episodes it superseded and that superseded it), their full-text entries, their copies
     * in the replay buffer, and the user's words in the turn log that said them.
     * BH_ERR_NOT_FOUND when id does not exist. */
    bh_status (*forget)(const bh_host *host, int64_t id);

    /* [in-turn] Records why a memory answered, kept with this turn. */
    bh_status (*trace)(const bh_host *host, const bh_retrieval_trace *trace);
} bh_memory;

#ifdef __cplusplus
}
#endif

#endif /* BRAINHOST_MEMORY_H */
