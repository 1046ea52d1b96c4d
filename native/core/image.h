// Image: one mounted RAFS image as the data path sees it: the bootstrap (v5/v6, or a
// bootstrap found inside a data blob's ToC), a blob backend and the chunk reader. Reads
// file ranges to bytes (zeros in holes) and verifies chunks. Core layer.
// Thread-safety: after Open, all methods may be called from any thread concurrently.
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "rafs/filesystem.h"
#include "status.h"
#include "storage/backend_metrics.h"
#include "storage/blob_backend.h"
#include "storage/chunk_reader.h"

namespace nydus {

struct LocalFsOptions {
  std::string blob_file;
  std::string dir;
  std::vector<std::string> alt_dirs;
};

struct ImageOptions {
  LocalFsOptions localfs;
  bool validate_digest = false;
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

  // Counters of the blob reads made for this image (api spec §4.5 BackendMetrics).
  const storage::BackendMetrics& backend_metrics() const { return *backend_metrics_; }

 private:
  Image() = default;
  std::unique_ptr<rafs::Filesystem> fs_;
  std::shared_ptr<storage::BackendMetrics> backend_metrics_;
  std::unique_ptr<storage::BlobBackend> backend_;
  std::unique_ptr<storage::ChunkReader> reader_;
  bool inlined_ = false;
};

}  // namespace nydus
