#include "arithmetic/arithmetic_question.h"

#include <algorithm>
#include <iterator>

namespace brainhost::regions::arithmetic {
namespace {

enum class Kind { kNumber, kPlus, kMinus, kTimes, kDivide, kWord };

struct Token {
  Kind kind;
  std::string text;    // a number's digits, or a word
  bool whole = true;   // a number without a decimal part
};

// The polite frame around a question, dropped wherever it stands: the grammar between the
// numbers (operators only) keeps "5 is 3" from being a question.
bool IsFrame(std::string_view word) {
  static constexpr std::string_view kFrame[] = {
      "what", "what's", "whats",  "is",     "how",   "much",   "calculate", "compute",
      "please", "tell", "me",     "can",    "you",   "could",  "would",     "hey",
      "ok",   "okay",   "so",     "the",    "answer", "result", "of",       "equals",
      "equal", "to",    "work",   "out",    "do",    "does",   "make",      "makes",
      "quick", "=",
  };
  return std::find(std::begin(kFrame), std::end(kFrame), word) != std::end(kFrame);
}

bool IsDigit(char c) { return c >= '0' && c <= '9'; }
bool IsLetter(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '\''; }

// The line as tokens; nullopt when it holds a character no arithmetic question has.
std::optional<std::vector<Token>> Lex(std::string_view s) {
  std::vector<Token> tokens;
  std::size_t i = 0;
  auto starts = [&](std::string_view with) { return s.substr(i).starts_with(with); };
  while (i < s.size()) {
    const char c = s[i];
    if (c == ' ' || c == '\t' || c == '?' || c == '!' || c == '.' || c == ',') {
      i++;
    } else if (IsDigit(c)) {
      Token t{Kind::kNumber, "", true};
      // Digits, with group commas between them ("1,234,567").
      while (i < s.size() && (IsDigit(s[i]) || (s[i] == ',' && i + 1 < s.size() &&
                                                IsDigit(s[i + 1])))) {
        if (s[i] != ',') t.text += s[i];
        i++;
      }
      if (i + 1 < s.size() && s[i] == '.' && IsDigit(s[i + 1])) {
        t.whole = false;
        for (i++; i < s.size() && IsDigit(s[i]); i++) {}
      }
      tokens.push_back(std::move(t));
    } else if (IsLetter(c)) {
      std::string word;
      for (; i < s.size() && IsLetter(s[i]); i++) {
        word += static_cast<char>(s[i] >= 'A' && s[i] <= 'Z' ? s[i] - 'A' + 'a' : s[i]);
      }
      tokens.push_back({Kind::kWord, std::move(word)});
    } else if (c == '+') {
      tokens.push_back({Kind::kPlus, "+"});
      i++;
    } else if (c == '-' || starts("\u2212")) {  // hyphen-minus or the minus sign
      tokens.push_back({Kind::kMinus, "-"});
      i += c == '-' ? 1 : 3;
    } else if (c == '*' || starts("\u00d7")) {
      tokens.push_back({Kind::kTimes, "*"});
      i += c == '*' ? 1 : 2;
    } else if (c == '/' || starts("\u00f7")) {
      tokens.push_back({Kind::kDivide, "/"});
      i += c == '/' ? 1 : 2;
    } else if (c == '=') {
      tokens.push_back({Kind::kWord, "="});
      i++;
    } else {
      return std::nullopt;
    }
  }
  return tokens;
}

// Operator words become operators; "x" is one only between two numbers.
void ReadOperatorWords(std::vector<Token>& tokens) {
  std::vector<Token> out;
  for (std::size_t i = 0; i < tokens.size(); i++) {
    Token t = tokens[i];
    if (t.kind == Kind::kWord) {
      const bool between = i > 0 && i + 1 < tokens.size() && tokens[i - 1].kind == Kind::kNumber &&
                           tokens[i + 1].kind == Kind::kNumber;
      const bool by_next = i + 1 < tokens.size() && tokens[i + 1].text == "by";
      if (t.text == "plus") {
        t.kind = Kind::kPlus;
      } else if (t.text == "minus") {
        t.kind = Kind::kMinus;
      } else if (t.text == "times" || (t.text == "x" && between)) {
        t.kind = Kind::kTimes;
      } else if ((t.text == "multiplied" || t.text == "divided") && by_next) {
        t.kind = t.text == "multiplied" ? Kind::kTimes : Kind::kDivide;
        i++;
      }
    }
    out.push_back(std::move(t));
  }
  tokens = std::move(out);
}

}  // namespace

std::optional<ArithmeticQuestion> ParseArithmetic(std::string_view line) {
  std::optional<std::vector<Token>> lexed = Lex(line);
  if (!lexed) return std::nullopt;
  ReadOperatorWords(*lexed);
  std::vector<Token> tokens;
  for (Token& t : *lexed) {
    if (t.kind != Kind::kWord) {
      tokens.push_back(std::move(t));
    } else if (!IsFrame(t.text)) {
      return std::nullopt;  // a word that is neither frame nor operator: not a question of ours
    }
  }
  // number (operator number)+, where a number may carry a minus sign.
  ArithmeticQuestion q;
  bool product = false, fraction = false, negative = false, long_operand = false;
  std::size_t i = 0;
  while (true) {
    bool sign = false;
    if (i < tokens.size() && tokens[i].kind == Kind::kMinus) {
      sign = true;
      i++;
    }
    if (i >= tokens.size() || tokens[i].kind != Kind::kNumber) return std::nullopt;
    const Token& number = tokens[i++];
    negative = negative || sign;
    fraction = fraction || !number.whole;
    const std::size_t first = std::min(number.text.find_first_not_of('0'), number.text.size() - 1);
    q.operands.push_back(number.text.substr(first));
    long_operand = long_operand || q.operands.back().size() > 7;
    if (i == tokens.size()) break;
    const Kind op = tokens[i++].kind;
    if (op == Kind::kNumber) return std::nullopt;
    product = product || op == Kind::kTimes || op == Kind::kDivide;
    q.operators.push_back(op == Kind::kMinus ? '-' : '+');
  }
  if (q.operators.empty()) return std::nullopt;
  q.decline = product        ? Decline::kOperation
              : fraction     ? Decline::kNotWhole
              : negative     ? Decline::kNegative
              : long_operand ? Decline::kTooManyDigits
                             : Decline::kNone;
  return q;
}

}  // namespace brainhost::regions::arithmetic
