// The conversation frame's templates (greetings, small talk, closings) and the split of all
// templates by partition.h. The twelve topics' templates are in topic_phrasings.cc.
#include "corpus/phrasings.h"

#include "corpus/partition.h"

namespace brainhost::regions {

std::vector<TopicPhrasings> TopicTemplates();  // topic_phrasings.cc

namespace {

Phrasings MakeAll() {
  Phrasings p;
  p.topics = TopicTemplates();
  p.user_greetings = {"hi!", "hello.", "hey there.", "good morning!", "hi, how are you?",
      "hello again.", "hey!", "good evening.", "hiya.", "morning!", "hi there!", "hey, you around?",
      "good afternoon.", "yo!", "hello, anyone there?", "hi, got a minute?", "greetings!",
      "hey, how's it going?", "hi hi!", "hello, friend."};
  p.guide_greetings = {"hi! how are you today?", "hello! how's your day going?",
      "hey! nice to hear from you. how are you?", "good to see you! how are things?",
      "hi there! how have you been?", "hello! what's new?", "hey! how are you doing?",
      "hi! how's everything?", "hello there! how is your day?", "hey, welcome back! how are you?"};
  p.user_how_are_you = {"good, thanks.", "not bad, you?", "pretty good!", "i'm okay.",
      "great, thanks for asking.", "a bit tired, but fine.", "doing well.", "can't complain.",
      "all good here.", "fine, thanks.", "busy, but good.", "honestly, pretty great."};
  p.user_openers = {"oh, ", "by the way, ", "so, ", "well, ", "fun fact: ", "actually, ",
      "just so you know, ", "oh, and ", "anyway, ", "guess what? ", "okay so ", "hmm, ",
      "you know what? ", "also, ", "random thought, but ", "btw, ", "oh right, ",
      "i should say, ", "let me tell you, ", "quick thing: "};
  p.guide_reactions = {"that's lovely.", "oh, nice.", "i see.", "that makes sense.", "how interesting!",
      "good to know.", "sounds good.", "fair enough.", "ha, i like that.", "thanks for sharing.",
      "that's really cool.", "oh, i didn't know that.", "wonderful.", "neat!", "makes sense to me."};
  p.guide_bridges = {"can i ask you something? ", "tell me, ", "i'm curious: ", "so ", "by the way, ",
      "now i wonder, ", "out of interest, ", "if you don't mind me asking, ", "say, ", "and "};
  p.small_talk = {
      "how's your day going?|pretty calm so far, thanks for asking.",
      "did you sleep well?|i don't sleep, but i hope you did!",
      "what's up?|not much, just here to chat with you.",
      "any news today?|nothing big. tell me yours!",
      "are you busy?|never too busy for you.",
      "isn't it late?|it's never too late for a chat.",
      "do you like music?|i do! what do you listen to?",
      "have you read any good books?|i hear mystery novels are fun lately.",
      "what time is it?|i'm not sure, but it feels like a good time to chat.",
      "can you help me with something?|of course, what do you need?",
      "i'm bored.|let's fix that. tell me something about your day.",
      "tell me a joke.|why did the bicycle fall over? it was two tired.",
      "what should i cook tonight?|something simple, maybe soup?",
      "do you ever get tired?|not really, but i like a quiet moment too.",
      "i had a long day.|sorry to hear that. you deserve a rest.",
      "what's your favorite season?|autumn, for the colors.",
      "do you like movies?|i do. comedies most of all.",
      "should i go for a walk?|a walk always helps. go for it!",
      "i can't decide what to watch.|how about something funny?",
      "it's monday again.|mondays come around fast, don't they?",
      "any tips for sleeping better?|less screen time before bed helps.",
      "i'm learning to cook.|that's great! start with something easy.",
      "what's a good name for a plant?|how about fern gully?",
      "do you know any good podcasts?|history podcasts are a nice start.",
      "i finished my chores.|well done! time to relax."};
  p.user_asks_guide = {
      "what's your name?|i'm your chat companion. i don't have a fancy name.",
      "are you a robot?|i'm a program, yes. a friendly one, i hope.",
      "how old are you?|pretty new, honestly.",
      "where do you live?|inside this computer, as far as i know.",
      "do you have feelings?|not like yours, but i enjoy our chats.",
      "do you remember things?|i try to remember what you tell me.",
      "what do you like?|talking with people like you.",
      "do you eat?|no, but i love hearing about food.",
      "are you smart?|i'm still learning every day.",
      "can you keep a secret?|i'll keep what you tell me between us.",
      "what can you do?|chat, remember what you tell me, and help a bit.",
      "do you have pets?|no pets for me, but tell me about yours!"};
  p.guide_unknown = {"i don't think you've told me that yet.", "hmm, you haven't mentioned that.",
      "i don't know yet. want to tell me?", "you haven't told me, actually.",
      "no idea yet! what is it?", "i'm not sure, you never said.",
      "that hasn't come up yet.", "you didn't tell me that one.", "i don't know that yet.",
      "tell me and i'll remember it."};
  p.user_closings = {"thanks, bye!", "gotta go, bye.", "talk later!", "see you!", "good night!",
      "that's all for now.", "thanks for the chat.", "bye for now.", "i'll talk to you tomorrow.",
      "catch you later.", "okay, i'm off.", "have a good one!"};
  p.guide_closings = {"bye! take care.", "talk soon!", "see you later!", "good night, sleep well.",
      "it was nice chatting.", "bye, have a great day!", "take care of yourself.",
      "until next time!", "see you tomorrow.", "happy to chat anytime."};
  return p;
}

}  // namespace

const Phrasings& AllPhrasings() {
  static const Phrasings all = MakeAll();
  return all;
}

Phrasings BuildPhrasings(bool validation) {
  Phrasings split = AllPhrasings();
  ForEachTemplateList(split, [validation](Templates& list) {
    Templates kept;
    for (size_t i = 0; i < list.size(); ++i) {
      if (IsHeldOutPhrasing(i) == validation) kept.push_back(list[i]);
    }
    list = std::move(kept);
  });
  return split;
}

}  // namespace brainhost::regions
