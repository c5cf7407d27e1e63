#include "brain/text_table.h"

#include <algorithm>
#include <cstdio>

namespace brainhost {

namespace {

std::string EscapeControls(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  for (const char c : s) {
    const auto u = static_cast<unsigned char>(c);
    if (c == '\n') {
      out += "\\n";
    } else if (c == '\t') {
      out += "\\t";
    } else if (c == '\r') {
      out += "\\r";
    } else if (u < 0x20 || u == 0x7f) {
      char hex[8];
      std::snprintf(hex, sizeof hex, "\\x%02x", u);
      out += hex;
    } else {
      out += c;
    }
  }
  return out;
}

void AppendLine(const std::vector<std::string>& cells, const std::vector<std::size_t>& widths,
                std::string* out) {
  std::string line;
  for (std::size_t i = 0; i < widths.size(); ++i) {
    if (i > 0) line += "  ";
    const std::string& cell = i < cells.size() ? cells[i] : std::string();
    line += cell;
    line.append(widths[i] - DisplayWidth(cell), ' ');
  }
  line.erase(line.find_last_not_of(' ') + 1);
  *out += line;
  *out += '\n';
}

}  // namespace

std::size_t DisplayWidth(std::string_view s) {
  return static_cast<std::size_t>(std::count_if(
      s.begin(), s.end(), [](char c) { return (static_cast<unsigned char>(c) & 0xC0) != 0x80; }));
}

std::string AlignColumns(const std::vector<std::string>& header,
                         const std::vector<std::vector<std::string>>& rows) {
  std::size_t columns = header.size();
  for (const auto& row : rows) columns = std::max(columns, row.size());

  std::vector<std::vector<std::string>> lines;
  lines.reserve(rows.size() + 1);
  lines.emplace_back();
  for (const auto& cell : header) lines.back().push_back(EscapeControls(cell));
  for (const auto& row : rows) {
    lines.emplace_back();
    for (const auto& cell : row) lines.back().push_back(EscapeControls(cell));
  }

  std::vector<std::size_t> widths(columns, 0);
  for (const auto& line : lines) {
    for (std::size_t i = 0; i < line.size(); ++i) {
      widths[i] = std::max(widths[i], DisplayWidth(line[i]));
    }
  }

  std::string out;
  AppendLine(lines[0], widths, &out);
  std::vector<std::string> dashes;
  for (const std::size_t w : widths) dashes.emplace_back(w, '-');
  AppendLine(dashes, widths, &out);
  for (std::size_t i = 1; i < lines.size(); ++i) AppendLine(lines[i], widths, &out);
  return out;
}

std::string Fixed(double v, int decimals, const char* suffix) {
  char buf[64];
  std::snprintf(buf, sizeof buf, "%.*f%s", decimals, v, suffix);
  return buf;
}

}  // namespace brainhost
