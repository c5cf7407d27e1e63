// CortexRegion: the cortex as the router uses it, one turn at a time, free of plugin types.
//
// It reads the conversation (prompt.h) through the network one token at a time (generate.h's
// InferenceState) and does one of two things with it:
//   Perceive  for each of the user's tokens of this turn: its surprise, −ln p(token | all
//             before), and the final hidden state after it; and per word of the line (in the
//             words of language/tokenizer.h) the summed surprise the memory regions rank by.
//   Respond   a reply sampled after "G:" (sampler.h), with an additive logit bias other regions
//             wrote and a Recaller asked before every token (the hippo's read), which may
//             dictate it; it stops at the newline that ends the guide line.
//   Trace     a given reply read token by token, as Respond would have met it: the states and
//             logits the hippo is meta-trained on.
// The keys and values of the tokens already run stay in the KV cache between turns: a prompt
// that extends the last one runs only its new tokens.
//
// What it is not: no weights loading or brain access (the plugin's), no training. Dimension
// legend in config.h; n below is the number of the user's tokens in the prompt, W the number
// of words of the line.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "cortex/checkpoint.h"
#include "cortex/config.h"
#include "cortex/generate.h"
#include "cortex/model.h"
#include "cortex/prompt.h"
#include "cortex/sampler.h"
#include "tokenizer/tokenizer.h"

namespace brainhost::regions::cortex {

// The decoding of a chat reply unless a region's settings say otherwise: sampled at temperature
// 0.7 from the top 40 tokens and top-p 0.9, repetition penalty 1.1, no 3-gram twice, at most 48
// tokens. `bench cortex` measures its small-talk run with it.
inline constexpr SamplingOptions kChatDecoding{.temperature = 0.7f,
                                               .top_k = 40,
                                               .top_p = 0.9f,
                                               .repetition_penalty = 1.1f,
                                               .frequency_penalty = 0.0f,
                                               .no_repeat_ngram = 3,
                                               .max_tokens = 48,
                                               .seed = 1};

// Surprise, in nats, above which a token the user said is treated as a fact's value: above
// what function words and common replies cost (under 2) and below a name's (8 and more).
inline constexpr float kRecallSurprise = 5.0f;

// What such a token's logit loses in a reply unless the user's line has it or a fixed bias
// votes for it: at temperature 0.7 a 20-nat loss is a factor of e^-28, never drawn. It is a
// penalty rather than a ban so that the hippo, meta-trained against exactly these logits
// (Trace), learns what a vote must overcome.
inline constexpr float kRecallPenalty = 20.0f;

// A memory consulted before every reply token (the hippo's recall, whose query is the
// cortex's hidden state: plugins/hippo_slots.h). It may dictate the token.
class Recaller {
 public:
  virtual ~Recaller() = default;
  // The token the reply says next, or −1 to let the cortex choose; hidden (C) is the final
  // hidden state at the position that holds token.
  virtual int Next(const float* hidden, int token) = 0;
};

// One reply position of a Trace: what the cortex knew before the reply's token `target`.
struct TracePosition {
  std::vector<float> hidden;  // (C) final hidden state at the position before target
  std::vector<float> logits;  // (V) its logits, with kRecallPenalty applied as in Respond
  int token = 0;              // the token at that position ("G:" before the reply's first)
  int target = 0;             // the reply's token there (the last position's is the newline)
};

struct Perception {
  std::vector<int> tokens;      // (n) the user's tokens: the line's, or its last ones when cut
  std::vector<float> surprise;  // (n) −ln p(token | everything before it), nats
  std::vector<float> hidden;    // (n, C) final hidden state (after the last RMSNorm) at each
  std::vector<int> token_words; // (n) index of the token's word in Tokenize(line), or −1
  std::vector<float> word_surprise;  // (W) summed surprise per word; empty when a word has
                                     // no token in the prompt (the line was cut to fit)
  bool cut = false;             // the line was longer than the context: only its end was read
  int exchanges = 0;            // earlier exchanges in the prompt
};

struct Reply {
  std::string text;          // decoded, without the leading space; may be empty
  std::vector<int> tokens;   // the sampled tokens, without the stop token
  double confidence = 0;     // exp(mean ln p(token)) under the model itself (no bias, no
                             // temperature): how expected the reply was, in (0, 1]; 0 if empty
};

class CortexRegion {
 public:
  // Takes the weights (the step keeps its own copy, arranged for it: generate.h) and the
  // tokenizer; options say how the step runs. Throws std::invalid_argument when the weights
  // do not fit their shape, the two disagree on the vocabulary, or the context is too short
  // to hold a line.
  CortexRegion(const Checkpoint& weights, Tokenizer tokenizer,
               const InferenceOptions& options = {});
  CortexRegion(const CortexRegion&) = delete;
  CortexRegion& operator=(const CortexRegion&) = delete;

  // The line user_text after history (oldest first), read as the prompt's last line.
  Perception Perceive(const std::vector<Exchange>& history, std::string_view user_text);

  // A reply to user_text after history. logit_bias: (V) or nullptr, added to every token's
  // logits; recaller: nullptr, or asked before every token. The prompt leaves room for
  // options.max_tokens reply tokens (at most half the context).
  //
  // The cortex does not recall by itself: a token the user said in an earlier turn with a
  // surprise above kRecallSurprise (a name, a value) loses kRecallPenalty unless it is in this
  // turn's line or logit_bias votes for it (> 0), so it cannot appear in the reply unless a
  // memory recalls it. Recall is the memory regions' work; left alone the model would copy an
  // earlier name into a reply about something else.
  Reply Respond(const std::vector<Exchange>& history, std::string_view user_text,
                const float* logit_bias, const SamplingOptions& options,
                Recaller* recaller = nullptr);

  // The reply `reply` to user_text after history, read as Respond would generate it (without
  // any bias): one position per reply token plus the newline that ends it. Empty when the
  // reply does not fit the context.
  std::vector<TracePosition> Trace(const std::vector<Exchange>& history,
                                   std::string_view user_text, std::string_view reply);

  // Starts another conversation on the same region: the prompt windows forget where the last
  // one's history began (turn indices start again). The plugin needs none: it is one instance
  // per session.
  void NewConversation();

  const Config& config() const { return config_; }
  const Tokenizer& tokenizer() const { return tokenizer_; }

 private:
  // Runs prompt through state_, reusing the cached prefix but re-running from position `from`
  // at the latest; calls visit(pos, logits) after each position it runs.
  template <class Visit>
  void Run(const std::vector<int>& prompt, std::size_t from, Visit&& visit);
  // The tokens of earlier user lines that lose kRecallPenalty in a reply to prompt (see
  // Respond), given the fixed bias (nullptr for none). REQUIRES: Run has run prompt.
  std::vector<int> RecallBlocked(const Prompt& prompt, const float* logit_bias) const;

  Config config_;
  Tokenizer tokenizer_;
  InferenceState state_;
  std::vector<int> cached_;       // the tokens whose keys and values state_ holds, by position
  std::vector<float> cached_surprise_;  // −ln p of cached_[pos] given the positions before it;
                                        // NaN where it was not computed
  PromptWindow perceive_window_;  // separate windows: the two budgets differ
  PromptWindow respond_window_;
};

}  // namespace brainhost::regions::cortex
