// Scripted conversations (tests/conversations/*.txt) through the real CLI in pipe mode.
//
// Script lines:
//   > TEXT              say TEXT; the reply is not checked
//   ~ TEXT              a distractor: its reply must contain no value taught so far
//   ? TEXT => A | B     a probe: the reply must contain A or B (case-insensitive)
//   ?! TEXT => X        the reply must not contain X
//   @ VALUE, VALUE      values taught from here on (checked against distractor replies)
//   --- restart         end the process and start a new one on the same brain
//   # ...               a comment
#include <doctest/doctest.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "test_paths.h"
#include "test_process.h"

namespace brainhost {

namespace {

std::string Lower(std::string s) {
  std::transform(s.begin(), s.end(), s.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return s;
}

std::string Trim(const std::string& s) {
  size_t b = s.find_first_not_of(" \t");
  if (b == std::string::npos) return "";
  return s.substr(b, s.find_last_not_of(" \t") - b + 1);
}

std::vector<std::string> Split(const std::string& s, const std::string& separator) {
  std::vector<std::string> parts;
  size_t start = 0;
  for (size_t at; (at = s.find(separator, start)) != std::string::npos; start = at + separator.size()) {
    parts.push_back(Trim(s.substr(start, at - start)));
  }
  parts.push_back(Trim(s.substr(start)));
  return parts;
}

bool Contains(const std::string& reply, const std::string& fragment) {
  return Lower(reply).find(Lower(fragment)) != std::string::npos;
}

struct Tally {
  int probes = 0;
  int distractors = 0;
};

Tally RunScript(const std::filesystem::path& script) {
  testing::TempDir dir;
  const std::vector<std::string> args = {"--config", std::string(SOURCE_DIR) + "/config/default.toml",
                                         "--brain", dir / "brain.db", "chat"};
  testing::Child child = testing::Spawn(args);
  std::ifstream in(script);
  std::vector<std::string> taught;
  Tally tally;
  int number = 0;
  for (std::string line; std::getline(in, line);) {
    ++number;
    line = Trim(line);
    const std::string where = script.filename().string() + ":" + std::to_string(number);
    if (line.empty() || line[0] == '#') continue;
    if (line == "--- restart") {
      CHECK_MESSAGE(WEXITSTATUS(testing::Finish(child)) == 0, where);
      child = testing::Spawn(args);
    } else if (line[0] == '@') {
      for (const std::string& v : Split(line.substr(1), ",")) taught.push_back(v);
    } else if (line[0] == '>') {
      testing::Ask(child, Trim(line.substr(1)));
    } else if (line[0] == '~') {
      std::string reply = testing::Ask(child, Trim(line.substr(1)));
      ++tally.distractors;
      for (const std::string& v : taught) {
        CHECK_MESSAGE(!Contains(reply, v), where << ": distractor recalled '" << v << "': " << reply);
      }
    } else if (line[0] == '?') {
      bool negate = line.size() > 1 && line[1] == '!';
      std::vector<std::string> parts = Split(line.substr(negate ? 2 : 1), "=>");
      REQUIRE_MESSAGE(parts.size() == 2, where << ": a probe needs '=>'");
      std::string reply = testing::Ask(child, parts[0]);
      ++tally.probes;
      std::vector<std::string> options = Split(parts[1], " | ");
      bool any = std::any_of(options.begin(), options.end(),
                             [&](const std::string& o) { return Contains(reply, o); });
      if (negate) {
        CHECK_MESSAGE(!any, where << ": '" << parts[0] << "' -> '" << reply << "'");
      } else {
        CHECK_MESSAGE(any, where << ": '" << parts[0] << "' -> '" << reply << "', wanted "
                                 << parts[1]);
      }
    } else {
      FAIL(where << ": cannot read this line");
    }
  }
  CHECK(WEXITSTATUS(testing::Finish(child)) == 0);
  return tally;
}

}  // namespace

TEST_CASE("scripted conversations: personas, restarts, corrections, distractors") {
  std::vector<std::filesystem::path> scripts;
  for (const auto& e : std::filesystem::directory_iterator(std::string(SOURCE_DIR) +
                                                           "/tests/conversations")) {
    if (e.path().extension() == ".txt") scripts.push_back(e.path());
  }
  std::sort(scripts.begin(), scripts.end());
  Tally total;
  for (const auto& script : scripts) {
    Tally t = RunScript(script);
    total.probes += t.probes;
    total.distractors += t.distractors;
  }
  MESSAGE(scripts.size() << " personas, " << total.probes << " probes, " << total.distractors
                         << " distractors");
  CHECK(scripts.size() >= 3);
  CHECK(total.probes >= 60);
}

}  // namespace brainhost
