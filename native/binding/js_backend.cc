// JsBackend: native callers post blob reads to the JS thread and wait for the promise.
// Binding layer. See js_backend.h for the threading contract.
#include "js_backend.h"

#include <cerrno>
#include <chrono>
#include <cstring>
#include <vector>

namespace nydus::binding {

// One backend call: its inputs (copied), and its result, written once under `mu`.
struct JsBackend::Call {
  bool read = true;  // false: blobSize
  std::string blob_id;
  uint64_t offset = 0;
  size_t length = 0;
  bool prefetch = false;

  std::mutex mu;
  std::condition_variable cv;
  bool done = false;
  Status status;
  std::vector<uint8_t> data;
  uint64_t size = 0;

  // First settlement wins (a late JS answer after an abort or the wait limit is dropped).
  bool Settle(Status s, std::vector<uint8_t>* bytes = nullptr, uint64_t n = 0) {
    std::lock_guard<std::mutex> lock(mu);
    if (done) return false;
    status = std::move(s);
    if (bytes) data = std::move(*bytes);
    size = n;
    done = true;
    cv.notify_all();
    return true;
  }
};

namespace {

using ObjectRef = Napi::Reference<Napi::Object>;
using CallPtr = std::shared_ptr<JsBackend::Call>;

std::string Where(const JsBackend::Call& c) {
  if (!c.read) return "blob " + c.blob_id + ": size: ";
  return "blob " + c.blob_id + " [" + std::to_string(c.offset) + ", +" + std::to_string(c.length) + "): ";
}

// The message of a rejection value (an Error, or anything else stringified).
std::string ReasonText(Napi::Value v) {
  if (v.IsObject()) {
    Napi::Value m = v.As<Napi::Object>().Get("message");
    if (m.IsString()) return m.As<Napi::String>().Utf8Value();
  }
  Napi::MaybeOrValue<Napi::String> s = v.ToString();
  return v.Env().IsExceptionPending() ? (v.Env().GetAndClearPendingException(), std::string("unknown error"))
                                      : s.Utf8Value();
}

// Settles `call` from a resolved value: a Buffer of exactly `length` bytes (read) or a
// non-negative safe integer (blobSize). Anything else is an EIO naming what came back.
void Resolve(const CallPtr& call, Napi::Value v) {
  if (call->read) {
    if (!v.IsBuffer()) {
      call->Settle(Status(EIO, Where(*call) + "the backend answered something other than a Buffer"));
      return;
    }
    Napi::Buffer<uint8_t> b = v.As<Napi::Buffer<uint8_t>>();
    if (b.Length() != call->length) {
      call->Settle(Status(EIO, Where(*call) + "expected " + std::to_string(call->length) + " bytes, got " +
                                   std::to_string(b.Length())));
      return;
    }
    std::vector<uint8_t> bytes(b.Data(), b.Data() + b.Length());
    call->Settle(Status(), &bytes);
    return;
  }
  const double d = v.IsNumber() ? v.As<Napi::Number>().DoubleValue() : -1;
  if (!(d >= 0 && d <= 9007199254740991.0) || d != static_cast<double>(static_cast<uint64_t>(d))) {
    call->Settle(Status(EIO, Where(*call) + "the backend answered an invalid size"));
    return;
  }
  call->Settle(Status(), nullptr, static_cast<uint64_t>(d));
}

// JS thread: start the JS call and chain the promise to the native waiter.
void CallJs(Napi::Env env, Napi::Function, ObjectRef* backend, CallPtr* data) {
  CallPtr call = std::move(*data);
  delete data;
  if (env == nullptr || backend == nullptr) {
    call->Settle(Status(EIO, Where(*call) + "the JS environment is shutting down"));
    return;
  }
  Napi::HandleScope scope(env);
  Napi::Object self = backend->Value();
  Napi::Value fn = self.Get(call->read ? "read" : "blobSize");
  if (!fn.IsFunction()) {
    call->Settle(Status(EIO, Where(*call) + "the backend object has no " + (call->read ? "read" : "blobSize") + "()"));
    return;
  }
  Napi::Value result;
  if (call->read) {
    result = fn.As<Napi::Function>().Call(
        self, {Napi::String::New(env, call->blob_id), Napi::Number::New(env, static_cast<double>(call->offset)),
               Napi::Number::New(env, static_cast<double>(call->length)), Napi::Boolean::New(env, call->prefetch)});
  } else {
    result = fn.As<Napi::Function>().Call(self, {Napi::String::New(env, call->blob_id)});
  }
  if (env.IsExceptionPending()) {
    Napi::Error e = env.GetAndClearPendingException();
    call->Settle(Status(EIO, Where(*call) + ReasonText(e.Value())));
    return;
  }
  Napi::Value then = result.IsObject() ? result.As<Napi::Object>().Get("then") : env.Undefined();
  if (!then.IsFunction()) {  // a plain value: settle at once
    Resolve(call, result);
    return;
  }
  Napi::Function on_ok = Napi::Function::New(env, [call](const Napi::CallbackInfo& info) {
    Resolve(call, info.Length() > 0 ? info[0] : info.Env().Undefined());
  });
  Napi::Function on_err = Napi::Function::New(env, [call](const Napi::CallbackInfo& info) {
    call->Settle(Status(EIO, Where(*call) + ReasonText(info.Length() > 0 ? info[0] : info.Env().Undefined())));
  });
  then.As<Napi::Function>().Call(result, {on_ok, on_err});
  if (env.IsExceptionPending()) {
    Napi::Error e = env.GetAndClearPendingException();
    call->Settle(Status(EIO, Where(*call) + ReasonText(e.Value())));
  }
}

void FinalizeRef(Napi::Env, void*, ObjectRef* ref) { delete ref; }

}  // namespace

struct JsBackend::Tsfn {
  using Fn = Napi::TypedThreadSafeFunction<ObjectRef, CallPtr, CallJs>;
  Fn fn;
};

JsBackend::JsBackend(uint64_t wait_limit_ms) : wait_limit_ms_(wait_limit_ms) {}

std::shared_ptr<JsBackend> JsBackend::Create(Napi::Env env, Napi::Object backend, uint64_t wait_limit_ms) {
  std::shared_ptr<JsBackend> self(new JsBackend(wait_limit_ms));
  auto* ref = new ObjectRef(Napi::Persistent(backend));
  self->tsfn_ = std::make_unique<Tsfn>();
  self->tsfn_->fn = Tsfn::Fn::New(env, "nydus-js-backend", 0, 1, ref, FinalizeRef, static_cast<void*>(nullptr));
  // Pending backend calls keep their own promises alive; the function itself must not keep
  // the process running.
  self->tsfn_->fn.Unref(env);
  return self;
}

JsBackend::~JsBackend() {
  Abort("the backend is closed");
  if (tsfn_) tsfn_->fn.Release();
}

Status JsBackend::Run(const std::shared_ptr<Call>& call) {
  {
    std::lock_guard<std::mutex> lock(mu_);
    if (aborted_) return Status(EIO, Where(*call) + abort_reason_);
    waiting_.insert(call);
  }
  napi_status posted = tsfn_->fn.NonBlockingCall(new CallPtr(call));
  if (posted != napi_ok) {
    call->Settle(Status(EIO, Where(*call) + "cannot reach the JS thread (napi status " + std::to_string(posted) + ")"));
  }
  std::unique_lock<std::mutex> lock(call->mu);
  if (wait_limit_ms_ == 0) {
    call->cv.wait(lock, [&] { return call->done; });
  } else if (!call->cv.wait_for(lock, std::chrono::milliseconds(wait_limit_ms_), [&] { return call->done; })) {
    call->done = true;
    call->status = Status(EIO, Where(*call) + "no answer from the backend within " + std::to_string(wait_limit_ms_) + " ms");
  }
  Status result = call->status;
  lock.unlock();
  std::lock_guard<std::mutex> guard(mu_);
  waiting_.erase(call);
  return result;
}

Result<uint64_t> JsBackend::BlobSize(const std::string& blob_id) {
  auto call = std::make_shared<Call>();
  call->read = false;
  call->blob_id = blob_id;
  Status s = Run(call);
  if (!s.ok()) return s;
  return call->size;
}

Status JsBackend::ReadAt(const std::string& blob_id, uint64_t offset, uint8_t* buf, size_t length,
                         storage::ReadSource source) {
  if (length == 0) return Status();
  auto call = std::make_shared<Call>();
  call->blob_id = blob_id;
  call->offset = offset;
  call->length = length;
  call->prefetch = source == storage::ReadSource::kPrefetch;
  Status s = Run(call);
  if (!s.ok()) return s;
  std::memcpy(buf, call->data.data(), length);
  return Status();
}

void JsBackend::Abort(const std::string& why) {
  std::set<std::shared_ptr<Call>> waiting;
  {
    std::lock_guard<std::mutex> lock(mu_);
    if (!aborted_) {
      aborted_ = true;
      abort_reason_ = why;
    }
    waiting.swap(waiting_);
  }
  for (const auto& call : waiting) call->Settle(Status(EIO, Where(*call) + why));
}

}  // namespace nydus::binding
