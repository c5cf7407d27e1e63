// The decoding controls, in the order sampler.h documents.
#include "cortex/sampler.h"

#include <algorithm>
#include <cassert>
#include <cmath>
#include <limits>
#include <map>

namespace brainhost::regions::cortex {

int argmax(const float* x, int n) {
  int best = 0;
  for (int i = 1; i < n; i++) {
    if (x[i] > x[best]) best = i;
  }
  return best;
}

Sampler::Sampler(const SamplingOptions& options, int vocab)
    : options_(options), vocab_(vocab), rng_(options.seed), order_(vocab), probs_(vocab) {
  assert(vocab >= 1);
}

double Sampler::uniform() { return double(rng_() >> 11) * 0x1.0p-53; }

void Sampler::process(float* logits, std::span<const int> generated,
                      const float* logit_bias) const {
  const int V = vocab_;
  // 1. The bias first, so the penalties below act on the logits the model and the other regions
  //    agree on.
  if (logit_bias) {
    for (int i = 0; i < V; i++) logits[i] += logit_bias[i];
  }
  // 2–3. Counts of each generated token. A map, not a (V) array: replies are short, V is not.
  const float rp = options_.repetition_penalty, fp = options_.frequency_penalty;
  if (rp != 1.0f || fp != 0.0f) {
    std::map<int, int> counts;
    for (int t : generated) counts[t]++;
    for (const auto& [t, n] : counts) {
      float& z = logits[t];
      if (rp != 1.0f) z = z > 0 ? z / rp : z * rp;  // dividing a negative logit would raise it
      z -= fp * float(n);
    }
  }
  // 4. The last n − 1 generated tokens are the prefix of the n-gram about to be completed: any
  //    earlier occurrence of that prefix bans the token that followed it.
  const int n = options_.no_repeat_ngram;
  const int G = int(generated.size());
  if (n > 0 && G >= n - 1) {
    const int p = n - 1;  // prefix length
    std::vector<int> banned;
    for (int s = 0; s + p < G; s++) {  // s: start of an earlier n-gram generated[s .. s+p]
      if (std::equal(generated.begin() + s, generated.begin() + s + p, generated.end() - p)) {
        banned.push_back(generated[s + p]);
      }
    }
    std::sort(banned.begin(), banned.end());
    banned.erase(std::unique(banned.begin(), banned.end()), banned.end());
    // Banning every token would leave nothing to draw; then the block gives way.
    if (int(banned.size()) < V) {
      for (int t : banned) logits[t] = -std::numeric_limits<float>::infinity();
    }
  }
}

int Sampler::choose(const float* logits) {
  const int V = vocab_;
  // 5. Greedy.
  if (options_.temperature <= 0.0f) return argmax(logits, V);
  const double inv_temp = 1.0 / double(options_.temperature);

  // 6. Candidates: the finite logits, best first (ties: lower id first), cut to k.
  int n = 0;
  for (int i = 0; i < V; i++) {
    if (std::isfinite(logits[i])) order_[n++] = i;
  }
  if (n == 0) return argmax(logits, V);
  const auto better = [logits](int a, int b) {
    return logits[a] > logits[b] || (logits[a] == logits[b] && a < b);
  };
  const int k = (options_.top_k > 0 && options_.top_k < n) ? options_.top_k : n;
  std::partial_sort(order_.begin(), order_.begin() + k, order_.begin() + n, better);
  n = k;

  // Softmax of the kept candidates at the temperature, in double (the largest comes first).
  const double mx = double(logits[order_[0]]) * inv_temp;
  double sum = 0;
  for (int j = 0; j < n; j++) {
    probs_[j] = std::exp(double(logits[order_[j]]) * inv_temp - mx);
    sum += probs_[j];
  }
  // 7. Top-p: the smallest prefix whose mass reaches top_p (at least one candidate).
  double kept = sum;
  if (options_.top_p < 1.0f) {
    const double target = double(options_.top_p) * sum;
    double cum = 0;
    for (int j = 0; j < n; j++) {
      cum += probs_[j];
      if (cum >= target) {
        n = j + 1;
        kept = cum;
        break;
      }
    }
  }
  if (n == 1) return order_[0];

  // 8. The draw, over the unnormalised kept mass (same result as normalising, one pass less).
  const double u = uniform() * kept;
  double cum = 0;
  for (int j = 0; j < n; j++) {
    cum += probs_[j];
    if (u < cum) return order_[j];
  }
  return order_[n - 1];  // u within rounding of the total
}

int Sampler::sample(float* logits, std::span<const int> generated, const float* logit_bias) {
  process(logits, generated, logit_bias);
  return choose(logits);
}

}  // namespace brainhost::regions::cortex
