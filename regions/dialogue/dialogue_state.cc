#include "dialogue/dialogue_state.h"

namespace brainhost::regions {

constexpr std::string_view kStateHeader = "brainhost.dialogue.state/1";

std::string DialogueState::Serialize() const {
  return std::string(kStateHeader) + "\nsubject=" + subject + "\nrelation=" + relation +
         "\nentity=" + entity + "\n";
}

DialogueState DialogueState::Parse(std::string_view text) {
  DialogueState state;
  size_t end = text.find('\n');
  if (text.substr(0, end) != kStateHeader) return state;
  while (end != std::string_view::npos) {
    size_t begin = end + 1;
    end = text.find('\n', begin);
    std::string_view line = text.substr(begin, end == std::string_view::npos ? end : end - begin);
    size_t eq = line.find('=');
    if (eq == std::string_view::npos) continue;
    std::string_view key = line.substr(0, eq);
    std::string value(line.substr(eq + 1));
    if (key == "subject") state.subject = value;
    if (key == "relation") state.relation = value;
    if (key == "entity") state.entity = value;
  }
  return state;
}

}  // namespace brainhost::regions
