// Lemmatizer: reduces a lowercase word to the stem used in memory cues, so "drank" and
// "drink", "works" and "work", "mice" and "mouse" meet in the same cue.
//
// Irregular forms come first, from a table built from WordNet's *.exc files (see
// train_language.h); every other word goes through the Snowball English stemmer. Stems are
// keys, not words ("buddi"): never show them to the user.
//
// Not thread-safe: the Snowball stemmer keeps a buffer per instance. One Lemmatizer per region.
#ifndef BRAINHOST_REGIONS_LANGUAGE_LEMMATIZER_H
#define BRAINHOST_REGIONS_LANGUAGE_LEMMATIZER_H

#include <filesystem>
#include <map>
#include <memory>
#include <string>
#include <string_view>

struct sb_stemmer;

namespace brainhost::regions {

class Lemmatizer {
 public:
  // irregular maps an inflected form to its base form ("went" -> "go").
  // Throws std::runtime_error if libstemmer has no UTF-8 English stemmer.
  explicit Lemmatizer(std::map<std::string, std::string, std::less<>> irregular);

  // Reads the irregular table written by TrainLanguageModels: a "# brainhost irregular v1"
  // line, then "form<TAB>base" lines. Throws std::runtime_error naming the file on failure.
  static Lemmatizer Load(const std::filesystem::path& path);

  // The base form of lower: the irregular table's entry, else lower itself, without a
  // possessive "'s" or "'". Used for question/answer words that must stay readable.
  std::string Lemma(std::string_view lower) const;

  // The cue stem of lower: Snowball's stem of Lemma(lower). Not thread-safe, const as it is:
  // the Snowball stemmer writes its own buffer, so each thread needs its own Lemmatizer.
  std::string Stem(std::string_view lower) const;

  size_t irregular_count() const { return irregular_.size(); }

 private:
  struct StemmerDeleter {
    void operator()(sb_stemmer* stemmer) const;
  };
  std::map<std::string, std::string, std::less<>> irregular_;
  std::unique_ptr<sb_stemmer, StemmerDeleter> stemmer_;
};

}  // namespace brainhost::regions

#endif  // BRAINHOST_REGIONS_LANGUAGE_LEMMATIZER_H
