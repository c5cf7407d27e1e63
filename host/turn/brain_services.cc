#include "turn/brain_services.h"

namespace brainhost {

Status BrainServices::Insert(const std::string& region, EpisodeRecord episode, int64_t* id) {
  episode.region = region;
  episode.session_id = session_id_;
  Status s = episodes_.Insert(episode, id);
  if (s.ok()) new_episodes_.push_back(*id);
  return s;
}

Status BrainServices::Trace(const std::string& region, const TraceRecord& trace) {
  traces_.push_back(trace);
  traces_.back().region = region;
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
