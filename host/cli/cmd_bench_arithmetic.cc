// `brainhost bench arithmetic`: the arithmetic region's answer path (arithmetic_region.h: the
// question parsed, the automaton run, the reply written) on random held-out pairs, each operand
// length 1..7 and each operation, scored by exact match of the whole reply; plus differences
// below zero, which must be declined. Sums of 10^7 or more must be declined too; they are counted
// among the 7-digit sums as they fall.
//
// The bench knows the true answers (it computes them); the region never sees them.
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <iostream>
#include <random>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "arithmetic/arithmetic_region.h"
#include "arithmetic/nca_file.h"
#include "arithmetic/nca_training.h"
#include "cli/commands.h"
#include "cli/context.h"
#include "stats.h"

namespace brainhost {
namespace {

namespace arithmetic = regions::arithmetic;
using Clock = std::chrono::steady_clock;

constexpr std::uint64_t kLimit = 10'000'000;  // answers must stay below

// The ways a user asks, cycled so every pair is parsed as a chat line.
std::string Question(std::uint64_t a, std::uint64_t b, bool subtract, std::size_t k) {
  const std::string x = std::to_string(a), y = std::to_string(b);
  switch (k % 4) {
    case 0: return "what is " + x + (subtract ? " - " : " + ") + y + "?";
    case 1: return "whats " + x + (subtract ? " minus " : " plus ") + y;
    case 2: return x + (subtract ? "-" : "+") + y;
    default: return "What's " + x + (subtract ? " minus " : " + ") + y + "?";
  }
}

struct Row {
  std::string name;
  int digits = 0;  // 0: mixed lengths
  std::size_t pairs = 0, exact = 0, declined = 0;
  std::vector<std::string> misses;  // a few, for the report
};

}  // namespace

int RunBenchArithmetic(const BenchArithmeticOptions& o) {
  try {
    const std::string weights =
        o.weights.empty() ? ResolveModelsDir() + "/arithmetic/nca.bin" : o.weights;
    arithmetic::ArithmeticRegion region(arithmetic::LoadNca(weights), o.seed);
    std::mt19937_64 rng(o.seed);
    std::vector<double> latency_ms;
    std::vector<Row> rows;

    // Runs one question through the region and scores it against the true answer.
    auto ask = [&](Row& row, std::uint64_t a, std::uint64_t b, bool subtract) {
      const std::string question = Question(a, b, subtract, row.pairs);
      const auto start = Clock::now();
      const std::optional<arithmetic::ArithmeticReply> reply = region.Answer(question);
      latency_ms.push_back(std::chrono::duration<double, std::milli>(Clock::now() - start).count());
      const bool fits = subtract ? a >= b : a + b < kLimit;
      const std::string want =
          std::to_string(a) + (subtract ? " - " : " + ") + std::to_string(b) + " = " +
          std::to_string(subtract ? a - b : a + b);
      const bool right = reply && (fits ? !reply->declined && reply->text == want
                                        : reply->declined);
      row.pairs++;
      row.exact += right;
      row.declined += reply && reply->declined;
      if (!right && row.misses.size() < 3) {
        row.misses.push_back(question + " -> " + (reply ? reply->text : "(not arithmetic)"));
      }
    };

    for (const bool subtract : {false, true}) {
      for (int digits = 1; digits <= arithmetic::kOperandDigits; digits++) {
        Row row;
        row.name = subtract ? "subtract" : "add";
        row.digits = digits;
        for (int k = 0; k < o.pairs; k++) {
          std::uint64_t a = arithmetic::RandomNumber(digits, rng);
          std::uint64_t b = arithmetic::RandomNumber(digits, rng);
          if (subtract && a < b) std::swap(a, b);  // below zero has its own row
          ask(row, a, b, subtract);
        }
        rows.push_back(std::move(row));
      }
    }
    Row below;
    below.name = "subtract, below 0";
    for (int k = 0; k < o.pairs; k++) {
      const int la = 1 + static_cast<int>(rng() % arithmetic::kOperandDigits);
      const int lb = la + static_cast<int>(rng() % (arithmetic::kOperandDigits - la + 1));
      std::uint64_t a = arithmetic::RandomNumber(la, rng), b = arithmetic::RandomNumber(lb, rng);
      while (a == b) b = arithmetic::RandomNumber(lb, rng);
      if (a > b) std::swap(a, b);
      ask(below, a, b, true);
    }
    rows.push_back(std::move(below));

    std::size_t pairs = 0, exact = 0;
    std::printf("%-18s %6s %7s %9s %9s\n", "operation", "digits", "pairs", "exact", "declined");
    for (const Row& row : rows) {
      pairs += row.pairs;
      exact += row.exact;
      std::printf("%-18s %6s %7zu %8.3f%% %9zu\n", row.name.c_str(),
                  row.digits ? std::to_string(row.digits).c_str() : "1-7", row.pairs,
                  100.0 * row.exact / row.pairs, row.declined);
      for (const std::string& miss : row.misses) std::printf("    miss: %s\n", miss.c_str());
    }
    std::sort(latency_ms.begin(), latency_ms.end());
    const double accuracy = static_cast<double>(exact) / static_cast<double>(pairs);
    const double p50 = NearestRank(latency_ms, 50), p99 = NearestRank(latency_ms, 99);
    std::printf("overall: %zu of %zu exact (%.3f%%); latency per answer p50 %.3f ms, p99 %.3f ms\n",
                exact, pairs, 100 * accuracy, p50, p99);
    if (o.json) {
      nlohmann::json table;
      for (const Row& row : rows) {
        const std::string key = row.digits ? std::to_string(row.digits) : "below_zero";
        table[row.digits ? row.name : "subtract"][key] = {
            {"pairs", row.pairs},
            {"accuracy", static_cast<double>(row.exact) / static_cast<double>(row.pairs)},
            {"declined", row.declined}};
      }
      nlohmann::json out = {{"accuracy", accuracy}, {"latency_p50_ms", p50},
                            {"latency_p99_ms", p99}, {"pairs", pairs}, {"table", table}};
      std::cout << out.dump() << "\n";
    }
    return 0;
  } catch (const std::exception& e) {
    std::cerr << "bench arithmetic: " << e.what() << "\n";
    return 1;
  }
}

}  // namespace brainhost
