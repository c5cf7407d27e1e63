// One sleep of a brain, as `brainhost sleep`, chat's /sleep, `[sleep] auto` and `bench sleep`
// run it: the pending replay rows and the stored facts are read from the brain, consolidated
// into a copy of the active cortex (regions/training/sleep.h), and the result passes the
// forgetting guard or not; the brain then gets the new version or a record of the rejection
// (brain/sleep_store.h), in one transaction at the very end.
#ifndef BRAINHOST_HOST_CLI_SLEEP_H
#define BRAINHOST_HOST_CLI_SLEEP_H

#include <cstdint>
#include <string>

#include "brain/brain.h"
#include "brain/sleep_store.h"
#include "graph/graph_config.h"
#include "status.h"
#include "tokenizer/tokenizer.h"

namespace brainhost {

struct SleepJob {
  SleepConfig config;
  std::string models;  // the models directory: tokenizer/, cortex/ (version 1 of a new brain)
  std::uint64_t seed = 1;
  bool progress = true;  // a progress line on stderr
};

struct SleepReport {
  bool slept = false;     // false: nothing was pending
  bool accepted = false;  // the guard passed and the version is active
  int64_t version = 0;    // the new version when accepted
  int64_t rows = 0;       // replay rows trained on
  SleepRecord record;
};

// Sleeps brain once. A rejected sleep is OK with report->accepted false and the reason in
// report->record.message; an error (a file that cannot be read, a brain that cannot be written)
// changes nothing in the brain.
Status SleepBrain(Brain* brain, const SleepJob& job, SleepReport* report);

// Fatigue: the replay tokens since the last sleep, as the cortex tokenizes them: the pending
// rows when counting starts, then each exchange as it is heard.
class Fatigue {
 public:
  // Throws std::runtime_error when the tokenizer under models cannot be read.
  explicit Fatigue(const std::string& models);
  Status Count(Brain* brain);  // restarts from the brain's pending rows
  void Heard(const std::string& user_text, const std::string& reply);
  int64_t tokens() const { return tokens_; }

 private:
  regions::Tokenizer tokenizer_;
  int64_t tokens_ = 0;
};

// A report as one or two lines for the user.
std::string DescribeSleep(const SleepReport& report);

}  // namespace brainhost

#endif  // BRAINHOST_HOST_CLI_SLEEP_H
