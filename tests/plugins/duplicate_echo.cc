// A second library that claims the id test.echo: the registry keeps the first and refuses it.
#include <brainhost/region.hpp>

namespace {

class Echo2 : public brainhost::sdk::Region {
 public:
  Echo2(const brainhost::sdk::Host&, const brainhost::sdk::Config&) {}
  void turn(brainhost::sdk::Turn& turn) override { turn.answer("echo2", 1.0); }
};

constexpr bh_region_descriptor kEcho2 = {
    sizeof(bh_region_descriptor), BH_ABI_VERSION_INIT, "test.echo", "echo", "9.9.9",
    "a duplicate", BH_CAP_ANSWER, nullptr, 0, nullptr, 0};

}  // namespace

BRAINHOST_DEFINE_LIBRARY(brainhost::sdk::factory<Echo2>(&kEcho2))
