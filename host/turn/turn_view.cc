#include "turn/turn_view.h"

#include <cmath>
#include <cstring>

#include <utf8.h>

namespace brainhost {

TurnView::TurnView(Blackboard* blackboard, const RegionInfo& info, const TurnInput& input)
    : blackboard_(blackboard), info_(info) {
  turn_ = bh_turn{};
  turn_.struct_size = sizeof(bh_turn);
  turn_.host_data = this;
  turn_.user_text = input.text.c_str();
  turn_.user_text_size = input.text.size();
  turn_.session_id = input.session_id.c_str();
  turn_.turn_index = input.index;
  turn_.now_unix_ms = input.now_unix_ms;
  turn_.get_text = &GetText;
  turn_.set_text = &SetText;
  turn_.get_signal = &GetSignal;
  turn_.set_signal = &SetSignal;
  turn_.get_tensor = &GetTensor;
  turn_.set_tensor = &SetTensor;
  turn_.set_tag = &SetTag;
  turn_.has_tag = &HasTag;
  turn_.answer = &AnswerTurn;
}

TurnView* TurnView::Self(const bh_turn* turn) { return static_cast<TurnView*>(turn->host_data); }

bool TurnView::Declares(const char* name, bh_slot_kind kind) const {
  for (const SlotInfo& slot : info_.writes) {
    if (slot.kind == kind && slot.name == name) return true;
  }
  return false;
}

bh_status TurnView::GetText(const bh_turn* t, const char* name, const char** text,
                            size_t* size) {
  if (name == nullptr || text == nullptr) return BH_ERR_INVALID_ARGUMENT;
  const std::string* value = Self(t)->blackboard_->Text(name);
  if (value == nullptr) return BH_ERR_NOT_FOUND;
  *text = value->c_str();
  if (size != nullptr) *size = value->size();
  return BH_OK;
}

bh_status TurnView::SetText(const bh_turn* t, const char* name, const char* text, size_t size) {
  if (name == nullptr || (text == nullptr && size > 0)) return BH_ERR_INVALID_ARGUMENT;
  TurnView* self = Self(t);
  if (!self->Declares(name, BH_SLOT_TEXT)) return BH_ERR_UNDECLARED_SLOT;
  std::string_view value(text, size);
  if (!utf8::is_valid(value.begin(), value.end())) return BH_ERR_INVALID_ARGUMENT;
  self->blackboard_->SetText(name, value);
  return BH_OK;
}

bh_status TurnView::GetSignal(const bh_turn* t, const char* name, double* value) {
  if (name == nullptr || value == nullptr) return BH_ERR_INVALID_ARGUMENT;
  std::optional<double> v = Self(t)->blackboard_->Signal(name);
  if (!v) return BH_ERR_NOT_FOUND;
  *value = *v;
  return BH_OK;
}

bh_status TurnView::SetSignal(const bh_turn* t, const char* name, double value) {
  if (name == nullptr || !std::isfinite(value)) return BH_ERR_INVALID_ARGUMENT;
  TurnView* self = Self(t);
  if (!self->Declares(name, BH_SLOT_SIGNAL)) return BH_ERR_UNDECLARED_SLOT;
  self->blackboard_->SetSignal(name, value);
  return BH_OK;
}

bh_status TurnView::GetTensor(const bh_turn* t, const char* name, bh_tensor* out) {
  if (name == nullptr || out == nullptr) return BH_ERR_INVALID_ARGUMENT;
  const bh_tensor* tensor = Self(t)->blackboard_->Tensor(name);
  if (tensor == nullptr) return BH_ERR_NOT_FOUND;
  // Copy no more than the reader's struct holds: it may be an older, smaller bh_tensor.
  uint32_t reader_size = out->struct_size;
  std::memcpy(out, tensor, reader_size < sizeof(bh_tensor) ? reader_size : sizeof(bh_tensor));
  out->struct_size = reader_size;
  return BH_OK;
}

bh_status TurnView::SetTensor(const bh_turn* t, const char* name, const bh_tensor* tensor) {
  if (name == nullptr || tensor == nullptr || tensor->struct_size < sizeof(bh_tensor) ||
      tensor->ndim == 0 || tensor->ndim > BH_TENSOR_MAX_DIMS || tensor->data == nullptr ||
      tensor->dtype < BH_DTYPE_F32 || tensor->dtype > BH_DTYPE_I64) {
    return BH_ERR_INVALID_ARGUMENT;
  }
  for (uint32_t i = 0; i < tensor->ndim; ++i) {
    if (tensor->shape[i] < 0) return BH_ERR_INVALID_ARGUMENT;
  }
  TurnView* self = Self(t);
  if (!self->Declares(name, BH_SLOT_TENSOR)) return BH_ERR_UNDECLARED_SLOT;
  bh_tensor copy = *tensor;
  copy.struct_size = sizeof(bh_tensor);
  self->blackboard_->SetTensor(name, copy);
  return BH_OK;
}

bh_status TurnView::SetTag(const bh_turn* t, const char* name) {
  if (name == nullptr) return BH_ERR_INVALID_ARGUMENT;
  TurnView* self = Self(t);
  if (!self->Declares(name, BH_SLOT_TAG)) return BH_ERR_UNDECLARED_SLOT;
  self->blackboard_->SetTag(name);
  return BH_OK;
}

int TurnView::HasTag(const bh_turn* t, const char* name) {
  return name != nullptr && Self(t)->blackboard_->HasTag(name) ? 1 : 0;
}

bh_status TurnView::AnswerTurn(const bh_turn* t, const char* text, size_t size,
                               double confidence) {
  TurnView* self = Self(t);
  if ((self->info_.capabilities & BH_CAP_ANSWER) == 0) return BH_ERR_NOT_SUPPORTED;
  if (self->answer_) return BH_ERR_INVALID_ARGUMENT;
  if (text == nullptr || size == 0 || !(confidence >= 0 && confidence <= 1)) {
    return BH_ERR_INVALID_ARGUMENT;
  }
  std::string_view reply(text, size);
  if (!utf8::is_valid(reply.begin(), reply.end())) return BH_ERR_INVALID_ARGUMENT;
  self->answer_ = Answer{std::string(reply), confidence};
  return BH_OK;
}

}  // namespace brainhost
