// The fixed partition between the corpus's training and validation splits.
//
// Validation text must measure generalisation, not recall of the training text, so it is
// built only from held-out values and held-out phrasings that training text never uses:
//   - a value (a name, a job, a city, ...) is held out when the FNV-1a hash of its ASCII-
//     lowercased spelling is 0 modulo kValueModulus. Deciding by the string, not by list and
//     position, keeps the decision the same wherever the string appears (the name "Jordan" and
//     a place "Jordan" fall on the same side) and stable when lists are reordered or grow;
//   - a phrasing is held out when its index in its list is kPhrasingModulus - 1 modulo
//     kPhrasingModulus (every fifth), so every list of five or more has both kinds.
#ifndef BRAINHOST_REGIONS_CORPUS_PARTITION_H
#define BRAINHOST_REGIONS_CORPUS_PARTITION_H

#include <cstddef>
#include <cstdint>
#include <string_view>

namespace brainhost::regions {

inline constexpr uint64_t kValueModulus = 8;     // about 1 value in 8 is held out
inline constexpr size_t kPhrasingModulus = 5;    // 1 phrasing in 5 is held out

// 64-bit FNV-1a over text with ASCII capitals lowered.
uint64_t CorpusHash(std::string_view text);

// True when value belongs to the validation split only.
bool IsHeldOutValue(std::string_view value);

// True when the phrasing at index in its list belongs to the validation split only.
bool IsHeldOutPhrasing(size_t index);

}  // namespace brainhost::regions

#endif  // BRAINHOST_REGIONS_CORPUS_PARTITION_H
