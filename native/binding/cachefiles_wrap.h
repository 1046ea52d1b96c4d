// CachefilesSessionWrap: the JS `CachefilesSession` class over one core CachefilesHandler (the
// fscache on-demand daemon side, core cachefiles/) and its ObjectTable. Binding layer. Methods
// run on the JS thread; the workers are native threads that never touch V8 (a data blob miss
// reaches JS only through an image's JS backend); log lines come back through a thread-safe
// function that is referenced while the workers run. Joining workers and culling run on the
// libuv pool (they may wait for a JS backend or the device).
#pragma once

#include <napi.h>

#include <atomic>
#include <memory>
#include <string>

#include "cachefiles/handler.h"

namespace nydus::binding {

class CachefilesSessionWrap final : public Napi::ObjectWrap<CachefilesSessionWrap> {
 public:
  static Napi::Function Define(Napi::Env env);
  // ({dir, tag, threads, fd?, restore?, device?}): opens the device (or adopts `fd`, which is
  // consumed on success and left to the caller on failure), then binds (dir, tag, bind
  // ondemand) or, with restore, writes `restore`.
  explicit CachefilesSessionWrap(const Napi::CallbackInfo& info);
  ~CachefilesSessionWrap() override;

 private:
  Napi::Value Start(const Napi::CallbackInfo& info);              // () -> undefined
  Napi::Value Stop(const Napi::CallbackInfo& info);               // () -> Promise (joins on the pool)
  Napi::Value Release(const Napi::CallbackInfo& info);            // () -> Promise (joins on the pool)
  Napi::Value Running(const Napi::CallbackInfo& info);            // () -> boolean
  Napi::Value Fd(const Napi::CallbackInfo& info);                 // () -> number (-1 released)
  Napi::Value RegisterBootstrap(const Napi::CallbackInfo& info);  // (domain, fsid, path)
  Napi::Value RegisterBlob(const Napi::CallbackInfo& info);       // (domain, blobId, image, blobIndex, opts?)
  Napi::Value Unregister(const Napi::CallbackInfo& info);         // (key) -> boolean
  Napi::Value Keys(const Napi::CallbackInfo& info);               // () -> string[]
  Napi::Value Metrics(const Napi::CallbackInfo& info);            // () -> CachefilesMetrics
  Napi::Value Cull(const Napi::CallbackInfo& info);               // (cacheDir, cookieKey) -> Promise
  Napi::Value OnLog(const Napi::CallbackInfo& info);              // (cb(level, message))

  cachefiles::CachefilesHandler* Handler(const Napi::CallbackInfo& info);
  void ReleaseLogEvent();

  struct LogLine {
    cachefiles::LogLevel level;
    std::string message;
  };
  static void CallLog(Napi::Env env, Napi::Function, CachefilesSessionWrap* self, LogLine* line);
  using LogTsfn = Napi::TypedThreadSafeFunction<CachefilesSessionWrap, LogLine, &CachefilesSessionWrap::CallLog>;

  std::unique_ptr<cachefiles::CachefilesHandler> handler_;
  int threads_ = 4;
  Napi::FunctionReference log_cb_;
  LogTsfn log_tsfn_;                    // live while workers run
  std::atomic<bool> tsfn_live_{false};  // written on the JS thread, read by workers
  std::atomic<uint64_t> dropped_logs_{0};
};

// cachefilesFakeDevice() -> [daemonFd, kernelFd]: an AF_UNIX SOCK_SEQPACKET pair standing in for
// /dev/cachefiles (one message per read, one command per write), both ends close-on-exec and the
// kernel end non-blocking. For tests of the handler without a kernel.
Napi::Value CachefilesFakeDevice(const Napi::CallbackInfo& info);

}  // namespace nydus::binding
