// How much sleep wants to replay a turn (turn/replay_priority.h).
#include <doctest/doctest.h>

#include "turn/replay_priority.h"

namespace brainhost {

TEST_CASE("replay marks: important lines and confirmations, never negated ones") {
  CHECK(ReadReplayMarks("Remember this: my locker code is 4417").important);
  CHECK(ReadReplayMarks("please don't forget that i'm allergic to nuts").important);
  CHECK_FALSE(ReadReplayMarks("it's not important").important);
  CHECK_FALSE(ReadReplayMarks("i remember the war").important);
  CHECK(ReadReplayMarks("thanks, that's right!").confirms_previous);
  CHECK(ReadReplayMarks("Exactly.").confirms_previous);
  CHECK_FALSE(ReadReplayMarks("that's not right").confirms_previous);
  CHECK_FALSE(ReadReplayMarks("that is incorrect").confirms_previous);
  CHECK_FALSE(ReadReplayMarks("turn right at the corner").confirms_previous);
  CHECK_FALSE(ReadReplayMarks("is that correct?").confirms_previous);
}

TEST_CASE("turn priority: surprise weighs up to 2 more, an important line 2 more") {
  CHECK(TurnPriority(std::nullopt, {}) == doctest::Approx(1.0));
  CHECK(TurnPriority(4.0, {}) == doctest::Approx(2.0));
  CHECK(TurnPriority(40.0, {}) == doctest::Approx(3.0));
  CHECK(TurnPriority(-1.0, {}) == doctest::Approx(1.0));
  CHECK(TurnPriority(0.0, {true, false}) == doctest::Approx(3.0));
}

TEST_CASE("a replay row is one exchange in the cortex's framing, two lines whatever it says") {
  CHECK(ReplayText("hi", "Hello!") == "U: hi\nG: Hello!\n");
  CHECK(ReplayText("a\nb", "c\r\nd") == "U: a b\nG: c  d\n");
}

}  // namespace brainhost
