// Unit tests for the RAFS v5 reader (rafs/v5_*.cc): every metadata row of rafs-format
// §5.1/§6.1 against the real fixture (chunk digests checked against its blob), synthetic
// images for xattrs (§6.4), holes and the prefetch table, and hostile mutations that must
// give errors, never crashes or hangs. Core layer tests (ctest core.rafs_v5).
#include <sys/stat.h>

#include <algorithm>
#include <fstream>
#include <iterator>
#include <map>
#include <set>
#include <string>
#include <vector>

#include "byte_region.h"
#include "rafs/filesystem.h"
#include "storage/digester.h"
#include "test_harness.h"
#include "test_util.h"

using namespace nydus;
using namespace nydus::rafs;
using nydus::test::Hex;

namespace {

const char* const kBlobId = "7334a2594e133cf8ae364189c2276b090fc490c627bcc3fb1077f0419a538e00";
const char* const kBusybox =
    "/normal-file-test/busybox/1f777dbdd68d1c4d554bc0d20e027bfef9ed2dfe2d8d5f029e958552a0e12475";

std::vector<uint8_t> ReadAll(const std::string& path) {
  std::ifstream f(path, std::ios::binary);
  return std::vector<uint8_t>(std::istreambuf_iterator<char>(f), std::istreambuf_iterator<char>());
}

const std::vector<uint8_t>& Bootstrap() {
  static const std::vector<uint8_t> bytes = ReadAll(NYDUS_FIXTURES "/v5-sha256-nocompress/bootstrap");
  return bytes;
}

const std::vector<uint8_t>& Blob() {
  static const std::vector<uint8_t> bytes =
      ReadAll(std::string(NYDUS_FIXTURES "/v5-sha256-nocompress/blobs/") + kBlobId);
  return bytes;
}

Result<std::unique_ptr<Filesystem>> OpenBytes(std::vector<uint8_t> bytes) {
  return OpenBootstrapRegion(ByteRegion::FromVector(std::move(bytes)));
}

std::unique_ptr<Filesystem> OpenFixture() {
  auto fs = OpenBootstrap(NYDUS_FIXTURES "/v5-sha256-nocompress/bootstrap");
  REQUIRE_OK(fs);
  return std::move(fs).value();
}

Result<Ino> Resolve(const Filesystem& fs, const std::string& path) {
  Ino cur = fs.super().root_ino;
  size_t at = 0;
  while (at < path.size()) {
    size_t slash = path.find('/', at);
    if (slash == std::string::npos) slash = path.size();
    if (slash > at) {
      Result<Ino> next = fs.Lookup(cur, std::string_view(path).substr(at, slash - at));
      if (!next.ok()) return next.status();
      cur = next.value();
    }
    at = slash + 1;
  }
  return cur;
}

Ino MustResolve(const Filesystem& fs, const std::string& path) {
  Result<Ino> ino = Resolve(fs, path);
  REQUIRE_OK(ino);
  return ino.value();
}

std::vector<DirEntry> ListDir(const Filesystem& fs, Ino dir, uint64_t offset = 0) {
  std::vector<DirEntry> out;
  Status s = fs.ReadDir(dir, offset, [&](const DirEntry& e) {
    out.push_back(e);
    return true;
  });
  REQUIRE_OK(s);
  return out;
}

std::vector<IoSegment> MustMap(const Filesystem& fs, Ino ino, uint64_t offset, uint64_t size) {
  auto segs = fs.MapRange(ino, offset, size);
  REQUIRE_OK(segs);
  return segs.value();
}

// File bytes through MapRange and the fixture's raw (uncompressed) blob.
std::vector<uint8_t> ReadRange(const Filesystem& fs, Ino ino, uint64_t offset, uint64_t size) {
  std::vector<uint8_t> out;
  for (const IoSegment& seg : MustMap(fs, ino, offset, size)) {
    REQUIRE(seg.file_offset == offset + out.size());
    if (seg.hole) {
      out.insert(out.end(), seg.length, 0);
      continue;
    }
    const uint64_t from = seg.chunk.compressed_offset + seg.offset_in_chunk;
    REQUIRE(from + seg.length <= Blob().size());
    out.insert(out.end(), Blob().begin() + from, Blob().begin() + from + seg.length);
  }
  return out;
}

std::string Sha256Hex(const std::vector<uint8_t>& data) {
  auto d = storage::ComputeDigest(storage::DigestAlgorithm::kSha256, ByteView(data));
  return d.ok() ? Hex(d.value()) : d.status().ToString();
}

std::string FileSha(const Filesystem& fs, const std::string& path) {
  const Ino ino = MustResolve(fs, path);
  auto attr = fs.GetAttr(ino);
  REQUIRE_OK(attr);
  return Sha256Hex(ReadRange(fs, ino, 0, attr.value().size));
}

uint64_t Field(const SuperInfo& info, const std::string& name) {
  for (const auto& f : info.fields) {
    if (f.first == name) return f.second;
  }
  ::nydus::test::Fail(__FILE__, __LINE__, "missing superblock field " + name);
  return ~uint64_t{0};
}

// Visits everything reachable from the root with every operation, without recursion and
// with a step bound, so a hostile directory graph cannot loop. Returns the errors seen.
struct WalkResult {
  int errors = 0;
  int dirs = 0, regular = 0, symlinks = 0;
  std::set<Ino> regular_inos;
  std::string first_error;
};

WalkResult Walk(const Filesystem& fs) {
  WalkResult w;
  const auto note = [&](const Status& s) {
    if (s.ok()) return;
    if (w.errors++ == 0) w.first_error = s.ToString();
  };
  std::vector<Ino> stack{fs.super().root_ino};
  std::set<Ino> seen_dirs{fs.super().root_ino};
  ++w.dirs;
  for (int steps = 0; !stack.empty() && steps < 10000; ++steps) {
    const Ino dir = stack.back();
    stack.pop_back();
    std::vector<DirEntry> entries;
    note(fs.ReadDir(dir, 0, [&](const DirEntry& e) {
      entries.push_back(e);
      return entries.size() < 100000;
    }));
    for (const DirEntry& e : entries) {
      if (e.name == "." || e.name == "..") continue;
      Result<Ino> looked = fs.Lookup(dir, e.name);
      note(looked.status());
      auto attr = fs.GetAttr(e.ino);
      note(attr.status());
      note(fs.ListXattrs(e.ino).status());
      if (!attr.ok()) continue;
      const uint32_t mode = attr.value().mode;
      if (S_ISDIR(mode)) {
        ++w.dirs;
        if (seen_dirs.insert(e.ino).second) stack.push_back(e.ino);
      } else if (S_ISREG(mode)) {
        ++w.regular;
        w.regular_inos.insert(e.ino);
        const uint64_t size = attr.value().size;
        note(fs.MapRange(e.ino, 0, std::min<uint64_t>(size, 8 << 20)).status());
        if (size > 4096) note(fs.MapRange(e.ino, size - 4096, 4096).status());
      } else if (S_ISLNK(mode)) {
        ++w.symlinks;
        note(fs.ReadLink(e.ino).status());
      }
    }
  }
  return w;
}

// Open + walk must report at least one error somewhere.
bool FailsSomewhere(std::vector<uint8_t> bytes, std::string* why = nullptr) {
  auto fs = OpenBytes(std::move(bytes));
  if (!fs.ok()) {
    if (why) *why = fs.status().ToString();
    return true;
  }
  WalkResult w = Walk(*fs.value());
  if (why) *why = w.first_error;
  return w.errors > 0;
}

void PutLe(std::vector<uint8_t>& b, size_t at, uint64_t v, size_t n) {
  if (at > b.size() || n > b.size() - at) {
    ::nydus::test::Fail(__FILE__, __LINE__, "test bug: write past the image at " + std::to_string(at));
    return;
  }
  for (size_t i = 0; i < n; ++i) b[at + i] = static_cast<uint8_t>(v >> (8 * i));
}
void Put16(std::vector<uint8_t>& b, size_t at, uint16_t v) { PutLe(b, at, v, 2); }
void Put32(std::vector<uint8_t>& b, size_t at, uint32_t v) { PutLe(b, at, v, 4); }
void Put64(std::vector<uint8_t>& b, size_t at, uint64_t v) { PutLe(b, at, v, 8); }
uint32_t Get32(const std::vector<uint8_t>& b, size_t at) { return LoadLe32(b.data() + at); }

// Record offset of child index `i` in a v5 image whose inode table is at 8192.
size_t RecordOffset(const std::vector<uint8_t>& b, uint32_t i) {
  return static_cast<size_t>(Get32(b, 8192 + 4 * (i - 1))) << 3;
}

}  // namespace

