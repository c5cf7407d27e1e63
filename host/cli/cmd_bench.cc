// `brainhost bench route`: what the frame costs per turn — routing through the graph's regions
// and committing the turn to a fresh brain — measured end to end.
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <iostream>
#include <vector>

#include <nlohmann/json.hpp>

#include "brain/brain.h"
#include "cli/commands.h"
#include "stats.h"
#include "turn/session.h"

namespace brainhost {

int RunBenchRoute(const GlobalOptions& global, const BenchRouteOptions& options) {
  Context context;
  if (Status s = LoadContext(global, &context); !s.ok()) {
    std::cerr << "brainhost: " << s.message() << "\n";
    return kExitUsage;
  }
  namespace fs = std::filesystem;
  fs::path dir = fs::temp_directory_path() / ("brainhost-bench-" + std::to_string(getpid()));
  fs::create_directories(dir);
  std::string brain_path = (dir / "brain.db").string();
  int rc = kExitOk;
  {
    std::unique_ptr<Brain> brain;
    std::unique_ptr<Session> session;
    Status s = Brain::Open(brain_path, &brain);
    if (s.ok()) s = Session::Start(context.graph, context.registry, brain.get(), "bench", &session);
    if (!s.ok()) {
      std::cerr << "brainhost: " << s.message() << "\n";
      fs::remove_all(dir);
      return kExitFailure;
    }
    const char* lines[] = {"what day is it today?", "hello there", "what time is it?",
                           "tell me something about the sea"};
    std::vector<double> latencies;
    latencies.reserve(options.turns);
    auto start = std::chrono::steady_clock::now();
    for (int i = 0; i < options.turns && rc == kExitOk; ++i) {
      auto t0 = std::chrono::steady_clock::now();
      TurnResult result;
      if (Status t = session->Say(lines[i % 4], &result); !t.ok()) {
        std::cerr << "brainhost: " << t.message() << "\n";
        rc = kExitFailure;
      }
      latencies.push_back(
          std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - t0)
              .count());
    }
    double seconds =
        std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    std::sort(latencies.begin(), latencies.end());
    double p50 = NearestRank(latencies, 50), p99 = NearestRank(latencies, 99);
    double rate = latencies.size() / seconds;
    std::printf("bench route: %zu turns through %s (%zu regions), each committed to the brain\n",
                latencies.size(), context.graph.path.c_str(), context.graph.regions.size());
    std::printf("  %-22s %12.0f\n", "turns/s", rate);
    std::printf("  %-22s %12.3f\n", "latency p50 (ms)", p50);
    std::printf("  %-22s %12.3f\n", "latency p99 (ms)", p99);
    if (options.json) {
      nlohmann::json j{{"turns", latencies.size()},
                       {"turns_per_s", rate},
                       {"latency_p50_ms", p50},
                       {"latency_p99_ms", p99}};
      std::cout << j.dump() << std::endl;
    }
  }
  fs::remove_all(dir);
  return rc;
}

}  // namespace brainhost
