// brainhost::dialogue: yes/no coverage, corrections that chain (and survive a restart),
// coreference, self-knowledge, memory commands, and the state's serialisation.
#include <doctest/doctest.h>

#include <memory>

#include "dialogue/dialogue_region.h"
#include "episodic/episodic_region.h"
#include "in_memory_store.h"
#include "test_models.h"

namespace brainhost::regions {
namespace {

// The graph the regions are meant for: dialogue first, then episodic.
struct Chat {
  InMemoryStore store;
  std::unique_ptr<DialogueRegion> dialogue = std::make_unique<DialogueRegion>(TestModels());
  EpisodicRegion episodic{TestModels()};

  // The first reply at or above 0.5 confidence, as the default graph would pick; else the
  // low-confidence acknowledgement; else "".
  std::string Say(std::string_view line) {
    std::optional<Reply> low;
    if (auto reply = dialogue->Turn(line, nullptr, store)) {
      if (reply->confidence >= 0.5) return reply->text;
      low = reply;
    }
    if (auto reply = episodic.Turn(line, nullptr, store)) {
      if (reply->confidence >= 0.5 || !low) return reply->text;
    }
    return low ? low->text : "";
  }
  // A new process over the same brain: the regions are rebuilt, the state restored.
  void Restart() {
    std::string saved = dialogue->SaveState();
    dialogue = std::make_unique<DialogueRegion>(TestModels());
    dialogue->LoadState(saved);
  }
};

TEST_CASE("yes/no questions use coverage and correct false premises") {
  Chat chat;
  chat.Say("i work as a nurse");
  chat.Say("my cat is named Luna");
  CHECK(chat.Say("am i a nurse?") == "yes.");
  CHECK(chat.Say("am i a doctor?") == "not that i know.");
  CHECK(chat.Say("is my cat named Rex?") == "no, what i remember is Luna.");
  CHECK(chat.Say("is my cat named Luna") == "yes.");
  CHECK(chat.Say("is my dog named Rex?") == "not that i know.");
  chat.Say("i like climbing");
  CHECK(chat.Say("do i like climbing?") == "yes.");
  CHECK(chat.Say("do i like opera?") == "not that i know.");
  chat.Say("my brother lives in Oslo");
  CHECK(chat.Say("does my brother live in Oslo?") == "yes.");
  CHECK(chat.Say("does my brother live in Bergen?") == "no, what i remember is Oslo.");
  CHECK(chat.Say("is today monday?") == "");  // a world fact never taught: other regions answer
}

TEST_CASE("corrections chain and stick across a restart") {
  Chat chat;
  chat.Say("my name is Gary");
  CHECK(chat.Say("what is my name?") == "Gary.");
  CHECK(chat.Say("no wait it's Garrett") == "ok, Garrett.");
  CHECK(chat.Say("what is my name?") == "Garrett.");
  CHECK(chat.Say("actually it's Gareth") == "ok, Gareth.");
  CHECK(chat.Say("what is my name?") == "Gareth.");
  chat.Restart();
  CHECK(chat.Say("what is my name?") == "Gareth.");
  CHECK(chat.store.Find("user", "name", true).size() == 3);
  CHECK(chat.Say("sorry, Gerald") == "ok, Gerald.");
  chat.Restart();
  CHECK(chat.Say("what is my name?") == "Gerald.");
  CHECK(chat.Say("no problem") != "ok, problem.");
  CHECK(chat.Say("what is my name?") == "Gerald.");
}

TEST_CASE("a correction rebinds the fact just stated, not another one") {
  Chat chat;
  chat.Say("my dog is named Buddy");
  chat.Say("my parrot is named Kiwi");
  CHECK(chat.Say("no wait it's Mango") == "ok, Mango.");
  CHECK(chat.Say("what is my parrot's name?") == "Mango.");
  CHECK(chat.Say("what is my dog's name?") == "Buddy.");
}

TEST_CASE("coreference binds a pronoun to the entity last introduced") {
  Chat chat;
  chat.Say("i adopted a puppy");
  chat.Say("the weather is lovely");
  CHECK(chat.Say("her name is Mochi") == "got it.");
  CHECK(chat.Say("what's my puppy's name?") == "Mochi.");
  chat.Say("my neighbour has a ferret");
  chat.Say("my aunt is a pilot");
  chat.Say("she lives in Lisbon");
  CHECK(chat.Say("where does my aunt live?") == "Lisbon.");
  chat.Restart();
  chat.Say("she is 54 years old");
  CHECK(chat.Say("how old is my aunt?") == "54.");
  // An attribute of the user is not a thing "it" stands for.
  Chat other;
  other.Say("my hobby is board games.");
  other.Say("it's monday again.");
  CHECK(other.Say("what's my hobby?") == "board games.");
}

TEST_CASE("self-knowledge is honest and never leaks the user's name") {
  Chat chat;
  chat.Say("my name is Gary");
  CHECK(chat.Say("what is your name?") == "my name is brainhost.");
  CHECK(chat.Say("whats your name") == "my name is brainhost.");
  CHECK(chat.Say("are you a real person?").find("not a real person") != std::string::npos);
  CHECK(chat.Say("are you human").find("program") != std::string::npos);
  CHECK(chat.Say("are you a robot?").rfind("yes", 0) == 0);
  CHECK(chat.Say("who are you?").find("brainhost") != std::string::npos);
  CHECK(chat.Say("what is your name?").find("Gary") == std::string::npos);
}

TEST_CASE("memory commands: remember verbatim, list newest first, forget everywhere") {
  Chat chat;
  CHECK(chat.Say("remember that my locker code is 4417") == "ok, i'll remember that.");
  CHECK(chat.Say("what is my locker code?") == "4417.");
  CHECK(chat.Say("remember to water the ficus") == "ok, i'll remember that.");
  const Fact& note = chat.store.rows().back();
  CHECK(note.relation == "note");
  CHECK(note.value == "to water the ficus");
  chat.Say("my dog is named Buddy");
  chat.Say("actually my dog is named Max now");
  chat.Say("today is friday");
  CHECK(chat.Say("what do you remember about me?") ==
        "you told me: your dog's name is Max; to water the ficus; your locker code is 4417.");
  CHECK(chat.Say("forget my dog's name") == "ok, i forgot that your dog's name is Max.");
  CHECK(chat.store.Find("user.dog", "name", true).empty());  // the history went too
  CHECK(chat.Say("what is my dog's name?") == "i don't know.");
  CHECK(chat.Say("forget my passport number") == "i don't remember anything about that.");
  CHECK(chat.Say("what is today?") == "friday.");
  Chat empty;
  CHECK(empty.Say("what do you know about me").rfind("nothing yet", 0) == 0);
}

TEST_CASE("questions about things never said get no value from other memories") {
  Chat chat;
  chat.Say("my sister is a nurse");
  chat.Say("my dog is named Buddy");
  chat.Say("i live in Nairobi");
  for (std::string_view line : {"what is my name?", "what is my cat's name?", "where do i work?",
                                "how old am i?", "what is my brother's job?"}) {
    std::string reply = chat.Say(line);
    CHECK_MESSAGE(reply == "i don't know.", line);
  }
  for (std::string_view line : {"am i a nurse?", "is my cat named Buddy?", "do i live in Paris?"}) {
    std::string reply = chat.Say(line);
    CHECK_MESSAGE((reply == "not that i know." || reply.rfind("no, what i remember is Nairobi", 0) == 0), line);
  }
}

TEST_CASE("dialogue state round-trips and tolerates garbage") {
  DialogueState state{"user.dog", "name", "puppy"};
  CHECK(DialogueState::Parse(state.Serialize()).Serialize() == state.Serialize());
  DialogueState parsed = DialogueState::Parse(state.Serialize());
  CHECK(parsed.subject == "user.dog");
  CHECK(parsed.relation == "name");
  CHECK(parsed.entity == "puppy");
  CHECK(DialogueState::Parse("garbage").subject.empty());
  CHECK(DialogueState::Parse("").entity.empty());
  CHECK(DialogueState::Parse("brainhost.dialogue.state/2\nsubject=x\n").subject.empty());
}

}  // namespace
}  // namespace brainhost::regions
