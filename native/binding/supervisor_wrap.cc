// Supervisor socket transfers for JS: a pool worker yielding {state, fd}, the fd duplication
// that makes the caller's fd free to close at once, and the listener class. Binding layer.
#include "supervisor_wrap.h"

#include <fcntl.h>
#include <unistd.h>

#include <algorithm>
#include <climits>
#include <cstring>
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "bytes_worker.h"
#include "native_error.h"

namespace nydus::binding {
namespace {

constexpr int kMaxTimeoutMs = 1 << 30;

using StateJob = std::function<Result<transport::ReceivedState>()>;

// Runs a receive on the pool and resolves {state: Buffer, fd: number}. A received fd that
// never reaches JS (environment teardown) is closed.
class StateWorker final : public Napi::AsyncWorker {
 public:
  static Napi::Promise Run(Napi::Env env, const char* name, StateJob job, Napi::Value keep) {
    auto* w = new StateWorker(env, name, std::move(job), keep);  // deletes itself
    Napi::Promise p = w->deferred_.Promise();
    w->Queue();
    return p;
  }
  ~StateWorker() override {
    if (result_ && result_->ok() && result_->value().fd >= 0) close(result_->value().fd);
  }
  void Execute() override {
    try {
      result_.emplace(job_());
    } catch (const std::exception& e) {
      result_.emplace(Status(ENOMEM, e.what()));
    }
  }
  void OnOK() override {
    Napi::Env env = Env();
    Napi::HandleScope scope(env);
    if (!result_ || !result_->ok()) {
      deferred_.Reject(MakeError(env, result_ ? result_->status() : Status(EIO, "worker produced no result")).Value());
      return;
    }
    transport::ReceivedState& got = result_->value();
    Napi::Object o = Napi::Object::New(env);
    o.Set("state", ToBuffer(env, std::move(got.state)));
    o.Set("fd", Napi::Number::New(env, got.fd));
    o.Set("extraFds", Napi::Number::New(env, static_cast<double>(got.extra_fds)));
    got.fd = -1;  // now JS's
    deferred_.Resolve(o);
  }

 private:
  StateWorker(Napi::Env env, const char* name, StateJob job, Napi::Value keep)
      : Napi::AsyncWorker(env, name), deferred_(Napi::Promise::Deferred::New(env)), job_(std::move(job)) {
    if (!keep.IsEmpty() && !keep.IsUndefined()) keep_ = Napi::Persistent(keep);
  }

