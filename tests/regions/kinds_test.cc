// Which nouns are kinds of which (language/kinds.h), over the shipped kinds.tsv.
#include <doctest/doctest.h>

#include <filesystem>
#include <fstream>

#include "language/kinds.h"

namespace brainhost::regions {

TEST_CASE("kinds: a kind of a kind, a role over what it is a kind of, never a sibling") {
  const Kinds kinds = Kinds::Load(std::filesystem::path(MODELS_DIR) / "kinds.tsv");
  CHECK(kinds.nouns() > 100000);
  // Kinds at any height.
  CHECK(kinds.IsA("parrot", "bird"));
  CHECK(kinds.IsA("axolotl", "animal"));
  CHECK(kinds.IsA("guinea_pig", "rodent"));
  CHECK(kinds.IsA("aunt", "relative"));
  // Regular plurals, by WordNet's detachment rules.
  CHECK(kinds.IsA("rats", "pet"));
  CHECK(kinds.IsA("ponies", "animals"));
  CHECK(kinds.IsA("guinea_pigs", "pets"));
  CHECK(kinds.IsA("women", "person"));
  CHECK(kinds.CanBe("potatoes", "food"));  // "oes", an exception WordNet lists word by word
  CHECK_FALSE(kinds.IsA("pets", "pet"));
  // A pet is an animal kept: any animal can be one.
  for (const char* animal : {"rat", "axolotl", "duck", "chinchilla", "gecko", "guinea_pig"}) {
    CHECK_MESSAGE(kinds.IsA(animal, "pet"), animal);
  }
  // Nouns with kinds of their own cover none of their siblings.
  CHECK_FALSE(kinds.IsA("cat", "dog"));
  CHECK_FALSE(kinds.IsA("wife", "husband"));
  CHECK_FALSE(kinds.IsA("brother", "sister"));
  CHECK_FALSE(kinds.IsA("sister", "pet"));
  CHECK_FALSE(kinds.IsA("car", "pet"));
  CHECK_FALSE(kinds.IsA("bird", "parrot"));  // upwards only
  CHECK_FALSE(kinds.IsA("pet", "pet"));
  CHECK_FALSE(kinds.IsA("zorblax", "animal"));  // not a noun WordNet knows
  // Roles among people cover no one: a guinea pig is first the subject of an experiment.
  for (const char* person : {"mom", "husband", "life", "have"}) {
    CHECK_FALSE_MESSAGE(kinds.IsA(person, "guinea_pig"), person);
    CHECK_FALSE_MESSAGE(kinds.IsA(person, "neighbor"), person);
  }
}

TEST_CASE("kinds: a word can be a kind in any of the kind's senses") {
  const Kinds kinds = Kinds::Load(std::filesystem::path(MODELS_DIR) / "kinds.tsv");
  // A drink is first a serving of one; mate and lemonade are drinks as beverages.
  CHECK_FALSE(kinds.IsA("mate", "drink"));
  CHECK(kinds.CanBe("mate", "drink"));
  CHECK(kinds.CanBe("lemonade", "drink"));
  CHECK(kinds.CanBe("silver", "color"));
  CHECK(kinds.CanBe("board_games", "activity"));
  CHECK_FALSE(kinds.CanBe("lemonade", "city"));
  CHECK_FALSE(kinds.CanBe("day", "activity"));
  CHECK_FALSE(kinds.CanBe("drink", "drink"));
  CHECK_FALSE(kinds.CanBe("zorblax", "drink"));
  // Usually: in the word's first sense only.
  CHECK(kinds.CanBe("photography", "activity", true));
  CHECK(kinds.CanBe("lemonade", "drink", true));
  CHECK_FALSE(kinds.CanBe("mate", "drink", true));
}

TEST_CASE("kinds: a damaged file is refused with its name") {
  const std::filesystem::path path =
      std::filesystem::temp_directory_path() / "brainhost-kinds-test.tsv";
  for (const char* text : {"", "# brainhost kinds v1\ns\t1\t0\n",
                           "# brainhost kinds v1\nx\t\t0\n",
                           "# brainhost kinds v1\ns\t\t0\nw\tpet\t7\n"}) {
    std::ofstream(path, std::ios::trunc) << text;
    CHECK_THROWS_WITH_AS(Kinds::Load(path), doctest::Contains(path.string().c_str()),
                         std::runtime_error);
  }
  std::filesystem::remove(path);
}

}  // namespace brainhost::regions