// ---- the fixture: superblock and tables (§5.1, §6.1) --------------------------------------

TEST("fixture superblock, blob table and extended blob table match the spec") {
  auto fs = OpenFixture();
  const SuperInfo& s = fs->super();
  CHECK(s.version == Version::kV5);
  CHECK_EQ(s.chunk_size, 1048576u);
  CHECK_EQ(s.flags, 0x9u);
  CHECK(s.compression == storage::Compression::kNone);
  CHECK(s.digest == storage::DigestAlgorithm::kSha256);
  CHECK_EQ(s.block_size, 0u);
  CHECK_EQ(s.inodes_count, 51u);
  CHECK_EQ(s.root_ino, 1u);
  CHECK_EQ(s.bootstrap_size, 18648u);
  CHECK_EQ(Field(s, "sb_size"), 8192u);
  CHECK_EQ(Field(s, "block_size"), 1048576u);
  CHECK_EQ(Field(s, "inode_table_offset"), 8192u);
  CHECK_EQ(Field(s, "inode_table_entries"), 54u);
  CHECK_EQ(Field(s, "prefetch_table_offset"), 8408u);
  CHECK_EQ(Field(s, "prefetch_table_entries"), 0u);
  CHECK_EQ(Field(s, "blob_table_offset"), 8408u);
  CHECK_EQ(Field(s, "blob_table_size"), 72u);
  CHECK_EQ(Field(s, "extended_blob_table_offset"), 8480u);
  CHECK_EQ(Field(s, "extended_blob_table_entries"), 1u);
  CHECK_EQ(s.fields.size(), 10u);
  CHECK(s.prefetch.empty());
  REQUIRE(s.blobs.size() == 1);
  const storage::BlobInfo& b = s.blobs[0];
  CHECK_EQ(b.index, 0u);
  CHECK_EQ(b.blob_id, std::string(kBlobId));
  CHECK(b.compression == storage::Compression::kNone);
  CHECK(b.digest == storage::DigestAlgorithm::kSha256);
  CHECK_EQ(b.features, 0u);
  CHECK_EQ(b.chunk_size, 1048576u);
  CHECK_EQ(b.chunk_count, 23u);
  CHECK_EQ(b.uncompressed_size, 3508766u);
  CHECK_EQ(b.compressed_size, 3508766u);
  CHECK_EQ(b.compressed_size, Blob().size());
  CHECK_EQ(b.readahead_offset, 0u);
  CHECK_EQ(b.readahead_size, 0u);
}

TEST("fixture root: sorted children, attributes, dot entries") {
  auto fs = OpenFixture();
  std::vector<DirEntry> root = ListDir(*fs, 1);
  REQUIRE(root.size() == 5);
  const char* names[] = {".", "..", "hardlink-test", "normal-file-test", "symlink-test"};
  for (size_t i = 0; i < 5; ++i) {
    CHECK_EQ(root[i].name, std::string(names[i]));
    CHECK_EQ(root[i].next_offset, i + 1);
    CHECK_EQ(root[i].type, 4u);  // DT_DIR
  }
  CHECK_EQ(root[0].ino, 1u);
  CHECK_EQ(root[1].ino, 1u);  // the root's ".." is itself
  CHECK_EQ(root[2].ino, 2u);
  auto a = fs->GetAttr(1);
  REQUIRE_OK(a);
  CHECK_EQ(a.value().ino, 1u);
  CHECK(S_ISDIR(a.value().mode));
  CHECK_EQ(a.value().nlink, 5u);
  CHECK_EQ(a.value().size, 4096u);
  CHECK_EQ(a.value().blocks, 8u);
  CHECK_EQ(a.value().mtime, 0u);
  CHECK_EQ(fs->Lookup(1, ".").value(), 1u);
  CHECK_EQ(fs->Lookup(1, "..").value(), 1u);
  const Ino hl = MustResolve(*fs, "/hardlink-test");
  CHECK_EQ(fs->Lookup(hl, "..").value(), 1u);
  CHECK_EQ(fs->Lookup(hl, ".").value(), hl);
}

TEST("fixture walk: 24 dirs, 23 regular entries of 21 inodes, 7 symlinks, no errors") {
  auto fs = OpenFixture();
  WalkResult w = Walk(*fs);
  CHECK_EQ(w.errors, 0);
  CHECK_EQ(w.dirs, 24);
  CHECK_EQ(w.regular, 23);
  CHECK_EQ(w.regular_inos.size(), 21u);
  CHECK_EQ(w.symlinks, 7);
}

