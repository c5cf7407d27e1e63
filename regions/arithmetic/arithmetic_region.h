// ArithmeticRegion: answers sums and differences with the automaton (nca.h), or declines in
// words what it cannot do.
//
// The operands' digits go into the cells as they were written and the answer's digits are read
// off the cells: no arithmetic on the numbers' values happens here. Whether the answer fits is
// read off the carry cell too: a 1 under a sum means eight digits, anything but 0 under a
// difference means it is negative. A chain ("8 - 3 + 2") runs the automaton once per operator,
// left to right, on the previous result's digits.
#pragma once

#include <cstdint>
#include <optional>
#include <random>
#include <string>
#include <string_view>

#include "arithmetic/arithmetic_question.h"
#include "arithmetic/nca.h"

namespace brainhost::regions::arithmetic {

struct ArithmeticReply {
  std::string text;   // "17 + 25 = 42", or why it declines
  bool declined = false;
};

// One run of the automaton on two operands.
struct Outcome {
  enum Status { kFits, kTooLarge, kNegative } status;
  std::string digits;  // the answer without leading zeros, when it fits
};

class ArithmeticRegion {
 public:
  // seed draws the firing orders.
  ArithmeticRegion(Nca<float> nca, std::uint64_t seed);

  // The reply when the line asks for arithmetic, else nullopt.
  std::optional<ArithmeticReply> Answer(std::string_view line);
  // Runs a + b or a - b. REQUIRES: a and b are 1 to 7 digits.
  Outcome Compute(std::string_view a, std::string_view b, bool subtract);

 private:
  ArithmeticReply Reply(const ArithmeticQuestion& question);

  Nca<float> nca_;
  std::mt19937_64 rng_;
};

}  // namespace brainhost::regions::arithmetic
