#include "language/train_language.h"

#include <algorithm>
#include <cstdint>
#include <fstream>
#include <map>
#include <sstream>
#include <stdexcept>
#include <string>
#include <utility>
#include <vector>

#include "language/function_words.h"
#include "language/tokenizer.h"

namespace brainhost::regions {
namespace {

std::ifstream OpenInput(const std::filesystem::path& path) {
  std::ifstream in(path);
  if (!in) throw std::runtime_error("cannot read WordNet file " + path.string());
  return in;
}

// Adds the words of every gloss in one data.* file. Lines that start with a space are the
// license header; a gloss is everything after the line's '|'.
void CountGlosses(const std::filesystem::path& path, std::map<std::string, uint64_t>* counts) {
  std::ifstream in = OpenInput(path);
  std::string line;
  while (std::getline(in, line)) {
    if (line.empty() || line[0] == ' ') continue;
    size_t bar = line.find('|');
    if (bar == std::string::npos) continue;
    for (const Token& token : Tokenize(std::string_view(line).substr(bar + 1))) {
      ++(*counts)[token.lower];
    }
  }
}

// Adds "form base [base...]" lines of one *.exc file; an earlier entry for a form wins.
void ReadExceptions(const std::filesystem::path& path, std::map<std::string, std::string>* forms) {
  std::ifstream in = OpenInput(path);
  std::string line;
  while (std::getline(in, line)) {
    std::istringstream fields(line);
    std::string form, base;
    if (fields >> form >> base && form != base) forms->emplace(form, base);
  }
}

// WordNet's noun senses as kinds.tsv rows (kinds.h): each synset of data.noun, numbered in the
// file's order, with its hypernyms ("@", and "@i" for an instance) and whether any sense is
// a kind of it ("~", "~i"); then each lemma of index.noun with its senses, most frequent first.
// Returns the number of lemmas.
size_t WriteKinds(const std::filesystem::path& wordnet_dir, const std::filesystem::path& path) {
  struct Sense {
    std::vector<std::string> hypernyms;  // offsets
    bool has_kinds = false;
  };
  std::vector<std::pair<std::string, Sense>> senses;  // by offset, in file order
  std::map<std::string, size_t> index;               // offset -> row
  {
    std::ifstream in = OpenInput(wordnet_dir / "data.noun");
    std::string line;
    while (std::getline(in, line)) {
      if (line.empty() || line[0] == ' ') continue;
      std::istringstream fields(line.substr(0, line.find('|')));
      std::string offset, lex_file, pos, count_hex, field;
      fields >> offset >> lex_file >> pos >> count_hex;
      const unsigned long words = std::stoul(count_hex, nullptr, 16);
      for (unsigned long i = 0; i < 2 * words; i++) fields >> field;  // word, lex_id
      int pointers = 0;
      fields >> pointers;
      Sense sense;
      for (int i = 0; i < pointers; i++) {
        std::string symbol, target, target_pos, source_target;
        fields >> symbol >> target >> target_pos >> source_target;
        if (target_pos != "n") continue;
        if (symbol == "@" || symbol == "@i") sense.hypernyms.push_back(target);
        if (symbol == "~" || symbol == "~i") sense.has_kinds = true;
      }
      index.emplace(offset, senses.size());
      senses.emplace_back(offset, std::move(sense));
    }
  }
  auto row = [&](const std::string& offset) {
    const auto found = index.find(offset);
    if (found == index.end()) throw std::runtime_error("data.noun has no synset " + offset);
    return std::to_string(found->second);
  };
  std::ofstream out(path, std::ios::trunc);
  out << "# brainhost kinds v1\n";
  for (const auto& [offset, sense] : senses) {
    out << "s\t";
    for (size_t i = 0; i < sense.hypernyms.size(); i++) {
      out << (i ? "," : "") << row(sense.hypernyms[i]);
    }
    out << '\t' << (sense.has_kinds ? 1 : 0) << '\n';
  }
  std::ifstream in = OpenInput(wordnet_dir / "index.noun");
  std::string line;
  size_t lemmas = 0;
  while (std::getline(in, line)) {
    if (line.empty() || line[0] == ' ') continue;
    // lemma pos synset_cnt p_cnt [ptr_symbol...] sense_cnt tagsense_cnt synset_offset...
    std::istringstream fields(line);
    std::string lemma, pos, field;
    int synsets = 0, pointer_kinds = 0;
    fields >> lemma >> pos >> synsets >> pointer_kinds;
    for (int i = 0; i < pointer_kinds + 2; i++) fields >> field;
    out << "w\t" << lemma << '\t';
    for (int i = 0; i < synsets && fields >> field; i++) out << (i ? "," : "") << row(field);
    out << '\n';
    lemmas++;
  }
  out.flush();
  if (!out) throw std::runtime_error("cannot write " + path.string());
  return lemmas;
}

template <class Map>
void WriteTable(const std::filesystem::path& path, std::string_view header, const Map& rows) {
  std::ofstream out(path, std::ios::trunc);
  out << header << '\n';
  for (const auto& [key, value] : rows) out << key << '\t' << value << '\n';
  out.flush();
  if (!out) throw std::runtime_error("cannot write " + path.string());
}

}  // namespace

LanguageTrainingReport TrainLanguageModels(const std::filesystem::path& wordnet_dir,
                                           const std::filesystem::path& out_dir) {
  std::map<std::string, uint64_t> counts;
  for (const char* name : {"data.noun", "data.verb", "data.adj", "data.adv"}) {
    CountGlosses(wordnet_dir / name, &counts);
  }
  uint64_t top = 1;
  for (const auto& [word, count] : counts) top = std::max(top, count);
  for (std::string_view word : FunctionWords()) {
    uint64_t& count = counts[std::string(word)];
    count = std::max(count, top);
  }

  std::map<std::string, std::string> forms;
  for (const char* name : {"verb.exc", "noun.exc", "adj.exc"}) {
    ReadExceptions(wordnet_dir / name, &forms);
  }

  std::error_code error;
  std::filesystem::create_directories(out_dir, error);
  if (error) throw std::runtime_error("cannot create " + out_dir.string() + ": " + error.message());
  WriteTable(out_dir / "unigram.tsv", "# brainhost unigram v1", counts);
  WriteTable(out_dir / "irregular.tsv", "# brainhost irregular v1", forms);
  const size_t nouns = WriteKinds(wordnet_dir, out_dir / "kinds.tsv");
  return {counts.size(), forms.size(), nouns};
}

}  // namespace brainhost::regions
