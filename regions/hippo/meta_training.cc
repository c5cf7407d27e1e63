#include "hippo/meta_training.h"

#include <algorithm>
#include <cmath>

#include "hippo/hippo_read.h"

namespace brainhost::regions::hippo {
namespace {

// The perceive node's view of a line: what plugins/cortex publishes.
struct Heard {
  cortex::Perception perception;
  std::vector<double> word_surprise;
  PerceivedLine view(int C) const {
    return {static_cast<int>(perception.tokens.size()), C, perception.tokens.data(),
            perception.surprise.data(), perception.hidden.data(), perception.token_words.data(),
            word_surprise.empty() ? nullptr : &word_surprise};
  }
};

Heard Perceive(cortex::CortexRegion& cortex, const std::vector<cortex::Exchange>& history,
               const std::string& line) {
  Heard h{cortex.Perceive(history, line), {}};
  h.word_surprise.assign(h.perception.word_surprise.begin(), h.perception.word_surprise.end());
  return h;
}

// Where in example.memories.values the value the probe's answer begins with starts (the value's
// tokens then −1), or −1 when the selection holds no such value.
int AnsweredValue(const Example& example) {
  const std::vector<int>& values = example.memories.values;
  const std::vector<cortex::TracePosition>& answer = example.answer;
  for (std::size_t k = 0; k < values.size(); k++) {
    if (k > 0 && values[k - 1] >= 0) continue;  // inside a value
    std::size_t j = 0;
    while (values[k + j] >= 0 && j < answer.size() && values[k + j] == answer[j].target) j++;
    if (j > 0 && values[k + j] < 0) return static_cast<int>(k);
  }
  return -1;
}

}  // namespace

std::vector<Example> PlayEpisode(cortex::CortexRegion& cortex, const LanguageModels& models,
                                 const Kinds& kinds, const Episode& episode, int window,
                                 const QuestionSurprise& question_surprise) {
  const int C = cortex.config().dim;
  cortex.NewConversation();
  HippoMemory memory(models, kinds, cortex.tokenizer().newline_id(), window, question_surprise);
  std::vector<cortex::Exchange> history = episode.exchanges;
  history.push_back({static_cast<std::int64_t>(history.size()), episode.probe, episode.answer});
  std::vector<Example> out;
  for (std::size_t t = 0; t < history.size(); t++) {
    const cortex::Exchange& x = history[t];
    const std::vector<cortex::Exchange> before(history.begin(), history.begin() + t);
    const Heard heard = Perceive(cortex, before, x.user);
    std::optional<Selection> selected = memory.Hear(x.turn_index, x.user, heard.view(C));
    if (!selected) continue;
    Example example{std::move(*selected), cortex.Trace(before, x.user, x.reply),
                    t + 1 == history.size()};
    if (!example.answer.empty()) out.push_back(std::move(example));
  }
  return out;
}

void ExampleLoss(HippoModel<float>& model, const Example& example, float settle, bool backward,
                 LossSum& sum) {
  HippoInput<float> in = example.memories.input();
  const std::vector<int>& value_of = example.memories.value_of;
  const int M = in.M, answered = example.probe ? AnsweredValue(example) : -1;
  // Where the read should settle: on the answered value at the answer's first token; on the
  // sink and the memories outside any value all through a distractor's reply.
  std::vector<unsigned char> recall(M + 1, 0), abstain(M + 1, 1);
  for (int i = 0; i < M; i++) {
    recall[i] = answered >= 0 && value_of[i] == answered;
    abstain[i] = value_of[i] < 0;
  }
  std::vector<float> bias, probs(M + 1), mass;
  bool decided = example.probe ? answered >= 0 : true;
  for (std::size_t t = 0; t < example.answer.size(); t++) {
    const cortex::TracePosition& at = example.answer[t];
    in.hq = at.hidden.data();
    in.query_token = at.token;
    in.V = static_cast<int>(at.logits.size());
    in.cortex_logits = at.logits.data();
    in.target = at.target;
    in.settle = settle == 0                   ? nullptr
                : !example.probe              ? abstain.data()
                : t == 0 && answered >= 0     ? recall.data()
                                              : nullptr;
    in.settle_weight = settle;
    const float loss = model.forward(in);
    sum.loss += loss;
    sum.positions += 1;
    bias.assign(at.logits.begin(), at.logits.end());
    model.read(bias.data(), probs.data(), in);
    sum.correct += std::max_element(bias.begin(), bias.end()) - bias.begin() == at.target;
    if (example.probe ? t == 0 : true) {
      // Recall's decision at this token: the value, if any, with kRecallMass of the read's mass.
      mass.assign(example.memories.values.size(), 0.0f);
      for (int i = 0; i < M; i++) {
        if (value_of[i] >= 0) mass[value_of[i]] += probs[i];
      }
      const auto best = std::max_element(mass.begin(), mass.end());
      const int starts = best != mass.end() && *best >= kRecallMass
                             ? static_cast<int>(best - mass.begin()) : -1;
      decided = decided && starts == answered;
    }
    if (backward) model.backward();
  }
  (example.probe ? sum.probes : sum.others) += 1;
  (example.probe ? sum.probes_decided : sum.others_decided) += decided;
}

}  // namespace brainhost::regions::hippo
