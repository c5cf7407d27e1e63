// InMemoryStore: a MemoryStore in plain vectors, for the region unit tests. It follows the
// interface's contract (newest first, superseded rows kept as history, Forget removes the whole
// history) so the regions can be tested without the brain; Search matches a term against the
// cue's words and the lowercase words of the text, like the brain's FTS index.
#ifndef BRAINHOST_TESTS_REGIONS_IN_MEMORY_STORE_H
#define BRAINHOST_TESTS_REGIONS_IN_MEMORY_STORE_H

#include <vector>

#include "memory/memory_store.h"

namespace brainhost::regions {

class InMemoryStore : public MemoryStore {
 public:
  void Insert(Fact* fact) override;
  void Supersede(int64_t old_id, int64_t new_id) override;
  std::vector<Fact> Search(const std::vector<std::string>& terms, size_t limit) override;
  std::vector<Fact> Find(const std::string& subject, const std::string& relation,
                         bool include_superseded) override;
  std::vector<Fact> Recent(size_t limit) override;
  void Forget(int64_t id) override;
  void Trace(const RetrievalTrace& trace) override;

  // Every row, current and superseded, oldest first.
  const std::vector<Fact>& rows() const { return rows_; }
  const std::vector<RetrievalTrace>& traces() const { return traces_; }

 private:
  std::vector<Fact> rows_;
  std::vector<RetrievalTrace> traces_;
  int64_t next_id_ = 1;
};

}  // namespace brainhost::regions

#endif  // BRAINHOST_TESTS_REGIONS_IN_MEMORY_STORE_H
