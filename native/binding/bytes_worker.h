// BytesWorker / StatusWorker: run one core job that yields bytes on libuv's thread pool and settles a
// promise with a Buffer or a NativeError-shaped error. Binding layer.
// The job is a plain C++ baton (it owns copies of its inputs); Execute() runs it on a pool
// thread and never touches a V8 object; everything else runs on the JS thread.
#pragma once

#include <napi.h>

#include <functional>
#include <optional>
#include <vector>

#include "status.h"

namespace nydus::binding {

using BytesJob = std::function<Result<std::vector<uint8_t>>()>;

// Moves `bytes` into a Buffer without copying where the runtime allows external buffers.
Napi::Buffer<uint8_t> ToBuffer(Napi::Env env, std::vector<uint8_t>&& bytes);

class BytesWorker final : public Napi::AsyncWorker {
 public:
  // Queues `job` and returns the promise it will settle.
  static Napi::Promise Run(Napi::Env env, const char* name, BytesJob job);

  void Execute() override;
  void OnOK() override;

 private:
  BytesWorker(Napi::Env env, const char* name, BytesJob job);

  Napi::Promise::Deferred deferred_;
  BytesJob job_;
  std::optional<Result<std::vector<uint8_t>>> result_;  // written by Execute, read by OnOK
};

using StatusJob = std::function<Status()>;

// StatusWorker: runs a job that yields only a Status on the pool (e.g. joining threads that
// may wait for the JS thread) and settles a promise with undefined or the error. `done`, if
// any, runs on the JS thread first; `keep` stays referenced until then.
class StatusWorker final : public Napi::AsyncWorker {
 public:
  static Napi::Promise Run(Napi::Env env, const char* name, StatusJob job, std::function<void()> done,
                           Napi::Value keep);

  void Execute() override;
  void OnOK() override;

 private:
  StatusWorker(Napi::Env env, const char* name, StatusJob job, std::function<void()> done, Napi::Value keep);

  Napi::Promise::Deferred deferred_;
  StatusJob job_;
  std::function<void()> done_;
  Napi::Reference<Napi::Value> keep_;
  Status result_;  // written by Execute, read by OnOK
};

}  // namespace nydus::binding
