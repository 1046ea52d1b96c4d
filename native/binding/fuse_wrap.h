// FuseSessionWrap: the JS `FuseSession` class over one mounted /dev/fuse session, its Vfs and
// FuseServer (core fuse/ and transport/). Binding layer. Methods run on the JS thread; FUSE
// workers are native threads that never touch V8; the closed event comes back through a
// thread-safe function that is referenced while workers run.
#pragma once

#include <napi.h>

#include <memory>
#include <optional>
#include <string>

#include "fuse/fuse_server.h"
#include "image.h"
#include "fuse/vfs.h"
#include "transport/fuse_session.h"

namespace nydus::binding {

class FuseSessionWrap final : public Napi::ObjectWrap<FuseSessionWrap> {
 public:
  static Napi::Function Define(Napi::Env env);
  // ({mountpoint, readonly, flavour, fsname}) mounts; ({adoptFd, mountpoint, connectionId,
  // negotiated, flavour}) takes over a mounted connection (no INIT expected); adoptFd is
  // consumed (closed) on success and left to the caller on failure.
  explicit FuseSessionWrap(const Napi::CallbackInfo& info);
  ~FuseSessionWrap() override;

 private:
  Napi::Value Info(const Napi::CallbackInfo& info);            // () -> {mountpoint, connectionId, fd}
  Napi::Value Initialized(const Napi::CallbackInfo& info);     // () -> boolean
  Napi::Value Negotiated(const Napi::CallbackInfo& info);      // () -> object | null
  Napi::Value Attach(const Napi::CallbackInfo& info);          // (path, image, opts) -> index
  Napi::Value Replace(const Napi::CallbackInfo& info);         // (path, image, opts) -> Promise (on the pool)
  Napi::Value Detach(const Napi::CallbackInfo& info);          // (path) -> Promise (drains on the pool)
  Napi::Value Mounts(const Napi::CallbackInfo& info);          // () -> [{path, index}]
  Napi::Value Start(const Napi::CallbackInfo& info);           // (threads)
  Napi::Value Stop(const Napi::CallbackInfo& info);            // () -> Promise (joins on the pool)
  Napi::Value Unmount(const Napi::CallbackInfo& info);         // () -> Promise (joins on the pool)
  Napi::Value OnClosed(const Napi::CallbackInfo& info);        // (cb)
  Napi::Value Metrics(const Napi::CallbackInfo& info);         // (path) -> FsMetricsNative
  Napi::Value FileMetrics(const Napi::CallbackInfo& info);     // (path) -> Record<ino, FileMetricsNative>
  Napi::Value LatestReadFiles(const Napi::CallbackInfo& info); // (path) -> number[][]
  Napi::Value AccessPatterns(const Napi::CallbackInfo& info);  // (path) -> AccessPatternNative[]
  Napi::Value BackendMetrics(const Napi::CallbackInfo& info);  // (path) -> BackendMetricsNative
  Napi::Value Inflight(const Napi::CallbackInfo& info);        // () -> InflightOp[]
  Napi::Value Failover(const Napi::CallbackInfo& info);        // (policy) -> {ok, detail}
  Napi::Value VfsSnapshot(const Napi::CallbackInfo& info);     // () -> VfsSnapshot
  Napi::Value RestoreVfs(const Napi::CallbackInfo& info);      // (VfsSnapshot)
  Napi::Value Release(const Napi::CallbackInfo& info);         // () -> Promise (joins on the pool)

  // The session, or nullptr with a pending EBADF exception when the mount failed.
  transport::FuseSession* Session(const Napi::CallbackInfo& info);
  std::shared_ptr<const fuse::Backend> BackendArg(const Napi::CallbackInfo& info);
  // The arguments of attach/replace: (path, image, options), or nullopt with a pending exception.
  struct MountArgs {
    transport::FuseSession* session;
    std::string path;
    std::shared_ptr<const Image> image;
  };
  std::optional<MountArgs> MountArgsOf(const Napi::CallbackInfo& info);
  void ReleaseClosedEvent();

  static void CallClosed(Napi::Env env, Napi::Function, FuseSessionWrap* self, std::string* reason);
  using ClosedTsfn = Napi::TypedThreadSafeFunction<FuseSessionWrap, std::string, &FuseSessionWrap::CallClosed>;

  std::unique_ptr<fuse::Vfs> vfs_;
  std::unique_ptr<fuse::FuseServer> server_;
  std::unique_ptr<transport::FuseSession> session_;
  Napi::FunctionReference closed_cb_;
  ClosedTsfn closed_tsfn_;  // live while workers run
  bool tsfn_live_ = false;
};

}  // namespace nydus::binding
