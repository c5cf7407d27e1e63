/* A library built for a future region ABI 2.0: the host must refuse it, naming both versions. */
#include <brainhost/region.h>

#include <stddef.h>

static uint32_t count(void) { return 0; }
static const bh_region_descriptor *get(uint32_t i) { (void)i; return NULL; }
static bh_status create(const char *id, const bh_host *h, const bh_create_args *a, bh_region **o,
                        bh_error *e) {
    (void)id; (void)h; (void)a; (void)o; (void)e;
    return BH_ERR_NOT_SUPPORTED;
}
static const bh_library library = {sizeof(bh_library), {2, 0}, count, get, create};

BH_EXPORT const bh_library *brainhost_library_entry(bh_abi_version host_abi) {
    (void)host_abi;
    return &library;
}
