// The hippo's read at inference, split where a turn's work divides: the hippo region prepares
// the memories it selected once per turn, carrying each key back into the cortex's hidden space
// (keys_i = Wqᵀ Wk ĥ_i / √D, so score_i = keys_i·ĥ + key_bias_i + w_c [x_i = x]), and the
// cortex reads them with its own hidden state h and token x before every reply token (Recall,
// a cortex Recaller). The attention is hippo_model.h's, reassociated; the blackboard carries
// the memories between the two (plugins/hippo_slots.h). Dimension legend in hippo_model.h.
//
// Recall is the gated pattern completion on top of the learned attention: a value is recalled
// when the read puts most of its mass (kRecallMass) on the memories of one line's value, and
// then copied whole, token by token, from its first token to its last; one recall per reply.
// The episodes' answers are the value itself ("Mary Ann."), so the read learns to settle at the
// reply's first token: a read that settled later would cut into a sentence the cortex began on
// its own ("You didn't Zololu.", as templated answers taught it).
// The soft vote the model is trained with (bias += g·p) stays a training device: at inference
// it let a half-confident read start a value and then lose the rest of it to the cortex's
// prior ("Lemon tart" for "lemonade").
#pragma once

#include <vector>

#include "cortex/cortex_region.h"
#include "hippo/hippo_memory.h"
#include "hippo/hippo_model.h"

namespace brainhost::regions::hippo {

// Memories ready to be read, borrowed or owned by the caller.
struct MemoryView {
  int M = 0, C = 0, K = 0, W = 0;
  const float* keys = nullptr;      // (M, C)
  const float* key_bias = nullptr;  // (M) w_s s_i − w_r a_i / A
  const int* tokens = nullptr;      // (M) x_i
  const int* value_of = nullptr;    // (M) where memory i's value starts in values, or −1
  const int* values = nullptr;      // (K) each value's tokens, then −1
  const int* wrap_up = nullptr;     // (W) what a reply says after a value: "." and the newline
  float copy = 0;                   // w_c
  float sink = 0;                   // w_0
};

struct PreparedMemory {
  std::vector<float> keys, key_bias;
  std::vector<int> tokens, value_of, values, wrap_up;
  float copy = 0, sink = 0;
  MemoryView view(int C) const {
    return {static_cast<int>(tokens.size()), C, static_cast<int>(values.size()),
            static_cast<int>(wrap_up.size()), keys.data(), key_bias.data(), tokens.data(),
            value_of.data(), values.data(), wrap_up.data(), copy, sink};
  }
};

// The memories a question selected, prepared under model's parameters; wrap_up as in
// MemoryView.
PreparedMemory Prepare(const HippoModel<float>& model, const Selection& selected,
                       std::vector<int> wrap_up);

// The attention at hidden (C) after token: p (M + 1, the sink's last) into probs.
void Attend(const MemoryView& memory, const float* hidden, int token, std::vector<float>& probs);

// Recall needs this much of the read's mass on one value's memories to start copying it.
inline constexpr float kRecallMass = 0.5f;

// One reply's recall, as the cortex's Recaller (see the file comment): it reads before every
// reply token until a value starts, then dictates the value's tokens and the wrap-up, which
// ends the reply: a recalled value is the reply's point, and what a small cortex would add
// after it ("Mary Annabel", "Mary Ann, the cat") is more often wrong than not.
class Recall : public cortex::Recaller {
 public:
  // memory's buffers must outlive the recall.
  explicit Recall(const MemoryView& memory) : memory_(memory) {}
  int Next(const float* hidden, int token) override;

 private:
  MemoryView memory_;
  std::vector<float> probs_, mass_;  // (M + 1), (K)
  int next_ = -1;  // while copying: the index in values of the token to say next
  int wrapped_ = 0;  // wrap-up tokens said
  bool done_ = false;
};

}  // namespace brainhost::regions::hippo
