// Blackboard: the named values of one turn that regions pass to each other.
//
// Text values are copied in; tensors are borrowed (the writer keeps the data alive until the
// turn ends, the blackboard keeps only the view). One blackboard lives for one turn.
#ifndef BRAINHOST_HOST_TURN_BLACKBOARD_H
#define BRAINHOST_HOST_TURN_BLACKBOARD_H

#include <brainhost/region.h>

#include <map>
#include <optional>
#include <set>
#include <string>
#include <string_view>

namespace brainhost {

class Blackboard {
 public:
  void SetText(std::string_view name, std::string_view value) {
    texts_[std::string(name)] = std::string(value);
  }
  const std::string* Text(std::string_view name) const {
    auto it = texts_.find(name);
    return it == texts_.end() ? nullptr : &it->second;
  }

  void SetSignal(std::string_view name, double value) { signals_[std::string(name)] = value; }
  std::optional<double> Signal(std::string_view name) const {
    auto it = signals_.find(name);
    return it == signals_.end() ? std::nullopt : std::optional<double>(it->second);
  }
  const std::map<std::string, double, std::less<>>& signals() const { return signals_; }

  void SetTensor(std::string_view name, const bh_tensor& tensor) {
    tensors_[std::string(name)] = tensor;
  }
  const bh_tensor* Tensor(std::string_view name) const {
    auto it = tensors_.find(name);
    return it == tensors_.end() ? nullptr : &it->second;
  }

  void SetTag(std::string_view name) { tags_.insert(std::string(name)); }
  bool HasTag(std::string_view name) const { return tags_.find(name) != tags_.end(); }
  const std::set<std::string, std::less<>>& tags() const { return tags_; }

 private:
  std::map<std::string, std::string, std::less<>> texts_;
  std::map<std::string, double, std::less<>> signals_;
  std::map<std::string, bh_tensor, std::less<>> tensors_;
  std::set<std::string, std::less<>> tags_;
};

}  // namespace brainhost

#endif  // BRAINHOST_HOST_TURN_BLACKBOARD_H
