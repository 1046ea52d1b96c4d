// UnixHttpBackend: the http-proxy backend (storage spec §3.5) for a Unix-socket `addr`,
// spoken natively so cache misses never enter JavaScript. Core layer, libc only.
// HTTP/1.1 keep-alive over AF_UNIX: HEAD -> Content-Length (cached per blob id), ranged GET
// whose body is read straight into the caller's buffer. Retries follow src/storage/retry.ts.
// Thread-safety: every method may be called concurrently; a pooled connection serves one
// request at a time.
#pragma once

#include <cstdint>
#include <map>
#include <memory>
#include <mutex>
#include <string>
#include <vector>

#include "status.h"
#include "storage/blob_backend.h"

namespace nydus::storage {

struct UnixHttpConfig {
  std::string socket_path;           // absolute path of the server's Unix socket
  std::string path;                  // URL path prefix, joined with the blob id (http-proxy `path`)
  uint64_t timeout_ms = 0;           // whole-operation deadline shared by all attempts; 0 = none
  uint64_t connect_timeout_ms = 0;   // per connect(); 0 = none
  // Parsed and kept like the TS backend, but, as spec §3.1 says of this snapshot, it does not
  // change the attempt counts below.
  uint32_t retry_limit = 0;
  uint32_t on_demand_attempts = 4;   // backoff 100, 200, 400 ms (retry.ts)
  uint32_t prefetch_attempts = 2;    // random 100-1000 ms between attempts
  uint32_t max_idle = 8;             // keep-alive connections kept for reuse
  std::vector<std::string> headers;  // extra "Name: value" lines (User-Agent, NYDUS_HEADER_*)
  bool fast_backoff = false;         // tests only: 1 ms backoffs
};

// URI our client asks for: "/" + (path joined with blob_id as a file-system join), the
// pathname of src/storage/http-proxy.ts httpProxyBlobUrl("http://localhost", path, id).
std::string UnixHttpBlobUri(const std::string& path, const std::string& blob_id);

class UnixHttpBackend final : public BlobBackend {
 public:
  explicit UnixHttpBackend(UnixHttpConfig config);
  ~UnixHttpBackend() override;
  UnixHttpBackend(const UnixHttpBackend&) = delete;
  UnixHttpBackend& operator=(const UnixHttpBackend&) = delete;

  // ENOENT on 404; EIO on other failures, ETIMEDOUT past the deadline.
  Result<uint64_t> BlobSize(const std::string& blob_id) override;
  // Exact `length` bytes or EIO "expected N bytes, got M".
  Status ReadAt(const std::string& blob_id, uint64_t offset, uint8_t* buf, size_t length,
                ReadSource source = ReadSource::kOnDemand) override;

  // Connections opened so far (tests check keep-alive reuse with it).
  uint64_t connections_opened() const;

 private:
  class Conn;  // RAII fd + read-ahead buffer of the header section
  struct Outcome;

  // A pooled connection (`reused`) or a new one; null with `err` set on failure.
  std::unique_ptr<Conn> Acquire(uint64_t deadline_ms, Status& err, bool& reused);
  void Release(std::unique_ptr<Conn> conn);
  // One request/response exchange; `buf` null for HEAD.
  Outcome Exchange(const char* method, const std::string& blob_id, uint64_t offset, uint8_t* buf,
                   size_t length, uint64_t deadline_ms);
  template <typename Fn>
  Status WithRetry(bool prefetch, const std::string& what, Fn&& fn);

  const UnixHttpConfig config_;
  std::string header_tail_;  // Host, extra headers, CRLF-terminated, built once
  mutable std::mutex mu_;    // guards idle_, sizes_, opened_; never held across I/O
  std::vector<std::unique_ptr<Conn>> idle_;
  std::map<std::string, uint64_t> sizes_;
  uint64_t opened_ = 0;
};

}  // namespace nydus::storage
