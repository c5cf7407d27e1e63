// The subcommands of `brainhost`, one function each; main.cc parses arguments and calls them.
// Each returns the process exit code and prints errors to stderr as one line.
#ifndef BRAINHOST_HOST_CLI_COMMANDS_H
#define BRAINHOST_HOST_CLI_COMMANDS_H

#include <string>

#include "cli/context.h"

namespace brainhost {

struct ChatOptions {
  std::string session_id;  // empty: a new session
  bool jsonl = false;
};
int RunChat(const GlobalOptions& global, const ChatOptions& options);
int RunDemo(const GlobalOptions& global);

int RunRegions(const GlobalOptions& global, bool json);
int RunGraph(const GlobalOptions& global, bool dot);
int RunSql(const GlobalOptions& global, const std::string& sql);
int RunAbReport(const GlobalOptions& global, bool json);

struct BenchRouteOptions {
  int turns = 2000;
  bool json = false;
};
int RunBenchRoute(const GlobalOptions& global, const BenchRouteOptions& options);

struct BenchStoreOptions {
  int episodes = 1000000;
  int queries = 10000;
  uint64_t seed = 1;
  bool json = false;
};
int RunBenchStore(const BenchStoreOptions& options);

struct BenchCortexOptions {
  int steps = 10;
  bool json = false;
};
int RunBenchCortex(const BenchCortexOptions& options);

struct TrainLanguageOptions {
  std::string wordnet = "/usr/share/wordnet";
  std::string out = "models/language";
};
int RunTrainLanguage(const TrainLanguageOptions& options);

struct TrainTokenizerOptions {
  std::string out = "models/tokenizer/tokenizer";  // writes <out>.model and <out>.vocab
  int vocab_size = 4096;
  uint64_t seed = 1;
  size_t corpus_bytes = 80'000'000;
};
int RunTrainTokenizer(const TrainTokenizerOptions& options);

// The brain to open: --brain, else the graph's [host] brain, else ./brain.db.
std::string ResolveBrainPath(const GlobalOptions& global);

}  // namespace brainhost

#endif  // BRAINHOST_HOST_CLI_COMMANDS_H
