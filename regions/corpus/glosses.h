// Breadth for the cortex's corpus: WordNet's glosses (definitions and example sentences) turned
// into short conversations in the corpus's format, so that everyday words the generated dialogue
// never uses, or holds out for validation, still occur in training:
//
//   U: what does "warm" mean?
//   G: Warm: having or producing a comfortable and agreeable degree of heat.
//   U: use it in a sentence?
//   G: "a warm body"
//
// Source: WordNet 3.0 (Debian package wordnet-base, /usr/share/wordnet/data.{noun,verb,adj,adv}),
// Princeton University, under the WordNet 3.0 licence (permissive, BSD-like: use, copy and
// redistribute with the copyright notice). Only its glosses are read.
#ifndef BRAINHOST_REGIONS_CORPUS_GLOSSES_H
#define BRAINHOST_REGIONS_CORPUS_GLOSSES_H

#include <cstddef>
#include <cstdint>
#include <iosfwd>
#include <string>

namespace brainhost::regions {

// Writes one conversation per WordNet synset that has a gloss, each ended by a blank line, from
// the data.* files in wordnet_dir; the question's wording is drawn with seed. Returns the bytes
// written. Throws std::runtime_error naming the file when one cannot be read.
size_t GenerateGlossDialogues(const std::string& wordnet_dir, uint64_t seed, std::ostream& out);

}  // namespace brainhost::regions

#endif  // BRAINHOST_REGIONS_CORPUS_GLOSSES_H
