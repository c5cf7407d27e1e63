// A team of threads that claim the items of a sequence of phases. See phase_team.h.
//
// Why the sequence numbers are safe: a member reads the open phase's number s from current_,
// then claims in slot p = s − base with a compare-and-swap that succeeds only while the slot
// still carries s and has unclaimed items. A member that was descheduled and wakes after the
// phase (or the whole run) ended finds another number there, or no items left, and claims
// nothing; so job methods are only ever called while the run they belong to is in progress
// (its phase cannot end before the claimed item completes).
#include "cortex/phase_team.h"

#include <immintrin.h>

#include <cassert>

namespace brainhost::regions::cortex {
namespace {

using Clock = std::chrono::steady_clock;

// Spins until done() holds: pause for the first ~20 µs, then yield the processor on every try,
// so that a member waiting on a descheduled one gives its core back instead of burning it.
template <class Done>
void spin_until(Done done) {
  constexpr std::chrono::microseconds kSpin{20};
  Clock::time_point deadline{};
  for (unsigned i = 0; !done(); i++) {
    if (i < 64 || (i & 63) != 0) {
      _mm_pause();
      continue;
    }
    const Clock::time_point now = Clock::now();
    if (deadline == Clock::time_point{}) {
      deadline = now + kSpin;
    } else if (now > deadline) {
      std::this_thread::yield();
    }
  }
}

constexpr int kCountBits = 16;
constexpr std::uint64_t kCountMask = (std::uint64_t(1) << kCountBits) - 1;

}  // namespace

PhaseTeam::PhaseTeam(int size, int max_phases) : size_(size), slots_(max_phases) {
  assert(size >= 1 && max_phases >= 1);
  for (int m = 1; m < size; m++) threads_.emplace_back([this, m] { worker(m); });
}

PhaseTeam::~PhaseTeam() {
  stop_.store(true, std::memory_order_seq_cst);
  current_.fetch_add(1, std::memory_order_seq_cst);
  current_.notify_all();
  for (std::thread& t : threads_) t.join();
}

void PhaseTeam::open(std::uint64_t s, int p, Job& job) {
  Slot& slot = slots_[p];
  const int n = job.items(p);
  assert(n >= 1 && std::uint64_t(n) <= kCountMask);
  slot.items.store(n, std::memory_order_relaxed);
  slot.done.store(0, std::memory_order_relaxed);
  slot.next.store(s << kCountBits, std::memory_order_relaxed);
  // seq_cst, not just release: run() then reads sleepers_, and a worker going to sleep
  // increments sleepers_ before it reads current_ (so one of the two sees the other).
  current_.store(s, std::memory_order_seq_cst);
}

void PhaseTeam::work(std::uint64_t s, int p, Job& job, std::uint64_t base, int phases,
                     int member) {
  Slot& slot = slots_[p];
  const int n = slot.items.load(std::memory_order_relaxed);
  for (;;) {
    std::uint64_t v = slot.next.load(std::memory_order_relaxed);
    do {
      if ((v >> kCountBits) != s || int(v & kCountMask) >= n) return;
    } while (!slot.next.compare_exchange_weak(v, v + 1, std::memory_order_acq_rel,
                                               std::memory_order_relaxed));
    job.item(p, int(v & kCountMask), member);
    if (slot.done.fetch_add(1, std::memory_order_acq_rel) + 1 == n) {
      job.finish(p);
      if (p + 1 < phases) {
        open(s + 1, p + 1, job);
      } else {
        current_.store(base + phases, std::memory_order_seq_cst);  // the run is finished
      }
      return;
    }
  }
}

void PhaseTeam::run(Job& job) {
  const int phases = job.phases();
  assert(phases >= 1 && phases <= int(slots_.size()));
  const std::uint64_t base = current_.load(std::memory_order_relaxed) + 1;
  job_.store(&job, std::memory_order_relaxed);
  base_.store(base, std::memory_order_relaxed);
  phases_.store(phases, std::memory_order_relaxed);
  open(base, 0, job);  // publishes the three stores above
  if (sleepers_.load(std::memory_order_seq_cst) > 0) current_.notify_all();
  for (;;) {
    const std::uint64_t s = current_.load(std::memory_order_acquire);
    if (s == base + phases) return;
    work(s, int(s - base), job, base, phases, 0);
    spin_until([&] { return current_.load(std::memory_order_acquire) != s; });
  }
}

void PhaseTeam::worker(int member) {
  std::uint64_t seen = 0;
  for (;;) {
    std::uint64_t s = current_.load(std::memory_order_acquire);
    if (s == seen) {
      const std::uint64_t base = base_.load(std::memory_order_relaxed);
      if (s >= base && s < base + std::uint64_t(phases_.load(std::memory_order_relaxed))) {
        // Inside a run, every item of the open phase claimed: the phase ends as soon as the
        // members running its last items finish them (spin_until yields to them if they share
        // this core).
        spin_until([&] { return current_.load(std::memory_order_acquire) != seen; });
        s = current_.load(std::memory_order_acquire);
      } else {
        // Between runs: spin for the next one, then sleep.
        const Clock::time_point sleep_at = Clock::now() + kIdleSpin;
        for (unsigned i = 1; (s = current_.load(std::memory_order_acquire)) == seen; i++) {
          _mm_pause();
          if ((i & 63) == 0 && Clock::now() > sleep_at) {
            sleepers_.fetch_add(1, std::memory_order_seq_cst);
            while ((s = current_.load(std::memory_order_seq_cst)) == seen) {
              current_.wait(seen, std::memory_order_seq_cst);
            }
            sleepers_.fetch_sub(1, std::memory_order_relaxed);
            break;
          }
        }
      }
    }
    seen = s;
    if (stop_.load(std::memory_order_acquire)) return;
    Job* job = job_.load(std::memory_order_relaxed);
    const std::uint64_t base = base_.load(std::memory_order_relaxed);
    const int phases = phases_.load(std::memory_order_relaxed);
    if (s < base || s >= base + phases) continue;  // a finished run, or a stale read
    work(s, int(s - base), *job, base, phases, member);
  }
}

}  // namespace brainhost::regions::cortex
