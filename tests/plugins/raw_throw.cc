// A region written against the bare C ABI in C++ that breaks the rules: its turn() lets an
// exception escape. The host must survive it.
#include <brainhost/region.h>

#include <stdexcept>

namespace {

bh_status Turn(const bh_region*, const bh_turn*, bh_error*) {
  throw std::logic_error("raw exception across the C ABI");
}
const void* GetExtension(const bh_region*, const char*) { return nullptr; }
void Destroy(const bh_region* region) { delete region; }

const bh_region_descriptor kRaw = {sizeof(bh_region_descriptor),
                                   BH_ABI_VERSION_INIT,
                                   "test.raw_throw",
                                   "raw_throw",
                                   "0.0.1",
                                   "throws across the ABI",
                                   BH_CAP_ANSWER,
                                   nullptr,
                                   0,
                                   nullptr,
                                   0};

uint32_t Count() { return 1; }
const bh_region_descriptor* Get(uint32_t i) { return i == 0 ? &kRaw : nullptr; }
bh_status Create(const char*, const bh_host*, const bh_create_args*, bh_region** out,
                 bh_error*) {
  *out = new bh_region{sizeof(bh_region), &kRaw, nullptr, &Turn, &GetExtension, &Destroy};
  return BH_OK;
}
const bh_library kLibrary = {sizeof(bh_library), BH_ABI_VERSION_INIT, &Count, &Get, &Create};

}  // namespace

extern "C" BH_EXPORT const bh_library* brainhost_library_entry(bh_abi_version) {
  return &kLibrary;
}
