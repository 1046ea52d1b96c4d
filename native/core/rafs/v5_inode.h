// One RAFS v5 inode record (rafs-format §3.7-3.9): the 128-byte inode, its name, symlink
// target, xattr table and chunk records, decoded on demand from the mapped bootstrap and
// validated as a whole when it is decoded. Core layer (rafs).
// A V5Inode is a transient value pointing into the region (the caller keeps the region and
// superblock alive); it is not shared, but any number may exist on any threads at once.
#pragma once

#include <cstdint>
#include <functional>
#include <string_view>

#include "byte_region.h"
#include "rafs/v5_superblock.h"
#include "status.h"
#include "storage/blob_info.h"

namespace nydus::rafs {

// A decoded 80-byte chunk record: the version-neutral ChunkRef plus the file position.
struct V5Chunk {
  storage::ChunkRef ref;
  uint64_t file_offset = 0;
};

class V5Inode {
 public:
  // Decodes the record of child index `child_index` and checks the record-level rules of
  // §3.7 (ino range, parent, nlink, name size, child range, symlink size, the whole record
  // including xattrs and chunks inside the file). EIO "inode N: ..." when violated;
  // ENOENT when `child_index` is not in the inode table. Unlike §3.7, the root record
  // (child index 1, i_ino 1) may have i_name_size 0, as some early bootstraps store it.
  static Result<V5Inode> Decode(const ByteRegion& region, const V5Superblock& sb, uint64_t child_index);

  uint64_t child_index() const { return child_index_; }
  uint64_t ino() const { return ino_; }
  uint64_t parent() const { return parent_; }
  uint32_t uid() const { return uid_; }
  uint32_t gid() const { return gid_; }
  uint32_t mode() const { return mode_; }
  uint64_t size() const { return size_; }
  uint64_t blocks() const { return blocks_; }
  uint64_t flags() const { return flags_; }
  uint32_t nlink() const { return nlink_; }
  uint32_t rdev() const { return rdev_; }
  uint64_t mtime() const { return mtime_; }
  uint32_t mtime_nsec() const { return mtime_nsec_; }
  // Directories: first child index and number of children.
  uint32_t first_child() const { return child_start_; }
  uint32_t child_count() const { return child_count_; }

  bool is_dir() const;
  bool is_reg() const;
  bool is_symlink() const;

  std::string_view name() const { return name_; }
  std::string_view symlink() const { return symlink_; }

  // Regular files: number of chunk records, and record `k` decoded and checked against the
  // blob table and chunk size (EIO "inode N: chunk k: ..." when it cannot be valid).
  uint32_t chunk_count() const { return is_reg() ? child_count_ : 0; }
  Result<V5Chunk> Chunk(uint32_t k) const;

  // Calls `fn(name, value)` for every xattr pair in storage order until it returns false
  // (§3.8; pairs without a NUL are skipped). EIO when the pair area is malformed.
  Status ForEachXattr(const std::function<bool(std::string_view, std::string_view)>& fn) const;

 private:
  V5Inode() = default;

  const V5Superblock* sb_ = nullptr;
  uint64_t child_index_ = 0;
  uint64_t ino_ = 0;
  uint64_t parent_ = 0;
  uint32_t uid_ = 0;
  uint32_t gid_ = 0;
  uint32_t mode_ = 0;
  uint64_t size_ = 0;
  uint64_t blocks_ = 0;
  uint64_t flags_ = 0;
  uint32_t nlink_ = 0;
  uint32_t child_start_ = 0;
  uint32_t child_count_ = 0;
  uint32_t rdev_ = 0;
  uint32_t mtime_nsec_ = 0;
  uint64_t mtime_ = 0;
  std::string_view name_;
  std::string_view symlink_;
  ByteView xattrs_;                  // the pair area (unpadded), empty without XATTR
  const uint8_t* chunks_ = nullptr;  // chunk_count() records of 80 bytes, checked in bounds
};

}  // namespace nydus::rafs
