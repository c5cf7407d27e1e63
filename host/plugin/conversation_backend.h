// ConversationBackend: what the host's "brainhost.conversation/1" extension forwards to.
//
// The brain implements it for one session (host/turn/brain_services.h); the plugin layer only
// sees this interface.
#ifndef BRAINHOST_HOST_PLUGIN_CONVERSATION_BACKEND_H
#define BRAINHOST_HOST_PLUGIN_CONVERSATION_BACKEND_H

#include <cstdint>
#include <string>
#include <vector>

#include "status.h"

namespace brainhost {

struct Exchange {
  int64_t turn_index = 0;
  std::string user_text;
  std::string reply;
};

class ConversationBackend {
 public:
  virtual ~ConversationBackend() = default;
  // The session's last `limit` recorded turns, oldest first.
  virtual Status RecentExchanges(int limit, std::vector<Exchange>* out) = 0;
};

}  // namespace brainhost

#endif  // BRAINHOST_HOST_PLUGIN_CONVERSATION_BACKEND_H
