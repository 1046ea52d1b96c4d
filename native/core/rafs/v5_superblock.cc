// RAFS v5 superblock validation and table decoding (rafs-format §3.2-3.6). Core layer.
// Every field is read with explicit little-endian loads from bounds-checked offsets.
#include "rafs/v5_superblock.h"

#include <string>
#include <utility>

namespace nydus::rafs {
namespace {

constexpr uint32_t kMagic = 0x52414653;
constexpr uint32_t kVersion = 0x500;
constexpr uint64_t kValidFlags = 0xFF00'03FF;
constexpr uint64_t kMaxDirectSize = 0x8000'0000;  // 2 GiB, direct (mapped) mode limit
constexpr uint32_t kMinChunkSize = 0x1000;
constexpr uint32_t kMaxChunkSize = 0x100'0000;
constexpr uint64_t kExtEntrySize = 64;
// Blob feature bits a v5 extended table may carry (storage §1.13); others are masked off.
constexpr uint32_t kKnownBlobFeatures = 0x7000'0FFF;
// Far above any real image (one blob per layer); bounds the memory a hostile table costs.
constexpr size_t kMaxBlobs = 65536;
// Inode table slots hold offset / 8; a record lies after the superblock and below 4 GiB.
constexpr uint32_t kMinSlot = 1024;
constexpr uint32_t kMaxSlot = 1u << 29;

Status Corrupt(const std::string& what) { return Status(EIO, "RAFS v5 superblock: " + what); }

std::string Num(uint64_t v) { return std::to_string(v); }

// A byte range of the file; sizes are products of 32-bit counts and small constants, so
// start + size never overflows once start has been checked against the file size.
struct Range {
  uint64_t start = 0;
  uint64_t size = 0;
  uint64_t end() const { return start + size; }
};

bool Overlaps(const Range& a, const Range& b) {
  return a.size != 0 && b.size != 0 && a.start < b.end() && b.start < a.end();
}

// §3.2: every table lies in [8192, file_size) and starts on an 8-byte boundary.
Status CheckTable(const char* what, const Range& r, uint64_t file_size) {
  if (r.start % 8 != 0) {
    return Corrupt(std::string(what) + " offset " + Num(r.start) + " is not a multiple of 8");
  }
  if (r.start < kV5SuperblockSize || r.start > file_size || r.size > file_size - r.start) {
    return Corrupt(std::string(what) + " [" + Num(r.start) + ", +" + Num(r.size) +
                   ") lies outside [8192, " + Num(file_size) + ")");
  }
  return Status::Ok();
}

Status CheckDisjoint(const char* what, const Range& r, const char* other, const Range& o) {
  if (Overlaps(r, o)) return Corrupt(std::string(what) + " overlaps the " + other);
  return Status::Ok();
}

// §3.5, replicated exactly: entries of (u32 ra_offset, u32 ra_size, id bytes, NUL), the
// last one without its NUL, then zero padding that the `> 8` loop condition absorbs.
Result<std::vector<storage::BlobInfo>> ParseBlobTable(ByteView buf, const SuperInfo& info) {
  std::vector<storage::BlobInfo> blobs;
  size_t at = 0;
  while (buf.size - at > 8) {
    if (blobs.size() == kMaxBlobs) return Corrupt("blob table holds more than " + Num(kMaxBlobs) + " blobs");
    const uint8_t* p = buf.data + at;
    const size_t len = buf.size - at;
    size_t pos = 8;
    while (pos < len && p[pos] != 0) ++pos;
    std::string id(reinterpret_cast<const char*>(p + 8), pos - 8);
    while (!id.empty() && id.back() == '\0') id.pop_back();
    storage::BlobInfo blob;
    blob.index = static_cast<uint32_t>(blobs.size());
    blob.blob_id = std::move(id);
    blob.compression = info.compression;
    blob.digest = info.digest;
    blob.chunk_size = info.chunk_size;
    blob.readahead_offset = LoadLe32(p);
    blob.readahead_size = LoadLe32(p + 4);
    blobs.push_back(std::move(blob));
    at += pos < len ? pos + 1 : pos;
  }
  return blobs;
}

}  // namespace

Result<V5Superblock> V5Superblock::Parse(const ByteRegion& region) {
  const uint64_t file_size = region.size();
  if (file_size <= kV5SuperblockSize) {
    return Corrupt("file is " + Num(file_size) + " bytes, not larger than the 8192-byte superblock");
  }
  if (file_size % 8 != 0 || file_size > kMaxDirectSize) {
    return Corrupt("file size " + Num(file_size) + " is not a multiple of 8 up to 2 GiB");
  }
  const uint8_t* sb = region.data();
  if (LoadLe32(sb) != kMagic) return Corrupt("bad magic");
  if (LoadLe32(sb + 4) != kVersion) return Corrupt("version " + Num(LoadLe32(sb + 4)) + " is not 0x500");
  if (LoadLe32(sb + 8) != kV5SuperblockSize) return Corrupt("sb_size " + Num(LoadLe32(sb + 8)) + " is not 8192");
  const uint32_t chunk_size = LoadLe32(sb + 12);
  if (chunk_size < kMinChunkSize || chunk_size > kMaxChunkSize || (chunk_size & (chunk_size - 1)) != 0) {
    return Corrupt("chunk size " + Num(chunk_size) + " is not a power of two in [4096, 16 MiB]");
  }
  const uint64_t flags = LoadLe64(sb + 16);
  if ((flags & ~kValidFlags) != 0) return Corrupt("unknown flags in " + Num(flags));

  V5Superblock out;
  SuperInfo& info = out.info_;
  info.version = Version::kV5;
  info.flags = flags;
  info.compression = CompressionFromSuperFlags(flags);
  info.digest = DigestFromSuperFlags(flags);
  info.chunk_size = chunk_size;
  info.block_size = 0;
  info.inodes_count = LoadLe64(sb + 24);
  info.root_ino = 1;
  info.bootstrap_size = file_size;

  const uint64_t inode_table_offset = LoadLe64(sb + 32);
  const uint64_t prefetch_offset = LoadLe64(sb + 40);
  const uint64_t blob_table_offset = LoadLe64(sb + 48);
  const uint32_t inode_entries = LoadLe32(sb + 56);
  const uint32_t prefetch_entries = LoadLe32(sb + 60);
  const uint32_t blob_table_size = LoadLe32(sb + 64);
  const uint32_t ext_entries = LoadLe32(sb + 68);
  const uint64_t ext_offset = LoadLe64(sb + 72);

  const Range inodes{inode_table_offset, 4ull * inode_entries};
  if (inode_entries == 0) return Corrupt("inode table has no entries (no root inode)");
  if (info.inodes_count > inode_entries) {
    return Corrupt("inodes_count " + Num(info.inodes_count) + " exceeds the " + Num(inode_entries) +
                   " inode table entries");
  }
  if (Status s = CheckTable("inode table", inodes, file_size); !s.ok()) return s;

  const Range blob_table{blob_table_offset, blob_table_size};
  if (Status s = CheckTable("blob table", blob_table, file_size); !s.ok()) return s;
  if (Status s = CheckDisjoint("blob table", blob_table, "inode table", inodes); !s.ok()) return s;

  const Range ext{ext_offset, kExtEntrySize * ext_entries};
  if (ext_entries > 0) {
    if (Status s = CheckTable("extended blob table", ext, file_size); !s.ok()) return s;
    if (Status s = CheckDisjoint("extended blob table", ext, "inode table", inodes); !s.ok()) return s;
    if (Status s = CheckDisjoint("extended blob table", ext, "blob table", blob_table); !s.ok()) return s;
  }
  const Range prefetch{prefetch_offset, 4ull * prefetch_entries};
  if (prefetch_entries > 0) {
    if (Status s = CheckTable("prefetch table", prefetch, file_size); !s.ok()) return s;
    if (Status s = CheckDisjoint("prefetch table", prefetch, "inode table", inodes); !s.ok()) return s;
    if (Status s = CheckDisjoint("prefetch table", prefetch, "blob table", blob_table); !s.ok()) return s;
    if (ext_entries > 0) {
      if (Status s = CheckDisjoint("prefetch table", prefetch, "extended blob table", ext); !s.ok()) return s;
    }
  }

  Result<std::vector<storage::BlobInfo>> blobs =
      ParseBlobTable(ByteView(region.data() + blob_table.start, blob_table.size), info);
  if (!blobs.ok()) return blobs.status();
  info.blobs = std::move(blobs).value();
  if (ext_entries > 0) {
    if (ext_entries < info.blobs.size()) {
      return Corrupt("extended blob table has " + Num(ext_entries) + " entries for " +
                     Num(info.blobs.size()) + " blobs");
    }
    for (storage::BlobInfo& blob : info.blobs) {
      const uint8_t* e = region.data() + ext.start + kExtEntrySize * blob.index;
      blob.chunk_count = LoadLe32(e);
      blob.features = LoadLe32(e + 4) & kKnownBlobFeatures;
      blob.uncompressed_size = LoadLe64(e + 8);
      blob.compressed_size = LoadLe64(e + 16);
    }
  } else {
    for (storage::BlobInfo& blob : info.blobs) blob.features = storage::kBlobV5NoExtTable;
  }

  for (uint32_t i = 0; i < prefetch_entries; ++i) {
    const uint32_t ino = LoadLe32(region.data() + prefetch.start + 4ull * i);
    if (ino == 0) break;
    info.prefetch.push_back(ino);
  }

  info.fields = {
      {"sb_size", kV5SuperblockSize},
      {"block_size", chunk_size},
      {"inode_table_offset", inode_table_offset},
      {"inode_table_entries", inode_entries},
      {"prefetch_table_offset", prefetch_offset},
      {"prefetch_table_entries", prefetch_entries},
      {"blob_table_offset", blob_table_offset},
      {"blob_table_size", blob_table_size},
      {"extended_blob_table_offset", ext_offset},
      {"extended_blob_table_entries", ext_entries},
  };
  out.inode_table_offset_ = inode_table_offset;
  out.inode_table_entries_ = inode_entries;
  return out;
}

Result<uint64_t> V5Superblock::RecordOffset(const ByteRegion& region, uint64_t child_index) const {
  if (child_index == 0 || child_index > inode_table_entries_) {
    return Status(ENOENT, "inode " + Num(child_index) + " is outside the inode table [1, " +
                              Num(inode_table_entries_) + "]");
  }
  // The table range was checked against the file in Parse.
  const uint32_t slot = LoadLe32(region.data() + inode_table_offset_ + 4 * (child_index - 1));
  if (slot <= kMinSlot || slot >= kMaxSlot) {
    return Status(EIO, "inode " + Num(child_index) + ": inode table slot " + Num(slot) +
                           " is not a record offset (must be in (1024, 2^29))");
  }
  return static_cast<uint64_t>(slot) << 3;
}

}  // namespace nydus::rafs
