// PhaseTeam: a few threads that share work split too finely for anything but spinning: one
// generated token (about 100 µs) as a sequence of PHASES (two per layer), each a handful of
// independent ITEMS (attention heads, chunks of SwiGLU rows, panels of the vocabulary).
//
// A job runs phase after phase. Any thread may run any item of the open phase: each claims the
// next unclaimed one (an atomic counter) until none are left. Whichever thread completes a
// phase's last item runs the phase's finish() (the serial glue: sums, RMSNorm) and opens the
// next phase. The caller of run() takes part like the others and returns when the last phase is
// finished.
//
// Why claiming and not a fixed share per thread with barriers: on a machine shared with other
// work a thread is sometimes descheduled for milliseconds. With fixed shares every barrier then
// waits for it, and a token that takes 100 µs takes milliseconds; here the other threads take
// its items and it only delays a phase if it is preempted in the middle of one (an item is a
// few µs). Results do not depend on which thread ran what, provided items write disjoint
// outputs and finish() combines them in a fixed order.
//
// Waiting is by spinning with the pause instruction, falling back to yielding the processor
// after about 20 µs (to the member being waited for, when the machine is so busy that it shares
// this core). Between jobs a worker spins for up to kIdleSpin, then sleeps on a futex
// (std::atomic::wait) until the next run() wakes it: an idle team costs nothing, and one used
// token after token, with a little sampling between, never sleeps.
//
// What it is not: no queue of jobs (one at a time, run() from one thread at a time), no
// nesting, and items must not throw.
#pragma once

#include <atomic>
#include <chrono>
#include <cstdint>
#include <memory>
#include <thread>
#include <vector>

namespace brainhost::regions::cortex {

class PhaseTeam {
 public:
  // What run() executes. item() and finish() are called from any member's thread.
  class Job {
   public:
    virtual int phases() const = 0;         // ≥ 1, at most the team's max_phases
    virtual int items(int phase) const = 0;  // ≥ 1
    // Runs item i of phase on member's scratch (member 0 is run()'s caller; < size()).
    virtual void item(int phase, int i, int member) = 0;
    // After every item of phase has completed, before the next phase opens; sees their writes.
    virtual void finish(int phase) = 0;

   protected:
    ~Job() = default;
  };

  // How long an idle worker spins for the next job before it sleeps.
  static constexpr std::chrono::microseconds kIdleSpin{300};

  // REQUIRES: size ≥ 1, max_phases ≥ 1. Starts size − 1 worker threads.
  PhaseTeam(int size, int max_phases);
  ~PhaseTeam();  // stops and joins the workers
  PhaseTeam(const PhaseTeam&) = delete;
  PhaseTeam& operator=(const PhaseTeam&) = delete;

  int size() const { return size_; }

  // Runs job's phases in order on the team; returns when the last one is finished, with every
  // write of every item and finish() visible to the caller.
  void run(Job& job);

 private:
  // Phase slots. Sequence numbers s count phases over all runs; a run of P phases takes the
  // numbers base .. base + P − 1 and then base + P, which marks it finished (no phase open).
  struct alignas(64) Slot {
    std::atomic<std::uint64_t> next{0};  // (s << 16) | items claimed so far, for phase s
    std::atomic<int> done{0};            // items completed
    std::atomic<int> items{0};           // items of the phase
  };

  void open(std::uint64_t s, int p, Job& job);
  // Claims and runs items of the open phase s (phase p of job) until none are left; runs
  // finish() and opens the next phase when it completes the last item.
  void work(std::uint64_t s, int p, Job& job, std::uint64_t base, int phases, int member);
  void worker(int member);

  const int size_;
  std::vector<Slot> slots_;  // (max_phases) slot p serves phase p of every run
  std::vector<std::thread> threads_;
  alignas(64) std::atomic<std::uint64_t> current_{0};  // the open phase's s, or a run's end
  std::atomic<Job*> job_{nullptr};                     // the run in progress's job
  std::atomic<std::uint64_t> base_{1};                 // its first s
  std::atomic<int> phases_{0};                         // its number of phases
  std::atomic<bool> stop_{false};
  alignas(64) std::atomic<int> sleepers_{0};           // workers in current_.wait()
};

}  // namespace brainhost::regions::cortex
