#include "hippo/meta_training.h"

#include <algorithm>
#include <cmath>

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

void ExampleLoss(HippoModel<float>& model, const Example& example, bool backward, LossSum& sum) {
  HippoInput<float> in = example.memories.input();
  std::vector<float> bias;
  for (const cortex::TracePosition& at : example.answer) {
    in.hq = at.hidden.data();
    in.query_token = at.token;
    in.V = static_cast<int>(at.logits.size());
    in.cortex_logits = at.logits.data();
    in.target = at.target;
    const float loss = model.forward(in);
    sum.loss += loss;
    sum.positions += 1;
    bias.assign(at.logits.begin(), at.logits.end());
    model.read(bias.data(), nullptr, in);
    sum.correct += std::max_element(bias.begin(), bias.end()) - bias.begin() == at.target;
    if (backward) model.backward();
  }
}

}  // namespace brainhost::regions::hippo
