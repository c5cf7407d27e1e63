// Slot filling and casing (render.h). Kept to plain byte scans: the generator renders
// millions of templates and must stream tens of megabytes a second.
#include "corpus/render.h"

#include <stdexcept>

namespace brainhost::regions {
namespace {

const std::string* SlotValue(const Facts& f, std::string_view slot) {
  struct Entry {
    std::string_view name;
    const std::string Facts::*field;
  };
  static constexpr Entry kSlots[] = {
      {"name", &Facts::name},         {"age", &Facts::age},
      {"job", &Facts::job},           {"a_job", &Facts::a_job},
      {"years", &Facts::years},       {"pet", &Facts::pet},
      {"a_pet", &Facts::a_pet},       {"pet_name", &Facts::pet_name},
      {"num", &Facts::num},           {"rel", &Facts::rel},
      {"rel_name", &Facts::rel_name}, {"rel_job", &Facts::rel_job},
      {"a_rel_job", &Facts::a_rel_job}, {"city", &Facts::city},
      {"hobby", &Facts::hobby},       {"food", &Facts::food},
      {"plan", &Facts::plan},         {"plan_you", &Facts::plan_you},
      {"feeling", &Facts::feeling},   {"weather", &Facts::weather},
      {"drink", &Facts::drink},       {"color", &Facts::color}};
  for (const Entry& entry : kSlots) {
    if (entry.name == slot) return &(f.*entry.field);
  }
  return nullptr;
}

}  // namespace

std::string WithArticle(std::string_view noun) {
  const char first = noun.empty() ? 'x' : noun[0];
  const bool vowel = first == 'a' || first == 'e' || first == 'i' || first == 'o' || first == 'u';
  std::string out = vowel ? "an " : "a ";
  out += noun;
  return out;
}

std::string MyToYour(std::string_view text) {
  std::string out;
  size_t i = 0;
  while (i < text.size()) {
    const bool word_start = i == 0 || text[i - 1] == ' ';
    if (word_start && text.substr(i, 2) == "my" && (i + 2 == text.size() || text[i + 2] == ' ')) {
      out += "your";
      i += 2;
    } else {
      out += text[i++];
    }
  }
  return out;
}

void RenderTemplate(std::string_view text, const Facts& facts, std::string& out) {
  size_t i = 0;
  while (i < text.size()) {
    const size_t open = text.find('{', i);
    if (open == std::string_view::npos) {
      out.append(text.substr(i));
      return;
    }
    out.append(text.substr(i, open - i));
    const size_t close = text.find('}', open);
    if (close == std::string_view::npos)
      throw std::invalid_argument("corpus template has an unclosed '{': " + std::string(text));
    const std::string* value = SlotValue(facts, text.substr(open + 1, close - open - 1));
    if (value == nullptr)
      throw std::invalid_argument("corpus template has an unknown slot: " + std::string(text));
    out += *value;
    i = close + 1;
  }
}

void SentenceCase(std::string& out, size_t from) {
  bool sentence_start = true;
  for (size_t i = from; i < out.size(); ++i) {
    const char c = out[i];
    if (c == ' ') continue;
    if (c == 'i' && (i == from || out[i - 1] == ' ') &&
        (i + 1 == out.size() || out[i + 1] == ' ' || out[i + 1] == '\'' || out[i + 1] == ',' ||
         out[i + 1] == '.' || out[i + 1] == '?' || out[i + 1] == '!')) {
      out[i] = 'I';
    } else if (sentence_start && c >= 'a' && c <= 'z') {
      out[i] = static_cast<char>(c - 'a' + 'A');
    }
    // A sentence ends at . ! ? followed by a space; anything else continues it.
    sentence_start = (c == '.' || c == '!' || c == '?') && i + 1 < out.size() && out[i + 1] == ' ';
  }
}

}  // namespace brainhost::regions
