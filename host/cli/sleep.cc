#include "cli/sleep.h"

#include <algorithm>
#include <chrono>
#include <cmath>
#include <filesystem>
#include <map>
#include <optional>
#include <sstream>

#include "brain/cortex_store.h"
#include "brain/episode_store.h"
#include "brain/replay_store.h"
#include "brain/text_table.h"
#include "cli/progress.h"
#include "cortex/checkpoint.h"
#include "training/sleep.h"
#include "turn/replay_priority.h"

namespace brainhost {

namespace {

namespace fs = std::filesystem;
namespace training = regions::training;

constexpr int kContextRows = 2;        // rows of the same session before a replayed one
constexpr int kFactLimit = 100000;     // stored facts measured, newest first

std::string TokenizerPath(const std::string& models) {
  return (fs::path(models) / "tokenizer" / "tokenizer.model").string();
}

// What the sleep learns from: each pending row after up to kContextRows rows of its session,
// every pending exchange once (a conversation per session), and the stored facts' lines.
training::SleepMaterial Material(const std::vector<ReplayRow>& rows,
                                 const std::vector<EpisodeRecord>& facts) {
  training::SleepMaterial m;
  std::map<std::string, std::vector<const ReplayRow*>> sessions;
  for (const ReplayRow& row : rows) {
    std::vector<const ReplayRow*>& session = sessions[row.session_id];
    session.push_back(&row);
    std::string snippet;
    const std::size_t first =
        session.size() - std::min<std::size_t>(session.size(), kContextRows + 1);
    for (std::size_t i = first; i < session.size(); ++i) snippet += session[i]->text;
    m.snippets.push_back(std::move(snippet));
    m.priorities.push_back(row.priority);
  }
  for (const auto& [id, session] : sessions) {
    for (const ReplayRow* row : session) m.sessions += row->text;
    m.sessions += '\n';
  }
  for (const EpisodeRecord& fact : facts) m.facts += "U: " + fact.text + "\n\n";
  return m;
}

// The brain's active version; on a brain that has none, the shipped weights installed as
// version 1, as the cortex region would on its first run.
Status ActiveCortex(Brain* brain, const std::string& models, int64_t* version,
                    regions::cortex::Checkpoint* checkpoint) {
  CortexStore cortex(brain);
  std::string bytes;
  Status s = cortex.Active(version, &bytes);
  if (s.code() == Status::Code::kNotFound) {
    const fs::path shipped = fs::path(models) / "cortex" / "cortex.bin";
    try {
      bytes = regions::cortex::read_file(shipped.string(), "the shipped cortex weights");
    } catch (const std::exception& e) {
      return Status::NotFound(e.what());
    }
    s = cortex.InstallFirst(bytes, "installed by sleep from " + shipped.string(), version);
    if (s.ok()) s = cortex.Active(version, &bytes);
  }
  if (!s.ok()) return s;
  try {
    *checkpoint = regions::cortex::decode_checkpoint(
        bytes, brain->path() + " cortex version " + std::to_string(*version));
  } catch (const std::exception& e) {
    return Status::Corruption(e.what());
  }
  return Status::OK();
}

}  // namespace

Fatigue::Fatigue(const std::string& models)
    : tokenizer_(regions::Tokenizer::Load(TokenizerPath(models))) {}

Status Fatigue::Count(Brain* brain) {
  std::vector<ReplayRow> rows;
  if (Status s = ReplayStore(brain).Pending(&rows); !s.ok()) return s;
  tokens_ = 0;
  for (const ReplayRow& row : rows) tokens_ += int64_t(tokenizer_.Encode(row.text).size());
  return Status::OK();
}

void Fatigue::Heard(const std::string& user_text, const std::string& reply) {
  tokens_ += int64_t(tokenizer_.Encode(ReplayText(user_text, reply)).size());
}

Status SleepBrain(Brain* brain, const SleepJob& job, SleepReport* report) {
  *report = SleepReport();
  std::vector<ReplayRow> rows;
  if (Status s = ReplayStore(brain).Pending(&rows); !s.ok() || rows.empty()) return s;
  std::vector<EpisodeRecord> facts;
  if (Status s = EpisodeStore(brain).Recent(kFactLimit, &facts); !s.ok()) return s;
  SleepRecord& r = report->record;
  r.started_at = Brain::NowIso8601();
  const auto started = std::chrono::steady_clock::now();
  regions::cortex::Checkpoint active;
  if (Status s = ActiveCortex(brain, job.models, &r.version_before, &active); !s.ok()) return s;

  training::SleepOptions options;
  options.mode = *training::ParseSleepMode(job.config.mode);
  options.epochs = job.config.epochs;
  options.max_steps = job.config.max_steps;
  options.lr = job.config.lr;
  options.base_share = job.config.base_share;
  options.lock_share = job.config.lock_share;
  options.base_bytes = std::size_t(job.config.base_bytes);
  options.seed = job.seed;
  training::SleepResult result;
  try {
    const regions::Tokenizer tokenizer = regions::Tokenizer::Load(TokenizerPath(job.models));
    std::optional<Progress> progress;  // once the sleep knows its steps
    const double tokens_per_step = double(options.batch) * options.seq_len;
    const auto loop_start = std::chrono::steady_clock::now();
    double smooth = NAN;
    auto on_step = [&](int step, int steps, double loss) {
      if (!job.progress) return;
      if (!progress) {
        progress.emplace(steps, "tok/s");
        progress->SetTokensPerStep(tokens_per_step);
      }
      smooth = std::isnan(smooth) ? loss : 0.9 * smooth + 0.1 * loss;
      const double elapsed =
          std::chrono::duration<double>(std::chrono::steady_clock::now() - loop_start).count();
      progress->Update(step, smooth, NAN, step * tokens_per_step / elapsed, step == steps);
    };
    result = training::Sleep(active, tokenizer, Material(rows, facts), options, on_step);
    if (progress) progress->Finish();
  } catch (const std::exception& e) {
    return Status::InvalidArgument(brain->path() + ": sleep: " + e.what());
  }
  r.mode = job.config.mode;
  r.tokens = result.tokens;
  r.new_loss_before = result.new_loss_before;
  r.new_loss_after = result.new_loss_after;
  r.base_ppl_before = std::exp(result.base_loss_before);
  r.base_ppl_after = std::exp(result.base_loss_after);
  r.fact_loss_before = result.fact_loss_before;
  r.fact_loss_after = result.fact_loss_after;
  r.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
  r.finished_at = Brain::NowIso8601();
  report->slept = true;
  report->rows = int64_t(rows.size());

  // The forgetting guard: the base corpus's perplexity, and the stored facts', may rise by
  // max_ppl_rise at most.
  const double limit = 1 + job.config.max_ppl_rise;
  const double base_rise = r.base_ppl_after / r.base_ppl_before;
  const double fact_rise = r.fact_loss_before && r.fact_loss_after
                               ? std::exp(*r.fact_loss_after - *r.fact_loss_before)
                               : 1.0;
  std::vector<int64_t> ids;
  for (const ReplayRow& row : rows) ids.push_back(row.id);
  if (base_rise > limit || fact_rise > limit) {
    const bool base = base_rise > limit;
    r.message = std::string(base ? "base perplexity" : "the stored facts' perplexity") +
                " rose " + Fixed(100 * ((base ? base_rise : fact_rise) - 1), 1) +
                "%, more than the " + Fixed(100 * job.config.max_ppl_rise, 1) +
                "% allowed; version " + std::to_string(r.version_before) + " stays active";
    return SleepStore(brain).Reject(r, ids);
  }
  Status s = SleepStore(brain).Accept(r, regions::cortex::encode_checkpoint(result.weights), ids,
                                      &report->version);
  report->accepted = s.ok();
  return s;
}

std::string DescribeSleep(const SleepReport& report) {
  if (!report.slept) return "nothing to consolidate: every replay row is learnt already";
  const SleepRecord& r = report.record;
  std::ostringstream out;
  out << (report.accepted ? "slept: version " + std::to_string(report.version) +
                                " is active (from " + std::to_string(r.version_before) + ")"
                          : "sleep rejected: " + r.message)
      << "\n  " << report.rows << " replay rows, " << r.tokens << " tokens in "
      << Fixed(r.seconds, 1) << " s (" << r.mode << "); new material loss "
      << Fixed(r.new_loss_before, 3) << " -> " << Fixed(r.new_loss_after, 3)
      << ", base perplexity " << Fixed(r.base_ppl_before, 3) << " -> "
      << Fixed(r.base_ppl_after, 3);
  if (r.fact_loss_before && r.fact_loss_after) {
    out << ", stored facts' loss " << Fixed(*r.fact_loss_before, 3) << " -> "
        << Fixed(*r.fact_loss_after, 3);
  }
  return out.str();
}

}  // namespace brainhost
