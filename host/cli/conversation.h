// Conversation: turns user lines into reply lines for one session, the part of `chat` and
// `demo` that does not care where lines come from.
//
// Each input line gives exactly one reply, never containing a newline, so a script can pair
// them. Lines that cannot be a turn (invalid UTF-8, longer than kMaxLineBytes) get a reply
// that says why, and nothing is stored. Lines starting with '/' are commands.
#ifndef BRAINHOST_HOST_CLI_CONVERSATION_H
#define BRAINHOST_HOST_CLI_CONVERSATION_H

#include <cstdint>
#include <functional>
#include <string>
#include <string_view>
#include <utility>

#include "cli/sleep.h"
#include "turn/session.h"

namespace brainhost {

// A longer line is refused: no region needs more, and it bounds what one turn can store.
inline constexpr size_t kMaxLineBytes = 64 * 1024;

class Conversation {
 public:
  // What /sleep runs (cli/sleep.h): it sleeps the brain, sets *session to the session to go on
  // in (a new instance of the same session, whose regions load the new cortex version), and
  // returns what to tell the user.
  using Sleeper = std::function<std::string(Session** session)>;

  // REQUIRES: session outlives the conversation, and so does fatigue when not null. Past
  // fatigue_tokens, the conversation suggests sleeping once (Note). Without a sleeper, /sleep
  // says it is not available here.
  Conversation(Session* session, bool jsonl, Sleeper sleeper = {}, Fatigue* fatigue = nullptr,
               int64_t fatigue_tokens = 0)
      : session_(session),
        jsonl_(jsonl),
        sleeper_(std::move(sleeper)),
        fatigue_(fatigue),
        fatigue_tokens_(fatigue_tokens) {}

  // The reply line for one input line (without its newline). Sets done when the user asked
  // to end the conversation.
  std::string Reply(std::string_view line, bool* done);

  // A note for the user beside the replies ("... tokens since the last sleep"), once; empty
  // when there is none.
  std::string TakeNote() { return std::exchange(note_, {}); }

 private:
  std::string Refuse(const std::string& why) const;
  std::string Command(std::string_view command, bool* done);

  Session* session_;
  bool jsonl_;
  Sleeper sleeper_;
  Fatigue* fatigue_;
  int64_t fatigue_tokens_;
  bool suggested_ = false;
  std::string note_;
};

}  // namespace brainhost

#endif  // BRAINHOST_HOST_CLI_CONVERSATION_H
