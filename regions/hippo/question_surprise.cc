#include "hippo/question_surprise.h"

#include "language/function_words.h"
#include "language/tokenizer.h"

namespace brainhost::regions::hippo {

QuestionSurprise CortexQuestionSurprise(cortex::CortexRegion& cortex) {
  return [&cortex](const std::vector<std::string_view>& lines, std::string_view question) {
    std::vector<cortex::Exchange> history;
    for (std::string_view line : lines) {
      history.push_back({static_cast<std::int64_t>(history.size()), std::string(line), ""});
    }
    cortex.NewConversation();
    const cortex::Perception heard = cortex.Perceive(history, question);
    const std::vector<Token> words = Tokenize(question);
    double sum = 0;
    for (std::size_t j = 0; j < heard.surprise.size(); j++) {
      const int w = heard.token_words[j];
      if (w >= 0 && !IsFunctionWord(words[w].lower)) sum += heard.surprise[j];
    }
    return sum;
  };
}

}  // namespace brainhost::regions::hippo
