// Builds the per-split value lists described in lexicon.h.
#include "corpus/lexicon.h"

#include <set>
#include <stdexcept>
#include <string_view>
#include <unordered_set>

#include "corpus/partition.h"
#include "corpus/word_lists.h"

namespace brainhost::regions {
namespace {

std::string Capitalized(std::string word) {
  if (!word.empty() && word[0] >= 'a' && word[0] <= 'z') word[0] = static_cast<char>(word[0] - 'a' + 'A');
  return word;
}

// Two-syllable names all, three-syllable ones every seventh: enough variety, a bounded list.
std::vector<std::string> CombinedNames() {
  const std::vector<std::string> syllables = NameSyllables();
  std::vector<std::string> names;
  size_t counter = 0;
  for (const std::string& a : syllables) {
    for (const std::string& b : syllables) {
      if (a != b) names.push_back(Capitalized(a + b));
      for (const std::string& c : syllables) {
        if (++counter % 7 == 0 && a != b && b != c) names.push_back(Capitalized(a + b + c));
      }
    }
  }
  return names;
}

// A two-syllable stem and a suffix, every fourth combination: "Kalotown" style places.
std::vector<std::string> CombinedPlaces() {
  const std::vector<std::string> syllables = NameSyllables();
  const std::vector<std::string> suffixes = PlaceSuffixes();
  std::vector<std::string> places;
  size_t counter = 0;
  for (const std::string& a : syllables) {
    for (const std::string& b : syllables) {
      if (a == b) continue;
      for (const std::string& suffix : suffixes) {
        if (++counter % 4 == 0) places.push_back(Capitalized(a + b + suffix));
      }
    }
  }
  return places;
}

// Appends values to out, skipping ones already present (case-sensitive).
void AppendUnique(std::vector<std::string>& out, const std::vector<std::string>& values) {
  std::unordered_set<std::string> seen(out.begin(), out.end());
  for (const std::string& value : values) {
    if (seen.insert(value).second) out.push_back(value);
  }
}

std::vector<std::string> Unique(const std::vector<std::string>& values) {
  std::vector<std::string> out;
  AppendUnique(out, values);
  return out;
}

std::string AsciiLower(std::string_view text) {
  std::string out(text);
  for (char& c : out) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  }
  return out;
}

// True when some run of whole words of value (split on spaces) is in held_out.
bool ContainsHeldOutPhrase(const std::string& value, const std::set<std::string>& held_out) {
  std::vector<size_t> starts{0};
  for (size_t i = 0; i < value.size(); ++i) {
    if (value[i] == ' ') starts.push_back(i + 1);
  }
  for (size_t s = 0; s < starts.size(); ++s) {
    for (size_t e = s; e < starts.size(); ++e) {
      const size_t end = e + 1 < starts.size() ? starts[e + 1] - 1 : value.size();
      if (held_out.count(AsciiLower(std::string_view(value).substr(starts[s], end - starts[s]))))
        return true;
    }
  }
  return false;
}

std::vector<std::string>* Lists(Lexicon& lexicon, size_t i) {
  std::vector<std::string>* lists[] = {
      &lexicon.names,     &lexicon.jobs,     &lexicon.foods,   &lexicon.cities, &lexicon.hobbies,
      &lexicon.pet_kinds, &lexicon.pet_names, &lexicon.relatives, &lexicon.feelings,
      &lexicon.weather,   &lexicon.plans,    &lexicon.drinks,  &lexicon.colors};
  return i < std::size(lists) ? lists[i] : nullptr;
}

}  // namespace

Lexicon FullLexicon() {
  Lexicon lexicon;
  lexicon.names = Unique(CuratedFirstNames());
  AppendUnique(lexicon.names, CombinedNames());
  lexicon.jobs = Unique(CuratedJobs());
  lexicon.foods = Unique(CuratedFoods());
  lexicon.cities = Unique(CuratedCities());
  AppendUnique(lexicon.cities, CombinedPlaces());
  lexicon.hobbies = Unique(CuratedHobbies());
  lexicon.pet_kinds = Unique(CuratedPetKinds());
  lexicon.pet_names = Unique(CuratedPetNames());
  std::vector<std::string> some_names;
  for (size_t i = 0; i < lexicon.names.size(); i += 3) some_names.push_back(lexicon.names[i]);
  AppendUnique(lexicon.pet_names, some_names);
  lexicon.relatives = Unique(CuratedRelatives());
  lexicon.feelings = Unique(CuratedFeelings());
  lexicon.weather = Unique(CuratedWeather());
  lexicon.plans = Unique(CuratedPlans());
  lexicon.drinks = Unique(CuratedDrinks());
  lexicon.colors = Unique(CuratedColors());
  return lexicon;
}

Lexicon BuildLexicon(bool validation) {
  Lexicon full = FullLexicon();
  std::set<std::string> held_out;
  for (size_t i = 0; Lists(full, i) != nullptr; ++i) {
    for (const std::string& value : *Lists(full, i)) {
      if (IsHeldOutValue(value)) held_out.insert(AsciiLower(value));
    }
  }
  Lexicon split;
  for (size_t i = 0; Lists(full, i) != nullptr; ++i) {
    for (const std::string& value : *Lists(full, i)) {
      const bool keep = validation ? IsHeldOutValue(value) : !ContainsHeldOutPhrase(value, held_out);
      if (keep) Lists(split, i)->push_back(value);
    }
    if (Lists(split, i)->empty()) {
      throw std::logic_error("corpus lexicon: list " + std::to_string(i) +
                             " has no values in the " + (validation ? "validation" : "training") +
                             " split; add values to word_lists.cc");
    }
  }
  return split;
}

}  // namespace brainhost::regions
