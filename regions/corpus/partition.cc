// See partition.h for why the split is decided by a hash of the value's spelling.
#include "corpus/partition.h"

namespace brainhost::regions {

uint64_t CorpusHash(std::string_view text) {
  uint64_t hash = 0xcbf29ce484222325ULL;
  for (char c : text) {
    unsigned char byte = static_cast<unsigned char>(c);
    if (byte >= 'A' && byte <= 'Z') byte = static_cast<unsigned char>(byte - 'A' + 'a');
    hash ^= byte;
    hash *= 0x100000001b3ULL;
  }
  return hash;
}

bool IsHeldOutValue(std::string_view value) { return CorpusHash(value) % kValueModulus == 0; }

bool IsHeldOutPhrasing(size_t index) { return index % kPhrasingModulus == kPhrasingModulus - 1; }

}  // namespace brainhost::regions
