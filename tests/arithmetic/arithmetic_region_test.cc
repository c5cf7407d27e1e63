// The shipped automaton (models/arithmetic/nca.bin) through the region: replies, carries across
// every place, chains, and the declines read off the carry cell.
#include <doctest/doctest.h>

#include <random>

#include "arithmetic/arithmetic_region.h"
#include "arithmetic/nca_file.h"
#include "arithmetic/nca_training.h"

namespace brainhost::regions::arithmetic {
namespace {

ArithmeticRegion Shipped(std::uint64_t seed = 1) { return {LoadNca(NCA_WEIGHTS), seed}; }

std::string Reply(ArithmeticRegion& region, const std::string& line) {
  const auto reply = region.Answer(line);
  REQUIRE(reply);
  return reply->text;
}

TEST_CASE("the reply shows the operands and the result") {
  ArithmeticRegion region = Shipped();
  CHECK(Reply(region, "what is 17 + 25?") == "17 + 25 = 42");
  CHECK(Reply(region, "whats 1234567 plus 7654321") == "1234567 + 7654321 = 8888888");
  CHECK(Reply(region, "what is 900 - 123?") == "900 - 123 = 777");
  CHECK(Reply(region, "0 - 0") == "0 - 0 = 0");
  CHECK(Reply(region, "8 - 3 + 2") == "8 - 3 + 2 = 7");
  CHECK_FALSE(region.Answer("what is my name?"));
}

TEST_CASE("carries and borrows cross every place") {
  ArithmeticRegion region = Shipped();
  CHECK(Reply(region, "9999998 + 1") == "9999998 + 1 = 9999999");
  CHECK(Reply(region, "999999 + 1") == "999999 + 1 = 1000000");
  CHECK(Reply(region, "1000000 - 1") == "1000000 - 1 = 999999");
  CHECK(Reply(region, "5000000 - 4999999") == "5000000 - 4999999 = 1");
  CHECK(Reply(region, "4999999 + 5000000") == "4999999 + 5000000 = 9999999");
  CHECK(Reply(region, "1234567 - 1234567") == "1234567 - 1234567 = 0");
}

TEST_CASE("answers out of range are declined from the carry cell, never a wrong number") {
  ArithmeticRegion region = Shipped();
  for (const char* line : {"9999999 + 1", "5000000 + 5000000", "what is 3 - 5?",
                           "1 - 1000000", "9000000 + 900000 + 100000", "1 - 2 + 5"}) {
    CAPTURE(line);
    const auto reply = region.Answer(line);
    REQUIRE(reply);
    CHECK(reply->declined);
    CHECK(reply->text.find('=') == std::string::npos);
  }
  CHECK(Reply(region, "9999999 + 1").find("up to 7 digits") != std::string::npos);
  CHECK(Reply(region, "3 - 5").find("below 0") != std::string::npos);
  CHECK(Reply(region, "6 times 7").find("only add and subtract") != std::string::npos);
  CHECK(Reply(region, "12345678 + 1").find("7 digits") != std::string::npos);
}

TEST_CASE("a thousand random pairs, any firing order, are all exact") {
  ArithmeticRegion region = Shipped(77);
  std::mt19937_64 rng(4242);
  int wrong = 0;
  for (int k = 0; k < 1000; k++) {
    const std::uint64_t a = RandomNumber(1 + static_cast<int>(rng() % 7), rng);
    const std::uint64_t b = RandomNumber(1 + static_cast<int>(rng() % 7), rng);
    const bool subtract = k % 2 == 1;
    const std::string x = std::to_string(std::max(a, b)), y = std::to_string(std::min(a, b));
    const Outcome got = region.Compute(x, y, subtract);
    const std::uint64_t want = subtract ? std::max(a, b) - std::min(a, b) : a + b;
    if (want >= 10'000'000) {
      wrong += got.status != Outcome::kTooLarge;
    } else {
      wrong += got.status != Outcome::kFits || got.digits != std::to_string(want);
    }
  }
  CHECK(wrong == 0);
}

}  // namespace
}  // namespace brainhost::regions::arithmetic
