// Private parts of CachefilesHandler shared by handler.cc and handler_ops.cc: an open object,
// the page-aligned I/O buffer and the counters. Core layer (cachefiles); not for other users.
#pragma once

#include <unistd.h>

#include <atomic>
#include <cstdint>
#include <cstdlib>
#include <memory>

#include "cachefiles/handler.h"

namespace nydus::cachefiles {

constexpr uint64_t kPageSize = 4096;
// Bytes read and written per step of a READ, the bootstrap copy or a prefetch window (bounds the
// buffer; a larger prefetch window is served in steps of this size).
constexpr uint64_t kWindow = 2 << 20;

// One object the kernel opened: its anonymous fd and where its bytes come from. Shared by the
// object map, the workers serving its READs and the filler; the fds close with the last
// reference.
struct CachefilesHandler::Object {
  uint32_t id = 0;
  int fd = -1;            // the anonymous fd from OPEN
  int bootstrap_fd = -1;  // kBootstrap: the bootstrap file, read-only
  uint64_t size = 0;      // the size given in copen
  std::shared_ptr<const ObjectSource> source;
  std::atomic<bool> closed{false};  // CLOSE received or released: the filler skips it
  uint64_t prefetch_pos = 0;        // kDataBlob prefetch: where its next window starts (filler only)

  Object() = default;
  Object(const Object&) = delete;
  Object& operator=(const Object&) = delete;
  ~Object() {
    if (fd >= 0) close(fd);
    if (bootstrap_fd >= 0) close(bootstrap_fd);
  }
};

// A page-aligned buffer (writes into an object fd go to the cache file with direct I/O), grown
// on demand and reused by one thread.
class CachefilesHandler::Buffer {
 public:
  Buffer() = default;
  Buffer(const Buffer&) = delete;
  Buffer& operator=(const Buffer&) = delete;
  ~Buffer() { std::free(data_); }
  // At least `n` bytes, or null when memory is short.
  uint8_t* Get(size_t n) {
    if (n > capacity_) {
      std::free(data_);
      capacity_ = (n + kPageSize - 1) / kPageSize * kPageSize;
      data_ = static_cast<uint8_t*>(std::aligned_alloc(kPageSize, capacity_));
      if (!data_) capacity_ = 0;
    }
    return data_;
  }

 private:
  uint8_t* data_ = nullptr;
  size_t capacity_ = 0;
};

struct CachefilesHandler::Counters {
  std::atomic<uint64_t> messages{0}, opens{0}, open_refused{0}, closes{0}, reads{0}, read_bytes{0},
      bootstrap_bytes{0}, prefetch_bytes{0}, prefetches{0}, read_completes{0}, malformed{0}, unknown_object{0},
      read_errors{0}, write_errors{0}, prefetch_errors{0}, complete_errors{0}, reply_errors{0}, device_errors{0};

  HandlerMetrics Snapshot() const {
    HandlerMetrics m;
    m.messages = messages.load();
    m.opens = opens.load();
    m.open_refused = open_refused.load();
    m.closes = closes.load();
    m.reads = reads.load();
    m.read_bytes = read_bytes.load();
    m.bootstrap_bytes = bootstrap_bytes.load();
    m.prefetch_bytes = prefetch_bytes.load();
    m.prefetches = prefetches.load();
    m.read_completes = read_completes.load();
    m.malformed = malformed.load();
    m.unknown_object = unknown_object.load();
    m.read_errors = read_errors.load();
    m.write_errors = write_errors.load();
    m.prefetch_errors = prefetch_errors.load();
    m.complete_errors = complete_errors.load();
    m.reply_errors = reply_errors.load();
    m.device_errors = device_errors.load();
    return m;
  }
};

}  // namespace nydus::cachefiles
