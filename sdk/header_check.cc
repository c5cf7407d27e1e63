// Compiles the ABI headers and the C++ helper as C++20 under -pedantic -Werror.
#include <brainhost/region.h>
#include <brainhost/memory.h>
#include <brainhost/weights.h>
#include <brainhost/conversation.h>
#include <brainhost/region.hpp>

int brainhost_header_check_cxx() { return BH_ABI_MAJOR; }
