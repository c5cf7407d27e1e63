// From the cortex's tokens to the words the memory regions read: which word of
// language/tokenizer.h's Tokenize(line) each token belongs to, and each word's surprise, the
// sum of its tokens' (−ln p(word | what came before) by the chain rule, in nats: the unit of
// the unigram model it stands in for, language/unigram_model.h).
//
// A token belongs to the word whose bytes it overlaps most; the leading space of "▁gary" or a
// comma after it overlap nothing else, so they do not change which. A token over no word
// (punctuation, an emoji) belongs to none. A token with an empty span (a leading byte piece of a
// character spelt in bytes, see Tokenizer::EncodeWithSpans) belongs to the word of the token
// after it, the piece that holds the character's span.
#pragma once

#include <cstddef>
#include <optional>
#include <span>
#include <utility>
#include <vector>

#include "language/tokenizer.h"

namespace brainhost::regions::cortex {

// For each token span (bytes [first, second) of a line, in order), the index of its word in
// words = Tokenize(line), or −1.
std::vector<int> TokenWords(std::span<const Token> words,
                            std::span<const std::pair<std::size_t, std::size_t>> spans);

// Per word (words of them), the sum of the surprise of its tokens (token_words as TokenWords
// gives, surprise the same length). nullopt when some word has no token, e.g. a line cut to fit
// the context: a partial sum would be no surprise at all.
std::optional<std::vector<float>> WordSurprise(std::size_t words,
                                               std::span<const int> token_words,
                                               std::span<const float> surprise);

}  // namespace brainhost::regions::cortex
