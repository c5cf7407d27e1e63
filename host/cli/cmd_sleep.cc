// `brainhost sleep`, `brainhost brain history` and `brainhost brain rollback N`: consolidating
// the replay buffer into a new cortex version, and the versions that leaves.
#include <iostream>

#include <nlohmann/json.hpp>

#include "brain/brain.h"
#include "brain/sleep_store.h"
#include "brain/text_table.h"
#include "cli/commands.h"
#include "cli/sleep.h"

namespace brainhost {

namespace {

Status OpenBrain(const GlobalOptions& global, Context* context, std::unique_ptr<Brain>* brain) {
  if (Status s = LoadContext(global, context); !s.ok()) return s;
  return Brain::Open(context->brain_path, brain);
}

}  // namespace

int RunSleep(const GlobalOptions& global, const SleepCommandOptions& options) {
  Context context;
  std::unique_ptr<Brain> brain;
  if (Status s = OpenBrain(global, &context, &brain); !s.ok()) return Fail(s, kExitFailure);
  SleepJob job{context.graph.sleep, ResolveModelsDir(), options.seed, true};
  if (!options.mode.empty()) job.config.mode = options.mode;
  if (options.epochs > 0) job.config.epochs = options.epochs;
  SleepReport report;
  if (Status s = SleepBrain(brain.get(), job, &report); !s.ok()) return Fail(s, kExitFailure);
  std::cout << DescribeSleep(report) << "\n";
  return report.slept && !report.accepted ? kExitFailure : kExitOk;
}

int RunBrainHistory(const GlobalOptions& global, bool json) {
  Context context;
  std::unique_ptr<Brain> brain;
  if (Status s = OpenBrain(global, &context, &brain); !s.ok()) return Fail(s, kExitFailure);
  std::vector<VersionInfo> versions;
  if (Status s = SleepStore(brain.get()).Versions(&versions); !s.ok()) {
    return Fail(s, kExitFailure);
  }
  if (json) {
    nlohmann::json out = nlohmann::json::array();
    for (const VersionInfo& v : versions) {
      nlohmann::json j{{"version", v.version},   {"created_at", v.created_at},
                       {"active", v.active},     {"note", v.note},
                       {"replay_rows", v.replay_rows}};
      j["parent"] = v.parent ? nlohmann::json(*v.parent) : nullptr;
      if (v.sleep) {
        const SleepRecord& h = *v.sleep;
        j["sleep"] = {{"mode", h.mode},
                      {"tokens", h.tokens},
                      {"seconds", h.seconds},
                      {"new_loss_before", h.new_loss_before},
                      {"new_loss_after", h.new_loss_after},
                      {"base_ppl_before", h.base_ppl_before},
                      {"base_ppl_after", h.base_ppl_after}};
      }
      out.push_back(std::move(j));
    }
    std::cout << out.dump() << "\n";
    return kExitOk;
  }
  std::vector<std::vector<std::string>> rows;
  for (const VersionInfo& v : versions) {
    const SleepRecord* h = v.sleep ? &*v.sleep : nullptr;
    rows.push_back({std::to_string(v.version) + (v.active ? " *" : ""), v.created_at,
                    v.parent ? std::to_string(*v.parent) : "", h ? h->mode : v.note,
                    std::to_string(v.replay_rows), h ? std::to_string(h->tokens) : "",
                    h ? Fixed(h->new_loss_before, 3) + " -> " + Fixed(h->new_loss_after, 3) : "",
                    h ? Fixed(h->base_ppl_before, 3) + " -> " + Fixed(h->base_ppl_after, 3) : "",
                    h ? Fixed(h->seconds, 1) : ""});
  }
  std::cout << AlignColumns({"version", "created_at", "parent", "made_by", "replay_rows",
                             "tokens", "new_loss", "base_ppl", "seconds"},
                            rows)
            << "(* active)\n";
  return kExitOk;
}

int RunBrainRollback(const GlobalOptions& global, int64_t version) {
  Context context;
  std::unique_ptr<Brain> brain;
  if (Status s = OpenBrain(global, &context, &brain); !s.ok()) return Fail(s, kExitFailure);
  if (Status s = SleepStore(brain.get()).Activate(version); !s.ok()) {
    return Fail(s, kExitFailure);
  }
  std::cout << "cortex version " << version << " is active in " << context.brain_path << "\n";
  return kExitOk;
}

}  // namespace brainhost
