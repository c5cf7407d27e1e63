// The cortex file format: exact round trips with and without optimizer state, and a clear
// refusal of every kind of bad file.
#include <doctest/doctest.h>

#include <filesystem>
#include <stdexcept>
#include <string>

#include "cortex/checkpoint.h"
#include "cortex/model.h"
#include "temp_dir.h"

namespace cx = brainhost::regions::cortex;

namespace {

cx::Checkpoint SmallCheckpoint(bool with_optimizer) {
  cx::Config cfg{.vocab = 11, .dim = 8, .layers = 2, .heads = 2, .hidden = 16, .context = 8};
  cx::Model<float> model(cfg);
  model.init(7);
  cx::Checkpoint c;
  c.config = cfg;
  c.params = model.params_memory;
  c.step = 1234;
  if (with_optimizer) {
    c.adam_m.assign(c.params.size(), 0.25f);
    c.adam_v.assign(c.params.size(), 0.5f);
  }
  return c;
}

std::string ErrorOf(const std::string& bytes) {
  try {
    cx::decode_checkpoint(bytes, "w.bin");
  } catch (const std::runtime_error& e) {
    return e.what();
  }
  return "";
}

}  // namespace

TEST_CASE("cortex checkpoint: exact round trip") {
  for (bool with_optimizer : {false, true}) {
    const cx::Checkpoint c = SmallCheckpoint(with_optimizer);
    const cx::Checkpoint d = cx::decode_checkpoint(cx::encode_checkpoint(c), "w.bin");
    CHECK(d.config == c.config);
    CHECK(d.params == c.params);
    CHECK(d.step == c.step);
    CHECK(d.adam_m == c.adam_m);
    CHECK(d.adam_v == c.adam_v);
    CHECK(d.has_optimizer_state() == with_optimizer);
  }
}

TEST_CASE("cortex checkpoint: a file round trip leaves no temporary behind") {
  std::string path;
  {
    const brainhost::test::TempDir dir;
    path = dir / "w.bin";
    const cx::Checkpoint c = SmallCheckpoint(true);
    cx::save_checkpoint(c, path);
    cx::save_checkpoint(c, path);  // over an existing file
    CHECK(cx::load_checkpoint(path).params == c.params);
    CHECK_FALSE(std::filesystem::exists(path + ".tmp"));
  }  // the directory is gone
  CHECK_THROWS_WITH_AS(cx::load_checkpoint(path), doctest::Contains("cannot open"),
                       std::runtime_error);
}

TEST_CASE("cortex checkpoint: bad files are refused with the reason") {
  const std::string good = cx::encode_checkpoint(SmallCheckpoint(false));
  CHECK(ErrorOf("") .find("no BHCORTEX header") != std::string::npos);
  CHECK(ErrorOf(std::string(100, 'x')).find("no BHCORTEX header") != std::string::npos);

  std::string truncated = good.substr(0, good.size() - 4);
  CHECK(ErrorOf(truncated).find("truncated") != std::string::npos);

  std::string corrupt = good;
  corrupt[good.size() / 2] ^= 0x10;
  CHECK(ErrorOf(corrupt).find("checksum") != std::string::npos);

  std::string future = good;
  future[8] = 2;  // format version 2
  CHECK(ErrorOf(future).find("format version 2") != std::string::npos);

  std::string bad_shape = good;
  bad_shape[28] = 3;  // heads = 3 does not divide dim 8
  CHECK(ErrorOf(bad_shape).find("invalid shape") != std::string::npos);
  CHECK(ErrorOf(truncated).rfind("w.bin: ", 0) == 0);  // names the file first
}
