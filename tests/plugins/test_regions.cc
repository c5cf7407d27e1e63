// Regions used by the host's tests, each built to exercise one path of the router.
#include <brainhost/region.hpp>

#include <chrono>
#include <fstream>
#include <stdexcept>
#include <string>
#include <thread>

namespace {

using brainhost::sdk::Config;
using brainhost::sdk::Host;
using brainhost::sdk::Region;
using brainhost::sdk::Turn;

bool StartsWith(std::string_view s, std::string_view prefix) {
  return s.substr(0, prefix.size()) == prefix;
}

// "echo X" -> answers X at the configured confidence; tags every turn it sees with "seen",
// publishes the line's length as a signal and its text and bytes as slots.
class Echo : public Region {
 public:
  Echo(const Host&, const Config& config) : confidence_(config.number_or("confidence", 0.9)) {}
  void turn(Turn& turn) override {
    turn.set_tag("seen");
    turn.set_signal("echo.length", static_cast<double>(turn.user_text().size()));
    turn.set_text("echo.last", turn.user_text());
    length_ = static_cast<float>(turn.user_text().size());
    bh_tensor t{};
    t.struct_size = sizeof(bh_tensor);
    t.dtype = BH_DTYPE_F32;
    t.ndim = 1;
    t.shape[0] = 1;
    t.data = &length_;
    turn.set_tensor("echo.vector", t);
    if (StartsWith(turn.user_text(), "echo ")) turn.answer(turn.user_text().substr(5), confidence_);
  }

 private:
  double confidence_;
  float length_ = 0;
};

// Throws a C++ exception out of turn() when the line contains "boom".
class Throws : public Region {
 public:
  Throws(const Host&, const Config&) {}
  void turn(Turn& turn) override {
    if (turn.user_text().find("boom") != std::string_view::npos) {
      throw std::runtime_error("the throws region blew up on purpose");
    }
    turn.answer("throws answered", 0.9);
  }
};

// Fails every turn with a status, and also tries to write a slot it did not declare.
class Fails : public Region {
 public:
  Fails(const Host&, const Config&) {}
  void turn(Turn& turn) override { turn.set_tag("undeclared"); }
};

// Cannot be created.
class CreateFails : public Region {
 public:
  CreateFails(const Host&, const Config&) {
    throw brainhost::sdk::Error(BH_ERR_INVALID_ARGUMENT, "no model file configured");
  }
  void turn(Turn&) override {}
};

// Counts turns in its persistent state and answers "count N". A line "hang FILE" writes the
// incremented count, creates FILE (so a test knows the turn is in flight) and then hangs,
// so the test can kill the process inside the turn's transaction.
class Stateful : public Region {
 public:
  Stateful(const Host& host, const Config&) : host_(host) {}
  void turn(Turn& turn) override {
    int count = std::stoi(host_.state_get("count").value_or("0")) + 1;
    host_.state_put("count", std::to_string(count));
    if (StartsWith(turn.user_text(), "hang ")) {
      std::ofstream(std::string(turn.user_text().substr(5))) << "in turn\n";
      std::this_thread::sleep_for(std::chrono::hours(1));
    }
    turn.answer("count " + std::to_string(count), 1.0);
  }

 private:
  Host host_;
};

constexpr bh_slot_decl kEchoWrites[] = {{"seen", BH_SLOT_TAG},
                                        {"echo.length", BH_SLOT_SIGNAL},
                                        {"echo.last", BH_SLOT_TEXT},
                                        {"echo.vector", BH_SLOT_TENSOR}};

constexpr bh_region_descriptor Describe(const char* id, bh_capabilities caps,
                                        const bh_slot_decl* writes = nullptr,
                                        uint32_t writes_count = 0) {
  return {sizeof(bh_region_descriptor), BH_ABI_VERSION_INIT, id, id, "0.0.1", "a test region",
          caps, nullptr, 0, writes, writes_count};
}

constexpr bh_region_descriptor kEcho =
    Describe("test.echo", BH_CAP_ANSWER | BH_CAP_OBSERVE, kEchoWrites, 4);
constexpr bh_region_descriptor kThrows = Describe("test.throws", BH_CAP_ANSWER);
constexpr bh_region_descriptor kFails = Describe("test.fails", BH_CAP_OBSERVE);
constexpr bh_region_descriptor kCreateFails = Describe("test.create_fails", BH_CAP_ANSWER);
constexpr bh_region_descriptor kStateful =
    Describe("test.stateful", BH_CAP_ANSWER | BH_CAP_PERSIST);

}  // namespace

BRAINHOST_DEFINE_LIBRARY(brainhost::sdk::factory<Echo>(&kEcho),
                         brainhost::sdk::factory<Throws>(&kThrows),
                         brainhost::sdk::factory<Fails>(&kFails),
                         brainhost::sdk::factory<CreateFails>(&kCreateFails),
                         brainhost::sdk::factory<Stateful>(&kStateful))
