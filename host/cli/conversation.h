// Conversation: turns user lines into reply lines for one session, the part of `chat` and
// `demo` that does not care where lines come from.
//
// Each input line gives exactly one reply, never containing a newline, so a script can pair
// them. Lines that cannot be a turn (invalid UTF-8, longer than kMaxLineBytes) get a reply
// that says why, and nothing is stored. Lines starting with '/' are commands.
#ifndef BRAINHOST_HOST_CLI_CONVERSATION_H
#define BRAINHOST_HOST_CLI_CONVERSATION_H

#include <string>
#include <string_view>

#include "turn/session.h"

namespace brainhost {

// A longer line is refused: no region needs more, and it bounds what one turn can store.
inline constexpr size_t kMaxLineBytes = 64 * 1024;

class Conversation {
 public:
  // REQUIRES: session outlives the conversation.
  Conversation(Session* session, bool jsonl) : session_(session), jsonl_(jsonl) {}

  // The reply line for one input line (without its newline). Sets done when the user asked
  // to end the conversation.
  std::string Reply(std::string_view line, bool* done);

 private:
  std::string Refuse(const std::string& why) const;
  std::string Command(std::string_view command, bool* done) const;

  Session* session_;
  bool jsonl_;
};

}  // namespace brainhost

#endif  // BRAINHOST_HOST_CLI_CONVERSATION_H
