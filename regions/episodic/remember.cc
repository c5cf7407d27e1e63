#include "episodic/remember.h"

#include "language/tokenizer.h"

namespace brainhost::regions {

bool SameValue(std::string_view a, std::string_view b) { return Lowercase(a) == Lowercase(b); }

RememberResult Remember(const Encoded& encoded, MemoryStore& store) {
  std::vector<Fact> current = store.Find(encoded.fact.subject, encoded.fact.relation, false);
  for (const Fact& fact : current) {
    if (SameValue(fact.value, encoded.fact.value)) return {Remembered::kDuplicate, fact};
  }
  Fact fact = encoded.fact;
  store.Insert(&fact);
  if (!encoded.single_valued || current.empty()) return {Remembered::kInserted, fact};
  for (const Fact& old : current) store.Supersede(old.id, fact.id);
  return {Remembered::kSuperseded, fact};
}

}  // namespace brainhost::regions
