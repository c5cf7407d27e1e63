// Session: one conversation, from its first line to its last, recorded in the brain.
//
// Starting a session assigns its A/B variant (when the graph has an experiment), records the
// session row and creates the variant's regions. Each Say() is one brain transaction: the
// regions' state writes, the turn row, its events and its replay-buffer row commit together or
// not at all, so a process killed mid-turn loses that turn and nothing before it.
#ifndef BRAINHOST_HOST_TURN_SESSION_H
#define BRAINHOST_HOST_TURN_SESSION_H

#include <memory>
#include <string>
#include <string_view>

#include "brain/brain.h"
#include "graph/graph_config.h"
#include "plugin/plugin_registry.h"
#include "status.h"
#include "turn/brain_services.h"
#include "turn/router.h"

namespace brainhost {

struct TurnResult {
  TurnOutcome outcome;
  std::string variant;
  int64_t turn_index = 0;
  double latency_ms = 0;
};

class Session {
 public:
  // REQUIRES: graph validated against registry; graph, registry and brain outlive the session.
  static Status Start(const GraphConfig& graph, const PluginRegistry& registry, Brain* brain,
                      const std::string& session_id, std::unique_ptr<Session>* out);
  ~Session();

  // Routes one user line and records it, with its replay row (turn/replay_priority.h).
  // REQUIRES: text is valid UTF-8.
  Status Say(std::string_view text, TurnResult* result);

  // The user's rating of the last reply (/good, /bad): its replay row's priority rises, or
  // falls to a tenth. NotFound before the first reply.
  Status Rate(bool good);

  const std::string& id() const { return id_; }
  const std::string& variant() const { return variant_; }
  const Router& router() const { return *router_; }

 private:
  Session() = default;
  Status RecordReplay(int64_t turn_id, const std::string& user_text, const TurnOutcome& outcome);

  std::string id_;
  std::string variant_;
  Brain* brain_ = nullptr;
  std::unique_ptr<BrainServices> services_;
  std::unique_ptr<Router> router_;  // after services_: its regions use them until destroyed
  int64_t next_index_ = 0;
};

// A session id that is unique in practice: time plus randomness, e.g. "s-20261123-184501-3fa2".
std::string NewSessionId();

}  // namespace brainhost

#endif  // BRAINHOST_HOST_TURN_SESSION_H
