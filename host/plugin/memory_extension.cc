#include "plugin/memory_extension.h"

#include <utf8.h>

#include <string_view>

#include "plugin/region_instance.h"

namespace brainhost {

namespace {

MemoryBackend* Backend(const bh_host* host) {
  return static_cast<RegionInstance*>(host->host_data)->memory();
}
const std::string& Region(const bh_host* host) {
  return static_cast<RegionInstance*>(host->host_data)->name();
}

bool ValidText(const char* text, bool required) {
  if (text == nullptr) return !required;
  std::string_view view(text);
  return (!required || !view.empty()) && utf8::is_valid(view.begin(), view.end());
}

std::vector<std::string> SplitTerms(std::string_view terms) {
  std::vector<std::string> out;
  size_t start = 0;
  while (start < terms.size()) {
    size_t end = terms.find(' ', start);
    if (end == std::string_view::npos) end = terms.size();
    if (end > start) out.emplace_back(terms.substr(start, end - start));
    start = end + 1;
  }
  return out;
}

// Visits each record as a bh_episode whose strings point into the record.
void Visit(const std::vector<EpisodeRecord>& records, bh_episode_visitor visit, void* context) {
  for (const EpisodeRecord& r : records) {
    bh_episode e{};
    e.struct_size = sizeof(bh_episode);
    e.id = r.id;
    e.subject = r.subject.c_str();
    e.relation = r.relation.c_str();
    e.value = r.value.c_str();
    e.candidates = r.candidates.c_str();
    e.cue = r.cue.c_str();
    e.text = r.text.c_str();
    e.created_at = r.created_at.c_str();
    e.superseded_by = r.superseded_by;
    visit(context, &e);
  }
}

bh_status Insert(const bh_host* host, const bh_episode* e, int64_t* id) {
  if (e == nullptr || id == nullptr || e->struct_size < sizeof(bh_episode) ||
      !ValidText(e->subject, true) || !ValidText(e->relation, true) ||
      !ValidText(e->value, true) || !ValidText(e->text, true) ||
      !ValidText(e->candidates, false) || !ValidText(e->cue, false)) {
    return BH_ERR_INVALID_ARGUMENT;
  }
  EpisodeRecord r;
  r.subject = e->subject;
  r.relation = e->relation;
  r.value = e->value;
  r.candidates = e->candidates != nullptr ? e->candidates : "";
  r.cue = e->cue != nullptr ? e->cue : "";
  r.text = e->text;
  return StatusToAbi(Backend(host)->Insert(Region(host), std::move(r), id));
}

bh_status Supersede(const bh_host* host, int64_t old_id, int64_t new_id) {
  return StatusToAbi(Backend(host)->Supersede(old_id, new_id));
}

bh_status Search(const bh_host* host, const char* terms, uint32_t limit, bh_episode_visitor visit,
                 void* context) {
  if (terms == nullptr || visit == nullptr) return BH_ERR_INVALID_ARGUMENT;
  std::vector<EpisodeRecord> records;
  Status s = Backend(host)->Search(SplitTerms(terms), static_cast<int>(limit), &records);
  if (s.ok()) Visit(records, visit, context);
  return StatusToAbi(s);
}

bh_status Find(const bh_host* host, const char* subject, const char* relation,
               int include_superseded, bh_episode_visitor visit, void* context) {
  if (subject == nullptr || relation == nullptr || visit == nullptr) {
    return BH_ERR_INVALID_ARGUMENT;
  }
  std::vector<EpisodeRecord> records;
  Status s = Backend(host)->Find(subject, relation, include_superseded != 0, &records);
  if (s.ok()) Visit(records, visit, context);
  return StatusToAbi(s);
}

bh_status Recent(const bh_host* host, uint32_t limit, bh_episode_visitor visit, void* context) {
  if (visit == nullptr) return BH_ERR_INVALID_ARGUMENT;
  std::vector<EpisodeRecord> records;
  Status s = Backend(host)->Recent(static_cast<int>(limit), &records);
  if (s.ok()) Visit(records, visit, context);
  return StatusToAbi(s);
}

bh_status Forget(const bh_host* host, int64_t id) {
  return StatusToAbi(Backend(host)->Forget(id));
}

bh_status Trace(const bh_host* host, const bh_retrieval_trace* t) {
  if (t == nullptr || t->struct_size < sizeof(bh_retrieval_trace)) return BH_ERR_INVALID_ARGUMENT;
  TraceRecord r;
  r.source = t->source != nullptr ? t->source : "";
  r.episode_id = t->episode_id;
  r.score = t->score;
  r.overlap = t->overlap;
  r.binding = t->binding;
  r.specificity = t->specificity;
  r.recency = t->recency;
  return StatusToAbi(Backend(host)->Trace(Region(host), r));
}

constexpr bh_memory kMemory = {sizeof(bh_memory), &Insert, &Supersede, &Search,
                               &Find,             &Recent, &Forget,    &Trace};

}  // namespace

const bh_memory* MemoryExtension() { return &kMemory; }

}  // namespace brainhost
