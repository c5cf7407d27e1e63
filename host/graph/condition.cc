#include "graph/condition.h"

#include <brainhost/region.h>

#include <cassert>
#include <charconv>
#include <cmath>
#include <utility>

namespace brainhost {

namespace {

// A config file is untrusted input: without a cap, "((((..." a few hundred thousand deep would
// overflow the parser's stack (and Eval's) instead of failing with a message.
constexpr int kMaxNesting = 64;

bool IsWordChar(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_' ||
         c == '.';
}

bool IsSpace(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; }

bool IsDelimiter(char c) {
  return IsSpace(c) || c == '(' || c == ')' || c == '<' || c == '>' || c == '=' || c == '!';
}

// Why `name` is not a valid slot name, or empty when it is.
std::string SlotNameProblem(std::string_view name) {
  if (name.empty()) return "is empty";
  if (name.size() > BH_SLOT_NAME_MAX) {
    return "is longer than " + std::to_string(BH_SLOT_NAME_MAX) + " bytes";
  }
  for (char c : name) {
    if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_' || c == '.')) {
      return "may only use [a-z0-9_.]";
    }
  }
  if (name.front() == '.' || name.back() == '.' || name.find("..") != std::string_view::npos) {
    return "has a leading, trailing or doubled '.'";
  }
  return {};
}

}  // namespace

// Recursive descent over the grammar in condition.h, scanning tokens on demand: whether "2.5"
// is a number or a word depends on where it stands, and a slot name may hold dots, so a
// context-free tokenizer would have to guess.
class ConditionParser {
 public:
  // result_ starts as a default Condition, whose "always" node the parse must not inherit.
  explicit ConditionParser(std::string_view text) : text_(text) { result_.nodes_.clear(); }

  Status Parse(Condition* out) {
    int root = -1;
    Status s = ParseOr(&root);
    if (!s.ok()) return s;
    SkipSpace();
    if (pos_ != text_.size()) {
      return Expected("'and', 'or' or the end of the condition");
    }
    result_.root_ = root;
    size_t begin = text_.find_first_not_of(" \t\r\n");
    size_t end = text_.find_last_not_of(" \t\r\n");
    result_.text_ = std::string(text_.substr(begin, end - begin + 1));
    *out = std::move(result_);
    return Status::OK();
  }

 private:
  using Op = Condition::Op;
  using Cmp = Condition::Cmp;
  using Node = Condition::Node;

  // expr := and ("or" and)*
  Status ParseOr(int* out) { return ParseChain(Op::kOr, "or", &ConditionParser::ParseAnd, out); }

  // and := unary ("and" unary)*
  Status ParseAnd(int* out) {
    return ParseChain(Op::kAnd, "and", &ConditionParser::ParseUnary, out);
  }

  Status ParseChain(Op op, std::string_view keyword, Status (ConditionParser::*operand)(int*),
                    int* out) {
    int first = -1;
    Status s = (this->*operand)(&first);
    if (!s.ok()) return s;
    std::vector<int> children{first};
    while (true) {
      SkipSpace();
      if (PeekWord() != keyword) break;
      pos_ += keyword.size();
      int next = -1;
      s = (this->*operand)(&next);
      if (!s.ok()) return s;
      children.push_back(next);
    }
    if (children.size() == 1) {
      *out = first;
    } else {
      Node node;
      node.op = op;
      node.children = std::move(children);
      *out = Add(std::move(node));
    }
    return Status::OK();
  }

  // unary := "not" unary | "(" expr ")" | atom
  Status ParseUnary(int* out) {
    SkipSpace();
    bool is_not = PeekWord() == "not";
    bool is_paren = pos_ < text_.size() && text_[pos_] == '(';
    if ((is_not || is_paren) && depth_ == kMaxNesting) {
      return Status::InvalidArgument("condition nests 'not' and '(' deeper than " +
                                     std::to_string(kMaxNesting) + " at column " + Column());
    }
    if (is_not) {
      pos_ += 3;
      int operand = -1;
      ++depth_;
      Status s = ParseUnary(&operand);
      --depth_;
      if (!s.ok()) return s;
      Node node;
      node.op = Op::kNot;
      node.children = {operand};
      *out = Add(std::move(node));
      return Status::OK();
    }
    if (is_paren) {
      std::string open_column = Column();
      ++pos_;
      ++depth_;
      Status s = ParseOr(out);
      --depth_;
      if (!s.ok()) return s;
      SkipSpace();
      if (pos_ == text_.size() || text_[pos_] != ')') {
        return Expected("')' (to close the '(' at column " + open_column + ")");
      }
      ++pos_;
      return Status::OK();
    }
    return ParseAtom(out);
  }

