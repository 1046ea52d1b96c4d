// RAFS v5 reader: lookup, getattr, readdir, readlink, xattrs and file-range mapping over a
// mapped v5 bootstrap (rafs-format §3.10-3.14). Core layer (rafs). No operation recurses
// or allocates in proportion to an on-disk count: directories are binary-searched or
// iterated one child at a time and chunk lists are scanned lazily.
#include "rafs/v5_filesystem.h"

#include <algorithm>
#include <cstring>
#include <utility>

namespace nydus::rafs {
namespace {

constexpr size_t kMaxNameLength = 255;
// A hole segment's length is 32-bit; longer gaps are split into pieces of this size.
constexpr uint64_t kMaxHolePiece = uint64_t{1} << 31;
// Bounds the result of one MapRange call (a caller maps large files in pieces).
constexpr size_t kMaxSegments = size_t{1} << 16;

std::string Num(uint64_t v) { return std::to_string(v); }

// Unsigned byte-wise order, shorter first on a common prefix (§0).
int CompareNames(std::string_view a, std::string_view b) {
  const size_t n = std::min(a.size(), b.size());
  const int c = n == 0 ? 0 : std::memcmp(a.data(), b.data(), n);
  if (c != 0) return c;
  return a.size() < b.size() ? -1 : (a.size() > b.size() ? 1 : 0);
}

uint32_t DirentType(uint32_t mode) { return (mode >> 12) & 0xF; }  // DT_* == S_IFMT >> 12

constexpr uint32_t kDtDir = 4;

}  // namespace

Result<std::unique_ptr<Filesystem>> OpenV5(std::shared_ptr<const ByteRegion> bytes) {
  auto fs = V5Filesystem::Open(std::move(bytes));
  if (!fs.ok()) return fs.status();
  return std::unique_ptr<Filesystem>(std::move(fs).value());
}

Result<std::unique_ptr<V5Filesystem>> V5Filesystem::Open(std::shared_ptr<const ByteRegion> bytes) {
  if (!bytes) return Status(EINVAL, "RAFS v5: no bootstrap bytes");
  Result<V5Superblock> sb = V5Superblock::Parse(*bytes);
  if (!sb.ok()) return sb.status();
  std::unique_ptr<V5Filesystem> fs(new V5Filesystem(std::move(bytes), std::move(sb).value()));
  Result<V5Inode> root = fs->Load(1);
  if (!root.ok()) return root.status();
  if (!root.value().is_dir() || root.value().ino() != 1) {
    return Status(EIO, "inode 1: the root is not a directory with i_ino 1");
  }
  return fs;
}

Result<Ino> V5Filesystem::Lookup(Ino parent, std::string_view name) const {
  Result<V5Inode> dir = Load(parent);
  if (!dir.ok()) return dir.status();
  const V5Inode& d = dir.value();
  if (!d.is_dir()) return Status(ENOTDIR, "inode " + Num(parent) + " is not a directory");
  if (name.size() > kMaxNameLength) return Status(ENAMETOOLONG, "name longer than 255 bytes");
  if (name == ".") return parent;
  if (name == "..") return d.parent() == 0 ? parent : d.parent();
  // Children are sorted by name (§3.10); the range was checked when `d` was decoded.
  uint64_t lo = 0;
  uint64_t hi = d.child_count();
  while (lo < hi) {
    const uint64_t mid = lo + (hi - lo) / 2;
    Result<V5Inode> child = Load(uint64_t{d.first_child()} + mid);
    if (!child.ok()) return child.status();
    const int c = CompareNames(child.value().name(), name);
    if (c == 0) return child.value().ino();
    if (c < 0) {
      lo = mid + 1;
    } else {
      hi = mid;
    }
  }
  return Status(ENOENT, "no entry named \"" + std::string(name) + "\" in inode " + Num(parent));
}

Result<Attr> V5Filesystem::GetAttr(Ino ino) const {
  Result<V5Inode> node = Load(ino);
  if (!node.ok()) return node.status();
  const V5Inode& n = node.value();
  Attr a;
  a.ino = n.ino();
  a.mode = n.mode();
  a.nlink = n.nlink();
  a.uid = n.uid();
  a.gid = n.gid();
  a.rdev = n.rdev();
  a.size = n.size();
  a.blocks = n.blocks();
  a.mtime = n.mtime();
  a.mtime_nsec = n.mtime_nsec();
  return a;
}

Status V5Filesystem::ReadDir(Ino dir, uint64_t offset, const std::function<bool(const DirEntry&)>& emit) const {
  Result<V5Inode> node = Load(dir);
  if (!node.ok()) return node.status();
  const V5Inode& d = node.value();
  if (!d.is_dir()) return Status(ENOTDIR, "inode " + Num(dir) + " is not a directory");
  DirEntry e;
  if (offset == 0) {
    e.name = ".";
    e.ino = dir;
    e.type = kDtDir;
    e.next_offset = 1;
    if (!emit(e)) return Status::Ok();
    offset = 1;
  }
  if (offset == 1) {
    e.name = "..";
    e.ino = d.parent() == 0 ? dir : d.parent();
    e.type = kDtDir;
    e.next_offset = 2;
    if (!emit(e)) return Status::Ok();
    offset = 2;
  }
  for (uint64_t k = offset - 2; k < d.child_count(); ++k) {
    Result<V5Inode> child = Load(uint64_t{d.first_child()} + k);
    if (!child.ok()) return child.status();
    const V5Inode& c = child.value();
    e.name.assign(c.name().data(), c.name().size());
    e.ino = c.ino();
    e.type = DirentType(c.mode());
    e.next_offset = k + 3;
    if (!emit(e)) break;
  }
  return Status::Ok();
}

Result<std::string> V5Filesystem::ReadLink(Ino ino) const {
  Result<V5Inode> node = Load(ino);
  if (!node.ok()) return node.status();
  if (!node.value().is_symlink()) return Status(EINVAL, "inode " + Num(ino) + " is not a symlink");
  return std::string(node.value().symlink());
}

Result<std::vector<std::string>> V5Filesystem::ListXattrs(Ino ino) const {
  Result<V5Inode> node = Load(ino);
  if (!node.ok()) return node.status();
  std::vector<std::string> names;
  Status s = node.value().ForEachXattr([&](std::string_view name, std::string_view) {
    names.emplace_back(name);
    return true;
  });
  if (!s.ok()) return s;
  return names;
}

Result<std::string> V5Filesystem::GetXattr(Ino ino, std::string_view name) const {
  Result<V5Inode> node = Load(ino);
  if (!node.ok()) return node.status();
  bool found = false;
  std::string value;
  Status s = node.value().ForEachXattr([&](std::string_view n, std::string_view v) {
    if (n != name) return true;
    found = true;
    value.assign(v.data(), v.size());
    return false;
  });
  if (!s.ok()) return s;
  if (!found) return Status(ENODATA, "inode " + Num(ino) + " has no xattr \"" + std::string(name) + "\"");
  return value;
}

// §3.12, extended to cover the range exactly: gaps between chunks (HAS_HOLE files, or a
// chunk list shorter than i_size) become hole segments, overlapping chunks are EIO.
Result<std::vector<IoSegment>> V5Filesystem::MapRange(Ino ino, uint64_t offset, uint64_t size) const {
  Result<V5Inode> node = Load(ino);
  if (!node.ok()) return node.status();
  const V5Inode& n = node.value();
  if (n.is_dir()) return Status(EISDIR, "inode " + Num(ino) + " is a directory");
  if (!n.is_reg()) return Status(EINVAL, "inode " + Num(ino) + " is not a regular file");

  std::vector<IoSegment> out;
  const uint64_t file_size = n.size();
  if (size == 0 || offset >= file_size) return out;
  const uint64_t end = size > file_size - offset ? file_size : offset + size;

  const auto too_many = [&]() {
    return Status(EINVAL, "inode " + Num(ino) + ": range [" + Num(offset) + ", " + Num(end) +
                              ") maps to more than " + Num(kMaxSegments) + " segments; map it in pieces");
  };
  const auto add_hole = [&](uint64_t from, uint64_t to) -> Status {
    while (from < to) {
      if (out.size() >= kMaxSegments) return too_many();
      IoSegment seg;
      seg.file_offset = from;
      seg.length = static_cast<uint32_t>(std::min(to - from, kMaxHolePiece));
      seg.hole = true;
      out.push_back(seg);
      from += seg.length;
    }
    return Status::Ok();
  };

  const uint64_t cs = sb_.chunk_size();
  uint64_t first = 0;
  uint64_t last_excl = n.chunk_count();
  if (!(n.flags() & kV5InodeHasHole)) {
    first = offset / cs;
    last_excl = std::min<uint64_t>((end - 1) / cs + 1, n.chunk_count());
  }
  uint64_t cursor = offset;
  for (uint64_t k = first; k < last_excl; ++k) {
    Result<V5Chunk> chunk = n.Chunk(static_cast<uint32_t>(k));
    if (!chunk.ok()) return chunk.status();
    const V5Chunk& c = chunk.value();
    const uint64_t c_end = c.file_offset + c.ref.uncompressed_size;  // overflow checked by Chunk()
    if (offset >= c_end) continue;
    if (end <= c.file_offset) break;
    const uint64_t from = std::max(offset, c.file_offset);
    const uint64_t to = std::min(end, c_end);
    if (from < cursor) {
      return Status(EIO, "inode " + Num(ino) + ": chunk " + Num(k) + " at file offset " +
                             Num(c.file_offset) + " overlaps the data before it");
    }
    if (Status s = add_hole(cursor, from); !s.ok()) return s;
    if (out.size() >= kMaxSegments) return too_many();
    IoSegment seg;
    seg.file_offset = from;
    seg.length = static_cast<uint32_t>(to - from);
    seg.offset_in_chunk = static_cast<uint32_t>(from - c.file_offset);
    seg.chunk = c.ref;
    out.push_back(seg);
    cursor = to;
  }
  if (Status s = add_hole(cursor, end); !s.ok()) return s;
  return out;
}

}  // namespace nydus::rafs
