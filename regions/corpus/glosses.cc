// WordNet glosses as conversations. See glosses.h.
#include "corpus/glosses.h"

#include <array>
#include <fstream>
#include <ostream>
#include <stdexcept>
#include <string_view>
#include <vector>

#include "corpus/rng.h"

namespace brainhost::regions {
namespace {

constexpr std::array<std::string_view, 4> kFiles = {"data.noun", "data.verb", "data.adj",
                                                   "data.adv"};
constexpr std::array<std::string_view, 4> kAskMeaning = {
    "what does \"%\" mean?", "what is the meaning of \"%\"?", "define \"%\" for me?",
    "what's \"%\"?"};
constexpr std::array<std::string_view, 3> kAskExample = {
    "use it in a sentence?", "can you give me an example?", "how would i use it?"};

std::string_view Trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t' || s.back() == '\r')) s.remove_suffix(1);
  return s;
}

// A synset line's first word ("able", "hot_dog" → "hot dog", "ice(a)" → "ice").
std::string Lemma(std::string_view line) {
  // Fields: offset, lex_filenum, ss_type, w_cnt (hex), then word lex_id pairs.
  std::size_t pos = 0;
  for (int field = 0; field < 4; field++) pos = line.find(' ', pos) + 1;
  std::string word(line.substr(pos, line.find(' ', pos) - pos));
  if (const std::size_t paren = word.find('('); paren != std::string::npos) word.resize(paren);
  for (char& c : word) {
    if (c == '_') c = ' ';
  }
  return word;
}

void Replace(std::string& text, std::string_view placeholder, std::string_view with) {
  const std::size_t at = text.find(placeholder);
  if (at != std::string::npos) text.replace(at, placeholder.size(), with);
}

}  // namespace

size_t GenerateGlossDialogues(const std::string& wordnet_dir, uint64_t seed, std::ostream& out) {
  Rng rng(seed ^ 0x67105535ull);
  size_t bytes = 0;
  for (std::string_view file : kFiles) {
    const std::string path = wordnet_dir + "/" + std::string(file);
    std::ifstream in(path);
    if (!in) throw std::runtime_error(path + ": cannot read the WordNet glosses");
    std::string line;
    while (std::getline(in, line)) {
      if (line.empty() || line[0] == ' ') continue;  // the licence header is indented
      const std::size_t bar = line.find(" | ");
      if (bar == std::string::npos) continue;
      const std::string lemma = Lemma(line);
      // The gloss: a definition, then examples in double quotes, separated by "; ".
      std::string_view gloss = Trim(std::string_view(line).substr(bar + 3));
      std::string_view definition = gloss.substr(0, gloss.find("; \""));
      if (const std::size_t quote = definition.find('"'); quote != definition.npos) {
        definition = definition.substr(0, quote);
      }
      definition = Trim(definition);
      while (!definition.empty() && definition.back() == ';') definition.remove_suffix(1);
      if (lemma.empty() || definition.empty()) continue;
      std::string_view example;
      if (const std::size_t open = gloss.find('"'); open != gloss.npos) {
        const std::size_t close = gloss.find('"', open + 1);
        if (close != gloss.npos) example = gloss.substr(open, close - open + 1);
      }

      std::string ask(kAskMeaning[rng.Below(kAskMeaning.size())]);
      Replace(ask, "%", lemma);
      std::string text = "U: " + ask + "\nG: " + lemma + ": " + std::string(definition) + ".\n";
      if (!example.empty()) {
        text += "U: " + std::string(kAskExample[rng.Below(kAskExample.size())]) + "\nG: " +
                std::string(example) + "\n";
      }
      text += "\n";
      out << text;
      bytes += text.size();
    }
  }
  if (!out) throw std::runtime_error("cannot write the gloss dialogues");
  return bytes;
}

}  // namespace brainhost::regions
