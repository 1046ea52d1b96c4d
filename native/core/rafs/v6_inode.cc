// RAFS v6 inode decoding, FLAT data-block location and inline xattr parsing
// (rafs-format §4.6-4.8). Core layer (rafs).
#include "rafs/v6_inode.h"

#include <sys/stat.h>

#include <cstdio>
#include <string>

namespace nydus::rafs {
namespace {

constexpr uint16_t kFormatBits = 0x000F;  // bit 0: extended; bits 1..3: data layout

std::string NidWhere(uint64_t nid) { return "RAFS v6 nid " + std::to_string(nid); }

bool KnownFileType(uint32_t mode) {
  switch (mode & S_IFMT) {
    case S_IFREG: case S_IFDIR: case S_IFLNK: case S_IFCHR:
    case S_IFBLK: case S_IFIFO: case S_IFSOCK:
      return true;
    default:
      return false;
  }
}

// Namespace prefixes of EROFS xattr name indexes (rafs-format §4.8); nullptr = unknown.
const char* XattrPrefix(uint8_t index) {
  switch (index) {
    case 1: return "user.";
    case 2: return "system.posix_acl_access";
    case 3: return "system.posix_acl_default";
    case 4: return "trusted.";
    case 6: return "security.";
    default: return nullptr;
  }
}

}  // namespace

Result<V6Inode> V6Inode::Load(const ByteRegion& bytes, const V6Superblock& sb, uint64_t nid) {
  if (!sb.NidInFile(nid)) {
    return Status(EIO, NidWhere(nid) + ": inode lies outside the metadata area of the " +
                           std::to_string(sb.file_size()) + "-byte bootstrap");
  }
  V6Inode ino;
  ino.nid_ = nid;
  ino.offset_ = sb.NidOffset(nid);
  const uint8_t* p = bytes.data() + ino.offset_;
  const uint16_t format = LoadLe16(p);
  if ((format & ~kFormatBits) != 0) {
    char hex[8];
    std::snprintf(hex, sizeof(hex), "%04x", format);
    return Status(EIO, NidWhere(nid) + ": unsupported i_format 0x" + hex + " (bits above the layout are set)");
  }
  ino.extended_ = (format & 1) != 0;
  const uint32_t layout = (format >> 1) & 7;
  if (layout != kFlatPlain && layout != kFlatInline && layout != kChunkBased) {
    return Status(EIO, NidWhere(nid) + ": unsupported data layout " + std::to_string(layout));
  }
  ino.layout_ = static_cast<Layout>(layout);
  if (!bytes.Contains(ino.offset_, ino.inode_size())) {
    return Status(EIO, NidWhere(nid) + ": extended inode runs past the end of the bootstrap");
  }
  ino.xattr_icount_ = LoadLe16(p + 2);
  ino.mode_ = LoadLe16(p + 4);
  ino.i_u_ = LoadLe32(p + 16);
  if (ino.extended_) {
    ino.size_ = LoadLe64(p + 8);
    ino.uid_ = LoadLe32(p + 24);
    ino.gid_ = LoadLe32(p + 28);
    ino.mtime_ = LoadLe64(p + 32);
    ino.mtime_nsec_ = LoadLe32(p + 40);
    ino.nlink_ = LoadLe32(p + 44);
  } else {
    ino.nlink_ = LoadLe16(p + 6);
    ino.size_ = LoadLe32(p + 8);
    ino.uid_ = LoadLe16(p + 24);
    ino.gid_ = LoadLe16(p + 26);
  }
  if (!KnownFileType(ino.mode_)) {
    return Status(EIO, NidWhere(nid) + ": unknown file type in i_mode 0" +
                           std::to_string((ino.mode_ >> 12) & 15) + "xxxx");
  }
  if (!bytes.Contains(ino.offset_ + ino.inode_size(), ino.xattr_size())) {
    return Status(EIO, NidWhere(nid) + ": xattr area of " + std::to_string(ino.xattr_size()) +
                           " bytes (icount " + std::to_string(ino.xattr_icount_) +
                           ") runs past the end of the bootstrap");
  }
  if ((ino.is_dir() || ino.is_symlink()) && ino.layout_ == kChunkBased) {
    return Status(EIO, NidWhere(nid) + ": directory or symlink with the chunk-based layout");
  }
  return ino;
}

bool V6Inode::is_dir() const { return (mode_ & S_IFMT) == S_IFDIR; }
bool V6Inode::is_reg() const { return (mode_ & S_IFMT) == S_IFREG; }
bool V6Inode::is_symlink() const { return (mode_ & S_IFMT) == S_IFLNK; }

Attr V6Inode::ToAttr() const {
  Attr a;
  a.ino = nid_;
  a.mode = mode_;
  a.nlink = nlink_;
  a.uid = uid_;
  a.gid = gid_;
  const uint32_t type = mode_ & S_IFMT;
  // nydus stores rdev only in extended inodes; a compact one reads as 0.
  a.rdev = (extended_ && (type == S_IFCHR || type == S_IFBLK)) ? i_u_ : 0;
  a.size = size_;
  a.blocks = size_ / 512 + (size_ % 512 != 0 ? 1 : 0);
  // Compact inodes: 0 here, the filesystem fills in the superblock's build time.
  a.mtime = extended_ ? mtime_ : 0;
  a.mtime_nsec = extended_ ? mtime_nsec_ : 0;
  return a;
}

uint64_t V6Inode::BlockCount(const V6Superblock& sb) const {
  const uint32_t bits = sb.blkszbits();
  return (size_ >> bits) + ((size_ & (sb.block_size() - 1)) != 0 ? 1 : 0);
}

Result<ByteView> V6Inode::FlatBlock(const ByteRegion& bytes, const V6Superblock& sb, uint64_t b) const {
  const uint64_t blocks = BlockCount(sb);
  const uint64_t bs = sb.block_size();
  if (layout_ == kChunkBased || b >= blocks) {
    return Status(EIO, NidWhere(nid_) + ": no flat data block " + std::to_string(b));
  }
  const uint64_t length = b + 1 == blocks ? size_ - b * bs : bs;
  if (layout_ == kFlatInline && b + 1 == blocks) {
    const uint64_t tail = offset_ + inode_size() + xattr_size();
    if ((tail & (bs - 1)) + length > bs) {
      return Status(EIO, NidWhere(nid_) + ": inline tail of " + std::to_string(length) +
                             " bytes crosses a block boundary");
    }
    if (!bytes.Contains(tail, length)) {
      return Status(EIO, NidWhere(nid_) + ": inline tail runs past the end of the bootstrap");
    }
    return ByteView(bytes.data() + tail, static_cast<size_t>(length));
  }
  const uint64_t blkaddr = static_cast<uint64_t>(i_u_) + b;
  if (blkaddr >= sb.file_blocks()) {
    return Status(EIO, NidWhere(nid_) + ": data block " + std::to_string(b) + " at block address " +
                           std::to_string(blkaddr) + " lies outside the bootstrap");
  }
  return ByteView(bytes.data() + (blkaddr << sb.blkszbits()), static_cast<size_t>(length));
}

Status V6Inode::ForEachXattr(const ByteRegion& bytes, const XattrVisitor& visit) const {
  if (xattr_icount_ == 0) return Status::Ok();
  // Load checked that the whole area lies in the file.
  const uint8_t* area = bytes.data() + offset_ + inode_size();
  if (area[4] != 0) {
    return Status(EIO, NidWhere(nid_) + ": " + std::to_string(area[4]) +
                           " shared xattrs referenced; shared xattrs are unsupported");
  }
  uint64_t pos = 12;
  uint64_t remaining = 4ull * (xattr_icount_ - 1u);
  while (remaining > 0) {
    if (remaining < 4) return Status(EIO, NidWhere(nid_) + ": truncated xattr entry header");
    const uint8_t* e = area + pos;
    const uint8_t name_len = e[0];
    const uint8_t index = e[1];
    const uint16_t value_size = LoadLe16(e + 2);
    const uint64_t need = 4ull + name_len + value_size;
    if (need > remaining) {
      return Status(EIO, NidWhere(nid_) + ": xattr entry at +" + std::to_string(pos) + " needs " +
                             std::to_string(need) + " bytes, " + std::to_string(remaining) + " left");
    }
    const char* prefix = XattrPrefix(index);
    if (prefix == nullptr) {
      return Status(EINVAL, NidWhere(nid_) + ": xattr entry at +" + std::to_string(pos) +
                                " has unsupported name index " + std::to_string(index));
    }
    std::string_view suffix(reinterpret_cast<const char*>(e + 4), name_len);
    ByteView value(e + 4 + name_len, value_size);
    if (!visit(prefix, suffix, value)) return Status::Ok();
    const uint64_t step = (need + 3) & ~3ull;
    if (step >= remaining) break;
    remaining -= step;
    pos += step;
  }
  return Status::Ok();
}

}  // namespace nydus::rafs
