// The JS VirtiofsSession class: option reading, the VFS and metrics methods (same shapes as
// FuseSession's), transport metrics, connect / disconnect events, and the test-only scripted
// front-end. Binding layer.
#include "virtiofs_wrap.h"

#include <cstring>
#include <string>

#include "bytes_worker.h"
#include "image_wrap.h"
#include "native_error.h"
#include "vfs_js.h"
#include "transport/vhost_user_test_frontend.h"

namespace nydus::binding {

Napi::Function VirtiofsSessionWrap::Define(Napi::Env env) {
  using W = VirtiofsSessionWrap;
  return DefineClass(env, "VirtiofsSession",
                     {InstanceMethod<&W::Info>("info"), InstanceMethod<&W::Initialized>("initialized"),
                      InstanceMethod<&W::Connected>("connected"), InstanceMethod<&W::Attach>("attach"),
                      InstanceMethod<&W::Replace>("replace"), InstanceMethod<&W::Detach>("detach"),
                      InstanceMethod<&W::Mounts>("mounts"), InstanceMethod<&W::Start>("start"),
                      InstanceMethod<&W::Stop>("stop"), InstanceMethod<&W::Release>("release"),
                      InstanceMethod<&W::OnEvent>("onEvent"), InstanceMethod<&W::Metrics>("metrics"),
                      InstanceMethod<&W::FileMetrics>("fileMetrics"),
                      InstanceMethod<&W::LatestReadFiles>("latestReadFiles"),
                      InstanceMethod<&W::AccessPatterns>("accessPatterns"),
                      InstanceMethod<&W::BackendMetrics>("backendMetrics"), InstanceMethod<&W::Inflight>("inflight"),
                      InstanceMethod<&W::TransportMetrics>("transportMetrics")});
}

VirtiofsSessionWrap::VirtiofsSessionWrap(const Napi::CallbackInfo& info) : Napi::ObjectWrap<VirtiofsSessionWrap>(info) {
  if (info.Length() < 1 || !info[0].IsObject()) {
    ThrowStatus(info.Env(), Status(EINVAL, "Expected an options object for VirtiofsSession.listen"));
    return;
  }
  Napi::Object o = info[0].As<Napi::Object>();
  transport::VirtiofsSession::Options so;
  so.socket_path = StrOpt(o, "socketPath");
  so.queue_size = static_cast<uint32_t>(NumOpt(o, "queueSize", 1024));
  fuse::ServerOptions fo;
  if (StrOpt(o, "flavour") == "passthrough") {
    fo.no_open = false;
    fo.no_opendir = false;
    fo.killpriv_v2 = true;
  }
  vfs_ = std::make_unique<fuse::Vfs>();
  server_ = std::make_unique<fuse::FuseServer>(vfs_.get(), fo);
  auto s = transport::VirtiofsSession::Listen(so, server_.get(), vfs_.get());
  if (!s.ok()) {
    ThrowStatus(info.Env(), s.status());
    return;
  }
  session_ = std::move(s).value();
  // Listener thread: hand the events to the JS thread (the tsfn is live while it runs).
  session_->SetConnectCallback([this](const std::string& d) {
    if (tsfn_live_) event_tsfn_.BlockingCall(new Event{"connect", d});
  });
  session_->SetDisconnectCallback([this](const std::string& d) {
    if (tsfn_live_) event_tsfn_.BlockingCall(new Event{"disconnect", d});
  });
}

VirtiofsSessionWrap::~VirtiofsSessionWrap() {
  if (session_) session_->Stop();
  if (tsfn_live_) {
    event_tsfn_.Abort();
    tsfn_live_ = false;
  }
}

void VirtiofsSessionWrap::CallEvent(Napi::Env env, Napi::Function, VirtiofsSessionWrap* self, Event* event) {
  std::unique_ptr<Event> owned(event);
  if (env == nullptr || self == nullptr || self->event_cb_.IsEmpty()) return;
  self->event_cb_.Call({Napi::String::New(env, owned->kind), Napi::String::New(env, owned->detail)});
}

void VirtiofsSessionWrap::ReleaseEvents() {
  if (!tsfn_live_) return;
  tsfn_live_ = false;
  event_tsfn_.Release();
}

transport::VirtiofsSession* VirtiofsSessionWrap::Session(const Napi::CallbackInfo& info) {
  if (!session_) ThrowStatus(info.Env(), Status(EBADF, "the virtio-fs session is not listening"));
  return session_.get();
}

Napi::Value VirtiofsSessionWrap::Info(const Napi::CallbackInfo& info) {
  auto* s = Session(info);
  if (!s) return info.Env().Undefined();
  Napi::Object o = Napi::Object::New(info.Env());
  o.Set("socketPath", Napi::String::New(info.Env(), s->socket_path()));
  return o;
}

Napi::Value VirtiofsSessionWrap::Initialized(const Napi::CallbackInfo& info) {
  return Napi::Boolean::New(info.Env(), server_ && server_->initialized());
}

Napi::Value VirtiofsSessionWrap::Connected(const Napi::CallbackInfo& info) {
  return Napi::Boolean::New(info.Env(), session_ && session_->connected());
}

Napi::Value VirtiofsSessionWrap::Attach(const Napi::CallbackInfo& info) {
  if (!Session(info)) return info.Env().Undefined();
  std::optional<std::string> path = StringArg(info, 0, "path");
  if (!path) return info.Env().Undefined();
  std::shared_ptr<const Image> image = ImageWrap::Shared(info.Length() > 1 ? info[1] : info.Env().Undefined());
  if (!image) {
    ThrowStatus(info.Env(), Status(EINVAL, "Expected an open RafsImage for image"));
    return info.Env().Undefined();
  }
  // No kernel caches to invalidate over virtio-fs without a notification queue: no notifier.
  auto index = vfs_->Attach(*path, std::move(image), AttachOptionsArg(info, 2), nullptr);
  if (!index.ok()) {
    ThrowStatus(info.Env(), index.status());
    return info.Env().Undefined();
  }
  return JsNum(info.Env(), index.value());
}

Napi::Value VirtiofsSessionWrap::Replace(const Napi::CallbackInfo& info) {
  if (!Session(info)) return info.Env().Undefined();
  std::optional<std::string> path = StringArg(info, 0, "path");
  if (!path) return info.Env().Undefined();
  std::shared_ptr<const Image> image = ImageWrap::Shared(info.Length() > 1 ? info[1] : info.Env().Undefined());
  if (!image) {
    ThrowStatus(info.Env(), Status(EINVAL, "Expected an open RafsImage for image"));
    return info.Env().Undefined();
  }
  // Replace waits for readers of the old image (maybe on a JS backend): on the pool.
  fuse::Vfs* vfs = vfs_.get();
  return StatusWorker::Run(
      info.Env(), "nydus-virtiofs-replace",
      [vfs, p = *path, img = std::move(image), opts = AttachOptionsArg(info, 2)]() mutable {
        return vfs->Replace(p, std::move(img), opts, nullptr);
      },
      {}, info.This());
}

Napi::Value VirtiofsSessionWrap::Detach(const Napi::CallbackInfo& info) {
  if (!Session(info)) return info.Env().Undefined();
  std::optional<std::string> path = StringArg(info, 0, "path");
  if (!path) return info.Env().Undefined();
  fuse::Vfs* vfs = vfs_.get();
  return StatusWorker::Run(
      info.Env(), "nydus-virtiofs-detach", [vfs, p = *path] { return vfs->Detach(p, nullptr); }, {}, info.This());
}

Napi::Value VirtiofsSessionWrap::Mounts(const Napi::CallbackInfo& info) {
  Napi::Env env = info.Env();
  return ObjectArray(env, vfs_->Mounts(), [&](Napi::Object o, const fuse::Vfs::MountInfo& m) {
    o.Set("path", Napi::String::New(env, m.path));
    o.Set("index", JsNum(env, m.index));
  });
}

Napi::Value VirtiofsSessionWrap::Start(const Napi::CallbackInfo& info) {
  auto* s = Session(info);
  if (!s) return info.Env().Undefined();
  std::optional<size_t> threads = SizeArg(info, 0, "threads");
  if (!threads) return info.Env().Undefined();
  if (s->running()) {
    ThrowStatus(info.Env(), Status(EBUSY, "the virtio-fs listener is already running"));
    return info.Env().Undefined();
  }
  if (!tsfn_live_) {
    event_tsfn_ = EventTsfn::New(info.Env(), "nydus-virtiofs-events", 0, 1, this);
    tsfn_live_ = true;
  }
  Status st = s->Start(static_cast<int>(*threads));
  if (!st.ok()) {
    ReleaseEvents();
    ThrowStatus(info.Env(), st);
  }
  return info.Env().Undefined();
}

Napi::Value VirtiofsSessionWrap::Stop(const Napi::CallbackInfo& info) { return Halt(info, false); }

Napi::Value VirtiofsSessionWrap::Release(const Napi::CallbackInfo& info) { return Halt(info, true); }

Napi::Value VirtiofsSessionWrap::Halt(const Napi::CallbackInfo& info, bool release) {
  // Stopping joins queue workers whose request may wait for a JS backend: on the pool; the
  // event function is released back on the JS thread.
  transport::VirtiofsSession* session = session_.get();
  return StatusWorker::Run(
      info.Env(), release ? "nydus-virtiofs-release" : "nydus-virtiofs-stop",
      [session, release] {
        if (session && release) session->Release();
        if (session && !release) session->Stop();
        return Status();
      },
      [this] { ReleaseEvents(); }, info.This());
}

Napi::Value VirtiofsSessionWrap::OnEvent(const Napi::CallbackInfo& info) {
  if (info.Length() < 1 || !info[0].IsFunction()) {
    ThrowStatus(info.Env(), Status(EINVAL, "Expected a function for cb"));
    return info.Env().Undefined();
  }
  event_cb_ = Napi::Persistent(info[0].As<Napi::Function>());
  return info.Env().Undefined();
}

std::shared_ptr<const fuse::Backend> VirtiofsSessionWrap::BackendArg(const Napi::CallbackInfo& info) {
  std::optional<std::string> path = StringArg(info, 0, "path");
  if (!path) return nullptr;
  auto b = vfs_->Find(*path);
  if (!b.ok()) {
    ThrowStatus(info.Env(), b.status());
    return nullptr;
  }
  return b.value();
}

Napi::Value VirtiofsSessionWrap::Metrics(const Napi::CallbackInfo& info) {
  auto b = BackendArg(info);
  if (!b) return info.Env().Undefined();
  return FsMetricsJs(info.Env(), *b);
}

Napi::Value VirtiofsSessionWrap::FileMetrics(const Napi::CallbackInfo& info) {
  auto b = BackendArg(info);
  if (!b) return info.Env().Undefined();
  return FileMetricsJs(info.Env(), *b);
}

Napi::Value VirtiofsSessionWrap::LatestReadFiles(const Napi::CallbackInfo& info) {
  auto b = BackendArg(info);
  if (!b) return info.Env().Undefined();
  return LatestReadFilesJs(info.Env(), *b);
}

Napi::Value VirtiofsSessionWrap::AccessPatterns(const Napi::CallbackInfo& info) {
  auto b = BackendArg(info);
  if (!b) return info.Env().Undefined();
  return AccessPatternsJs(info.Env(), *b);
}

Napi::Value VirtiofsSessionWrap::BackendMetrics(const Napi::CallbackInfo& info) {
  auto b = BackendArg(info);
  if (!b) return info.Env().Undefined();
  return BackendMetricsJs(info.Env(), *b);
}

Napi::Value VirtiofsSessionWrap::Inflight(const Napi::CallbackInfo& info) {
  return InflightJs(info.Env(), session_ ? session_->Inflight() : std::vector<transport::InflightOp>{});
}

Napi::Value VirtiofsSessionWrap::TransportMetrics(const Napi::CallbackInfo& info) {
  Napi::Env env = info.Env();
  auto* s = Session(info);
  if (!s) return env.Undefined();
  const transport::VirtiofsSession::Metrics m = s->Snapshot();
  Napi::Object o = Napi::Object::New(env);
  o.Set("connected", Napi::Boolean::New(env, s->connected()));
  o.Set("connections", JsNum(env, m.transport.connections));
  o.Set("messages", JsNum(env, m.transport.messages));
  o.Set("messageErrors", JsNum(env, m.transport.message_errors));
  Napi::Object by = Napi::Object::New(env);
  for (const auto& [name, count] : m.transport.by_request) by.Set(name, JsNum(env, count));
  o.Set("messagesByRequest", by);
  o.Set("chains", JsNum(env, m.transport.chains));
  Napi::Object bad = Napi::Object::New(env);
  for (int i = 1; i < static_cast<int>(transport::ChainError::kCount); i++) {
    bad.Set(transport::ChainErrorName(static_cast<transport::ChainError>(i)), JsNum(env, m.transport.bad_chains[i]));
  }
  o.Set("badChains", bad);
  o.Set("notifications", JsNum(env, m.transport.notifications));
  o.Set("suppressedNotifications", JsNum(env, m.transport.suppressed));
  o.Set("brokenQueues", JsNum(env, m.transport.broken_queues));
  o.Set("requests", JsNum(env, m.requests));
  o.Set("daxRefused", JsNum(env, m.dax_refused));
  o.Set("shortRequests", JsNum(env, m.short_requests));
  o.Set("oversizedRequests", JsNum(env, m.oversized_requests));
  o.Set("oversizedReplies", JsNum(env, m.oversized_replies));
  o.Set("noReplySpace", JsNum(env, m.no_reply_space));
  Napi::Array events = Napi::Array::New(env, m.transport.recent_events.size());
  for (size_t i = 0; i < m.transport.recent_events.size(); i++) {
    events.Set(static_cast<uint32_t>(i), Napi::String::New(env, m.transport.recent_events[i]));
  }
  o.Set("recentEvents", events);
  return o;
}

Napi::Value VirtiofsTestFrontend(const Napi::CallbackInfo& info) {
  std::optional<std::string> sock = StringArg(info, 0, "socketPath");
  if (!sock) return info.Env().Undefined();
  std::optional<std::string> name = StringArg(info, 1, "name");
  if (!name) return info.Env().Undefined();
  return BytesWorker::Run(info.Env(), "nydus-virtiofs-test-frontend",
                          [sock = *sock, name = *name]() -> Result<std::vector<uint8_t>> {
    auto f = transport::VhostUserTestFrontend::Connect(sock);
    if (!f.ok()) return f.status();
    transport::VhostUserTestFrontend& fe = *f.value();
    Status st = fe.Setup(256);
    if (!st.ok()) return st;
    auto request = [](uint32_t opcode, uint64_t nodeid, const void* arg, size_t len, const std::string& tail) {
      std::vector<uint8_t> buf(sizeof(fuse_in_header) + len + (tail.empty() ? 0 : tail.size() + 1), 0);
      auto* h = reinterpret_cast<fuse_in_header*>(buf.data());
      h->len = static_cast<uint32_t>(buf.size());
      h->opcode = opcode;
      h->unique = 2;
      h->nodeid = nodeid;
      if (len) std::memcpy(buf.data() + sizeof *h, arg, len);
      if (!tail.empty()) std::memcpy(buf.data() + sizeof *h + len, tail.c_str(), tail.size() + 1);
      return buf;
    };
    std::string json = "{";
    auto record = [&](const char* key, const transport::VhostUserTestFrontend::Reply& r) {
      const int err = r.bytes.size() >= sizeof(fuse_out_header)
                          ? reinterpret_cast<const fuse_out_header*>(r.bytes.data())->error
                          : 1;
      json += std::string("\"") + key + "\":{\"usedLen\":" + std::to_string(r.used_len) +
              ",\"error\":" + std::to_string(err) + "},";
      return err;
    };
    fuse_init_in init{};
    init.major = 7;
    init.minor = 36;
    init.flags = FUSE_MAX_PAGES | FUSE_BIG_WRITES;
    auto r = fe.Fuse(1, request(FUSE_INIT, 0, &init, sizeof init, ""), 4096);
    if (!r.ok()) return r.status();
    record("init", r.value());
    r = fe.Fuse(1, request(FUSE_LOOKUP, 1, nullptr, 0, name), 4096);
    if (!r.ok()) return r.status();
    uint64_t nodeid = 0;
    if (record("lookup", r.value()) == 0 && r.value().bytes.size() >= 16 + sizeof(fuse_entry_out)) {
      nodeid = reinterpret_cast<const fuse_entry_out*>(r.value().bytes.data() + 16)->nodeid;
    }
    std::string hex;
    if (nodeid != 0) {
      fuse_read_in rd{};
      rd.size = 1 << 20;
      r = fe.Fuse(1, request(FUSE_READ, nodeid, &rd, sizeof rd, ""), 1 << 20);
      if (!r.ok()) return r.status();
      if (record("read", r.value()) == 0) {
        static const char kDigits[] = "0123456789abcdef";
        for (size_t i = 16; i < r.value().bytes.size(); i++) {
          hex.push_back(kDigits[r.value().bytes[i] >> 4]);
          hex.push_back(kDigits[r.value().bytes[i] & 15]);
        }
      }
    }
    json += "\"data\":\"" + hex + "\"}";
    return std::vector<uint8_t>(json.begin(), json.end());
  });
}

}  // namespace nydus::binding
