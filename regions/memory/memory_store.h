// MemoryStore: the declarative memory as the episodic and dialogue regions see it.
//
// In the running host it is the brain's episodes table, reached through the host's
// "brainhost.memory/1" extension (plugins/memory_client.h adapts it). The region libraries
// depend only on this interface, so their tests can run against any implementation.
// Every method throws std::runtime_error on failure; the region helper turns that into a
// failed turn at the ABI edge.
#ifndef BRAINHOST_REGIONS_MEMORY_MEMORY_STORE_H
#define BRAINHOST_REGIONS_MEMORY_MEMORY_STORE_H

#include <cstdint>
#include <string>
#include <vector>

namespace brainhost::regions {

// One remembered fact: what the user said, and what it is about.
struct Fact {
  int64_t id = 0;                       // set by Insert
  std::string subject;                  // "user", "user.dog", "user.sister", "world", ...
  std::string relation;                 // "name", "job", "workplace", "age", "day", ...
  std::string value;                    // as said, case and accents kept: "Mary Ann", "Zürich"
  std::vector<std::string> candidates;  // values ranked by surprise; candidates[0] == value
  std::string cue;                      // space-separated content-word stems
  std::string text;                     // the user's line, verbatim
  std::string created_at;               // ISO-8601 UTC, set by Insert
  int64_t superseded_by = 0;            // 0 while current
};

// Why a memory answered: one row per answer, kept with the turn ("why did it say that?").
struct RetrievalTrace {
  int64_t fact_id = 0;
  double score = 0;        // the total the answer won with
  double overlap = 0;      // cue overlap (Jaccard-style)
  double binding = 0;      // subject/relation agreement
  double specificity = 0;
  double recency = 0;
  std::string source;      // "episodic", "hippo", ...
};

class MemoryStore {
 public:
  virtual ~MemoryStore() = default;

  // Stores fact (its id and created_at are set). Part of the current turn's transaction.
  virtual void Insert(Fact* fact) = 0;
  // Marks old_id as superseded by new_id; the old row stays as history.
  virtual void Supersede(int64_t old_id, int64_t new_id) = 0;
  // Current facts whose cue or text match any of terms (full-text search), newest first.
  virtual std::vector<Fact> Search(const std::vector<std::string>& terms, size_t limit) = 0;
  // Facts with this subject and relation, newest first; with include_superseded, the history.
  virtual std::vector<Fact> Find(const std::string& subject, const std::string& relation,
                                 bool include_superseded) = 0;
  // Current facts, newest first.
  virtual std::vector<Fact> Recent(size_t limit) = 0;
  // Deletes the fact everywhere: its row, the facts it superseded and that superseded it
  // (its history), their full-text entries, and their copies in the replay buffer.
  virtual void Forget(int64_t id) = 0;
  // Records why a memory answered this turn.
  virtual void Trace(const RetrievalTrace& trace) = 0;
};

}  // namespace brainhost::regions

#endif  // BRAINHOST_REGIONS_MEMORY_MEMORY_STORE_H
