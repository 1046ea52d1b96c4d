// What the metadata (bootstrap) says about data blobs and chunks, in a version-neutral
// form shared by the RAFS readers (producers) and the blob data path (consumer).
// Core layer (storage). Plain values; copy freely between threads.
#pragma once

#include <array>
#include <cstdint>
#include <string>

#include "storage/compressor.h"
#include "storage/digester.h"

namespace nydus::storage {

// Chunk flags of the 80-byte chunk record (rafs-format §2.3) and of v2 chunk info.
enum ChunkFlags : uint32_t {
  kChunkCompressed = 0x01,
  kChunkEncrypted = 0x04,
  kChunkBatch = 0x08,
  kChunkHasCrc32 = 0x10,
};

// Blob feature bits (storage §1.13).
enum BlobFeatures : uint32_t {
  kBlobAligned = 0x0000'0001,
  kBlobInlinedFsMeta = 0x0000'0002,
  kBlobChunkInfoV2 = 0x0000'0004,
  kBlobZran = 0x0000'0008,
  kBlobSeparate = 0x0000'0010,
  kBlobInlinedChunkDigest = 0x0000'0020,
  kBlobTarfs = 0x0000'0040,
  kBlobBatch = 0x0000'0080,
  kBlobEncrypted = 0x0000'0100,
  kBlobChunkDict = 0x0000'0200,
  kBlobHasTarHeader = 0x1000'0000,
  kBlobHasToc = 0x2000'0000,
  kBlobCapTarToc = 0x4000'0000,
  kBlobV5NoExtTable = 0x8000'0000,
};

// One data blob, from the v5 blob table (+ extended table) or the v6 blob table (+ device slot).
struct BlobInfo {
  uint32_t index = 0;             // position in the blob table; chunks refer to blobs by it
  std::string blob_id;            // normally 64 lowercase hex chars
  Compression compression = Compression::kNone;   // v5: superblock flags; v6: blob table
  DigestAlgorithm digest = DigestAlgorithm::kBlake3;
  uint32_t features = 0;          // BlobFeatures
  uint32_t chunk_size = 0;
  uint32_t chunk_count = 0;       // 0 when unknown (v5 without extended table)
  uint64_t compressed_size = 0;   // size of the blob file (0 when unknown)
  uint64_t uncompressed_size = 0; // size of the uncompressed image (0 when unknown)
  // v5 blob table
  uint32_t readahead_offset = 0;
  uint32_t readahead_size = 0;
  // v6 blob table: where the chunk-info array ("blob meta") is in the data blob
  uint32_t ci_compressor = 0;
  uint64_t ci_offset = 0;
  uint64_t ci_compressed_size = 0;
  uint64_t ci_uncompressed_size = 0;
  uint32_t toc_size = 0;          // bytes of ToC incl. its tar header, 0 = unknown
  Digest toc_digest{};            // all-zero = unknown
  uint32_t cipher = 0;            // 0 none, 1 aes128xts
  // v6 device slot
  uint32_t device_blocks = 0;
  uint32_t mapped_blkaddr = 0;

  // True when the blob carries a chunk-info array (both ci sizes non-zero).
  bool has_blob_meta() const { return ci_compressed_size != 0 && ci_uncompressed_size != 0; }
};

// A chunk as the bootstrap describes it. v5 chunk records fill every field. A v6 chunk
// index gives blob_index, index and uncompressed_offset; the rest is filled from the
// bootstrap's chunk table when it has the record (has_details), and otherwise comes from
// the blob's chunk-info array at read time.
struct ChunkRef {
  uint32_t blob_index = 0;
  uint32_t index = 0;                // chunk index within its blob ("ci index")
  uint64_t uncompressed_offset = 0;  // offset in the blob's uncompressed image
  uint32_t uncompressed_size = 0;    // plain bytes of the chunk (always set)
  bool has_details = false;          // flags, compressed_*, digest, crc32 valid
  uint32_t flags = 0;                // ChunkFlags
  uint64_t compressed_offset = 0;
  uint32_t compressed_size = 0;
  Digest digest{};                   // block id: digest of the plain chunk; zero = unknown
  uint32_t crc32 = 0;                // CRC-32C of the plain chunk when kChunkHasCrc32
};

}  // namespace nydus::storage
