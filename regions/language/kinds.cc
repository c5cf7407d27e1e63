#include "language/kinds.h"

#include <algorithm>
#include <charconv>
#include <fstream>
#include <stdexcept>
#include <utility>

#include "language/model_file.h"

namespace brainhost::regions {
namespace {

// "3,17,42" -> {3, 17, 42}; false on anything else.
bool ParseList(std::string_view text, std::vector<int>* out) {
  while (!text.empty()) {
    int value = 0;
    const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
    if (error != std::errc() || value < 0) return false;
    out->push_back(value);
    text.remove_prefix(static_cast<size_t>(end - text.data()));
    if (!text.empty() && text[0] != ',') return false;
    if (!text.empty()) text.remove_prefix(1);
  }
  return true;
}

}  // namespace

Kinds Kinds::Load(const std::filesystem::path& path) {
  std::ifstream in = OpenModelFile(path, "# brainhost kinds v1", "noun kinds file");
  std::string line;
  Kinds kinds;
  auto malformed = [&] {
    return std::runtime_error(path.string() + ": malformed line '" + line + "'");
  };
  while (std::getline(in, line)) {
    const std::string_view row = line;
    const size_t a = row.find('\t'), b = row.find('\t', a + 1);
    if (a != 1 || b == std::string_view::npos) throw malformed();
    const std::string_view first = row.substr(a + 1, b - a - 1), second = row.substr(b + 1);
    if (row[0] == 's' && (second == "0" || second == "1")) {
      std::vector<int> hypernyms;
      if (!ParseList(first, &hypernyms)) throw malformed();
      kinds.hypernyms_.push_back(std::move(hypernyms));
      kinds.has_kinds_.push_back(second == "1");
    } else if (row[0] == 'w' && !first.empty()) {
      std::vector<int> senses;
      if (!ParseList(second, &senses)) throw malformed();
      kinds.senses_.emplace(std::string(first), std::move(senses));
    } else {
      throw malformed();
    }
  }
  const int count = static_cast<int>(kinds.hypernyms_.size());
  if (const auto person = kinds.senses_.find("person"); person != kinds.senses_.end()) {
    kinds.person_ = person->second.front();
  }
  auto outside = [&](const std::vector<int>& list) {
    return std::any_of(list.begin(), list.end(), [&](int s) { return s >= count; });
  };
  for (const std::vector<int>& h : kinds.hypernyms_) {
    if (outside(h)) throw std::runtime_error(path.string() + ": a hypernym out of range");
  }
  for (const auto& [lemma, senses] : kinds.senses_) {
    if (outside(senses)) {
      throw std::runtime_error(path.string() + ": " + lemma + "'s sense out of range");
    }
  }
  return kinds;
}

const std::vector<int>* Kinds::Senses(std::string_view noun) const {
  if (const auto found = senses_.find(std::string(noun)); found != senses_.end()) {
    return &found->second;
  }
  // A regular plural: WordNet's own detachment rules for nouns ("rats", "boxes", "ponies",
  // "women"), the first that gives a noun it knows, and "oes" ("potatoes"), which WordNet
  // lists word by word among its exceptions.
  static constexpr std::pair<std::string_view, std::string_view> kPlurals[] = {
      {"s", ""},      {"ses", "s"},   {"xes", "x"},   {"zes", "z"},  {"ches", "ch"},
      {"shes", "sh"}, {"men", "man"}, {"ies", "y"},   {"oes", "o"}};
  for (const auto& [suffix, base] : kPlurals) {
    if (!noun.ends_with(suffix) || noun.size() == suffix.size()) continue;
    std::string singular(noun.substr(0, noun.size() - suffix.size()));
    singular += base;
    if (const auto found = senses_.find(singular); found != senses_.end()) return &found->second;
  }
  return nullptr;
}

bool Kinds::IsA(std::string_view word, std::string_view kind) const {
  const std::vector<int>* w = Senses(word);
  const std::vector<int>* k = Senses(kind);
  if (w == nullptr || k == nullptr || k->empty() || w == k) return false;
  const int sense = k->front();
  std::vector<int> targets = {sense};
  // A role among people covers no one: "my mom" says nothing of who is the user's neighbour,
  // nor of a guinea pig, whose first sense is the subject of an experiment.
  const bool of_people = person_ >= 0 && Reaches({sense}, {person_});
  if (!has_kinds_[sense] && !of_people) {
    targets.insert(targets.end(), hypernyms_[sense].begin(), hypernyms_[sense].end());
  }
  return Reaches(*w, targets);
}

bool Kinds::CanBe(std::string_view word, std::string_view kind, bool usual) const {
  const std::vector<int>* w = Senses(word);
  const std::vector<int>* k = Senses(kind);
  if (w == nullptr || k == nullptr || w == k || w->empty()) return false;
  return usual ? Reaches({w->front()}, *k) : Reaches(*w, *k);
}

bool Kinds::Reaches(const std::vector<int>& senses, const std::vector<int>& targets) const {
  // Up from each sense; the hierarchy is a DAG of a few dozen levels at most.
  std::vector<int> frontier;
  for (int s : senses) {
    frontier.insert(frontier.end(), hypernyms_[s].begin(), hypernyms_[s].end());
  }
  std::vector<int> seen;  // the ancestors met: a few dozen at most
  while (!frontier.empty()) {
    const int s = frontier.back();
    frontier.pop_back();
    if (std::find(seen.begin(), seen.end(), s) != seen.end()) continue;
    seen.push_back(s);
    if (std::find(targets.begin(), targets.end(), s) != targets.end()) return true;
    frontier.insert(frontier.end(), hypernyms_[s].begin(), hypernyms_[s].end());
  }
  return false;
}

}  // namespace brainhost::regions
