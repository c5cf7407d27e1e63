// UnigramModel: how surprising a word is, -log p(word), from word counts.
//
// It is the fallback for the cortex's per-token surprise: when a graph has no cortex, the
// episodic encoder ranks a sentence's words by this to find the one worth remembering
// ("gary" in "my name is gary"). Add-one smoothing gives an unseen word the largest surprise
// of all, so names and other rare words win.
#ifndef BRAINHOST_REGIONS_LANGUAGE_UNIGRAM_MODEL_H
#define BRAINHOST_REGIONS_LANGUAGE_UNIGRAM_MODEL_H

#include <cstdint>
#include <filesystem>
#include <string>
#include <string_view>
#include <unordered_map>

namespace brainhost::regions {

class UnigramModel {
 public:
  // Reads a "# brainhost unigram v1" line, then "word<TAB>count" lines (the format
  // TrainLanguageModels writes). Throws std::runtime_error naming the file on failure.
  static UnigramModel Load(const std::filesystem::path& path);

  // Adds count occurrences of lower.
  void Add(std::string_view lower, uint64_t count);

  // -ln((count(lower) + 1) / (total + vocabulary + 1)), in nats.
  double Surprise(std::string_view lower) const;

  uint64_t Count(std::string_view lower) const;
  size_t vocabulary() const { return counts_.size(); }

 private:
  std::unordered_map<std::string, uint64_t> counts_;
  uint64_t total_ = 0;
};

}  // namespace brainhost::regions

#endif  // BRAINHOST_REGIONS_LANGUAGE_UNIGRAM_MODEL_H
