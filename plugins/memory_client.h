// MemoryClient: the region libraries' MemoryStore, over the host's "brainhost.memory/1".
//
// Used by the episodic and dialogue plugins. Every failing call throws, which the region
// helper turns into a failed turn at the ABI edge.
#ifndef BRAINHOST_PLUGINS_MEMORY_CLIENT_H
#define BRAINHOST_PLUGINS_MEMORY_CLIENT_H

#include <brainhost/memory.h>
#include <brainhost/region.hpp>

#include <string>
#include <vector>

#include "memory/memory_store.h"

namespace brainhost::plugins {

class MemoryClient : public regions::MemoryStore {
 public:
  // Throws when the host offers no memory (a host without a brain).
  explicit MemoryClient(const sdk::Host& host)
      : host_(host.raw()),
        memory_(static_cast<const bh_memory*>(host.extension(BH_EXT_MEMORY))) {
    if (memory_ == nullptr || memory_->struct_size < sizeof(bh_memory)) {
      throw sdk::Error(BH_ERR_NOT_SUPPORTED, "the host offers no " BH_EXT_MEMORY);
    }
  }

  void Insert(regions::Fact* fact) override {
    std::string candidates = Join(fact->candidates, '\n');
    bh_episode e{};
    e.struct_size = sizeof(bh_episode);
    e.subject = fact->subject.c_str();
    e.relation = fact->relation.c_str();
    e.value = fact->value.c_str();
    e.candidates = candidates.c_str();
    e.cue = fact->cue.c_str();
    e.text = fact->text.c_str();
    sdk::check(memory_->insert(host_, &e, &fact->id), "memory insert", fact->subject.c_str());
  }
  void Supersede(int64_t old_id, int64_t new_id) override {
    sdk::check(memory_->supersede(host_, old_id, new_id), "memory supersede", "episode");
  }
  std::vector<regions::Fact> Search(const std::vector<std::string>& terms,
                                    size_t limit) override {
    std::vector<regions::Fact> out;
    std::string joined = Join(terms, ' ');
    sdk::check(memory_->search(host_, joined.c_str(), static_cast<uint32_t>(limit), &Collect, &out),
               "memory search", joined.c_str());
    return out;
  }
  std::vector<regions::Fact> Find(const std::string& subject, const std::string& relation,
                                  bool include_superseded) override {
    std::vector<regions::Fact> out;
    sdk::check(memory_->find(host_, subject.c_str(), relation.c_str(), include_superseded ? 1 : 0,
                             &Collect, &out),
               "memory find", subject.c_str());
    return out;
  }
  std::vector<regions::Fact> Recent(size_t limit) override {
    std::vector<regions::Fact> out;
    sdk::check(memory_->recent(host_, static_cast<uint32_t>(limit), &Collect, &out),
               "memory recent", "episodes");
    return out;
  }
  void Forget(int64_t id) override {
    sdk::check(memory_->forget(host_, id), "memory forget", "episode");
  }
  void Trace(const regions::RetrievalTrace& t) override {
    bh_retrieval_trace trace{sizeof(bh_retrieval_trace), t.fact_id,     t.score,
                             t.overlap,                  t.binding,     t.specificity,
                             t.recency,                  t.source.c_str()};
    sdk::check(memory_->trace(host_, &trace), "memory trace", "episode");
  }

 private:
  static std::string Join(const std::vector<std::string>& parts, char separator) {
    std::string out;
    for (const std::string& p : parts) {
      if (!out.empty()) out += separator;
      out += p;
    }
    return out;
  }

  static std::vector<std::string> Split(const char* text, char separator) {
    std::vector<std::string> out;
    std::string part;
    for (const char* c = text; c != nullptr && *c != '\0'; ++c) {
      if (*c == separator) {
        out.push_back(std::move(part));
        part.clear();
      } else {
        part += *c;
      }
    }
    if (!part.empty()) out.push_back(std::move(part));
    return out;
  }

  static void Collect(void* context, const bh_episode* e) {
    regions::Fact f;
    f.id = e->id;
    f.subject = e->subject;
    f.relation = e->relation;
    f.value = e->value;
    f.candidates = Split(e->candidates, '\n');
    f.cue = e->cue;
    f.text = e->text;
    f.created_at = e->created_at;
    f.superseded_by = e->superseded_by;
    static_cast<std::vector<regions::Fact>*>(context)->push_back(std::move(f));
  }

  const bh_host* host_;
  const bh_memory* memory_;
};

}  // namespace brainhost::plugins

#endif  // BRAINHOST_PLUGINS_MEMORY_CLIENT_H
