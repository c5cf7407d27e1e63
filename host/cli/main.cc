// brainhost: the command line. Parses arguments (CLI11), sets up logging (spdlog, stderr
// only, so stdout carries nothing but replies and tables) and dispatches to a command.
#include <spdlog/sinks/stdout_color_sinks.h>
#include <spdlog/spdlog.h>

#include <CLI/CLI.hpp>
#include <iostream>

#include "cli/commands.h"

namespace {

constexpr char kVersion[] = "0.1.0";

void SetUpLogging(const std::string& level) {
  auto logger = spdlog::stderr_color_mt("brainhost");
  logger->set_pattern("brainhost: %^%l%$: %v");
  logger->set_level(spdlog::level::from_str(level));
  spdlog::set_default_logger(logger);
}

}  // namespace

int main(int argc, char** argv) {
  using namespace brainhost;
  CLI::App app{"brainhost: a chat runtime built from swappable brain-region plugins"};
  app.set_version_flag("--version", std::string("brainhost ") + kVersion);
  app.require_subcommand(1);
  app.fallthrough();

  GlobalOptions global;
  app.add_option("--config", global.config, "routing graph (TOML); default: config/default.toml")
      ->option_text("PATH");
  app.add_option("--brain", global.brain, "brain file (SQLite); default: ./brain.db")
      ->option_text("PATH");
  app.add_option("--plugin-path", global.plugin_path, "extra plugin directory, searched first")
      ->option_text("DIR");
  app.add_option("--log-level", global.log_level, "trace|debug|info|warn|error|off")
      ->check(CLI::IsMember({"trace", "debug", "info", "warn", "error", "critical", "off"}))
      ->capture_default_str();

  ChatOptions chat;
  CLI::App* chat_cmd = app.add_subcommand(
      "chat", "talk: a terminal gets line editing and /commands; a pipe gets one reply per line");
  chat_cmd->add_option("--session", chat.session_id, "continue or name a session");
  chat_cmd->add_flag("--jsonl", chat.jsonl, "one JSON object per turn on stdout");

  CLI::App* demo_cmd = app.add_subcommand("demo", "run a short scripted conversation");

  bool json = false;
  CLI::App* regions_cmd =
      app.add_subcommand("regions", "list installed regions (no instance is created)");
  regions_cmd->add_flag("--json", json, "print JSON");

  bool dot = false;
  CLI::App* graph_cmd = app.add_subcommand("graph", "validate the routing graph and describe it");
  graph_cmd->add_flag("--dot", dot, "print Graphviz instead");

  std::string sql;
  CLI::App* sql_cmd = app.add_subcommand("sql", "run a read-only SQL query on the brain");
  sql_cmd->add_option("query", sql, "SELECT ...")->required();

  CLI::App* ab_cmd = app.add_subcommand("ab", "A/B experiments");
  ab_cmd->require_subcommand(1);
  CLI::App* ab_report_cmd =
      ab_cmd->add_subcommand("report", "per variant: turns, answering regions, latency");
  ab_report_cmd->add_flag("--json", json, "print JSON");

  BenchRouteOptions bench_route;
  CLI::App* bench_cmd = app.add_subcommand("bench", "benchmarks");
  bench_cmd->require_subcommand(1);
  CLI::App* bench_route_cmd =
      bench_cmd->add_subcommand("route", "turns through the routing graph into a fresh brain");
  bench_route_cmd->add_option("--turns", bench_route.turns, "how many turns")
      ->check(CLI::Range(1, 10000000))
      ->capture_default_str();
  bench_route_cmd->add_flag("--json", bench_route.json, "end with one JSON line of figures");

  BenchArithmeticOptions bench_arithmetic;
  CLI::App* bench_arithmetic_cmd = bench_cmd->add_subcommand(
      "arithmetic", "the arithmetic region's exact answers on random pairs, and its latency");
  bench_arithmetic_cmd->add_option("--pairs", bench_arithmetic.pairs,
                                   "pairs per operation and operand length")
      ->check(CLI::Range(1, 10000000))
      ->capture_default_str();
  bench_arithmetic_cmd->add_option("--seed", bench_arithmetic.seed, "the pairs' random seed")
      ->capture_default_str();
  bench_arithmetic_cmd->add_option("--weights", bench_arithmetic.weights,
                                   "automaton weights (default: the installed model)");
  bench_arithmetic_cmd->add_flag("--json", bench_arithmetic.json,
                                 "end with one JSON line of figures");

  BenchStoreOptions bench_store;
  CLI::App* bench_store_cmd = bench_cmd->add_subcommand(
      "store", "insert synthetic episodes into a fresh brain and time retrieval");
  bench_store_cmd->add_option("--episodes", bench_store.episodes, "how many episodes")
      ->check(CLI::Range(1, 100000000))
      ->capture_default_str();
  bench_store_cmd->add_option("--queries", bench_store.queries, "how many retrievals")
      ->check(CLI::Range(1, 10000000))
      ->capture_default_str();
  bench_store_cmd->add_option("--seed", bench_store.seed, "random seed")->capture_default_str();
  bench_store_cmd->add_flag("--json", bench_store.json, "end with one JSON line of figures");

  BenchCortexOptions bench_cortex;
  CLI::App* bench_cortex_cmd =
      bench_cmd->add_subcommand("cortex", "the cortex's generation and training speed");
  bench_cortex_cmd->add_option("--steps", bench_cortex.steps, "timed training steps per run")
      ->check(CLI::Range(1, 100000))
      ->capture_default_str();
  bench_cortex_cmd->add_option("--tokens", bench_cortex.tokens, "tokens per generation run")
      ->check(CLI::Range(1, 250))
      ->capture_default_str();
  bench_cortex_cmd->add_option("--runs", bench_cortex.runs, "timed generation runs per setting")
      ->check(CLI::Range(1, 100000))
      ->capture_default_str();
  bench_cortex_cmd->add_option("--threads", bench_cortex.threads,
                               "threads of the multi-thread figures; 0: one per hardware thread")
      ->check(CLI::Range(0, 256))
      ->capture_default_str();
  bench_cortex_cmd->add_option("--weights", bench_cortex.weights,
                               "trained weights for validation loss and samples")
      ->capture_default_str();
  bench_cortex_cmd->add_option("--tokenizer", bench_cortex.tokenizer, "their tokenizer")
      ->capture_default_str();
  bench_cortex_cmd->add_flag("--json", bench_cortex.json, "end with one JSON line of figures");

  BenchRecallOptions bench_recall;
  CLI::App* bench_recall_cmd = bench_cmd->add_subcommand(
      "recall", "recall of taught facts with the memory on, off, and each region alone");
  bench_recall_cmd->add_option("--episodes", bench_recall.episodes,
                               "held-out episodes per arrangement")
      ->check(CLI::Range(1, 1000000))
      ->capture_default_str();
  bench_recall_cmd->add_option("--live", bench_recall.live, "live chats per A/B variant")
      ->check(CLI::Range(1, 1000000))
      ->capture_default_str();
  bench_recall_cmd->add_option("--seed", bench_recall.seed, "the episodes' seed")
      ->capture_default_str();
  bench_recall_cmd->add_option("--live-brain", bench_recall.live_brain,
                               "keep the live chats in this brain, for `ab report`");
  bench_recall_cmd->add_flag("--show-misses", bench_recall.show_misses,
                            "print each probe not recalled (and each false recall) with its reply");
  bench_recall_cmd->add_flag("--json", bench_recall.json, "end with one JSON line of figures");

  BenchSleepOptions bench_sleep;
  CLI::App* bench_sleep_cmd = bench_cmd->add_subcommand(
      "sleep", "what sleep learns of a held-out session, and what it forgets, per protection mode");
  bench_sleep_cmd->add_option("--turns", bench_sleep.turns, "the held-out session's user lines")
      ->check(CLI::Range(1, 100000))
      ->capture_default_str();
  bench_sleep_cmd->add_option("--seed", bench_sleep.seed, "the sleeps' draws")
      ->capture_default_str();
  bench_sleep_cmd->add_flag("--json", bench_sleep.json, "end with one JSON line of figures");

  SleepCommandOptions sleep;
  CLI::App* sleep_cmd = app.add_subcommand(
      "sleep",
      "consolidate the replay buffer into a new cortex version, guarded against forgetting");
  sleep_cmd
      ->add_option("--mode", sleep.mode,
                   "protection: none, replay, lock or both (default: [sleep] mode)")
      ->check(CLI::IsMember({"none", "replay", "lock", "both"}));
  sleep_cmd
      ->add_option("--epochs", sleep.epochs, "replays of the material (default: [sleep] epochs)")
      ->check(CLI::Range(0.01, 1000.0));
  sleep_cmd->add_option("--seed", sleep.seed, "the draws of replay rows and batches")
      ->capture_default_str();

  CLI::App* brain_cmd = app.add_subcommand("brain", "the brain's cortex versions");
  brain_cmd->require_subcommand(1);
  bool history_json = false;
  CLI::App* history_cmd =
      brain_cmd->add_subcommand("history", "every cortex version with the sleep that made it");
  history_cmd->add_flag("--json", history_json, "print JSON");
  int64_t rollback_version = 0;
  CLI::App* rollback_cmd =
      brain_cmd->add_subcommand("rollback", "make an earlier (or later) cortex version active");
  rollback_cmd->add_option("version", rollback_version, "the version, as history lists it")
      ->required()
      ->check(CLI::PositiveNumber);

  CLI::App* train_cmd = app.add_subcommand("train", "produce the trained artefacts in models/");
  train_cmd->require_subcommand(1);
  TrainLanguageOptions train_language;
  CLI::App* train_language_cmd = train_cmd->add_subcommand(
      "language", "word counts and irregular forms from WordNet, for the memory regions");
  train_language_cmd->add_option("--wordnet", train_language.wordnet, "WordNet database directory")
      ->capture_default_str();
  train_language_cmd->add_option("--out", train_language.out, "output directory")
      ->capture_default_str();

  TrainTokenizerOptions train_tokenizer;
  CLI::App* train_tokenizer_cmd = train_cmd->add_subcommand(
      "tokenizer", "the cortex's BPE tokenizer, trained on the generated dialogue corpus");
  train_tokenizer_cmd->add_option("--out", train_tokenizer.out, "output prefix")
      ->capture_default_str();
  train_tokenizer_cmd->add_option("--vocab", train_tokenizer.vocab_size, "vocabulary size")
      ->check(CLI::Range(300, 65536))
      ->capture_default_str();
  train_tokenizer_cmd->add_option("--seed", train_tokenizer.seed, "corpus and sampling seed")
      ->capture_default_str();
  train_tokenizer_cmd->add_option("--corpus-bytes", train_tokenizer.corpus_bytes,
                                  "size of the generated corpus")
      ->capture_default_str();

  TrainCortexOptions train_cortex;
  CLI::App* train_cortex_cmd = train_cmd->add_subcommand(
      "cortex", "the cortex's weights, trained on the generated dialogue corpus");
  train_cortex_cmd->add_option("--tokenizer", train_cortex.tokenizer, "tokenizer model")
      ->capture_default_str();
  train_cortex_cmd->add_option("--out", train_cortex.out, "final weights")->capture_default_str();
  train_cortex_cmd->add_option("--checkpoint", train_cortex.checkpoint,
                               "checkpoint with optimizer state, written as it trains")
      ->capture_default_str();
  train_cortex_cmd->add_option("--log", train_cortex.log, "CSV training log")
      ->capture_default_str();
  train_cortex_cmd->add_flag("--resume", train_cortex.resume,
                             "continue from --checkpoint when it exists");
  train_cortex_cmd->add_option("--steps", train_cortex.steps, "optimizer steps in all")
      ->check(CLI::Range(1, 10000000))
      ->capture_default_str();
  train_cortex_cmd->add_option("--batch", train_cortex.batch, "sequences per step")
      ->check(CLI::Range(1, 4096))
      ->capture_default_str();
  train_cortex_cmd->add_option("--seq-len", train_cortex.seq_len, "tokens per sequence")
      ->check(CLI::Range(2, 65536))
      ->capture_default_str();
  train_cortex_cmd->add_option("--lr", train_cortex.lr, "peak learning rate")
      ->check(CLI::PositiveNumber)
      ->capture_default_str();
  train_cortex_cmd->add_option("--warmup", train_cortex.warmup, "warm-up steps")
      ->check(CLI::Range(1, 10000000))
      ->capture_default_str();
  train_cortex_cmd->add_option("--threads", train_cortex.threads, "0: one per hardware thread")
      ->check(CLI::Range(0, 256))
      ->capture_default_str();
  train_cortex_cmd->add_option("--seed", train_cortex.seed, "initialisation, corpus and batches")
      ->capture_default_str();
  train_cortex_cmd->add_option("--corpus-bytes", train_cortex.corpus_bytes,
                               "size of the generated training corpus")
      ->capture_default_str();
  train_cortex_cmd->add_option("--wordnet", train_cortex.wordnet,
                               "WordNet directory whose glosses are mixed in (\"\" for none)")
      ->capture_default_str();
  train_cortex_cmd->add_option("--dim", train_cortex.dim, "model width")->capture_default_str();
  train_cortex_cmd->add_option("--layers", train_cortex.layers, "layers")->capture_default_str();
  train_cortex_cmd->add_option("--heads", train_cortex.heads, "attention heads")
      ->capture_default_str();
  train_cortex_cmd->add_option("--context", train_cortex.context, "context length")
      ->capture_default_str();
  train_cortex_cmd->add_option("--eval-every", train_cortex.eval_every,
                               "steps between validation losses")
      ->check(CLI::Range(1, 10000000))
      ->capture_default_str();
  train_cortex_cmd->add_option("--checkpoint-every", train_cortex.checkpoint_every,
                               "steps between checkpoints")
      ->check(CLI::Range(1, 10000000))
      ->capture_default_str();

  TrainHippoOptions train_hippo;
  CLI::App* train_hippo_cmd = train_cmd->add_subcommand(
      "hippo", "the hippo's weights, meta-trained on teach -> distract -> probe episodes");
  train_hippo_cmd->add_option("--cortex", train_hippo.cortex, "the frozen cortex's weights")
      ->capture_default_str();
  train_hippo_cmd->add_option("--tokenizer", train_hippo.tokenizer, "tokenizer model")
      ->capture_default_str();
  train_hippo_cmd->add_option("--language", train_hippo.language, "language models directory")
      ->capture_default_str();
  train_hippo_cmd->add_option("--out", train_hippo.out, "final weights")->capture_default_str();
  train_hippo_cmd->add_option("--log", train_hippo.log, "CSV training log")
      ->capture_default_str();
  train_hippo_cmd->add_option("--episodes", train_hippo.train_episodes, "training episodes")
      ->check(CLI::Range(1, 10000000))
      ->capture_default_str();
  train_hippo_cmd->add_option("--val-episodes", train_hippo.val_episodes,
                              "validation episodes (held-out values)")
      ->check(CLI::Range(1, 10000000))
      ->capture_default_str();
  train_hippo_cmd->add_option("--epochs", train_hippo.epochs, "passes over the episodes")
      ->check(CLI::Range(1, 100000))
      ->capture_default_str();
  train_hippo_cmd->add_option("--batch", train_hippo.batch, "episodes per step")
      ->check(CLI::Range(1, 100000))
      ->capture_default_str();
  train_hippo_cmd->add_option("--lr", train_hippo.lr, "peak learning rate")
      ->check(CLI::PositiveNumber)
      ->capture_default_str();
  train_hippo_cmd->add_option("--settle", train_hippo.settle,
                              "weight of the read's recall decision in the loss")
      ->check(CLI::NonNegativeNumber)
      ->capture_default_str();
  train_hippo_cmd->add_option("--seed", train_hippo.seed, "initialisation, episodes, order")
      ->capture_default_str();

  TrainArithmeticOptions train_arithmetic;
  CLI::App* train_arithmetic_cmd = train_cmd->add_subcommand(
      "arithmetic", "the arithmetic region's cellular automaton, by backpropagation through it");
  train_arithmetic_cmd->add_option("--out", train_arithmetic.out, "final weights")
      ->capture_default_str();
  train_arithmetic_cmd->add_option("--log", train_arithmetic.log, "CSV training log")
      ->capture_default_str();
  train_arithmetic_cmd->add_option("--steps", train_arithmetic.steps, "training steps")
      ->check(CLI::Range(1, 10000000))
      ->capture_default_str();
  train_arithmetic_cmd->add_option("--batch", train_arithmetic.batch, "problems per step")
      ->check(CLI::Range(2, 100000))
      ->capture_default_str();
  train_arithmetic_cmd->add_option("--lr", train_arithmetic.lr, "peak learning rate")
      ->check(CLI::PositiveNumber)
      ->capture_default_str();
  train_arithmetic_cmd->add_option("--val-problems", train_arithmetic.val_problems,
                                   "held-out validation problems")
      ->check(CLI::Range(1, 10000000))
      ->capture_default_str();
  train_arithmetic_cmd->add_option("--eval-every", train_arithmetic.eval_every,
                                   "steps between validations")
      ->check(CLI::Range(1, 10000000))
      ->capture_default_str();
  train_arithmetic_cmd->add_option("--seed", train_arithmetic.seed,
                                   "initialisation, problems, firing orders")
      ->capture_default_str();

  CLI::App* cortex_cmd =
      app.add_subcommand("cortex", "the cortex's weights to and from llama2.c, and sampling");
  cortex_cmd->require_subcommand(1);
  CortexExportOptions cortex_export;
  CLI::App* cortex_export_cmd = cortex_cmd->add_subcommand(
      "export", "write the weights as llama2.c's model.bin and the vocabulary as tokenizer.bin");
  cortex_export_cmd->add_option("--format", cortex_export.format, "output format")
      ->check(CLI::IsMember({"llama2c"}))
      ->required();
  cortex_export_cmd->add_option("--weights", cortex_export.weights, "cortex weights")
      ->capture_default_str();
  cortex_export_cmd->add_option("--tokenizer", cortex_export.tokenizer, "tokenizer model")
      ->capture_default_str();
  cortex_export_cmd->add_option("--out", cortex_export.out, "output directory")
      ->option_text("DIR")
      ->required();

  CortexImportOptions cortex_import;
  CLI::App* cortex_import_cmd = cortex_cmd->add_subcommand(
      "import", "read a legacy llama2.c checkpoint (model.bin) into cortex weights");
  cortex_import_cmd->add_option("file", cortex_import.file, "llama2.c checkpoint")->required();
  cortex_import_cmd->add_option("--out", cortex_import.out, "cortex weights to write")
      ->option_text("PATH")
      ->required();

  CortexSampleOptions cortex_sample;
  CLI::App* cortex_sample_cmd = cortex_cmd->add_subcommand(
      "sample", "print text generated from BOS by cortex or llama2.c weights");
  cortex_sample_cmd->add_option("--weights", cortex_sample.weights,
                                "cortex weights or a legacy llama2.c checkpoint")
      ->capture_default_str();
  CLI::Option* sample_vocab =
      cortex_sample_cmd->add_option("--vocab", cortex_sample.vocab, "llama2.c tokenizer.bin")
          ->option_text("PATH");
  cortex_sample_cmd->add_option("--tokenizer", cortex_sample.tokenizer, "tokenizer model")
      ->excludes(sample_vocab)
      ->capture_default_str();
  cortex_sample_cmd->add_option("--tokens", cortex_sample.tokens,
                                "tokens to generate (at most the context - 1)")
      ->check(CLI::Range(1, 1 << 20))
      ->capture_default_str();
  cortex_sample_cmd->add_option("--temperature", cortex_sample.temperature, "0: greedy")
      ->check(CLI::Range(0.0, 100.0))
      ->capture_default_str();
  cortex_sample_cmd->add_option("--top-p", cortex_sample.top_p, "nucleus sampling mass")
      ->check(CLI::Range(0.0, 1.0))
      ->capture_default_str();
  cortex_sample_cmd->add_option("--seed", cortex_sample.seed, "sampling seed")
      ->capture_default_str();

  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    // --help and --version exit 0; every other parse error is a usage error.
    return app.exit(e) == 0 ? kExitOk : kExitUsage;
  }
  SetUpLogging(global.log_level);

  if (*chat_cmd) return RunChat(global, chat);
  if (*demo_cmd) return RunDemo(global);
  if (*regions_cmd) return RunRegions(global, json);
  if (*graph_cmd) return RunGraph(global, dot);
  if (*sql_cmd) return RunSql(global, sql);
  if (*ab_report_cmd) return RunAbReport(global, json);
  if (*bench_route_cmd) return RunBenchRoute(global, bench_route);
  if (*bench_store_cmd) return RunBenchStore(bench_store);
  if (*bench_arithmetic_cmd) return RunBenchArithmetic(bench_arithmetic);
  if (*bench_cortex_cmd) return RunBenchCortex(bench_cortex);
  if (*train_language_cmd) return RunTrainLanguage(train_language);
  if (*train_tokenizer_cmd) return RunTrainTokenizer(train_tokenizer);
  if (*train_cortex_cmd) return RunTrainCortex(train_cortex);
  if (*train_hippo_cmd) return RunTrainHippo(train_hippo);
  if (*train_arithmetic_cmd) return RunTrainArithmetic(train_arithmetic);
  if (*bench_recall_cmd) return RunBenchRecall(global, bench_recall);
  if (*bench_sleep_cmd) return RunBenchSleep(global, bench_sleep);
  if (*sleep_cmd) return RunSleep(global, sleep);
  if (*history_cmd) return RunBrainHistory(global, history_json);
  if (*rollback_cmd) return RunBrainRollback(global, rollback_version);
  if (*cortex_export_cmd) return RunCortexExport(cortex_export);
  if (*cortex_import_cmd) return RunCortexImport(cortex_import);
  if (*cortex_sample_cmd) return RunCortexSample(cortex_sample);
  return kExitUsage;
}
