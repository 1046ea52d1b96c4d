// One block of a RAFS v6 (EROFS) directory: 12-byte dirents followed by their names
// (rafs-format §4.9), validated as a whole when parsed. Core layer (rafs).
// Thread-safety: an immutable view into the bootstrap; use it from any thread while the
// bootstrap's ByteRegion is alive.
#pragma once

#include <cstdint>
#include <string_view>

#include "byte_view.h"
#include "rafs/v6_superblock.h"
#include "status.h"

namespace nydus::rafs {

class V6DirBlock {
 public:
  struct Entry {
    uint64_t nid = 0;
    std::string_view name;  // raw bytes inside the bootstrap
    uint8_t file_type = 0;  // EROFS file type (0 unknown ... 7 symlink)
  };

  // Parses block `index` of directory `dir_nid` (`block` is the block's valid bytes). EIO
  // naming the directory, block and field when a nameoff is not a multiple of 12, out of
  // order or outside the block, a name is empty or longer than 255 bytes, or a nid lies
  // outside the metadata area.
  static Result<V6DirBlock> Parse(ByteView block, uint64_t dir_nid, uint64_t index, const V6Superblock& sb);

  uint32_t count() const { return count_; }
  Entry at(uint32_t j) const;
  // Position of `name` in this block, or -1; names are sorted byte-wise.
  int64_t Find(std::string_view name) const;

 private:
  V6DirBlock(ByteView data, uint32_t count, uint32_t last_end)
      : data_(data), count_(count), last_end_(last_end) {}
  uint32_t NameOff(uint32_t j) const;

  ByteView data_;
  uint32_t count_ = 0;
  uint32_t last_end_ = 0;  // end of the last name (block end, cut at its first NUL)
};

// DT_* value for an EROFS dirent file type; DT_UNKNOWN for out-of-range types.
uint32_t DirentTypeToDt(uint8_t file_type);

}  // namespace nydus::rafs
