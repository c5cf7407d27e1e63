// `brainhost bench recall`: does the brain remember what it was told earlier in a conversation?
//
// Held-out teach → distract → probe episodes (hippo/episodes.h: values never seen in training)
// are chatted through the graph, each as a new user in a fresh brain, in four arrangements of
// the memory regions: both on, both off (the frozen cortex alone), the hippo alone and the
// episodic store alone. A probe is recalled when its reply says the taught value; a
// distractor's reply that says it is a false recall, and so is a reply that says a told value
// to the question asked after the probe about a topic never told. Then a live run: fresh
// episodes through the two variants of config/ab-memory.toml's experiment, their turn logs
// gathered in one brain that `brainhost ab report` can read.
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <iostream>
#include <map>
#include <vector>

#include <nlohmann/json.hpp>

#include "brain/brain.h"
#include "cli/commands.h"
#include "graph/graph_config.h"
#include "hippo/episodes.h"
#include "stats.h"
#include "turn/session.h"

namespace brainhost {
namespace {

namespace hippo = regions::hippo;

struct Mode {
  const char* name;
  std::vector<std::string> disable;
};

struct Tally {
  int recalled = 0, probes = 0, false_recalls = 0, distractors = 0;
  int first = 0;  // recalled probes whose reply begins with the value ("Mary Ann.")
  // Questions about a topic never told, asked after the probe, and the replies that said a
  // value the conversation told (a false recall).
  int untold = 0, untold_recalls = 0;
  std::vector<double> latency_ms;  // every turn's
  std::vector<double> hippo_ms;    // the hippo node's, in every turn it ran
  double fraction() const { return probes > 0 ? double(recalled) / probes : 0; }
};

// Chats each episode as a new user's first conversation: a session of its own in a fresh
// brain, dir/<prefix><i>.db, so what the store kept from another user's episode cannot answer
// (or shadow) this one's probe. With a log, each chat's turn log is then gathered into it.
// Returns false (with a message) on a host error.
bool Chat(const GraphConfig& graph, const PluginRegistry& registry,
          const std::filesystem::path& dir, Brain* log,
          const std::vector<hippo::Episode>& episodes, const std::string& prefix, bool show,
          Tally* tally) {
  for (std::size_t i = 0; i < episodes.size(); i++) {
    const hippo::Episode& e = episodes[i];
    const std::string path = (dir / (prefix + std::to_string(i) + ".db")).string();
    std::unique_ptr<Brain> brain;
    std::unique_ptr<Session> session;
    Status s = Brain::Open(path, &brain);
    if (s.ok()) {
      s = Session::Start(graph, registry, brain.get(), prefix + std::to_string(i), &session);
    }
    std::string transcript;
    bool wrong = false;
    for (std::size_t t = 0; s.ok() && t <= e.exchanges.size() + 1; t++) {
      const bool probe = t == e.exchanges.size(), unanswerable = t > e.exchanges.size();
      const std::string& line =
          unanswerable ? e.unanswerable : probe ? e.probe : e.exchanges[t].user;
      TurnResult result;
      s = session->Say(line, &result);
      if (!s.ok()) break;
      tally->latency_ms.push_back(result.latency_ms);
      for (const auto& [node, ms] : result.outcome.node_ms) {
        if (node == "hippo") tally->hippo_ms.push_back(ms);
      }
      const bool says = hippo::SaysValue(result.outcome.reply, e.value);
      if (unanswerable) {
        const bool any = std::any_of(e.told.begin(), e.told.end(), [&](const std::string& v) {
          return hippo::SaysValue(result.outcome.reply, v);
        });
        tally->untold++;
        tally->untold_recalls += any;
        wrong = wrong || any;
      } else if (probe) {
        tally->probes++;
        tally->recalled += says;
        tally->first += hippo::BeginsWithValue(result.outcome.reply, e.value);
      } else if (t > 0) {
        tally->distractors++;
        tally->false_recalls += says;
      }
      if (!unanswerable) wrong = wrong || (probe ? !says : t > 0 && says);
      transcript += "  > " + line + "\n  " + result.outcome.region.value_or("-") + ": " +
                    result.outcome.reply + "\n";
    }
    if (show && wrong) std::cerr << prefix << i << " (value " << e.value << ")\n" << transcript;
    session.reset();
    brain.reset();
    if (s.ok() && log != nullptr) s = log->ImportTurnLog(path);
    if (!s.ok()) {
      std::cerr << "brainhost: " << s.message() << "\n";
      return false;
    }
  }
  return true;
}

}  // namespace

int RunBenchRecall(const GlobalOptions& global, const BenchRecallOptions& o) {
  Context context;
  if (Status s = LoadContext(global, &context); !s.ok()) {
    std::cerr << "brainhost: " << s.message() << "\n";
    return kExitUsage;
  }
  namespace fs = std::filesystem;
  const fs::path dir = fs::temp_directory_path() / ("brainhost-recall-" + std::to_string(getpid()));
  fs::create_directories(dir);
  const std::vector<hippo::Episode> held_out = hippo::MakeEpisodes(o.episodes, true, o.seed);
  const Mode modes[] = {{"on", {}},
                        {"off", {"hippo", "episodic"}},
                        {"hippo", {"episodic"}},
                        {"episodic", {"hippo"}}};
  std::map<std::string, Tally> tallies;
  for (const Mode& mode : modes) {
    std::cerr << "bench recall: " << held_out.size() << " held-out episodes, memory "
              << mode.name << " ...\n";
    const GraphConfig graph = WithOnlyVariant(context.graph, "recall", mode.name, mode.disable);
    if (!Chat(graph, context.registry, dir, nullptr, held_out,
              std::string("recall-") + mode.name + "-", o.show_misses, &tallies[mode.name])) {
      fs::remove_all(dir);
      return kExitFailure;
    }
  }

  // Live: fresh episodes through the A/B pair, their turn logs gathered into the one brain
  // the ab report reads.
  const std::string live_path = o.live_brain.empty() ? (dir / "live.db").string() : o.live_brain;
  std::map<std::string, Tally> live;
  {
    std::unique_ptr<Brain> log;
    if (Status s = Brain::Open(live_path, &log); !s.ok()) {
      std::cerr << "brainhost: " << s.message() << "\n";
      fs::remove_all(dir);
      return kExitFailure;
    }
    const std::vector<hippo::Episode> chats = hippo::MakeEpisodes(o.live, true, o.seed + 1);
    for (const Mode& mode : {modes[0], modes[1]}) {
      const GraphConfig graph =
          WithOnlyVariant(context.graph, "memory-ablation", mode.name, mode.disable);
      if (!Chat(graph, context.registry, dir, log.get(), chats,
                std::string("live-") + mode.name + "-", o.show_misses, &live[mode.name])) {
        fs::remove_all(dir);
        return kExitFailure;
      }
    }
  }

  std::vector<double> turn = tallies["on"].latency_ms, hippo = tallies["on"].hippo_ms;
  std::sort(turn.begin(), turn.end());
  std::sort(hippo.begin(), hippo.end());
  const double turn_p50 = NearestRank(turn, 50), turn_p99 = NearestRank(turn, 99);
  const double hippo_p50 = NearestRank(hippo, 50), hippo_p99 = NearestRank(hippo, 99);
  std::printf("bench recall: %d held-out episodes (teach, 2 distractors, probe), values never "
              "seen in training\n", o.episodes);
  for (const Mode& mode : modes) {
    const Tally& t = tallies[mode.name];
    std::printf("  memory %-9s recall %5.1f%% (%d/%d, %d saying the value first)  false "
                "recalls %d of %d distractor replies, %d of %d questions never told\n",
                mode.name, 100 * t.fraction(), t.recalled, t.probes, t.first, t.false_recalls,
                t.distractors, t.untold_recalls, t.untold);
  }
  std::printf("  live chat (%s): on %d/%d, off %d/%d, false recalls on %d, off %d\n",
              live_path.c_str(), live["on"].recalled, live["on"].probes, live["off"].recalled,
              live["off"].probes, live["on"].false_recalls, live["off"].false_recalls);
  std::printf("  latency p50/p99 (ms), memory on: turn %.2f / %.2f, of which the hippo node "
              "%.3f / %.3f\n", turn_p50, turn_p99, hippo_p50, hippo_p99);
  if (o.json) {
    nlohmann::json j{{"recall_on", tallies["on"].fraction()},
                     {"recall_off", tallies["off"].fraction()},
                     {"recall_hippo", tallies["hippo"].fraction()},
                     {"recall_episodic", tallies["episodic"].fraction()},
                     {"recall_on_first", tallies["on"].probes > 0
                                             ? double(tallies["on"].first) / tallies["on"].probes
                                             : 0.0},
                     {"live_on", live["on"].recalled},
                     {"live_off", live["off"].recalled},
                     {"live_n", live["on"].probes},
                     {"false_recalls", live["on"].false_recalls + tallies["on"].false_recalls},
                     {"untold_recalls", tallies["on"].untold_recalls},
                     {"turn_p50_ms", turn_p50},
                     {"turn_p99_ms", turn_p99},
                     {"hippo_p50_ms", hippo_p50},
                     {"hippo_p99_ms", hippo_p99}};
    std::cout << j.dump() << std::endl;
  }
  fs::remove_all(dir);
  return kExitOk;
}

}  // namespace brainhost
