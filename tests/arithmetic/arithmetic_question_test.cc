// Which lines ask for arithmetic, their operands as digit strings, and what is declined.
#include <doctest/doctest.h>

#include "arithmetic/arithmetic_question.h"

namespace brainhost::regions::arithmetic {
namespace {

using Operands = std::vector<std::string>;
using Operators = std::vector<char>;

TEST_CASE("sums and differences are read in the ways people ask them") {
  struct Case {
    const char* line;
    Operands operands;
    Operators operators;
  };
  const Case cases[] = {
      {"what is 17 + 25?", {"17", "25"}, {'+'}},
      {"whats 1234567 plus 7654321", {"1234567", "7654321"}, {'+'}},
      {"what is 900 - 123?", {"900", "123"}, {'-'}},
      {"What's 900 minus 123", {"900", "123"}, {'-'}},
      {"3+4", {"3", "4"}, {'+'}},
      {"calculate 1,234,567 - 7", {"1234567", "7"}, {'-'}},
      {"how much is 8 - 3 + 2 ?", {"8", "3", "2"}, {'-', '+'}},
      {"what does 0007 + 0 make", {"7", "0"}, {'+'}},
      {"12 \u2212 5 =", {"12", "5"}, {'-'}},
  };
  for (const Case& c : cases) {
    CAPTURE(c.line);
    const auto q = ParseArithmetic(c.line);
    REQUIRE(q);
    CHECK(q->operands == c.operands);
    CHECK(q->operators == c.operators);
    CHECK(q->decline == Decline::kNone);
  }
}

TEST_CASE("lines that only mention numbers are left to other regions") {
  for (const char* line : {"my lucky number is 7 + 3", "what is 5?", "i have 3 cats",
                           "what is my name?", "17 25", "5 is 3", "+", "what is 5 + ?",
                           "what time is it, 12:30 + 5?", "'); drop table turns; -- 1 + 1",
                           "", "\xff\xfe 1 + 2"}) {
    CAPTURE(line);
    CHECK_FALSE(ParseArithmetic(line));
  }
}

TEST_CASE("arithmetic the region cannot do carries its reason") {
  CHECK(ParseArithmetic("what is 6 times 7?")->decline == Decline::kOperation);
  CHECK(ParseArithmetic("6 x 7")->decline == Decline::kOperation);
  CHECK(ParseArithmetic("6 * 7")->decline == Decline::kOperation);
  CHECK(ParseArithmetic("what is 12 divided by 4")->decline == Decline::kOperation);
  CHECK(ParseArithmetic("12 / 4")->decline == Decline::kOperation);
  CHECK(ParseArithmetic("what is 1.5 + 2?")->decline == Decline::kNotWhole);
  CHECK(ParseArithmetic("what is -5 + 3?")->decline == Decline::kNegative);
  CHECK(ParseArithmetic("what is 5 - -3?")->decline == Decline::kNegative);
  CHECK(ParseArithmetic("what is 12345678 + 1?")->decline == Decline::kTooManyDigits);
  CHECK(ParseArithmetic("what is 00001234567 + 1?")->decline == Decline::kNone);
}

TEST_CASE("a megabyte line is read in one pass") {
  std::string line = "what is 1";
  line += std::string(1 << 20, '0');
  line += " + 1?";
  const auto q = ParseArithmetic(line);
  REQUIRE(q);
  CHECK(q->decline == Decline::kTooManyDigits);
}

}  // namespace
}  // namespace brainhost::regions::arithmetic
