// fallback: the graph's last resort, which says honestly that no region could answer.
//
// It answers every turn with a fixed reply (setting `reply`, default "i don't know that yet")
// at confidence 0, so it never outranks a region that knows something; the router uses it
// only when the walk ends without an answer.
#include <brainhost/region.hpp>

#include <string>

namespace {

class Fallback : public brainhost::sdk::Region {
 public:
  Fallback(const brainhost::sdk::Host& /*host*/, const brainhost::sdk::Config& config)
      : reply_(config.get_or("reply", "i don't know that yet")) {
    if (reply_.empty()) {
      throw brainhost::sdk::Error(BH_ERR_INVALID_ARGUMENT, "setting 'reply' must not be empty");
    }
  }

  void turn(brainhost::sdk::Turn& turn) override { turn.answer(reply_, 0.0); }

 private:
  std::string reply_;
};

constexpr bh_region_descriptor kFallback = {
    sizeof(bh_region_descriptor),
    BH_ABI_VERSION_INIT,
    "brainhost.fallback",
    "fallback",
    "1.0.0",
    "replies honestly that it does not know, when no other region answered",
    BH_CAP_ANSWER,
    nullptr,
    0,
    nullptr,
    0,
};

}  // namespace

BRAINHOST_DEFINE_LIBRARY(brainhost::sdk::factory<Fallback>(&kFallback))
