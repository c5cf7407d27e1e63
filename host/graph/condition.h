// Condition: the `when` of a routing-graph edge, a tiny boolean language over a turn's features.
//
//   expr  := and ("or" and)*
//   and   := unary ("and" unary)*
//   unary := "not" unary | "(" expr ")" | atom
//   atom  := "always" | "answered" | "tag." NAME | "text." NAME
//          | "signal." NAME CMP NUMBER | "confidence" CMP NUMBER
//   CMP   := "<" | "<=" | ">" | ">=" | "==" | "!="
//   NUMBER := [+-]? [0-9]+ ("." [0-9]+)? ([eE] [+-]? [0-9]+)?   (finite)
//   NAME  := a blackboard slot name: [a-z0-9_.], at most BH_SLOT_NAME_MAX bytes, with no
//            leading, trailing or doubled dot
//
// So "not" binds tighter than "and", which binds tighter than "or". Words must be separated by
// spaces or parentheses: "tag.time and not answered", "(tag.math or tag.number) and
// signal.surprise > 2.5".
//
// What the atoms mean (answered and confidence are about the node the edge leaves):
//   answered      that node offered a reply (with any confidence)
//   confidence    the confidence of that reply, 0 when it did not answer
//   tag.X         the turn carries intent tag X (set by any region so far)
//   text.X        text slot X is set on the turn's blackboard
//   signal.X CMP  signal X is set and the comparison holds; every comparison, "!=" included, is
//                 false when the signal is unset
#ifndef BRAINHOST_HOST_GRAPH_CONDITION_H
#define BRAINHOST_HOST_GRAPH_CONDITION_H

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "region_info.h"
#include "status.h"

namespace brainhost {

// The features of a turn a condition can look at, as seen right after one node ran. The turn
// dispatcher implements it over the turn's blackboard; tests implement it over plain values.
class TurnFeatures {
 public:
  virtual ~TurnFeatures() = default;

  // Whether the turn carries the intent tag `name`.
  virtual bool HasTag(std::string_view name) const = 0;
  // Whether text slot `name` is set.
  virtual bool HasText(std::string_view name) const = 0;
  // The value of signal slot `name`, or nullopt when it is unset.
  virtual std::optional<double> Signal(std::string_view name) const = 0;
  // Whether the node the edge leaves answered.
  virtual bool Answered() const = 0;
  // The confidence of that node's answer; 0 when it did not answer.
  virtual double Confidence() const = 0;
};

// A parsed condition. A value type: copy it freely. Default-constructed, it is "always".
class Condition {
 public:
  Condition();

  // Whether the condition holds for `features`. Never fails: every parsed condition has a
  // value for every turn.
  bool Eval(const TurnFeatures& features) const;

  // The blackboard slots the condition reads, each once, in order of first appearance, with
  // kind BH_SLOT_TAG, BH_SLOT_TEXT or BH_SLOT_SIGNAL. "answered" and "confidence" are about the
  // node, not the blackboard, and do not appear.
  const std::vector<SlotInfo>& Reads() const { return reads_; }

  // The text it was parsed from, without surrounding whitespace; "always" by default.
  const std::string& text() const { return text_; }

  // Whether the condition is the bare atom "always" (so a drawing can leave its label off).
  bool IsAlways() const;

 private:
  friend class ConditionParser;

  enum class Op { kAlways, kAnswered, kTag, kText, kSignal, kConfidence, kNot, kAnd, kOr };
  enum class Cmp { kLt, kLe, kGt, kGe, kEq, kNe };

  // One node of the expression tree. Children are indices into nodes_, so the tree copies as
  // plain data. "and" and "or" are n-ary, so a long chain of them stays one level deep and
  // Eval's recursion is bounded by the nesting of parentheses and "not", which the parser caps.
  struct Node {
    Op op = Op::kAlways;
    std::vector<int> children;  // kNot: one; kAnd, kOr: two or more
    std::string name;           // kTag, kText, kSignal
    Cmp cmp = Cmp::kEq;         // kSignal, kConfidence
    double number = 0;          // kSignal, kConfidence
  };

  bool EvalNode(int index, const TurnFeatures& features) const;
  static bool Compare(double value, Cmp cmp, double number);

  std::vector<Node> nodes_;
  int root_ = 0;
  std::vector<SlotInfo> reads_;
  std::string text_;
};

// Parses `text` into *out. On failure returns InvalidArgument whose message says what was
// expected, what was found and at which 1-based column of `text`:
//   "expected 'and', 'or' or the end of the condition at column 10, found 'tag.x'"
// and leaves *out untouched.
Status ParseCondition(std::string_view text, Condition* out);

}  // namespace brainhost

#endif  // BRAINHOST_HOST_GRAPH_CONDITION_H
