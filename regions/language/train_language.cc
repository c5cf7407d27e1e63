#include "language/train_language.h"

#include <algorithm>
#include <cstdint>
#include <fstream>
#include <map>
#include <sstream>
#include <stdexcept>
#include <string>

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
  return {counts.size(), forms.size()};
}

}  // namespace brainhost::regions
