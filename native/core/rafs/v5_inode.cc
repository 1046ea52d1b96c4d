// RAFS v5 inode record, chunk record and xattr table decoding (rafs-format §3.7-3.9).
// Core layer (rafs). Offsets are computed in 64 bits from values bounded by the file size,
// and every byte range is checked against the region before it is read.
#include "rafs/v5_inode.h"

#include <sys/stat.h>

#include <cstring>
#include <string>

namespace nydus::rafs {
namespace {

constexpr uint64_t kInodeSize = 128;
constexpr uint64_t kChunkRecordSize = 80;
constexpr uint32_t kMaxNameSize = 256;

uint64_t Align8(uint64_t v) { return (v + 7) & ~uint64_t{7}; }

std::string Num(uint64_t v) { return std::to_string(v); }

Status Bad(uint64_t child_index, const std::string& what) {
  return Status(EIO, "inode " + Num(child_index) + ": " + what);
}

}  // namespace

bool V5Inode::is_dir() const { return S_ISDIR(mode_); }
bool V5Inode::is_reg() const { return S_ISREG(mode_); }
bool V5Inode::is_symlink() const { return S_ISLNK(mode_); }

Result<V5Inode> V5Inode::Decode(const ByteRegion& region, const V5Superblock& sb, uint64_t child_index) {
  Result<uint64_t> at = sb.RecordOffset(region, child_index);
  if (!at.ok()) return at.status();
  const uint64_t off = at.value();
  if (!region.Contains(off, kInodeSize)) {
    return Bad(child_index, "record at " + Num(off) + " beyond end of file");
  }
  const uint8_t* p = region.data() + off;
  V5Inode n;
  n.sb_ = &sb;
  n.child_index_ = child_index;
  n.parent_ = LoadLe64(p + 32);
  n.ino_ = LoadLe64(p + 40);
  n.uid_ = LoadLe32(p + 48);
  n.gid_ = LoadLe32(p + 52);
  n.mode_ = LoadLe32(p + 60);
  n.size_ = LoadLe64(p + 64);
  n.blocks_ = LoadLe64(p + 72);
  n.flags_ = LoadLe64(p + 80);
  n.nlink_ = LoadLe32(p + 88);
  n.child_start_ = LoadLe32(p + 92);
  n.child_count_ = LoadLe32(p + 96);
  const uint16_t name_size = LoadLe16(p + 100);
  const uint16_t symlink_size = LoadLe16(p + 102);
  n.rdev_ = LoadLe32(p + 104);
  n.mtime_nsec_ = LoadLe32(p + 108);
  n.mtime_ = LoadLe64(p + 112);

  const uint64_t entries = sb.inode_table_entries();
  if (n.ino_ == 0 || n.ino_ > entries) {
    return Bad(child_index, "i_ino " + Num(n.ino_) + " outside [1, " + Num(entries) + "]");
  }
  if (n.parent_ == 0 && n.ino_ != 1) return Bad(child_index, "parent 0 on a non-root inode");
  if (n.nlink_ == 0) return Bad(child_index, "nlink 0");
  // Some early v5 bootstraps store the root record (child index 1, i_ino 1) with an empty
  // name (issue 12); nydusd before v2.2 accepted any empty name, v2.2 and later refuse all.
  // The root is no directory's entry, so its name is never compared or listed: only it may
  // go without one.
  if (name_size == 0 && !(child_index == 1 && n.ino_ == 1)) return Bad(child_index, "name size 0");
  if (name_size > kMaxNameSize) return Bad(child_index, "name size " + Num(name_size) + " exceeds 256");
  const bool hardlink = n.is_reg() && n.nlink_ > 1;
  if (!hardlink && n.parent_ >= n.ino_) {
    return Bad(child_index, "parent " + Num(n.parent_) + " is not below i_ino " + Num(n.ino_));
  }
  if (n.parent_ > entries) return Bad(child_index, "parent " + Num(n.parent_) + " outside the inode table");
  if (n.is_dir() && n.child_count_ > 0) {
    const uint64_t last = uint64_t{n.child_start_} + n.child_count_ - 1;
    if (n.child_start_ <= n.ino_ || last > entries) {
      return Bad(child_index, "children [" + Num(n.child_start_) + ", +" + Num(n.child_count_) +
                                  ") not within (" + Num(n.ino_) + ", " + Num(entries) + "]");
    }
  }
  if (n.is_symlink() && symlink_size == 0) return Bad(child_index, "symlink size 0");

  // Name and symlink sizes are 16-bit, so these sums cannot overflow.
  uint64_t pos = off + kInodeSize;
  const uint64_t name_off = pos;
  pos += Align8(name_size);
  const uint64_t symlink_off = pos;
  pos += Align8(symlink_size);
  if (!region.Contains(off, pos - off)) return Bad(child_index, "name or symlink beyond end of file");
  n.name_ = std::string_view(reinterpret_cast<const char*>(region.data() + name_off), name_size);
  n.symlink_ = std::string_view(reinterpret_cast<const char*>(region.data() + symlink_off), symlink_size);

  if (n.flags_ & kV5InodeXattr) {
    if (!region.Contains(pos, 8)) return Bad(child_index, "xattr table beyond end of file");
    const uint64_t xattr_size = LoadLe64(region.data() + pos);
    // Check the unpadded size first so that Align8 cannot overflow.
    if (xattr_size > region.size() || !region.Contains(pos + 8, Align8(xattr_size))) {
      return Bad(child_index, "xattr table of " + Num(xattr_size) + " bytes beyond end of file");
    }
    n.xattrs_ = ByteView(region.data() + pos + 8, static_cast<size_t>(xattr_size));
    pos += 8 + Align8(xattr_size);
  }
  if (n.is_reg()) {
    if (!region.Contains(pos, kChunkRecordSize * n.child_count_)) {
      return Bad(child_index, Num(n.child_count_) + " chunk records beyond end of file");
    }
    n.chunks_ = region.data() + pos;
  }
  return n;
}

Result<V5Chunk> V5Inode::Chunk(uint32_t k) const {
  if (k >= chunk_count()) {
    return Status(EINVAL, "inode " + Num(child_index_) + ": no chunk " + Num(k));
  }
  const uint8_t* c = chunks_ + kChunkRecordSize * k;
  V5Chunk out;
  storage::ChunkRef& r = out.ref;
  std::memcpy(r.digest.data(), c, r.digest.size());
  r.blob_index = LoadLe32(c + 32);
  r.flags = LoadLe32(c + 36);
  r.compressed_size = LoadLe32(c + 40);
  r.uncompressed_size = LoadLe32(c + 44);
  r.compressed_offset = LoadLe64(c + 48);
  r.uncompressed_offset = LoadLe64(c + 56);
  out.file_offset = LoadLe64(c + 64);
  r.index = LoadLe32(c + 72);
  r.crc32 = LoadLe32(c + 76);
  r.has_details = true;

  const auto bad = [&](const std::string& what) {
    return Bad(child_index_, "chunk " + Num(k) + ": " + what);
  };
  const auto& blobs = sb_->info().blobs;
  if (r.blob_index >= blobs.size()) {
    return bad("blob index " + Num(r.blob_index) + " out of range (" + Num(blobs.size()) + " blobs)");
  }
  if (r.uncompressed_size == 0 || r.uncompressed_size > sb_->chunk_size()) {
    return bad("uncompressed size " + Num(r.uncompressed_size) + " not in [1, " + Num(sb_->chunk_size()) + "]");
  }
  if (r.compressed_size == 0) return bad("compressed size 0");
  // Stored raw means the stored bytes are the plain bytes.
  if (!(r.flags & (storage::kChunkCompressed | storage::kChunkEncrypted)) &&
      r.compressed_size != r.uncompressed_size) {
    return bad("uncompressed chunk with compressed size " + Num(r.compressed_size) +
               " != uncompressed size " + Num(r.uncompressed_size));
  }
  if (out.file_offset > UINT64_MAX - r.uncompressed_size ||
      r.uncompressed_offset > UINT64_MAX - r.uncompressed_size ||
      r.compressed_offset > UINT64_MAX - r.compressed_size) {
    return bad("offset overflows");
  }
  const storage::BlobInfo& blob = blobs[r.blob_index];
  if (blob.chunk_count != 0 && r.index >= blob.chunk_count) {
    return bad("chunk index " + Num(r.index) + " beyond the blob's " + Num(blob.chunk_count) + " chunks");
  }
  if (blob.compressed_size != 0 && r.compressed_offset + r.compressed_size > blob.compressed_size) {
    return bad("stored range beyond the " + Num(blob.compressed_size) + "-byte blob");
  }
  if (blob.uncompressed_size != 0 && r.uncompressed_offset + r.uncompressed_size > blob.uncompressed_size) {
    return bad("uncompressed range beyond the blob's " + Num(blob.uncompressed_size) + "-byte image");
  }
  return out;
}

Status V5Inode::ForEachXattr(const std::function<bool(std::string_view, std::string_view)>& fn) const {
  const uint8_t* d = xattrs_.data;
  const size_t n = xattrs_.size;
  size_t at = 0;
  while (at < n) {
    if (n - at < 4) return Bad(child_index_, "xattr pair header beyond the xattr table");
    const uint32_t pair_size = LoadLe32(d + at);
    at += 4;
    if (pair_size > n - at) {
      return Bad(child_index_, "xattr pair of " + Num(pair_size) + " bytes overruns the " + Num(n) +
                                   "-byte xattr table");
    }
    const uint8_t* body = d + at;
    at += pair_size;
    const void* nul = pair_size == 0 ? nullptr : std::memchr(body, 0, pair_size);
    if (nul == nullptr) continue;  // §3.8: a pair without a NUL is skipped
    const size_t name_len = static_cast<size_t>(static_cast<const uint8_t*>(nul) - body);
    const std::string_view name(reinterpret_cast<const char*>(body), name_len);
    const std::string_view value(reinterpret_cast<const char*>(body) + name_len + 1, pair_size - name_len - 1);
    if (!fn(name, value)) break;
  }
  return Status::Ok();
}

}  // namespace nydus::rafs
