/* Compiles the ABI header as C11 under -pedantic -Werror; see sdk/CMakeLists.txt. */
#include <brainhost/region.h>

int brainhost_header_check_c(void) { return BH_ABI_MAJOR; }
