// The conversation as the cortex reads it: tokens in the corpus's turn format,
//
//   <s> U: hi there\n G: hello!\n U: my dog is named Buddy\n [G:]
//
// the recent exchanges that fit a token budget, then the user's line of this turn, then "G:"
// when a reply is to follow. Each line is encoded on its own, which gives the same tokens as
// encoding the whole conversation: no piece of the vocabulary crosses a newline, and "U:"
// and "G:" are always single tokens (tokenizer/special_tokens.h).
//
// The window is sticky: once older exchanges have to go to make room, PromptWindow drops them
// until the history fills at most half of what is left, and keeps that first exchange on the
// next turns. So a prompt usually extends the previous one, and the KV cache of the tokens
// already run can be reused (cortex_region.h); the history is cut again only every few turns.
//
// What it is not: no model, no sampling. Dimension legend in config.h.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "tokenizer/tokenizer.h"

namespace brainhost::regions::cortex {

// One earlier turn of the conversation.
struct Exchange {
  std::int64_t turn_index = 0;  // its index in the session; increasing
  std::string user;             // what the user said
  std::string reply;            // what was replied, whoever replied
};

struct Prompt {
  std::vector<int> tokens;  // <s>, exchanges, "U:", the line's tokens, newline [, "G:"]
  // tokens[line_begin, line_end) are the user's text of this turn (after "U:", before the
  // newline); spans[i] is the bytes [first, second) of the user's text that
  // tokens[line_begin + i] stands for.
  std::size_t line_begin = 0, line_end = 0;
  std::vector<std::pair<std::size_t, std::size_t>> spans;
  bool cut = false;        // the line alone exceeded the budget: only its last tokens are in
  int exchanges = 0;       // how many earlier exchanges the prompt holds
};

// text on one line, as the prompt holds it: a newline inside would end the line early, so
// newlines (and carriage returns) become spaces.
std::string OneLine(std::string_view text);

class PromptWindow {
 public:
  // tokenizer must outlive the window.
  explicit PromptWindow(const Tokenizer& tokenizer) : tokenizer_(tokenizer) {}

  // The prompt for user_text after history (oldest first, turn indices increasing), of at most
  // budget tokens; with reply_cue, ending in "G:". Newlines inside any text become spaces.
  // REQUIRES: budget >= 5 (<s>, "U:", one token of text, newline, "G:").
  Prompt Build(const std::vector<Exchange>& history, std::string_view user_text, bool reply_cue,
               int budget);

  // Forgets the sticky start: the next Build takes as much history as fits.
  void Reset() { first_turn_ = -1; }

 private:
  const Tokenizer& tokenizer_;
  std::int64_t first_turn_ = -1;  // the turn index the window starts at; -1: none chosen yet
};

}  // namespace brainhost::regions::cortex
