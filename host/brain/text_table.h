// Plain-text tables for the terminal: the one formatter behind `brainhost sql` and
// `brainhost ab report`, so both line up the same way.
#ifndef BRAINHOST_HOST_BRAIN_TEXT_TABLE_H
#define BRAINHOST_HOST_BRAIN_TEXT_TABLE_H

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace brainhost {

// Columns padded to their widest cell, two spaces apart, after a header line and a line of
// dashes (sqlite3's -column mode); every line ends in '\n' and carries no trailing blanks.
// Widths count UTF-8 code points, so "Zürich" is six wide. Control characters in a cell are
// escaped ("\n" as the two characters \ n) so one row stays one line. A row shorter than
// header is padded with empty cells.
std::string AlignColumns(const std::vector<std::string>& header,
                         const std::vector<std::vector<std::string>>& rows);

// v with `decimals` digits after the point, then suffix: a number as a cell ("12.5%").
std::string Fixed(double v, int decimals, const char* suffix = "");

// The number of code points in s, counting each byte that does not continue a UTF-8
// sequence; invalid UTF-8 therefore counts each stray byte once.
std::size_t DisplayWidth(std::string_view s);

}  // namespace brainhost

#endif  // BRAINHOST_HOST_BRAIN_TEXT_TABLE_H
