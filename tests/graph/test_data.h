// Helpers shared by the graph tests: where the TOML fixtures are, and how a load error is
// checked.
#ifndef BRAINHOST_TESTS_GRAPH_TEST_DATA_H
#define BRAINHOST_TESTS_GRAPH_TEST_DATA_H

#include <doctest/doctest.h>

#include <string>

#include "graph/graph_config.h"

namespace brainhost::testing {

// The path of fixture `name` in tests/graph/data/.
inline std::string DataPath(const std::string& name) {
  return std::string(BRAINHOST_GRAPH_TEST_DATA) + "/" + name;
}

// Checks that `s` is InvalidArgument, that its message starts with exactly "FILE:LINE: " and
// that it contains `text`.
inline void CheckError(const Status& s, const std::string& file, int line,
                       const std::string& text) {
  INFO("message: " << s.ToString());
  CHECK(s.IsInvalidArgument());
  std::string prefix = file + ":" + std::to_string(line) + ": ";
  CHECK(s.message().substr(0, prefix.size()) == prefix);
  CHECK(s.message().find(text) != std::string::npos);
}

// Loads fixture `name`, which must fail at `line` of `file` (the fixture itself by default)
// with a message containing `text`.
inline void CheckLoadError(const std::string& name, int line, const std::string& text,
                           const std::string& file = "") {
  GraphConfig g;
  Status s = LoadGraphConfig(DataPath(name), &g);
  CheckError(s, DataPath(file.empty() ? name : file), line, text);
}

}  // namespace brainhost::testing

#endif  // BRAINHOST_TESTS_GRAPH_TEST_DATA_H