TEST("fixture hard links share ino 5 with one chunk") {
  auto fs = OpenFixture();
  const Ino foo = MustResolve(*fs, "/hardlink-test/foo");
  CHECK_EQ(foo, 5u);
  CHECK_EQ(MustResolve(*fs, "/hardlink-test/test.sh"), 5u);
  CHECK_EQ(MustResolve(*fs, "/normal-file-test/test.sh"), 5u);
  auto a = fs->GetAttr(foo);
  REQUIRE_OK(a);
  CHECK_EQ(a.value().ino, 5u);
  CHECK_EQ(a.value().size, 944u);
  CHECK_EQ(a.value().mode, 0100775u);
  CHECK_EQ(a.value().nlink, 3u);
  std::vector<IoSegment> segs = MustMap(*fs, foo, 0, 1 << 20);
  REQUIRE(segs.size() == 1);
  CHECK(!segs[0].hole);
  CHECK_EQ(segs[0].length, 944u);
  CHECK_EQ(segs[0].chunk.blob_index, 0u);
  CHECK_EQ(segs[0].chunk.index, 0u);
  CHECK_EQ(segs[0].chunk.compressed_offset, 0u);
  CHECK(segs[0].chunk.has_details);
  CHECK_EQ(FileSha(*fs, "/hardlink-test/foo"),
           std::string("fff49cf6925f933ae4e834b5d88d25ed06d40f3d70ff9b1916070596bf5649eb"));
  // ReadDir reports the shared ino for every link.
  const Ino nft = MustResolve(*fs, "/normal-file-test");
  bool saw = false;
  for (const DirEntry& e : ListDir(*fs, nft)) {
    if (e.name == "test.sh") {
      saw = true;
      CHECK_EQ(e.ino, 5u);
      CHECK_EQ(e.type, 8u);  // DT_REG
    }
  }
  CHECK(saw);
}

TEST("fixture regular files map to the right chunks and content") {
  auto fs = OpenFixture();
  const std::string bb = kBusybox;
  const Ino tar = MustResolve(*fs, bb + "/layer.tar");
  CHECK_EQ(tar, 20u);
  CHECK_EQ(fs->GetAttr(tar).value().size, 1415680u);
  std::vector<IoSegment> segs = MustMap(*fs, tar, 0, ~uint64_t{0});
  REQUIRE(segs.size() == 2);
  CHECK_EQ(segs[0].length, 1048576u);
  CHECK_EQ(segs[1].length, 367104u);
  CHECK_EQ(segs[1].file_offset, 1048576u);
  CHECK_EQ(Hex(ReadRange(*fs, tar, 1048568, 16)), std::string("75736564207370616365203d20256420"));
  std::vector<IoSegment> mid = MustMap(*fs, tar, 1048568, 16);
  REQUIRE(mid.size() == 2);
  CHECK_EQ(mid[0].offset_in_chunk, 1048568u);
  CHECK_EQ(mid[0].length, 8u);
  CHECK_EQ(mid[1].offset_in_chunk, 0u);
  CHECK_EQ(mid[1].length, 8u);
  CHECK_EQ(FileSha(*fs, bb + "/layer.tar"),
           std::string("0b97b1c81a3200e9eeb87f17a5d25a50791a16fa08fc41eb94ad15f26516ccea"));
  CHECK(MustMap(*fs, tar, 1415680, 10).empty());
  CHECK(MustMap(*fs, tar, 5, 0).empty());
  std::vector<IoSegment> tail = MustMap(*fs, tar, 1415670, 100);  // clipped to i_size
  REQUIRE(tail.size() == 1);
  CHECK_EQ(tail[0].length, 10u);

  const Ino passwd = MustResolve(*fs, bb + "/etc/passwd");
  CHECK_EQ(passwd, 28u);
  CHECK_EQ(fs->GetAttr(passwd).value().size, 340u);
  CHECK_EQ(FileSha(*fs, bb + "/etc/passwd"),
           std::string("466afb852e38d454b87ab903abd189ea4541bd79bdf15449ccce7460af94d711"));
  std::vector<uint8_t> head = ReadRange(*fs, passwd, 0, 24);
  CHECK_EQ(std::string(head.begin(), head.end()), std::string("root:x:0:0:root:/root:/b"));
  std::vector<uint8_t> version = ReadRange(*fs, MustResolve(*fs, bb + "/VERSION"), 0, 100);
  CHECK_EQ(std::string(version.begin(), version.end()), std::string("1.0"));
  CHECK_EQ(FileSha(*fs, "/normal-file-test/busybox/repositories"),
           std::string("02d8c9b08cec9e74e0f3e1a8db70a8ea06db5c603048c1b8f6edd83bbae2c56e"));

  const Ino hole1 = MustResolve(*fs, "/normal-file-test/holefiles/head-hole-1");
  CHECK_EQ(fs->GetAttr(hole1).value().size, 2097159u);
  std::vector<IoSegment> h = MustMap(*fs, hole1, 0, 2097159);
  REQUIRE(h.size() == 3);
  CHECK_EQ(h[0].chunk.index, 13u);
  CHECK_EQ(h[1].chunk.index, 13u);
  CHECK_EQ(h[2].chunk.index, 14u);
  CHECK_EQ(h[2].length, 7u);
  CHECK_EQ(FileSha(*fs, "/normal-file-test/holefiles/head-hole-1"),
           std::string("97cc2c7a60468144b316c68ee9b9ac964f40928434011ab7ab6c4615647beac0"));
}

TEST("fixture: every chunk's stored bytes hash to its block id") {
  auto fs = OpenFixture();
  int chunks = 0;
  std::set<uint32_t> distinct;
  for (Ino ino = 1; ino <= 54; ++ino) {
    auto a = fs->GetAttr(ino);
    REQUIRE_OK(a);
    if (!S_ISREG(a.value().mode)) continue;
    for (const IoSegment& seg : MustMap(*fs, ino, 0, a.value().size)) {
      REQUIRE(!seg.hole);
      const storage::ChunkRef& c = seg.chunk;
      CHECK_EQ(c.flags, 0u);
      CHECK_EQ(c.compressed_size, c.uncompressed_size);
      REQUIRE(c.compressed_offset + c.compressed_size <= Blob().size());
      std::vector<uint8_t> stored(Blob().begin() + c.compressed_offset,
                                  Blob().begin() + c.compressed_offset + c.compressed_size);
      CHECK_EQ(Sha256Hex(stored), Hex(c.digest));
      ++chunks;
      distinct.insert(c.index);
    }
  }
  CHECK_EQ(chunks, 29);  // 29 chunk records over the 54 child indexes (§5.1)
  CHECK_EQ(distinct.size(), 23u);
}

