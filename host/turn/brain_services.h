// BrainServices: the host services a session's regions reach, backed by the brain.
//
// Region state goes to region_state, declarative memory to episodes, cortex weights to
// cortex_versions; the conversation so far is read from the session's turns. What a turn stores
// before its own row exists (new episodes, retrieval traces) is held here and tied to the
// turn by FinishTurn, inside the same transaction.
#ifndef BRAINHOST_HOST_TURN_BRAIN_SERVICES_H
#define BRAINHOST_HOST_TURN_BRAIN_SERVICES_H

#include <string>
#include <utility>
#include <vector>

#include "brain/brain.h"
#include "brain/cortex_store.h"
#include "brain/episode_store.h"
#include "plugin/conversation_backend.h"
#include "plugin/memory_backend.h"
#include "plugin/state_store.h"
#include "plugin/weights_backend.h"

namespace brainhost {

class BrainServices : public StateStore,
                      public MemoryBackend,
                      public WeightsBackend,
                      public ConversationBackend {
 public:
  // REQUIRES: brain outlives this object.
  BrainServices(Brain* brain, std::string session_id)
      : brain_(brain), episodes_(brain), cortex_(brain), session_id_(std::move(session_id)) {}

  RegionServices services() { return {this, this, this, this}; }

  // StateStore
  Status Get(const std::string& region, const std::string& key, std::string* value) override {
    return brain_->StateGet(region, key, value);
  }
  Status Put(const std::string& region, const std::string& key,
             std::string_view value) override {
    return brain_->StatePut(region, key, value);
  }
  Status Delete(const std::string& region, const std::string& key) override {
    return brain_->StateDelete(region, key);
  }

  // MemoryBackend
  Status Insert(const std::string& region, EpisodeRecord episode, int64_t* id) override;
  Status Supersede(int64_t old_id, int64_t new_id) override {
    return episodes_.Supersede(old_id, new_id);
  }
  Status Search(const std::vector<std::string>& terms, int limit,
                std::vector<EpisodeRecord>* out) override {
    return episodes_.Search(terms, limit, out);
  }
  Status Find(const std::string& subject, const std::string& relation, bool include_superseded,
              std::vector<EpisodeRecord>* out) override {
    return episodes_.Find(subject, relation, include_superseded, out);
  }
  Status Recent(int limit, std::vector<EpisodeRecord>* out) override {
    return episodes_.Recent(limit, out);
  }
  Status Forget(int64_t id) override;
  Status Trace(const std::string& region, const TraceRecord& trace) override;

  // WeightsBackend
  Status ActiveWeights(int64_t* version, std::string* weights) override {
    return cortex_.Active(version, weights);
  }
  Status InstallFirstWeights(std::string_view weights, const std::string& note,
                             int64_t* version) override {
    return cortex_.InstallFirst(weights, note, version);
  }

  // ConversationBackend
  Status RecentExchanges(int limit, std::vector<Exchange>* out) override;

  // Ties this turn's new episodes and traces to its row. REQUIRES: inside the turn's
  // transaction, after Brain::RecordTurn.
  Status FinishTurn(int64_t turn_id);
  // Drops what this turn held (its transaction was rolled back).
  void AbandonTurn();

 private:
  Brain* brain_;
  EpisodeStore episodes_;
  CortexStore cortex_;
  std::string session_id_;
  std::vector<int64_t> new_episodes_;
  std::vector<TraceRecord> traces_;
};

}  // namespace brainhost

#endif  // BRAINHOST_HOST_TURN_BRAIN_SERVICES_H
