#include "turn/session.h"

#include <spdlog/spdlog.h>

#include <chrono>
#include <ctime>
#include <random>

#include "brain/replay_store.h"
#include "graph/experiment.h"
#include "turn/replay_priority.h"

namespace brainhost {

namespace {

int64_t NowUnixMs() {
  using namespace std::chrono;
  return duration_cast<milliseconds>(system_clock::now().time_since_epoch()).count();
}

}  // namespace

std::string NewSessionId() {
  std::time_t now = std::time(nullptr);
  std::tm utc{};
  gmtime_r(&now, &utc);
  char stamp[32];
  std::strftime(stamp, sizeof(stamp), "%Y%m%d-%H%M%S", &utc);
  std::random_device random;
  char suffix[16];
  std::snprintf(suffix, sizeof(suffix), "%08x", static_cast<unsigned>(random()));
  return std::string("s-") + stamp + "-" + suffix;
}

Status Session::Start(const GraphConfig& graph, const PluginRegistry& registry, Brain* brain,
                      const std::string& session_id, std::unique_ptr<Session>* out) {
  std::unique_ptr<Session> session(new Session());
  session->id_ = session_id;
  session->brain_ = brain;
  session->services_ = std::make_unique<BrainServices>(brain, session_id);
  const GraphConfig* active = &graph;
  const VariantDecl* variant = nullptr;
  if (graph.experiment) {
    variant = &AssignVariant(*graph.experiment, session_id);
    session->variant_ = variant->name;
    if (variant->graph) active = variant->graph.get();
  }
  SessionRecord record{session_id, Brain::NowIso8601(), active->path,
                       graph.experiment ? graph.experiment->name : "", session->variant_};
  if (Status s = brain->StartSession(record); !s.ok()) return s;
  session->next_index_ = brain->NextTurnIndex(session_id);
  if (Status s = Router::Create(*active, variant, registry, session->services_->services(),
                                &session->router_);
      !s.ok()) {
    return s;
  }
  spdlog::info("session {} started{}", session_id,
               session->variant_.empty() ? "" : " in variant " + session->variant_);
  *out = std::move(session);
  return Status::OK();
}

Session::~Session() = default;

Status Session::Say(std::string_view text, TurnResult* result) {
  if (Status s = brain_->BeginTurn(); !s.ok()) return s;
  TurnInput input{std::string(text), id_, static_cast<uint64_t>(next_index_), NowUnixMs()};
  auto start = std::chrono::steady_clock::now();
  result->outcome = router_->Run(input);
  result->latency_ms =
      std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start).count();
  result->variant = variant_;
  result->turn_index = next_index_;

  TurnRecord record{id_,        next_index_,           Brain::NowIso8601(),
                    input.text, result->outcome.reply, result->outcome.region,
                    result->outcome.confidence, variant_, result->latency_ms};
  int64_t turn_id = 0;
  Status s = brain_->RecordTurn(record, &turn_id);
  for (const TurnEvent& e : result->outcome.events) {
    if (s.ok()) s = brain_->RecordTurnEvent(turn_id, e.region, e.kind, e.message);
  }
  if (s.ok()) s = services_->FinishTurn(turn_id);
  if (s.ok()) s = RecordReplay(turn_id, input.text, result->outcome);
  if (s.ok()) s = brain_->CommitTurn();
  if (!s.ok()) {
    brain_->RollbackTurn();
    services_->AbandonTurn();
    return s;
  }
  ++next_index_;
  return Status::OK();
}

Status Session::RecordReplay(int64_t turn_id, const std::string& user_text,
                             const TurnOutcome& outcome) {
  ReplayStore replay(brain_);
  const ReplayMarks marks = ReadReplayMarks(user_text);
  int64_t previous = 0, id = 0;
  Status s = replay.Last(id_, &previous);
  if (s.ok() && marks.confirms_previous && previous != 0) {
    s = replay.Adjust(previous, 1.0, kConfirmedAdd);
  }
  const auto surprise = outcome.signals.find(kSurpriseSignal);
  const ReplayRow row{0, id_, turn_id, ReplayText(user_text, outcome.reply),
                      TurnPriority(surprise == outcome.signals.end()
                                       ? std::nullopt
                                       : std::optional<double>(surprise->second),
                                   marks)};
  if (s.ok()) s = replay.Add(row, &id);
  if (s.ok()) s = replay.CaptureRecalls(turn_id, kRecalledAdd);
  return s;
}

Status Session::Rate(bool good) {
  ReplayStore replay(brain_);
  int64_t last = 0;
  Status s = replay.Last(id_, &last);
  if (s.ok() && last == 0) return Status::NotFound("no reply of this session to rate yet");
  if (s.ok()) {
    s = good ? replay.Adjust(last, 1.0, kConfirmedAdd) : replay.Adjust(last, kDisownedTimes, 0.0);
  }
  return s;
}

}  // namespace brainhost
