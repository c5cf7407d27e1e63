// The small-talk repetition measures: words are case- and punctuation-blind, runs are counted
// inside a reply only, and bigrams are counted across replies.
#include <doctest/doctest.h>

#include "cortex/reply_quality.h"

namespace cx = brainhost::regions::cortex;

TEST_CASE("reply quality: consecutive repeats") {
  CHECK(cx::MaxConsecutiveRepeat({}) == 0);
  CHECK(cx::MaxConsecutiveRepeat({"Hi there, how are you?"}) == 1);
  CHECK(cx::MaxConsecutiveRepeat({"that is so so nice"}) == 2);
  CHECK(cx::MaxConsecutiveRepeat({"Nice! nice, NICE."}) == 3);
  CHECK(cx::MaxConsecutiveRepeat({"ends with nice", "nice starts this"}) == 1);  // not across
  CHECK(cx::MaxConsecutiveRepeat({"I'm fine", "i'm i'm fine"}) == 2);
}

TEST_CASE("reply quality: distinct bigrams") {
  CHECK(cx::DistinctBigrams({}) == 1.0);
  CHECK(cx::DistinctBigrams({"hello"}) == 1.0);
  CHECK(cx::DistinctBigrams({"a b c", "d e f"}) == 1.0);
  CHECK(cx::DistinctBigrams({"how are you", "How are YOU!"}) == doctest::Approx(0.5));
  CHECK(cx::DistinctBigrams({"a b a b"}) == doctest::Approx(2.0 / 3.0));
}