namespace {
// §3.11 through the public interface only; compared with the root's stored digest.
std::vector<uint8_t> Merkle(const Filesystem& fs, Ino ino, int depth) {
  REQUIRE(depth < 64);
  auto a = fs.GetAttr(ino);
  REQUIRE_OK(a);
  std::vector<uint8_t> input;
  const uint32_t mode = a.value().mode;
  if (S_ISDIR(mode)) {
    for (const DirEntry& e : ListDir(fs, ino, 2)) {
      std::vector<uint8_t> h = Merkle(fs, e.ino, depth + 1);
      input.insert(input.end(), h.begin(), h.end());
    }
  } else if (S_ISREG(mode)) {
    for (const IoSegment& seg : MustMap(fs, ino, 0, a.value().size)) {
      input.insert(input.end(), seg.chunk.digest.begin(), seg.chunk.digest.end());
    }
  } else if (S_ISLNK(mode)) {
    auto t = fs.ReadLink(ino);
    REQUIRE_OK(t);
    input.assign(t.value().begin(), t.value().end());
  }
  auto d = storage::ComputeDigest(storage::DigestAlgorithm::kSha256, ByteView(input));
  REQUIRE_OK(d);
  return std::vector<uint8_t>(d.value().begin(), d.value().end());
}
}  // namespace

TEST("fixture merkle tree recomputed from the interface matches the root digest") {
  auto fs = OpenFixture();
  const std::string root = Hex(Merkle(*fs, 1, 0));
  CHECK_EQ(root, std::string("14af3c0fe575eff6d0d8158e0990e41d4c37494e8005aada7885b36b37ad1886"));
  const size_t at = RecordOffset(Bootstrap(), 1);
  CHECK_EQ(Hex(std::vector<uint8_t>(Bootstrap().begin() + at, Bootstrap().begin() + at + 32)), root);
}

TEST("fixture symlinks, lookups that fail, and type errors") {
  auto fs = OpenFixture();
  auto t1 = fs->ReadLink(MustResolve(*fs, "/symlink-test/root-1"));
  REQUIRE_OK(t1);
  CHECK_EQ(t1.value(), std::string("/////////////////"));
  const Ino link = MustResolve(*fs, "/symlink-test/test.sh");
  CHECK_EQ(fs->ReadLink(link).value(), std::string("../normal-file-test/test.sh"));
  CHECK_EQ(fs->ReadLink(MustResolve(*fs, "/symlink-test/foo1")).value(), std::string("../../fc/foo"));
  auto la = fs->GetAttr(link);
  REQUIRE_OK(la);
  CHECK_EQ(la.value().mode, 0120777u);
  CHECK_EQ(la.value().size, 27u);

  CHECK_EQ(Resolve(*fs, "/does-not-exist").status().error_number(), ENOENT);
  CHECK_EQ(Resolve(*fs, "/hardlink-test/zzz").status().error_number(), ENOENT);
  CHECK_EQ(Resolve(*fs, "/hardlink-test/a").status().error_number(), ENOENT);
  CHECK_EQ(Resolve(*fs, "/hardlink-test/foo/x").status().error_number(), ENOTDIR);
  CHECK_EQ(fs->Lookup(1, std::string(256, 'a')).status().error_number(), ENAMETOOLONG);
  CHECK_EQ(fs->Lookup(1, "").status().error_number(), ENOENT);
  CHECK_EQ(fs->ReadLink(1).status().error_number(), EINVAL);
  CHECK_EQ(fs->MapRange(1, 0, 10).status().error_number(), EISDIR);
  CHECK_EQ(fs->MapRange(link, 0, 10).status().error_number(), EINVAL);
  CHECK_EQ(fs->ReadDir(5, 0, [](const DirEntry&) { return true; }).error_number(), ENOTDIR);
  CHECK_EQ(fs->GetAttr(0).status().error_number(), ENOENT);
  CHECK_EQ(fs->GetAttr(55).status().error_number(), ENOENT);
  auto x = fs->ListXattrs(5);
  REQUIRE_OK(x);
  CHECK(x.value().empty());
  CHECK_EQ(fs->GetXattr(5, "user.foo").status().error_number(), ENODATA);
}

TEST("fixture readdir offsets are stable cookies") {
  auto fs = OpenFixture();
  for (Ino dir = 1; dir <= 54; ++dir) {
    if (!S_ISDIR(fs->GetAttr(dir).value().mode)) continue;
    const std::vector<DirEntry> all = ListDir(*fs, dir);
    for (size_t i = 0; i < all.size(); ++i) {
      const std::vector<DirEntry> tail = ListDir(*fs, dir, all[i].next_offset);
      REQUIRE(tail.size() == all.size() - i - 1);
      for (size_t j = 0; j < tail.size(); ++j) {
        CHECK_EQ(tail[j].name, all[i + 1 + j].name);
        CHECK_EQ(tail[j].ino, all[i + 1 + j].ino);
        CHECK_EQ(tail[j].next_offset, all[i + 1 + j].next_offset);
      }
    }
    CHECK(ListDir(*fs, dir, all.back().next_offset).empty());
    CHECK(ListDir(*fs, dir, 1u << 30).empty());
    int n = 0;  // emit returning false stops after one entry
    REQUIRE_OK(fs->ReadDir(dir, 0, [&](const DirEntry&) { return ++n < 1; }));
    CHECK_EQ(n, 1);
  }
}

// ---- synthetic images (§6.4 xattrs, HAS_HOLE, prefetch, blob tables) -----------------------

