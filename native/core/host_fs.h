// Host filesystem facts Node does not expose, for `nydus create` scanning a source tree:
// extended attributes (llistxattr/lgetxattr, symlinks not followed) and the data extents of
// sparse files (SEEK_DATA/SEEK_HOLE). Core layer; thread-safe (no shared state).
#pragma once

#include <cstdint>
#include <string>
#include <utility>
#include <vector>

#include "status.h"

namespace nydus::hostfs {

// Every xattr of `path` (not following a final symlink), sorted by name.
Result<std::vector<std::pair<std::string, std::string>>> ReadXattrs(const std::string& path);

struct Extent {
  uint64_t offset = 0;
  uint64_t length = 0;
};

// The data regions of regular file `path` of `size` bytes, in order. A file without holes
// (or on a filesystem without SEEK_DATA) is one extent [0, size).
Result<std::vector<Extent>> DataExtents(const std::string& path, uint64_t size);

// RLIMIT_NOFILE of this process (daemon.md §1.10).
struct FileLimit {
  uint64_t soft = 0;
  uint64_t hard = 0;
};
Result<FileLimit> GetFileLimit();
// Sets both the soft and the hard limit to `value`.
Status SetFileLimit(uint64_t value);

}  // namespace nydus::hostfs
