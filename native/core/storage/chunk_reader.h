// ChunkReader: the blob data path. Fetches a chunk's stored bytes from a BlobBackend,
// decrypts nothing (encrypted blobs are refused with ENOTSUP), decompresses, validates, and
// returns its plain bytes; resolves v6 chunk details from the blob's chunk-info array
// ("blob meta", storage §1.6-1.9) and chunk digests from the blob's digest array (ToC
// `blob.digest`) when the bootstrap did not carry them. Core layer (storage).
// Thread-safety: all methods may be called concurrently; blob meta is loaded once per blob.
#pragma once

#include <cstdint>
#include <memory>
#include <vector>

#include "status.h"
#include "storage/blob_backend.h"
#include "storage/blob_info.h"

namespace nydus::storage {

struct ChunkReaderOptions {
  // Compare the chunk digest (when known) after decoding. A chunk with kChunkHasCrc32 has its
  // CRC-32C checked whatever this says (storage §1.4).
  bool validate_digest = false;
};

// A chunk with every detail resolved (bootstrap record or blob meta), as the data path uses it.
struct ResolvedChunk {
  ChunkRef ref;                  // has_details == true
  bool digest_known = false;     // ref.digest is meaningful
};

class ChunkReader {
 public:
  // `blobs` is the bootstrap's blob table (SuperInfo::blobs); the backend must outlive this.
  ChunkReader(std::vector<BlobInfo> blobs, BlobBackend* backend, ChunkReaderOptions options);
  ~ChunkReader();
  ChunkReader(const ChunkReader&) = delete;
  ChunkReader& operator=(const ChunkReader&) = delete;

  const std::vector<BlobInfo>& blobs() const;

  // Fills in what a v6 chunk index leaves out (from blob meta, digest array). v5 refs and
  // refs that already have details pass through (digest_known when non-zero).
  Result<ResolvedChunk> Resolve(const ChunkRef& ref);

  // The chunk's plain bytes (exactly uncompressed_size). EIO with a message naming the blob,
  // chunk index and offset on a short read, corrupt compressed data, or a digest/CRC mismatch.
  Result<std::vector<uint8_t>> ReadChunk(const ChunkRef& ref);

  // Like ReadChunk but always validates (digest when known, CRC when present): for `check`.
  // Returns the digest actually computed too.
  struct Verified {
    std::vector<uint8_t> data;
    bool digest_checked = false;
    bool crc_checked = false;
  };
  Result<Verified> ReadAndVerify(const ChunkRef& ref);

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace nydus::storage