namespace {

struct SynChunk {
  uint32_t blob_index = 0;
  uint32_t size = 0;  // stored raw: compressed size == uncompressed size
  uint64_t blob_offset = 0;
  uint64_t file_offset = 0;
  uint32_t index = 0;
};

struct SynInode {
  uint64_t parent = 0;
  uint64_t ino = 0;
  uint32_t mode = 0;
  uint64_t size = 0;
  uint64_t flags = 0;
  uint32_t nlink = 1;
  uint32_t child_index = 0;
  uint32_t child_count = 0;  // directories; regular files use chunks.size()
  std::string name;
  std::string symlink;
  std::vector<uint8_t> xattrs;  // the whole table: u64 size + pairs, unpadded
  std::vector<SynChunk> chunks;
};

struct SynOptions {
  uint32_t blobs = 1;
  uint32_t ext_entries = 1;
  std::vector<uint32_t> prefetch;
};

struct SynImage {
  std::vector<uint8_t> bytes;
  std::vector<size_t> records;  // record offset of child index i at [i - 1]
};

// Lays a v5 image out the way the builder does (§3.1), from this spec only.
SynImage BuildV5(const std::vector<SynInode>& inodes, const SynOptions& opt = {}) {
  std::vector<uint8_t> b(8192, 0);
  const auto align = [&]() { b.resize((b.size() + 7) & ~size_t{7}, 0); };
  const auto append = [&](const void* p, size_t n) {
    const uint8_t* u = static_cast<const uint8_t*>(p);
    b.insert(b.end(), u, u + n);
  };
  const uint32_t n = static_cast<uint32_t>(inodes.size());
  const size_t inode_table = b.size();
  b.resize(inode_table + 4 * n, 0);
  align();
  const size_t prefetch = b.size();
  for (uint32_t v : opt.prefetch) {
    b.resize(b.size() + 4);
    Put32(b, b.size() - 4, v);
  }
  align();
  const size_t blob_table = b.size();
  for (uint32_t i = 0; i < opt.blobs; ++i) {
    if (i > 0) b.push_back(0);
    b.resize(b.size() + 8, 0);
    const std::string id = std::string(63, '0') + static_cast<char>('a' + i);
    append(id.data(), id.size());
  }
  align();
  const size_t blob_table_size = b.size() - blob_table;
  const size_t ext = b.size();
  for (uint32_t i = 0; i < opt.ext_entries; ++i) {
    b.resize(b.size() + 64, 0);
    Put32(b, ext + 64 * i, 16);
    Put64(b, ext + 64 * i + 8, 64 << 20);
    Put64(b, ext + 64 * i + 16, 64 << 20);
  }
  SynImage img;
  for (uint32_t i = 0; i < n; ++i) {
    const SynInode& in = inodes[i];
    const size_t at = b.size();
    img.records.push_back(at);
    Put32(b, inode_table + 4 * i, static_cast<uint32_t>(at >> 3));
    b.resize(at + 128, 0);
    Put64(b, at + 32, in.parent);
    Put64(b, at + 40, in.ino);
    Put32(b, at + 60, in.mode);
    Put64(b, at + 64, in.size);
    Put64(b, at + 72, (in.size + 511) / 512);
    Put64(b, at + 80, in.flags);
    Put32(b, at + 88, in.nlink);
    Put32(b, at + 92, in.child_index);
    Put32(b, at + 96, S_ISREG(in.mode) ? static_cast<uint32_t>(in.chunks.size()) : in.child_count);
    Put16(b, at + 100, static_cast<uint16_t>(in.name.size()));
    Put16(b, at + 102, static_cast<uint16_t>(in.symlink.size()));
    Put32(b, at + 108, 5);
    Put64(b, at + 112, 1700000000);
    append(in.name.data(), in.name.size());
    align();
    append(in.symlink.data(), in.symlink.size());
    align();
    append(in.xattrs.data(), in.xattrs.size());
    align();
    for (const SynChunk& c : in.chunks) {
      const size_t r = b.size();
      b.resize(r + 80, 0);
      b[r] = static_cast<uint8_t>(c.index + 1);  // a recognisable block id
      Put32(b, r + 32, c.blob_index);
      Put32(b, r + 40, c.size);
      Put32(b, r + 44, c.size);
      Put64(b, r + 48, c.blob_offset);
      Put64(b, r + 56, c.blob_offset);
      Put64(b, r + 64, c.file_offset);
      Put32(b, r + 72, c.index);
    }
  }
  Put32(b, 0, 0x52414653);
  Put32(b, 4, 0x500);
  Put32(b, 8, 8192);
  Put32(b, 12, 0x100000);
  Put64(b, 16, 0x9 | 0x20);
  Put64(b, 24, n);
  Put64(b, 32, inode_table);
  Put64(b, 40, prefetch);
  Put64(b, 48, blob_table);
  Put32(b, 56, n);
  Put32(b, 60, static_cast<uint32_t>(opt.prefetch.size()));
  Put32(b, 64, static_cast<uint32_t>(blob_table_size));
  Put32(b, 68, opt.ext_entries);
  Put64(b, 72, opt.ext_entries ? ext : 0);
  img.bytes = std::move(b);
  return img;
}

constexpr uint64_t kMiB = 1 << 20;

// The §6.4 encoding of one pair user.foo = "bar".
const std::vector<uint8_t> kUserFooBar = {0x10, 0, 0, 0, 0, 0, 0, 0, 0x0c, 0, 0, 0, 0x75, 0x73,
                                          0x65, 0x72, 0x2e, 0x66, 0x6f, 0x6f, 0x00, 0x62, 0x61, 0x72};

std::vector<uint8_t> XattrTable(const std::vector<std::string>& pairs) {
  std::vector<uint8_t> out(8, 0);
  for (const std::string& p : pairs) {
    const size_t at = out.size();
    out.resize(at + 4);
    Put32(out, at, static_cast<uint32_t>(p.size()));
    out.insert(out.end(), p.begin(), p.end());
  }
  Put64(out, 0, out.size() - 8);
  return out;
}

// "/": a-xattr (§6.4 pair, 1 chunk), b-holes (HAS_HOLE: hole, chunk, hole, chunk, hole),
// c-link -> a-xattr, d-xattrs (three pairs, one without a NUL).
std::vector<SynInode> SynTree() {
  std::vector<SynInode> t(5);
  t[0] = {0, 1, 040755, 4096, 0, 2, 2, 4, "/", "", {}, {}};
  t[1] = {1, 2, 0100644, 5, 0x4, 1, 0, 0, "a-xattr", "", kUserFooBar, {{0, 5, 0, 0, 0}}};
  t[2] = {1, 3, 0100644, 4 * kMiB + 100, 0x8, 1, 0, 0, "b-holes", "", {},
          {{0, 1 << 20, 8, kMiB, 1}, {0, 4096, 8 + kMiB, 3 * kMiB, 2}}};
  t[3] = {1, 4, 0120777, 7, 0x1, 1, 0, 0, "c-link", "a-xattr", {}, {}};
  t[4] = {1, 5, 0100600, 0, 0x4, 1, 0, 0, "d-xattrs", "",
          XattrTable({std::string("trusted.t\0v", 11), "abcde", std::string("user.empty\0", 11)}), {}};
  return t;
}

std::unique_ptr<Filesystem> MustOpen(std::vector<uint8_t> bytes) {
  auto fs = OpenBytes(std::move(bytes));
  REQUIRE_OK(fs);
  return std::move(fs).value();
}

}  // namespace

