// The JS CachefilesSession class: option reading, object registration, metrics and the log
// event. Binding layer.
#include "cachefiles_wrap.h"

#include <fcntl.h>
#include <sys/socket.h>
#include <unistd.h>

#include <cmath>
#include <cstring>
#include <optional>
#include <string>
#include <vector>

#include "bytes_worker.h"
#include "image_wrap.h"
#include "native_error.h"

namespace nydus::binding {
namespace {

constexpr size_t kLogQueue = 1024;  // log lines waiting for the JS thread; more are dropped

Napi::Value Num(Napi::Env env, uint64_t v) { return Napi::Number::New(env, static_cast<double>(v)); }

// A value as the argument errors show it.
std::string Shown(const Napi::Value& v) {
  if (v.IsString()) return "'" + v.As<Napi::String>().Utf8Value() + "'";
  if (v.IsNumber() || v.IsBoolean() || v.IsNull() || v.IsUndefined()) return v.ToString().Utf8Value();
  return v.IsFunction() ? "a function" : "an object";
}

bool ThrowOption(Napi::Env env, const char* what, const char* name, const Napi::Value& v) {
  ThrowStatus(env, Status(EINVAL, std::string("Expected ") + what + " for " + name + " but received " + Shown(v)));
  return false;
}

// registerBlob's optional options ({prefetch?: boolean, batchSize?: integer 0..256 MiB}) as the
// object table's BlobPrefetch (window from batchSize, daemon spec §6.3 step 5). Throws EINVAL
// and returns false on a value of the wrong type or range.
bool BlobPrefetchArg(const Napi::CallbackInfo& info, size_t index, cachefiles::BlobPrefetch* out) {
  Napi::Env env = info.Env();
  if (index >= info.Length() || info[index].IsUndefined()) return true;
  if (!info[index].IsObject() || info[index].IsFunction() || info[index].IsArray()) {
    return ThrowOption(env, "an object", "options", info[index]);
  }
  Napi::Object o = info[index].As<Napi::Object>();
  Napi::Value prefetch = o.Get("prefetch");
  if (!prefetch.IsUndefined() && !prefetch.IsBoolean()) {
    return ThrowOption(env, "a boolean", "options.prefetch", prefetch);
  }
  Napi::Value batch = o.Get("batchSize");
  uint64_t batch_size = 0;
  if (!batch.IsUndefined()) {
    const double d = batch.IsNumber() ? batch.As<Napi::Number>().DoubleValue() : -1;
    if (!(d >= 0 && d <= static_cast<double>(cachefiles::kMaxPrefetchWindow) && std::floor(d) == d)) {
      return ThrowOption(env, "an integer between 0 and 268435456", "options.batchSize", batch);
    }
    batch_size = static_cast<uint64_t>(d);
  }
  out->enable = prefetch.IsBoolean() && prefetch.As<Napi::Boolean>().Value();
  out->window = cachefiles::PrefetchWindow(batch_size);
  return true;
}

}  // namespace

Napi::Function CachefilesSessionWrap::Define(Napi::Env env) {
  return DefineClass(env, "CachefilesSession",
                     {InstanceMethod<&CachefilesSessionWrap::Start>("start"),
                      InstanceMethod<&CachefilesSessionWrap::Stop>("stop"),
                      InstanceMethod<&CachefilesSessionWrap::Release>("release"),
                      InstanceMethod<&CachefilesSessionWrap::Running>("running"),
                      InstanceMethod<&CachefilesSessionWrap::Fd>("fd"),
                      InstanceMethod<&CachefilesSessionWrap::RegisterBootstrap>("registerBootstrap"),
                      InstanceMethod<&CachefilesSessionWrap::RegisterBlob>("registerBlob"),
                      InstanceMethod<&CachefilesSessionWrap::Unregister>("unregister"),
                      InstanceMethod<&CachefilesSessionWrap::Keys>("keys"),
                      InstanceMethod<&CachefilesSessionWrap::Metrics>("metrics"),
                      InstanceMethod<&CachefilesSessionWrap::Cull>("cull"),
                      InstanceMethod<&CachefilesSessionWrap::OnLog>("onLog")});
}

CachefilesSessionWrap::CachefilesSessionWrap(const Napi::CallbackInfo& info)
    : Napi::ObjectWrap<CachefilesSessionWrap>(info) {
  Napi::Env env = info.Env();
  if (info.Length() < 1 || !info[0].IsObject()) {
    ThrowStatus(env, Status(EINVAL, "Expected an options object for CachefilesSession.open"));
    return;
  }
  Napi::Object o = info[0].As<Napi::Object>();
  threads_ = static_cast<int>(NumOpt(o, "threads", 4));
  const bool restore = BoolOpt(o, "restore", false);
  Result<std::unique_ptr<cachefiles::CachefilesHandler>> handler = Status(EINVAL, "no handler");
  Napi::Value fd_value = o.Get("fd");
  int adopted = -1;
  if (fd_value.IsNumber()) {
    // Like FuseSession.adopt: the handler works on a duplicate; the caller's fd is closed only
    // once everything succeeded, so it is consumed on success and still the caller's on failure.
    adopted = fd_value.As<Napi::Number>().Int32Value();
    const int dup = adopted >= 0 ? fcntl(adopted, F_DUPFD_CLOEXEC, 0) : -1;
    if (dup < 0) {
      ThrowStatus(env, Status(EBADF, "cachefiles fd " + std::to_string(adopted) + " to adopt is not open"));
      return;
    }
    handler = cachefiles::CachefilesHandler::Adopt(dup, nullptr);
  } else {
    const std::string device = StrOpt(o, "device");
    handler = cachefiles::CachefilesHandler::Open(device.empty() ? "/dev/cachefiles" : device, nullptr);
  }
  if (!handler.ok()) {
    ThrowStatus(env, handler.status());
    return;
  }
  Status s = restore ? handler.value()->Restore() : handler.value()->Bind(StrOpt(o, "dir"), StrOpt(o, "tag"));
  if (!s.ok()) {
    ThrowStatus(env, s);  // the handler closes its fd (our duplicate) as it goes
    return;
  }
  if (adopted >= 0) close(adopted);
  handler_ = std::move(handler).value();
  handler_->SetLog([this](cachefiles::LogLevel level, const std::string& message) {
    // Worker thread: never block on the JS thread; a full queue drops the line.
    if (!tsfn_live_.load()) return;
    auto* line = new LogLine{level, message};
    if (log_tsfn_.NonBlockingCall(line) != napi_ok) {
      delete line;
      dropped_logs_++;
    }
  });
}

CachefilesSessionWrap::~CachefilesSessionWrap() {
  // Process exit or GC: stop serving; the device fd closes with the handler.
  if (handler_) handler_->Stop();
  if (tsfn_live_.exchange(false)) log_tsfn_.Abort();
}

void CachefilesSessionWrap::CallLog(Napi::Env env, Napi::Function, CachefilesSessionWrap* self, LogLine* line) {
  std::unique_ptr<LogLine> owned(line);
  if (env == nullptr || self == nullptr || self->log_cb_.IsEmpty()) return;
  self->log_cb_.Call({Napi::String::New(env, cachefiles::LogLevelName(owned->level)),
                      Napi::String::New(env, owned->message)});
}

void CachefilesSessionWrap::ReleaseLogEvent() {
  if (tsfn_live_.exchange(false)) log_tsfn_.Release();
}

cachefiles::CachefilesHandler* CachefilesSessionWrap::Handler(const Napi::CallbackInfo& info) {
  if (!handler_) ThrowStatus(info.Env(), Status(EBADF, "the cachefiles session is not open"));
  return handler_.get();
}

Napi::Value CachefilesSessionWrap::Start(const Napi::CallbackInfo& info) {
  auto* h = Handler(info);
  if (!h) return info.Env().Undefined();
  if (h->running()) {
    ThrowStatus(info.Env(), Status(EBUSY, "cachefiles workers are already running"));
    return info.Env().Undefined();
  }
  if (!tsfn_live_.load()) {
    log_tsfn_ = LogTsfn::New(info.Env(), "nydus-cachefiles-log", kLogQueue, 1, this);
    tsfn_live_.store(true);
  }
  Status st = h->Start(threads_);
  if (!st.ok()) {
    ReleaseLogEvent();
    ThrowStatus(info.Env(), st);
  }
  return info.Env().Undefined();
}

Napi::Value CachefilesSessionWrap::Stop(const Napi::CallbackInfo& info) {
  cachefiles::CachefilesHandler* handler = handler_.get();
  return StatusWorker::Run(
      info.Env(), "nydus-cachefiles-stop",
      [handler] {
        if (handler) handler->Stop();
        return Status();
      },
      [this] { ReleaseLogEvent(); }, info.This());
}

Napi::Value CachefilesSessionWrap::Release(const Napi::CallbackInfo& info) {
  cachefiles::CachefilesHandler* handler = handler_.get();
  return StatusWorker::Run(
      info.Env(), "nydus-cachefiles-release",
      [handler] {
        if (handler) handler->Release();
        return Status();
      },
      [this] { ReleaseLogEvent(); }, info.This());
}

Napi::Value CachefilesSessionWrap::Running(const Napi::CallbackInfo& info) {
  return Napi::Boolean::New(info.Env(), handler_ && handler_->running());
}

Napi::Value CachefilesSessionWrap::Fd(const Napi::CallbackInfo& info) {
  return Napi::Number::New(info.Env(), handler_ ? handler_->fd() : -1);
}

Napi::Value CachefilesSessionWrap::RegisterBootstrap(const Napi::CallbackInfo& info) {
  auto* h = Handler(info);
  if (!h) return info.Env().Undefined();
  std::optional<std::string> domain = StringArg(info, 0, "domain");
  if (!domain) return info.Env().Undefined();
  std::optional<std::string> fsid = StringArg(info, 1, "fsid");
  if (!fsid) return info.Env().Undefined();
  std::optional<std::string> path = StringArg(info, 2, "bootstrapPath");
  if (!path) return info.Env().Undefined();
  Status s = h->table().RegisterBootstrap(*domain, *fsid, *path);
  if (!s.ok()) ThrowStatus(info.Env(), s);
  return info.Env().Undefined();
}

Napi::Value CachefilesSessionWrap::RegisterBlob(const Napi::CallbackInfo& info) {
  auto* h = Handler(info);
  if (!h) return info.Env().Undefined();
  std::optional<std::string> domain = StringArg(info, 0, "domain");
  if (!domain) return info.Env().Undefined();
  std::optional<std::string> blob_id = StringArg(info, 1, "blobId");
  if (!blob_id) return info.Env().Undefined();
  std::shared_ptr<const Image> image = ImageWrap::Shared(info.Length() > 2 ? info[2] : info.Env().Undefined());
  if (!image) {
    ThrowStatus(info.Env(), Status(EINVAL, "Expected an open RafsImage for image"));
    return info.Env().Undefined();
  }
  std::optional<size_t> index = SizeArg(info, 3, "blobIndex");
  if (!index) return info.Env().Undefined();
  if (*index > UINT32_MAX) {
    ThrowStatus(info.Env(), Status(EINVAL, "blob index " + std::to_string(*index) + " is out of range"));
    return info.Env().Undefined();
  }
  cachefiles::BlobPrefetch prefetch;
  if (!BlobPrefetchArg(info, 4, &prefetch)) return info.Env().Undefined();
  Status s = h->table().RegisterBlob(*domain, *blob_id, std::move(image), static_cast<uint32_t>(*index), prefetch);
  if (!s.ok()) ThrowStatus(info.Env(), s);
  return info.Env().Undefined();
}

Napi::Value CachefilesSessionWrap::Unregister(const Napi::CallbackInfo& info) {
  auto* h = Handler(info);
  if (!h) return info.Env().Undefined();
  std::optional<std::string> key = StringArg(info, 0, "key");
  if (!key) return info.Env().Undefined();
  return Napi::Boolean::New(info.Env(), h->table().Unregister(*key));
}

Napi::Value CachefilesSessionWrap::Keys(const Napi::CallbackInfo& info) {
  Napi::Env env = info.Env();
  std::vector<std::string> keys = handler_ ? handler_->table().Keys() : std::vector<std::string>{};
  Napi::Array out = Napi::Array::New(env, keys.size());
  for (size_t i = 0; i < keys.size(); i++) out.Set(static_cast<uint32_t>(i), Napi::String::New(env, keys[i]));
  return out;
}

Napi::Value CachefilesSessionWrap::Metrics(const Napi::CallbackInfo& info) {
  Napi::Env env = info.Env();
  const cachefiles::HandlerMetrics m = handler_ ? handler_->Metrics() : cachefiles::HandlerMetrics{};
  Napi::Object o = Napi::Object::New(env);
  o.Set("messages", Num(env, m.messages));
  o.Set("opens", Num(env, m.opens));
  o.Set("openRefused", Num(env, m.open_refused));
  o.Set("closes", Num(env, m.closes));
  o.Set("reads", Num(env, m.reads));
  o.Set("readBytes", Num(env, m.read_bytes));
  o.Set("bootstrapBytes", Num(env, m.bootstrap_bytes));
  o.Set("prefetchBytes", Num(env, m.prefetch_bytes));
  o.Set("prefetches", Num(env, m.prefetches));
  o.Set("readCompletes", Num(env, m.read_completes));
  o.Set("objects", Num(env, m.objects));
  Napi::Object e = Napi::Object::New(env);
  e.Set("malformed", Num(env, m.malformed));
  e.Set("unknownObject", Num(env, m.unknown_object));
  e.Set("read", Num(env, m.read_errors));
  e.Set("write", Num(env, m.write_errors));
  e.Set("prefetch", Num(env, m.prefetch_errors));
  e.Set("readComplete", Num(env, m.complete_errors));
  e.Set("reply", Num(env, m.reply_errors));
  e.Set("device", Num(env, m.device_errors));
  e.Set("droppedLogs", Num(env, dropped_logs_.load()));
  o.Set("errors", e);
  return o;
}

Napi::Value CachefilesSessionWrap::Cull(const Napi::CallbackInfo& info) {
  auto* h = Handler(info);
  if (!h) return info.Env().Undefined();
  std::optional<std::string> dir = StringArg(info, 0, "cacheDir");
  if (!dir) return info.Env().Undefined();
  std::optional<std::string> key = StringArg(info, 1, "cookieKey");
  if (!key) return info.Env().Undefined();
  return StatusWorker::Run(
      info.Env(), "nydus-cachefiles-cull", [h, d = *dir, k = *key] { return h->Cull(d, k); }, {}, info.This());
}

Napi::Value CachefilesSessionWrap::OnLog(const Napi::CallbackInfo& info) {
  if (info.Length() < 1 || !info[0].IsFunction()) {
    ThrowStatus(info.Env(), Status(EINVAL, "Expected a function for cb"));
    return info.Env().Undefined();
  }
  log_cb_ = Napi::Persistent(info[0].As<Napi::Function>());
  return info.Env().Undefined();
}

Napi::Value CachefilesFakeDevice(const Napi::CallbackInfo& info) {
  Napi::Env env = info.Env();
  int sv[2];
  if (socketpair(AF_UNIX, SOCK_SEQPACKET | SOCK_CLOEXEC, 0, sv) != 0) {
    ThrowStatus(env, Status(errno, std::string("socketpair: ") + std::strerror(errno)));
    return env.Undefined();
  }
  const int fl = fcntl(sv[1], F_GETFL);
  if (fl >= 0) (void)fcntl(sv[1], F_SETFL, fl | O_NONBLOCK);
  Napi::Array out = Napi::Array::New(env, 2);
  out.Set(0u, Napi::Number::New(env, sv[0]));
  out.Set(1u, Napi::Number::New(env, sv[1]));
  return out;
}

}  // namespace nydus::binding
