// Promise-returning async worker for byte-producing core jobs. Binding layer.
#include "bytes_worker.h"

#include "native_error.h"

namespace nydus::binding {

Napi::Buffer<uint8_t> ToBuffer(Napi::Env env, std::vector<uint8_t>&& bytes) {
  if (bytes.empty()) return Napi::Buffer<uint8_t>::New(env, 0);
  auto* owned = new std::vector<uint8_t>(std::move(bytes));
  return Napi::Buffer<uint8_t>::NewOrCopy(
      env, owned->data(), owned->size(),
      [](Napi::Env, uint8_t*, std::vector<uint8_t>* v) { delete v; }, owned);
}

BytesWorker::BytesWorker(Napi::Env env, const char* name, BytesJob job)
    : Napi::AsyncWorker(env, name), deferred_(Napi::Promise::Deferred::New(env)),
      job_(std::move(job)) {}

Napi::Promise BytesWorker::Run(Napi::Env env, const char* name, BytesJob job) {
  auto* worker = new BytesWorker(env, name, std::move(job));  // deletes itself after OnOK
  Napi::Promise promise = worker->deferred_.Promise();
  worker->Queue();
  return promise;
}

void BytesWorker::Execute() {
  try {
    result_.emplace(job_());
  } catch (const std::exception& e) {  // e.g. bad_alloc from a std::function copy
    result_.emplace(Status(ENOMEM, e.what()));
  }
}

void BytesWorker::OnOK() {
  Napi::Env env = Env();
  Napi::HandleScope scope(env);
  if (result_ && result_->ok()) {
    deferred_.Resolve(ToBuffer(env, std::move(*result_).value()));
  } else {
    deferred_.Reject(
        MakeError(env, result_ ? result_->status() : Status(EIO, "worker produced no result"))
            .Value());
  }
}

}  // namespace nydus::binding
