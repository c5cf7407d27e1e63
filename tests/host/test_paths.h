// Paths and small helpers shared by the host tests.
#ifndef BRAINHOST_TESTS_HOST_TEST_PATHS_H
#define BRAINHOST_TESTS_HOST_TEST_PATHS_H

#include <filesystem>
#include <fstream>
#include <sstream>
#include <unistd.h>
#include <string>

#include "temp_dir.h"

namespace brainhost::testing {

using test::TempDir;

inline std::string ReadFile(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

inline void WriteFile(const std::string& path, const std::string& text) {
  std::ofstream(path, std::ios::binary) << text;
}

}  // namespace brainhost::testing

#endif  // BRAINHOST_TESTS_HOST_TEST_PATHS_H
