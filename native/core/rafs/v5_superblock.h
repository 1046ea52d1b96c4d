// RAFS v5 superblock and the tables it points at (rafs-format §3.2-3.6): validation, the
// blob table and extended blob table, the prefetch table and the inode table lookup.
// Core layer (rafs). Immutable after Parse: any thread may call the const methods.
#pragma once

#include <cstdint>

#include "byte_region.h"
#include "rafs/filesystem.h"
#include "status.h"

namespace nydus::rafs {

// v5 inode flags (rafs-format §2.2).
enum V5InodeFlags : uint64_t {
  kV5InodeSymlink = 0x1,
  kV5InodeHardlink = 0x2,
  kV5InodeXattr = 0x4,
  kV5InodeHasHole = 0x8,
};

constexpr uint64_t kV5SuperblockSize = 8192;

class V5Superblock {
 public:
  // Validates the superblock and every table range against `region` and decodes the blob,
  // extended blob and prefetch tables. EIO naming the bad field on any violation.
  static Result<V5Superblock> Parse(const ByteRegion& region);

  const SuperInfo& info() const { return info_; }
  uint32_t chunk_size() const { return info_.chunk_size; }
  uint64_t flags() const { return info_.flags; }
  uint32_t inode_table_entries() const { return inode_table_entries_; }

  // Byte offset of the inode record of child index `child_index` (1-based), from the inode
  // table. ENOENT outside [1, inode_table_entries]; EIO for a slot value that cannot be a
  // record offset (§3.3: stored value must be > 1024 and < 2^29).
  Result<uint64_t> RecordOffset(const ByteRegion& region, uint64_t child_index) const;

 private:
  V5Superblock() = default;

  SuperInfo info_;
  uint64_t inode_table_offset_ = 0;
  uint32_t inode_table_entries_ = 0;
};

}  // namespace nydus::rafs
