// QuestionSurprise: how surprised the cortex is by a question's content words after some of
// the user's lines.
//
// A paraphrase shares no word with the line it asks about ("what's my city?" after "we live in
// Lumafield"), but the cortex has read many conversations where such a question follows such
// a line, and expects the question's words more when the line came before it. So the line a
// question refers to is the one whose absence raises that surprise most (HippoMemory asks
// this when no line binds). The lines are read as a conversation of the user's lines alone,
// with empty replies, as the hippo remembers them. Only the content words count: how expected
// "what's my" is says something about conversations, nothing about which line is meant.
#pragma once

#include <functional>
#include <string_view>
#include <vector>

#include "cortex/cortex_region.h"

namespace brainhost::regions::hippo {

// −ln p(the question's content words | lines, the question's words before them), nats.
using QuestionSurprise =
    std::function<double(const std::vector<std::string_view>& lines, std::string_view question)>;

// The surprise under cortex, which it borrows and starts a new conversation on at every call:
// give it a cortex that nothing else reads with.
QuestionSurprise CortexQuestionSurprise(cortex::CortexRegion& cortex);

}  // namespace brainhost::regions::hippo
