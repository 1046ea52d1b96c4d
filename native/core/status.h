// Status and Result<T>: the native core's error values (errno + message). Core layer.
// Nothing in native/core throws across its API; callers test ok() and propagate.
// Both types are plain values: safe to move between threads, not to share unsynchronised.
#pragma once

#include <cerrno>
#include <string>
#include <utility>
#include <variant>

namespace nydus {

class [[nodiscard]] Status {
 public:
  Status() = default;  // ok
  Status(int err, std::string message) : errno_(err), message_(std::move(message)) {}

  static Status Ok() { return Status(); }
  static Status Error(int err, std::string message) { return Status(err, std::move(message)); }

  bool ok() const { return errno_ == 0; }
  // Positive POSIX errno; 0 when ok.
  int error_number() const { return errno_; }
  // Symbolic errno name ("EIO"); "OK" when ok.
  const char* code() const;
  const std::string& message() const { return message_; }
  // "EIO: message", for logs and test output.
  std::string ToString() const;

 private:
  int errno_ = 0;
  std::string message_;
};

// Symbolic name of a positive errno value ("EIO"), "EUNKNOWN" for values not tabled.
const char* ErrnoName(int err);

// Either a value or a failed Status. Constructing from an ok Status is a programming error
// and is turned into EINVAL rather than an empty value.
template <typename T>
class [[nodiscard]] Result {
 public:
  Result(T value) : v_(std::move(value)) {}  // NOLINT: implicit by design
  Result(Status status)  // NOLINT: implicit by design
      : v_(status.ok() ? Status(EINVAL, "Result built from an ok Status") : std::move(status)) {}

  bool ok() const { return std::holds_alternative<T>(v_); }
  const Status& status() const {
    static const Status kOk;
    return ok() ? kOk : std::get<Status>(v_);
  }
  T& value() & { return std::get<T>(v_); }
  const T& value() const& { return std::get<T>(v_); }
  T&& value() && { return std::get<T>(std::move(v_)); }

 private:
  std::variant<T, Status> v_;
};

}  // namespace nydus
