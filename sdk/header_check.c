/* Compiles the ABI headers as C11 under -pedantic -Werror; see sdk/CMakeLists.txt. */
#include <brainhost/region.h>
#include <brainhost/memory.h>
#include <brainhost/weights.h>
#include <brainhost/conversation.h>

int brainhost_header_check_c(void) { return BH_ABI_MAJOR; }
