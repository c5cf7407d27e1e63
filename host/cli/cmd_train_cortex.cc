// `brainhost train cortex`: trains the cortex on the generated dialogue corpus, with a progress
// line, a CSV log, periodic checkpoints and resume, and writes the final weights.
#include <unistd.h>

#include <chrono>
#include <cmath>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <stdexcept>
#include <sstream>
#include <string>

#include "cli/commands.h"
#include "cli/progress.h"
#include "corpus/glosses.h"
#include "cortex/checkpoint.h"
#include "cortex/optimizer.h"
#include "cortex/trainer.h"
#include "tokenizer/tokenizer.h"
#include "training/token_stream.h"

namespace brainhost {
namespace {

namespace cortex = regions::cortex;
namespace training = regions::training;
using Clock = std::chrono::steady_clock;

}  // namespace

int RunTrainCortex(const TrainCortexOptions& o) {
  try {
    const auto started = Clock::now();
    cortex::Config cfg;
    cfg.dim = o.dim;
    cfg.layers = o.layers;
    cfg.heads = o.heads;
    cfg.hidden = cortex::Config::default_hidden(o.dim);
    cfg.context = o.context;
    const regions::Tokenizer tokenizer = regions::Tokenizer::Load(o.tokenizer);
    cfg.vocab = tokenizer.vocab_size();
    if (!cfg.valid()) throw std::runtime_error("invalid model shape");
    const int T = std::min(o.seq_len, cfg.context);

    cortex::Trainer trainer(cfg, o.threads);
    trainer.init(o.seed);
    const bool resumed = o.resume && std::filesystem::exists(o.checkpoint);
    if (resumed) trainer.restore(cortex::load_checkpoint(o.checkpoint));
    const int first_step = int(trainer.steps_taken());

    std::cerr << "train cortex: " << cortex::parameter_count(cfg) << " parameters (dim " << cfg.dim
              << ", " << cfg.layers << " layers, " << cfg.heads << " heads, vocab " << cfg.vocab
              << "), " << trainer.threads() << " threads, batch " << o.batch << " x " << T
              << (resumed ? ", resumed at step " + std::to_string(first_step) : "") << "\n"
              << "train cortex: generating and tokenizing " << o.corpus_bytes
              << " bytes of dialogue (seed " << o.seed << ")"
              << (o.wordnet.empty() ? "" : " and the WordNet glosses in " + o.wordnet) << " ...\n";
    regions::CorpusOptions corpus;
    corpus.seed = o.seed;
    corpus.target_bytes = o.corpus_bytes;
    std::ostringstream text;
    regions::GenerateCorpus(corpus, text);
    if (!o.wordnet.empty()) regions::GenerateGlossDialogues(o.wordnet, o.seed, text);
    const std::vector<int> stream =
        training::TokenizeConversations(text.view(), tokenizer, trainer.threads());
    text = std::ostringstream();  // the text is not needed once tokenized
    corpus.validation = true;
    corpus.target_bytes = std::max<std::size_t>(o.corpus_bytes / 40, 1 << 16);
    const training::Batch validation = training::FirstWindows(
        training::TokenizeCorpus(corpus, tokenizer, trainer.threads()), o.val_windows, T);
    std::cerr << "train cortex: " << stream.size() << " training tokens, " << validation.B * T
              << " validation tokens (held-out names and phrasings)\n";

    for (const std::string& path : {o.checkpoint, o.log, o.out}) {
      const std::filesystem::path dir = std::filesystem::path(path).parent_path();
      if (!dir.empty()) std::filesystem::create_directories(dir);
    }
    // A resumed run appends to its log; a fresh one starts it.
    std::ofstream log(o.log, resumed ? std::ios::app : std::ios::trunc);
    if (!log) throw std::runtime_error(o.log + ": cannot write the training log");
    if (!resumed) log << "step,tokens,loss,val_loss,lr,grad_norm,tokens_per_s,elapsed_s\n";

    cortex::LrSchedule schedule;
    schedule.max_lr = o.lr;
    schedule.min_lr = o.lr / 10;
    schedule.warmup_steps = o.warmup;
    schedule.total_steps = o.steps;
    Progress progress(o.steps, "tok/s");
    progress.SetTokensPerStep(double(o.batch) * T);
    const auto loop_start = Clock::now();
    double smooth_loss = NAN, val_loss = NAN;
    for (int step = first_step; step < o.steps; step++) {
      const training::Batch batch = training::SampleBatch(stream, o.batch, T, o.seed, step);
      const double lr = schedule.at(step);
      const double loss = trainer.step(batch.inputs.data(), batch.targets.data(), o.batch, T, lr,
                                       o.clip);
      if (!std::isfinite(loss)) {
        throw std::runtime_error("the loss diverged at step " + std::to_string(step) +
                                 "; resume from the last checkpoint with a lower --lr");
      }
      smooth_loss = std::isnan(smooth_loss) ? loss : 0.98 * smooth_loss + 0.02 * loss;
      const int done = step + 1;
      const bool evaluate = done % o.eval_every == 0 || done == o.steps;
      if (evaluate) val_loss = training::MeanLoss(trainer, validation, o.batch);
      const double elapsed = std::chrono::duration<double>(Clock::now() - loop_start).count();
      const double tokens_per_s = double(done - first_step) * o.batch * T / elapsed;
      progress.Update(done, smooth_loss, val_loss, tokens_per_s, evaluate);
      if (evaluate || done % 10 == 0) {
        log << done << ',' << std::int64_t(done) * o.batch * T << ',' << loss << ',';
        if (evaluate) log << val_loss;
        log << ',' << lr << ',' << trainer.last_grad_norm() << ',' << tokens_per_s << ','
            << elapsed << '\n';
        log.flush();
      }
      if (done % o.checkpoint_every == 0 || done == o.steps) {
        cortex::save_checkpoint(trainer.snapshot(), o.checkpoint);
      }
    }
    progress.Finish();
    // A resumed run that had already finished took no step above.
    if (std::isnan(val_loss)) val_loss = training::MeanLoss(trainer, validation, o.batch);

    cortex::Checkpoint weights = trainer.snapshot();
    weights.adam_m.clear();
    weights.adam_v.clear();
    cortex::save_checkpoint(weights, o.out);
    const double seconds = std::chrono::duration<double>(Clock::now() - started).count();
    std::cout << "train cortex: " << o.out << " after " << o.steps << " steps ("
              << std::int64_t(o.steps) * o.batch * T << " tokens), validation loss " << val_loss
              << ", perplexity " << std::exp(val_loss) << ", " << Duration(seconds) << "\n";
    return kExitOk;
  } catch (const std::exception& e) {
    std::cerr << "\nbrainhost: train cortex: " << e.what() << "\n";
    return kExitFailure;
  }
}

}  // namespace brainhost
