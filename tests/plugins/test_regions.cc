// Regions used by the host's tests, each built to exercise one path of the router.
#include <brainhost/conversation.h>
#include <brainhost/region.hpp>

#include <chrono>
#include <fstream>
#include <stdexcept>
#include <string>
#include <thread>
#include <vector>

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

// Answers with the dtype and shape of each tensor slot named in the `slots` setting
// (comma-separated), "name f32 [3,32]" joined by "; ", or "name unset".
class TensorProbe : public Region {
 public:
  TensorProbe(const Host&, const Config& config) : slots_(config.get_or("slots", "")) {}
  void turn(Turn& turn) override {
    std::string out;
    size_t start = 0;
    while (start <= slots_.size()) {
      size_t end = slots_.find(',', start);
      if (end == std::string::npos) end = slots_.size();
      const std::string name = slots_.substr(start, end - start);
      start = end + 1;
      if (name.empty()) continue;
      if (!out.empty()) out += "; ";
      out += name;
      std::optional<bh_tensor> t = turn.tensor(name.c_str());
      if (!t) {
        out += " unset";
        continue;
      }
      out += t->dtype == BH_DTYPE_F32 ? " f32 [" : t->dtype == BH_DTYPE_I32 ? " i32 [" : " ? [";
      for (uint32_t d = 0; d < t->ndim; ++d) out += (d ? "," : "") + std::to_string(t->shape[d]);
      out += "]";
    }
    turn.answer(out.empty() ? "no slots" : out, 1.0);
  }

 private:
  std::string slots_;
};

// A 1-D float32 tensor borrowing v's storage, as the cortex's slots hold them.
bh_tensor VectorTensor(std::vector<float>& v) {
  bh_tensor t{};
  t.struct_size = sizeof(bh_tensor);
  t.dtype = BH_DTYPE_F32;
  t.ndim = 1;
  t.shape[0] = static_cast<int64_t>(v.size());
  t.data = v.data();
  return t;
}

// Writes hippo.logit_bias: `vocab` floats (default 4096), `strength` (default 1e4) at `token`
// and 0 elsewhere, so a generator that applies it can only say that token.
class LogitBias : public Region {
 public:
  LogitBias(const Host&, const Config& config)
      : bias_(static_cast<size_t>(config.number_or("vocab", 4096)), 0.0f) {
    bias_.at(static_cast<size_t>(config.number_or("token", 0))) =
        static_cast<float>(config.number_or("strength", 1e4));
  }
  void turn(Turn& turn) override { turn.set_tensor("hippo.logit_bias", VectorTensor(bias_)); }

 private:
  std::vector<float> bias_;
};

// Writes cortex.word_surprise from the `values` setting ("0.5,9,1"), standing in for a cortex.
class WordSurprise : public Region {
 public:
  WordSurprise(const Host&, const Config& config) {
    const std::string values = config.get_or("values", "");
    size_t start = 0;
    while (start < values.size()) {
      size_t end = values.find(',', start);
      if (end == std::string::npos) end = values.size();
      values_.push_back(std::stof(values.substr(start, end - start)));
      start = end + 1;
    }
  }
  void turn(Turn& turn) override {
    turn.set_tensor("cortex.word_surprise", VectorTensor(values_));
  }

 private:
  std::vector<float> values_;
};

// Answers with the conversation so far as brainhost.conversation/1 gives it (at most `limit`
// turns, default 3): "N: user -> reply | ..." oldest first, or "no history".
class History : public Region {
 public:
  History(const Host& host, const Config& config)
      : host_(host),
        conversation_(static_cast<const bh_conversation*>(host.extension(BH_EXT_CONVERSATION))),
        limit_(static_cast<uint32_t>(config.number_or("limit", 3))) {
    if (conversation_ == nullptr) {
      throw brainhost::sdk::Error(BH_ERR_NOT_SUPPORTED, "no " BH_EXT_CONVERSATION);
    }
  }
  void turn(Turn& turn) override {
    std::string out;
    brainhost::sdk::check(
        conversation_->recent(
            host_.raw(), limit_,
            [](void* context, const bh_exchange* x) {
              auto* text = static_cast<std::string*>(context);
              if (!text->empty()) *text += " | ";
              *text += std::to_string(x->turn_index) + ": " + x->user_text + " -> " + x->reply;
            },
            &out),
        "recent", "turns");
    turn.answer(out.empty() ? "no history" : out, 1.0);
  }

 private:
  Host host_;
  const bh_conversation* conversation_;
  uint32_t limit_;
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

constexpr bh_slot_decl kLogitBiasWrites[] = {{"hippo.logit_bias", BH_SLOT_TENSOR}};
constexpr bh_slot_decl kWordSurpriseWrites[] = {{"cortex.word_surprise", BH_SLOT_TENSOR}};

constexpr bh_region_descriptor kEcho =
    Describe("test.echo", BH_CAP_ANSWER | BH_CAP_OBSERVE, kEchoWrites, 4);
constexpr bh_region_descriptor kThrows = Describe("test.throws", BH_CAP_ANSWER);
constexpr bh_region_descriptor kFails = Describe("test.fails", BH_CAP_OBSERVE);
constexpr bh_region_descriptor kCreateFails = Describe("test.create_fails", BH_CAP_ANSWER);
constexpr bh_region_descriptor kStateful =
    Describe("test.stateful", BH_CAP_ANSWER | BH_CAP_PERSIST);
constexpr bh_region_descriptor kHistory = Describe("test.history", BH_CAP_ANSWER);
constexpr bh_region_descriptor kTensorProbe = Describe("test.tensor_probe", BH_CAP_ANSWER);
constexpr bh_region_descriptor kLogitBias =
    Describe("test.logit_bias", BH_CAP_BIAS_LOGITS, kLogitBiasWrites, 1);
constexpr bh_region_descriptor kWordSurprise =
    Describe("test.word_surprise", BH_CAP_OBSERVE, kWordSurpriseWrites, 1);

}  // namespace

BRAINHOST_DEFINE_LIBRARY(brainhost::sdk::factory<Echo>(&kEcho),
                         brainhost::sdk::factory<Throws>(&kThrows),
                         brainhost::sdk::factory<Fails>(&kFails),
                         brainhost::sdk::factory<CreateFails>(&kCreateFails),
                         brainhost::sdk::factory<Stateful>(&kStateful),
                         brainhost::sdk::factory<History>(&kHistory),
                         brainhost::sdk::factory<TensorProbe>(&kTensorProbe),
                         brainhost::sdk::factory<LogitBias>(&kLogitBias),
                         brainhost::sdk::factory<WordSurprise>(&kWordSurprise))
