// Meta-training the hippo (issue 5): an episode played through the frozen cortex gives an
// example for each question that selects memories, the memories and the reply as the cortex
// reads it: the probe and its answer, where the read must find the value, and the distractor
// questions about the user ("what should i cook tonight?") and their replies, where it must
// abstain (a false recall there is a wrong answer the user sees). The loss is
// the cross-entropy of the answer's tokens under the cortex's logits plus the hippo's vote
// (hippo_model.h). The cortex's logits carry the recall penalty (cortex_region.h), so the
// answer's value costs ~20 nats more than the cortex alone would pay, and only a read that
// finds it in the memories and votes for it loudly earns it back. The read's settling term
// trains the decision Recall takes on the read: most of its mass on the answered value's
// memories at the answer's first token, and off every value all through a distractor's reply.
#pragma once

#include <cstdint>
#include <optional>
#include <vector>

#include "cortex/cortex_region.h"
#include "hippo/episodes.h"
#include "hippo/hippo_memory.h"
#include "hippo/hippo_model.h"
#include "hippo/question_surprise.h"
#include "language/language_models.h"

namespace brainhost::regions::hippo {

struct Example {
  Selection memories;
  std::vector<cortex::TracePosition> answer;  // the reply's tokens and the newline after it
  bool probe = false;  // the episode's probe (else a distractor)
};

// Plays episode as the graph would: each user line perceived by cortex after the exchanges
// before it and heard by a fresh HippoMemory (models, kinds, window user turns and
// question_surprise as the plugin's), and the reply to each line that selects memories traced.
// Lines whose reply does not fit the context give no example.
std::vector<Example> PlayEpisode(cortex::CortexRegion& cortex, const LanguageModels& models,
                                 const Kinds& kinds, const Episode& episode, int window,
                                 const QuestionSurprise& question_surprise);

struct LossSum {
  double loss = 0;     // summed over positions
  double positions = 0;
  double correct = 0;  // positions whose argmax of logits + vote is the answer's token
  // Examples whose recall decision is right as hippo_read.h's Recall takes it, of the probes
  // and of the others: a probe's read starts the answered value at the answer's first token;
  // another's never starts one.
  double probes = 0, probes_decided = 0, others = 0, others_decided = 0;
  double mean() const { return positions > 0 ? loss / positions : 0; }
  double accuracy() const { return positions > 0 ? correct / positions : 0; }
  double probes_right() const { return probes > 0 ? probes_decided / probes : 0; }
  double others_right() const { return others > 0 ? others_decided / others : 0; }
};

// Adds the example's loss, summed over its positions, to sum, and its recall decision; with
// backward also accumulates into model.gradients() the gradient of that loss plus settle times
// the settling term's (hippo_model.h). sum.loss is the loss so weighted: with settle 0, the
// cross-entropy alone.
void ExampleLoss(HippoModel<float>& model, const Example& example, float settle, bool backward,
                 LossSum& sum);

}  // namespace brainhost::regions::hippo
