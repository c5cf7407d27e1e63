// `brainhost cortex export|import|sample`: the cortex's weights to and from llama2.c's legacy
// checkpoint (with tokenizer.bin), and text sampled from BOS with any such model, so that a
// model trained by llama2.c (e.g. TinyStories) runs here and ours runs in llama2.c's run.c.
#include <chrono>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <optional>
#include <stdexcept>
#include <string>
#include <vector>

#include "cli/commands.h"
#include "cortex/checkpoint.h"
#include "cortex/generate.h"
#include "cortex/llama2c.h"
#include "cortex/model.h"
#include "tokenizer/llama2c_vocab.h"
#include "tokenizer/tokenizer.h"

namespace brainhost {
namespace {

namespace cx = regions::cortex;
namespace fs = std::filesystem;

std::string DescribeShape(const cx::Config& c) {
  return "dim " + std::to_string(c.dim) + ", " + std::to_string(c.layers) + " layers, " +
         std::to_string(c.heads) + " heads, hidden " + std::to_string(c.hidden) + ", vocab " +
         std::to_string(c.vocab) + ", context " + std::to_string(c.context) + ", " +
         std::to_string(cx::parameter_count(c)) + " parameters";
}

// A cortex checkpoint (magic BHCORTEX) or, for anything else, a legacy llama2.c checkpoint.
cx::Checkpoint LoadAnyWeights(const std::string& path) {
  char magic[8] = {};
  std::ifstream in(path, std::ios::binary);
  if (!in) throw std::runtime_error(path + ": cannot open the weights");
  in.read(magic, sizeof magic);
  if (in.gcount() == sizeof magic && std::memcmp(magic, "BHCORTEX", sizeof magic) == 0) {
    return cx::load_checkpoint(path);
  }
  return cx::load_llama2c(path);
}

void CreateParentDirectory(const std::string& path) {
  const fs::path dir = fs::path(path).parent_path();
  if (!dir.empty()) fs::create_directories(dir);
}

}  // namespace

int RunCortexExport(const CortexExportOptions& options) {
  try {
    const cx::Checkpoint checkpoint = cx::load_checkpoint(options.weights);
    const regions::Tokenizer tokenizer = regions::Tokenizer::Load(options.tokenizer);
    if (tokenizer.vocab_size() != checkpoint.config.vocab) {
      throw std::runtime_error("the tokenizer " + options.tokenizer + " has " +
                               std::to_string(tokenizer.vocab_size()) + " pieces but the weights " +
                               options.weights + " have vocab " +
                               std::to_string(checkpoint.config.vocab));
    }
    fs::create_directories(options.out);
    const std::string model_path = (fs::path(options.out) / "model.bin").string();
    const std::string vocab_path = (fs::path(options.out) / "tokenizer.bin").string();
    cx::save_llama2c(checkpoint, model_path);
    cx::write_file_atomically(vocab_path, regions::EncodeLlama2cVocab(tokenizer));
    std::cout << "cortex export: " << model_path << " (llama2.c legacy checkpoint, "
              << DescribeShape(checkpoint.config) << ") and " << vocab_path << " ("
              << tokenizer.vocab_size() << " pieces)\n";
    return kExitOk;
  } catch (const std::exception& e) {
    std::cerr << "brainhost: cortex export: " << e.what() << "\n";
    return kExitFailure;
  }
}

int RunCortexImport(const CortexImportOptions& options) {
  try {
    const cx::Checkpoint checkpoint = cx::load_llama2c(options.file);
    CreateParentDirectory(options.out);
    cx::save_checkpoint(checkpoint, options.out);
    std::cout << "cortex import: " << options.file << " -> " << options.out << " ("
              << DescribeShape(checkpoint.config) << ")\n";
    return kExitOk;
  } catch (const std::exception& e) {
    std::cerr << "brainhost: cortex import: " << e.what() << "\n";
    return kExitFailure;
  }
}

int RunCortexSample(const CortexSampleOptions& options) {
  try {
    const cx::Checkpoint checkpoint = LoadAnyWeights(options.weights);
    const cx::Config& cfg = checkpoint.config;
    // The decoder: tokenizer.bin when given, else the SentencePiece model.
    regions::Llama2cVocab vocab;
    std::optional<regions::Tokenizer> tokenizer;
    int pieces = 0;
    std::string vocab_name;
    if (!options.vocab.empty()) {
      vocab = regions::LoadLlama2cVocab(options.vocab);
      pieces = vocab.size();
      vocab_name = options.vocab;
    } else {
      tokenizer.emplace(regions::Tokenizer::Load(options.tokenizer));
      pieces = tokenizer->vocab_size();
      vocab_name = options.tokenizer;
    }
    if (pieces != cfg.vocab) {
      throw std::runtime_error(vocab_name + " has " + std::to_string(pieces) +
                               " pieces but the weights " + options.weights + " have vocab " +
                               std::to_string(cfg.vocab));
    }

    cx::Parameters<float> params;
    std::vector<float> memory = checkpoint.params;
    params.point(memory.data(), cfg);
    cx::SamplingOptions sampling;
    sampling.temperature = options.temperature;
    sampling.top_k = 0;
    sampling.top_p = options.top_p;
    sampling.repetition_penalty = 1;
    sampling.max_tokens = options.tokens;
    sampling.seed = options.seed;
    constexpr int kBos = 1;  // llama2.c's and ours; like run.c, a generated BOS ends the text
    const auto start = std::chrono::steady_clock::now();
    const std::vector<int> ids = cx::generate(params, cfg, {kBos}, sampling, {kBos});
    const double seconds =
        std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();

    std::cout << (tokenizer ? tokenizer->Decode(ids) : vocab.Decode(ids, kBos)) << std::endl;
    std::fprintf(stderr, "cortex sample: %zu tokens in %.2f s (%.1f tokens/s)\n", ids.size(),
                 seconds, seconds > 0 ? double(ids.size()) / seconds : 0.0);
    return kExitOk;
  } catch (const std::exception& e) {
    std::cerr << "brainhost: cortex sample: " << e.what() << "\n";
    return kExitFailure;
  }
}

}  // namespace brainhost
