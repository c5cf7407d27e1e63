#include "turn/brain_services.h"

#include <spdlog/spdlog.h>

namespace brainhost {

Status BrainServices::Insert(const std::string& region, EpisodeRecord episode, int64_t* id) {
  episode.region = region;
  episode.session_id = session_id_;
  Status s = episodes_.Insert(episode, id);
  if (s.ok()) new_episodes_.push_back(*id);
  return s;
}

Status BrainServices::Forget(int64_t id) {
  // Sleep may have learnt the fact into the cortex already: the log says which versions, so
  // the user can roll back to one before them (`brainhost brain rollback`).
  std::vector<int64_t> versions;
  Status s = episodes_.LearntBy(id, &versions);
  if (s.ok()) s = episodes_.Forget(id);
  if (s.ok() && !versions.empty()) {
    std::string list;
    for (int64_t v : versions) list += (list.empty() ? "" : ", ") + std::to_string(v);
    spdlog::warn("forgot episode {}; cortex version(s) {} learnt it in sleep and still may "
                 "say it (brainhost brain rollback to an earlier version unlearns it)",
                 id, list);
  }
  return s;
}

Status BrainServices::Trace(const std::string& region, const TraceRecord& trace) {
  traces_.push_back(trace);
  traces_.back().region = region;
  return Status::OK();
}

Status BrainServices::RecentExchanges(int limit, std::vector<Exchange>* out) {
  std::vector<TurnRecord> turns;
  Status s = brain_->RecentTurns(session_id_, limit, &turns);
  if (!s.ok()) return s;
  out->clear();
  for (TurnRecord& t : turns) {
    out->push_back({t.turn_index, std::move(t.user_text), std::move(t.reply)});
  }
  return Status::OK();
}

Status BrainServices::FinishTurn(int64_t turn_id) {
  Status s = episodes_.AttachToTurn(new_episodes_, turn_id);
  for (const TraceRecord& t : traces_) {
    if (s.ok()) s = episodes_.RecordTrace(turn_id, t);
  }
  AbandonTurn();
  return s;
}

void BrainServices::AbandonTurn() {
  new_episodes_.clear();
  traces_.clear();
}

}  // namespace brainhost
