// Curated word lists for the dialogue corpus: real first names (accented and non-Latin ones
// included, so the tokenizer and the cortex see them), jobs, foods, cities, hobbies, pets,
// family words, feelings, weather, plans. Written by hand for this project; no external
// source. lexicon.h splits them into training and validation values and adds the
// combinatorial names and places built from syllables.
#ifndef BRAINHOST_REGIONS_CORPUS_WORD_LISTS_H
#define BRAINHOST_REGIONS_CORPUS_WORD_LISTS_H

#include <string>
#include <vector>

namespace brainhost::regions {

std::vector<std::string> CuratedFirstNames();
std::vector<std::string> CuratedJobs();        // bare nouns: "nurse", "software engineer"
std::vector<std::string> CuratedFoods();       // "pizza", "pad thai"
std::vector<std::string> CuratedCities();      // "Lisbon", "Zürich", "São Paulo"
std::vector<std::string> CuratedHobbies();     // gerund phrases: "hiking", "playing chess"
std::vector<std::string> CuratedPetKinds();    // "dog", "parrot"
std::vector<std::string> CuratedPetNames();    // "Biscuit", "Mochi"
std::vector<std::string> CuratedRelatives();   // "sister", "grandma"
std::vector<std::string> CuratedFeelings();    // adjectives: "tired", "excited"
std::vector<std::string> CuratedWeather();     // "rainy", "sunny"
std::vector<std::string> CuratedPlans();       // verb phrases: "visit my parents"
std::vector<std::string> CuratedDrinks();      // "green tea"
std::vector<std::string> CuratedColors();      // "teal"

// Syllables that CombinedNames and CombinedPlaces (lexicon.h) join into new words.
std::vector<std::string> NameSyllables();
std::vector<std::string> PlaceSuffixes();      // "ton", "ville", " Bay"

}  // namespace brainhost::regions

#endif  // BRAINHOST_REGIONS_CORPUS_WORD_LISTS_H