TEST("synthetic image: the §6.4 xattr pair, pairs without NUL skipped") {
  SynImage img = BuildV5(SynTree());
  const size_t xattr_at = img.records[1] + 128 + 8;
  CHECK(std::vector<uint8_t>(img.bytes.begin() + xattr_at, img.bytes.begin() + xattr_at + 24) == kUserFooBar);
  auto fs = MustOpen(img.bytes);
  CHECK_EQ(MustResolve(*fs, "/a-xattr"), 2u);
  auto names = fs->ListXattrs(2);
  REQUIRE_OK(names);
  CHECK(names.value() == std::vector<std::string>{"user.foo"});
  auto v = fs->GetXattr(2, "user.foo");
  REQUIRE_OK(v);
  CHECK_EQ(v.value(), std::string("bar"));
  CHECK_EQ(fs->GetXattr(2, "user.fo").status().error_number(), ENODATA);
  CHECK_EQ(fs->GetXattr(4, "user.foo").status().error_number(), ENODATA);
  auto names5 = fs->ListXattrs(5);
  REQUIRE_OK(names5);
  CHECK(names5.value() == (std::vector<std::string>{"trusted.t", "user.empty"}));
  CHECK_EQ(fs->GetXattr(5, "trusted.t").value(), std::string("v"));
  CHECK_EQ(fs->GetXattr(5, "user.empty").value(), std::string());
  CHECK_EQ(fs->GetXattr(5, "abcde").status().error_number(), ENODATA);
  auto a = fs->GetAttr(2);
  REQUIRE_OK(a);
  CHECK_EQ(a.value().mtime, 1700000000u);
  CHECK_EQ(a.value().mtime_nsec, 5u);
  CHECK_EQ(fs->ReadLink(4).value(), std::string("a-xattr"));
  // Chunks after the xattr table are found at +8+align8(size).
  std::vector<IoSegment> segs = MustMap(*fs, 2, 0, 5);
  REQUIRE(segs.size() == 1);
  CHECK_EQ(segs[0].chunk.digest[0], 1u);
  CHECK_EQ(segs[0].length, 5u);
  CHECK_EQ(Walk(*fs).errors, 0);
}

TEST("synthetic HAS_HOLE file: gaps become hole segments covering the range exactly") {
  auto fs = MustOpen(BuildV5(SynTree()).bytes);
  std::vector<IoSegment> s = MustMap(*fs, 3, 0, ~uint64_t{0});
  REQUIRE(s.size() == 5);
  const uint64_t offs[] = {0, kMiB, 2 * kMiB, 3 * kMiB, 3 * kMiB + 4096};
  const uint32_t lens[] = {1 << 20, 1 << 20, 1 << 20, 4096, static_cast<uint32_t>(kMiB + 100 - 4096)};
  const bool holes[] = {true, false, true, false, true};
  for (size_t i = 0; i < 5; ++i) {
    CHECK_EQ(s[i].file_offset, offs[i]);
    CHECK_EQ(s[i].length, lens[i]);
    CHECK_EQ(s[i].hole, holes[i]);
  }
  CHECK_EQ(s[1].chunk.index, 1u);
  CHECK_EQ(s[3].chunk.index, 2u);
  CHECK_EQ(s[3].chunk.compressed_offset, 8 + kMiB);
  std::vector<IoSegment> edge = MustMap(*fs, 3, kMiB - 10, 20);
  REQUIRE(edge.size() == 2);
  CHECK(edge[0].hole);
  CHECK_EQ(edge[0].length, 10u);
  CHECK(!edge[1].hole);
  CHECK_EQ(edge[1].offset_in_chunk, 0u);
  CHECK_EQ(edge[1].length, 10u);
  std::vector<IoSegment> inside = MustMap(*fs, 3, 2 * kMiB + 5, 10);
  REQUIRE(inside.size() == 1);
  CHECK(inside[0].hole);
  CHECK_EQ(inside[0].file_offset, 2 * kMiB + 5);
  // A non-HAS_HOLE file whose chunks stop before i_size gets a zero tail.
  SynImage img = BuildV5(SynTree());
  Put64(img.bytes, img.records[1] + 64, 10);
  auto fs2 = MustOpen(img.bytes);
  std::vector<IoSegment> t = MustMap(*fs2, 2, 0, 100);
  REQUIRE(t.size() == 2);
  CHECK(!t[0].hole);
  CHECK_EQ(t[0].length, 5u);
  CHECK(t[1].hole);
  CHECK_EQ(t[1].file_offset, 5u);
  CHECK_EQ(t[1].length, 5u);
}

TEST("synthetic: a huge sparse range is refused instead of allocating without bound") {
  SynImage img = BuildV5(SynTree());
  Put64(img.bytes, img.records[2] + 64, uint64_t{1} << 62);
  auto fs = MustOpen(img.bytes);
  CHECK_EQ(fs->MapRange(3, 0, ~uint64_t{0}).status().error_number(), EINVAL);
  std::vector<IoSegment> far = MustMap(*fs, 3, uint64_t{1} << 61, 4096);
  REQUIRE(far.size() == 1);
  CHECK(far[0].hole);
}

TEST("synthetic: prefetch table up to the first 0, blob tables with and without extension") {
  SynOptions opt;
  opt.prefetch = {5, 3, 0, 7};
  auto fs = MustOpen(BuildV5(SynTree(), opt).bytes);
  CHECK(fs->super().prefetch == (std::vector<Ino>{5, 3}));
  CHECK_EQ(Field(fs->super(), "prefetch_table_entries"), 4u);

  opt = {};
  opt.blobs = 3;
  opt.ext_entries = 3;
  auto fs3 = MustOpen(BuildV5(SynTree(), opt).bytes);
  REQUIRE(fs3->super().blobs.size() == 3);
  CHECK_EQ(fs3->super().blobs[2].index, 2u);
  CHECK_EQ(fs3->super().blobs[2].blob_id, std::string(63, '0') + "c");
  CHECK_EQ(fs3->super().blobs[1].chunk_count, 16u);

  opt.ext_entries = 2;  // fewer extended entries than blobs
  CHECK(!OpenBytes(BuildV5(SynTree(), opt).bytes).ok());

  opt.ext_entries = 0;  // absent: old image
  auto old = MustOpen(BuildV5(SynTree(), opt).bytes);
  for (const storage::BlobInfo& b : old->super().blobs) {
    CHECK_EQ(b.features, static_cast<uint32_t>(storage::kBlobV5NoExtTable));
    CHECK_EQ(b.chunk_count, 0u);
    CHECK_EQ(b.compressed_size, 0u);
    CHECK_EQ(b.uncompressed_size, 0u);
  }
  CHECK_EQ(MustMap(*old, 2, 0, 5).size(), 1u);

  // The fixture without its extended table opens the same way.
  std::vector<uint8_t> b = Bootstrap();
  Put32(b, 68, 0);
  auto fx = MustOpen(b);
  CHECK_EQ(fx->super().blobs[0].features, static_cast<uint32_t>(storage::kBlobV5NoExtTable));
  CHECK_EQ(Walk(*fx).errors, 0);
}

