// RAFS v6 superblock, extended superblock, device table, blob table and prefetch table
// decoding with the nydus validation rules (rafs-format §4.2-4.5, §4.14, §4.15). Core layer.
#include "rafs/v6_superblock.h"

#include <string>
#include <string_view>
#include <unordered_set>
#include <utility>

namespace nydus::rafs {
namespace {

constexpr uint64_t kSuperOffset = 1024;
constexpr uint64_t kExtSuperOffset = 1152;
constexpr uint64_t kExtSuperSize = 256;
constexpr uint32_t kErofsMagic = 0xE0F5E1E2;
constexpr uint32_t kFeatureCompatRafsV6 = 0x4000'0000;
constexpr uint32_t kFeatureIncompatNydus = 0x0000'000C;  // CHUNKED_FILE | DEVICE_TABLE
constexpr uint16_t kDevtSlotOff = 11;
constexpr uint64_t kDeviceSlotSize = 128;
constexpr uint64_t kBlobEntrySize = 256;
constexpr uint64_t kChunkRecordSize = 80;
constexpr uint64_t kValidSuperFlags = 0xFF00'03FF;
constexpr uint64_t kCompressionBits =
    kSuperCompressionNone | kSuperCompressionLz4 | kSuperCompressionGzip | kSuperCompressionZstd;
constexpr uint64_t kHashBits = kSuperHashBlake3 | kSuperHashSha256;
constexpr uint32_t kMinChunkSize = 0x1000;
constexpr uint32_t kMaxChunkSize = 0x100'0000;
constexpr uint32_t kMaxChunksPerBlob = 1u << 24;
constexpr uint64_t kMaxCompressedBlobSize = 1ull << 40;
constexpr uint64_t kMaxUncompressedBlobSize = 1ull << 44;
constexpr uint32_t kMaxCipherAlgo = 3;  // 0 none, 1 aes128xts, 2 aes256xts, 3 aes256gcm

Status Corrupt(const std::string& what) { return Status(EIO, "RAFS v6 " + what); }

std::string Num(uint64_t v) { return std::to_string(v); }

std::string Hex(uint64_t v) {
  static const char kDigits[] = "0123456789abcdef";
  std::string out;
  do {
    out.insert(out.begin(), kDigits[v & 15]);
    v >>= 4;
  } while (v != 0);
  return "0x" + out;
}

int PopCount(uint64_t v) {
  int n = 0;
  for (; v != 0; v &= v - 1) ++n;
  return n;
}

// Strict UTF-8 (no overlongs, no surrogates, nothing above U+10FFFF).
bool IsValidUtf8(std::string_view s) {
  size_t i = 0;
  while (i < s.size()) {
    const auto c = static_cast<uint8_t>(s[i]);
    size_t extra = 0;
    uint32_t cp = 0;
    if (c < 0x80) {
      ++i;
      continue;
    } else if ((c & 0xE0) == 0xC0) {
      extra = 1;
      cp = c & 0x1F;
    } else if ((c & 0xF0) == 0xE0) {
      extra = 2;
      cp = c & 0x0F;
    } else if ((c & 0xF8) == 0xF0) {
      extra = 3;
      cp = c & 0x07;
    } else {
      return false;
    }
    if (s.size() - i <= extra) return false;
    for (size_t k = 1; k <= extra; ++k) {
      const auto cc = static_cast<uint8_t>(s[i + k]);
      if ((cc & 0xC0) != 0x80) return false;
      cp = (cp << 6) | (cc & 0x3F);
    }
    static const uint32_t kMin[] = {0, 0x80, 0x800, 0x10000};
    if (cp < kMin[extra] || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) return false;
    i += extra + 1;
  }
  return true;
}

// A 64-byte NUL-padded id (device tag or blob id) with its trailing NULs stripped.
Result<std::string> DecodeId(const uint8_t* p, const std::string& where) {
  size_t len = 64;
  while (len > 0 && p[len - 1] == 0) --len;
  std::string id(reinterpret_cast<const char*>(p), len);
  if (id.empty()) return Corrupt(where + ": empty blob id");
  if (!IsValidUtf8(id)) return Corrupt(where + ": blob id is not valid UTF-8");
  return id;
}

struct Table {
  const char* name;
  uint64_t offset;
  uint64_t size;
};

// Every nydus table lies inside the file, after the device table, and overlaps no other.
Status CheckTables(const Table* tables, size_t n, uint64_t file_size, uint64_t devt_end) {
  for (size_t i = 0; i < n; ++i) {
    const Table& t = tables[i];
    if (t.size == 0) continue;
    if (t.offset > file_size || t.size > file_size - t.offset) {
      return Corrupt("extended superblock: " + std::string(t.name) + " [" + Num(t.offset) + ", +" +
                     Num(t.size) + ") lies outside the " + Num(file_size) + "-byte file");
    }
    if (t.offset < devt_end) {
      return Corrupt("extended superblock: " + std::string(t.name) + " at " + Num(t.offset) +
                     " overlaps the superblocks / device table (which end at " + Num(devt_end) + ")");
    }
    for (size_t j = 0; j < i; ++j) {
      const Table& u = tables[j];
      if (u.size == 0) continue;
      if (t.offset < u.offset + u.size && u.offset < t.offset + t.size) {
        return Corrupt("extended superblock: " + std::string(t.name) + " overlaps the " + u.name);
      }
    }
  }
  return Status::Ok();
}

// Chunk-info ("blob meta") size consistency (rafs-format §4.5).
Status CheckChunkInfoSizes(const storage::BlobInfo& b, bool tarfs, const std::string& where) {
  if (b.ci_compressed_size > b.ci_uncompressed_size) {
    return Corrupt(where + ": ci_compressed_size " + Num(b.ci_compressed_size) +
                   " exceeds ci_uncompressed_size " + Num(b.ci_uncompressed_size));
  }
  const bool v2 = (b.features & storage::kBlobChunkInfoV2) != 0;
  const bool extended =
      (b.features & (storage::kBlobBatch | storage::kBlobZran | storage::kBlobEncrypted)) != 0;
  const uint64_t count = b.chunk_count;
  if (v2 && extended) {
    if (b.ci_uncompressed_size < 24 * count) {
      return Corrupt(where + ": ci_uncompressed_size " + Num(b.ci_uncompressed_size) +
                     " is smaller than 24 x " + Num(count) + " chunks");
    }
  } else if (v2) {
    if (b.ci_uncompressed_size != 24 * count) {
      return Corrupt(where + ": ci_uncompressed_size " + Num(b.ci_uncompressed_size) +
                     " is not 24 x " + Num(count) + " chunks (chunk info v2)");
    }
  } else if (extended) {
    return Corrupt(where + ": BATCH/ZRAN/ENCRYPTED features " + Hex(b.features) +
                   " without CHUNK_INFO_V2");
  } else if (!tarfs && (b.features & storage::kBlobChunkDict) == 0) {
    if (b.ci_uncompressed_size != 16 * count) {
      return Corrupt(where + ": ci_uncompressed_size " + Num(b.ci_uncompressed_size) +
                     " is not 16 x " + Num(count) + " chunks (chunk info v1)");
    }
  }
  return Status::Ok();
}

Result<storage::BlobInfo> DecodeBlob(const uint8_t* p, uint32_t position, uint32_t chunk_size,
                                     bool tarfs) {
  const std::string where = "blob table entry " + Num(position);
  storage::BlobInfo b;
  auto id = DecodeId(p, where);
  if (!id.ok()) return id.status();
  b.blob_id = std::move(id).value();
  b.index = LoadLe32(p + 64);
  if (b.index != position) return Corrupt(where + ": blob_index " + Num(b.index) + " is not its position");
  b.chunk_size = LoadLe32(p + 68);
  if (b.chunk_size != chunk_size) {
    return Corrupt(where + ": chunk_size " + Num(b.chunk_size) + " differs from the superblock's " +
                   Num(chunk_size));
  }
  b.chunk_count = LoadLe32(p + 72);
  if (b.chunk_count > kMaxChunksPerBlob) {
    return Corrupt(where + ": chunk_count " + Num(b.chunk_count) + " exceeds 2^24");
  }
  auto compression = storage::CompressionFromId(LoadLe32(p + 76));
  if (!compression.ok()) {
    return Corrupt(where + ": unknown compression_algo " + Num(LoadLe32(p + 76)));
  }
  b.compression = compression.value();
  auto digest = storage::DigestFromId(LoadLe32(p + 80));
  if (!digest.ok()) return Corrupt(where + ": unknown digest_algo " + Num(LoadLe32(p + 80)));
  b.digest = digest.value();
  b.features = LoadLe32(p + 84);
  const bool aligned = (b.features & storage::kBlobAligned) != 0;
  if (!tarfs && !aligned) return Corrupt(where + ": features " + Hex(b.features) + " lack ALIGNED");
  if (tarfs && aligned) return Corrupt(where + ": tarfs blob has the ALIGNED feature");
  b.compressed_size = LoadLe64(p + 88);
  if (b.compressed_size > kMaxCompressedBlobSize) {
    return Corrupt(where + ": compressed_size " + Num(b.compressed_size) + " exceeds 2^40");
  }
  b.uncompressed_size = LoadLe64(p + 96);
  if (b.uncompressed_size > kMaxUncompressedBlobSize) {
    return Corrupt(where + ": uncompressed_size " + Num(b.uncompressed_size) + " exceeds 2^44");
  }
  b.toc_size = LoadLe32(p + 104);
  b.ci_compressor = LoadLe32(p + 108);
  if (!storage::CompressionFromId(b.ci_compressor).ok()) {
    return Corrupt(where + ": unknown ci_compressor " + Num(b.ci_compressor));
  }
  b.ci_offset = LoadLe64(p + 112);
  b.ci_compressed_size = LoadLe64(p + 120);
  b.ci_uncompressed_size = LoadLe64(p + 128);
  for (size_t i = 0; i < storage::kDigestSize; ++i) b.toc_digest[i] = p[136 + i];
  b.cipher = LoadLe32(p + 216);
  if (b.cipher > kMaxCipherAlgo) return Corrupt(where + ": unknown cipher_algo " + Num(b.cipher));
  Status s = CheckChunkInfoSizes(b, tarfs, where);
  if (!s.ok()) return s;
  return b;
}

}  // namespace

Result<V6Superblock> V6Superblock::Decode(const ByteRegion& bytes) {
  const uint64_t file_size = bytes.size();
  if (!bytes.Contains(kExtSuperOffset, kExtSuperSize)) {
    return Corrupt("bootstrap of " + Num(file_size) +
                   " bytes is too small for the superblock and extended superblock");
  }
  const uint8_t* sb = bytes.data() + kSuperOffset;
  const uint8_t* ext = bytes.data() + kExtSuperOffset;

  if (LoadLe32(sb) != kErofsMagic) return Corrupt("superblock: bad magic " + Hex(LoadLe32(sb)));
  if (LoadLe32(sb + 4) != 0) return Corrupt("superblock: s_checksum " + Hex(LoadLe32(sb + 4)) + " is not 0");
  const uint32_t compat = LoadLe32(sb + 8);
  if ((compat & kFeatureCompatRafsV6) == 0) {
    return Corrupt("superblock: s_feature_compat " + Hex(compat) + " lacks RAFS_V6 (0x40000000)");
  }
  const uint32_t blkszbits = sb[12];
  if (sb[13] != 0) return Corrupt("superblock: s_extslots " + Num(sb[13]) + " is not 0");
  const uint16_t root_nid = LoadLe16(sb + 14);
  const uint64_t inos = LoadLe64(sb + 16);
  if (inos == 0) return Corrupt("superblock: s_inos is 0");
  const uint32_t blocks = LoadLe32(sb + 36);
  const uint32_t meta_blkaddr = LoadLe32(sb + 40);
  const uint32_t xattr_blkaddr = LoadLe32(sb + 44);
  if (xattr_blkaddr != 0) {
    return Status(ENOTSUP, "RAFS v6 superblock: s_xattr_blkaddr " + Num(xattr_blkaddr) +
                               " is not 0 (shared xattrs are unsupported)");
  }
  const uint32_t incompat = LoadLe32(sb + 80);
  if (incompat != kFeatureIncompatNydus) {
    return Corrupt("superblock: s_feature_incompat " + Hex(incompat) + " is not 0xc");
  }
  if (LoadLe16(sb + 84) != 0) return Corrupt("superblock: s_u " + Num(LoadLe16(sb + 84)) + " is not 0");
  const uint16_t extra_devices = LoadLe16(sb + 86);
  const uint16_t devt_slotoff = LoadLe16(sb + 88);
  if (devt_slotoff != kDevtSlotOff) {
    return Corrupt("superblock: s_devt_slotoff " + Num(devt_slotoff) + " is not 11");
  }
  if (extra_devices == 0 && blocks != 0 && blocks != 4096) {
    return Corrupt("superblock: s_blocks " + Num(blocks) + " with no extra devices (expected 0 or 4096)");
  }

  const uint64_t flags = LoadLe64(ext);
  if ((flags & ~kValidSuperFlags) != 0) {
    return Corrupt("extended superblock: s_flags " + Hex(flags) + " has unknown bits " +
                   Hex(flags & ~kValidSuperFlags));
  }
  if (PopCount(flags & kCompressionBits) != 1) {
    return Corrupt("extended superblock: s_flags " + Hex(flags) + " must have exactly one compression bit");
  }
  if (PopCount(flags & kHashBits) != 1) {
    return Corrupt("extended superblock: s_flags " + Hex(flags) + " must have exactly one hash bit");
  }
  const bool tarfs = (flags & kSuperTarfsMode) != 0;
  if (blkszbits != (tarfs ? 9u : 12u)) {
    return Corrupt("superblock: s_blkszbits " + Num(blkszbits) + (tarfs ? " is not 9 (tarfs mode)" : " is not 12"));
  }
  const uint64_t block_size = 1ull << blkszbits;
  if (file_size < 4096 || file_size % block_size != 0) {
    return Corrupt("bootstrap size " + Num(file_size) + " is below 4096 or not a multiple of the " +
                   Num(block_size) + "-byte block");
  }
  const uint64_t meta_base = static_cast<uint64_t>(meta_blkaddr) << blkszbits;
  if (meta_base > file_size) {
    return Corrupt("superblock: s_meta_blkaddr " + Num(meta_blkaddr) + " lies beyond the " +
                   Num(file_size) + "-byte file");
  }
  const uint64_t devt_off = devt_slotoff * kDeviceSlotSize;
  const uint64_t devt_end = devt_off + extra_devices * kDeviceSlotSize;
  if (devt_end > file_size) {
    return Corrupt("superblock: device table of " + Num(extra_devices) + " slots ends at " +
                   Num(devt_end) + ", beyond the " + Num(file_size) + "-byte file");
  }

  const uint64_t blob_table_offset = LoadLe64(ext + 8);
  const uint32_t blob_table_size = LoadLe32(ext + 16);
  const uint32_t chunk_size = LoadLe32(ext + 20);
  const uint64_t chunk_table_offset = LoadLe64(ext + 24);
  const uint64_t chunk_table_size = LoadLe64(ext + 32);
  uint64_t prefetch_table_offset = LoadLe64(ext + 40);
  const uint32_t prefetch_table_size = LoadLe32(ext + 48);

  if (blob_table_offset % 4096 != 0 || blob_table_offset < 4096) {
    return Corrupt("extended superblock: s_blob_table_offset " + Num(blob_table_offset) +
                   " is not a non-zero multiple of 4096");
  }
  if (blob_table_size % kBlobEntrySize != 0) {
    return Corrupt("extended superblock: s_blob_table_size " + Num(blob_table_size) +
                   " is not a multiple of 256");
  }
  if (chunk_size < kMinChunkSize || chunk_size > kMaxChunkSize || (chunk_size & (chunk_size - 1)) != 0) {
    return Corrupt("extended superblock: s_chunk_size " + Hex(chunk_size) +
                   " is not a power of two in [4 KiB, 16 MiB]");
  }
  if (chunk_table_size > 0 && chunk_table_offset % 4096 != 0) {
    return Corrupt("extended superblock: s_chunk_table_offset " + Num(chunk_table_offset) +
                   " is not a multiple of 4096");
  }
  if (chunk_table_size % kChunkRecordSize != 0) {
    return Corrupt("extended superblock: s_chunk_table_size " + Num(chunk_table_size) +
                   " is not a multiple of 80");
  }
  // Legacy images: a size with offset 0 means no prefetch table (rafs-format §4.14).
  const uint64_t prefetch_bytes = prefetch_table_offset == 0 ? 0 : prefetch_table_size;
  if (prefetch_bytes % 4 != 0) {
    return Corrupt("extended superblock: s_prefetch_table_size " + Num(prefetch_bytes) +
                   " is not a multiple of 4");
  }
  const Table tables[] = {{"blob table", blob_table_offset, blob_table_size},
                          {"chunk table", chunk_table_offset, chunk_table_size},
                          {"prefetch table", prefetch_table_offset, prefetch_bytes}};
  Status s = CheckTables(tables, 3, file_size, devt_end);
  if (!s.ok()) return s;

  V6Superblock out;
  out.blkszbits_ = blkszbits;
  out.tarfs_ = tarfs;
  out.build_time_ = LoadLe64(sb + 24);
  out.build_time_nsec_ = LoadLe32(sb + 32);
  out.meta_base_ = meta_base;
  out.nid_limit_ = (file_size - meta_base) / 32;
  out.chunk_table_offset_ = chunk_table_offset;
  out.chunk_table_size_ = chunk_table_size;

  SuperInfo& info = out.info_;
  info.version = Version::kV6;
  info.flags = flags;
  info.compression = CompressionFromSuperFlags(flags);
  info.digest = DigestFromSuperFlags(flags);
  info.chunk_size = chunk_size;
  info.block_size = static_cast<uint32_t>(block_size);
  info.inodes_count = inos;
  info.root_ino = root_nid;
  info.bootstrap_size = file_size;
  info.fields = {{"blkszbits", blkszbits},
                 {"root_nid", root_nid},
                 {"inos", inos},
                 {"blocks", blocks},
                 {"meta_blkaddr", meta_blkaddr},
                 {"xattr_blkaddr", xattr_blkaddr},
                 {"feature_compat", compat},
                 {"feature_incompat", incompat},
                 {"extra_devices", extra_devices},
                 {"devt_slotoff", devt_slotoff},
                 {"blob_table_offset", blob_table_offset},
                 {"blob_table_size", blob_table_size},
                 {"chunk_table_offset", chunk_table_offset},
                 {"chunk_table_size", chunk_table_size},
                 {"prefetch_table_offset", prefetch_table_offset},
                 {"prefetch_table_size", prefetch_table_size}};

  // Blob table; each blob index k also owns device slot k (EROFS device id k + 1).
  const uint32_t blob_count = blob_table_size / kBlobEntrySize;
  if (extra_devices != 0 && extra_devices != blob_count) {
    return Corrupt("superblock: s_extra_devices " + Num(extra_devices) + " differs from the " +
                   Num(blob_count) + " blob table entries");
  }
  std::unordered_set<std::string> blob_ids;
  std::unordered_set<std::string> device_tags;
  info.blobs.reserve(blob_count);
  for (uint32_t i = 0; i < blob_count; ++i) {
    auto blob = DecodeBlob(bytes.data() + blob_table_offset + i * kBlobEntrySize, i, chunk_size, tarfs);
    if (!blob.ok()) return blob.status();
    storage::BlobInfo b = std::move(blob).value();
    if (!blob_ids.insert(b.blob_id).second) {
      return Corrupt("blob table entry " + Num(i) + ": duplicate blob id " + b.blob_id);
    }
    if (i < extra_devices) {
      const uint8_t* slot = bytes.data() + devt_off + i * kDeviceSlotSize;
      const std::string where = "device slot " + Num(i);
      auto tag = DecodeId(slot, where);
      if (!tag.ok()) return tag.status();
      if (!device_tags.insert(tag.value()).second) {
        return Corrupt(where + ": duplicate blob id " + tag.value());
      }
      b.device_blocks = LoadLe32(slot + 64);
      if (b.device_blocks == 0) return Corrupt(where + ": blocks is 0");
      b.mapped_blkaddr = LoadLe32(slot + 68);
    }
    info.blobs.push_back(std::move(b));
  }

  // Prefetch table: nids up to the first 0.
  for (uint64_t off = 0; off < prefetch_bytes; off += 4) {
    const uint32_t nid = LoadLe32(bytes.data() + prefetch_table_offset + off);
    if (nid == 0) break;
    info.prefetch.push_back(nid);
  }
  return out;
}

}  // namespace nydus::rafs
