// The progress line of the training commands (`brainhost train cortex|hippo`).
#ifndef BRAINHOST_HOST_CLI_PROGRESS_H
#define BRAINHOST_HOST_CLI_PROGRESS_H

#include <string>

namespace brainhost {

// seconds as "1h02m" or "3m07s".
std::string Duration(double seconds);

// One status line: on a terminal it is redrawn in place, elsewhere printed at each evaluation.
class Progress {
 public:
  // unit names what a step's work is counted in ("tok/s", "examples/s").
  Progress(int total_steps, const char* unit);

  // rate: units per second; evaluated: val_loss is fresh (a line is printed off a terminal).
  void Update(int step, double loss, double val_loss, double rate, bool evaluated);
  // How many units one step does, for the ETA.
  void SetTokensPerStep(double units) { units_ = units; }
  void Finish();

 private:
  int total_;
  const char* unit_;
  bool tty_;
  double units_ = 0;
};

}  // namespace brainhost

#endif  // BRAINHOST_HOST_CLI_PROGRESS_H
