// Small file helpers of the local blob cache (storage spec §4.2): mkdir -p, whole-file reads
// with an expected size, and temp + rename writes so a crash never leaves a torn metadata
// file. Core layer (storage). Stateless; thread-safe (temp names are unique per call).
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "byte_view.h"
#include "status.h"

namespace nydus::storage {

// An owned file descriptor, closed when it goes out of scope.
class UniqueFd {
 public:
  explicit UniqueFd(int fd) : fd_(fd) {}
  ~UniqueFd();
  UniqueFd(const UniqueFd&) = delete;
  UniqueFd& operator=(const UniqueFd&) = delete;
  int get() const { return fd_; }
  // Gives up ownership (the caller closes it).
  int release() {
    const int fd = fd_;
    fd_ = -1;
    return fd;
  }

 private:
  int fd_;
};

// Creates `dir` and its missing parents (mode 0755). ENOTDIR when a component is a file.
Status MakeDirs(const std::string& dir);

// The whole file when it exists and is exactly `expected_size` bytes; ENOENT when missing,
// EIO when its size differs (nothing is read then).
Result<std::vector<uint8_t>> ReadCacheFile(const std::string& path, uint64_t expected_size);

// Writes `bytes` to a unique temp file next to `path`, then renames it over `path`.
Status WriteCacheFileAtomic(const std::string& path, ByteView bytes);

// `path` made absolute against the current directory (no symlink resolution).
std::string AbsolutePath(const std::string& path);

}  // namespace nydus::storage
