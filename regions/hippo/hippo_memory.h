// HippoMemory: what the hippo remembers of a conversation, and which of it a question reads.
//
// It hears every user line with what the cortex perceived of it (the tokens, their surprise and
// final hidden states: plugins/cortex_slots.h), and remembers the declarative ones with their
// tokens; questions are not facts, and the system's replies are never heard. A question about the
// user ("my", "i"; never "your") that the episodic parser reads as asking for a fact, and not about
// something of the user's never mentioned (by name or by a kind of it: "my rat" is "my pet",
// language/kinds.h), selects memories: the remembered lines the episodic retriever's Score binds to
// it (episodic/retriever.h) when one of them holds a value; else, of every remembered line
// with a value, not a request ("tell me a joke."), those whose value can be what it asks for
// (AskedFor: "mate" is a drink, "board games" an activity), then (for a question about the
// user) those not about a thing of theirs, then those that mention the thing asked about or a
// kind of it, then those that share a word with it, then those whose value usually is what it
// asks for; and of those still several, the one the question refers to by the cortex's reading
// (question_surprise.h: "what city am i in?" after "i grew up in Oslo" shares no word with it).
// Memory j of a line is token j's hidden state, voting for token j + 1 (the last for the
// newline that ended the line), with the surprise of that next token and its age in user
// tokens. The match is on the episodic store's scale, so the two memories compare. Lines older
// than the window are forgotten; the episodic store keeps them.
//
// "forget X" (read as the dialogue region reads the command: episodic/phrases.h's CommandWords)
// makes it forget every line that mentions X, as the store forgets the fact.
//
// Each selected line also has its value for the question (line_value.h): what a recall copies
// whole (hippo_read.h's Recall); a line with no value cannot be recalled.
//
// What it is not: no parameters and no read (hippo_model.h, hippo_read.h).
#pragma once

#include <cstdint>
#include <deque>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "hippo/hippo_model.h"
#include "hippo/line_value.h"
#include "hippo/question_surprise.h"
#include "language/kinds.h"
#include "language/language_models.h"
#include "episodic/query.h"
#include "memory/memory_store.h"

namespace brainhost::regions::hippo {

// The memories a question selected: the tokens of one or more remembered lines.
struct Selection {
  double match = 0;           // the best line's Score (episodic/retriever.h); 0 when none bound
  std::vector<float> h;       // (M, C)
  std::vector<float> surprise, age;  // (M)
  std::vector<int> tokens, targets;  // (M)
  // The selected lines' values, each as its tokens then −1, and for each memory where its
  // line's value starts in values, or −1 when neither its token nor its target is in it.
  std::vector<int> values, value_of;  // (K), (M)
  // The read's input over these memories (no query, logits or target yet).
  HippoInput<float> input() const;
};

class HippoMemory {
 public:
  // models and kinds must outlive the memory. newline: the cortex's newline token, which the
  // last token of a line votes for. window: how many user turns back a line is remembered.
  // question_surprise tells which of several unbound lines a question refers to; without one
  // (empty), the learned read alone tells them apart.
  HippoMemory(const LanguageModels& models, const Kinds& kinds, int newline, int window,
              QuestionSurprise question_surprise);

  // One user turn (turn indices increasing). Returns the selection when line is a question
  // about the user and lines are remembered; remembers line when it is not a question.
  std::optional<Selection> Hear(std::int64_t turn_index, std::string_view line,
                                const PerceivedLine& perceived);

 private:
  struct Line {
    std::int64_t turn_index = 0;
    std::int64_t first_token = 0;  // user tokens heard before it
    std::string text;
    std::optional<Fact> fact;  // what the episodic encoder reads in it, if anything
    bool request = false;      // asks something of the assistant: "tell me a joke."
    std::vector<std::string> stems;  // of its words
    std::vector<std::string> nouns;  // its uncapitalized words' lemmas, and each two joined
                                     // ("guinea_pig")
    std::vector<int> tokens, token_words;  // (n)
    std::vector<float> surprise, hidden;  // (n), (n, C)
  };

  // The words of line that are kinds of thing ("rat" for "pet": language/kinds.h), a
  // compound's words apart ("guinea", "pig").
  std::vector<std::string> KindsIn(const Line& line, std::string_view thing) const;
  // Whose name line's value is: "user" for the user's own ("call me Ilovi"), the being said
  // before it ("husband" in "my husband Ilovi"), or empty when it is no name or nobody's
  // that the line says (a place's: "in Ilovi").
  std::string NameOf(const Line& line, TokenSpan value) const;
  // True when line's value (not empty) can be what is asked for; with usual, in its first
  // sense (Kinds::CanBe).
  bool CanAnswer(const Line& line, TokenSpan value, const AskedFor& asked, bool usual) const;
  // Of candidates, the line whose absence raises the surprise at question most.
  const Line* Referent(const std::vector<const Line*>& candidates,
                       std::string_view question) const;

  const LanguageModels& models_;
  const Kinds& kinds_;
  int newline_, window_;
  QuestionSurprise question_surprise_;
  std::int64_t heard_ = 0;  // user tokens heard so far
  std::deque<Line> lines_;  // oldest first
};

}  // namespace brainhost::regions::hippo
