// The RAFS v6 bootstrap chunk table (rafs-format §4.12 source 2): 80-byte chunk records
// sorted by digest, indexed once at open by chunk address (blob index, ci index, block
// address) so a chunk index entry can be resolved to its full details. Core layer (rafs).
// Thread-safety: immutable after Build; Find may be called from any thread.
#pragma once

#include <cstdint>
#include <unordered_map>

#include "byte_region.h"
#include "status.h"
#include "storage/blob_info.h"

namespace nydus::rafs {

class V6ChunkTable {
 public:
  // Indexes the `size` bytes of records at `offset` (already checked to lie in `bytes`).
  // Records that cannot match any chunk index entry (blob index out of range, ci index
  // beyond 24 bits, unaligned or out-of-range uncompressed offset) are left out; the first
  // record of a duplicated address wins. The map holds at most size / 80 entries.
  static V6ChunkTable Build(const ByteRegion& bytes, uint64_t offset, uint64_t size,
                            uint32_t blkszbits, size_t blob_count);

  // Fills flags, compressed offset/size, uncompressed size, digest and crc32 of `ref` from
  // the record for (ref.blob_index, ref.index, blk_addr) and sets has_details; false when
  // the table has no such record. `bytes` must be the region given to Build.
  bool Find(const ByteRegion& bytes, uint32_t blk_addr, storage::ChunkRef* ref) const;

  size_t size() const { return records_.size(); }

 private:
  static uint64_t Key(uint32_t blob_index, uint32_t ci_index, uint32_t blk_addr) {
    return (static_cast<uint64_t>(blob_index) << 56) | (static_cast<uint64_t>(ci_index) << 32) | blk_addr;
  }

  uint32_t blkszbits_ = 12;
  std::unordered_map<uint64_t, uint64_t> records_;  // chunk address key -> record offset in the file
};

}  // namespace nydus::rafs
