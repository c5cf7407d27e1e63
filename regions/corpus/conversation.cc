// The conversation state machine behind ConversationWriter (conversation.h).
#include "corpus/conversation.h"

#include <iterator>
#include <string_view>

namespace brainhost::regions {
namespace {

// Emoji a user sometimes adds, so the tokenizer and the cortex meet multi-byte symbols.
constexpr std::string_view kEmoji[] = {"😊", "🎉", "😂", "👍", "❤️", "🙂", "😅", "🐶", "☀️", "🌧️"};

// What the guide's last line left open, which the next user line answers.
enum class Pending { kNone, kHowAreYou, kTopicQuestion, kFollowup };

struct State {
  Pending pending = Pending::kNone;
  int topic = -1;                       // the topic of kTopicQuestion
  std::string_view followup_answer;     // the answer half of the follow-up pair (kFollowup)
  bool told[kTopicCount] = {};
  int told_count = 0;
};

void Append(Rng& rng, const Templates& list, const Facts& facts, std::string& out) {
  RenderTemplate(rng.Pick(list), facts, out);
}

// Splits a "question|answer" pair and appends one side.
void AppendPairSide(std::string_view pair, bool answer, std::string& out) {
  const size_t bar = pair.find('|');
  out.append(answer ? pair.substr(bar + 1) : pair.substr(0, bar));
}

// A topic not yet told, or -1 when all are.
int UntoldTopic(Rng& rng, const State& state) {
  if (state.told_count >= kTopicCount) return -1;
  for (;;) {
    const int topic = static_cast<int>(rng.Below(kTopicCount));
    if (!state.told[topic]) return topic;
  }
}

void MarkTold(State& state, int topic) {
  if (!state.told[topic]) {
    state.told[topic] = true;
    ++state.told_count;
  }
}

}  // namespace

Facts DrawFacts(const Lexicon& lexicon, Rng& rng) {
  Facts f;
  f.name = rng.Pick(lexicon.names);
  f.age = std::to_string(rng.Between(16, 89));
  f.job = rng.Pick(lexicon.jobs);
  f.a_job = WithArticle(f.job);
  f.years = std::to_string(rng.Between(2, 30));
  f.pet = rng.Pick(lexicon.pet_kinds);
  f.a_pet = WithArticle(f.pet);
  f.pet_name = rng.Pick(lexicon.pet_names);
  f.num = std::to_string(rng.Between(1, 16));
  f.rel = rng.Pick(lexicon.relatives);
  f.rel_name = rng.Pick(lexicon.names);
  f.rel_job = rng.Pick(lexicon.jobs);
  f.a_rel_job = WithArticle(f.rel_job);
  f.city = rng.Pick(lexicon.cities);
  f.hobby = rng.Pick(lexicon.hobbies);
  f.food = rng.Pick(lexicon.foods);
  f.plan = rng.Pick(lexicon.plans);
  f.plan_you = MyToYour(f.plan);
  f.feeling = rng.Pick(lexicon.feelings);
  f.weather = rng.Pick(lexicon.weather);
  f.drink = rng.Pick(lexicon.drinks);
  f.color = rng.Pick(lexicon.colors);
  return f;
}

void ConversationWriter::Write(Rng& rng, std::string& out) const {
  const Phrasings& p = phrasings_;
  const Facts facts = DrawFacts(lexicon_, rng);
  State state;

  // The guide ends its line by opening a new question with this probability.
  auto guide_may_ask = [&](std::string& g, double chance) {
    if (!rng.Chance(chance)) return;
    const int topic = UntoldTopic(rng, state);
    if (topic < 0) return;
    g += ' ';
    if (rng.Chance(0.5)) g += rng.Pick(p.guide_bridges);
    Append(rng, p.topics[topic].ask, facts, g);
    state.pending = Pending::kTopicQuestion;
    state.topic = topic;
  };
  // The guide acknowledges a just-told topic, then follows up on it or asks something new.
  auto guide_acks = [&](int topic, std::string& g) {
    Append(rng, p.topics[topic].ack, facts, g);
    state.pending = Pending::kNone;
    if (rng.Chance(0.45)) {
      g += ' ';
      const std::string_view pair = rng.Pick(p.topics[topic].followup);
      const size_t bar = pair.find('|');
      RenderTemplate(pair.substr(0, bar), facts, g);
      state.pending = Pending::kFollowup;
      state.followup_answer = pair.substr(bar + 1);
    } else {
      guide_may_ask(g, 0.35);
    }
  };

  std::string u, g;
  auto emit = [&] {
    if (rng.Chance(0.4)) SentenceCase(u, 0);
    if (rng.Chance(0.03)) {
      u += ' ';
      u += kEmoji[rng.Below(std::size(kEmoji))];
    }
    SentenceCase(g, 0);
    out += "U: ";
    out += u;
    out += "\nG: ";
    out += g;
    out += '\n';
    u.clear();
    g.clear();
  };

  if (rng.Chance(0.75)) {
    u = rng.Pick(p.user_greetings);
    g = rng.Pick(p.guide_greetings);
    state.pending = Pending::kHowAreYou;
    emit();
  }

  const int exchanges = rng.Between(3, 10);
  for (int n = 0; n < exchanges; ++n) {
    switch (state.pending) {
      case Pending::kHowAreYou: {
        u = rng.Pick(p.user_how_are_you);
        state.pending = Pending::kNone;
        const int topic = UntoldTopic(rng, state);
        if (rng.Chance(0.45)) {
          u += ' ';
          if (rng.Chance(0.5)) u += rng.Pick(p.user_openers);
          Append(rng, p.topics[topic].tell, facts, u);
          MarkTold(state, topic);
          guide_acks(topic, g);
        } else {
          g = rng.Pick(p.guide_reactions);
          guide_may_ask(g, 0.7);
        }
        break;
      }
      case Pending::kTopicQuestion: {
        const int topic = state.topic;
        Append(rng, p.topics[topic].answer, facts, u);
        MarkTold(state, topic);
        guide_acks(topic, g);
        break;
      }
      case Pending::kFollowup: {
        RenderTemplate(state.followup_answer, facts, u);
        state.pending = Pending::kNone;
        g = rng.Pick(p.guide_reactions);
        guide_may_ask(g, 0.4);
        break;
      }
      case Pending::kNone: {
        const double roll = static_cast<double>(rng.Below(1000)) / 1000.0;
        const int untold = UntoldTopic(rng, state);
        if (roll < 0.45 && untold >= 0) {
          if (rng.Chance(0.35)) u = rng.Pick(p.user_openers);
          Append(rng, p.topics[untold].tell, facts, u);
          MarkTold(state, untold);
          guide_acks(untold, g);
        } else if (roll < 0.75 && (state.told_count > 0 || untold >= 0)) {
          // Recall: mostly a told fact; sometimes an untold one, answered honestly.
          const bool ask_untold = untold >= 0 && (state.told_count == 0 || rng.Chance(0.15));
          int topic = untold;
          if (!ask_untold) {
            do topic = static_cast<int>(rng.Below(kTopicCount));
            while (!state.told[topic]);
          }
          Append(rng, p.topics[topic].recall, facts, u);
          if (ask_untold) {
            g = rng.Pick(p.guide_unknown);
          } else {
            Append(rng, p.topics[topic].recall_answer, facts, g);
          }
        } else if (roll < 0.9) {
          const std::string& pair = rng.Pick(p.small_talk);
          AppendPairSide(pair, false, u);
          AppendPairSide(pair, true, g);
        } else {
          const std::string& pair = rng.Pick(p.user_asks_guide);
          AppendPairSide(pair, false, u);
          AppendPairSide(pair, true, g);
        }
        break;
      }
    }
    emit();
  }

  // A closing only when nothing is left open; otherwise the conversation just stops, as
  // chats do.
  if (state.pending == Pending::kNone && rng.Chance(0.5)) {
    u = rng.Pick(p.user_closings);
    g = rng.Pick(p.guide_closings);
    emit();
  }
}

}  // namespace brainhost::regions
