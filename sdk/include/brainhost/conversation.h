/* brainhost host extension "brainhost.conversation/1": the session's earlier turns.
 *
 * A region sees one turn at a time, and only the nodes the walk reaches. A region that needs
 * the conversation so far (the cortex conditions its surprise and its reply on it) reads it
 * here: what the user said and what the host replied, whichever region answered. The host
 * returns this table from bh_host.get_extension(host, BH_EXT_CONVERSATION), or NULL when it
 * runs without a brain.
 *
 * The turns are the brain's turn log for the current session, so a resumed session sees its
 * earlier turns, and a "forget" that scrubbed the user's words from the log is honoured here.
 *
 * Rationale (1): a visitor over borrowed records, as in memory.h, so nothing needs freeing.
 */
#ifndef BRAINHOST_CONVERSATION_H
#define BRAINHOST_CONVERSATION_H

#include <brainhost/region.h>

#ifdef __cplusplus
extern "C" {
#endif

#define BH_EXT_CONVERSATION "brainhost.conversation/1"

typedef struct bh_exchange {
    uint32_t struct_size; /* sizeof(bh_exchange) as the host compiled it */
    uint64_t turn_index;  /* the turn's index in its session */
    const char *user_text; /* what the user said, UTF-8 */
    const char *reply;     /* what the host replied, UTF-8; may be "" */
} bh_exchange;

/* Called once per turn; the record and its strings are valid only during the call. */
typedef void (*bh_exchange_visitor)(void *context, const bh_exchange *exchange);

typedef struct bh_conversation {
    uint32_t struct_size; /* sizeof(bh_conversation) as the host compiled it */

    /* [in-turn] Visits the current session's last `limit` recorded turns before this one,
     * oldest first. A session with none visits nothing and returns BH_OK. BH_ERR_IO when the
     * brain cannot be read. visit must not call back into the host. */
    bh_status (*recent)(const bh_host *host, uint32_t limit, bh_exchange_visitor visit,
                        void *context);
} bh_conversation;

#ifdef __cplusplus
}
#endif

#endif /* BRAINHOST_CONVERSATION_H */
