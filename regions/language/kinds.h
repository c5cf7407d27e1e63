// Kinds: which nouns are kinds of which, from WordNet's noun hierarchy (kinds.tsv, written by
// TrainLanguageModels).
//
// The hippo's gate asks it: "what's my pet's name?" is about a thing the user mentioned when a
// line says "my rat Zenjoju", though no line says "pet". A word is a kind of another when one
// of its senses has the other's first (most frequent) sense among its hypernyms, at any
// height: a parrot is a bird, a bird is an animal. And a noun with no kinds of its own names a
// role rather than a kind: a pet is an animal someone keeps. Such a role covers every kind of
// what it is a kind of: a rat is an animal, so it can be a pet. Roles are few, and nouns that
// do have kinds (dog, sister, husband) never cover their siblings: a cat is no dog. Nor do
// roles among people (neighbour): who someone is to the user is said, never a kind. The hippo
// also asks which words are nouns at all: a fact's value is a thing ("lemonade", not
// "hooked").
#ifndef BRAINHOST_REGIONS_LANGUAGE_KINDS_H
#define BRAINHOST_REGIONS_LANGUAGE_KINDS_H

#include <filesystem>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace brainhost::regions {

class Kinds {
 public:
  // Reads a "# brainhost kinds v1" line, then the rows TrainLanguageModels writes. Throws
  // std::runtime_error naming the file on failure.
  static Kinds Load(const std::filesystem::path& path);

  // True when word is a kind of kind, or of what the role kind is a kind of (see the file
  // comment). Both are lowercase nouns, singular or plural, "_" between a compound's words
  // ("guinea_pigs"). A word is not a kind of itself.
  bool IsA(std::string_view word, std::string_view kind) const;

  // True when some sense of word is a kind of some sense of kind: a value that can answer a
  // question about kind ("mate", the tea, for "what drink did i mention?"), where IsA asks
  // what a mention of word stands for. With usual, only word's first (most frequent) sense
  // counts: "photography" is usually an activity, "mate" only in chess. Both as for IsA.
  bool CanBe(std::string_view word, std::string_view kind, bool usual = false) const;

  // True when WordNet knows word (lowercase, singular or plural) as a noun.
  bool IsNoun(std::string_view word) const { return Senses(word) != nullptr; }

  size_t nouns() const { return senses_.size(); }

 private:
  // noun's senses, most frequent first, or null for a word WordNet has no noun for.
  const std::vector<int>* Senses(std::string_view noun) const;
  // True when one of targets is among the hypernyms of senses, at any height.
  bool Reaches(const std::vector<int>& senses, const std::vector<int>& targets) const;

  std::vector<std::vector<int>> hypernyms_;  // per sense
  std::vector<bool> has_kinds_;              // per sense
  int person_ = -1;                          // the first sense of "person"
  std::unordered_map<std::string, std::vector<int>> senses_;  // lemma -> senses, most frequent
                                                               // first
};

}  // namespace brainhost::regions

#endif  // BRAINHOST_REGIONS_LANGUAGE_KINDS_H
