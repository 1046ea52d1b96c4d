// BlobMeta: header parsing/validation, chunk-info v1/v2 decoding and loading the CI array
// from a backend (storage spec §1.5-1.10). Core layer (storage). All sizes that come from
// disk are bounded before use; nothing here allocates more than the §1.6 limits.
#include "storage/blob_meta.h"

#include <algorithm>
#include <cstdio>
#include <cstring>
#include <string>

#include "byte_region.h"
#include "storage/compressor.h"

namespace nydus::storage {
namespace {

constexpr uint64_t kTarHeaderSize = 512;
constexpr uint32_t kKnownCiFlags = kCiCompressed | kCiZran | kCiBatch | kCiEncrypted | kCiHasCrc32;

std::string Num(uint64_t v) { return std::to_string(v); }

Status Corrupt(const std::string& blob_id, const std::string& what) {
  return Status(EIO, "blob " + blob_id + ": blob meta: " + what);
}

uint64_t Align4k(uint64_t v) { return (v + 4095) & ~uint64_t{4095}; }

// Checks of the blob table's ci_* values that must hold before anything is read or allocated.
Status CheckBlobTableSizes(const BlobInfo& blob) {
  if (!blob.has_blob_meta()) {
    return Status(EINVAL, "blob " + blob.blob_id + " has no chunk-info array (ci sizes are 0)");
  }
  const bool v2 = (blob.features & kBlobChunkInfoV2) != 0;
  const uint64_t limit = v2 ? kMaxChunkInfoV2Area : kMaxChunkInfoV1Area;
  if (blob.ci_uncompressed_size > limit) {
    return Corrupt(blob.blob_id, "ci_uncompressed_size " + Num(blob.ci_uncompressed_size) +
                                     " exceeds the " + Num(limit >> 20) + " MiB limit");
  }
  if (blob.ci_compressed_size > blob.ci_uncompressed_size) {
    return Corrupt(blob.blob_id, "ci_compressed_size " + Num(blob.ci_compressed_size) +
                                     " exceeds ci_uncompressed_size " +
                                     Num(blob.ci_uncompressed_size));
  }
  if (blob.ci_offset > (uint64_t{1} << 48)) {
    return Corrupt(blob.blob_id, "ci_offset " + Num(blob.ci_offset) + " is absurd");
  }
  return Status::Ok();
}

}  // namespace

// --- header ------------------------------------------------------------------------------

Result<BlobMetaHeader> BlobMetaHeader::Parse(ByteView bytes) {
  if (bytes.size != kBlobMetaHeaderSize) {
    return Status(EIO, "blob meta header: expected " + Num(kBlobMetaHeaderSize) + " bytes, got " +
                           Num(bytes.size));
  }
  const uint8_t* p = bytes.data;
  const uint32_t magic = LoadLe32(p);
  const uint32_t magic2 = LoadLe32(p + 4092);
  if (magic != kBlobMetaMagic || magic2 != kBlobMetaMagic) {
    char buf[80];
    std::snprintf(buf, sizeof buf, "blob meta header: bad magic 0x%08x/0x%08x (want 0x%08x)",
                  magic, magic2, kBlobMetaMagic);
    return Status(EIO, buf);
  }
  BlobMetaHeader h;
  h.features = LoadLe32(p + 4);
  h.ci_compressor = LoadLe32(p + 8);
  h.ci_entries = LoadLe32(p + 12);
  h.ci_offset = LoadLe64(p + 16);
  h.ci_compressed_size = LoadLe64(p + 24);
  h.ci_uncompressed_size = LoadLe64(p + 32);
  h.ci_zran_offset = LoadLe64(p + 40);
  h.ci_zran_size = LoadLe64(p + 48);
  h.ci_zran_count = LoadLe32(p + 56);
  return h;
}

Status BlobMetaHeader::Validate(const BlobInfo& blob) const {
  const std::string& id = blob.blob_id;
  auto differs = [&](const char* field, uint64_t header, uint64_t table) {
    return Corrupt(id, std::string("header ") + field + " " + Num(header) +
                           " differs from the blob table's " + Num(table));
  };
  if (ci_compressor != blob.ci_compressor) return differs("ci_compressor", ci_compressor, blob.ci_compressor);
  if (ci_offset != blob.ci_offset) return differs("ci_offset", ci_offset, blob.ci_offset);
  if (ci_compressed_size != blob.ci_compressed_size) {
    return differs("ci_compressed_size", ci_compressed_size, blob.ci_compressed_size);
  }
  if (ci_uncompressed_size != blob.ci_uncompressed_size) {
    return differs("ci_uncompressed_size", ci_uncompressed_size, blob.ci_uncompressed_size);
  }
  if ((blob.features & kBlobChunkDict) == 0 && ci_entries != blob.chunk_count) {
    return differs("ci_entries", ci_entries, blob.chunk_count);
  }
  constexpr uint32_t kLayoutBits = kBlobChunkInfoV2 | kBlobZran | kBlobBatch | kBlobEncrypted;
  if ((features & kLayoutBits) != (blob.features & kLayoutBits)) {
    return differs("layout features", features & kLayoutBits, blob.features & kLayoutBits);
  }
  if (!CompressionFromId(ci_compressor).ok()) {
    return Corrupt(id, "unknown ci_compressor " + Num(ci_compressor));
  }
  if (ci_compressed_size > ci_uncompressed_size) {
    return Corrupt(id, "ci_compressed_size exceeds ci_uncompressed_size");
  }
  const bool contexts = (features & (kBlobZran | kBlobBatch)) != 0;
  if ((features & (kBlobZran | kBlobBatch | kBlobEncrypted)) != 0 && !is_v2()) {
    return Corrupt(id, "ZRan/batch/encrypted blob without CHUNK_INFO_V2");
  }
  const uint64_t entry_size = is_v2() ? kChunkInfoV2Size : kChunkInfoV1Size;
  const uint64_t limit = is_v2() ? kMaxChunkInfoV2Area : kMaxChunkInfoV1Area;
  const uint64_t entries_bytes = entry_size * ci_entries;  // ci_entries is 32-bit: no overflow
  if (ci_uncompressed_size > limit) {
    return Corrupt(id, "ci_uncompressed_size " + Num(ci_uncompressed_size) + " exceeds the " +
                           Num(limit >> 20) + " MiB limit");
  }
  if (contexts || (features & kBlobEncrypted) != 0) {
    if (ci_uncompressed_size < entries_bytes) {
      return Corrupt(id, "ci_uncompressed_size " + Num(ci_uncompressed_size) + " < " +
                             Num(entry_size) + " x " + Num(ci_entries) + " entries");
    }
  } else if (ci_uncompressed_size != entries_bytes) {
    return Corrupt(id, "ci_uncompressed_size " + Num(ci_uncompressed_size) + " != " +
                           Num(entry_size) + " x " + Num(ci_entries) + " entries");
  }
  if (contexts) {
    if (ci_zran_offset != entries_bytes) {
      return Corrupt(id, "context table offset " + Num(ci_zran_offset) + " != " + Num(entries_bytes));
    }
    if (ci_zran_size > ci_uncompressed_size - ci_zran_offset) {
      return Corrupt(id, "context table [" + Num(ci_zran_offset) + ", +" + Num(ci_zran_size) +
                             ") exceeds the " + Num(ci_uncompressed_size) + "-byte CI area");
    }
    if (ci_zran_count > ci_entries) {
      return Corrupt(id, "context count " + Num(ci_zran_count) + " exceeds entries " + Num(ci_entries));
    }
    if (kChunkContextSize * uint64_t{ci_zran_count} > ci_zran_size) {
      return Corrupt(id, "context table size " + Num(ci_zran_size) + " too small for " +
                             Num(ci_zran_count) + " contexts");
    }
  }
  return Status::Ok();
}

// --- entries -----------------------------------------------------------------------------

ChunkInfoEntry DecodeChunkInfoV1(const uint8_t* entry) {
  const uint64_t u = LoadLe64(entry);
  const uint64_t c = LoadLe64(entry + 8);
  ChunkInfoEntry e;
  e.uncompressed_offset = u & 0x0000'0FFF'FFFF'F000ull;
  e.uncompressed_size = static_cast<uint32_t>((((u >> 8) & 0xF) << 20 | (u >> 44)) + 1);
  e.compressed_offset = c & 0xFF'FFFF'FFFFull;
  e.compressed_size = static_cast<uint32_t>((((c >> 40) & 0xF) << 20 | (c >> 44)) + 1);
  e.flags = e.compressed_size != e.uncompressed_size ? kCiCompressed : 0;
  return e;
}

ChunkInfoEntry DecodeChunkInfoV2(const uint8_t* entry) {
  const uint64_t u = LoadLe64(entry);
  const uint64_t c = LoadLe64(entry + 8);
  ChunkInfoEntry e;
  e.uncompressed_offset = (u & 0xFFFF'FFFFull) << 12;
  e.uncompressed_size = static_cast<uint32_t>(((u >> 32) & 0xFF'FFFF) + 1);
  e.flags = static_cast<uint8_t>((u >> 56) & kKnownCiFlags);  // unknown bits are ignored
  e.compressed_offset = c & 0xFF'FFFF'FFFFull;
  e.compressed_size = static_cast<uint32_t>(c >> 40);
  e.data = LoadLe64(entry + 16);
  return e;
}

// --- loading -----------------------------------------------------------------------------

Result<std::unique_ptr<BlobMeta>> BlobMeta::Load(BlobBackend& backend, const BlobInfo& blob) {
  if (blob.cipher != 0 || (blob.features & kBlobEncrypted) != 0) {
    return Status(ENOTSUP, "blob " + blob.blob_id + ": encrypted blob meta is not supported");
  }
  if ((blob.features & kBlobSeparate) != 0) {
    return Status(ENOTSUP, "blob " + blob.blob_id +
                               ": SEPARATE blob meta (in another RAFS blob) is not supported");
  }
  Status s = CheckBlobTableSizes(blob);
  if (!s.ok()) return s;
  // No size check against the blob: that would cost a HEAD on a remote backend before the
  // first read, and a read past the end fails anyway (short reads are errors, §3.1).
  const uint64_t need = blob.ci_compressed_size + kBlobMetaHeaderSize;
  std::vector<uint8_t> stored;
  try {
    stored.resize(need);
  } catch (const std::exception&) {
    return Status(ENOMEM, "blob " + blob.blob_id + ": cannot allocate " + Num(need) + " bytes");
  }
  s = backend.ReadAt(blob.blob_id, blob.ci_offset, stored.data(), stored.size());
  if (!s.ok()) return Status(s.error_number(), "reading blob meta: " + s.message());
  return FromBytes(blob, ByteView(stored));
}

Result<std::unique_ptr<BlobMeta>> BlobMeta::FromBytes(const BlobInfo& blob, ByteView stored) {
  Status s = CheckBlobTableSizes(blob);
  if (!s.ok()) return s;
  if (stored.size < blob.ci_compressed_size + kBlobMetaHeaderSize) {
    return Corrupt(blob.blob_id, "expected " + Num(blob.ci_compressed_size + kBlobMetaHeaderSize) +
                                     " bytes of CI array and header, got " + Num(stored.size));
  }
  const size_t ci_size = static_cast<size_t>(blob.ci_compressed_size);
  Result<BlobMetaHeader> header = BlobMetaHeader::Parse(ByteView(stored.data + ci_size, kBlobMetaHeaderSize));
  if (!header.ok()) return Corrupt(blob.blob_id, header.status().message());
  s = header.value().Validate(blob);
  if (!s.ok()) return s;
  return Build(blob, header.value(), ByteView(stored.data, ci_size));
}

Result<std::unique_ptr<BlobMeta>> BlobMeta::FromCacheFile(const BlobInfo& blob, ByteView file) {
  Status s = CheckBlobTableSizes(blob);
  if (!s.ok()) return s;
  const uint64_t area = Align4k(blob.ci_uncompressed_size);
  if (file.size != area + kBlobMetaHeaderSize) {
    return Corrupt(blob.blob_id, "cache file of " + Num(file.size) + " bytes, expected " +
                                     Num(area + kBlobMetaHeaderSize));
  }
  Result<BlobMetaHeader> header =
      BlobMetaHeader::Parse(ByteView(file.data + area, kBlobMetaHeaderSize));
  if (!header.ok()) return Corrupt(blob.blob_id, header.status().message());
  s = header.value().Validate(blob);
  if (!s.ok()) return s;
  return Build(blob, header.value(), ByteView(file.data, static_cast<size_t>(blob.ci_uncompressed_size)),
               /*plain=*/true);
}

std::vector<uint8_t> BlobMeta::ToCacheFile() const {
  const uint64_t area = Align4k(area_.size());
  std::vector<uint8_t> out(area + kBlobMetaHeaderSize, 0);
  std::copy(area_.begin(), area_.end(), out.begin());
  uint8_t* h = out.data() + area;
  StoreLe32(h, kBlobMetaMagic);
  StoreLe32(h + 4, header_.features);
  StoreLe32(h + 8, header_.ci_compressor);
  StoreLe32(h + 12, header_.ci_entries);
  StoreLe64(h + 16, header_.ci_offset);
  StoreLe64(h + 24, header_.ci_compressed_size);
  StoreLe64(h + 32, header_.ci_uncompressed_size);
  StoreLe64(h + 40, header_.ci_zran_offset);
  StoreLe64(h + 48, header_.ci_zran_size);
  StoreLe32(h + 56, header_.ci_zran_count);
  StoreLe32(h + 4092, kBlobMetaMagic);
  return out;
}

Result<std::unique_ptr<BlobMeta>> BlobMeta::Build(const BlobInfo& blob, const BlobMetaHeader& header,
                                                  ByteView stored_ci, bool plain_area) {
  std::unique_ptr<BlobMeta> meta(new BlobMeta());
  meta->blob_id_ = blob.blob_id;
  meta->header_ = header;
  meta->blob_features_ = blob.features;
  const uint64_t tar = (blob.features & kBlobHasTarHeader) != 0 ? kTarHeaderSize : 0;
  if ((blob.features & kBlobCapTarToc) != 0) {
    if (blob.ci_offset < tar) return Corrupt(blob.blob_id, "ci_offset is inside the image.blob header");
    meta->compressed_data_size_ = blob.ci_offset - tar;
  } else {
    // Chunk data always precedes the CI array in a non-SEPARATE blob.
    meta->compressed_data_size_ = blob.compressed_size != 0 ? blob.compressed_size : blob.ci_offset;
  }
  meta->uncompressed_limit_ = blob.uncompressed_size != 0 ? Align4k(blob.uncompressed_size) : 0;

  // Every non-batch, non-ZRan chunk occupies at least one byte of chunk data, so a header
  // claiming more entries than that is hostile (and would make us allocate for nothing).
  if ((header.features & (kBlobBatch | kBlobZran)) == 0 && header.ci_entries > meta->compressed_data_size_) {
    return Corrupt(blob.blob_id, Num(header.ci_entries) + " entries cannot fit in " +
                                     Num(meta->compressed_data_size_) + " bytes of chunk data");
  }
  const size_t plain_size = static_cast<size_t>(header.ci_uncompressed_size);
  Result<Compression> algo = plain_area ? Result<Compression>(Compression::kNone)
                                   : CompressionFromId(header.ci_compressor);
  if (!algo.ok()) return Corrupt(blob.blob_id, algo.status().message());
  // Bound the decompression ratio before allocating the output (real CI arrays compress far
  // less than 4096:1).
  if (algo.value() != Compression::kNone &&
      header.ci_uncompressed_size > std::max<uint64_t>(stored_ci.size * 4096ull, 16u << 20)) {
    return Corrupt(blob.blob_id, "CI array claims " + Num(header.ci_uncompressed_size) +
                                     " bytes from " + Num(stored_ci.size) + " compressed bytes");
  }
  if (algo.value() == Compression::kNone) {
    if (stored_ci.size != plain_size) {
      return Corrupt(blob.blob_id, "uncompressed CI array of " + Num(stored_ci.size) +
                                       " bytes, expected " + Num(plain_size));
    }
    meta->area_.assign(stored_ci.data, stored_ci.data + stored_ci.size);
  } else {
    Result<std::vector<uint8_t>> plain = Decompress(algo.value(), stored_ci, plain_size);
    if (!plain.ok()) {
      return Status(plain.status().error_number() == ENOMEM ? ENOMEM : EIO,
                    "blob " + blob.blob_id + ": blob meta: decompressing the CI array: " +
                        plain.status().message());
    }
    meta->area_ = std::move(plain).value();
  }
  return meta;
}

Result<ChunkInfoEntry> BlobMeta::Get(uint32_t index) const {
  if (index >= header_.ci_entries) {
    return Corrupt(blob_id_, "chunk index " + Num(index) + " out of range (" +
                                 Num(header_.ci_entries) + " entries)");
  }
  const size_t entry_size = header_.is_v2() ? kChunkInfoV2Size : kChunkInfoV1Size;
  // Validate() guaranteed entries * size <= area size.
  const uint8_t* p = area_.data() + size_t{index} * entry_size;
  ChunkInfoEntry e = header_.is_v2() ? DecodeChunkInfoV2(p) : DecodeChunkInfoV1(p);
  auto bad = [&](const std::string& what) {
    return Corrupt(blob_id_, "chunk " + Num(index) + " (compressed offset " +
                                 Num(e.compressed_offset) + "): " + what);
  };
  if (e.uncompressed_size == 0 || e.uncompressed_size > kMaxChunkSize) {
    return bad("uncompressed size " + Num(e.uncompressed_size) + " is out of range");
  }
  if (e.zran() && (header_.features & kBlobZran) == 0) return bad("ZRan chunk in a non-ZRan blob");
  if (e.batch() && (header_.features & kBlobBatch) == 0) return bad("batch chunk in a non-batch blob");
  if (e.compressed_size == 0 && !e.batch() && !e.zran()) return bad("compressed size is 0");
  if (!e.zran() &&
      (e.compressed_offset > compressed_data_size_ ||
       e.compressed_size > compressed_data_size_ - e.compressed_offset)) {
    return bad("compressed range [" + Num(e.compressed_offset) + ", +" + Num(e.compressed_size) +
               ") lies past the chunk data region (" + Num(compressed_data_size_) + " bytes)");
  }
  if (uncompressed_limit_ != 0 && (e.uncompressed_offset > uncompressed_limit_ ||
                                   e.uncompressed_size > uncompressed_limit_ - e.uncompressed_offset)) {
    return bad("uncompressed range [" + Num(e.uncompressed_offset) + ", +" +
               Num(e.uncompressed_size) + ") lies past the " + Num(uncompressed_limit_) +
               "-byte image");
  }
  if (!e.compressed() && !e.encrypted() && !e.batch() && !e.zran() &&
      e.compressed_size != e.uncompressed_size) {
    return bad("uncompressed chunk with compressed size " + Num(e.compressed_size) +
               " != uncompressed size " + Num(e.uncompressed_size));
  }
  if (e.has_crc32() && e.crc32() == 0) return bad("HAS_CRC32 with a zero CRC");
  return e;
}

Result<ByteView> BlobMeta::Context(uint32_t index, const char* kind) const {
  if (index >= header_.ci_zran_count) {
    return Corrupt(blob_id_, std::string(kind) + " context " + Num(index) + " out of range (" +
                                 Num(header_.ci_zran_count) + " contexts)");
  }
  // Validate() guaranteed the table lies inside area_.
  return ByteView(area_.data() + header_.ci_zran_offset + uint64_t{index} * kChunkContextSize,
                  kChunkContextSize);
}

Result<BatchContext> BlobMeta::GetBatch(uint32_t index) const {
  if ((header_.features & kBlobBatch) == 0) return Corrupt(blob_id_, "no batch context table");
  Result<ByteView> raw = Context(index, "batch");
  if (!raw.ok()) return raw.status();
  BatchContext ctx;
  ctx.compressed_size = LoadLe32(raw.value().data);
  ctx.uncompressed_size = LoadLe32(raw.value().data + 4);
  return ctx;
}

Result<ZranContext> BlobMeta::GetZran(uint32_t index) const {
  if ((header_.features & kBlobZran) == 0) return Corrupt(blob_id_, "no ZRan context table");
  Result<ByteView> raw = Context(index, "ZRan");
  if (!raw.ok()) return raw.status();
  const uint8_t* p = raw.value().data;
  ZranContext ctx;
  ctx.in_offset = LoadLe64(p);
  ctx.out_offset = LoadLe64(p + 8);
  ctx.dict_offset = LoadLe64(p + 16);
  ctx.in_len = LoadLe32(p + 24);
  ctx.out_len = LoadLe32(p + 28);
  ctx.dict_size = LoadLe32(p + 32);
  ctx.ctx_byte = p[36];
  ctx.ctx_bits = p[37];
  return ctx;
}

}  // namespace nydus::storage
