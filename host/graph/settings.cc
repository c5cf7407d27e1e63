#include "graph/settings.h"

#include <algorithm>
#include <cctype>
#include <charconv>
#include <cmath>
#include <cstdio>
#include <sstream>

namespace brainhost {

namespace {

std::string QuotedString(std::string_view s) {
  std::string out = "\"";
  for (char c : s) {
    switch (c) {
      case '"': out += "\\\""; break;
      case '\\': out += "\\\\"; break;
      case '\b': out += "\\b"; break;
      case '\t': out += "\\t"; break;
      case '\n': out += "\\n"; break;
      case '\f': out += "\\f"; break;
      case '\r': out += "\\r"; break;
      default:
        if (static_cast<unsigned char>(c) < 0x20 || c == 0x7F) {
          char buf[8];
          std::snprintf(buf, sizeof buf, "\\u%04X", static_cast<unsigned char>(c));
          out += buf;
        } else {
          out += c;
        }
    }
  }
  return out + "\"";
}

std::string KeyText(std::string_view key) {
  bool bare = !key.empty() && std::all_of(key.begin(), key.end(), [](char c) {
    return std::isalnum(static_cast<unsigned char>(c)) || c == '_' || c == '-';
  });
  return bare ? std::string(key) : QuotedString(key);
}

std::string FloatText(double value) {
  if (std::isnan(value)) return "nan";
  if (std::isinf(value)) return value < 0 ? "-inf" : "inf";
  char buf[64];
  auto [end, ec] = std::to_chars(buf, buf + sizeof buf, value);
  std::string text(buf, end);
  // "1" would read back as an integer; TOML spells the float 1.0.
  if (text.find_first_of(".e") == std::string::npos) text += ".0";
  return text;
}

// The TOML text of a value; a string at the top level of a setting is given bare.
std::string ValueText(const toml::node& node, bool bare_string) {
  std::ostringstream out;
  if (const auto* s = node.as_string()) {
    return bare_string ? s->get() : QuotedString(s->get());
  } else if (const auto* i = node.as_integer()) {
    return std::to_string(i->get());
  } else if (const auto* f = node.as_floating_point()) {
    return FloatText(f->get());
  } else if (const auto* b = node.as_boolean()) {
    return b->get() ? "true" : "false";
  } else if (const auto* d = node.as_date()) {
    out << *d;
  } else if (const auto* t = node.as_time()) {
    out << *t;
  } else if (const auto* dt = node.as_date_time()) {
    out << *dt;
  } else if (const auto* array = node.as_array()) {
    out << '[';
    for (size_t k = 0; k < array->size(); ++k) {
      out << (k ? ", " : "") << ValueText(*array->get(k), false);
    }
    out << ']';
  } else if (const auto* table = node.as_table()) {
    out << '{';
    bool first = true;
    for (auto&& [key, value] : *table) {
      out << (first ? " " : ", ") << KeyText(key.str()) << " = " << ValueText(value, false);
      first = false;
    }
    out << (first ? "}" : " }");
  }
  return out.str();
}

void Flatten(const toml::table& table, const std::string& prefix,
             std::vector<std::pair<std::string, std::string>>* out) {
  for (auto&& [key, value] : table) {
    std::string name = prefix.empty() ? std::string(key.str()) : prefix + "." + std::string(key.str());
    if (const auto* sub = value.as_table()) {
      Flatten(*sub, name, out);
    } else {
      out->emplace_back(name, ValueText(value, true));
    }
  }
}

}  // namespace

std::string TomlText(const toml::node& node) { return ValueText(node, false); }

void FlattenSettings(const toml::table& table,
                     std::vector<std::pair<std::string, std::string>>* out) {
  size_t first = out->size();
  Flatten(table, "", out);
  std::sort(out->begin() + static_cast<std::ptrdiff_t>(first), out->end());
}

}  // namespace brainhost
