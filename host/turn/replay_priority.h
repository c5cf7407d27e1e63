// How much sleep should want to replay a turn: the priority of its replay_buffer row.
//
// Every turn's row starts at 1. A turn the cortex found surprising weighs more, up to 3 (its
// mean surprise per token of the user's line, 4 nats a step): the cortex has the most to
// learn there. A line the user marks as important ("remember this", "don't forget") gains 2.
// A reply the user confirms ("thanks, that's right", "exactly", /good) gains 1, and one they
// disown (/bad) keeps a tenth: replaying a wrong reply would teach it. A fact recalled from
// the store tags the turn that taught it, +0.5 per recall (synaptic tagging and capture): what
// is asked for again is worth consolidating.
#ifndef BRAINHOST_HOST_TURN_REPLAY_PRIORITY_H
#define BRAINHOST_HOST_TURN_REPLAY_PRIORITY_H

#include <optional>
#include <string>
#include <string_view>

namespace brainhost {

// The blackboard signal the priority reads: the cortex's mean surprise per token of the user's
// line (plugins/cortex_slots.h).
inline constexpr char kSurpriseSignal[] = "cortex.mean_surprise";

inline constexpr double kConfirmedAdd = 1.0;    // "that's right", /good
inline constexpr double kDisownedTimes = 0.1;   // /bad
inline constexpr double kRecalledAdd = 0.5;     // per recall of a fact the turn taught

// What the user's line says about replay.
struct ReplayMarks {
  bool important = false;          // "remember this": this turn
  bool confirms_previous = false;  // "thanks, that's right": the turn before
};
ReplayMarks ReadReplayMarks(std::string_view user_text);

// The priority of a new turn's row.
double TurnPriority(std::optional<double> mean_surprise, const ReplayMarks& marks);

// One exchange as the cortex reads a conversation (training/token_stream.h): "U: ...\nG: ...\n".
std::string ReplayText(std::string_view user_text, std::string_view reply);

}  // namespace brainhost

#endif  // BRAINHOST_HOST_TURN_REPLAY_PRIORITY_H
