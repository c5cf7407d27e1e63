// TurnView: the bh_turn one region sees during its turn() call.
//
// It forwards reads to the blackboard and checks writes against what the region declared:
// a region may read any slot but write only the slots in its descriptor, and may answer only
// when it declared BH_CAP_ANSWER, at most once per turn.
#ifndef BRAINHOST_HOST_TURN_TURN_VIEW_H
#define BRAINHOST_HOST_TURN_TURN_VIEW_H

#include <brainhost/region.h>

#include <cstdint>
#include <optional>
#include <string>

#include "region_info.h"
#include "turn/blackboard.h"

namespace brainhost {

// What the host knows of a turn before any region runs.
struct TurnInput {
  std::string text;  // valid UTF-8
  std::string session_id;
  uint64_t index = 0;
  int64_t now_unix_ms = 0;
};

struct Answer {
  std::string text;
  double confidence = 0;
};

class TurnView {
 public:
  // REQUIRES: blackboard, info and input outlive the view.
  TurnView(Blackboard* blackboard, const RegionInfo& info, const TurnInput& input);
  TurnView(const TurnView&) = delete;
  TurnView& operator=(const TurnView&) = delete;

  const bh_turn* turn() const { return &turn_; }
  // The region's answer, if it gave one.
  const std::optional<Answer>& answer() const { return answer_; }

 private:
  static TurnView* Self(const bh_turn* turn);
  bool Declares(const char* name, bh_slot_kind kind) const;

  static bh_status GetText(const bh_turn* t, const char* name, const char** text, size_t* size);
  static bh_status SetText(const bh_turn* t, const char* name, const char* text, size_t size);
  static bh_status GetSignal(const bh_turn* t, const char* name, double* value);
  static bh_status SetSignal(const bh_turn* t, const char* name, double value);
  static bh_status GetTensor(const bh_turn* t, const char* name, bh_tensor* out);
  static bh_status SetTensor(const bh_turn* t, const char* name, const bh_tensor* tensor);
  static bh_status SetTag(const bh_turn* t, const char* name);
  static int HasTag(const bh_turn* t, const char* name);
  static bh_status AnswerTurn(const bh_turn* t, const char* text, size_t size, double confidence);

  Blackboard* blackboard_;
  const RegionInfo& info_;
  bh_turn turn_;
  std::optional<Answer> answer_;
};

}  // namespace brainhost

#endif  // BRAINHOST_HOST_TURN_TURN_VIEW_H