TEST("synthetic: the blob table loop of §3.5, and its bound") {
  const auto with_zero_table = [](size_t table_size) {
    SynImage img = BuildV5(SynTree());
    const size_t at = img.bytes.size();
    img.bytes.resize(at + ((table_size + 7) & ~size_t{7}), 0);
    Put64(img.bytes, 48, at);
    Put32(img.bytes, 64, static_cast<uint32_t>(table_size));
    Put32(img.bytes, 68, 0);
    return OpenBytes(std::move(img.bytes));
  };
  // Zero bytes: each entry is 8 bytes of readahead, an empty id and its NUL; a tail of
  // 8 bytes or fewer is padding.
  auto three = with_zero_table(9 * 3 + 8);
  REQUIRE_OK(three);
  CHECK_EQ(three.value()->super().blobs.size(), 3u);
  auto four = with_zero_table(9 * 3 + 9);
  REQUIRE_OK(four);
  CHECK_EQ(four.value()->super().blobs.size(), 4u);
  CHECK(four.value()->super().blobs[3].blob_id.empty());
  CHECK(!with_zero_table(9 * 65537).ok());
}

TEST("synthetic hostile xattr tables give EIO") {
  SynImage base = BuildV5(SynTree());
  const size_t x2 = base.records[1] + 128 + 8;  // a-xattr's table
  const size_t x5 = base.records[4] + 128 + 8;  // d-xattrs' table
  for (uint64_t huge : {~uint64_t{0}, ~uint64_t{0} - 7, uint64_t{1} << 40, uint64_t{20000}}) {
    std::vector<uint8_t> b = base.bytes;
    Put64(b, x2, huge);
    auto fs = MustOpen(b);
    CHECK_EQ(fs->GetAttr(2).status().error_number(), EIO);
    CHECK_EQ(fs->ListXattrs(2).status().error_number(), EIO);
  }
  std::vector<uint8_t> b = base.bytes;
  Put32(b, x5 + 8, 1000);  // first pair overruns the table
  auto fs = MustOpen(b);
  CHECK_EQ(fs->ListXattrs(5).status().error_number(), EIO);
  CHECK_EQ(fs->GetXattr(5, "user.empty").status().error_number(), EIO);
  b = base.bytes;
  Put64(b, x2, 14);  // the only pair's header fits, its body does not
  CHECK_EQ(MustOpen(b)->ListXattrs(2).status().error_number(), EIO);
  b = base.bytes;
  Put64(b, x2, 3);  // not even a pair header
  CHECK_EQ(MustOpen(b)->GetXattr(2, "user.foo").status().error_number(), EIO);
}

TEST("synthetic hostile chunk lists give EIO") {
  SynImage base = BuildV5(SynTree());
  const size_t c3 = base.records[2] + 128 + 8;  // b-holes' chunk records
  std::vector<uint8_t> b = base.bytes;
  Put64(b, c3 + 80 + 64, kMiB + 10);  // second chunk overlaps the first
  CHECK_EQ(MustOpen(b)->MapRange(3, 0, 4 * kMiB).status().error_number(), EIO);
  b = base.bytes;
  Put64(b, c3 + 64, ~uint64_t{0} - 10);  // file offset + size overflows
  CHECK_EQ(MustOpen(b)->MapRange(3, 0, 10).status().error_number(), EIO);
  b = base.bytes;
  Put32(b, c3 + 72, 16);  // chunk index beyond the blob's chunk count
  CHECK_EQ(MustOpen(b)->MapRange(3, 0, 4 * kMiB).status().error_number(), EIO);
  b = base.bytes;
  Put64(b, c3 + 48, (64 << 20) - 10);  // stored bytes beyond the blob
  CHECK_EQ(MustOpen(b)->MapRange(3, 0, 4 * kMiB).status().error_number(), EIO);
}

// ---- hostile mutations of the fixture ----------------------------------------------------

TEST("hostile: every truncation of the fixture fails to open or fails on access") {
  const std::vector<uint8_t>& full = Bootstrap();
  for (size_t len = 0; len < full.size(); len += (len < 8300 ? 1 : 8)) {
    std::string why;
    const bool failed = FailsSomewhere(std::vector<uint8_t>(full.begin(), full.begin() + len), &why);
    if (!failed) ::nydus::test::Fail(__FILE__, __LINE__, "truncated at " + std::to_string(len) + " fully readable");
  }
  std::vector<uint8_t> odd = full;
  odd.resize(odd.size() + 4, 0);  // not a multiple of 8
  CHECK(!OpenBytes(odd).ok());
}

TEST("hostile: bad superblock fields are refused at open") {
  struct Mutation {
    size_t at;
    int width;
    uint64_t value;
  };
  const Mutation bad[] = {
      {0, 4, 0},                       // magic
      {4, 4, 0x400},                   // version v4
      {8, 4, 4096},                    // sb_size
      {12, 4, 0}, {12, 4, 2048}, {12, 4, 0x2000000}, {12, 4, 0x100001}, {12, 4, 0x80000000},
      {16, 8, 0x9 | 0x400}, {16, 8, 0x9 | (uint64_t{1} << 40)},
      {24, 8, 55},                     // inodes_count > entries
      {32, 8, 8196}, {32, 8, 0}, {32, 8, 8184}, {32, 8, 18648}, {32, 8, ~uint64_t{0} - 7},
      {56, 4, 0}, {56, 4, 0xFFFFFFFF}, {56, 4, 4660}, {56, 4, 60},
      {48, 8, 8192}, {48, 8, 8404}, {48, 8, 18648}, {48, 8, ~uint64_t{0} - 7}, {64, 4, 0xFFFFFFFF},
      {68, 4, 0xFFFFFFFF}, {68, 4, 200},
      {72, 8, 8408}, {72, 8, 8484}, {72, 8, 0}, {72, 8, 8192}, {72, 8, ~uint64_t{0} - 7},
      {60, 4, 1}, {60, 4, 0xFFFFFFFF},  // prefetch table over the blob table / beyond the file
      {8192, 4, 0}, {8192, 4, 0x1FFFFFFF}, {8192, 4, 1024}, {8192, 4, 1085},  // root slot
  };
  for (const Mutation& m : bad) {
    std::vector<uint8_t> b = Bootstrap();
    if (m.width == 4) {
      Put32(b, m.at, static_cast<uint32_t>(m.value));
    } else {
      Put64(b, m.at, m.value);
    }
    auto fs = OpenBytes(std::move(b));
    if (fs.ok()) {
      ::nydus::test::Fail(__FILE__, __LINE__, "superblock byte " + std::to_string(m.at) + " = " +
                                                  std::to_string(m.value) + " accepted");
    }
  }
  // With no entries the prefetch offset is not checked (it may even lie on the inode table).
  std::vector<uint8_t> b = Bootstrap();
  Put64(b, 40, 8192);
  CHECK(OpenBytes(b).ok());
}

