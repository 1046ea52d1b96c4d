// The JS FuseSession class: option reading, conversion of metrics to JS objects, and the
// closed event. Binding layer.
#include "fuse_wrap.h"

#include <fcntl.h>
#include <unistd.h>

#include <string>

#include "bytes_worker.h"
#include "image_wrap.h"
#include "native_error.h"
#include "vfs_js.h"

namespace nydus::binding {

Napi::Function FuseSessionWrap::Define(Napi::Env env) {
  return DefineClass(env, "FuseSession",
                     {InstanceMethod<&FuseSessionWrap::Info>("info"),
                      InstanceMethod<&FuseSessionWrap::Initialized>("initialized"),
                      InstanceMethod<&FuseSessionWrap::Negotiated>("negotiated"),
                      InstanceMethod<&FuseSessionWrap::Attach>("attach"),
                      InstanceMethod<&FuseSessionWrap::Replace>("replace"),
                      InstanceMethod<&FuseSessionWrap::Detach>("detach"),
                      InstanceMethod<&FuseSessionWrap::Mounts>("mounts"),
                      InstanceMethod<&FuseSessionWrap::Start>("start"),
                      InstanceMethod<&FuseSessionWrap::Stop>("stop"),
                      InstanceMethod<&FuseSessionWrap::Unmount>("unmount"),
                      InstanceMethod<&FuseSessionWrap::OnClosed>("onClosed"),
                      InstanceMethod<&FuseSessionWrap::Metrics>("metrics"),
                      InstanceMethod<&FuseSessionWrap::FileMetrics>("fileMetrics"),
                      InstanceMethod<&FuseSessionWrap::LatestReadFiles>("latestReadFiles"),
                      InstanceMethod<&FuseSessionWrap::AccessPatterns>("accessPatterns"),
                      InstanceMethod<&FuseSessionWrap::BackendMetrics>("backendMetrics"),
                      InstanceMethod<&FuseSessionWrap::Inflight>("inflight"),
                      InstanceMethod<&FuseSessionWrap::Failover>("failover"),
                      InstanceMethod<&FuseSessionWrap::VfsSnapshot>("vfsSnapshot"),
                      InstanceMethod<&FuseSessionWrap::RestoreVfs>("restoreVfs"),
                      InstanceMethod<&FuseSessionWrap::Release>("release")});
}

FuseSessionWrap::FuseSessionWrap(const Napi::CallbackInfo& info) : Napi::ObjectWrap<FuseSessionWrap>(info) {
  if (info.Length() < 1 || !info[0].IsObject()) {
    ThrowStatus(info.Env(), Status(EINVAL, "Expected an options object for FuseSession.mount"));
    return;
  }
  Napi::Object o = info[0].As<Napi::Object>();
  transport::MountOptions mo;
  Napi::Value mp = o.Get("mountpoint");
  if (!mp.IsString()) {
    ThrowStatus(info.Env(), Status(EINVAL, "Expected a string for mountpoint"));
    return;
  }
  mo.mountpoint = mp.As<Napi::String>().Utf8Value();
  mo.readonly = BoolOpt(o, "readonly", true);
  Napi::Value fsname = o.Get("fsname");
  if (fsname.IsString()) mo.fsname = fsname.As<Napi::String>().Utf8Value();
  Napi::Value flavour = o.Get("flavour");
  fuse::ServerOptions so;
  if (flavour.IsString() && flavour.As<Napi::String>().Utf8Value() == "passthrough") {
    so.no_open = false;
    so.no_opendir = false;
    so.killpriv_v2 = true;
  }
  vfs_ = std::make_unique<fuse::Vfs>();
  server_ = std::make_unique<fuse::FuseServer>(vfs_.get(), so);
  Result<std::unique_ptr<transport::FuseSession>> session = Status(EINVAL, "no session");
  Napi::Value adopt_fd = o.Get("adoptFd");
  if (adopt_fd.IsNumber()) {
    // Takeover: serve the predecessor's connection with its INIT result; nothing is mounted.
    Napi::Value neg = o.Get("negotiated");
    if (!neg.IsObject()) {
      ThrowStatus(info.Env(), Status(EINVAL, "Expected the predecessor's negotiated INIT record for negotiated"));
      return;
    }
    Napi::Object n = neg.As<Napi::Object>();
    fuse::NegotiatedInit init;
    init.major = static_cast<uint32_t>(NumOpt(n, "major", 0));
    init.minor = static_cast<uint32_t>(NumOpt(n, "minor", 0));
    init.flags = static_cast<uint32_t>(NumOpt(n, "flags", 0));
    init.max_readahead = static_cast<uint32_t>(NumOpt(n, "maxReadahead", 0));
    init.max_write = static_cast<uint32_t>(NumOpt(n, "maxWrite", 0));
    init.max_pages = static_cast<uint16_t>(NumOpt(n, "maxPages", 0));
    init.time_gran = static_cast<uint32_t>(NumOpt(n, "timeGran", 1));
    init.max_background = static_cast<uint16_t>(NumOpt(n, "maxBackground", 0));
    init.congestion_threshold = static_cast<uint16_t>(NumOpt(n, "congestionThreshold", 0));
    init.kernel_major = static_cast<uint32_t>(NumOpt(n, "kernelMajor", 0));
    init.kernel_minor = static_cast<uint32_t>(NumOpt(n, "kernelMinor", 0));
    init.kernel_flags = static_cast<uint32_t>(NumOpt(n, "kernelFlags", 0));
    const int fd = adopt_fd.As<Napi::Number>().Int32Value();
    // The session works on a duplicate; the caller's fd is closed only once the adoption
    // succeeded (so it is consumed on success and still the caller's on any failure).
    const int dup = fd >= 0 ? fcntl(fd, F_DUPFD_CLOEXEC, 0) : -1;
    if (dup < 0) {
      ThrowStatus(info.Env(), Status(EBADF, "fd " + std::to_string(fd) + " to adopt is not open"));
      return;
    }
    server_->SetNegotiated(init);
    session = transport::FuseSession::Adopt(dup, mo.mountpoint, NumOpt(o, "connectionId", 0), server_.get(),
                                            vfs_.get());
    if (session.ok()) close(fd);
  } else {
    session = transport::FuseSession::Mount(mo, server_.get(), vfs_.get());
  }
  if (!session.ok()) {
    ThrowStatus(info.Env(), session.status());
    return;
  }
  session_ = std::move(session).value();
  session_->SetClosedCallback([this](const std::string& reason) {
    // Worker thread: hand the event to the JS thread (the tsfn is live while workers run).
    if (tsfn_live_) closed_tsfn_.BlockingCall(new std::string(reason));
  });
}

FuseSessionWrap::~FuseSessionWrap() {
  // Process exit or GC: stop serving but never unmount (daemon spec §3.5).
  if (session_) session_->Stop();
  if (tsfn_live_) {
    closed_tsfn_.Abort();
    tsfn_live_ = false;
  }
}

void FuseSessionWrap::CallClosed(Napi::Env env, Napi::Function, FuseSessionWrap* self, std::string* reason) {
  std::unique_ptr<std::string> owned(reason);
  if (env == nullptr || self == nullptr) return;
  // The connection is gone: nothing keeps the loop alive for it any more.
  self->closed_tsfn_.Unref(env);
  if (self->closed_cb_.IsEmpty()) return;
  self->closed_cb_.Call({Napi::String::New(env, *owned)});
}

void FuseSessionWrap::ReleaseClosedEvent() {
  if (!tsfn_live_) return;
  tsfn_live_ = false;
  closed_tsfn_.Release();
}

transport::FuseSession* FuseSessionWrap::Session(const Napi::CallbackInfo& info) {
  if (!session_) ThrowStatus(info.Env(), Status(EBADF, "the FUSE session is not mounted"));
  return session_.get();
}

Napi::Value FuseSessionWrap::Info(const Napi::CallbackInfo& info) {
  auto* s = Session(info);
  if (!s) return info.Env().Undefined();
  Napi::Object o = Napi::Object::New(info.Env());
  o.Set("mountpoint", Napi::String::New(info.Env(), s->mountpoint()));
  o.Set("connectionId", JsNum(info.Env(), s->connection_id()));
  o.Set("fd", Napi::Number::New(info.Env(), s->fd()));
  return o;
}

Napi::Value FuseSessionWrap::Initialized(const Napi::CallbackInfo& info) {
  return Napi::Boolean::New(info.Env(), server_ && server_->initialized());
}

Napi::Value FuseSessionWrap::Negotiated(const Napi::CallbackInfo& info) {
  Napi::Env env = info.Env();
  auto n = server_ ? server_->negotiated() : std::nullopt;
  if (!n) return env.Null();
  Napi::Object o = Napi::Object::New(env);
  o.Set("major", JsNum(env, n->major));
  o.Set("minor", JsNum(env, n->minor));
  o.Set("flags", JsNum(env, n->flags));
  o.Set("maxReadahead", JsNum(env, n->max_readahead));
  o.Set("maxWrite", JsNum(env, n->max_write));
  o.Set("maxPages", JsNum(env, n->max_pages));
  o.Set("timeGran", JsNum(env, n->time_gran));
  o.Set("maxBackground", JsNum(env, n->max_background));
  o.Set("congestionThreshold", JsNum(env, n->congestion_threshold));
  o.Set("kernelMajor", JsNum(env, n->kernel_major));
  o.Set("kernelMinor", JsNum(env, n->kernel_minor));
  o.Set("kernelFlags", JsNum(env, n->kernel_flags));
  return o;
}

std::optional<FuseSessionWrap::MountArgs> FuseSessionWrap::MountArgsOf(const Napi::CallbackInfo& info) {
  auto* s = Session(info);
  if (!s) return std::nullopt;
  std::optional<std::string> path = StringArg(info, 0, "path");
  if (!path) return std::nullopt;
  std::shared_ptr<const Image> image = ImageWrap::Shared(info.Length() > 1 ? info[1] : info.Env().Undefined());
  if (!image) {
    ThrowStatus(info.Env(), Status(EINVAL, "Expected an open RafsImage for image"));
    return std::nullopt;
  }
  return MountArgs{s, std::move(*path), std::move(image)};
}

Napi::Value FuseSessionWrap::Attach(const Napi::CallbackInfo& info) {
  auto args = MountArgsOf(info);
  if (!args) return info.Env().Undefined();
  auto index = vfs_->Attach(args->path, std::move(args->image), AttachOptionsArg(info, 2), args->session);
  if (!index.ok()) {
    ThrowStatus(info.Env(), index.status());
    return info.Env().Undefined();
  }
  return JsNum(info.Env(), index.value());
}

Napi::Value FuseSessionWrap::Replace(const Napi::CallbackInfo& info) {
  auto args = MountArgsOf(info);
  if (!args) return info.Env().Undefined();
  // The old tree's invalidations wait for page locks held by reads in progress, which may be
  // waiting for a JS backend: swap and invalidate on the pool, never on the JS thread.
  fuse::Vfs* vfs = vfs_.get();
  return StatusWorker::Run(
      info.Env(), "nydus-fuse-replace",
      [vfs, a = std::move(*args), opts = AttachOptionsArg(info, 2)]() mutable {
        return vfs->Replace(a.path, std::move(a.image), opts, a.session);
      },
      {}, info.This());
}

Napi::Value FuseSessionWrap::Detach(const Napi::CallbackInfo& info) {
  auto* s = Session(info);
  if (!s) return info.Env().Undefined();
  std::optional<std::string> path = StringArg(info, 0, "path");
  if (!path) return info.Env().Undefined();
  // Detach drains the image's in-flight requests, which may be waiting for a JS backend:
  // run it on the pool and keep this object alive until it is done.
  fuse::Vfs* vfs = vfs_.get();
  return StatusWorker::Run(
      info.Env(), "nydus-fuse-detach", [vfs, s, p = *path] { return vfs->Detach(p, s); }, {}, info.This());
}

Napi::Value FuseSessionWrap::Mounts(const Napi::CallbackInfo& info) {
  Napi::Env env = info.Env();
  std::vector<fuse::Vfs::MountInfo> mounts = vfs_ ? vfs_->Mounts() : std::vector<fuse::Vfs::MountInfo>{};
  Napi::Array out = Napi::Array::New(env, mounts.size());
  for (size_t i = 0; i < mounts.size(); i++) {
    Napi::Object o = Napi::Object::New(env);
    o.Set("path", Napi::String::New(env, mounts[i].path));
    o.Set("index", JsNum(env, mounts[i].index));
    out.Set(static_cast<uint32_t>(i), o);
  }
  return out;
}

Napi::Value FuseSessionWrap::Start(const Napi::CallbackInfo& info) {
  auto* s = Session(info);
  if (!s) return info.Env().Undefined();
  std::optional<size_t> threads = SizeArg(info, 0, "threads");
  if (!threads) return info.Env().Undefined();
  if (s->running()) {
    ThrowStatus(info.Env(), Status(EBUSY, "FUSE workers are already running"));
    return info.Env().Undefined();
  }
  if (!tsfn_live_) {
    closed_tsfn_ = ClosedTsfn::New(info.Env(), "nydus-fuse-closed", 0, 1, this);
    tsfn_live_ = true;
  }
  Status st = s->Start(static_cast<int>(*threads));
  if (!st.ok()) {
    ReleaseClosedEvent();
    ThrowStatus(info.Env(), st);
  }
  return info.Env().Undefined();
}

Napi::Value FuseSessionWrap::Stop(const Napi::CallbackInfo& info) {
  // Joining the workers waits for requests in progress, which may be waiting for a JS
  // backend: join on the pool, release the closed event back on the JS thread.
  transport::FuseSession* session = session_.get();
  return StatusWorker::Run(
      info.Env(), "nydus-fuse-stop",
      [session] {
        if (session) session->Stop();
        return Status();
      },
      [this] { ReleaseClosedEvent(); }, info.This());
}

Napi::Value FuseSessionWrap::Unmount(const Napi::CallbackInfo& info) {
  // Unmounting ends by joining the workers: on the pool, like Stop.
  transport::FuseSession* session = session_.get();
  return StatusWorker::Run(
      info.Env(), "nydus-fuse-unmount", [session] { return session ? session->Unmount() : Status(); },
      [this] { ReleaseClosedEvent(); }, info.This());
}

Napi::Value FuseSessionWrap::OnClosed(const Napi::CallbackInfo& info) {
  if (info.Length() < 1 || !info[0].IsFunction()) {
    ThrowStatus(info.Env(), Status(EINVAL, "Expected a function for cb"));
    return info.Env().Undefined();
  }
  closed_cb_ = Napi::Persistent(info[0].As<Napi::Function>());
  return info.Env().Undefined();
}

std::shared_ptr<const fuse::Backend> FuseSessionWrap::BackendArg(const Napi::CallbackInfo& info) {
  std::optional<std::string> path = StringArg(info, 0, "path");
  if (!path) return nullptr;
  if (!vfs_) {
    ThrowStatus(info.Env(), Status(EBADF, "the FUSE session is not mounted"));
    return nullptr;
  }
  auto b = vfs_->Find(*path);
  if (!b.ok()) {
    ThrowStatus(info.Env(), b.status());
    return nullptr;
  }
  return b.value();
}

Napi::Value FuseSessionWrap::Metrics(const Napi::CallbackInfo& info) {
  auto b = BackendArg(info);
  if (!b) return info.Env().Undefined();
  return FsMetricsJs(info.Env(), *b);
}

Napi::Value FuseSessionWrap::FileMetrics(const Napi::CallbackInfo& info) {
  auto b = BackendArg(info);
  if (!b) return info.Env().Undefined();
  return FileMetricsJs(info.Env(), *b);
}

Napi::Value FuseSessionWrap::LatestReadFiles(const Napi::CallbackInfo& info) {
  auto b = BackendArg(info);
  if (!b) return info.Env().Undefined();
  return LatestReadFilesJs(info.Env(), *b);
}

Napi::Value FuseSessionWrap::AccessPatterns(const Napi::CallbackInfo& info) {
  auto b = BackendArg(info);
  if (!b) return info.Env().Undefined();
  return AccessPatternsJs(info.Env(), *b);
}

Napi::Value FuseSessionWrap::BackendMetrics(const Napi::CallbackInfo& info) {
  auto b = BackendArg(info);
  if (!b) return info.Env().Undefined();
  return BackendMetricsJs(info.Env(), *b);
}

Napi::Value FuseSessionWrap::Inflight(const Napi::CallbackInfo& info) {
  return InflightJs(info.Env(), session_ ? session_->Inflight() : std::vector<transport::InflightOp>{});
}

Napi::Value FuseSessionWrap::Failover(const Napi::CallbackInfo& info) {
  Napi::Env env = info.Env();
  auto* s = Session(info);
  if (!s) return env.Undefined();
  std::optional<std::string> policy = StringArg(info, 0, "policy");
  if (!policy) return env.Undefined();
  transport::FuseSession::FailoverPolicy p;
  if (*policy == "none") {
    p = transport::FuseSession::FailoverPolicy::kNone;
  } else if (*policy == "resend") {
    p = transport::FuseSession::FailoverPolicy::kResend;
  } else if (*policy == "flush") {
    p = transport::FuseSession::FailoverPolicy::kFlush;
  } else {
    ThrowStatus(env, Status(EINVAL, "Expected 'none', 'resend' or 'flush' for policy but received '" + *policy + "'"));
    return env.Undefined();
  }
  const auto r = s->Failover(p);
  Napi::Object o = Napi::Object::New(env);
  o.Set("ok", Napi::Boolean::New(env, r.ok));
  o.Set("detail", Napi::String::New(env, r.detail));
  return o;
}

Napi::Value FuseSessionWrap::VfsSnapshot(const Napi::CallbackInfo& info) {
  Napi::Env env = info.Env();
  if (!vfs_) return env.Null();
  const fuse::VfsSnapshot snap = vfs_->Snapshot();
  Napi::Object o = Napi::Object::New(env);
  o.Set("version", JsNum(env, 1));
  o.Set("nextIndex", JsNum(env, snap.next_index));
  o.Set("pseudoTime", JsNum(env, snap.pseudo_time));
  Napi::Array dirs = Napi::Array::New(env, snap.dirs.size());
  for (size_t i = 0; i < snap.dirs.size(); i++) {
    Napi::Object d = Napi::Object::New(env);
    d.Set("ino", JsNum(env, snap.dirs[i].ino));
    d.Set("parent", JsNum(env, snap.dirs[i].parent));
    d.Set("name", Napi::String::New(env, snap.dirs[i].name));
    d.Set("mountIndex", JsNum(env, snap.dirs[i].mount_index));
    dirs.Set(static_cast<uint32_t>(i), d);
  }
  o.Set("dirs", dirs);
  Napi::Array mounts = Napi::Array::New(env, snap.mounts.size());
  for (size_t i = 0; i < snap.mounts.size(); i++) {
    Napi::Object m = Napi::Object::New(env);
    m.Set("path", Napi::String::New(env, snap.mounts[i].path));
    m.Set("index", JsNum(env, snap.mounts[i].index));
    mounts.Set(static_cast<uint32_t>(i), m);
  }
  o.Set("mounts", mounts);
  return o;
}

Napi::Value FuseSessionWrap::RestoreVfs(const Napi::CallbackInfo& info) {
  Napi::Env env = info.Env();
  if (!vfs_ || info.Length() < 1 || !info[0].IsObject()) {
    ThrowStatus(env, Status(EINVAL, "Expected a VfsSnapshot object for snapshot"));
    return env.Undefined();
  }
  Napi::Object o = info[0].As<Napi::Object>();
  fuse::VfsSnapshot snap;
  snap.next_index = static_cast<uint32_t>(NumOpt(o, "nextIndex", 1));
  snap.pseudo_time = NumOpt(o, "pseudoTime", 0);
  Napi::Value dirs = o.Get("dirs");
  if (!dirs.IsArray()) {
    ThrowStatus(env, Status(EINVAL, "Expected an array for snapshot.dirs"));
    return env.Undefined();
  }
  Napi::Array a = dirs.As<Napi::Array>();
  for (uint32_t i = 0; i < a.Length(); i++) {
    Napi::Value v = a.Get(i);
    if (!v.IsObject()) {
      ThrowStatus(env, Status(EINVAL, "Expected an object for snapshot.dirs[" + std::to_string(i) + "]"));
      return env.Undefined();
    }
    Napi::Object d = v.As<Napi::Object>();
    fuse::VfsSnapshot::Dir dir;
    dir.ino = NumOpt(d, "ino", 0);
    dir.parent = NumOpt(d, "parent", 0);
    dir.name = StrOpt(d, "name");
    dir.mount_index = static_cast<uint32_t>(NumOpt(d, "mountIndex", 0));
    snap.dirs.push_back(std::move(dir));
  }
  Status st = vfs_->Restore(snap);
  if (!st.ok()) ThrowStatus(env, st);
  return env.Undefined();
}

Napi::Value FuseSessionWrap::Release(const Napi::CallbackInfo& info) {
  // Like stop (workers may wait for a JS backend): join on the pool, then close the fd.
  transport::FuseSession* session = session_.get();
  return StatusWorker::Run(
      info.Env(), "nydus-fuse-release",
      [session] {
        if (session) session->Release();
        return Status();
      },
      [this] { ReleaseClosedEvent(); }, info.This());
}

}  // namespace nydus::binding
