#include "brain/text_table.h"

#include <doctest/doctest.h>

namespace brainhost {
namespace {

TEST_CASE("DisplayWidth counts code points") {
  CHECK(DisplayWidth("") == 0);
  CHECK(DisplayWidth("Bern") == 4);
  CHECK(DisplayWidth("Zürich") == 6);            // 7 bytes
  CHECK(DisplayWidth("東京都") == 3);            // 9 bytes
  CHECK(DisplayWidth("\xF0\x9D\x84\x9E") == 1);  // U+1D11E, 4 bytes
  CHECK(DisplayWidth("\xff\xfe") == 2);          // invalid bytes count once each
}

TEST_CASE("AlignColumns keeps one row on one line") {
  CHECK(AlignColumns({"a", "b", "c"}, {{"x\ny", "tab\there"}, {"1", "2", "\x01"}}) ==
        "a     b          c\n"
        "----  ---------  ----\n"
        "x\\ny  tab\\there\n"
        "1     2          \\x01\n");
}

}  // namespace
}  // namespace brainhost
