// ArithmeticQuestion: whether a line asks for a sum or a difference, and of which numbers.
//
// A line is arithmetic when, its polite frame set aside ("what is", "whats", "how much is",
// "calculate", "please", "equals", "?"), it is numbers joined by operators: "17 + 25",
// "1234567 plus 7654321", "900 - 123", "8 - 3 + 2". Anything else in it ("my lucky number is
// 7 + 3") leaves the line to other regions.
//
// The parse only splits text: the operands stay digit strings, for the automaton's cells. A line
// that is arithmetic but asks what the region cannot do (a product or a quotient, a fraction, a
// negative operand, an operand of more than seven digits) carries the reason it declines.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace brainhost::regions::arithmetic {

enum class Decline {
  kNone,
  kOperation,     // ×, ÷ and their words
  kNotWhole,      // "1.5", "2/3" is a quotient
  kNegative,      // an operand below zero
  kTooManyDigits  // an operand of more than seven digits
};

struct ArithmeticQuestion {
  std::vector<std::string> operands;  // digits, no separators or leading zeros ("1234567")
  std::vector<char> operators;        // '+' or '-', one fewer than operands
  Decline decline = Decline::kNone;
};

// The question the line asks, or nullopt when it is not arithmetic. Any UTF-8 is safe to pass.
std::optional<ArithmeticQuestion> ParseArithmetic(std::string_view line);

}  // namespace brainhost::regions::arithmetic
