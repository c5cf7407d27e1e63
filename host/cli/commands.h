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

// `brainhost sleep` and `brainhost brain history|rollback` (cmd_sleep.cc). Options left at
// their defaults take the graph's [sleep] settings.
struct SleepCommandOptions {
  std::string mode;  // "none", "replay", "lock", "both"; empty: [sleep] mode
  double epochs = 0;  // 0: [sleep] epochs
  uint64_t seed = 1;
};
int RunSleep(const GlobalOptions& global, const SleepCommandOptions& options);
int RunBrainHistory(const GlobalOptions& global, bool json);
int RunBrainRollback(const GlobalOptions& global, int64_t version);
int RunAbReport(const GlobalOptions& global, bool json);

struct BenchRouteOptions {
  int turns = 2000;
  bool json = false;
};
int RunBenchRoute(const GlobalOptions& global, const BenchRouteOptions& options);

struct BenchRecallOptions {
  int episodes = 400;      // held-out episodes per arrangement of the memory regions
  int live = 14;           // live chats per A/B variant
  uint64_t seed = 7;       // the episodes' (validation values either way)
  std::string live_brain;  // where the live chats are kept; empty: a temporary brain
  bool show_misses = false;  // print each probe the brain did not recall, with its reply
  bool json = false;
};
int RunBenchRecall(const GlobalOptions& global, const BenchRecallOptions& options);

struct BenchSleepOptions {
  int turns = 40;     // the held-out session's user lines
  uint64_t seed = 1;  // the sleeps' draws
  bool json = false;
};
int RunBenchSleep(const GlobalOptions& global, const BenchSleepOptions& options);

// `brainhost bench arithmetic` (cmd_bench_arithmetic.cc).
struct BenchArithmeticOptions {
  int pairs = 10000;     // per operation and operand length
  uint64_t seed = 1007;  // the pairs and the firing orders; training draws from another stream
  std::string weights;   // "": <models>/arithmetic/nca.bin
  bool json = false;
};
int RunBenchArithmetic(const BenchArithmeticOptions& options);

struct BenchStoreOptions {
  int episodes = 1000000;
  int queries = 10000;
  uint64_t seed = 1;
  bool json = false;
};
int RunBenchStore(const BenchStoreOptions& options);

struct BenchCortexOptions {
  int steps = 10;    // timed training steps per thread count
  int tokens = 200;  // tokens per generation run
  int runs = 15;     // timed generation runs per thread count and weight format
  int threads = 0;   // the multi-thread figures' threads; 0: one per hardware thread
  std::string weights = "models/cortex/cortex.bin";  // for the trained-weights figures
  std::string tokenizer = "models/tokenizer/tokenizer.model";
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

struct TrainCortexOptions {
  std::string tokenizer = "models/tokenizer/tokenizer.model";
  std::string out = "models/cortex/cortex.bin";        // the final weights
  std::string checkpoint = "train-cortex/cortex.ckpt";  // weights + optimizer state, for resume
  std::string log = "train-cortex/train.csv";
  bool resume = false;
  int dim = 128, layers = 8, heads = 4, context = 256;
  int seq_len = 256;
  int batch = 8;
  int steps = 5000;
  int warmup = 200;
  double lr = 3e-3;  // peak; the cosine schedule ends at a tenth of it
  double clip = 1.0;
  int threads = 0;   // 0: one per hardware thread
  uint64_t seed = 1;
  size_t corpus_bytes = 80'000'000;
  std::string wordnet = "/usr/share/wordnet";  // glosses mixed in for breadth; "" for none
  int val_windows = 64;
  int eval_every = 250;
  int checkpoint_every = 250;
};
int RunTrainCortex(const TrainCortexOptions& options);

// `brainhost train hippo` (cmd_train_hippo.cc).
struct TrainHippoOptions {
  std::string cortex = "models/cortex/cortex.bin";  // the frozen cortex the episodes play through
  std::string tokenizer = "models/tokenizer/tokenizer.model";
  std::string language = "models/language";         // the episodic encoder's models
  std::string out = "models/hippo/hippo.bin";
  std::string log = "train-hippo/train.csv";
  int train_episodes = 2000;
  int val_episodes = 400;
  int epochs = 8;     // longer overfits the training values (20: val loss 4.2 against 3.5)
  int batch = 16;      // episodes per step
  double lr = 0.02;    // peak; the cosine schedule ends at a tenth of it
  double settle = 3;   // the settling term's weight (hippo/meta_training.h): 1 and 10 did worse
  int window = 16;     // user turns the memory keeps, as the plugin's default
  uint64_t seed = 4;   // of 1 to 4, the best at saying the value first (README, "The hippo")
};
int RunTrainHippo(const TrainHippoOptions& options);

// `brainhost train arithmetic` (cmd_train_arithmetic.cc).
struct TrainArithmeticOptions {
  std::string out = "models/arithmetic/nca.bin";
  std::string log = "train-arithmetic/train.csv";
  int steps = 20000;
  int batch = 256;        // problems per step
  double lr = 2e-3;       // peak; the cosine schedule ends at a tenth of it
  int val_problems = 20000;
  int eval_every = 1000;
  uint64_t seed = 1;
};
int RunTrainArithmetic(const TrainArithmeticOptions& options);

// `brainhost cortex ...`: llama2.c interop (cmd_cortex.cc).
struct CortexExportOptions {
  std::string format = "llama2c";  // the only one so far
  std::string weights = "models/cortex/cortex.bin";
  std::string tokenizer = "models/tokenizer/tokenizer.model";
  std::string out;  // a directory: gets model.bin and tokenizer.bin
};
int RunCortexExport(const CortexExportOptions& options);

struct CortexImportOptions {
  std::string file;  // a legacy llama2.c checkpoint
  std::string out;   // the cortex checkpoint to write
};
int RunCortexImport(const CortexImportOptions& options);

struct CortexSampleOptions {
  std::string weights = "models/cortex/cortex.bin";  // a cortex or legacy llama2.c checkpoint
  std::string vocab;  // a llama2.c tokenizer.bin; empty: decode with tokenizer
  std::string tokenizer = "models/tokenizer/tokenizer.model";
  int tokens = 256;
  float temperature = 1.0f;  // 0: greedy
  float top_p = 0.9f;
  uint64_t seed = 1;
};
int RunCortexSample(const CortexSampleOptions& options);

// The brain to open: --brain, else the graph's [host] brain, else ./brain.db.
std::string ResolveBrainPath(const GlobalOptions& global);

}  // namespace brainhost

#endif  // BRAINHOST_HOST_CLI_COMMANDS_H