TEST("hostile: corrupt inode records give EIO naming the inode") {
  const std::vector<uint8_t>& base = Bootstrap();
  const auto with = [&](uint32_t child, size_t field, int width, uint64_t value) {
    std::vector<uint8_t> b = base;
    const size_t at = RecordOffset(b, child) + field;
    if (width == 2) Put16(b, at, static_cast<uint16_t>(value));
    if (width == 4) Put32(b, at, static_cast<uint32_t>(value));
    if (width == 8) Put64(b, at, value);
    return b;
  };
  const auto eio = [&](std::vector<uint8_t> b, Ino ino, const std::string& text) {
    auto fs = OpenBytes(std::move(b));
    REQUIRE_OK(fs);
    auto a = fs.value()->GetAttr(ino);
    CHECK_EQ(a.status().error_number(), EIO);
    if (a.status().message().find(text) == std::string::npos) {
      ::nydus::test::Fail(__FILE__, __LINE__, "message \"" + a.status().message() + "\" lacks \"" + text + "\"");
    }
  };
  eio(with(5, 100, 2, 0), 5, "inode 5: name size 0");
  eio(with(5, 100, 2, 300), 5, "inode 5: name size 300");
  eio(with(5, 40, 8, 0), 5, "inode 5: i_ino 0");
  eio(with(5, 40, 8, 55), 5, "inode 5: i_ino 55");
  eio(with(5, 88, 4, 0), 5, "inode 5: nlink 0");
  eio(with(3, 32, 8, 0), 3, "inode 3: parent 0");
  eio(with(3, 32, 8, 3), 3, "inode 3: parent 3");
  eio(with(5, 96, 4, 0x10000000), 5, "inode 5: 268435456 chunk records beyond end of file");
  eio(with(2, 92, 4, 2), 2, "inode 2: children");                 // child range at itself
  eio(with(2, 92, 4, 1), 2, "inode 2: children");                 // ... at its parent
  eio(with(2, 92, 4, 0xFFFFFFFF), 2, "inode 2: children");        // ... overflowing
  eio(with(2, 96, 4, 1000), 2, "inode 2: children");              // ... beyond the table
  eio(with(2, 64 + 16, 8, 0x4), 2, "inode 2: xattr table");       // XATTR flag, garbage size
  CHECK(!OpenBytes(with(1, 92, 4, 1)).ok());                      // root's children at itself
  CHECK(!OpenBytes(with(1, 60, 4, 0100755)).ok());                // root not a directory

  auto fs = MustOpen(base);
  const Ino link = MustResolve(*fs, "/symlink-test/root-1");
  eio(with(static_cast<uint32_t>(link), 102, 2, 0), link, "symlink size 0");
  std::vector<uint8_t> oob = base;
  Put32(oob, 8192 + 4 * 4, 0x1FFFFFF8);  // child 5's record far beyond the file
  auto fs2 = MustOpen(oob);
  CHECK_EQ(fs2->GetAttr(5).status().error_number(), EIO);
  CHECK_EQ(Resolve(*fs2, "/hardlink-test/foo").status().error_number(), EIO);
  Put32(oob, 8192 + 4 * 4, 0);
  CHECK_EQ(MustOpen(oob)->GetAttr(5).status().error_number(), EIO);
}

TEST("hostile: corrupt chunk records give EIO from MapRange") {
  const std::vector<uint8_t>& base = Bootstrap();
  const size_t chunk = RecordOffset(base, 5) + 128 + 8;  // foo's only chunk
  const struct {
    size_t field;
    int width;
    uint64_t value;
  } bad[] = {
      {32, 4, 1},             // blob index out of range
      {44, 4, 0},             // uncompressed size 0
      {44, 4, 0x100001},      // larger than the chunk size
      {40, 4, 945},           // raw chunk whose stored size differs
      {72, 4, 23},            // chunk index beyond the blob's chunk count
      {48, 8, 3508766},       // stored bytes beyond the blob
      {48, 8, ~uint64_t{0}},  // overflowing offset
  };
  for (const auto& m : bad) {
    std::vector<uint8_t> b = base;
    if (m.width == 4) Put32(b, chunk + m.field, static_cast<uint32_t>(m.value));
    if (m.width == 8) Put64(b, chunk + m.field, m.value);
    auto fs = MustOpen(b);
    auto segs = fs->MapRange(5, 0, 944);
    CHECK_EQ(segs.status().error_number(), EIO);
    if (segs.status().message().find("inode 5: chunk 0:") == std::string::npos) {
      ::nydus::test::Fail(__FILE__, __LINE__, "unexpected message: " + segs.status().message());
    }
  }
}

TEST("hostile: a directory listing itself as a child, and byte flips, never hang or crash") {
  std::vector<uint8_t> loop = Bootstrap();
  Put32(loop, 8192 + 4 * 4, Get32(loop, 8192 + 4 * 1));  // child 5 := hardlink-test's record
  auto fs = MustOpen(loop);
  WalkResult w = Walk(*fs);
  CHECK(w.dirs < 100);
  CHECK_EQ(MustResolve(*fs, "/hardlink-test/hardlink-test/hardlink-test"), 2u);

  const std::vector<uint8_t>& base = Bootstrap();
  int opened = 0;
  for (size_t at = 0; at < base.size(); at += (at < 128 || (at >= 8192 && at < 8544) ? 1 : 5)) {
    for (uint8_t x : {uint8_t{0xFF}, uint8_t{0x80}}) {
      std::vector<uint8_t> b = base;
      b[at] ^= x;
      auto f = OpenBytes(std::move(b));
      if (!f.ok()) continue;
      ++opened;
      Walk(*f.value());
    }
  }
  CHECK(opened > 0);
}

NYDUS_TEST_MAIN()
