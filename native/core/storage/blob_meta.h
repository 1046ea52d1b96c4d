// BlobMeta: a data blob's chunk-info array ("blob meta", storage spec §1.6-1.10): the
// 4096-byte header, v1 (16-byte) and v2 (24-byte) chunk-info entries, and the batch / ZRan
// context table. Core layer (storage). A loaded BlobMeta is immutable: any thread may call
// its const methods concurrently. Decoding is bounds-checked; a hostile blob gets EIO.
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "byte_view.h"
#include "status.h"
#include "storage/blob_backend.h"
#include "storage/blob_info.h"

namespace nydus::storage {

constexpr uint32_t kBlobMetaMagic = 0xB10BB10B;
constexpr size_t kBlobMetaHeaderSize = 4096;
constexpr size_t kChunkInfoV1Size = 16;
constexpr size_t kChunkInfoV2Size = 24;
constexpr size_t kChunkContextSize = 40;  // one batch or ZRan context table entry
constexpr uint64_t kMaxChunkInfoV1Area = 256ull << 20;  // 16 B x 2^24 chunks
constexpr uint64_t kMaxChunkInfoV2Area = 384ull << 20;  // 24 B x 2^24 chunks
constexpr uint32_t kMaxChunkSize = 16u << 20;

// v2 chunk-info flag bits (bits 56..63 of uncomp_info); v1 entries only ever get kCiCompressed.
// Note these differ from the bootstrap's ChunkFlags values.
enum ChunkInfoFlags : uint8_t {
  kCiCompressed = 0x01,
  kCiZran = 0x02,
  kCiBatch = 0x04,
  kCiEncrypted = 0x08,
  kCiHasCrc32 = 0x10,
};

// The 4096-byte header (§1.6), decoded.
struct BlobMetaHeader {
  uint32_t features = 0;
  uint32_t ci_compressor = 0;
  uint32_t ci_entries = 0;
  uint64_t ci_offset = 0;
  uint64_t ci_compressed_size = 0;
  uint64_t ci_uncompressed_size = 0;
  uint64_t ci_zran_offset = 0;
  uint64_t ci_zran_size = 0;
  uint32_t ci_zran_count = 0;

  // EIO unless `bytes` is 4096 bytes with both magics.
  static Result<BlobMetaHeader> Parse(ByteView bytes);
  // Agreement with the blob table and the size rules of §1.6 (EIO naming the field).
  Status Validate(const BlobInfo& blob) const;
  bool is_v2() const { return (features & kBlobChunkInfoV2) != 0; }
};

// One chunk-info entry, version-neutral.
struct ChunkInfoEntry {
  uint64_t uncompressed_offset = 0;
  uint32_t uncompressed_size = 0;
  uint64_t compressed_offset = 0;
  uint32_t compressed_size = 0;
  uint8_t flags = 0;  // ChunkInfoFlags
  uint64_t data = 0;  // v2 `data` word: CRC, or (context index << 32 | offset in context)

  bool compressed() const { return (flags & kCiCompressed) != 0; }
  bool zran() const { return (flags & kCiZran) != 0; }
  bool batch() const { return (flags & kCiBatch) != 0; }
  bool encrypted() const { return (flags & kCiEncrypted) != 0; }
  bool has_crc32() const { return (flags & kCiHasCrc32) != 0; }
  uint32_t crc32() const { return static_cast<uint32_t>(data); }
  uint32_t context_index() const { return static_cast<uint32_t>(data >> 32); }
  uint32_t context_offset() const { return static_cast<uint32_t>(data); }
};

// Decoders of single entries; the caller guarantees 16 / 24 readable bytes.
ChunkInfoEntry DecodeChunkInfoV1(const uint8_t* entry);
ChunkInfoEntry DecodeChunkInfoV2(const uint8_t* entry);

// Batch context (§1.9).
struct BatchContext {
  uint32_t compressed_size = 0;
  uint32_t uncompressed_size = 0;
};

// ZRan context (§1.10).
struct ZranContext {
  uint64_t in_offset = 0;
  uint64_t out_offset = 0;
  uint64_t dict_offset = 0;
  uint32_t in_len = 0;
  uint32_t out_len = 0;
  uint32_t dict_size = 0;
  uint8_t ctx_byte = 0;
  uint8_t ctx_bits = 0;
};

class BlobMeta {
 public:
  // Reads ci_compressed_size + 4096 bytes at blob.ci_offset, validates the header against
  // `blob`, decompresses the array. Every size is bounded before anything is allocated.
  // ENOTSUP for encrypted blobs and SEPARATE blobs (their meta lives in another blob).
  static Result<std::unique_ptr<BlobMeta>> Load(BlobBackend& backend, const BlobInfo& blob);
  // Same from bytes already in memory: `stored` is the stored CI array followed by the header
  // (the `<blob_id>.blob.meta` cache-file layout when ci_offset is 0).
  static Result<std::unique_ptr<BlobMeta>> FromBytes(const BlobInfo& blob, ByteView stored);
  // From the `<blob_id>.blob.meta` cache-file layout of §4.4: the plain CI area zero-padded
  // to a 4 KiB multiple, then the 4096-byte header. EIO unless the size is exactly that and
  // the header validates against `blob`.
  static Result<std::unique_ptr<BlobMeta>> FromCacheFile(const BlobInfo& blob, ByteView file);
  // This meta in the §4.4 cache-file layout (the inverse of FromCacheFile).
  std::vector<uint8_t> ToCacheFile() const;

  const BlobMetaHeader& header() const { return header_; }
  uint32_t entry_count() const { return header_.ci_entries; }
  // End of the chunk-data region (§1.5); every entry's compressed range lies below it.
  uint64_t compressed_data_size() const { return compressed_data_size_; }

  // Entry `index`, validated (§1.8): EIO when out of range or inconsistent.
  Result<ChunkInfoEntry> Get(uint32_t index) const;
  // Context tables; EIO when the blob has none or `index` is out of range.
  Result<BatchContext> GetBatch(uint32_t index) const;
  Result<ZranContext> GetZran(uint32_t index) const;

 private:
  BlobMeta() = default;
  // `stored_ci` is compressed with header.ci_compressor unless `plain_area`.
  static Result<std::unique_ptr<BlobMeta>> Build(const BlobInfo& blob, const BlobMetaHeader& header,
                                                 ByteView stored_ci, bool plain_area = false);
  Result<ByteView> Context(uint32_t index, const char* kind) const;

  std::string blob_id_;
  BlobMetaHeader header_;
  uint32_t blob_features_ = 0;
  uint64_t compressed_data_size_ = 0;
  uint64_t uncompressed_limit_ = 0;  // 0 = unknown
  std::vector<uint8_t> area_;  // the plain CI area: entries, then the context table
};

}  // namespace nydus::storage
