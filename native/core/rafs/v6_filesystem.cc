// RAFS v6 Filesystem operations: lookup and readdir over dirent blocks, getattr, readlink,
// inline xattrs and the mapping of a file range to chunk indexes (rafs-format §4.6-4.16).
// Core layer (rafs).
#include "rafs/v6_filesystem.h"

#include <algorithm>
#include <utility>

namespace nydus::rafs {
namespace {

constexpr uint64_t kMaxSymlinkSize = 4096;
constexpr size_t kMaxNameLen = 255;
constexpr uint32_t kChunkFormatIndexes = 0x0020;
constexpr uint32_t kChunkFormatAll = 0x003F;  // chunkbits (0x1F) | INDEXES
constexpr uint32_t kNullBlkAddr = 0xFFFF'FFFF;
constexpr uint64_t kChunkIndexSize = 8;

std::string NidWhere(uint64_t nid) { return "RAFS v6 nid " + std::to_string(nid); }

}  // namespace

Result<std::unique_ptr<Filesystem>> OpenV6(std::shared_ptr<const ByteRegion> bytes) {
  return V6Filesystem::Open(std::move(bytes));
}

Result<std::unique_ptr<Filesystem>> V6Filesystem::Open(std::shared_ptr<const ByteRegion> bytes) {
  if (!bytes) return Status(EINVAL, "RAFS v6: no bootstrap bytes");
  auto sb = V6Superblock::Decode(*bytes);
  if (!sb.ok()) return sb.status();
  V6ChunkTable chunks = V6ChunkTable::Build(*bytes, sb.value().chunk_table_offset(),
                                            sb.value().chunk_table_size(), sb.value().blkszbits(),
                                            sb.value().blob_count());
  std::unique_ptr<V6Filesystem> fs(new V6Filesystem(std::move(bytes), std::move(sb).value(), std::move(chunks)));
  auto root = fs->LoadInode(fs->sb_.root_nid());
  if (!root.ok()) return Status(EIO, "root: " + root.status().message());
  if (!root.value().is_dir()) {
    return Status(EIO, NidWhere(fs->sb_.root_nid()) + ": the root inode is not a directory");
  }
  return std::unique_ptr<Filesystem>(std::move(fs));
}

Result<V6Inode> V6Filesystem::LoadDir(Ino ino) const {
  auto inode = LoadInode(ino);
  if (!inode.ok()) return inode.status();
  if (!inode.value().is_dir()) return Status(ENOTDIR, NidWhere(ino) + " is not a directory");
  return inode;
}

Result<V6DirBlock> V6Filesystem::DirBlock(const V6Inode& dir, uint64_t b) const {
  auto data = dir.FlatBlock(*bytes_, sb_, b);
  if (!data.ok()) return data.status();
  return V6DirBlock::Parse(data.value(), dir.nid(), b, sb_);
}

Result<Ino> V6Filesystem::Lookup(Ino parent, std::string_view name) const {
  auto dir = LoadDir(parent);
  if (!dir.ok()) return dir.status();
  if (name.size() > kMaxNameLen) return Status(ENAMETOOLONG, "name longer than 255 bytes");
  if (name.empty()) return Status(ENOENT, "empty name in " + NidWhere(parent));
  // Names are sorted across blocks: find the block whose [first, last] covers `name`.
  const uint64_t blocks = dir.value().BlockCount(sb_);
  uint64_t lo = 0;
  uint64_t hi = blocks;  // half-open [lo, hi)
  while (lo < hi) {
    const uint64_t mid = lo + (hi - lo) / 2;
    auto block = DirBlock(dir.value(), mid);
    if (!block.ok()) return block.status();
    const V6DirBlock& blk = block.value();
    if (name.compare(blk.at(0).name) < 0) {
      hi = mid;
    } else if (name.compare(blk.at(blk.count() - 1).name) > 0) {
      lo = mid + 1;
    } else {
      const int64_t j = blk.Find(name);
      if (j < 0) break;
      return Ino(blk.at(static_cast<uint32_t>(j)).nid);
    }
  }
  return Status(ENOENT, "no entry '" + std::string(name) + "' in directory " + NidWhere(parent));
}

Result<Attr> V6Filesystem::GetAttr(Ino ino) const {
  auto inode = LoadInode(ino);
  if (!inode.ok()) return inode.status();
  Attr a = inode.value().ToAttr();
  if (!inode.value().extended()) {
    // A compact inode has no timestamp; the kernel reports the superblock's build time.
    a.mtime = sb_.build_time();
    a.mtime_nsec = sb_.build_time_nsec();
  }
  return a;
}

Status V6Filesystem::ReadDir(Ino ino, uint64_t offset, const std::function<bool(const DirEntry&)>& emit) const {
  auto dir = LoadDir(ino);
  if (!dir.ok()) return dir.status();
  // Each block must lie in the bootstrap, so this loop is bounded by the file's block count.
  const uint64_t blocks = dir.value().BlockCount(sb_);
  uint64_t position = 0;  // global index of the block's first entry
  for (uint64_t b = 0; b < blocks; ++b) {
    auto block = DirBlock(dir.value(), b);
    if (!block.ok()) return block.status();
    const V6DirBlock& blk = block.value();
    if (position + blk.count() <= offset) {
      position += blk.count();
      continue;
    }
    for (uint32_t j = static_cast<uint32_t>(offset > position ? offset - position : 0); j < blk.count(); ++j) {
      const V6DirBlock::Entry e = blk.at(j);
      DirEntry out;
      out.name.assign(e.name.data(), e.name.size());
      out.ino = e.nid;
      out.type = DirentTypeToDt(e.file_type);
      out.next_offset = position + j + 1;
      if (!emit(out)) return Status::Ok();
    }
    position += blk.count();
  }
  return Status::Ok();
}

Result<std::string> V6Filesystem::ReadLink(Ino ino) const {
  auto inode = LoadInode(ino);
  if (!inode.ok()) return inode.status();
  const V6Inode& link = inode.value();
  if (!link.is_symlink()) return Status(EINVAL, NidWhere(ino) + " is not a symlink");
  if (link.size() > kMaxSymlinkSize) {
    return Status(EIO, NidWhere(ino) + ": symlink target of " + std::to_string(link.size()) +
                           " bytes exceeds 4096");
  }
  std::string target;
  target.reserve(static_cast<size_t>(link.size()));
  const uint64_t blocks = link.BlockCount(sb_);
  for (uint64_t b = 0; b < blocks; ++b) {
    auto data = link.FlatBlock(*bytes_, sb_, b);
    if (!data.ok()) return data.status();
    target.append(reinterpret_cast<const char*>(data.value().data), data.value().size);
  }
  return target;
}

Result<std::vector<std::string>> V6Filesystem::ListXattrs(Ino ino) const {
  auto inode = LoadInode(ino);
  if (!inode.ok()) return inode.status();
  std::vector<std::string> names;
  Status s = inode.value().ForEachXattr(*bytes_, [&](std::string_view prefix, std::string_view suffix, ByteView) {
    std::string name(prefix);
    name.append(suffix);
    names.push_back(std::move(name));
    return true;
  });
  if (!s.ok()) return s;
  return names;
}

Result<std::string> V6Filesystem::GetXattr(Ino ino, std::string_view name) const {
  auto inode = LoadInode(ino);
  if (!inode.ok()) return inode.status();
  bool found = false;
  std::string value;
  Status s = inode.value().ForEachXattr(*bytes_, [&](std::string_view prefix, std::string_view suffix, ByteView v) {
    if (name.size() != prefix.size() + suffix.size() || name.substr(0, prefix.size()) != prefix ||
        name.substr(prefix.size()) != suffix) {
      return true;
    }
    value.assign(reinterpret_cast<const char*>(v.data), v.size);
    found = true;
    return false;
  });
  if (!s.ok()) return s;
  if (!found) return Status(ENODATA, "no xattr '" + std::string(name) + "' on " + NidWhere(ino));
  return value;
}

Result<std::vector<IoSegment>> V6Filesystem::MapRange(Ino ino, uint64_t offset, uint64_t size) const {
  auto inode = LoadInode(ino);
  if (!inode.ok()) return inode.status();
  const V6Inode& file = inode.value();
  if (file.is_dir()) return Status(EISDIR, NidWhere(ino) + " is a directory");
  if (!file.is_reg()) return Status(EINVAL, NidWhere(ino) + " is not a regular file");
  std::vector<IoSegment> segments;
  const uint64_t file_size = file.size();
  if (offset >= file_size || size == 0) return segments;
  const uint64_t end = offset + std::min(size, file_size - offset);
  if (file.layout() != V6Inode::kChunkBased) {
    return Status(EIO, NidWhere(ino) + ": regular file data in a FLAT layout is unsupported");
  }
  const uint32_t format = file.raw_u() & 0xFFFF;
  if ((format & ~kChunkFormatAll) != 0 || (format & kChunkFormatIndexes) == 0) {
    return Status(EIO, NidWhere(ino) + ": chunk format " + std::to_string(format) +
                           " is not the 8-byte index format");
  }
  // nydus semantics: the superblock chunk size, not chunkbits, drives count and offsets.
  const uint64_t cs = sb_.chunk_size();
  const uint64_t count = file_size / cs + (file_size % cs != 0 ? 1 : 0);
  const uint64_t indexes = file.chunk_indexes_offset();
  if (count > bytes_->size() / kChunkIndexSize || !bytes_->Contains(indexes, count * kChunkIndexSize)) {
    return Status(EIO, NidWhere(ino) + ": " + std::to_string(count) + " chunk indexes at " +
                           std::to_string(indexes) + " run past the end of the bootstrap");
  }
  const uint64_t first = offset / cs;
  const uint64_t last = (end - 1) / cs;
  segments.reserve(static_cast<size_t>(last - first + 1));
  for (uint64_t k = first; k <= last; ++k) {
    const uint64_t piece_begin = std::max(offset, k * cs);
    const uint64_t piece_end = std::min(end, (k + 1) * cs);
    auto segment = MapChunk(file, k, piece_begin, piece_end);
    if (!segment.ok()) return segment.status();
    segments.push_back(std::move(segment).value());
  }
  return segments;
}

Result<IoSegment> V6Filesystem::MapChunk(const V6Inode& file, uint64_t k, uint64_t piece_begin,
                                         uint64_t piece_end) const {
  const uint64_t cs = sb_.chunk_size();
  IoSegment seg;
  seg.file_offset = piece_begin;
  seg.length = static_cast<uint32_t>(piece_end - piece_begin);
  seg.offset_in_chunk = static_cast<uint32_t>(piece_begin - k * cs);
  const uint8_t* p = bytes_->data() + file.chunk_indexes_offset() + k * kChunkIndexSize;
  const uint16_t lo = LoadLe16(p);
  const uint16_t hi = LoadLe16(p + 2);
  const uint32_t blk_addr = LoadLe32(p + 4);
  if (blk_addr == kNullBlkAddr) {  // EROFS null chunk: a hole
    seg.hole = true;
    return seg;
  }
  const std::string where = NidWhere(file.nid()) + ": chunk index " + std::to_string(k);
  const uint32_t device = hi & 0xFF;
  if (device == 0 || device > sb_.blob_count()) {
    return Status(EIO, where + " refers to blob " + std::to_string(static_cast<int>(device) - 1) + " of " +
                           std::to_string(sb_.blob_count()));
  }
  storage::ChunkRef& ref = seg.chunk;
  ref.blob_index = device - 1;
  ref.index = (static_cast<uint32_t>(hi >> 8) << 16) | lo;
  ref.uncompressed_offset = static_cast<uint64_t>(blk_addr) << sb_.blkszbits();
  ref.uncompressed_size = static_cast<uint32_t>(std::min(cs, file.size() - k * cs));
  if (sb_.tarfs()) {
    // tarfs: the chunk address is the data's offset in the raw tar file (rafs-format §4.15).
    ref.has_details = true;
    ref.compressed_offset = ref.uncompressed_offset;
    ref.compressed_size = ref.uncompressed_size;
  } else {
    chunks_.Find(*bytes_, blk_addr, &ref);
  }
  if (seg.offset_in_chunk + static_cast<uint64_t>(seg.length) > ref.uncompressed_size) {
    return Status(EIO, where + ": chunk of " + std::to_string(ref.uncompressed_size) +
                           " bytes does not cover the file range it maps");
  }
  const storage::BlobInfo& blob = sb_.info().blobs[ref.blob_index];
  if (blob.uncompressed_size != 0 && (ref.uncompressed_offset > blob.uncompressed_size ||
                                      ref.uncompressed_size > blob.uncompressed_size - ref.uncompressed_offset)) {
    return Status(EIO, where + ": chunk at " + std::to_string(ref.uncompressed_offset) + " (+" +
                           std::to_string(ref.uncompressed_size) + ") lies beyond blob " +
                           std::to_string(ref.blob_index) + "'s " + std::to_string(blob.uncompressed_size) +
                           "-byte image");
  }
  return seg;
}

}  // namespace nydus::rafs
