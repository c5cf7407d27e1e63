// Streams conversations to an ostream in blocks (corpus.h).
#include "corpus/corpus.h"

#include <fstream>
#include <ostream>
#include <stdexcept>

#include "corpus/conversation.h"
#include "corpus/lexicon.h"
#include "corpus/phrasings.h"
#include "corpus/rng.h"

namespace brainhost::regions {
namespace {

constexpr size_t kBlockBytes = 64 * 1024;

void Flush(std::string& block, std::ostream& out) {
  out.write(block.data(), static_cast<std::streamsize>(block.size()));
  if (!out) throw std::runtime_error("corpus: writing the output stream failed");
  block.clear();
}

}  // namespace

size_t GenerateCorpus(const CorpusOptions& options, std::ostream& out) {
  const Lexicon lexicon = BuildLexicon(options.validation);
  const Phrasings phrasings = BuildPhrasings(options.validation);
  const ConversationWriter writer(lexicon, phrasings);
  Rng rng(options.seed);

  std::string block;
  block.reserve(kBlockBytes + 4096);
  size_t flushed = 0;
  bool first = true;
  while (flushed + block.size() < options.target_bytes) {
    if (!first) block += '\n';  // the blank line between conversations
    first = false;
    writer.Write(rng, block);
    if (block.size() >= kBlockBytes) {
      flushed += block.size();
      Flush(block, out);
    }
  }
  flushed += block.size();
  Flush(block, out);
  return flushed;
}

size_t WriteCorpusFile(const CorpusOptions& options, const std::string& path) {
  std::ofstream file(path, std::ios::binary | std::ios::trunc);
  if (!file) throw std::runtime_error("corpus: cannot open " + path + " for writing");
  size_t bytes = 0;
  try {
    bytes = GenerateCorpus(options, file);
    file.close();
  } catch (const std::runtime_error&) {
    throw std::runtime_error("corpus: writing " + path + " failed");
  }
  if (!file) throw std::runtime_error("corpus: writing " + path + " failed");
  return bytes;
}

}  // namespace brainhost::regions
