#include "graph/settings.h"

#include <doctest/doctest.h>

#include <string_view>

namespace brainhost {
namespace {

using Settings = std::vector<std::pair<std::string, std::string>>;

// The TomlText of the value of `v = ...` in `document`.
std::string TextOf(std::string_view document) {
  toml::table t = toml::parse(document);
  return TomlText(*t.get("v"));
}

TEST_CASE("TomlText writes values so they read back as themselves") {
  CHECK(TextOf("v = 42") == "42");
  CHECK(TextOf("v = 0x1F") == "31");
  CHECK(TextOf("v = -7") == "-7");
  CHECK(TextOf("v = 0.7") == "0.7");
  CHECK(TextOf("v = 1.0") == "1.0");
  CHECK(TextOf("v = 1e100") == "1e+100");
  CHECK(TextOf("v = -inf") == "-inf");
  CHECK(TextOf("v = nan") == "nan");
  CHECK(TextOf("v = true") == "true");
  CHECK(TextOf("v = 'say \"hi\"'") == "\"say \\\"hi\\\"\"");
  CHECK(TextOf("v = \"a\\\"b\\\\c\\n\\u0001\"") == "\"a\\\"b\\\\c\\n\\u0001\"");
  CHECK(TextOf("v = 1979-05-27") == "1979-05-27");
  CHECK(TextOf("v = 07:32:00") == "07:32:00");
  CHECK(TextOf("v = 1979-05-27T07:32:00Z") == "1979-05-27T07:32:00Z");
  CHECK(TextOf("v = [1, [2.5, 'x'], []]") == "[1, [2.5, \"x\"], []]");
  CHECK(TextOf("v = { b = 1, a = { 'x y' = true } }") == "{ a = { \"x y\" = true }, b = 1 }");
  CHECK(TextOf("v = {}") == "{}");
}

TEST_CASE("FlattenSettings gives dotted keys, bare strings, sorted") {
  toml::table t = toml::parse(R"(
    zeta = "last"
    name = "clock"
    decode = { top_k = 40, temperature = 0.7, beam = { width = 4 } }
    list = ["a", 2]
    empty = {}
  )");
  Settings out{{"kept", "before"}};
  FlattenSettings(t, &out);
  CHECK(out == Settings{{"kept", "before"},
                        {"decode.beam.width", "4"},
                        {"decode.temperature", "0.7"},
                        {"decode.top_k", "40"},
                        {"list", "[\"a\", 2]"},
                        {"name", "clock"},
                        {"zeta", "last"}});
}

}  // namespace
}  // namespace brainhost
