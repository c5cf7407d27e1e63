// `brainhost bench store`: the declarative memory at scale. Inserts synthetic episodes into a
// fresh brain (in transactions of 10,000, as a long-lived brain would accumulate them), then
// times full-text retrieval of the current facts for random questions.
#include <sys/resource.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <iostream>
#include <random>
#include <vector>

#include <nlohmann/json.hpp>

#include "brain/brain.h"
#include "brain/episode_store.h"
#include "brain/sqlite_util.h"
#include "cli/commands.h"
#include "stats.h"

namespace brainhost {

namespace {

// Facts of the shapes people tell, over a vocabulary large enough that most values are rare.
struct Shape {
  const char* subject;
  const char* relation;
  const char* text;  // %s is the value
};
constexpr Shape kShapes[] = {
    {"user", "name", "my name is %s"},         {"user.dog", "name", "my dog is named %s"},
    {"user.cat", "name", "my cat is called %s"}, {"user", "workplace", "i work at %s"},
    {"user", "home", "i live in %s"},          {"user.sister", "job", "my sister is a %s"},
    {"user", "food", "my favourite food is %s"}, {"user.brother", "name", "my brother is %s"},
};
constexpr const char* kSyllables[] = {"ka", "lo", "mi", "ra", "sen", "tu", "vo", "zel",
                                      "an", "bri", "co", "dar", "el", "fi", "gu", "ho"};

std::string RandomWord(std::mt19937_64& rng) {
  std::string word;
  int syllables = 2 + static_cast<int>(rng() % 3);
  for (int i = 0; i < syllables; ++i) word += kSyllables[rng() % std::size(kSyllables)];
  return word;
}

double PeakRssMb() {
  rusage usage{};
  getrusage(RUSAGE_SELF, &usage);
  return usage.ru_maxrss / 1024.0;
}

}  // namespace

int RunBenchStore(const BenchStoreOptions& options) {
  namespace fs = std::filesystem;
  fs::path dir = fs::temp_directory_path() / ("brainhost-bench-store-" + std::to_string(getpid()));
  fs::create_directories(dir);
  const std::string path = (dir / "brain.db").string();
  auto fail = [&](const Status& s) {
    std::cerr << "brainhost: " << s.message() << "\n";
    fs::remove_all(dir);
    return kExitFailure;
  };
  std::unique_ptr<Brain> brain;
  if (Status s = Brain::Open(path, &brain); !s.ok()) return fail(s);
  EpisodeStore store(brain.get());
  std::mt19937_64 rng(options.seed);

  constexpr int kBatch = 10000;
  auto start = std::chrono::steady_clock::now();
  for (int done = 0; done < options.episodes;) {
    if (Status s = Exec(brain->handle(), "BEGIN", path); !s.ok()) return fail(s);
    for (int i = 0; i < kBatch && done < options.episodes; ++i, ++done) {
      const Shape& shape = kShapes[rng() % std::size(kShapes)];
      EpisodeRecord e;
      e.region = "bench";
      e.subject = shape.subject;
      e.relation = shape.relation;
      e.value = RandomWord(rng);
      e.candidates = e.value;
      char text[128];
      std::snprintf(text, sizeof(text), shape.text, e.value.c_str());
      e.text = text;
      e.cue = e.subject.substr(e.subject.find('.') + 1) + " " + e.relation + " " + e.value;
      int64_t id = 0;
      if (Status s = store.Insert(e, &id); !s.ok()) return fail(s);
    }
    if (Status s = Exec(brain->handle(), "COMMIT", path); !s.ok()) return fail(s);
  }
  double insert_s =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();

  // Questions name a relation word and, half the time, a value that was stored.
  std::vector<double> latencies;
  std::vector<EpisodeRecord> found;
  size_t hits = 0;
  for (int q = 0; q < options.queries; ++q) {
    const Shape& shape = kShapes[rng() % std::size(kShapes)];
    std::vector<std::string> terms = {shape.relation, RandomWord(rng)};
    auto t0 = std::chrono::steady_clock::now();
    if (Status s = store.Search(terms, 32, &found); !s.ok()) return fail(s);
    latencies.push_back(
        std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - t0).count());
    hits += found.size();
  }
  std::sort(latencies.begin(), latencies.end());
  brain.reset();
  double db_mb = 0;
  for (const char* suffix : {"", "-wal"}) {
    std::error_code ec;
    auto size = fs::file_size(path + suffix, ec);
    if (!ec) db_mb += size / (1024.0 * 1024.0);
  }
  fs::remove_all(dir);

  double p50 = NearestRank(latencies, 50), p99 = NearestRank(latencies, 99);
  std::printf("bench store: %d synthetic episodes, %d queries (seed %llu)\n", options.episodes,
              options.queries, static_cast<unsigned long long>(options.seed));
  std::printf("  %-26s %12.1f\n", "insert total (s)", insert_s);
  std::printf("  %-26s %12.0f\n", "inserts/s", options.episodes / insert_s);
  std::printf("  %-26s %12.1f\n", "database size (MB)", db_mb);
  std::printf("  %-26s %12.3f\n", "retrieval p50 (ms)", p50);
  std::printf("  %-26s %12.3f\n", "retrieval p99 (ms)", p99);
  std::printf("  %-26s %12.1f\n", "candidates per query", double(hits) / options.queries);
  std::printf("  %-26s %12.1f\n", "peak memory (MB)", PeakRssMb());
  if (options.json) {
    nlohmann::json j{{"episodes", options.episodes}, {"insert_s", insert_s},
                     {"retrieve_p50_ms", p50},       {"retrieve_p99_ms", p99},
                     {"db_mb", db_mb},               {"peak_rss_mb", PeakRssMb()}};
    std::cout << j.dump() << std::endl;
  }
  return kExitOk;
}

}  // namespace brainhost
