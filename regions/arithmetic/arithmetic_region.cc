#include "arithmetic/arithmetic_region.h"

#include <stdexcept>

namespace brainhost::regions::arithmetic {
namespace {

std::string Expression(const ArithmeticQuestion& q) {
  std::string text = q.operands[0];
  for (std::size_t i = 0; i < q.operators.size(); i++) {
    text += std::string(" ") + q.operators[i] + " " + q.operands[i + 1];
  }
  return text;
}

// The cells' digits, ones first, of a digit string ("42" -> 2, 4, 0, ...).
std::array<std::uint8_t, kCells> Place(std::string_view digits) {
  if (digits.empty() || digits.size() > kOperandDigits) {
    throw std::invalid_argument("an operand of 1 to 7 digits");
  }
  std::array<std::uint8_t, kCells> cells{};
  for (std::size_t i = 0; i < digits.size(); i++) {
    const char c = digits[digits.size() - 1 - i];
    if (c < '0' || c > '9') throw std::invalid_argument("an operand of digits only");
    cells[i] = static_cast<std::uint8_t>(c - '0');
  }
  return cells;
}

}  // namespace

ArithmeticRegion::ArithmeticRegion(Nca<float> nca, std::uint64_t seed)
    : nca_(std::move(nca)), rng_(seed) {}

Outcome ArithmeticRegion::Compute(std::string_view a, std::string_view b, bool subtract) {
  Cells cells;
  cells.a = Place(a);
  cells.b = Place(b);
  cells.subtract = subtract;
  const std::string row = nca_.Digits(cells, RandomOrder(nca_.config().sweeps, rng_));
  // row[0] is the carry cell.
  if (row[0] != '0') return {subtract ? Outcome::kNegative : Outcome::kTooLarge, ""};
  const std::size_t first = std::min(row.find_first_not_of('0'), row.size() - 1);
  return {Outcome::kFits, row.substr(first)};
}

std::optional<ArithmeticReply> ArithmeticRegion::Answer(std::string_view line) {
  const std::optional<ArithmeticQuestion> question = ParseArithmetic(line);
  if (!question) return std::nullopt;
  return Reply(*question);
}

ArithmeticReply ArithmeticRegion::Reply(const ArithmeticQuestion& q) {
  switch (q.decline) {
    case Decline::kOperation:
      return {"i can only add and subtract, not multiply or divide", true};
    case Decline::kNotWhole:
      return {"i only add and subtract whole numbers", true};
    case Decline::kNegative:
      return {"i only add and subtract numbers from 0 up, not negative ones", true};
    case Decline::kTooManyDigits:
      return {"i can only add and subtract numbers of up to 7 digits", true};
    case Decline::kNone:
      break;
  }
  std::string value = q.operands[0];
  for (std::size_t i = 0; i < q.operators.size(); i++) {
    const Outcome step = Compute(value, q.operands[i + 1], q.operators[i] == '-');
    const bool chain = q.operators.size() > 1;
    if (step.status == Outcome::kTooLarge) {
      const char* what = chain ? " goes past 9999999 along the way" : " is 10000000 or more";
      return {Expression(q) + what + ", and i can only give answers of up to 7 digits", true};
    }
    if (step.status == Outcome::kNegative) {
      const char* what = chain ? " goes below 0 along the way" : " is below 0";
      return {Expression(q) + what + ", and i can only give answers from 0 up", true};
    }
    value = step.digits;
  }
  return {Expression(q) + " = " + value, false};
}

}  // namespace brainhost::regions::arithmetic
