// `brainhost bench cortex`: the cortex's speed at the default shape (dim 128, 8 layers, 4 heads,
// vocab 4096, context 256) with random weights: generation at batch 1 (float32 and half
// weights) and training at batch 4 × 256, each on one thread and on --threads, as medians of
// repeated runs beside the reference points and goals of issue 4. The figures of trained
// weights (validation loss and perplexity) join the JSON line when the weights exist.
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <iostream>
#include <optional>
#include <string>
#include <thread>
#include <vector>

#include <nlohmann/json.hpp>

#include "cli/commands.h"
#include "cli/cortex_quality.h"
#include "cortex/bench.h"

namespace brainhost {
namespace {

namespace cx = regions::cortex;

// Reference points measured on the target machine kind (2 cores, Zen 4), from issue 4.
constexpr double kLlama2cTokensPerS[] = {4050, 5800};  // run.c (OpenMP) on 1 and 2 threads
constexpr double kGenerateGoal[] = {8000, 11600};
constexpr double kLlmcTokensPerS[] = {880, 1150};      // llm.c's CPU trainer, batch 4 × 256
constexpr double kTrainGoal[] = {3500, 6000};
constexpr double kGemmPeakEigen[] = {85, 165};         // float32 GEMM GFLOP/s
constexpr double kGemmPeakOpenBlas[] = {100, 200};

const char* FormatName(cx::WeightFormat f) {
  return f == cx::WeightFormat::kFloat16 ? "float16" : "float32";
}

std::string Thousands(double x) {
  std::string digits = std::to_string(static_cast<long long>(x + 0.5));
  for (int i = static_cast<int>(digits.size()) - 3; i > 0; i -= 3) digits.insert(i, ",");
  return digits;
}

}  // namespace

int RunBenchCortex(const BenchCortexOptions& options) {
  const cx::Config config;
  const int hardware = static_cast<int>(std::max(1u, std::thread::hardware_concurrency()));
  const int many = options.threads > 0 ? options.threads : hardware;
  std::vector<int> thread_counts = {1};
  if (many > 1) thread_counts.push_back(many);
  double load[3] = {0, 0, 0};
  if (getloadavg(load, 3) < 0) load[0] = load[1] = load[2] = -1;

  std::printf("bench cortex: default shape (dim %d, %d layers, %d heads, vocab %d, context %d; "
              "%s parameters), random weights\n",
              config.dim, config.layers, config.heads, config.vocab, config.context,
              Thousands(static_cast<double>(cx::parameter_count(config))).c_str());
  std::printf("  %d hardware threads; load average %.2f %.2f %.2f at the start (other work on "
              "the machine slows every figure)\n\n",
              hardware, load[0], load[1], load[2]);

  // Generation. The headline is float16, the format the cortex region generates with (its
  // `precision` setting); float32 is the exact format llama2.c interop uses.
  const cx::WeightFormat headline = cx::WeightFormat::kFloat16;
  const cx::WeightFormat formats[] = {cx::WeightFormat::kFloat32, cx::WeightFormat::kFloat16};
  std::vector<cx::GenerateBenchResult> generation;
  for (cx::WeightFormat f : formats) {
    for (int t : thread_counts) {
      generation.push_back(cx::bench_generate(config, f, t, options.tokens, options.runs));
    }
  }
  const cx::GenerateBenchResult& g0 = generation.front();
  std::printf("generation, batch 1: %d tokens sampled (temperature 0.8, top-k 40, top-p 0.95) "
              "after a %d-token prompt,\nKV cache, median of %d runs\n",
              g0.tokens, g0.prompt_tokens, g0.runs);
  std::printf("  %-8s %-7s %10s %8s %12s   %s\n", "weights", "threads", "tokens/s", "GFLOP/s",
              "weight GB/s", "goal (reference)");
  for (const cx::GenerateBenchResult& g : generation) {
    const int i = g.threads > 1 ? 1 : 0;
    std::printf("  %-8s %-7d %10s %8.1f %12.1f   >= %s (llama2.c run.c ~%s)\n",
                FormatName(g.weights), g.threads, Thousands(g.tokens_per_s).c_str(), g.gflops,
                g.weight_gb_per_s, Thousands(kGenerateGoal[i]).c_str(),
                Thousands(kLlama2cTokensPerS[i]).c_str());
  }
  std::printf("  (each token streams every weight once, %.1f MB in float32 and %.1f MB in float16:\n"
              "   the cache bandwidth bounds generation, not the FLOPs)\n",
              generation.front().weight_bytes / 1e6,
              generation.back().weight_bytes / 1e6);

  // Training.
  std::vector<cx::TrainBenchResult> training;
  for (int t : thread_counts) training.push_back(cx::bench_train(config, 4, 256, options.steps, t));
  std::printf("\ntraining: batch %d x %d, forward + backward + AdamW, median of %d steps\n",
              training.front().B, training.front().T, training.front().steps);
  std::printf("  %-7s %10s %8s   %s\n", "threads", "tokens/s", "GFLOP/s",
              "goal (reference; float32 GEMM peak)");
  for (const cx::TrainBenchResult& r : training) {
    const int i = r.threads > 1 ? 1 : 0;
    std::printf("  %-7d %10s %8.1f   >= %s (llm.c ~%s; peak %.0f Eigen, %.0f OpenBLAS)\n",
                r.threads, Thousands(r.tokens_per_s).c_str(), r.gflops,
                Thousands(kTrainGoal[i]).c_str(), Thousands(kLlmcTokensPerS[i]).c_str(),
                kGemmPeakEigen[i], kGemmPeakOpenBlas[i]);
  }
  std::printf("(reference points and goals: issue 4, measured on a 2-core Zen 4 machine)\n");

  // The trained weights: what the cortex says, when they are there.
  std::optional<CortexQuality> quality;
  if (std::filesystem::exists(options.weights)) {
    quality = MeasureCortexQuality(options.weights, options.tokenizer);
    std::printf("\ntrained weights %s:\n  validation loss %.3f, perplexity %.1f (%d tokens of "
                "held-out names and phrasings)\n  loss on fresh dialogue of the training "
                "distribution %.3f, perplexity %.1f\n",
                options.weights.c_str(), quality->val_loss, quality->val_ppl,
                quality->val_tokens, quality->fresh_loss, std::exp(quality->fresh_loss));
    std::printf("\n14-turn small talk (chat decoding): max consecutive repeated word %d (goal "
                "<= 1), distinct bigrams %.3f (goal >= 0.95)\n",
                quality->max_repeated_word, quality->distinct_bigrams);
    for (const auto& [user, reply] : quality->small_talk) {
      std::printf("  you: %s\n  bh : %s\n", user.c_str(), reply.c_str());
    }
    std::printf("\nsamples, one turn each:\n");
    for (const auto& [prompt, reply] : quality->samples) {
      std::printf("  you: %s\n  bh : %s\n", prompt.c_str(), reply.c_str());
    }
  } else {
    std::printf("\n(no trained weights at %s: validation and samples skipped)\n",
                options.weights.c_str());
  }

  if (options.json) {
    // Unsuffixed keys: the most threads measured; _1t: one thread. generate_*: the default
    // weight format; generate_f32_* and generate_f16_*: each format.
    nlohmann::json j;
    j["load_average"] = load[0];
    j["threads"] = thread_counts.back();
    j["generate_weights"] = FormatName(headline);
    for (const cx::GenerateBenchResult& g : generation) {
      const std::string suffix = g.threads > 1 ? "" : "_1t";
      const std::string format = g.weights == cx::WeightFormat::kFloat16 ? "f16" : "f32";
      j["generate_" + format + "_tokens_per_s" + suffix] = g.tokens_per_s;
      j["generate_" + format + "_gflops" + suffix] = g.gflops;
      if (g.weights == headline) {
        j["generate_tokens_per_s" + suffix] = g.tokens_per_s;
        j["generate_gflops" + suffix] = g.gflops;
      }
    }
    for (const cx::TrainBenchResult& r : training) {
      const std::string suffix = r.threads > 1 ? "" : "_1t";
      j["train_tokens_per_s" + suffix] = r.tokens_per_s;
      j["train_gflops" + suffix] = r.gflops;
    }
    // With one thread only, the unsuffixed keys repeat the one-thread figures.
    for (const char* key : {"generate_tokens_per_s", "generate_gflops", "train_tokens_per_s",
                            "train_gflops"}) {
      if (!j.contains(key)) j[key] = j[std::string(key) + "_1t"];
    }
    if (quality) {
      j["val_loss"] = quality->val_loss;
      j["val_ppl"] = quality->val_ppl;
      j["fresh_loss"] = quality->fresh_loss;
      j["smalltalk_max_repeated_word"] = quality->max_repeated_word;
      j["smalltalk_distinct_bigrams"] = quality->distinct_bigrams;
    }
    std::cout << j.dump() << std::endl;
  }
  return kExitOk;
}

}  // namespace brainhost
