// The text form of TOML values, as region plugins receive their settings (bh_setting).
//
// Internal to the graph library. Written by hand rather than with toml++'s formatter, which
// prints 0.7 as 0.69999999999999996 and strings in single quotes: a plugin gets the shortest
// text that reads back as the value.
#ifndef BRAINHOST_HOST_GRAPH_SETTINGS_H
#define BRAINHOST_HOST_GRAPH_SETTINGS_H

#include <toml++/toml.h>

#include <string>
#include <utility>
#include <vector>

namespace brainhost {

// The TOML text of `node`: 42, 0.7, 1.0, true, "quoted \"string\"", 1979-05-27, [1, "a"],
// { a = 1 }. Integers are written in decimal whatever base the file used, and a float always
// keeps a '.' or an exponent so it does not read back as an integer.
std::string TomlText(const toml::node& node);

// Appends the settings in `table` to *out, sorted by key: nested tables give dotted keys
// ("decode.top_k"); a string value is its text, unquoted; anything else is its TomlText.
void FlattenSettings(const toml::table& table, std::vector<std::pair<std::string, std::string>>* out);

}  // namespace brainhost

#endif  // BRAINHOST_HOST_GRAPH_SETTINGS_H
