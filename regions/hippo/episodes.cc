#include "hippo/episodes.h"

#include <algorithm>
#include <cctype>
#include <string_view>

#include "corpus/conversation.h"
#include "corpus/lexicon.h"
#include "corpus/phrasings.h"
#include "corpus/render.h"
#include "corpus/rng.h"
#include "episodic/reply.h"

namespace brainhost::regions::hippo {
namespace {

// A topic whose value can be asked back, the slot that holds the value, and the slots a
// template about it may also use (the pet's kind, the relative) without naming another value.
struct TopicValue {
  Topic topic;
  std::string_view slot;
  std::vector<std::string_view> also;
};

const std::vector<TopicValue>& Topics() {
  static const std::vector<TopicValue> topics = {
      {kTopicName, "{name}", {}},
      {kTopicPet, "{pet_name}", {"{pet}", "{a_pet}"}},
      {kTopicFamily, "{rel_name}", {"{rel}"}},
      {kTopicHome, "{city}", {}},
      {kTopicJob, "{job}", {"{a_job}"}},
      {kTopicHobby, "{hobby}", {}},
      {kTopicFood, "{food}", {}},
      {kTopicDrink, "{drink}", {}},
      {kTopicColor, "{color}", {}},
  };
  return topics;
}

// The slots a template uses, in order.
std::vector<std::string_view> Slots(std::string_view text) {
  std::vector<std::string_view> out;
  for (std::size_t b = text.find('{'); b != std::string_view::npos; b = text.find('{', b + 1)) {
    out.push_back(text.substr(b, text.find('}', b) - b + 1));
  }
  return out;
}

// Templates that say the value (the value slot, or {a_job} for a job) and no other value.
Templates Saying(const Templates& list, const TopicValue& t) {
  Templates out;
  for (const std::string& text : list) {
    const std::vector<std::string_view> slots = Slots(text);
    bool says = false, other = false;
    for (std::string_view slot : slots) {
      const bool also = std::find(t.also.begin(), t.also.end(), slot) != t.also.end();
      if (slot == t.slot || (t.topic == kTopicJob && slot == "{a_job}")) says = true;
      else if (!also) other = true;
    }
    if (says && !other) out.push_back(text);
  }
  return out;
}

// Probes: wh-questions about the user that do not say the value themselves, and, for a pet
// or a relative, ask for the name (not "what kind of pet do i have?").
Templates Probes(const Templates& list, const TopicValue& t) {
  Templates out;
  for (const std::string& text : list) {
    const bool wh = text.starts_with("what") || text.starts_with("where") ||
                    text.starts_with("who") || text.starts_with("which") ||
                    text.starts_with("how");
    const bool about_user = text.find("my ") != std::string::npos ||
                            text.find(" i ") != std::string::npos;
    bool says = false, other = false;
    for (std::string_view slot : Slots(text)) {
      if (std::find(t.also.begin(), t.also.end(), slot) == t.also.end()) other = true;
      if (slot == t.slot) says = true;
    }
    const bool names = t.also.empty() || text.find("name") != std::string::npos ||
                       text.find("called") != std::string::npos;
    if (wh && about_user && !says && !other && names) out.push_back(text);
  }
  return out;
}

std::string Render(std::string_view text, const Facts& facts, bool guide) {
  std::string out;
  RenderTemplate(text, facts, out);
  if (guide) SentenceCase(out, 0);
  return out;
}

// The value of t's slot in facts.
std::string Value(const Facts& facts, const TopicValue& t) {
  const std::string_view slot = t.slot;
  return slot == "{name}"       ? facts.name
         : slot == "{pet_name}" ? facts.pet_name
         : slot == "{rel_name}" ? facts.rel_name
         : slot == "{city}"     ? facts.city
         : slot == "{job}"      ? facts.job
         : slot == "{hobby}"    ? facts.hobby
         : slot == "{food}"     ? facts.food
         : slot == "{drink}"    ? facts.drink
                                : facts.color;
}

// A "question|answer" pair rendered as one exchange.
cortex::Exchange Pair(const std::string& pair, const Facts& facts) {
  const std::size_t bar = pair.find('|');
  return {0, Render(pair.substr(0, bar), facts, false), Render(pair.substr(bar + 1), facts, true)};
}

}  // namespace

std::vector<Episode> MakeEpisodes(int count, bool validation, std::uint64_t seed) {
  const Lexicon lexicon = BuildLexicon(validation);
  const Phrasings& phrasings = AllPhrasings();
  Rng rng(seed);
  std::vector<Episode> out;
  while (static_cast<int>(out.size()) < count) {
    const TopicValue& t = rng.Pick(Topics());
    const TopicPhrasings& p = phrasings.topics[t.topic];
    Facts facts = DrawFacts(lexicon, rng);
    if (rng.Chance(1.0 / 3)) facts.name += " " + rng.Pick(lexicon.names);
    if (rng.Chance(1.0 / 3)) facts.rel_name += " " + rng.Pick(lexicon.names);
    const Templates tells = Saying(p.tell, t), acks = Saying(p.ack, t),
                    probes = Probes(p.recall, t);
    if (tells.empty() || probes.empty()) continue;

    // Every other conversation is had with the episodic store on, which acknowledges each
    // statement itself (regions/episodic), as the default graph does; the others with the
    // cortex's own replies. The draws are the same either way.
    const bool stored = out.size() % 2 == 1;
    auto acknowledge = [&](const Templates& said, const char* plain) {
      std::string reply = said.empty() ? plain : Render(rng.Pick(said), facts, true);
      return stored ? std::string(kStoredAck) : reply;
    };
    Episode e;
    e.exchanges.push_back({0, Render(rng.Pick(tells), facts, false), acknowledge(acks, "Got it.")});
    std::vector<const TopicValue*> told = {&t};
    // Two distractors: a statement of another topic or a question, then a question.
    while (e.exchanges.size() < 3) {
      const bool first = e.exchanges.size() == 1;
      const int kind = static_cast<int>(rng.Below(first ? 3 : 2));
      if (kind == 0) {
        e.exchanges.push_back(Pair(rng.Pick(phrasings.small_talk), facts));
      } else if (kind == 1) {
        e.exchanges.push_back(Pair(rng.Pick(phrasings.user_asks_guide), facts));
      } else {
        const TopicValue& other = rng.Pick(Topics());
        if (other.topic == t.topic) continue;
        const TopicPhrasings& o = phrasings.topics[other.topic];
        const Templates otells = Saying(o.tell, other), oacks = Saying(o.ack, other);
        if (otells.empty()) continue;
        e.exchanges.push_back({0, Render(rng.Pick(otells), facts, false),
                               acknowledge(oacks, "I see.")});
        told.push_back(&other);
      }
    }
    for (std::size_t i = 0; i < e.exchanges.size(); i++) e.exchanges[i].turn_index = i;
    e.probe = Render(rng.Pick(probes), facts, false);
    e.value = Value(facts, t);
    e.answer = e.value + ".";  // what a recall says (hippo_read.h)
    for (const TopicValue* topic : told) e.told.push_back(Value(facts, *topic));
    // The question no memory answers: about a topic none of the lines told.
    std::vector<Templates> untold;
    for (const TopicValue& u : Topics()) {
      const bool said = std::any_of(told.begin(), told.end(),
                                    [&](const TopicValue* x) { return x->topic == u.topic; });
      if (Templates asks = Probes(phrasings.topics[u.topic].recall, u); !said && !asks.empty()) {
        untold.push_back(std::move(asks));
      }
    }
    if (untold.empty()) continue;
    e.unanswerable = Render(rng.Pick(rng.Pick(untold)), facts, false);
    e.unknown = Render(rng.Pick(phrasings.guide_unknown), facts, true);
    out.push_back(std::move(e));
  }
  return out;
}

namespace {

// Where value first stands as whole words in reply, case-insensitively, or npos.
std::size_t FindValue(std::string_view reply, std::string_view value) {
  auto lower = [](std::string_view s) {
    std::string out(s);
    for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return out;
  };
  const std::string r = lower(reply), v = lower(value);
  auto word_char = [](char c) { return std::isalnum(static_cast<unsigned char>(c)) != 0; };
  for (std::size_t at = r.find(v); at != std::string::npos; at = r.find(v, at + 1)) {
    const bool starts = at == 0 || !word_char(r[at - 1]);
    const bool ends = at + v.size() == r.size() || !word_char(r[at + v.size()]);
    if (starts && ends) return at;
  }
  return std::string::npos;
}

}  // namespace

bool SaysValue(std::string_view reply, std::string_view value) {
  return FindValue(reply, value) != std::string::npos;
}

bool BeginsWithValue(std::string_view reply, std::string_view value) {
  const std::size_t at = FindValue(reply, value);
  return at != std::string::npos && reply.find_first_not_of(' ') == at;
}

}  // namespace brainhost::regions::hippo
