#include "plugin/conversation_extension.h"

#include <vector>

#include "plugin/conversation_backend.h"
#include "plugin/region_instance.h"

namespace brainhost {

namespace {

ConversationBackend* Backend(const bh_host* host) {
  return static_cast<RegionInstance*>(host->host_data)->conversation();
}

bh_status Recent(const bh_host* host, uint32_t limit, bh_exchange_visitor visit, void* context) {
  if (visit == nullptr) return BH_ERR_INVALID_ARGUMENT;
  std::vector<Exchange> exchanges;
  // SQLite's LIMIT is signed; no conversation is anywhere near this long.
  const int capped = limit > 1000000 ? 1000000 : static_cast<int>(limit);
  Status s = Backend(host)->RecentExchanges(capped, &exchanges);
  if (!s.ok()) return StatusToAbi(s);
  for (const Exchange& e : exchanges) {
    bh_exchange x{};
    x.struct_size = sizeof(bh_exchange);
    x.turn_index = static_cast<uint64_t>(e.turn_index);
    x.user_text = e.user_text.c_str();
    x.reply = e.reply.c_str();
    visit(context, &x);
  }
  return BH_OK;
}

constexpr bh_conversation kConversation = {sizeof(bh_conversation), &Recent};

}  // namespace

const bh_conversation* ConversationExtension() { return &kConversation; }

}  // namespace brainhost
