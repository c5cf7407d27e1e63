// The training corpus for the cortex: seeded, synthetic, everyday two-party dialogue.
//
// Format: conversations (conversation.h) separated by one blank line; every line starts
// "U: " (the user) or "G: " (the guide, the voice the cortex learns to speak with); UTF-8.
// The same options give the same bytes on every platform (rng.h). Text streams to the
// ostream in blocks of about 64 KiB, so memory stays bounded whatever target_bytes is.
//
// Splits: validation text uses only the held-out values and phrasings of partition.h, and
// training text never uses them, so validation loss measures generalisation to new names and
// new wordings, not memory of training lines.
//
// Sources: every word list and template is written in this folder for the project
// (word_lists.cc, topic_phrasings.cc, phrasings.cc). No external text is mixed in.
#ifndef BRAINHOST_REGIONS_CORPUS_CORPUS_H
#define BRAINHOST_REGIONS_CORPUS_CORPUS_H

#include <cstddef>
#include <cstdint>
#include <iosfwd>
#include <string>

namespace brainhost::regions {

struct CorpusOptions {
  uint64_t seed = 1;
  size_t target_bytes = 1 << 20;  // stop after the conversation that reaches this size
  bool validation = false;        // held-out values and phrasings only
};

// Writes conversations to out until at least target_bytes bytes are written (at most one
// conversation more, under 2 KiB). Returns the number of bytes written. Throws
// std::runtime_error when out fails.
size_t GenerateCorpus(const CorpusOptions& options, std::ostream& out);

// GenerateCorpus into the file at path (created or truncated). Throws std::runtime_error
// naming path when it cannot be opened or written.
size_t WriteCorpusFile(const CorpusOptions& options, const std::string& path);

}  // namespace brainhost::regions

#endif  // BRAINHOST_REGIONS_CORPUS_CORPUS_H
