#include "episodic/retriever.h"

#include <algorithm>
#include <set>
#include <sstream>
#include <vector>

#include "language/tokenizer.h"

namespace brainhost::regions {
namespace {

constexpr size_t kSearchLimit = 64;

std::string Underscored(std::string key) {
  std::replace(key.begin(), key.end(), ' ', '_');
  return key;
}

// Relations that answer each other's questions: "what is my sister's job?" is answered by
// "my sister is a nurse"; "where am i?" by "i live in Oslo"; "what city am i in?" by "i'm
// from Lyon", "i grew up in Lyon" or "i moved to Lyon" when nothing says where the user lives
// now, since a binding in the family counts less than the relation itself; "what am i into?"
// by "my hobby is chess", "what do i do on weekends?" by "i'm obsessed with sudoku". A
// favorite one is of its family too ("my favorite pastime is ...").
const std::vector<std::string_view> kFamilies[] = {
    {"job", "kind"},
    {"home", "home town", "hometown", "location", "city", "origin", "birthplace", "grow", "move"},
    {"hobby", "pastime", "into", "fun", "weekends", "relax", "obsess"}};

// The relations in relation's family, or none.
const std::vector<std::string_view>* Family(std::string_view relation) {
  for (std::string_view favorite : {"favorite ", "favourite "}) {
    if (relation.starts_with(favorite)) relation.remove_prefix(favorite.size());
  }
  for (const auto& family : kFamilies) {
    if (std::find(family.begin(), family.end(), relation) != family.end()) return &family;
  }
  return nullptr;
}

std::set<std::string> Stems(const std::string& cue) {
  std::set<std::string> out;
  std::istringstream in(cue);
  for (std::string stem; in >> stem;) out.insert(stem);
  return out;
}

}  // namespace

double Binding(const Query& query, const Fact& fact) {
  if (fact.subject == query.subject && fact.relation == query.relation) return 1.0;
  // (user, dog) and (user.dog, name) are the same fact said two ways.
  if (query.subject == "user" && fact.subject == "user." + Underscored(query.relation) &&
      fact.relation == "name") {
    return 0.9;
  }
  if (fact.subject == "user" && query.subject == "user." + Underscored(fact.relation) &&
      query.relation == "name") {
    return 0.9;
  }
  const auto* family = Family(query.relation);
  if (fact.subject == query.subject && family != nullptr && family == Family(fact.relation)) {
    return 0.7;
  }
  return -1.0;
}

std::optional<Recall> Score(const Query& query, const Fact& fact, size_t rank,
                            const LanguageModels& models) {
  const double binding = Binding(query, fact);
  if (binding < 0) return std::nullopt;
  // The first candidate value with a word the question did not already say.
  const std::set<std::string> asked(query.cue.begin(), query.cue.end());
  std::string answer;
  for (const std::string& candidate : fact.candidates) {
    std::vector<Token> tokens = Tokenize(candidate);
    bool fresh = std::any_of(tokens.begin(), tokens.end(), [&](const Token& token) {
      return asked.count(models.lemmatizer.Stem(token.lower)) == 0;
    });
    if (fresh) {
      answer = candidate;
      break;
    }
  }
  if (answer.empty()) return std::nullopt;

  std::set<std::string> stems = Stems(fact.cue);
  size_t shared = 0;
  for (const std::string& stem : asked) shared += stems.count(stem);
  size_t united = stems.size() + asked.size() - shared;
  RetrievalTrace trace;
  trace.fact_id = fact.id;
  trace.binding = binding;
  trace.overlap = united == 0 ? 0 : static_cast<double>(shared) / static_cast<double>(united);
  trace.specificity =
      asked.empty() ? 0 : static_cast<double>(shared) / static_cast<double>(asked.size());
  trace.recency = 1.0 / (1.0 + static_cast<double>(rank));
  trace.score = 4 * trace.binding + trace.overlap + 0.5 * trace.specificity + 0.25 * trace.recency;
  trace.source = "episodic";
  return Recall{answer, fact, trace};
}

std::optional<Recall> Retrieve(const Query& query, MemoryStore& store,
                               const LanguageModels& models) {
  std::vector<Fact> candidates = store.Search(query.cue, kSearchLimit);
  const std::vector<std::string_view> alone = {query.relation};
  const std::vector<std::string_view>* family = Family(query.relation);
  for (std::string_view relation : family != nullptr ? *family : alone) {
    for (std::string_view favorite : {"", "favorite ", "favourite "}) {
      if (!favorite.empty() && family == nullptr) continue;  // the relation asked, as asked
      for (Fact& fact : store.Find(query.subject, std::string(favorite) + std::string(relation),
                                   false)) {
        candidates.push_back(std::move(fact));
      }
    }
  }
  std::sort(candidates.begin(), candidates.end(),
            [](const Fact& a, const Fact& b) { return a.id > b.id; });
  candidates.erase(std::unique(candidates.begin(), candidates.end(),
                               [](const Fact& a, const Fact& b) { return a.id == b.id; }),
                   candidates.end());

  std::optional<Recall> best;
  for (size_t rank = 0; rank < candidates.size(); ++rank) {
    if (candidates[rank].superseded_by != 0) continue;
    std::optional<Recall> recall = Score(query, candidates[rank], rank, models);
    if (recall && (!best || recall->trace.score > best->trace.score)) best = std::move(recall);
  }
  return best;
}

}  // namespace brainhost::regions
