// Blob trailers (storage spec §1.11): trailing GNU tar headers, the blob ToC (table of
// contents) and its entries (`image.boot`, `blob.meta`, `blob.digest`, ...), extraction of
// an inlined bootstrap and of the chunk digest array. Core layer (storage).
// BlobToc is an immutable value after Load: any thread may read it; the free functions are
// thread-safe as far as the backend passed in is.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "byte_view.h"
#include "status.h"
#include "storage/blob_backend.h"
#include "storage/blob_info.h"
#include "storage/digester.h"

namespace nydus::storage {

constexpr size_t kTarBlockSize = 512;
constexpr size_t kTocEntrySize = 128;
constexpr uint32_t kMaxTocSize = 65536;  // entries + tar header
// Largest inlined bootstrap / ToC entry content we agree to decode.
constexpr uint64_t kMaxTocEntryContent = 1ull << 30;

// A trailing tar header (written after its payload).
struct TarHeader {
  std::string name;
  uint64_t size = 0;
  char typeflag = 0;
};
// Parses a 512-byte GNU tar header: NUL-padded name, octal size, checksum (EIO on mismatch or
// a non-octal field).
Result<TarHeader> ParseTarHeader(ByteView block);

enum TocEntryFlags : uint32_t {
  kTocCompressionNone = 0x1,
  kTocCompressionZstd = 0x2,
  kTocCompressionLz4 = 0x4,
  kTocCompressionMask = 0xF,
};

struct TocEntry {
  uint32_t flags = 0;
  std::string name;
  Digest digest{};  // SHA-256 of the uncompressed content; zero = not checked
  uint64_t compressed_offset = 0;
  uint64_t compressed_size = 0;
  uint64_t uncompressed_size = 0;
};

class BlobToc {
 public:
  // Locates the ToC at the end of the blob: by `toc_size` (+ `toc_digest` when non-zero) when
  // non-zero, else by auto-detecting the `rafs.blob.toc` tar header. ENOENT when the blob has
  // no ToC (auto-detect found no such header), EIO when it is corrupt.
  static Result<BlobToc> Load(BlobBackend& backend, const std::string& blob_id, uint32_t toc_size,
                              const Digest& toc_digest);
  static Result<BlobToc> Load(BlobBackend& backend, const BlobInfo& blob) {
    return Load(backend, blob.blob_id, blob.toc_size, blob.toc_digest);
  }
  // Decodes `entries` (a multiple of 128 bytes). Entry ranges are checked when read (old
  // builders recorded a bogus range for `image.blob`).
  static Result<BlobToc> ParseEntries(ByteView entries);

  const std::vector<TocEntry>& entries() const { return entries_; }
  // nullptr when there is no entry of that name.
  const TocEntry* Find(std::string_view name) const;
  // Offset of the ToC in the blob, its size (entries + tar header) and SHA-256 of those bytes.
  uint64_t offset() const { return offset_; }
  uint64_t size() const { return size_; }
  const Digest& digest() const { return digest_; }

  // The entry's uncompressed content: raw, zstd or lz4_block per flags, at most `max_size`
  // bytes, SHA-256 verified unless the entry digest is zero.
  Result<std::vector<uint8_t>> ReadEntry(BlobBackend& backend, const std::string& blob_id,
                                         const TocEntry& entry,
                                         uint64_t max_size = kMaxTocEntryContent) const;

 private:
  std::vector<TocEntry> entries_;
  uint64_t offset_ = 0;
  uint64_t size_ = 0;
  Digest digest_{};
};

// The bootstrap stored inside a data blob: the ToC entry `image.boot` when there is a ToC,
// else the raw payload before a trailing `image.boot` tar header. ENOENT when neither.
Result<std::vector<uint8_t>> ExtractInlinedBootstrap(ByteView blob);
Result<std::vector<uint8_t>> ExtractInlinedBootstrap(BlobBackend& backend, const std::string& blob_id);

// The `blob.digest` array (one 32-byte digest per chunk) of an INLINED_CHUNK_DIGEST blob.
// EIO unless it has exactly blob.chunk_count entries (any multiple of 32 when unknown).
Result<std::vector<Digest>> ReadChunkDigests(BlobBackend& backend, const BlobInfo& blob,
                                             const BlobToc& toc);

}  // namespace nydus::storage
