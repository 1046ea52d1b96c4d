// JsBackend: a storage::BlobBackend whose bytes come from a JS object (a network backend of
// src/storage: registry, http-proxy, S3, OSS). Binding layer.
//
// The data path calls it from native threads (FUSE workers, prefetch workers, libuv's pool)
// only on a cache miss; each call is posted to the JS thread through a thread-safe function,
// which calls `read(blobId, offset, length, prefetch)` / `blobSize(blobId)` and settles the
// call when the returned promise does. The calling thread blocks until then, until the wait
// limit passes, or until Abort(). It must never be called from the JS thread itself (that
// would wait for itself): the core does no backend I/O in Image::Open, and every binding
// entry point that may wait for backend reads runs off the JS thread.
// Thread-safety: every method may be called from any thread.
#pragma once

#include <napi.h>

#include <condition_variable>
#include <cstdint>
#include <memory>
#include <mutex>
#include <set>
#include <string>

#include "storage/blob_backend.h"

namespace nydus::binding {

class JsBackend final : public storage::BlobBackend, public std::enable_shared_from_this<JsBackend> {
 public:
  struct Call;

  // `backend`: an object with read() and blobSize() returning promises. `wait_limit_ms`: how
  // long a native caller waits for an answer (0 = no limit); the JS side enforces the
  // configured request deadlines, this only guards against a promise that never settles.
  static std::shared_ptr<JsBackend> Create(Napi::Env env, Napi::Object backend, uint64_t wait_limit_ms);
  ~JsBackend() override;
  JsBackend(const JsBackend&) = delete;
  JsBackend& operator=(const JsBackend&) = delete;

  Result<uint64_t> BlobSize(const std::string& blob_id) override;
  Status ReadAt(const std::string& blob_id, uint64_t offset, uint8_t* buf, size_t length,
                storage::ReadSource source) override;

  // Fails every waiting and future call with EIO `why` (the image is being closed). Idempotent.
  void Abort(const std::string& why);

 private:
  explicit JsBackend(uint64_t wait_limit_ms);
  // Posts `call` to the JS thread and waits for its result.
  Status Run(const std::shared_ptr<Call>& call);

  const uint64_t wait_limit_ms_;
  struct Tsfn;
  std::unique_ptr<Tsfn> tsfn_;
  std::mutex mu_;
  bool aborted_ = false;
  std::string abort_reason_;
  std::set<std::shared_ptr<Call>> waiting_;
};

}  // namespace nydus::binding
