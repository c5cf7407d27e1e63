#include "in_memory_store.h"

#include <algorithm>
#include <set>
#include <sstream>
#include <stdexcept>

#include "language/tokenizer.h"

namespace brainhost::regions {
namespace {

std::set<std::string> Terms(const Fact& fact) {
  std::set<std::string> terms;
  std::istringstream cue(fact.cue);
  for (std::string word; cue >> word;) terms.insert(word);
  for (const Token& token : Tokenize(fact.text)) terms.insert(token.lower);
  return terms;
}

}  // namespace

void InMemoryStore::Insert(Fact* fact) {
  fact->id = next_id_++;
  fact->created_at = "2024-01-01T00:00:" + std::to_string(fact->id) + "Z";
  fact->superseded_by = 0;
  rows_.push_back(*fact);
}

void InMemoryStore::Supersede(int64_t old_id, int64_t new_id) {
  for (Fact& row : rows_) {
    if (row.id == old_id) {
      row.superseded_by = new_id;
      return;
    }
  }
  throw std::runtime_error("Supersede: no fact " + std::to_string(old_id));
}

std::vector<Fact> InMemoryStore::Search(const std::vector<std::string>& terms, size_t limit) {
  std::vector<Fact> out;
  for (auto row = rows_.rbegin(); row != rows_.rend() && out.size() < limit; ++row) {
    if (row->superseded_by != 0) continue;
    std::set<std::string> words = Terms(*row);
    if (std::any_of(terms.begin(), terms.end(), [&](const std::string& t) { return words.count(t); })) {
      out.push_back(*row);
    }
  }
  return out;
}

std::vector<Fact> InMemoryStore::Find(const std::string& subject, const std::string& relation,
                                      bool include_superseded) {
  std::vector<Fact> out;
  for (auto row = rows_.rbegin(); row != rows_.rend(); ++row) {
    if (row->subject == subject && row->relation == relation &&
        (include_superseded || row->superseded_by == 0)) {
      out.push_back(*row);
    }
  }
  return out;
}

std::vector<Fact> InMemoryStore::Recent(size_t limit) {
  std::vector<Fact> out;
  for (auto row = rows_.rbegin(); row != rows_.rend() && out.size() < limit; ++row) {
    if (row->superseded_by == 0) out.push_back(*row);
  }
  return out;
}

void InMemoryStore::Forget(int64_t id) {
  // The history is the chain through superseded_by, in both directions.
  std::set<int64_t> doomed = {id};
  for (bool grew = true; grew;) {
    grew = false;
    for (const Fact& row : rows_) {
      bool linked = doomed.count(row.id) == 0 &&
                    (doomed.count(row.superseded_by) != 0 ||
                     std::any_of(rows_.begin(), rows_.end(), [&](const Fact& other) {
                       return doomed.count(other.id) && other.superseded_by == row.id;
                     }));
      if (linked) grew = doomed.insert(row.id).second || grew;
    }
  }
  std::erase_if(rows_, [&](const Fact& row) { return doomed.count(row.id) != 0; });
}

void InMemoryStore::Trace(const RetrievalTrace& trace) { traces_.push_back(trace); }

}  // namespace brainhost::regions
