// RAFS v6 superblock decoding: the EROFS superblock, the nydus extended superblock, the
// device table, the blob table and the prefetch table (rafs-format §4.2-4.5, §4.14), all
// validated before anything else is read. Core layer (rafs).
// Thread-safety: immutable after Decode; every accessor may be called from any thread.
#pragma once

#include <cstdint>

#include "byte_region.h"
#include "rafs/filesystem.h"
#include "status.h"

namespace nydus::rafs {

class V6Superblock {
 public:
  // Validates the superblocks and tables of `bytes` and fills a SuperInfo. EIO naming the
  // structure and field for anything corrupt; ENOTSUP for features this reader lacks.
  static Result<V6Superblock> Decode(const ByteRegion& bytes);

  const SuperInfo& info() const { return info_; }

  uint32_t blkszbits() const { return blkszbits_; }
  uint32_t block_size() const { return 1u << blkszbits_; }
  uint32_t chunk_size() const { return info_.chunk_size; }
  uint64_t root_nid() const { return info_.root_ino; }
  bool tarfs() const { return tarfs_; }
  size_t blob_count() const { return info_.blobs.size(); }
  uint64_t file_size() const { return info_.bootstrap_size; }
  // Number of whole BS blocks in the bootstrap file (block addresses must stay below it).
  uint64_t file_blocks() const { return info_.bootstrap_size >> blkszbits_; }
  // meta_blkaddr × BS: nid 0's byte offset.
  uint64_t meta_base() const { return meta_base_; }
  // True when the 32-byte slot of `nid` lies inside the file.
  bool NidInFile(uint64_t nid) const { return nid < nid_limit_; }
  // meta_base + nid × 32, for a nid that passed NidInFile.
  uint64_t NidOffset(uint64_t nid) const { return meta_base_ + nid * 32; }

  // s_build_time / s_build_time_nsec: the kernel's times of every compact inode (which has
  // no timestamp of its own).
  uint64_t build_time() const { return build_time_; }
  uint32_t build_time_nsec() const { return build_time_nsec_; }

  uint64_t chunk_table_offset() const { return chunk_table_offset_; }
  uint64_t chunk_table_size() const { return chunk_table_size_; }

 private:
  SuperInfo info_;
  uint32_t blkszbits_ = 12;
  bool tarfs_ = false;
  uint64_t meta_base_ = 0;
  uint64_t nid_limit_ = 0;  // (file_size − meta_base) / 32
  uint64_t chunk_table_offset_ = 0;
  uint64_t chunk_table_size_ = 0;
  uint64_t build_time_ = 0;
  uint32_t build_time_nsec_ = 0;
};

}  // namespace nydus::rafs
