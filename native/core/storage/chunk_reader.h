// ChunkReader: the blob data path. Fetches a chunk's stored bytes from a BlobBackend,
// decrypts nothing (encrypted blobs are refused with ENOTSUP), decompresses, validates, and
// returns its plain bytes; resolves v6 chunk details from the blob's chunk-info array
// ("blob meta", storage §1.6-1.9) and chunk digests from the blob's digest array (ToC
// `blob.digest`) when the bootstrap did not carry them. The blob cache uses its parts
// (Resolve, Decode, Validate) to fetch many chunks in one backend read. Core layer (storage).
// Thread-safety: all methods may be called concurrently; blob meta is loaded once per blob.
#pragma once

#include <cstdint>
#include <memory>
#include <vector>

#include "byte_view.h"
#include "status.h"
#include "storage/blob_backend.h"
#include "storage/blob_info.h"

namespace nydus::storage {

struct ChunkReaderOptions {
  // Compare the chunk digest (when known) after decoding. A chunk with kChunkHasCrc32 has its
  // CRC-32C checked whatever this says (storage §1.4).
  bool validate_digest = false;
  // Load a blob's inlined chunk digest array (ToC `blob.digest`: a HEAD for the blob size, the
  // ToC, the array) when its chunks are resolved. Only validation needs it (storage §4.2: the
  // digest file exists "when validation or dedup"), so a lazily loading mount without
  // validation turns it off and fetches nothing but blob meta and chunk data.
  bool load_inlined_digests = true;
};

// A chunk with every detail resolved (bootstrap record or blob meta), as the data path uses it.
struct ResolvedChunk {
  ChunkRef ref;                  // has_details == true
  bool digest_known = false;     // ref.digest is meaningful
  // The stored object holding the chunk: the chunk itself, or for a batch member (kChunkBatch)
  // the whole batch object, whose plain form holds the chunk at [batch_offset, +size).
  uint64_t stored_offset = 0;
  uint32_t stored_size = 0;
  uint32_t batch_offset = 0;
  uint32_t batch_plain_size = 0;
  bool zran = false;             // ZRan chunk (not supported by Decode)

  bool batch() const { return (ref.flags & kChunkBatch) != 0; }
  uint64_t stored_end() const { return stored_offset + stored_size; }
};

class ChunkReader {
 public:
  // `blobs` is the bootstrap's blob table (SuperInfo::blobs); the backend must outlive this.
  // When `meta_cache_dir` is set, a blob's chunk-info array and chunk digest array are kept
  // there as `<blob_id>.blob.meta` (§4.4 layout) and `<blob_id>.blob.digest` (32 x
  // chunk_count): read from there when they validate (no backend request at all), else
  // downloaded and written there (temp + rename).
  ChunkReader(std::vector<BlobInfo> blobs, BlobBackend* backend, ChunkReaderOptions options,
              std::string meta_cache_dir = "");
  ~ChunkReader();
  ChunkReader(const ChunkReader&) = delete;
  ChunkReader& operator=(const ChunkReader&) = delete;

  const std::vector<BlobInfo>& blobs() const;

  // Fills in what a v6 chunk index leaves out (from blob meta, digest array). v5 refs and
  // refs that already have details pass through (digest_known when non-zero).
  // Also checks the chunk's sizes and locates its stored object: EIO for impossible sizes,
  // ENOTSUP for encrypted chunks.
  Result<ResolvedChunk> Resolve(const ChunkRef& ref);
  // Chunk `index` of blob `blob_index` from the blob's chunk-info array (v6 prefetch-all).
  // EINVAL when the blob has no chunk-info array.
  Result<ResolvedChunk> ResolveIndex(uint32_t blob_index, uint32_t index);
  // Entries of the blob's chunk-info array (loads it); EINVAL when it has none.
  Result<uint32_t> MetaChunkCount(uint32_t blob_index);

  // The chunk's plain bytes from `stored`, the bytes of its stored object (stored_size bytes
  // at stored_offset): decompresses, slices a batch member. No validation. EIO naming the
  // blob, chunk and offset on corrupt data; ENOTSUP for ZRan/encrypted chunks.
  Result<std::vector<uint8_t>> Decode(const ResolvedChunk& chunk, ByteView stored) const;
  // Checks plain bytes (§1.4): the CRC-32C whenever the chunk has one; the digest when known
  // and `check_digest` (and the chunk has no CRC, unless `always`). EIO on mismatch.
  struct Checked {
    bool digest_checked = false;
    bool crc_checked = false;
  };
  Result<Checked> Validate(const ResolvedChunk& chunk, ByteView plain, bool check_digest,
                           bool always = false) const;

  // The chunk's plain bytes (exactly uncompressed_size). EIO with a message naming the blob,
  // chunk index and offset on a short read, corrupt compressed data, or a digest/CRC mismatch.
  Result<std::vector<uint8_t>> ReadChunk(const ChunkRef& ref);

  // Bytes [offset_in_chunk, +length) of the chunk into `out`. A chunk stored uncompressed is
  // read whole (and checked, as ReadChunk does) only the first time it needs a check; after
  // that, and for chunks with nothing to check, only the slice is read from the backend.
  // Compressed chunks are read and decoded whole every time. Errors as ReadChunk's.
  Status ReadSlice(const ChunkRef& ref, uint32_t offset_in_chunk, uint32_t length, uint8_t* out);

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
