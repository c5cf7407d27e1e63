/* brainhost host extension "brainhost.weights/1": the cortex's weight versions in the brain.
 *
 * The brain keeps every set of cortex weights it has run as a numbered version (the table
 * cortex_versions): the shipped weights become version 1 on a brain's first run, and each
 * sleep adds a version trained from the active one. At most one version is active. A region
 * reaches those versions only through this table of callbacks, which the host returns from
 * bh_host.get_extension(host, BH_EXT_WEIGHTS), or NULL when it runs without a brain.
 *
 * The host stores a version's weights as opaque bytes (the cortex's checkpoint format,
 * regions/cortex/checkpoint.h); it never interprets them.
 *
 * Calls are [main-thread | in-turn], like the state callbacks: outside a turn each call is its
 * own transaction; inside a turn it is part of the turn's transaction.
 *
 * Rationale (1): the weights are handed to a visitor, borrowed for the call, rather than copied
 * into a region buffer sized by a first call, so an 8 MB blob is read from the brain once.
 */
#ifndef BRAINHOST_WEIGHTS_H
#define BRAINHOST_WEIGHTS_H

#include <brainhost/region.h>

#ifdef __cplusplus
extern "C" {
#endif

#define BH_EXT_WEIGHTS "brainhost.weights/1"

/* Called once with a version's bytes; data is borrowed for the call only. */
typedef void (*bh_weights_visitor)(void *context, int64_t version, const void *data,
                                   size_t size);

typedef struct bh_weights {
    uint32_t struct_size; /* sizeof(bh_weights) as the host compiled it */

    /* [main-thread | in-turn] Visits the active version: its number and its bytes. Returns
     * BH_ERR_NOT_FOUND when the brain has no active version (a new brain), BH_ERR_IO when the
     * brain cannot be read. visit must not call back into the host. */
    bh_status (*get_active)(const bh_host *host, bh_weights_visitor visit, void *context);

    /* [main-thread | in-turn] A brain's first weights. When the brain holds no version at all,
     * stores data (size > 0 bytes, copied) as version 1, active, with note (UTF-8, borrowed;
     * say where the bytes came from, e.g. "installed from models/cortex/cortex.bin"); when it
     * holds any version, stores nothing. Either way *version is then set to the active version.
     * The check and the insert are one transaction, so two processes starting on one new
     * brain install it once. Returns BH_ERR_NOT_FOUND when the brain holds versions but none is
     * active, BH_ERR_INVALID_ARGUMENT for empty data or a NULL pointer, BH_ERR_IO when the
     * brain cannot be written. */
    bh_status (*install_first)(const bh_host *host, const void *data, size_t size,
                               const char *note, int64_t *version);
} bh_weights;

#ifdef __cplusplus
}
#endif

#endif /* BRAINHOST_WEIGHTS_H */
