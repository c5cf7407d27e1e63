#include "cortex/cortex_region.h"

#include <algorithm>
#include <cassert>
#include <cmath>
#include <stdexcept>

#include "cortex/word_surprise.h"
#include "language/tokenizer.h"
#include "tokenizer/special_tokens.h"

namespace brainhost::regions::cortex {
namespace {

// ln Σ exp(logits) over the V logits, max-subtracted.
double LogSumExp(const float* logits, int V) {
  const float mx = *std::max_element(logits, logits + V);
  double sum = 0;
  for (int i = 0; i < V; i++) sum += std::exp(double(logits[i]) - mx);
  return mx + std::log(sum);
}

// The step's state over the checkpoint's parameters, which it copies.
InferenceState MakeState(const Checkpoint& weights, const InferenceOptions& options) {
  if (!weights.config.valid() || weights.params.size() != parameter_count(weights.config)) {
    throw std::invalid_argument("cortex weights: the parameters do not match the shape");
  }
  Parameters<float> p{};
  // point() takes a mutable buffer; the state only reads it, while it builds its copy.
  p.point(const_cast<float*>(weights.params.data()), weights.config);
  return InferenceState(p, weights.config, options);
}

std::string TrimSpaces(std::string text) {
  const std::size_t b = text.find_first_not_of(' ');
  if (b == std::string::npos) return "";
  return text.substr(b, text.find_last_not_of(' ') - b + 1);
}

}  // namespace

CortexRegion::CortexRegion(const Checkpoint& weights, Tokenizer tokenizer,
                           const InferenceOptions& options)
    : config_(weights.config),
      tokenizer_(std::move(tokenizer)),
      state_(MakeState(weights, options)),
      perceive_window_(tokenizer_),
      respond_window_(tokenizer_) {
  if (tokenizer_.vocab_size() != config_.vocab) {
    throw std::invalid_argument("the tokenizer " + tokenizer_.path() + " has " +
                                std::to_string(tokenizer_.vocab_size()) +
                                " pieces but the cortex weights have a vocabulary of " +
                                std::to_string(config_.vocab));
  }
  if (config_.context < 16) {
    throw std::invalid_argument("the cortex context of " + std::to_string(config_.context) +
                                " tokens is too short for a conversation");
  }
}

template <class Visit>
void CortexRegion::Run(const std::vector<int>& prompt, std::size_t from, Visit&& visit) {
  std::size_t common = 0;
  while (common < cached_.size() && common < prompt.size() && cached_[common] == prompt[common]) {
    ++common;
  }
  const std::size_t start = std::min(common, from);
  cached_.resize(start);
  cached_surprise_.resize(start);
  for (std::size_t pos = start; pos < prompt.size(); ++pos) {
    const float* logits = state_.step(prompt[pos], static_cast<int>(pos));
    cached_.push_back(prompt[pos]);
    if (cached_surprise_.size() == pos) cached_surprise_.push_back(NAN);
    if (pos + 1 < prompt.size()) {
      cached_surprise_.push_back(
          static_cast<float>(LogSumExp(logits, config_.vocab) - logits[prompt[pos + 1]]));
    }
    visit(pos, logits);
  }
}

Perception CortexRegion::Perceive(const std::vector<Exchange>& history,
                                  std::string_view user_text) {
  const int C = config_.dim;
  const Prompt prompt = perceive_window_.Build(history, user_text, false, config_.context);
  const std::size_t n = prompt.line_end - prompt.line_begin;
  Perception out;
  out.tokens.assign(prompt.tokens.begin() + prompt.line_begin,
                    prompt.tokens.begin() + prompt.line_end);
  out.hidden.assign(n * C, 0.0f);
  out.cut = prompt.cut;
  out.exchanges = prompt.exchanges;
  // Run from the "U:" before the line, whose logits give the line's first token its surprise.
  Run(prompt.tokens, prompt.line_begin - 1, [&](std::size_t pos, const float*) {
    if (pos >= prompt.line_begin && pos < prompt.line_end) {
      std::copy(state_.hidden(), state_.hidden() + C,
                out.hidden.begin() + (pos - prompt.line_begin) * C);
    }
  });
  out.surprise.assign(cached_surprise_.begin() + prompt.line_begin,
                      cached_surprise_.begin() + prompt.line_end);
  const std::vector<Token> words = Tokenize(user_text);
  out.token_words = TokenWords(words, prompt.spans);
  if (auto sums = WordSurprise(words.size(), out.token_words, out.surprise)) {
    out.word_surprise = std::move(*sums);
  }
  return out;
}

void CortexRegion::NewConversation() {
  perceive_window_.Reset();
  respond_window_.Reset();
}

std::vector<int> CortexRegion::RecallBlocked(const Prompt& prompt,
                                             const float* logit_bias) const {
  // Surprising tokens between "U:" and the end of a line before this turn's, and not in it.
  const auto line_begin = prompt.tokens.begin() + prompt.line_begin;
  const auto line_end = prompt.tokens.begin() + prompt.line_end;
  std::vector<int> blocked;
  bool user_line = false;
  for (std::size_t pos = 0; pos < prompt.line_begin; pos++) {
    const int token = prompt.tokens[pos];
    if (token == kUserTurnId || token == kGuideTurnId || token == tokenizer_.newline_id()) {
      user_line = token == kUserTurnId;
    } else if (user_line && cached_surprise_[pos] > kRecallSurprise &&
               std::find(line_begin, line_end, token) == line_end &&
               !(logit_bias != nullptr && logit_bias[token] > 0) &&
               std::find(blocked.begin(), blocked.end(), token) == blocked.end()) {
      blocked.push_back(token);
    }
  }
  return blocked;
}

Reply CortexRegion::Respond(const std::vector<Exchange>& history, std::string_view user_text,
                            const float* logit_bias, const SamplingOptions& options,
                            Recaller* recaller) {
  const int T = config_.context, V = config_.vocab, C = config_.dim;
  const int room = std::clamp(options.max_tokens, 1, T / 2);
  const Prompt prompt = respond_window_.Build(history, user_text, true, T - room);
  std::vector<float> last(V);    // (V) the logits after the prompt's last token
  std::vector<float> hidden(C);  // (C) the final hidden state there
  Run(prompt.tokens, prompt.tokens.size() - 1, [&](std::size_t pos, const float* logits) {
    if (pos + 1 == prompt.tokens.size()) {
      std::copy(logits, logits + V, last.begin());
      std::copy(state_.hidden(), state_.hidden() + C, hidden.begin());
    }
  });

  const int stops[] = {tokenizer_.newline_id(), kEosId, kBosId, kPadId, kUnkId, kUserTurnId,
                       kGuideTurnId};
  SamplingOptions decode = options;
  decode.max_tokens = room;
  Sampler sampler(decode, V);
  Reply reply;
  // The earlier guide lines in the prompt count as generated for the penalties and the no-repeat
  // rule, so the cortex does not repeat itself across turns either; this reply's tokens follow.
  std::vector<int> generated;
  for (std::size_t i = 0; i + 1 < prompt.tokens.size(); i++) {
    if (prompt.tokens[i] != kGuideTurnId) continue;
    for (i++; i < prompt.tokens.size() && prompt.tokens[i] != tokenizer_.newline_id(); i++) {
      generated.push_back(prompt.tokens[i]);
    }
  }
  const std::vector<int> blocked = RecallBlocked(prompt, logit_bias);
  std::vector<float> work(V);  // (V) the sampler's copy: it edits in place
  double log_p = 0;
  int pos = static_cast<int>(prompt.tokens.size());  // where the next token goes
  while (static_cast<int>(reply.tokens.size()) < room && pos < T) {
    int token = recaller != nullptr ? recaller->Next(hidden.data(), cached_.back()) : -1;
    assert(token < V);
    if (token < 0) {
      std::copy(last.begin(), last.end(), work.begin());
      for (int blocked_token : blocked) work[blocked_token] -= kRecallPenalty;
      token = sampler.sample(work.data(), generated, logit_bias);
    }
    if (std::find(std::begin(stops), std::end(stops), token) != std::end(stops)) break;
    log_p += last[token] - LogSumExp(last.data(), V);
    reply.tokens.push_back(token);
    generated.push_back(token);
    // The last token that fits is kept without being run: nothing would read its logits.
    if (static_cast<int>(reply.tokens.size()) == room || pos + 1 == T) break;
    const float* logits = state_.step(token, pos++);
    cached_.push_back(token);
    cached_surprise_.push_back(NAN);  // the model's own tokens are never a user's value
    std::copy(logits, logits + V, last.begin());
    std::copy(state_.hidden(), state_.hidden() + C, hidden.begin());
  }
  if (reply.tokens.empty()) return reply;
  reply.text = TrimSpaces(tokenizer_.Decode(reply.tokens));
  reply.confidence = std::exp(log_p / static_cast<double>(reply.tokens.size()));
  return reply;
}

std::vector<TracePosition> CortexRegion::Trace(const std::vector<Exchange>& history,
                                               std::string_view user_text,
                                               std::string_view reply) {
  const int T = config_.context, V = config_.vocab, C = config_.dim;
  // Spelt as the prompt spells a guide line, "G:" then the text and the newline.
  std::vector<int> tokens = tokenizer_.Encode("G: " + OneLine(reply) + "\n");
  tokens.erase(tokens.begin());
  const int room = static_cast<int>(tokens.size());
  if (room > T / 2) return {};
  const Prompt prompt = respond_window_.Build(history, user_text, true, T - room);
  std::vector<int> sequence = prompt.tokens;
  sequence.insert(sequence.end(), tokens.begin(), tokens.end() - 1);  // the newline is not run
  std::vector<TracePosition> out;
  Run(sequence, prompt.tokens.size() - 1, [&](std::size_t pos, const float* logits) {
    if (pos + 1 < prompt.tokens.size()) return;
    TracePosition at;
    at.hidden.assign(state_.hidden(), state_.hidden() + C);
    at.logits.assign(logits, logits + V);
    at.token = sequence[pos];
    at.target = tokens[pos + 1 - prompt.tokens.size()];
    out.push_back(std::move(at));
  });
  for (int token : RecallBlocked(prompt, nullptr)) {
    for (TracePosition& at : out) at.logits[token] -= kRecallPenalty;
  }
  return out;
}

}  // namespace brainhost::regions::cortex
