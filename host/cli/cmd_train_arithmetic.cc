// `brainhost train arithmetic`: trains the arithmetic region's cellular automaton by
// backpropagation through its sweeps (arithmetic/nca_training.h), with a progress line, a CSV
// log and a seed, and writes the weights.
#include <chrono>
#include <filesystem>
#include <fstream>
#include <iostream>

#include "arithmetic/nca_file.h"
#include "arithmetic/nca_training.h"
#include "cli/commands.h"
#include "cli/progress.h"

namespace brainhost {

namespace arithmetic = regions::arithmetic;

int RunTrainArithmetic(const TrainArithmeticOptions& o) {
  using Clock = std::chrono::steady_clock;
  try {
    const auto started = Clock::now();
    auto seconds = [&] { return std::chrono::duration<double>(Clock::now() - started).count(); };
    arithmetic::NcaConfig config;
    arithmetic::NcaTrainOptions train;
    train.steps = o.steps;
    train.batch = o.batch;
    train.lr = o.lr;
    train.seed = o.seed;
    // Validation draws come from their own stream, uniform lengths, no chains favoured.
    std::mt19937_64 val_rng(o.seed ^ 0x9e3779b97f4a7c15ULL);
    const std::vector<arithmetic::Problem> val =
        arithmetic::RandomProblems(o.val_problems, 0.0, val_rng);
    std::cerr << "train arithmetic: " << config.parameter_count() << " parameters ("
              << arithmetic::kCells << " cells, " << config.channels << " channels, "
              << config.hidden << " hidden), " << o.steps << " steps of " << o.batch
              << " problems, " << train.min_sweeps << " to " << train.max_sweeps
              << " sweeps each\n";
    for (const std::string& path : {o.log, o.out}) {
      const std::filesystem::path dir = std::filesystem::path(path).parent_path();
      if (!dir.empty()) std::filesystem::create_directories(dir);
    }
    std::ofstream log(o.log, std::ios::trunc);
    if (!log) throw std::runtime_error(o.log + ": cannot write the training log");
    log << "step,loss,val_exact,lr,elapsed_s\n";

    Progress progress(o.steps, "problems/s");
    progress.SetTokensPerStep(o.batch);
    double smooth = 0, val_exact = 0;
    const arithmetic::Nca<float> nca = arithmetic::TrainNca(
        config, train, [&](const arithmetic::Nca<float>& now, const arithmetic::NcaStep& s) {
          smooth = s.step == 1 ? s.loss : 0.98 * smooth + 0.02 * s.loss;
          const bool evaluate = s.step % o.eval_every == 0 || s.step == o.steps;
          if (evaluate) {
            std::mt19937_64 order_rng(o.seed + s.step);
            val_exact = arithmetic::ExactShare(now, val, config.sweeps, order_rng);
            log << s.step << "," << smooth << "," << val_exact << "," << s.lr << "," << seconds()
                << "\n" << std::flush;
          }
          // The progress line's "val" column shows the validation error rate.
          progress.Update(s.step, smooth, 1 - val_exact, s.step * double(o.batch) / seconds(),
                          evaluate);
        });
    progress.Finish();
    arithmetic::SaveNca(nca, o.out);
    std::cerr << "train arithmetic: " << val.size() << " validation problems, "
              << 100 * val_exact << "% exact; wrote " << o.out << " (" << Duration(seconds())
              << ")\n";
    return 0;
  } catch (const std::exception& e) {
    std::cerr << "train arithmetic: " << e.what() << "\n";
    return 1;
  }
}

}  // namespace brainhost
