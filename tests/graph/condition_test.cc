#include "graph/condition.h"

#include <doctest/doctest.h>

#include <map>
#include <set>
#include <string>

namespace brainhost {
namespace {

struct FakeFeatures : TurnFeatures {
  std::set<std::string, std::less<>> tags, texts;
  std::map<std::string, double, std::less<>> signals;
  bool answered = false;
  double confidence = 0;

  bool HasTag(std::string_view name) const override { return tags.contains(name); }
  bool HasText(std::string_view name) const override { return texts.contains(name); }
  std::optional<double> Signal(std::string_view name) const override {
    auto it = signals.find(name);
    if (it == signals.end()) return std::nullopt;
    return it->second;
  }
  bool Answered() const override { return answered; }
  double Confidence() const override { return confidence; }
};

Condition Parse(std::string_view text) {
  Condition c;
  Status s = ParseCondition(text, &c);
  INFO(text << ": " << s.ToString());
  REQUIRE(s.ok());
  return c;
}

std::string ParseError(std::string_view text) {
  Condition c;
  Status s = ParseCondition(text, &c);
  CHECK(s.IsInvalidArgument());
  return s.message();
}

// Features with tags a, b and c set as the low three bits of `bits` say.
FakeFeatures Tags(int bits) {
  FakeFeatures f;
  if (bits & 1) f.tags.insert("a");
  if (bits & 2) f.tags.insert("b");
  if (bits & 4) f.tags.insert("c");
  return f;
}

TEST_CASE("a default condition is always") {
  Condition c;
  CHECK(c.text() == "always");
  CHECK(c.IsAlways());
  CHECK(c.Reads().empty());
  CHECK(c.Eval(FakeFeatures{}));
}

TEST_CASE("atoms") {
  FakeFeatures none;
  FakeFeatures f;
  f.tags = {"time"};
  f.texts = {"user.name"};
  f.signals = {{"surprise", 2.5}};
  f.answered = true;
  f.confidence = 0.7;

  CHECK(Parse("always").Eval(none));
  CHECK(Parse("always").IsAlways());
  CHECK_FALSE(Parse("answered").IsAlways());
  CHECK(Parse("answered").Eval(f));
  CHECK_FALSE(Parse("answered").Eval(none));
  CHECK(Parse("tag.time").Eval(f));
  CHECK_FALSE(Parse("tag.time").Eval(none));
  CHECK_FALSE(Parse("tag.tim").Eval(f));
  CHECK(Parse("text.user.name").Eval(f));
  CHECK_FALSE(Parse("text.user.name").Eval(none));
  CHECK(Parse("signal.surprise > 2").Eval(f));
  CHECK_FALSE(Parse("signal.surprise > 2").Eval(none));
  CHECK(Parse("confidence >= 0.7").Eval(f));
  CHECK_FALSE(Parse("confidence >= 0.7").Eval(none));
  CHECK(Parse("confidence == 0").Eval(none));
}

TEST_CASE("comparisons, and an unset signal fails every one of them") {
  FakeFeatures f;
  f.signals = {{"x", 2}};
  f.confidence = 2;
  FakeFeatures unset;
  struct Row {
    const char* cmp;
    bool lt, eq, gt;  // the result against 3, 2 and 1
  };
  for (Row row : {Row{"<", true, false, false}, Row{"<=", true, true, false},
                  Row{">", false, false, true}, Row{">=", false, true, true},
                  Row{"==", false, true, false}, Row{"!=", true, false, true}}) {
    for (std::string subject : {"signal.x", "confidence"}) {
      CAPTURE(row.cmp);
      CAPTURE(subject);
      CHECK(Parse(subject + " " + row.cmp + " 3").Eval(f) == row.lt);
      CHECK(Parse(subject + " " + row.cmp + " 2").Eval(f) == row.eq);
      CHECK(Parse(subject + row.cmp + "1").Eval(f) == row.gt);
    }
    CHECK_FALSE(Parse(std::string("signal.x ") + row.cmp + " 2").Eval(unset));
  }
}

TEST_CASE("numbers") {
  FakeFeatures f;
  f.signals = {{"x", -150}};
  CHECK(Parse("signal.x == -1.5e2").Eval(f));
  CHECK(Parse("signal.x < +0").Eval(f));
  CHECK(Parse("signal.x > -150.5").Eval(f));
  CHECK(Parse("signal.x == -15E+1").Eval(f));
}

TEST_CASE("precedence: not binds tighter than and, and tighter than or") {
  for (int bits = 0; bits < 8; ++bits) {
    FakeFeatures f = Tags(bits);
    bool a = bits & 1, b = bits & 2, c = bits & 4;
    CAPTURE(bits);
    CHECK(Parse("tag.a or tag.b and tag.c").Eval(f) == (a || (b && c)));
    CHECK(Parse("tag.a and tag.b or tag.c").Eval(f) == ((a && b) || c));
    CHECK(Parse("not tag.a and tag.b").Eval(f) == (!a && b));
    CHECK(Parse("not tag.a or tag.b").Eval(f) == (!a || b));
    CHECK(Parse("not not tag.a").Eval(f) == a);
    CHECK(Parse("tag.a and tag.b and tag.c").Eval(f) == (a && b && c));
    CHECK(Parse("tag.a or tag.b or tag.c").Eval(f) == (a || b || c));
  }
}

TEST_CASE("parentheses override precedence") {
  for (int bits = 0; bits < 8; ++bits) {
    FakeFeatures f = Tags(bits);
    bool a = bits & 1, b = bits & 2, c = bits & 4;
    CAPTURE(bits);
    CHECK(Parse("(tag.a or tag.b) and tag.c").Eval(f) == ((a || b) && c));
    CHECK(Parse("not (tag.a and tag.b)").Eval(f) == !(a && b));
    CHECK(Parse("not(tag.a or tag.b)").Eval(f) == !(a || b));
    CHECK(Parse("tag.a and (tag.b or not tag.c)").Eval(f) == (a && (b || !c)));
    CHECK(Parse("((tag.a))").Eval(f) == a);
  }
}

TEST_CASE("Reads lists each slot once, in order, with its kind") {
  Condition c =
      Parse("tag.time and (text.name or signal.surprise > 1) and not tag.time and answered and "
            "confidence < 1 and text.time");
  const std::vector<SlotInfo>& reads = c.Reads();
  REQUIRE(reads.size() == 4);
  CHECK(reads[0].name == "time");
  CHECK(reads[0].kind == BH_SLOT_TAG);
  CHECK(reads[1].name == "name");
  CHECK(reads[1].kind == BH_SLOT_TEXT);
  CHECK(reads[2].name == "surprise");
  CHECK(reads[2].kind == BH_SLOT_SIGNAL);
  CHECK(reads[3].name == "time");
  CHECK(reads[3].kind == BH_SLOT_TEXT);
}

TEST_CASE("text() keeps what was written, trimmed") {
  CHECK(Parse("  tag.time and  not answered\t").text() == "tag.time and  not answered");
}

TEST_CASE("a failed parse leaves the output untouched") {
  Condition c = Parse("tag.kept");
  CHECK_FALSE(ParseCondition("tag.", &c).ok());
  CHECK(c.text() == "tag.kept");
}

TEST_CASE("errors say what was expected, where, and what was found") {
  const std::string atom =
      "expected 'always', 'answered', 'confidence', 'tag.NAME', 'text.NAME', 'signal.NAME', "
      "'not' or '('";
  CHECK(ParseError("") == atom + " at column 1, found the end of the condition");
  CHECK(ParseError("   ") == atom + " at column 4, found the end of the condition");
  CHECK(ParseError("tag.a and") == atom + " at column 10, found the end of the condition");
  CHECK(ParseError("tag.a and or tag.b") == atom + " at column 11, found 'or'");
  CHECK(ParseError("Tag.a") == atom + " at column 1, found 'Tag.a'");
  CHECK(ParseError("tag") == atom + " at column 1, found 'tag'");
  CHECK(ParseError("notanswered") == atom + " at column 1, found 'notanswered'");
  CHECK(ParseError("tag.a && tag.b") ==
        "expected 'and', 'or' or the end of the condition at column 7, found '&'");
  CHECK(ParseError("tag.a tag.b") ==
        "expected 'and', 'or' or the end of the condition at column 7, found 'tag.b'");
  CHECK(ParseError("tag.a)") ==
        "expected 'and', 'or' or the end of the condition at column 6, found ')'");
  CHECK(ParseError("(tag.a or (tag.b)") ==
        "expected ')' (to close the '(' at column 1) at column 18, found the end of the condition");
  CHECK(ParseError("signal.x") ==
        "expected a comparison ('<', '<=', '>', '>=', '==' or '!=') at column 9, found the end "
        "of the condition");
  CHECK(ParseError("signal.x = 2") ==
        "expected a comparison ('<', '<=', '>', '>=', '==' or '!=') at column 10, found '='");
  CHECK(ParseError("confidence > high") == "expected a number at column 14, found 'high'");
  CHECK(ParseError("signal.x > 2x") == "expected a number at column 12, found '2x'");
  CHECK(ParseError("signal.x > .5") == "expected a number at column 12, found '.5'");
  CHECK(ParseError("signal.x > 1e999") == "number '1e999' at column 12 is out of range");
}

TEST_CASE("slot names are checked") {
  CHECK(ParseError("tag.") == "slot name '' after 'tag.' at column 5 is empty");
  CHECK(ParseError("text.Name") ==
        "slot name 'Name' after 'text.' at column 6 may only use [a-z0-9_.]");
  CHECK(ParseError("signal.a..b > 1") ==
        "slot name 'a..b' after 'signal.' at column 8 has a leading, trailing or doubled '.'");
  CHECK(ParseError("tag.x.") ==
        "slot name 'x.' after 'tag.' at column 5 has a leading, trailing or doubled '.'");
  CHECK(ParseError("tag.é") == "slot name 'é' after 'tag.' at column 5 may only use [a-z0-9_.]");
  CHECK(ParseError("tag.a-b or tag.c") ==
        "slot name 'a-b' after 'tag.' at column 5 may only use [a-z0-9_.]");
  CHECK(ParseError("tag." + std::string(65, 'x')) ==
        "slot name '" + std::string(65, 'x') + "' after 'tag.' at column 5 is longer than 64 bytes");
  Parse("tag." + std::string(64, 'x'));
}

TEST_CASE("nesting is capped, and chains of and/or are not nesting") {
  std::string deep;
  for (int i = 0; i < 64; ++i) deep += "not ";
  Parse(deep + "answered");
  CHECK(ParseError(deep + "not answered") ==
        "condition nests 'not' and '(' deeper than 64 at column 257");
  CHECK(ParseError(std::string(100000, '(')).find("deeper than 64") != std::string::npos);

  std::string chain = "tag.a";
  for (int i = 0; i < 100000; ++i) chain += " and tag.a";
  FakeFeatures f = Tags(1);
  CHECK(Parse(chain).Eval(f));
}

}  // namespace
}  // namespace brainhost
