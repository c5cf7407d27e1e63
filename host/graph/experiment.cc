#include "graph/experiment.h"

#include <cassert>
#include <cstdint>

namespace brainhost {

namespace {

constexpr uint64_t kFnvOffsetBasis = 0xcbf29ce484222325ULL;
constexpr uint64_t kFnvPrime = 0x100000001b3ULL;

uint64_t Fnv1a(uint64_t hash, std::string_view bytes) {
  for (char c : bytes) {
    hash ^= static_cast<unsigned char>(c);
    hash *= kFnvPrime;
  }
  return hash;
}

// splitmix64's output function. FNV-1a mixes poorly into its high bits: ids that differ only
// in their last character ("session-41", "session-42") yield hashes whose top bits, the ones
// that pick the variant below, are nearly equal, so consecutive ids would pile into one
// variant. This finaliser makes every input bit affect every output bit.
uint64_t Mix(uint64_t z) {
  z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
  z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
  return z ^ (z >> 31);
}

}  // namespace

const VariantDecl& AssignVariant(const ExperimentDecl& e, std::string_view session_id) {
  assert(!e.variants.empty());
  // The '\0' keeps ("ab", "c") and ("a", "bc") apart.
  uint64_t hash = Fnv1a(kFnvOffsetBasis, e.name);
  hash = Fnv1a(hash, std::string_view("\0", 1));
  hash = Mix(Fnv1a(hash, session_id));
  // The top 53 bits, exactly representable in a double: a point in [0, 1).
  double point = static_cast<double>(hash >> 11) * 0x1.0p-53;

  double total = 0;
  for (const VariantDecl& v : e.variants) {
    assert(v.weight > 0);
    total += v.weight;
  }
  double target = point * total;
  double cumulative = 0;
  for (const VariantDecl& v : e.variants) {
    cumulative += v.weight;
    if (target < cumulative) return v;
  }
  // Rounding can leave target a hair above the last cumulative sum.
  return e.variants.back();
}

}  // namespace brainhost
