// BlobBackend: where the bytes of data blobs come from, by blob id (storage spec §3.1).
// Core layer (storage). localfs is native (localfs_backend.h); network backends live in
// TypeScript and are bridged in later. Implementations are thread-safe.
#pragma once

#include <cstdint>
#include <string>

#include "status.h"

namespace nydus::storage {

// Why a read is made: backends may treat prefetch differently (retry policy of §3.1, metrics).
enum class ReadSource { kOnDemand, kPrefetch };

class BlobBackend {
 public:
  virtual ~BlobBackend() = default;
  // Size in bytes of the blob file. ENOENT when the backend has no such blob.
  virtual Result<uint64_t> BlobSize(const std::string& blob_id) = 0;
  // Reads exactly `length` bytes at `offset`; EIO ("expected N bytes, got M") on a short read.
  virtual Status ReadAt(const std::string& blob_id, uint64_t offset, uint8_t* buf, size_t length,
                        ReadSource source = ReadSource::kOnDemand) = 0;
};

}  // namespace nydus::storage
