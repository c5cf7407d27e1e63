// Remember: files an encoded fact in the store without duplicates and with history.
//
// Telling the same fact twice stores nothing new. A new value for a single-valued relation
// (a name, a job, an age) is inserted and supersedes the current one, which stays as history;
// a multi-valued relation (likes, kinds, anything adopted) just gains a value.
#ifndef BRAINHOST_REGIONS_EPISODIC_REMEMBER_H
#define BRAINHOST_REGIONS_EPISODIC_REMEMBER_H

#include "episodic/encoder.h"
#include "memory/memory_store.h"

namespace brainhost::regions {

enum class Remembered { kInserted, kDuplicate, kSuperseded };

struct RememberResult {
  Remembered what = Remembered::kInserted;
  Fact fact;  // the stored fact (for kDuplicate: the one already there)
};

RememberResult Remember(const Encoded& encoded, MemoryStore& store);

// Case-insensitive comparison of two values ("Buddy" == "buddy", "Zürich" == "zürich").
bool SameValue(std::string_view a, std::string_view b);

}  // namespace brainhost::regions

#endif  // BRAINHOST_REGIONS_EPISODIC_REMEMBER_H
