// What the trained cortex says, measured for `bench cortex`: validation loss on the corpus's
// held-out split (as `train cortex` computes it), a fixed 14-turn small-talk conversation scored
// for repetition, and replies to fixed prompts.
#ifndef BRAINHOST_HOST_CLI_CORTEX_QUALITY_H
#define BRAINHOST_HOST_CLI_CORTEX_QUALITY_H

#include <string>
#include <utility>
#include <vector>

namespace brainhost {

struct CortexQuality {
  double val_loss = 0;  // mean nats per token on the validation windows
  double val_ppl = 0;   // exp(val_loss)
  int val_tokens = 0;
  double fresh_loss = 0;  // the same on new dialogue of the training distribution (seed 2)
  std::vector<std::pair<std::string, std::string>> small_talk;  // (user, reply), 14 turns
  int max_repeated_word = 0;        // reply_quality.h, over the small-talk replies
  double distinct_bigrams = 0;
  std::vector<std::pair<std::string, std::string>> samples;     // (prompt, reply), fresh each
};

// Measures the weights at weights_path with the tokenizer at tokenizer_path, decoding as the
// chat region does by default. Throws std::runtime_error naming a file that cannot be read.
CortexQuality MeasureCortexQuality(const std::string& weights_path,
                                   const std::string& tokenizer_path);

}  // namespace brainhost

#endif  // BRAINHOST_HOST_CLI_CORTEX_QUALITY_H
