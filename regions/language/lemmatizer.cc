#include "language/lemmatizer.h"

#include <libstemmer.h>

#include <fstream>
#include <stdexcept>

#include "language/model_file.h"

namespace brainhost::regions {

constexpr std::string_view kIrregularHeader = "# brainhost irregular v1";

void Lemmatizer::StemmerDeleter::operator()(sb_stemmer* stemmer) const {
  sb_stemmer_delete(stemmer);
}

Lemmatizer::Lemmatizer(std::map<std::string, std::string, std::less<>> irregular)
    : irregular_(std::move(irregular)), stemmer_(sb_stemmer_new("english", "UTF_8")) {
  if (!stemmer_) throw std::runtime_error("libstemmer: no UTF-8 english stemmer");
}

Lemmatizer Lemmatizer::Load(const std::filesystem::path& path) {
  std::ifstream in = OpenModelFile(path, kIrregularHeader, "irregular-form table");
  std::string line;
  std::map<std::string, std::string, std::less<>> irregular;
  while (std::getline(in, line)) {
    size_t tab = line.find('\t');
    if (tab == std::string::npos || tab == 0 || tab + 1 == line.size()) {
      throw std::runtime_error(path.string() + ": malformed line '" + line + "'");
    }
    irregular.emplace(line.substr(0, tab), line.substr(tab + 1));
  }
  return Lemmatizer(std::move(irregular));
}

std::string Lemmatizer::Lemma(std::string_view lower) const {
  if (lower.ends_with("'s")) {
    lower.remove_suffix(2);
  } else if (lower.ends_with('\'')) {
    lower.remove_suffix(1);
  }
  auto it = irregular_.find(lower);
  return it != irregular_.end() ? it->second : std::string(lower);
}

std::string Lemmatizer::Stem(std::string_view lower) const {
  std::string lemma = Lemma(lower);
  const sb_symbol* stem = sb_stemmer_stem(
      stemmer_.get(), reinterpret_cast<const sb_symbol*>(lemma.data()), static_cast<int>(lemma.size()));
  if (stem == nullptr) return lemma;  // out of memory inside libstemmer: the lemma still works
  return std::string(reinterpret_cast<const char*>(stem),
                     static_cast<size_t>(sb_stemmer_length(stemmer_.get())));
}

}  // namespace brainhost::regions
