#include "cli/progress.h"

#include <unistd.h>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <iostream>

namespace brainhost {

std::string Duration(double seconds) {
  const long s = std::lround(std::max(0.0, seconds));
  char buf[32];
  if (s >= 3600) {
    std::snprintf(buf, sizeof buf, "%ldh%02ldm", s / 3600, s / 60 % 60);
  } else {
    std::snprintf(buf, sizeof buf, "%ldm%02lds", s / 60, s % 60);
  }
  return buf;
}

Progress::Progress(int total_steps, const char* unit)
    : total_(total_steps), unit_(unit), tty_(isatty(STDERR_FILENO)) {}

void Progress::Update(int step, double loss, double val_loss, double rate, bool evaluated) {
  if (!tty_ && !evaluated) return;
  constexpr int kWidth = 24;
  const int filled = int(double(kWidth) * step / total_);
  const double eta = rate > 0 ? double(total_ - step) * units_ / rate : 0;
  char val[32] = "";  // none before a command's first evaluation, or for one that has none
  if (!std::isnan(val_loss)) std::snprintf(val, sizeof val, "  val %.3f", val_loss);
  char line[192];
  std::snprintf(line, sizeof line, "%s[%-*s] step %d/%d  loss %.3f%s  %.0f %s  ETA %s",
                tty_ ? "\r" : "", kWidth, std::string(filled, '#').c_str(), step, total_, loss,
                val, rate, unit_, Duration(eta).c_str());
  std::cerr << line << (tty_ ? "" : "\n") << std::flush;
}

void Progress::Finish() {
  if (tty_) std::cerr << "\n";
}

}  // namespace brainhost
