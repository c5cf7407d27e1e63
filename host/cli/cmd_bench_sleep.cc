// `brainhost bench sleep`: does sleep learn new material without forgetting how to speak?
//
// A held-out scripted session (the user's lines of the corpus generator's validation split:
// names, values and phrasings the cortex never trained on) is chatted through the graph in a
// fresh brain, which fills its replay buffer. Then each protection mode sleeps a copy of that
// brain with the graph's [sleep] settings, and the loss on the session before → after, the base
// perplexity before → after, and the sleep's duration and speed are reported side by side.
#include <unistd.h>

#include <filesystem>
#include <iostream>
#include <sstream>

#include <nlohmann/json.hpp>

#include "brain/brain.h"
#include "brain/text_table.h"
#include "cli/commands.h"
#include "cli/sleep.h"
#include "corpus/corpus.h"
#include "turn/session.h"

namespace brainhost {
namespace {

namespace fs = std::filesystem;

constexpr std::uint64_t kSessionSeed = 3;  // not train cortex's 1 nor sleep's held-out 2

// The first `turns` user lines of the validation split's conversations.
std::vector<std::string> ScriptedSession(int turns) {
  regions::CorpusOptions corpus;
  corpus.seed = kSessionSeed;
  corpus.validation = true;
  corpus.target_bytes = std::size_t(turns) * 400;
  std::ostringstream text;
  regions::GenerateCorpus(corpus, text);
  std::vector<std::string> lines;
  std::istringstream in(text.str());
  for (std::string line; std::getline(in, line) && int(lines.size()) < turns;) {
    if (line.starts_with("U: ")) lines.push_back(line.substr(3));
  }
  return lines;
}

}  // namespace

int RunBenchSleep(const GlobalOptions& global, const BenchSleepOptions& options) {
  Context context;
  if (Status s = LoadContext(global, &context); !s.ok()) {
    std::cerr << "brainhost: " << s.message() << "\n";
    return kExitUsage;
  }
  const fs::path dir = fs::temp_directory_path() / ("brainhost-sleep-" + std::to_string(getpid()));
  fs::create_directories(dir);
  auto fail = [&](const Status& s) {
    std::cerr << "brainhost: bench sleep: " << s.message() << "\n";
    fs::remove_all(dir);
    return kExitFailure;
  };
  const fs::path awake = dir / "awake.db";
  const std::vector<std::string> script = ScriptedSession(options.turns);
  {
    std::unique_ptr<Brain> brain;
    std::unique_ptr<Session> session;
    Status s = Brain::Open(awake.string(), &brain);
    if (s.ok()) s = Session::Start(context.graph, context.registry, brain.get(), "bench", &session);
    for (const std::string& line : script) {
      TurnResult result;
      if (s.ok()) s = session->Say(line, &result);
    }
    if (!s.ok()) return fail(s);
  }
  std::cerr << "bench sleep: a held-out session of " << script.size()
            << " turns chatted; sleeping a copy of its brain per mode\n";

  const std::vector<std::string> modes = {"none", "replay", "lock", "both"};
  std::vector<SleepReport> reports;
  for (const std::string& mode : modes) {
    const fs::path path = dir / (mode + ".db");
    fs::copy_file(awake, path, fs::copy_options::overwrite_existing);
    std::unique_ptr<Brain> brain;
    if (Status s = Brain::Open(path.string(), &brain); !s.ok()) return fail(s);
    SleepJob job{context.graph.sleep, ResolveModelsDir(), options.seed, false};
    job.config.mode = mode;
    SleepReport report;
    if (Status s = SleepBrain(brain.get(), job, &report); !s.ok()) return fail(s);
    if (!report.slept) return fail(Status::NotFound("the session left nothing to replay"));
    std::cerr << "bench sleep: " << mode << " done\n";
    reports.push_back(report);
  }
  fs::remove_all(dir);

  std::vector<std::vector<std::string>> rows;
  nlohmann::json by_mode;
  for (std::size_t i = 0; i < modes.size(); i++) {
    const SleepRecord& r = reports[i].record;
    const double rise = 100 * (r.base_ppl_after / r.base_ppl_before - 1);
    rows.push_back({modes[i] + (modes[i] == context.graph.sleep.mode ? " *" : ""),
                    Fixed(r.new_loss_before, 3) + " -> " + Fixed(r.new_loss_after, 3),
                    Fixed(r.base_ppl_before, 3) + " -> " + Fixed(r.base_ppl_after, 3),
                    (rise >= 0 ? "+" : "") + Fixed(rise, 1) + "%",
                    reports[i].accepted ? "kept" : "rejected", std::to_string(r.tokens),
                    Fixed(r.seconds, 1), Fixed(r.tokens / r.seconds, 0)});
    by_mode[modes[i]] = {{"new_loss_before", r.new_loss_before},
                         {"new_loss_after", r.new_loss_after},
                         {"base_ppl_before", r.base_ppl_before},
                         {"base_ppl_after", r.base_ppl_after},
                         {"accepted", reports[i].accepted},
                         {"tokens", r.tokens},
                         {"seconds", r.seconds}};
  }
  std::cout << "bench sleep: " << script.size() << " held-out turns, " << reports[0].rows
            << " replay rows; [sleep] epochs " << context.graph.sleep.epochs << ", lr "
            << context.graph.sleep.lr << ", base_share " << context.graph.sleep.base_share
            << ", lock_share " << context.graph.sleep.lock_share << " (* the default mode)\n"
            << AlignColumns({"mode", "new_loss", "base_ppl", "base_rise", "guard", "tokens",
                             "seconds", "tok/s"},
                            rows);
  if (options.json) {
    nlohmann::json j = by_mode[context.graph.sleep.mode];
    j["mode"] = context.graph.sleep.mode;
    j["modes"] = by_mode;
    std::cout << j.dump() << "\n";
  }
  return kExitOk;
}

}  // namespace brainhost