  // atom := "always" | "answered" | "tag." NAME | "text." NAME | "signal." NAME CMP NUMBER
  //       | "confidence" CMP NUMBER
  Status ParseAtom(int* out) {
    std::string_view word = PeekWord();
    Node node;
    if (word == "always" || word == "answered") {
      node.op = word == "always" ? Op::kAlways : Op::kAnswered;
      pos_ += word.size();
    } else if (word == "confidence") {
      node.op = Op::kConfidence;
      pos_ += word.size();
      Status s = ParseComparison(&node);
      if (!s.ok()) return s;
    } else if (word.starts_with("tag.") || word.starts_with("text.") ||
               word.starts_with("signal.")) {
      size_t dot = word.find('.');
      std::string_view prefix = word.substr(0, dot);
      // The name runs to the next delimiter, not just over word characters, so "tag.a-b" is
      // reported as a bad name rather than as a stray '-'.
      size_t end = pos_ + dot + 1;
      while (end < text_.size() && !IsDelimiter(text_[end])) ++end;
      std::string_view name = text_.substr(pos_ + dot + 1, end - (pos_ + dot + 1));
      std::string problem = SlotNameProblem(name);
      if (!problem.empty()) {
        return Status::InvalidArgument("slot name '" + std::string(name) + "' after '" +
                                       std::string(prefix) + ".' at column " +
                                       std::to_string(pos_ + dot + 2) + " " + problem);
      }
      bh_slot_kind kind = BH_SLOT_TAG;
      node.op = Op::kTag;
      if (prefix == "text") {
        kind = BH_SLOT_TEXT;
        node.op = Op::kText;
      } else if (prefix == "signal") {
        kind = BH_SLOT_SIGNAL;
        node.op = Op::kSignal;
      }
      node.name = std::string(name);
      pos_ = end;
      if (node.op == Op::kSignal) {
        Status s = ParseComparison(&node);
        if (!s.ok()) return s;
      }
      AddRead(node.name, kind);
    } else {
      return Expected(
          "'always', 'answered', 'confidence', 'tag.NAME', 'text.NAME', 'signal.NAME', 'not' "
          "or '('");
    }
    *out = Add(std::move(node));
    return Status::OK();
  }

  // CMP NUMBER, after "confidence" or "signal.NAME".
  Status ParseComparison(Node* node) {
    SkipSpace();
    static constexpr std::pair<std::string_view, Cmp> kCmps[] = {
        {"<=", Cmp::kLe}, {">=", Cmp::kGe}, {"==", Cmp::kEq},
        {"!=", Cmp::kNe}, {"<", Cmp::kLt},  {">", Cmp::kGt}};
    bool found = false;
    for (const auto& [spelling, cmp] : kCmps) {
      if (text_.substr(pos_).starts_with(spelling)) {
        node->cmp = cmp;
        pos_ += spelling.size();
        found = true;
        break;
      }
    }
    if (!found) return Expected("a comparison ('<', '<=', '>', '>=', '==' or '!=')");

    SkipSpace();
    size_t start = pos_;
    size_t end = pos_;
    if (end < text_.size() && (text_[end] == '-' || text_[end] == '+')) ++end;
    size_t digits = end;
    while (end < text_.size() && text_[end] >= '0' && text_[end] <= '9') ++end;
    if (end == digits) return Expected("a number");
    if (end + 1 < text_.size() && text_[end] == '.' && text_[end + 1] >= '0' &&
        text_[end + 1] <= '9') {
      ++end;
      while (end < text_.size() && text_[end] >= '0' && text_[end] <= '9') ++end;
    }
    if (end < text_.size() && (text_[end] == 'e' || text_[end] == 'E')) {
      size_t exponent = end + 1;
      if (exponent < text_.size() && (text_[exponent] == '-' || text_[exponent] == '+')) {
        ++exponent;
      }
      size_t exponent_digits = exponent;
      while (exponent < text_.size() && text_[exponent] >= '0' && text_[exponent] <= '9') {
        ++exponent;
      }
      if (exponent > exponent_digits) end = exponent;
    }
    if (end < text_.size() && IsWordChar(text_[end])) {
      pos_ = start;
      return Expected("a number");
    }
    // from_chars rejects a leading '+', which the grammar allows.
    size_t parse_from = text_[start] == '+' ? start + 1 : start;
    auto [ptr, ec] = std::from_chars(text_.data() + parse_from, text_.data() + end, node->number);
    if (ec != std::errc() || !std::isfinite(node->number)) {
      return Status::InvalidArgument("number '" + std::string(text_.substr(start, end - start)) +
                                     "' at column " + std::to_string(start + 1) +
                                     " is out of range");
    }
    assert(ptr == text_.data() + end);
    pos_ = end;
    return Status::OK();
  }

