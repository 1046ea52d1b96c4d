// Promise-returning async workers for core jobs (bytes, or just a status). Binding layer.
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

StatusWorker::StatusWorker(Napi::Env env, const char* name, StatusJob job, std::function<void()> done,
                           Napi::Value keep)
    : Napi::AsyncWorker(env, name), deferred_(Napi::Promise::Deferred::New(env)), job_(std::move(job)),
      done_(std::move(done)) {
  if (!keep.IsEmpty() && !keep.IsUndefined()) keep_ = Napi::Persistent(keep);
}

Napi::Promise StatusWorker::Run(Napi::Env env, const char* name, StatusJob job, std::function<void()> done,
                                Napi::Value keep) {
  auto* worker = new StatusWorker(env, name, std::move(job), std::move(done), keep);  // deletes itself
  Napi::Promise promise = worker->deferred_.Promise();
  worker->Queue();
  return promise;
}

void StatusWorker::Execute() {
  try {
    result_ = job_();
  } catch (const std::exception& e) {
    result_ = Status(ENOMEM, e.what());
  }
}

void StatusWorker::OnOK() {
  Napi::Env env = Env();
  Napi::HandleScope scope(env);
  if (done_) done_();
  if (result_.ok()) {
    deferred_.Resolve(env.Undefined());
  } else {
    deferred_.Reject(MakeError(env, result_).Value());
  }
}

}  // namespace nydus::binding
