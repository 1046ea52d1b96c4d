// One RAFS v6 (EROFS) inode: compact or extended on-disk inode decoded by nid, the location
// of its FLAT data blocks, its inline ("ibody") xattrs and its chunk-index array
// (rafs-format §4.6-4.8, §4.11). Core layer (rafs).
// Thread-safety: a decoded V6Inode is an immutable value; use it from any thread.
#pragma once

#include <cstdint>
#include <functional>
#include <string_view>

#include "byte_region.h"
#include "rafs/filesystem.h"
#include "rafs/v6_superblock.h"
#include "status.h"

namespace nydus::rafs {

class V6Inode {
 public:
  enum Layout : uint32_t { kFlatPlain = 0, kFlatInline = 2, kChunkBased = 4 };

  // Decodes the inode at meta_base + nid × 32: EIO naming the nid when it lies outside the
  // file, has an unsupported i_format or file type, or its xattr area leaves the file.
  static Result<V6Inode> Load(const ByteRegion& bytes, const V6Superblock& sb, uint64_t nid);

  uint64_t nid() const { return nid_; }
  uint64_t offset() const { return offset_; }  // byte offset of the inode in the bootstrap
  bool extended() const { return extended_; }
  Layout layout() const { return layout_; }
  uint32_t mode() const { return mode_; }
  uint64_t size() const { return size_; }
  uint32_t raw_u() const { return i_u_; }  // i_u: raw_blkaddr / chunk-info header / rdev
  bool is_dir() const;
  bool is_reg() const;
  bool is_symlink() const;

  uint32_t inode_size() const { return extended_ ? 64 : 32; }
  uint32_t xattr_size() const { return xattr_icount_ == 0 ? 0 : 12 + 4 * (xattr_icount_ - 1u); }
  // Where the 8-byte chunk indexes of a CHUNK_BASED inode start.
  uint64_t chunk_indexes_offset() const {
    return offset_ + ((inode_size() + xattr_size() + 7ull) & ~7ull);
  }

  Attr ToAttr() const;

  // Number of BS blocks of a FLAT inode's data: ceil(size / BS).
  uint64_t BlockCount(const V6Superblock& sb) const;
  // Data block `b` of a FLAT_PLAIN / FLAT_INLINE inode, `BS` bytes or fewer for the last
  // one (rafs-format §4.7); EIO when it lies outside the file or an inline tail would
  // cross a block boundary.
  Result<ByteView> FlatBlock(const ByteRegion& bytes, const V6Superblock& sb, uint64_t b) const;

  // Visits the inline xattrs in storage order: namespace prefix ("user."), name suffix,
  // value. `visit` returns false to stop. EIO for a corrupt area or shared xattrs, EINVAL
  // for an unknown name index.
  using XattrVisitor = std::function<bool(std::string_view prefix, std::string_view suffix, ByteView value)>;
  Status ForEachXattr(const ByteRegion& bytes, const XattrVisitor& visit) const;

 private:
  uint64_t nid_ = 0;
  uint64_t offset_ = 0;
  bool extended_ = false;
  Layout layout_ = kFlatPlain;
  uint16_t xattr_icount_ = 0;
  uint32_t mode_ = 0;
  uint32_t nlink_ = 0;
  uint32_t uid_ = 0;
  uint32_t gid_ = 0;
  uint64_t size_ = 0;
  uint32_t i_u_ = 0;
  uint64_t mtime_ = 0;
  uint32_t mtime_nsec_ = 0;
};

}  // namespace nydus::rafs
