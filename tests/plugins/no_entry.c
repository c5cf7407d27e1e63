/* A shared library that is not a region library: it has no entry symbol. */
#include <brainhost/region.h>

BH_EXPORT int not_a_region(void) { return 42; }
