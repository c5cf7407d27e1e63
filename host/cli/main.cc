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
      bench_cmd->add_subcommand("cortex", "the cortex's training speed at the default shape");
  bench_cortex_cmd->add_option("--steps", bench_cortex.steps, "timed training steps")
      ->check(CLI::Range(1, 100000))
      ->capture_default_str();
  bench_cortex_cmd->add_flag("--json", bench_cortex.json, "end with one JSON line of figures");

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
  if (*bench_cortex_cmd) return RunBenchCortex(bench_cortex);
  if (*train_language_cmd) return RunTrainLanguage(train_language);
  if (*train_tokenizer_cmd) return RunTrainTokenizer(train_tokenizer);
  return kExitUsage;
}
