// Parsing, validation and in-block binary search of RAFS v6 directory blocks
// (rafs-format §4.9). Core layer (rafs).
#include "rafs/v6_dir_block.h"

#include <dirent.h>

#include <cstring>
#include <string>

namespace nydus::rafs {
namespace {

constexpr uint32_t kDirentSize = 12;
constexpr uint32_t kMaxNameLen = 255;

Status DirError(uint64_t dir_nid, uint64_t index, const std::string& what) {
  return Status(EIO, "RAFS v6 directory nid " + std::to_string(dir_nid) + " block " +
                         std::to_string(index) + ": " + what);
}

}  // namespace

uint32_t DirentTypeToDt(uint8_t file_type) {
  static const uint32_t kTypes[] = {DT_UNKNOWN, DT_REG, DT_DIR, DT_CHR, DT_BLK, DT_FIFO, DT_SOCK, DT_LNK};
  return file_type < 8 ? kTypes[file_type] : static_cast<uint32_t>(DT_UNKNOWN);
}

Result<V6DirBlock> V6DirBlock::Parse(ByteView block, uint64_t dir_nid, uint64_t index, const V6Superblock& sb) {
  const uint64_t size = block.size;
  if (size < kDirentSize + 1) {
    return DirError(dir_nid, index, "block of " + std::to_string(size) + " bytes holds no dirent");
  }
  const uint32_t first = LoadLe16(block.data + 8);
  if (first % kDirentSize != 0) {
    return DirError(dir_nid, index, "nameoff " + std::to_string(first) + " not a multiple of 12");
  }
  if (first == 0 || first >= size) {
    return DirError(dir_nid, index, "first nameoff " + std::to_string(first) + " outside (0, " +
                                        std::to_string(size) + ")");
  }
  const uint32_t count = first / kDirentSize;
  uint32_t prev = 0;
  for (uint32_t j = 0; j < count; ++j) {
    const uint8_t* d = block.data + j * kDirentSize;
    const uint32_t nameoff = LoadLe16(d + 8);
    if (j > 0 && (nameoff <= prev || nameoff >= size)) {
      return DirError(dir_nid, index, "entry " + std::to_string(j) + " nameoff " + std::to_string(nameoff) +
                                          " is not above " + std::to_string(prev) + " and below " +
                                          std::to_string(size));
    }
    if (j > 0 && nameoff - prev > kMaxNameLen) {
      return DirError(dir_nid, index, "entry " + std::to_string(j - 1) + " name longer than 255 bytes");
    }
    const uint64_t nid = LoadLe64(d);
    if (!sb.NidInFile(nid)) {
      return DirError(dir_nid, index, "entry " + std::to_string(j) + " nid " + std::to_string(nid) +
                                          " lies outside the metadata area");
    }
    prev = nameoff;
  }
  // The last name runs to the end of the block, cut at its first NUL.
  const void* nul = std::memchr(block.data + prev, 0, size - prev);
  const uint32_t last_end =
      nul == nullptr ? static_cast<uint32_t>(size)
                     : static_cast<uint32_t>(static_cast<const uint8_t*>(nul) - block.data);
  if (last_end == prev) return DirError(dir_nid, index, "last entry has an empty name");
  if (last_end - prev > kMaxNameLen) {
    return DirError(dir_nid, index, "entry " + std::to_string(count - 1) + " name longer than 255 bytes");
  }
  return V6DirBlock(block, count, last_end);
}

uint32_t V6DirBlock::NameOff(uint32_t j) const { return LoadLe16(data_.data + j * kDirentSize + 8); }

V6DirBlock::Entry V6DirBlock::at(uint32_t j) const {
  const uint8_t* d = data_.data + j * kDirentSize;
  const uint32_t begin = NameOff(j);
  const uint32_t end = j + 1 < count_ ? NameOff(j + 1) : last_end_;
  Entry e;
  e.nid = LoadLe64(d);
  e.name = std::string_view(reinterpret_cast<const char*>(data_.data + begin), end - begin);
  e.file_type = d[10];
  return e;
}

int64_t V6DirBlock::Find(std::string_view name) const {
  int64_t lo = 0;
  int64_t hi = static_cast<int64_t>(count_) - 1;
  while (lo <= hi) {
    const int64_t mid = lo + (hi - lo) / 2;
    const int c = name.compare(at(static_cast<uint32_t>(mid)).name);  // unsigned byte-wise
    if (c == 0) return mid;
    if (c < 0) {
      hi = mid - 1;
    } else {
      lo = mid + 1;
    }
  }
  return -1;
}

}  // namespace nydus::rafs
