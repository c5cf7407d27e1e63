// The host's "brainhost.conversation/1" extension: the bh_conversation table handed to regions.
#ifndef BRAINHOST_HOST_PLUGIN_CONVERSATION_EXTENSION_H
#define BRAINHOST_HOST_PLUGIN_CONVERSATION_EXTENSION_H

#include <brainhost/conversation.h>

namespace brainhost {

// The static table. Its function finds the calling instance's backend through
// host->host_data, which must be the RegionInstance (see region_instance.cc).
const bh_conversation* ConversationExtension();

}  // namespace brainhost

#endif  // BRAINHOST_HOST_PLUGIN_CONVERSATION_EXTENSION_H
