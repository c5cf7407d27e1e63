// Phrasings: the sentence templates of every dialogue act, and their split.
//
// A template is text with slots in braces ("my dog is named {pet_name}."); render.h fills
// them. User ("U") templates are written in lower case as people type in chat; render.h
// gives guide ("G") lines, and some user lines, sentence case. Each topic (a kind of fact a
// person tells about themselves) has the same seven acts; the remaining lists are small talk
// and the frame of a conversation. A pair "question|answer" keeps a question with the
// answers that fit it, so the two are always held out together.
//
// partition.h holds out every fifth template of every list; BuildPhrasings(validation)
// keeps only one side, so validation text uses phrasings training text never saw.
#ifndef BRAINHOST_REGIONS_CORPUS_PHRASINGS_H
#define BRAINHOST_REGIONS_CORPUS_PHRASINGS_H

#include <string>
#include <vector>

namespace brainhost::regions {

using Templates = std::vector<std::string>;

enum Topic : int {
  kTopicName, kTopicJob, kTopicPet, kTopicFamily, kTopicHome, kTopicHobby, kTopicFood,
  kTopicPlan, kTopicFeeling, kTopicWeather, kTopicDrink, kTopicColor, kTopicCount
};

struct TopicPhrasings {
  Templates tell;             // U volunteers the fact: "my name is {name}."
  Templates ask;              // G asks for it: "what's your name?"
  Templates answer;           // U answers that question: "it's {name}."
  Templates ack;              // G reacts using the value: "nice to meet you, {name}!"
  Templates followup;         // "G follow-up|U answer" pairs: "how old is {pet_name}?|..."
  Templates recall;           // U later asks G to remember: "what's my name?"
  Templates recall_answer;    // G answers with the told value: "your name is {name}."
};

struct Phrasings {
  std::vector<TopicPhrasings> topics;  // indexed by Topic
  Templates user_greetings;            // "hi!"
  Templates guide_greetings;           // "hello! how are you?" (a question U may answer)
  Templates user_how_are_you;          // U's reply to a greeting: "good, thanks."
  Templates user_openers;              // prefixed to a U statement: "oh, by the way, "
  Templates guide_reactions;           // G's short reaction to a follow-up answer: "that's lovely."
  Templates guide_bridges;             // G moves on before asking: "can i ask you something? "
  Templates small_talk;                // "U question|G answer" pairs
  Templates user_asks_guide;           // "U question|G answer" about the guide itself
  Templates guide_unknown;             // G, asked to recall a fact never told: "you haven't told me."
  Templates user_closings;             // "thanks, bye!"
  Templates guide_closings;            // "bye! take care."
};

// Every template of every act, before the split (tests render all of them).
const Phrasings& AllPhrasings();

// The templates of one split: validation ? only held-out : only training templates.
Phrasings BuildPhrasings(bool validation);

// Calls visit(list) for every template list in phrasings (topic acts included).
template <typename Visit>
void ForEachTemplateList(Phrasings& phrasings, Visit visit) {
  for (TopicPhrasings& t : phrasings.topics) {
    for (Templates* list : {&t.tell, &t.ask, &t.answer, &t.ack, &t.followup,
                            &t.recall, &t.recall_answer}) {
      visit(*list);
    }
  }
  for (Templates* list : {&phrasings.user_greetings, &phrasings.guide_greetings,
                          &phrasings.user_how_are_you, &phrasings.user_openers,
                          &phrasings.guide_reactions, &phrasings.guide_bridges,
                          &phrasings.small_talk, &phrasings.user_asks_guide,
                          &phrasings.guide_unknown, &phrasings.user_closings, &phrasings.guide_closings}) {
    visit(*list);
  }
}

}  // namespace brainhost::regions

#endif  // BRAINHOST_REGIONS_CORPUS_PHRASINGS_H
