/* A region library that needs a symbol nobody defines: loading with every symbol resolved at
 * once must refuse it at load, not crash mid-turn. */
#include <brainhost/region.h>

extern int brainhost_symbol_that_does_not_exist(void);

BH_EXPORT const bh_library *brainhost_library_entry(bh_abi_version host_abi) {
    (void)host_abi;
    return brainhost_symbol_that_does_not_exist() ? NULL : NULL;
}
