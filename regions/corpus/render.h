// Filling a template's slots, and the casing of a rendered line.
//
// Slots (the fields of Facts): {name} {age} {job} {a_job} {years} {pet} {a_pet} {pet_name}
// {num} {rel} {rel_name} {rel_job} {a_rel_job} {city} {hobby} {food} {plan} {plan_you}
// {feeling} {weather} {drink} {color}. An "a_" slot carries its indefinite article ("an
// editor"); {plan_you} is the plan told back with "my" turned into "your".
#ifndef BRAINHOST_REGIONS_CORPUS_RENDER_H
#define BRAINHOST_REGIONS_CORPUS_RENDER_H

#include <string>
#include <string_view>

namespace brainhost::regions {

// The values one conversation talks about; drawn once per conversation (conversation.cc).
struct Facts {
  std::string name, age, job, a_job, years, pet, a_pet, pet_name, num, rel, rel_name, rel_job,
      a_rel_job, city, hobby, food, plan, plan_you, feeling, weather, drink, color;
};

// noun with "a" or "an" before it, by its first letter ("an iguana", "a nurse").
std::string WithArticle(std::string_view noun);

// text with the whole word "my" replaced by "your" ("visit my parents" -> "visit your parents").
std::string MyToYour(std::string_view text);

// Appends text to out with each {slot} replaced by its value in facts. Throws
// std::invalid_argument naming the template for an unknown slot or an unclosed brace.
void RenderTemplate(std::string_view text, const Facts& facts, std::string& out);

// Sentence case for out[from..]: the first ASCII letter of each sentence is capitalised and
// the pronoun "i" (alone or in "i'm", "i've", ...) becomes "I". Values keep their own case
// otherwise, so "Zürich" and "iPhone"-like spellings inside a sentence are untouched.
void SentenceCase(std::string& out, size_t from);

}  // namespace brainhost::regions

#endif  // BRAINHOST_REGIONS_CORPUS_RENDER_H
