// The cortex's reading of which remembered line a question refers to (hippo/question_surprise.h),
// with the shipped cortex.
#include <doctest/doctest.h>

#include <filesystem>
#include <string_view>
#include <vector>

#include "cortex/checkpoint.h"
#include "hippo/question_surprise.h"
#include "tokenizer/tokenizer.h"

namespace cx = brainhost::regions::cortex;
namespace hp = brainhost::regions::hippo;

TEST_CASE("the shipped cortex misses most the line a paraphrase asks about" *
          doctest::skip(!std::filesystem::exists(CORTEX_WEIGHTS))) {
  cx::CortexRegion cortex(cx::load_checkpoint(CORTEX_WEIGHTS),
                          brainhost::regions::Tokenizer::Load(TOKENIZER_MODEL));
  const hp::QuestionSurprise surprise = hp::CortexQuestionSurprise(cortex);
  struct Case {
    std::string_view meant, other, question;
  };
  for (const Case& c : {Case{"my favorite pastime is knitting.", "i finished my chores.",
                             "what do i do for fun?"},
                        Case{"we live in Lumafield.", "i could eat jollof rice every day.",
                             "what's my city?"}}) {
    INFO(c.question);
    for (const std::vector<std::string_view>& lines :
         {std::vector<std::string_view>{c.meant, c.other},
          std::vector<std::string_view>{c.other, c.meant}}) {
      const double with = surprise(lines, c.question);
      CHECK(surprise({c.other}, c.question) - with > surprise({c.meant}, c.question) - with);
    }
  }
  // Only the question's content words count: one with none is never surprising.
  CHECK(surprise({"my favorite pastime is knitting."}, "what is it?") == 0.0);
}