  Napi::Promise::Deferred deferred_;
  StateJob job_;
  Napi::Reference<Napi::Value> keep_;
  std::optional<Result<transport::ReceivedState>> result_;
};

std::optional<int> TimeoutArg(const Napi::CallbackInfo& info, size_t index) {
  std::optional<size_t> t = SizeArg(info, index, "timeoutMs");
  if (!t) return std::nullopt;
  return static_cast<int>(std::min<size_t>(*t, kMaxTimeoutMs));
}

// A CLOEXEC duplicate of the caller's fd, taken on the JS thread so the caller may close its
// own fd as soon as the call returns. -1 with a pending EBADF exception.
int DupArg(const Napi::CallbackInfo& info, size_t index) {
  std::optional<size_t> fd = SizeArg(info, index, "fd");
  if (!fd) return -1;
  const int dup = *fd <= INT32_MAX ? fcntl(static_cast<int>(*fd), F_DUPFD_CLOEXEC, 0) : -1;
  if (dup < 0) ThrowStatus(info.Env(), Status(EBADF, "fd " + std::to_string(*fd) + " is not open"));
  return dup;
}

std::optional<std::vector<uint8_t>> StateArg(const Napi::CallbackInfo& info, size_t index) {
  std::optional<ByteView> bytes = BytesArg(info, index, "state");
  if (!bytes) return std::nullopt;
  if (bytes->empty()) {
    ThrowStatus(info.Env(), Status(EINVAL, "the state to send is empty (an fd needs at least one data byte)"));
    return std::nullopt;
  }
  return std::vector<uint8_t>(bytes->data, bytes->data + bytes->size);
}

}  // namespace

Napi::Value SendStateFd(const Napi::CallbackInfo& info) {
  Napi::Env env = info.Env();
  std::optional<std::string> path = StringArg(info, 0, "socketPath");
  if (!path) return env.Undefined();
  auto state = StateArg(info, 1);
  if (!state) return env.Undefined();
  std::optional<int> timeout = TimeoutArg(info, 3);
  if (!timeout) return env.Undefined();
  const int fd = DupArg(info, 2);
  if (fd < 0) return env.Undefined();
  return StatusWorker::Run(
      env, "nydus-sendfd",
      [p = *path, s = std::move(*state), fd, t = *timeout] {
        Status st = transport::SendStateFd(p, s.data(), s.size(), fd, t);
        close(fd);
        return st;
      },
      {}, env.Undefined());
}

Napi::Value ReceiveStateFd(const Napi::CallbackInfo& info) {
  Napi::Env env = info.Env();
  std::optional<std::string> path = StringArg(info, 0, "socketPath");
  if (!path) return env.Undefined();
  std::optional<int> timeout = TimeoutArg(info, 1);
  if (!timeout) return env.Undefined();
  return StateWorker::Run(
      env, "nydus-takeover-receive", [p = *path, t = *timeout] { return transport::ReceiveStateFd(p, t); },
      env.Undefined());
}

Napi::Value CloseFd(const Napi::CallbackInfo& info) {
  std::optional<size_t> fd = SizeArg(info, 0, "fd");
  if (!fd) return info.Env().Undefined();
  if (*fd > INT32_MAX || close(static_cast<int>(*fd)) != 0) {
    const int err = *fd > INT32_MAX ? EBADF : errno;
    if (err != EINTR) ThrowStatus(info.Env(), Status(err, "close fd " + std::to_string(*fd) + ": " + std::strerror(err)));
  }
  return info.Env().Undefined();
}

Napi::Function SupervisorListenerWrap::Define(Napi::Env env) {
  return DefineClass(env, "SupervisorListener",
                     {InstanceMethod<&SupervisorListenerWrap::Receive>("receive"),
                      InstanceMethod<&SupervisorListenerWrap::Send>("send"),
                      InstanceMethod<&SupervisorListenerWrap::Close>("close"),
                      InstanceMethod<&SupervisorListenerWrap::Path>("path")});
}

SupervisorListenerWrap::SupervisorListenerWrap(const Napi::CallbackInfo& info)
    : Napi::ObjectWrap<SupervisorListenerWrap>(info) {
  std::optional<std::string> path = StringArg(info, 0, "socketPath");
  if (!path) return;
  auto l = transport::StateListener::Listen(*path);
  if (!l.ok()) {
    ThrowStatus(info.Env(), l.status());
    return;
  }
  listener_ = std::move(l).value();
}

SupervisorListenerWrap::~SupervisorListenerWrap() {
  if (listener_) listener_->Close();
}

Napi::Value SupervisorListenerWrap::Receive(const Napi::CallbackInfo& info) {
  Napi::Env env = info.Env();
  std::optional<int> timeout = TimeoutArg(info, 0);
  if (!timeout) return env.Undefined();
  if (!listener_ || listener_->closed()) {
    ThrowStatus(env, Status(EBADF, "the supervisor listener is closed"));
    return env.Undefined();
  }
  return StateWorker::Run(
      env, "nydus-supervisor-receive", [l = listener_, t = *timeout] { return l->Receive(t); }, info.This());
}

Napi::Value SupervisorListenerWrap::Send(const Napi::CallbackInfo& info) {
  Napi::Env env = info.Env();
  auto state = StateArg(info, 0);
  if (!state) return env.Undefined();
  std::optional<int> timeout = TimeoutArg(info, 2);
  if (!timeout) return env.Undefined();
  if (!listener_ || listener_->closed()) {
    ThrowStatus(env, Status(EBADF, "the supervisor listener is closed"));
    return env.Undefined();
  }
  const int fd = DupArg(info, 1);
  if (fd < 0) return env.Undefined();
  return StatusWorker::Run(
      env, "nydus-supervisor-send",
      [l = listener_, s = std::move(*state), fd, t = *timeout] {
        Status st = l->Send(s.data(), s.size(), fd, t);
        close(fd);
        return st;
      },
      {}, info.This());
}

Napi::Value SupervisorListenerWrap::Close(const Napi::CallbackInfo& info) {
  if (listener_) listener_->Close();
  return info.Env().Undefined();
}

Napi::Value SupervisorListenerWrap::Path(const Napi::CallbackInfo& info) {
  return Napi::String::New(info.Env(), listener_ ? listener_->path() : std::string());
}

}  // namespace nydus::binding
