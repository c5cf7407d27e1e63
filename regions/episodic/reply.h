// Reply: what a memory region says in a turn, and how sure it is. The plugin adapter passes
// both to bh_turn.answer; the routing graph compares the confidence with the node's threshold.
#ifndef BRAINHOST_REGIONS_EPISODIC_REPLY_H
#define BRAINHOST_REGIONS_EPISODIC_REPLY_H

#include <string>

namespace brainhost::regions {

struct Reply {
  std::string text;
  double confidence = 0;
};

// The confidences the memory regions answer with, in one place so the graph's thresholds can
// be read against them.
inline constexpr double kRecallConfidence = 0.9;        // a remembered value, a yes/no verdict
inline constexpr double kCommandConfidence = 0.95;      // remember/forget/list, self-knowledge
inline constexpr double kUnknownConfidence = 0.6;       // "i don't know" about the user
inline constexpr double kAcknowledgeConfidence = 0.3;   // "got it": low, so the graph goes on

// What the store says when it remembers a new fact; the hippo's training episodes say it too.
inline constexpr char kStoredAck[] = "got it.";

}  // namespace brainhost::regions

#endif  // BRAINHOST_REGIONS_EPISODIC_REPLY_H
