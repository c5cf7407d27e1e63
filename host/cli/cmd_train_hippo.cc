// `brainhost train hippo`: meta-trains the hippo's ~6K parameters on synthetic teach →
// distract → probe episodes played through the frozen cortex (hippo/meta_training.h), with a
// progress line, a CSV log and a seed, and writes the weights.
#include <algorithm>
#include <chrono>
#include <cmath>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <numeric>
#include <stdexcept>
#include <thread>

#include "cli/commands.h"
#include "cli/progress.h"
#include "corpus/rng.h"
#include "cortex/checkpoint.h"
#include "hippo/hippo_file.h"
#include "hippo/meta_training.h"
#include "optim/adam.h"
#include "tokenizer/tokenizer.h"

namespace brainhost {
namespace {

namespace hippo = regions::hippo;
using Clock = std::chrono::steady_clock;

double Seconds(Clock::time_point since) {
  return std::chrono::duration<double>(Clock::now() - since).count();
}

// Plays episodes through the cortex on two threads, each with cortices and language models of
// its own (a cortex step is one conversation's, and the memory's question surprise reads with
// a second; the stemmer is not thread-safe). Episodes whose probe the gate refused are
// counted.
std::vector<hippo::Example> Play(const std::vector<hippo::Episode>& episodes,
                                 const regions::cortex::Checkpoint& weights,
                                 const std::string& tokenizer, const std::string& language,
                                 int window, int* refused) {
  constexpr int kThreads = 2;
  const regions::Kinds kinds = regions::Kinds::Load(std::filesystem::path(language) / "kinds.tsv");
  std::vector<std::vector<hippo::Example>> played(episodes.size());
  std::vector<std::thread> threads;
  for (int t = 0; t < kThreads; t++) {
    threads.emplace_back([&, t] {
      const regions::cortex::InferenceOptions inference{regions::cortex::WeightFormat::kFloat16,
                                                        1};
      regions::cortex::CortexRegion cortex(weights, regions::Tokenizer::Load(tokenizer),
                                           inference);
      regions::cortex::CortexRegion reader(weights, regions::Tokenizer::Load(tokenizer),
                                           inference);
      const hippo::QuestionSurprise question_surprise = hippo::CortexQuestionSurprise(reader);
      const regions::LanguageModels models = regions::LanguageModels::Load(language);
      for (std::size_t i = t; i < episodes.size(); i += kThreads) {
        played[i] =
            hippo::PlayEpisode(cortex, models, kinds, episodes[i], window, question_surprise);
      }
    });
  }
  for (std::thread& th : threads) th.join();
  std::vector<hippo::Example> out;
  *refused = 0;
  for (std::vector<hippo::Example>& examples : played) {
    *refused += std::none_of(examples.begin(), examples.end(),
                             [](const hippo::Example& x) { return x.probe; });
    for (hippo::Example& x : examples) out.push_back(std::move(x));
  }
  return out;
}

hippo::LossSum Evaluate(hippo::HippoModel<float>& model,
                        const std::vector<hippo::Example>& examples) {
  hippo::LossSum sum;
  for (const hippo::Example& x : examples) hippo::ExampleLoss(model, x, 0, false, sum);
  return sum;
}

}  // namespace

int RunTrainHippo(const TrainHippoOptions& o) {
  try {
    const auto started = Clock::now();
    const regions::cortex::Checkpoint weights = regions::cortex::load_checkpoint(o.cortex);
    hippo::HippoConfig cfg;
    cfg.C = weights.config.dim;
    hippo::HippoModel<float> model(cfg, o.seed);
    // A vote must be able to earn back the cortex's recall penalty: start the gain above it.
    *model.p().gain = regions::cortex::kRecallPenalty + 5;
    std::cerr << "train hippo: " << cfg.parameter_count() << " parameters (C " << cfg.C << ", D "
              << cfg.D << "), cortex " << o.cortex << " frozen\n"
              << "train hippo: playing " << o.train_episodes << " training and "
              << o.val_episodes << " validation episodes (held-out values) through the cortex...\n";
    int refused_train = 0, refused_val = 0;
    const std::vector<hippo::Example> train =
        Play(hippo::MakeEpisodes(o.train_episodes, false, o.seed), weights, o.tokenizer,
             o.language, o.window, &refused_train);
    const std::vector<hippo::Example> val =
        Play(hippo::MakeEpisodes(o.val_episodes, true, o.seed + 1), weights, o.tokenizer,
             o.language, o.window, &refused_val);
    if (train.empty() || val.empty()) throw std::runtime_error("no episode selected a memory");
    std::cerr << "train hippo: " << train.size() << " training and " << val.size()
              << " validation examples, probes and distractor questions (" << refused_train
              << " and " << refused_val << " probes the gate refused), "
              << Duration(Seconds(started)) << "\n";

    for (const std::string& path : {o.log, o.out}) {
      const std::filesystem::path dir = std::filesystem::path(path).parent_path();
      if (!dir.empty()) std::filesystem::create_directories(dir);
    }
    std::ofstream log(o.log, std::ios::trunc);
    if (!log) throw std::runtime_error(o.log + ": cannot write the training log");
    log << "step,epoch,loss,val_loss,val_accuracy,val_recalls_right,val_abstains_right,gain,sink,"
           "lr,elapsed_s\n";

    const hippo::LossSum before = Evaluate(model, val);
    std::cerr << "train hippo: before training, validation loss " << before.mean()
              << ", next-token accuracy " << before.accuracy() << ", recalls right "
              << before.probes_right() << " of " << before.probes << ", abstentions right "
              << before.others_right() << " of " << before.others << "\n";
    const int per_epoch = static_cast<int>((train.size() + o.batch - 1) / o.batch);
    const int total = per_epoch * o.epochs;
    regions::optim::Adam adam(cfg.parameter_count());
    regions::Rng rng(o.seed);
    std::vector<std::size_t> order(train.size());
    std::iota(order.begin(), order.end(), 0);
    Progress progress(total, "examples/s");
    progress.SetTokensPerStep(o.batch);
    const auto loop = Clock::now();
    double val_loss = before.mean(), smooth = NAN;
    int step = 0;
    for (int epoch = 0; epoch < o.epochs; epoch++) {
      for (std::size_t i = order.size(); i > 1; i--) std::swap(order[i - 1], order[rng.Below(i)]);
      for (int b = 0; b < per_epoch; b++, step++) {
        model.zero_grad();
        hippo::LossSum sum;
        const std::size_t end = std::min(order.size(), std::size_t(b + 1) * o.batch);
        for (std::size_t i = std::size_t(b) * o.batch; i < end; i++) {
          hippo::ExampleLoss(model, train[order[i]], o.settle, true, sum);
        }
        std::vector<float>& g = model.gradients();
        for (float& x : g) x /= static_cast<float>(sum.positions);
        // Cosine from lr to lr / 10.
        const double lr =
            o.lr * (0.55 + 0.45 * std::cos(3.141592653589793 * step / std::max(1, total)));
        adam.step(model.parameters(), g, lr);
        smooth = std::isnan(smooth) ? sum.mean() : 0.95 * smooth + 0.05 * sum.mean();
        const bool last = b + 1 == per_epoch;
        hippo::LossSum v;
        if (last) {
          v = Evaluate(model, val);
          val_loss = v.mean();
          log << step + 1 << "," << epoch + 1 << "," << smooth << "," << val_loss << ","
              << v.accuracy() << "," << v.probes_right() << "," << v.others_right() << ","
              << *model.p().gain << ","
              << *model.p().sink << "," << lr << "," << Seconds(started) << "\n" << std::flush;
        }
        progress.Update(step + 1, smooth, val_loss,
                        (step + 1) * double(o.batch) / std::max(1e-9, Seconds(loop)), last);
      }
    }
    progress.Finish();
    const hippo::LossSum after = Evaluate(model, val);
    hippo::SaveHippo({cfg, model.parameters()}, o.out);
    std::cerr << "train hippo: validation loss " << before.mean() << " -> " << after.mean()
              << ", next-token accuracy " << before.accuracy() << " -> " << after.accuracy()
              << ", recalls right " << before.probes_right() << " -> " << after.probes_right()
              << ", abstentions right " << before.others_right() << " -> "
              << after.others_right() << "; gain " << *model.p().gain << ", surprise weight "
              << *model.p().ws << ", recency weight " << *model.p().wr << ", sink "
              << *model.p().sink << "\n"
              << "train hippo: wrote " << o.out << " (" << Duration(Seconds(started)) << ")\n";
    return 0;
  } catch (const std::exception& e) {
    std::cerr << "train hippo: " << e.what() << "\n";
    return 1;
  }
}

}  // namespace brainhost