  void SkipSpace() {
    while (pos_ < text_.size() && IsSpace(text_[pos_])) ++pos_;
  }

  // The run of word characters at the cursor; empty when there is none.
  std::string_view PeekWord() const {
    size_t end = pos_;
    while (end < text_.size() && IsWordChar(text_[end])) ++end;
    return text_.substr(pos_, end - pos_);
  }

  std::string Column() const { return std::to_string(pos_ + 1); }

  // "expected WHAT at column N, found X", X being the token at the cursor.
  Status Expected(const std::string& what) const {
    std::string found;
    if (pos_ == text_.size()) {
      found = "the end of the condition";
    } else if (std::string_view word = PeekWord(); !word.empty()) {
      found = "'" + std::string(word) + "'";
    } else {
      // One character, whole: a UTF-8 lead byte takes its continuation bytes with it.
      size_t end = pos_ + 1;
      while (end < text_.size() && (static_cast<unsigned char>(text_[end]) & 0xC0) == 0x80) ++end;
      found = "'" + std::string(text_.substr(pos_, end - pos_)) + "'";
    }
    return Status::InvalidArgument("expected " + what + " at column " + Column() + ", found " +
                                   found);
  }

  int Add(Node node) {
    result_.nodes_.push_back(std::move(node));
    return static_cast<int>(result_.nodes_.size()) - 1;
  }

  void AddRead(const std::string& name, bh_slot_kind kind) {
    for (const SlotInfo& slot : result_.reads_) {
      if (slot.name == name && slot.kind == kind) return;
    }
    result_.reads_.push_back(SlotInfo{name, kind});
  }

  std::string_view text_;
  size_t pos_ = 0;
  int depth_ = 0;
  Condition result_;
};

Condition::Condition() : nodes_(1), text_("always") {}

bool Condition::IsAlways() const { return nodes_[root_].op == Op::kAlways; }

bool Condition::Eval(const TurnFeatures& features) const { return EvalNode(root_, features); }

bool Condition::EvalNode(int index, const TurnFeatures& features) const {
  const Node& node = nodes_[index];
  switch (node.op) {
    case Op::kAlways: return true;
    case Op::kAnswered: return features.Answered();
    case Op::kTag: return features.HasTag(node.name);
    case Op::kText: return features.HasText(node.name);
    case Op::kSignal: {
      std::optional<double> value = features.Signal(node.name);
      return value.has_value() && Compare(*value, node.cmp, node.number);
    }
    case Op::kConfidence: return Compare(features.Confidence(), node.cmp, node.number);
    case Op::kNot: return !EvalNode(node.children[0], features);
    case Op::kAnd:
      for (int child : node.children) {
        if (!EvalNode(child, features)) return false;
      }
      return true;
    case Op::kOr:
      for (int child : node.children) {
        if (EvalNode(child, features)) return true;
      }
      return false;
  }
  return false;
}

bool Condition::Compare(double value, Cmp cmp, double number) {
  switch (cmp) {
    case Cmp::kLt: return value < number;
    case Cmp::kLe: return value <= number;
    case Cmp::kGt: return value > number;
    case Cmp::kGe: return value >= number;
    case Cmp::kEq: return value == number;
    case Cmp::kNe: return value != number;
  }
  return false;
}

Status ParseCondition(std::string_view text, Condition* out) {
  return ConditionParser(text).Parse(out);
}

}  // namespace brainhost
