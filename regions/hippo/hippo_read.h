// The hippo's read at inference, split where a turn's work divides: the hippo region prepares
// the memories it selected once per turn, carrying each key back into the cortex's hidden space
// (keys_i = Wqᵀ Wk ĥ_i / √D, so score_i = keys_i·ĥ + key_bias_i + w_c [x_i = x]), and the
// cortex votes with its own hidden state h and token x before every reply token (RecallVote, a cortex TokenVote). The math is
// hippo_model.h's read, reassociated; the blackboard carries it between the two
// (plugins/hippo_slots.h). Dimension legend in hippo_model.h.
#pragma once

#include <vector>

#include "cortex/cortex_region.h"
#include "hippo/hippo_model.h"

namespace brainhost::regions::hippo {

// Memories ready to be read, borrowed or owned by the caller.
struct MemoryView {
  int M = 0, C = 0;
  const float* keys = nullptr;      // (M, C)
  const float* key_bias = nullptr;  // (M) w_s s_i − w_r a_i / A
  const int* tokens = nullptr;      // (M) x_i
  const int* targets = nullptr;     // (M)
  float copy = 0;                   // w_c
  float sink = 0;                   // w_0
  float gain = 0;                   // g
};

struct PreparedMemory {
  std::vector<float> keys, key_bias;
  std::vector<int> tokens, targets;
  float copy = 0, sink = 0, gain = 0;
  MemoryView view(int C) const {
    return {static_cast<int>(targets.size()), C, keys.data(), key_bias.data(), tokens.data(),
            targets.data(), copy, sink, gain};
  }
};

// memories (in.hq, in.cortex_logits and in.target unused) prepared under model's parameters.
PreparedMemory Prepare(const HippoModel<float>& model, const HippoInput<float>& memories);

// One read at hidden (C) after token: adds g·p_i to bias[targets[i]] (V) and returns p (M + 1,
// the sink's last) in probs.
void Vote(const MemoryView& memory, const float* hidden, int token, float* bias,
          std::vector<float>& probs);

// The read as the cortex's TokenVote: it votes before every reply token. (One recall per reply,
// ending the reply after the value, is not done yet: a threshold rule on the attention ended
// replies before the value more often than it helped.)
class RecallVote : public cortex::TokenVote {
 public:
  // memory's buffers must outlive the vote.
  explicit RecallVote(const MemoryView& memory) : memory_(memory) {}
  void Add(const float* hidden, int token, float* bias) override;

 private:
  MemoryView memory_;
  std::vector<float> probs_;
};

}  // namespace brainhost::regions::hippo
