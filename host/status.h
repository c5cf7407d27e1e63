// Status: the outcome of a fallible host operation, after LevelDB's util/status.h.
//
// A Status is OK or carries a code and a message that names the object and the reason
// ("brain.db: file is not a database"). Host functions return one instead of a bare bool or an
// escaping exception; the CLI prints message() and turns !ok() into a non-zero exit.
#ifndef BRAINHOST_HOST_STATUS_H
#define BRAINHOST_HOST_STATUS_H

#include <string>
#include <utility>

namespace brainhost {

class Status {
 public:
  enum class Code { kOk, kNotFound, kCorruption, kInvalidArgument, kIOError, kNotSupported };

  Status() = default;
  static Status OK() { return Status(); }
  static Status NotFound(std::string msg) { return Status(Code::kNotFound, std::move(msg)); }
  static Status Corruption(std::string msg) { return Status(Code::kCorruption, std::move(msg)); }
  static Status InvalidArgument(std::string msg) {
    return Status(Code::kInvalidArgument, std::move(msg));
  }
  static Status IOError(std::string msg) { return Status(Code::kIOError, std::move(msg)); }
  static Status NotSupported(std::string msg) {
    return Status(Code::kNotSupported, std::move(msg));
  }

  bool ok() const { return code_ == Code::kOk; }
  bool IsNotFound() const { return code_ == Code::kNotFound; }
  bool IsCorruption() const { return code_ == Code::kCorruption; }
  bool IsInvalidArgument() const { return code_ == Code::kInvalidArgument; }
  bool IsIOError() const { return code_ == Code::kIOError; }
  bool IsNotSupported() const { return code_ == Code::kNotSupported; }
  Code code() const { return code_; }

  // The message alone, as a user should read it.
  const std::string& message() const { return message_; }

  // "OK", or the code's name and the message: "IO error: brain.db: unable to open".
  std::string ToString() const {
    switch (code_) {
      case Code::kOk: return "OK";
      case Code::kNotFound: return "Not found: " + message_;
      case Code::kCorruption: return "Corruption: " + message_;
      case Code::kInvalidArgument: return "Invalid argument: " + message_;
      case Code::kIOError: return "IO error: " + message_;
      case Code::kNotSupported: return "Not supported: " + message_;
    }
    return message_;
  }

 private:
  Status(Code code, std::string msg) : code_(code), message_(std::move(msg)) {}

  Code code_ = Code::kOk;
  std::string message_;
};

}  // namespace brainhost

#endif  // BRAINHOST_HOST_STATUS_H
