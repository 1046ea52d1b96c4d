// Image: one mounted RAFS image as the data path sees it: the bootstrap (v5/v6, or a
// bootstrap found inside a data blob's ToC), a blob backend, the chunk reader and, when
// configured, the local blob cache with its prefetch workers. Reads file ranges to bytes
// (zeros in holes) and verifies chunks. Core layer.
// Thread-safety: after Open, all methods may be called from any thread concurrently. Open
// never touches the backend; Read/Verify may block on it (call them off the JS thread).
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "rafs/filesystem.h"
#include "status.h"
#include "storage/backend_metrics.h"
#include "storage/blob_backend.h"
#include "storage/blob_cache.h"
#include "storage/chunk_reader.h"

namespace nydus {

struct LocalFsOptions {
  std::string blob_file;
  std::string dir;
  std::vector<std::string> alt_dirs;
};

struct ImageOptions {
  LocalFsOptions localfs;
  // When set, blobs are read through this backend instead of localfs: a network backend bridged
  // from JS, or the native http-proxy client of a Unix socket (storage/unix_http_backend.h).
  std::shared_ptr<storage::BlobBackend> backend;
  bool validate_digest = false;        // rafs.validate / digest_validate
  uint64_t amplify_io = 1 << 20;       // rafs.batch_size / legacy amplify_io; 0 = no amplification
  storage::CacheOptions cache;         // cache.type etc.
  storage::PrefetchOptions prefetch;   // cache.prefetch / rafs.prefetch (already merged by the caller)
};

// One corrupt or unreadable chunk found by Verify.
struct ChunkProblem {
  uint64_t file_offset = 0;     // first byte of the file served by this chunk
  uint32_t length = 0;
  storage::ChunkRef chunk;
  std::string blob_id;
  Status status;
};

struct VerifyReport {
  std::vector<ChunkProblem> problems;
  uint64_t chunks = 0;          // chunk pieces read
  uint64_t digest_checked = 0;  // of those, how many had a digest to compare
  uint64_t crc_checked = 0;     // and how many a CRC-32C
};

class Image {
 public:
  // Opens `bootstrap_path`. When the file is not a bootstrap but a data blob carrying one
  // (ToC entry image.boot, storage §1.11), the inlined bootstrap is used and blob ids are
  // substituted from the file name as §1.14 says.
  static Result<std::unique_ptr<Image>> Open(const std::string& bootstrap_path, const ImageOptions& options);
  ~Image();

  const rafs::Filesystem& fs() const { return *fs_; }
  const rafs::SuperInfo& super() const { return fs_->super(); }
  // True when the bootstrap was extracted from a data blob.
  bool inlined_bootstrap() const { return inlined_; }

  // Reads up to `length` bytes of regular file `ino` at `offset` into `out`; returns the
  // count (short only at end of file). EIO naming the chunk on any data error.
  Result<size_t> Read(rafs::Ino ino, uint64_t offset, uint8_t* out, size_t length) const;

  // Reads and verifies every chunk of regular file `ino` (digest when known, CRC when
  // present); the report lists the problems found (none when the file is intact).
  Result<VerifyReport> Verify(rafs::Ino ino) const;

  // The blob table as the data path uses it (ids substituted for inlined-meta blobs, §1.14).
  const std::vector<storage::BlobInfo>& blobs() const { return reader_->blobs(); }

  // The blob device view of data blob `blob_index` (what EROFS reads in fscache mode, daemon
  // spec §6.3): bytes [offset, offset + length) of the blob's uncompressed image, each chunk of
  // its chunk-info array at its uncompressed offset, zeros in gaps and past the last chunk.
  // Chunks come through the blob cache when configured, else in merged backend reads.
  // EINVAL for an unknown index, ENOTSUP for a blob without chunk-info array, EIO naming the
  // chunk on any data error (nothing in `out` is meaningful then).
  Status ReadBlobUncompressed(uint32_t blob_index, uint64_t offset, size_t length, uint8_t* out) const;
  // [start, end) widened from [offset, offset + length) to whole chunks of that blob (a bound
  // that falls in a gap stays): reading whole chunks spares fetching and decoding them again for
  // the neighbouring ranges. Errors as ReadBlobUncompressed.
  struct BlobSpan {
    uint64_t start = 0;
    uint64_t end = 0;
  };
  Result<BlobSpan> BlobChunkSpan(uint32_t blob_index, uint64_t offset, uint64_t length) const;

  // Counters of the blob reads made for this image (api spec §4.5 BackendMetrics).
  const storage::BackendMetrics& backend_metrics() const { return *backend_metrics_; }

  // Starts background prefetch (no-op unless options.prefetch.enable and a cache is
  // configured): `paths` are absolute paths inside the image (from --prefetch-files or the
  // mount API; directories expand to all non-empty regular files below, hard links once;
  // unknown paths are skipped). Empty `paths` -> the bootstrap prefetch table (skipped when it
  // is just the root = "all"). Then prefetch-all when options.prefetch.prefetch_all (or the
  // table/paths say "/"). Returns at once; the work (path resolution included) runs on
  // background threads. Calling it twice is an error (EALREADY).
  Status StartPrefetch(const std::vector<std::string>& paths) const;
  // Stops and joins prefetch threads (idempotent; the destructor calls it). In-flight
  // backend reads are waited for.
  void StopPrefetch() const;
  bool has_cache() const { return cache_ != nullptr; }
  // BlobcacheMetrics (api spec §4.5); zeros without a cache.
  storage::CacheMetricsSnapshot cache_metrics() const;

 private:
  Image() = default;
  void PlanPrefetch(const std::vector<std::string>& paths, storage::PrefetchPlan& plan) const;
  Result<size_t> ReadCached(rafs::Ino ino, uint64_t offset, const std::vector<rafs::IoSegment>& segments,
                            uint8_t* out, size_t length) const;

  ImageOptions options_;
  std::unique_ptr<rafs::Filesystem> fs_;
  std::shared_ptr<storage::BackendMetrics> backend_metrics_;
  std::shared_ptr<storage::BlobBackend> backend_;  // metered
  std::unique_ptr<storage::ChunkReader> reader_;
  std::unique_ptr<storage::BlobCache> cache_;      // null: no local cache (dummycache)
  bool inlined_ = false;
};

}  // namespace nydus
