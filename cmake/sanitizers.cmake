# BRAINHOST_SANITIZE=ON builds everything with AddressSanitizer and UndefinedBehaviorSanitizer.
# It is a whole-build switch (used by `make test-asan`), so host and plugins share one runtime.
option(BRAINHOST_SANITIZE "Build with ASan + UBSan" OFF)
if(BRAINHOST_SANITIZE)
  add_compile_options(-fsanitize=address,undefined -fno-omit-frame-pointer -fno-sanitize-recover=undefined)
  add_link_options(-fsanitize=address,undefined)
endif()
