#include "language/unigram_model.h"

#include <cmath>
#include <fstream>
#include <stdexcept>

#include "language/model_file.h"

namespace brainhost::regions {

constexpr std::string_view kUnigramHeader = "# brainhost unigram v1";

UnigramModel UnigramModel::Load(const std::filesystem::path& path) {
  std::ifstream in = OpenModelFile(path, kUnigramHeader, "unigram model");
  std::string line;
  UnigramModel model;
  while (std::getline(in, line)) {
    size_t tab = line.find('\t');
    uint64_t count = 0;
    try {
      if (tab == std::string::npos || tab == 0) throw std::invalid_argument("no tab");
      count = std::stoull(line.substr(tab + 1));
    } catch (const std::exception&) {
      throw std::runtime_error(path.string() + ": malformed line '" + line + "'");
    }
    model.Add(std::string_view(line).substr(0, tab), count);
  }
  return model;
}

void UnigramModel::Add(std::string_view lower, uint64_t count) {
  counts_[std::string(lower)] += count;
  total_ += count;
}

uint64_t UnigramModel::Count(std::string_view lower) const {
  auto it = counts_.find(std::string(lower));
  return it == counts_.end() ? 0 : it->second;
}

double UnigramModel::Surprise(std::string_view lower) const {
  double denominator = static_cast<double>(total_) + static_cast<double>(counts_.size()) + 1.0;
  return -std::log((static_cast<double>(Count(lower)) + 1.0) / denominator);
}

}  // namespace brainhost::regions
