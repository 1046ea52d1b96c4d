// VirtiofsSessionWrap: the JS `VirtiofsSession` class over one vhost-user-fs back-end (core
// transport/virtio_fs_session.h), its Vfs and FuseServer. Binding layer. Methods run on the
// JS thread; queue workers and the listener are native threads that never touch V8; the
// connect / disconnect events come back through a thread-safe function referenced while the
// listener runs. virtiofsTestFrontend is a TEST-ONLY helper (a scripted front-end).
#pragma once

#include <napi.h>

#include <memory>
#include <optional>
#include <string>

#include "fuse/fuse_server.h"
#include "fuse/vfs.h"
#include "image.h"
#include "transport/virtio_fs_session.h"

namespace nydus::binding {

class VirtiofsSessionWrap final : public Napi::ObjectWrap<VirtiofsSessionWrap> {
 public:
  static Napi::Function Define(Napi::Env env);
  // ({socketPath, flavour, queueSize}): binds and listens (throws on failure).
  explicit VirtiofsSessionWrap(const Napi::CallbackInfo& info);
  ~VirtiofsSessionWrap() override;

 private:
  Napi::Value Info(const Napi::CallbackInfo& info);             // () -> {socketPath}
  Napi::Value Initialized(const Napi::CallbackInfo& info);      // () -> boolean (FUSE INIT answered)
  Napi::Value Connected(const Napi::CallbackInfo& info);        // () -> boolean
  Napi::Value Attach(const Napi::CallbackInfo& info);           // (path, image, opts) -> index
  Napi::Value Replace(const Napi::CallbackInfo& info);          // (path, image, opts) -> Promise
  Napi::Value Detach(const Napi::CallbackInfo& info);           // (path) -> Promise
  Napi::Value Mounts(const Napi::CallbackInfo& info);           // () -> [{path, index}]
  Napi::Value Start(const Napi::CallbackInfo& info);            // (threads)
  Napi::Value Stop(const Napi::CallbackInfo& info);             // () -> Promise
  Napi::Value Release(const Napi::CallbackInfo& info);          // () -> Promise
  Napi::Value OnEvent(const Napi::CallbackInfo& info);          // (cb(kind, detail))
  Napi::Value Metrics(const Napi::CallbackInfo& info);          // (path) -> FsMetricsNative
  Napi::Value FileMetrics(const Napi::CallbackInfo& info);      // (path) -> Record<ino, FileMetricsNative>
  Napi::Value LatestReadFiles(const Napi::CallbackInfo& info);  // (path) -> number[][]
  Napi::Value AccessPatterns(const Napi::CallbackInfo& info);   // (path) -> AccessPatternNative[]
  Napi::Value BackendMetrics(const Napi::CallbackInfo& info);   // (path) -> BackendMetricsNative
  Napi::Value Inflight(const Napi::CallbackInfo& info);         // () -> InflightOp[]
  Napi::Value TransportMetrics(const Napi::CallbackInfo& info); // () -> VirtiofsTransportMetrics

  Napi::Value Halt(const Napi::CallbackInfo& info, bool release);  // Stop / Release on the pool
  transport::VirtiofsSession* Session(const Napi::CallbackInfo& info);
  std::shared_ptr<const fuse::Backend> BackendArg(const Napi::CallbackInfo& info);
  void ReleaseEvents();

  struct Event {
    std::string kind;  // "connect" | "disconnect"
    std::string detail;
  };
  static void CallEvent(Napi::Env env, Napi::Function, VirtiofsSessionWrap* self, Event* event);
  using EventTsfn = Napi::TypedThreadSafeFunction<VirtiofsSessionWrap, Event, &VirtiofsSessionWrap::CallEvent>;

  std::unique_ptr<fuse::Vfs> vfs_;
  std::unique_ptr<fuse::FuseServer> server_;
  std::unique_ptr<transport::VirtiofsSession> session_;
  Napi::FunctionReference event_cb_;
  EventTsfn event_tsfn_;  // live while the listener runs
  bool tsfn_live_ = false;
};

// TEST-ONLY: (socketPath, name) -> Promise<Buffer> of JSON: a scripted front-end connects,
// sets up the rings, sends INIT, LOOKUP name under the root and READ of it, and reports the
// reply errors, used lengths and the data read (hex).
Napi::Value VirtiofsTestFrontend(const Napi::CallbackInfo& info);

}  // namespace nydus::binding
