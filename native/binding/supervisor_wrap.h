// The supervisor-socket transfer of §5.2 (core transport/fd_passing) for JS: the nydusd side
// (sendStateFd / receiveStateFd), the supervisor side (the SupervisorListener class) and
// closeFd. Binding layer. Calls validate and copy their arguments on the JS thread; every
// connect / accept / read runs on libuv's pool and settles a promise.
#pragma once

#include <napi.h>

#include <memory>

#include "transport/fd_passing.h"

namespace nydus::binding {

Napi::Value SendStateFd(const Napi::CallbackInfo& info);     // (path, state, fd, timeoutMs) -> Promise<void>
Napi::Value ReceiveStateFd(const Napi::CallbackInfo& info);  // (path, timeoutMs) -> Promise<{state, fd}>
Napi::Value CloseFd(const Napi::CallbackInfo& info);         // (fd)

class SupervisorListenerWrap final : public Napi::ObjectWrap<SupervisorListenerWrap> {
 public:
  static Napi::Function Define(Napi::Env env);
  explicit SupervisorListenerWrap(const Napi::CallbackInfo& info);  // (path): listens at once
  ~SupervisorListenerWrap() override;

 private:
  Napi::Value Receive(const Napi::CallbackInfo& info);  // (timeoutMs) -> Promise<{state, fd}>
  Napi::Value Send(const Napi::CallbackInfo& info);     // (state, fd, timeoutMs) -> Promise<void>
  Napi::Value Close(const Napi::CallbackInfo& info);    // ()
  Napi::Value Path(const Napi::CallbackInfo& info);     // () -> string

  std::shared_ptr<transport::StateListener> listener_;  // shared with pending pool jobs
};

}  // namespace nydus::binding
