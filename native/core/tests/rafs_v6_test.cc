// Unit tests for the RAFS v6 bootstrap reader (rafs/v6_*): the v6-zstd and v6-toc fixtures
// against rafs-format §5.3/§5.4/§6.2/§6.3, a hand-built image for compact inodes, xattrs,
// symlinks, holes and multi-block FLAT_PLAIN directories (§6.4 vectors), and hostile
// mutations of the fixture that must fail cleanly. Core layer tests (ctest core.rafs_v6).
#include <dirent.h>
#include <sys/stat.h>

#include <algorithm>
#include <cstdio>
#include <fstream>
#include <iterator>
#include <string>
#include <utility>
#include <vector>

#include "byte_region.h"
#include "rafs/filesystem.h"
#include "storage/compressor.h"
#include "storage/digester.h"
#include "test_harness.h"
#include "test_util.h"

using namespace nydus;
using namespace nydus::rafs;
using nydus::test::Hex;

namespace {

const std::string kFixtures = NYDUS_FIXTURES;
const std::string kZstdBootstrap = kFixtures + "/v6-zstd/bootstrap";
const std::string kZstdBlob =
    kFixtures + "/v6-zstd/blobs/be7d77eeb719f70884758d1aa800ed0fb09d701aaec469964e9d54325f0d5fef";
const std::string kTocBlob =
    kFixtures + "/v6-toc/2fa78cad554b75ac91a4a125ed148d0ddeb25efa4aaa8bd80e5dc292690a4dca";

std::vector<uint8_t> ReadAll(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  return std::vector<uint8_t>(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
}

Result<std::unique_ptr<Filesystem>> OpenBytes(std::vector<uint8_t> bytes) {
  return OpenBootstrapRegion(ByteRegion::FromVector(std::move(bytes)));
}

uint64_t Field(const SuperInfo& info, const std::string& name) {
  for (const auto& f : info.fields) {
    if (f.first == name) return f.second;
  }
  ::nydus::test::Fail(__FILE__, __LINE__, "no superblock field " + name);
  return ~0ull;
}

std::vector<DirEntry> ReadDirAll(const Filesystem& fs, Ino dir, uint64_t offset = 0) {
  std::vector<DirEntry> out;
  Status s = fs.ReadDir(dir, offset, [&](const DirEntry& e) {
    out.push_back(e);
    return true;
  });
  REQUIRE_OK(s);
  return out;
}

// Reads a file through MapRange and the bootstrap chunk table: stored bytes from `blob`,
// zstd-decoded when COMPRESSED, then the piece. Requires has_details for every chunk.
std::vector<uint8_t> ReadFileData(const Filesystem& fs, Ino ino, const std::vector<uint8_t>& blob) {
  auto attr = fs.GetAttr(ino);
  REQUIRE_OK(attr);
  auto segs = fs.MapRange(ino, 0, attr.value().size);
  REQUIRE_OK(segs);
  std::vector<uint8_t> out;
  for (const IoSegment& s : segs.value()) {
    CHECK_EQ(s.file_offset, out.size());
    if (s.hole) {
      out.insert(out.end(), s.length, 0);
      continue;
    }
    REQUIRE(s.chunk.has_details);
    REQUIRE(s.chunk.compressed_offset + s.chunk.compressed_size <= blob.size());
    ByteView stored(blob.data() + s.chunk.compressed_offset, s.chunk.compressed_size);
    std::vector<uint8_t> plain;
    if (s.chunk.flags & storage::kChunkCompressed) {
      auto d = storage::Decompress(storage::Compression::kZstd, stored, s.chunk.uncompressed_size);
      REQUIRE_OK(d);
      plain = std::move(d).value();
    } else {
      plain.assign(stored.data, stored.data + stored.size);
    }
    REQUIRE(s.offset_in_chunk + s.length <= plain.size());
    out.insert(out.end(), plain.begin() + s.offset_in_chunk, plain.begin() + s.offset_in_chunk + s.length);
  }
  return out;
}

std::string Sha256Hex(const std::vector<uint8_t>& data) {
  auto d = storage::ComputeDigest(storage::DigestAlgorithm::kSha256, data);
  REQUIRE_OK(d);
  return Hex(d.value());
}

// Touches everything reachable from the root with hard caps on depth and entries, so a
// hostile image with directory cycles cannot make the test hang. Returns entries seen.
size_t BoundedWalk(const Filesystem& fs) {
  size_t seen = 0;
  std::vector<std::pair<Ino, int>> stack{{fs.super().root_ino, 0}};
  while (!stack.empty() && seen < 2000) {
    auto [dir, depth] = stack.back();
    stack.pop_back();
    (void)fs.ReadDir(dir, 0, [&](const DirEntry& e) {
      if (++seen > 2000) return false;
      (void)fs.Lookup(dir, e.name);
      auto attr = fs.GetAttr(e.ino);
      (void)fs.ListXattrs(e.ino);
      (void)fs.GetXattr(e.ino, "user.foo");
      if (!attr.ok()) return true;
      const uint32_t type = attr.value().mode & S_IFMT;
      if (type == S_IFLNK) (void)fs.ReadLink(e.ino);
      if (type == S_IFREG) {
        (void)fs.MapRange(e.ino, 0, ~0ull);
        (void)fs.MapRange(e.ino, attr.value().size / 2, 4096);
      }
      if (type == S_IFDIR && e.name != "." && e.name != ".." && depth < 6) stack.push_back({e.ino, depth + 1});
      return true;
    });
  }
  return seen;
}

void Put16(std::vector<uint8_t>& b, size_t off, uint16_t v) {
  for (int i = 0; i < 2; ++i) b[off + i] = static_cast<uint8_t>(v >> (8 * i));
}
void Put32(std::vector<uint8_t>& b, size_t off, uint32_t v) {
  for (int i = 0; i < 4; ++i) b[off + i] = static_cast<uint8_t>(v >> (8 * i));
}
void Put64(std::vector<uint8_t>& b, size_t off, uint64_t v) {
  for (int i = 0; i < 8; ++i) b[off + i] = static_cast<uint8_t>(v >> (8 * i));
}

}  // namespace

TEST("v6-zstd: superblock, extended superblock, device slot and blob table match §5.3") {
  auto fs = OpenBootstrap(kZstdBootstrap);
  REQUIRE_OK(fs);
  const SuperInfo& info = fs.value()->super();
  CHECK(info.version == Version::kV6);
  CHECK_EQ(info.flags, 0x194u);
  CHECK(info.compression == storage::Compression::kZstd);
  CHECK(info.digest == storage::DigestAlgorithm::kBlake3);
  CHECK_EQ(info.chunk_size, 0x100000u);
  CHECK_EQ(info.block_size, 4096u);
  CHECK_EQ(info.inodes_count, 3u);
  CHECK_EQ(info.root_ino, 128u);
  CHECK_EQ(info.bootstrap_size, 20480u);
  CHECK_EQ(Field(info, "blkszbits"), 12u);
  CHECK_EQ(Field(info, "root_nid"), 128u);
  CHECK_EQ(Field(info, "inos"), 3u);
  CHECK_EQ(Field(info, "blocks"), 9u);
  CHECK_EQ(Field(info, "meta_blkaddr"), 2u);
  CHECK_EQ(Field(info, "xattr_blkaddr"), 0u);
  CHECK_EQ(Field(info, "feature_compat"), 0x40000000u);
  CHECK_EQ(Field(info, "feature_incompat"), 0xCu);
  CHECK_EQ(Field(info, "extra_devices"), 1u);
  CHECK_EQ(Field(info, "devt_slotoff"), 11u);
  CHECK_EQ(Field(info, "blob_table_offset"), 0x1000u);
  CHECK_EQ(Field(info, "blob_table_size"), 256u);
  CHECK_EQ(Field(info, "chunk_table_offset"), 0x4000u);
  CHECK_EQ(Field(info, "chunk_table_size"), 160u);
  CHECK_EQ(Field(info, "prefetch_table_offset"), 0u);
  CHECK_EQ(Field(info, "prefetch_table_size"), 0u);
  CHECK_EQ(info.fields.size(), 16u);
  CHECK(info.prefetch.empty());
  REQUIRE(info.blobs.size() == 1);
  const storage::BlobInfo& b = info.blobs[0];
  CHECK_EQ(b.index, 0u);
  CHECK_EQ(b.blob_id, "be7d77eeb719f70884758d1aa800ed0fb09d701aaec469964e9d54325f0d5fef");
  CHECK_EQ(b.chunk_size, 0x100000u);
  CHECK_EQ(b.chunk_count, 2u);
  CHECK(b.compression == storage::Compression::kZstd);
  CHECK(b.digest == storage::DigestAlgorithm::kBlake3);
  CHECK_EQ(b.features, 0x70000021u);
  CHECK_EQ(b.compressed_size, 14554u);
  CHECK_EQ(b.uncompressed_size, 36864u);
  CHECK_EQ(b.toc_size, 1024u);
  CHECK_EQ(b.ci_compressor, 0u);
  CHECK_EQ(b.ci_offset, 8314u);
  CHECK_EQ(b.ci_compressed_size, 32u);
  CHECK_EQ(b.ci_uncompressed_size, 32u);
  CHECK(b.has_blob_meta());
  CHECK_EQ(Hex(b.toc_digest), "cfc89ed0739aef4eb1bf0904f0dfdb1c857134eca7319465baae95a99b84acde");
  CHECK_EQ(b.cipher, 0u);
  CHECK_EQ(b.device_blocks, 9u);
  CHECK_EQ(b.mapped_blkaddr, 512u);
}

TEST("v6-zstd: root readdir returns the stored entries with cookies j+1") {
  auto fs = OpenBootstrap(kZstdBootstrap);
  REQUIRE_OK(fs);
  const Filesystem& f = *fs.value();
  auto all = ReadDirAll(f, 128);
  REQUIRE(all.size() == 4);
  const char* names[] = {".", "..", "lib.rs", "sync_io.rs"};
  const Ino inos[] = {128, 128, 133, 136};
  const uint32_t types[] = {DT_DIR, DT_DIR, DT_REG, DT_REG};
  for (size_t i = 0; i < 4; ++i) {
    CHECK_EQ(all[i].name, names[i]);
    CHECK_EQ(all[i].ino, inos[i]);
    CHECK_EQ(all[i].type, types[i]);
    CHECK_EQ(all[i].next_offset, i + 1);
  }
  auto from2 = ReadDirAll(f, 128, 2);
  REQUIRE(from2.size() == 2);
  CHECK_EQ(from2[0].name, "lib.rs");
  CHECK_EQ(from2[1].next_offset, 4u);
  CHECK(ReadDirAll(f, 128, 4).empty());
  CHECK(ReadDirAll(f, 128, 1000).empty());
  // emit returning false stops after one entry.
  int calls = 0;
  REQUIRE_OK(f.ReadDir(128, 1, [&](const DirEntry&) { return ++calls < 1; }));
  CHECK_EQ(calls, 1);
  CHECK_EQ(f.ReadDir(133, 0, [](const DirEntry&) { return true; }).error_number(), ENOTDIR);
}

TEST("v6-zstd: lookup finds '.', '..' and both files; misses are ENOENT") {
  auto fs = OpenBootstrap(kZstdBootstrap);
  REQUIRE_OK(fs);
  const Filesystem& f = *fs.value();
  const std::pair<const char*, Ino> hits[] = {{".", 128}, {"..", 128}, {"lib.rs", 133}, {"sync_io.rs", 136}};
  for (const auto& h : hits) {
    auto r = f.Lookup(128, h.first);
    REQUIRE_OK(r);
    CHECK_EQ(r.value(), h.second);
  }
  for (const char* miss : {"", "a", "lib.r", "lib.rs\x01", "zzz", "sync_io.rt", "-", "..."}) {
    CHECK_EQ(f.Lookup(128, miss).status().error_number(), ENOENT);
  }
  CHECK_EQ(f.Lookup(128, std::string(256, 'a')).status().error_number(), ENAMETOOLONG);
  CHECK_EQ(f.Lookup(133, "x").status().error_number(), ENOTDIR);
  CHECK_EQ(f.Lookup(99999999, "x").status().error_number(), EIO);
}

TEST("v6-zstd: getattr of the root and the extended-inode files") {
  auto fs = OpenBootstrap(kZstdBootstrap);
  REQUIRE_OK(fs);
  const Filesystem& f = *fs.value();
  auto root = f.GetAttr(128);
  REQUIRE_OK(root);
  CHECK_EQ(root.value().ino, 128u);
  CHECK_EQ(root.value().mode, 040755u);
  CHECK_EQ(root.value().size, 67u);
  CHECK_EQ(root.value().nlink, 2u);
  CHECK_EQ(root.value().blocks, 1u);
  auto lib = f.GetAttr(133);
  REQUIRE_OK(lib);
  CHECK_EQ(lib.value().ino, 133u);
  CHECK_EQ(lib.value().mode, 0100644u);
  CHECK_EQ(lib.value().size, 16931u);
  CHECK_EQ(lib.value().nlink, 1u);
  CHECK_EQ(lib.value().blocks, 34u);  // ceil(16931 / 512)
  CHECK_EQ(lib.value().rdev, 0u);
  CHECK_EQ(lib.value().mtime, 1676819553u);
  CHECK_EQ(lib.value().mtime_nsec, 628661334u);
  auto sync = f.GetAttr(136);
  REQUIRE_OK(sync);
  CHECK_EQ(sync.value().size, 13400u);
  CHECK_EQ(f.ReadLink(133).status().error_number(), EINVAL);
  auto xattrs = f.ListXattrs(133);
  REQUIRE_OK(xattrs);
  CHECK(xattrs.value().empty());
  CHECK_EQ(f.GetXattr(133, "user.foo").status().error_number(), ENODATA);
}

TEST("v6-zstd: MapRange gives chunk addresses and chunk-table details") {
  auto fs = OpenBootstrap(kZstdBootstrap);
  REQUIRE_OK(fs);
  const Filesystem& f = *fs.value();
  auto lib = f.MapRange(133, 0, ~0ull);
  REQUIRE_OK(lib);
  REQUIRE(lib.value().size() == 1);
  const IoSegment& s = lib.value()[0];
  CHECK(!s.hole);
  CHECK_EQ(s.file_offset, 0u);
  CHECK_EQ(s.length, 16931u);
  CHECK_EQ(s.offset_in_chunk, 0u);
  CHECK_EQ(s.chunk.blob_index, 0u);
  CHECK_EQ(s.chunk.index, 0u);
  CHECK_EQ(s.chunk.uncompressed_offset, 0u);
  CHECK_EQ(s.chunk.uncompressed_size, 16931u);
  CHECK(s.chunk.has_details);
  CHECK_EQ(s.chunk.compressed_offset, 0u);
  CHECK_EQ(s.chunk.compressed_size, 4828u);
  CHECK_EQ(s.chunk.flags, static_cast<uint32_t>(storage::kChunkCompressed));
  CHECK_EQ(Hex(s.chunk.digest), "f7e2735f1c6ae9cde91e537416b09d8bb71b306a421d19cc1012a51f93a7fe69");

  auto sync = f.MapRange(136, 100, 1000);
  REQUIRE_OK(sync);
  REQUIRE(sync.value().size() == 1);
  const IoSegment& t = sync.value()[0];
  CHECK_EQ(t.file_offset, 100u);
  CHECK_EQ(t.length, 1000u);
  CHECK_EQ(t.offset_in_chunk, 100u);
  CHECK_EQ(t.chunk.index, 1u);
  CHECK_EQ(t.chunk.uncompressed_offset, 20480u);
  CHECK_EQ(t.chunk.uncompressed_size, 13400u);
  CHECK(t.chunk.has_details);
  CHECK_EQ(t.chunk.compressed_offset, 4828u);
  CHECK_EQ(t.chunk.compressed_size, 2974u);
  CHECK_EQ(Hex(t.chunk.digest).substr(0, 8), "812465bc");

  auto tail = f.MapRange(136, 13000, 5000);  // clipped to the size
  REQUIRE_OK(tail);
  REQUIRE(tail.value().size() == 1);
  CHECK_EQ(tail.value()[0].length, 400u);
  auto past = f.MapRange(136, 13400, 10);
  REQUIRE_OK(past);
  CHECK(past.value().empty());
  CHECK_EQ(f.MapRange(128, 0, 1).status().error_number(), EISDIR);
}

TEST("v6-zstd: file contents decoded from the blob match §6.2 sha256") {
  auto fs = OpenBootstrap(kZstdBootstrap);
  REQUIRE_OK(fs);
  const std::vector<uint8_t> blob = ReadAll(kZstdBlob);
  REQUIRE(blob.size() == 14554);
  auto lib = ReadFileData(*fs.value(), 133, blob);
  CHECK_EQ(lib.size(), 16931u);
  CHECK_EQ(Sha256Hex(lib), "1810eba864521293bb0d6b55a3c82318d4d89f294ed761c456d9088a17de0c69");
  const std::string first_line = "// Copyright (C) 2020 Alibaba Cloud. All rights reserved.";
  CHECK(std::string(lib.begin(), lib.begin() + first_line.size()) == first_line);
  auto sync = ReadFileData(*fs.value(), 136, blob);
  CHECK_EQ(Sha256Hex(sync), "e629ab260ff0dc02a24648a3e0dd8c13a5daf233d535c330e3201925f5eeff96");
}

TEST("v6-toc: image.boot extracted from the blob matches §5.4 / §6.3") {
  const std::vector<uint8_t> blob = ReadAll(kTocBlob);
  REQUIRE(blob.size() >= 8498);
  auto boot = storage::Decompress(storage::Compression::kZstd, ByteView(blob.data() + 7997, 8498 - 7997), 20480);
  REQUIRE_OK(boot);
  auto fs = OpenBytes(std::move(boot).value());
  REQUIRE_OK(fs);
  const Filesystem& f = *fs.value();
  const SuperInfo& info = f.super();
  CHECK_EQ(info.inodes_count, 4u);
  CHECK_EQ(info.flags, 0x94u);
  CHECK_EQ(info.root_ino, 128u);
  CHECK_EQ(Field(info, "blocks"), 3u);
  CHECK_EQ(Field(info, "meta_blkaddr"), 2u);
  REQUIRE(info.blobs.size() == 1);
  const storage::BlobInfo& b = info.blobs[0];
  CHECK_EQ(b.blob_id, "d788a0eac4ff9779bc2eae3842117a918d847d90fddbea1503f7c5296a4a7de3");
  CHECK_EQ(b.mapped_blkaddr, 0u);
  CHECK_EQ(b.features, 0x1u);
  CHECK_EQ(b.chunk_count, 3u);
  CHECK_EQ(b.compressed_size, 2829u);
  CHECK_EQ(b.uncompressed_size, 12288u);
  CHECK_EQ(b.ci_offset, 3341u);
  CHECK_EQ(b.ci_uncompressed_size, 48u);

  struct Expect {
    const char* name;
    uint64_t size;
    uint32_t ci;
    const char* sha256;
  } files[] = {
      {"error.rs", 2816, 0, "b23741280bb7fbbd48b68da04f1ee8a4559a3191fd26e7bc332fe9a82205750b"},
      {"lib.rs", 678, 1, "7628231c52136b04935025215115e29df7f16f223f66c7793e70721483896210"},
      {"logger.rs", 3115, 2, "085f726e0b038b4121a0c9fa15a04e154f80e703be78b3d54c2dd445eae807bc"},
  };
  auto entries = ReadDirAll(f, 128);
  CHECK_EQ(entries.size(), 5u);
  for (const Expect& e : files) {
    auto ino = f.Lookup(128, e.name);
    REQUIRE_OK(ino);
    auto attr = f.GetAttr(ino.value());
    REQUIRE_OK(attr);
    CHECK_EQ(attr.value().size, e.size);
    auto segs = f.MapRange(ino.value(), 0, e.size);
    REQUIRE_OK(segs);
    REQUIRE(segs.value().size() == 1);
    CHECK_EQ(segs.value()[0].chunk.index, e.ci);
    CHECK_EQ(segs.value()[0].chunk.uncompressed_offset, e.ci * 4096ull);  // blk == ci
    CHECK(segs.value()[0].chunk.has_details);
    CHECK_EQ(Sha256Hex(ReadFileData(f, ino.value(), blob)), e.sha256);
  }
}

// ---------------------------------------------------------------------------------------
// A hand-built image (BS 4096, chunk size 4096, 3 blobs):
//   block 0: superblocks, 3 device slots; block 1: blob table; block 2: chunk table (1 record)
//   blocks 3-6 (meta_blkaddr 3): inodes (nids 100-499 are empty files); blocks 7-8: the
//   FLAT_PLAIN directory "big".
//   root  nid 2  compact dir, FLAT_INLINE: . .. big dev file link sparse
//   file  nid 8  compact reg, xattr user.foo=bar (icount 4), 5000 bytes, 2 chunks on blob 0
//   link  nid 12 compact symlink, FLAT_INLINE "target/file"
//   sparse nid 16 extended reg, 3 chunks: hole, §6.4 index (blob 2, ci 0x123456, blk 7), hole
//   dev   nid 20 extended chrdev rdev 0x0103
//   big   nid 24 compact dir, FLAT_PLAIN at block 7, entries . .. n000..n399 over 2 blocks
namespace {

constexpr uint64_t kBs = 4096;
constexpr uint64_t kMeta = 3 * kBs;
uint64_t NidOff(uint64_t nid) { return kMeta + nid * 32; }

struct Dirent {
  std::string name;
  uint64_t nid;
  uint8_t type;
};

// Writes entries (sorted) into consecutive blocks per the builder rule; returns i_size.
uint64_t WriteDirents(std::vector<uint8_t>& img, const std::vector<Dirent>& entries,
                      const std::vector<uint64_t>& block_offsets) {
  size_t i = 0;
  uint64_t size = 0;
  for (size_t b = 0; i < entries.size(); ++b) {
    size_t n = 0;
    uint64_t used = 0;
    while (i + n < entries.size() && used + 12 + entries[i + n].name.size() <= kBs) {
      used += 12 + entries[i + n].name.size();
      ++n;
    }
    const uint64_t base = block_offsets.at(b);
    uint64_t nameoff = 12 * n;
    for (size_t j = 0; j < n; ++j) {
      const Dirent& d = entries[i + j];
      Put64(img, base + 12 * j, d.nid);
      Put16(img, base + 12 * j + 8, static_cast<uint16_t>(nameoff));
      img[base + 12 * j + 10] = d.type;
      std::copy(d.name.begin(), d.name.end(), img.begin() + static_cast<long>(base + nameoff));
      nameoff += d.name.size();
    }
    i += n;
    size = i == entries.size() ? b * kBs + used : (b + 1) * kBs;
  }
  return size;
}

void PutCompact(std::vector<uint8_t>& img, uint64_t nid, uint16_t format, uint16_t icount, uint16_t mode,
                uint16_t nlink, uint32_t size, uint32_t i_u, uint16_t uid, uint16_t gid) {
  const uint64_t o = NidOff(nid);
  Put16(img, o, format);
  Put16(img, o + 2, icount);
  Put16(img, o + 4, mode);
  Put16(img, o + 6, nlink);
  Put32(img, o + 8, size);
  Put32(img, o + 16, i_u);
  Put16(img, o + 24, uid);
  Put16(img, o + 26, gid);
}

void PutExtended(std::vector<uint8_t>& img, uint64_t nid, uint16_t format, uint16_t mode, uint64_t size,
                 uint32_t i_u, uint32_t uid, uint32_t gid, uint64_t mtime, uint32_t nsec, uint32_t nlink) {
  const uint64_t o = NidOff(nid);
  Put16(img, o, format);
  Put16(img, o + 4, mode);
  Put64(img, o + 8, size);
  Put32(img, o + 16, i_u);
  Put32(img, o + 24, uid);
  Put32(img, o + 28, gid);
  Put64(img, o + 32, mtime);
  Put32(img, o + 40, nsec);
  Put32(img, o + 44, nlink);
}

std::string BigName(int i) {
  char buf[8];
  std::snprintf(buf, sizeof(buf), "n%03d", i);
  return buf;
}

std::vector<uint8_t> BuildSyntheticImage() {
  std::vector<uint8_t> img(9 * kBs, 0);
  // EROFS superblock.
  Put32(img, 1024, 0xE0F5E1E2);
  Put32(img, 1032, 0x40000000);
  img[1036] = 12;
  Put16(img, 1038, 2);          // root nid
  Put64(img, 1040, 6);          // inos
  Put32(img, 1060, 768);        // blocks
  Put32(img, 1064, 3);          // meta_blkaddr
  Put32(img, 1104, 0xC);
  Put16(img, 1110, 3);          // extra devices
  Put16(img, 1112, 11);
  // Extended superblock.
  Put64(img, 1152, 0x194);
  Put64(img, 1160, kBs);        // blob table
  Put32(img, 1168, 3 * 256);
  Put32(img, 1172, 4096);       // chunk size
  Put64(img, 1176, 2 * kBs);    // chunk table
  Put64(img, 1184, 80);
  // Device slots and blob table.
  for (uint32_t i = 0; i < 3; ++i) {
    const std::string id = "blob-" + std::to_string(i);
    std::copy(id.begin(), id.end(), img.begin() + 1408 + 128 * i);
    Put32(img, 1408 + 128 * i + 64, 256);
    Put32(img, 1408 + 128 * i + 68, 1024 + 256 * i);
    const uint64_t e = kBs + 256 * i;
    std::copy(id.begin(), id.end(), img.begin() + static_cast<long>(e));
    Put32(img, e + 64, i);
    Put32(img, e + 68, 4096);
    Put32(img, e + 76, 3);      // zstd
    Put32(img, e + 84, 1);      // ALIGNED
    Put64(img, e + 88, 1000);
    Put64(img, e + 96, 1 << 20);
  }
  // Chunk table: one record for (blob 2, ci 0x123456, blk 7).
  const uint64_t r = 2 * kBs;
  for (int i = 0; i < 32; ++i) img[r + i] = 0xAB;
  Put32(img, r + 32, 2);
  Put32(img, r + 36, 0x11);     // COMPRESSED | HAS_CRC32
  Put32(img, r + 40, 50);
  Put32(img, r + 44, 4096);
  Put64(img, r + 48, 100);
  Put64(img, r + 56, 7 * kBs);
  Put32(img, r + 72, 0x123456);
  Put32(img, r + 76, 0xDEADBEEF);

  // Root (nid 2): compact FLAT_INLINE directory.
  std::vector<Dirent> root = {{".", 2, 2},     {"..", 2, 2},    {"big", 24, 2},   {"dev", 20, 3},
                              {"file", 8, 1},  {"link", 12, 7}, {"sparse", 16, 1}};
  const uint64_t root_size = WriteDirents(img, root, {NidOff(2) + 32});
  PutCompact(img, 2, 0x0004, 0, 040755, 3, static_cast<uint32_t>(root_size), 0, 0, 0);
  // file (nid 8): xattr user.foo="bar" (§6.4), then 2 chunk indexes at align8(32 + 24).
  PutCompact(img, 8, 0x0008, 4, 0100600, 1, 5000, 0x0020 | 0, 1000, 1001);
  const uint8_t xattr[] = {3, 1, 3, 0, 'f', 'o', 'o', 'b', 'a', 'r', 0, 0};
  std::copy(std::begin(xattr), std::end(xattr), img.begin() + static_cast<long>(NidOff(8) + 32 + 12));
  const uint8_t file_idx[] = {0, 0, 1, 0, 0, 0, 0, 0, 1, 0, 1, 0, 1, 0, 0, 0};
  std::copy(std::begin(file_idx), std::end(file_idx), img.begin() + static_cast<long>(NidOff(8) + 56));
  // link (nid 12).
  const std::string target = "target/file";
  PutCompact(img, 12, 0x0004, 0, 0120777, 1, static_cast<uint32_t>(target.size()), 0, 0, 0);
  std::copy(target.begin(), target.end(), img.begin() + static_cast<long>(NidOff(12) + 32));
  // sparse (nid 16): extended, chunk-based, 3 chunks: hole, §6.4 vector, hole.
  PutExtended(img, 16, 0x0009, 0100644, 3 * 4096, 0x0020, 5, 6, 1234567890, 42, 1);
  const uint8_t sparse_idx[] = {0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff,  //
                                0x56, 0x34, 0x03, 0x12, 0x07, 0x00, 0x00, 0x00,  //
                                0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff};
  std::copy(std::begin(sparse_idx), std::end(sparse_idx), img.begin() + static_cast<long>(NidOff(16) + 64));
  // dev (nid 20): extended char device.
  PutExtended(img, 20, 0x0001, 020644, 0, 0x0103, 0, 0, 7, 0, 1);
  // big (nid 24): compact FLAT_PLAIN directory over blocks 5 and 6.
  std::vector<Dirent> big = {{".", 24, 2}, {"..", 2, 2}};
  for (int i = 0; i < 400; ++i) big.push_back({BigName(i), static_cast<uint64_t>(100 + i), 1});
  const uint64_t big_size = WriteDirents(img, big, {7 * kBs, 8 * kBs});
  PutCompact(img, 24, 0x0000, 0, 040755, 2, static_cast<uint32_t>(big_size), 7, 0, 0);
  // The n### entries point at nid 100+i: give them all a valid empty compact file.
  for (int i = 0; i < 400; ++i) PutCompact(img, 100 + i, 0x0008, 0, 0100644, 1, 0, 0x20, 0, 0);
  return img;
}

}  // namespace

TEST("synthetic: compact inodes, inline xattr (§6.4), symlink, chrdev") {
  auto fs = OpenBytes(BuildSyntheticImage());
  REQUIRE_OK(fs);
  const Filesystem& f = *fs.value();
  CHECK_EQ(f.super().root_ino, 2u);
  REQUIRE(f.super().blobs.size() == 3);
  CHECK_EQ(f.super().blobs[2].blob_id, "blob-2");
  CHECK_EQ(f.super().blobs[2].mapped_blkaddr, 1536u);

  auto file = f.Lookup(2, "file");
  REQUIRE_OK(file);
  CHECK_EQ(file.value(), 8u);
  auto attr = f.GetAttr(8);
  REQUIRE_OK(attr);
  CHECK_EQ(attr.value().mode, 0100600u);
  CHECK_EQ(attr.value().uid, 1000u);
  CHECK_EQ(attr.value().gid, 1001u);
  CHECK_EQ(attr.value().size, 5000u);
  CHECK_EQ(attr.value().blocks, 10u);
  CHECK_EQ(attr.value().mtime, 0u);  // compact inode: no mtime
  auto names = f.ListXattrs(8);
  REQUIRE_OK(names);
  REQUIRE(names.value().size() == 1);
  CHECK_EQ(names.value()[0], "user.foo");
  auto value = f.GetXattr(8, "user.foo");
  REQUIRE_OK(value);
  CHECK_EQ(value.value(), "bar");
  CHECK_EQ(f.GetXattr(8, "user.fo").status().error_number(), ENODATA);
  CHECK_EQ(f.GetXattr(8, "trusted.foo").status().error_number(), ENODATA);
  auto none = f.ListXattrs(12);
  REQUIRE_OK(none);
  CHECK(none.value().empty());

  // Chunk indexes follow align8(32 + 24) = 56 bytes after the inode.
  auto segs = f.MapRange(8, 4000, 200);
  REQUIRE_OK(segs);
  REQUIRE(segs.value().size() == 2);
  CHECK_EQ(segs.value()[0].file_offset, 4000u);
  CHECK_EQ(segs.value()[0].length, 96u);
  CHECK_EQ(segs.value()[0].offset_in_chunk, 4000u);
  CHECK_EQ(segs.value()[0].chunk.index, 0u);
  CHECK(!segs.value()[0].chunk.has_details);
  CHECK_EQ(segs.value()[1].file_offset, 4096u);
  CHECK_EQ(segs.value()[1].length, 104u);
  CHECK_EQ(segs.value()[1].offset_in_chunk, 0u);
  CHECK_EQ(segs.value()[1].chunk.index, 1u);
  CHECK_EQ(segs.value()[1].chunk.uncompressed_offset, 4096u);
  CHECK_EQ(segs.value()[1].chunk.uncompressed_size, 904u);

  auto link = f.Lookup(2, "link");
  REQUIRE_OK(link);
  auto target = f.ReadLink(link.value());
  REQUIRE_OK(target);
  CHECK_EQ(target.value(), "target/file");
  CHECK_EQ(f.ReadLink(2).status().error_number(), EINVAL);

  auto dev = f.GetAttr(20);
  REQUIRE_OK(dev);
  CHECK_EQ(dev.value().rdev, 0x0103u);
  CHECK_EQ(dev.value().mtime, 7u);
  CHECK_EQ(f.MapRange(20, 0, 1).status().error_number(), EINVAL);

  auto root = ReadDirAll(f, 2);
  REQUIRE(root.size() == 7);
  CHECK_EQ(root[3].name, "dev");
  CHECK_EQ(root[3].type, static_cast<uint32_t>(DT_CHR));
  CHECK_EQ(root[5].type, static_cast<uint32_t>(DT_LNK));
}

TEST("synthetic: the §6.4 chunk index decodes to blob 2, ci 0x123456, blk 7; null chunks are holes") {
  auto fs = OpenBytes(BuildSyntheticImage());
  REQUIRE_OK(fs);
  auto segs = fs.value()->MapRange(16, 0, ~0ull);
  REQUIRE_OK(segs);
  REQUIRE(segs.value().size() == 3);
  CHECK(segs.value()[0].hole);
  CHECK_EQ(segs.value()[0].length, 4096u);
  CHECK(segs.value()[2].hole);
  CHECK_EQ(segs.value()[2].file_offset, 8192u);
  const IoSegment& s = segs.value()[1];
  CHECK(!s.hole);
  CHECK_EQ(s.file_offset, 4096u);
  CHECK_EQ(s.chunk.blob_index, 2u);
  CHECK_EQ(s.chunk.index, 0x123456u);
  CHECK_EQ(s.chunk.uncompressed_offset, 7u * 4096);
  CHECK(s.chunk.has_details);
  CHECK_EQ(s.chunk.compressed_offset, 100u);
  CHECK_EQ(s.chunk.compressed_size, 50u);
  CHECK_EQ(s.chunk.flags, 0x11u);
  CHECK_EQ(s.chunk.crc32, 0xDEADBEEFu);
  CHECK_EQ(s.chunk.digest[31], 0xABu);
  auto attr = fs.value()->GetAttr(16);
  REQUIRE_OK(attr);
  CHECK_EQ(attr.value().uid, 5u);
  CHECK_EQ(attr.value().mtime, 1234567890u);
  CHECK_EQ(attr.value().mtime_nsec, 42u);
}

TEST("synthetic: FLAT_PLAIN directory over two blocks: lookup and readdir offsets") {
  auto fs = OpenBytes(BuildSyntheticImage());
  REQUIRE_OK(fs);
  const Filesystem& f = *fs.value();
  auto big = f.Lookup(2, "big");
  REQUIRE_OK(big);
  CHECK_EQ(big.value(), 24u);
  auto attr = f.GetAttr(24);
  REQUIRE_OK(attr);
  CHECK(attr.value().size > 4096);
  for (int i = 0; i < 400; ++i) {
    auto r = f.Lookup(24, BigName(i));
    REQUIRE_OK(r);
    CHECK_EQ(r.value(), static_cast<Ino>(100 + i));
  }
  auto dotdot = f.Lookup(24, "..");
  REQUIRE_OK(dotdot);
  CHECK_EQ(dotdot.value(), 2u);
  for (const char* miss : {"n400", "n0000", "m", "n25", "o", "n254x"}) {
    CHECK_EQ(f.Lookup(24, miss).status().error_number(), ENOENT);
  }
  auto all = ReadDirAll(f, 24);
  REQUIRE(all.size() == 402);
  CHECK_EQ(all[0].name, ".");
  CHECK_EQ(all[1].name, "..");
  for (size_t j = 0; j < all.size(); ++j) {
    CHECK_EQ(all[j].next_offset, j + 1);
    if (j >= 2) CHECK_EQ(all[j].name, BigName(static_cast<int>(j - 2)));
  }
  // Resuming at every cookie yields the same tail, across the block boundary too.
  for (uint64_t off : {1u, 2u, 200u, 254u, 255u, 256u, 257u, 300u, 401u, 402u, 500u}) {
    auto tail = ReadDirAll(f, 24, off);
    CHECK_EQ(tail.size(), off >= 402 ? 0u : 402 - off);
    if (!tail.empty()) CHECK_EQ(tail[0].name, all[off].name);
  }
  CHECK_EQ(BoundedWalk(f), 7u + 402u);
}

TEST("synthetic tarfs (§4.15): 512-byte blocks, chunk address = offset in the tar") {
  std::vector<uint8_t> img(8704, 0);
  Put32(img, 1024, 0xE0F5E1E2);
  Put32(img, 1032, 0x40000000);
  img[1036] = 9;
  Put16(img, 1038, 2);     // root nid
  Put64(img, 1040, 2);
  Put32(img, 1064, 16);    // meta_blkaddr: 16 × 512 = 8192
  Put32(img, 1104, 0xC);
  Put16(img, 1110, 1);
  Put16(img, 1112, 11);
  Put64(img, 1152, 0x205);  // TARTFS | BLAKE3 | COMPRESSION_NONE
  Put64(img, 1160, 4096);
  Put32(img, 1168, 256);
  Put32(img, 1172, 4096);
  const std::string id = "layer.tar";
  std::copy(id.begin(), id.end(), img.begin() + 1408);
  Put32(img, 1408 + 64, 100);
  std::copy(id.begin(), id.end(), img.begin() + 4096);
  Put32(img, 4096 + 68, 4096);
  Put64(img, 4096 + 88, 51200);
  Put64(img, 4096 + 96, 51200);  // no ALIGNED feature, no chunk info
  const uint64_t root = 8192 + 2 * 32;
  Put16(img, root, 0x0004);
  Put16(img, root + 4, 040755);
  Put16(img, root + 6, 2);
  Put32(img, root + 8, 3 * 12 + 4);
  const uint8_t dirents[] = {2, 0, 0, 0, 0, 0, 0, 0, 36, 0, 2, 0,  2, 0, 0, 0, 0, 0, 0, 0, 37, 0, 2, 0,
                             8, 0, 0, 0, 0, 0, 0, 0, 39, 0, 1, 0,  '.', '.', '.', 'f'};
  std::copy(std::begin(dirents), std::end(dirents), img.begin() + root + 32);
  const uint64_t file = 8192 + 8 * 32;
  Put16(img, file, 0x0008);
  Put16(img, file + 4, 0100644);
  Put16(img, file + 6, 1);
  Put32(img, file + 8, 8192);  // exactly two chunks: the tail chunk is a full chunk_size
  Put32(img, file + 16, 0x20);
  const uint8_t idx[] = {0, 0, 1, 0, 3, 0, 0, 0, 1, 0, 1, 0, 20, 0, 0, 0};
  std::copy(std::begin(idx), std::end(idx), img.begin() + file + 32);

  auto fs = OpenBytes(img);
  REQUIRE_OK(fs);
  CHECK_EQ(fs.value()->super().block_size, 512u);
  auto f = fs.value()->Lookup(2, "f");
  REQUIRE_OK(f);
  auto segs = fs.value()->MapRange(f.value(), 0, ~0ull);
  REQUIRE_OK(segs);
  REQUIRE(segs.value().size() == 2);
  CHECK_EQ(segs.value()[0].chunk.uncompressed_offset, 3u * 512);
  CHECK_EQ(segs.value()[1].chunk.uncompressed_offset, 20u * 512);
  CHECK_EQ(segs.value()[1].chunk.uncompressed_size, 4096u);
  CHECK(segs.value()[1].chunk.has_details);
  CHECK_EQ(segs.value()[1].chunk.compressed_offset, 20u * 512);
  CHECK_EQ(segs.value()[1].chunk.compressed_size, 4096u);
  CHECK_EQ(segs.value()[1].chunk.flags, 0u);
  // A tarfs blob must not claim ALIGNED.
  Put32(img, 4096 + 84, 1);
  CHECK_EQ(OpenBytes(img).status().error_number(), EIO);
}

// ---------------------------------------------------------------------------------------
// Hostile inputs: every mutation must give a non-ok Status (where the spec says so) and
// never crash, read out of bounds or hang.

namespace {

std::vector<uint8_t> Fixture() { return ReadAll(kZstdBootstrap); }

struct Mutation {
  const char* what;
  size_t offset;
  int width;  // bytes, little-endian
  uint64_t value;
};

std::vector<uint8_t> Mutated(const Mutation& m) {
  std::vector<uint8_t> b = Fixture();
  for (int i = 0; i < m.width; ++i) b[m.offset + i] = static_cast<uint8_t>(m.value >> (8 * i));
  return b;
}

}  // namespace

TEST("hostile: truncated bootstraps fail or stay bounded") {
  const std::vector<uint8_t> full = Fixture();
  REQUIRE(full.size() == 20480);
  for (size_t len = 0; len < full.size(); len += (len < 1600 ? 7 : 509)) {
    std::vector<uint8_t> cut(full.begin(), full.begin() + static_cast<long>(len));
    auto fs = OpenV6(ByteRegion::FromVector(std::move(cut)));
    if (fs.ok()) BoundedWalk(*fs.value());
  }
  for (size_t len : {0u, 1023u, 1152u, 1407u, 4095u, 4096u, 8192u, 12288u, 16384u, 20479u}) {
    std::vector<uint8_t> cut(full.begin(), full.begin() + static_cast<long>(len));
    CHECK(!OpenV6(ByteRegion::FromVector(std::move(cut))).ok());
  }
}

TEST("hostile: each bad superblock / ext superblock / table field is rejected") {
  const Mutation bad[] = {
      {"magic", 1024, 4, 0x12345678},
      {"checksum", 1028, 4, 1},
      {"feature_compat without RAFS_V6", 1032, 4, 0x1},
      {"blkszbits 9 without tarfs", 1036, 1, 9},
      {"blkszbits 13", 1036, 1, 13},
      {"blkszbits 255", 1036, 1, 255},
      {"extslots", 1037, 1, 1},
      {"root nid is a file", 1038, 2, 133},
      {"root nid outside the file", 1038, 2, 0xFFFF},
      {"inos 0", 1040, 8, 0},
      {"meta_blkaddr beyond the file", 1064, 4, 100},
      {"meta_blkaddr huge", 1064, 4, 0xFFFFFFFF},
      {"xattr_blkaddr", 1068, 4, 1},
      {"feature_incompat 0x4", 1104, 4, 0x4},
      {"feature_incompat 0xD", 1104, 4, 0xD},
      {"s_u", 1108, 2, 1},
      {"extra_devices 2", 1110, 2, 2},
      {"extra_devices huge", 1110, 2, 0xFFFF},
      {"extra_devices 0 with blocks 9", 1110, 2, 0},
      {"devt_slotoff 12", 1112, 2, 12},
      {"flags: two compressions", 1152, 8, 0x195},
      {"flags: no compression", 1152, 8, 0x114},
      {"flags: no hash", 1152, 8, 0x190},
      {"flags: two hashes", 1152, 8, 0x19C},
      {"flags: unknown bit", 1152, 8, 0x10194},
      {"flags: tarfs with 4 KiB blocks", 1152, 8, 0x394},
      {"blob table offset 0", 1160, 8, 0},
      {"blob table offset unaligned", 1160, 8, 0x1001},
      {"blob table offset outside", 1160, 8, 0x100000},
      {"blob table offset huge", 1160, 8, ~0ull & ~0xFFFull},
      {"blob table size 255", 1168, 4, 255},
      {"blob table size 512", 1168, 4, 512},
      {"blob table size huge", 1168, 4, 0xFFFFFF00},
      {"chunk size 2 KiB", 1172, 4, 0x800},
      {"chunk size not a power of two", 1172, 4, 0x3000},
      {"chunk size 32 MiB", 1172, 4, 0x2000000},
      {"chunk table unaligned", 1176, 8, 0x4001},
      {"chunk table overlaps the blob table", 1176, 8, 0x1000},
      {"chunk table overflows", 1176, 8, ~0ull & ~0xFFFull},
      {"chunk table size 161", 1184, 8, 161},
      {"chunk table size huge", 1184, 8, 0xFFFFFFFFFFFFFFB0ull},
      {"blob id not UTF-8", 0x1000, 1, 0xFF},
      {"blob_index 1", 0x1040, 4, 1},
      {"blob chunk_size mismatch", 0x1044, 4, 0x200000},
      {"blob chunk_count > 2^24", 0x1048, 4, (1u << 24) + 1},
      {"blob compression 9", 0x104C, 4, 9},
      {"blob digest 7", 0x1050, 4, 7},
      {"blob without ALIGNED", 0x1054, 4, 0x70000020},
      {"blob ZRAN without CI v2", 0x1054, 4, 0x70000029},
      {"blob CI v2 with v1 size", 0x1054, 4, 0x70000025},
      {"blob compressed_size > 2^40", 0x1058, 8, (1ull << 40) + 1},
      {"blob uncompressed_size > 2^44", 0x1060, 8, (1ull << 44) + 1},
      {"blob ci_compressor 9", 0x106C, 4, 9},
      {"blob ci sizes inconsistent", 0x1080, 8, 48},
      {"blob ci compressed > uncompressed", 0x1078, 8, 33},
      {"blob cipher 9", 0x10D8, 4, 9},
      {"device blocks 0", 1408 + 64, 4, 0},
      {"device tag not UTF-8", 1408, 2, 0x80C0},
  };
  for (const Mutation& m : bad) {
    auto fs = OpenV6(ByteRegion::FromVector(Mutated(m)));
    if (fs.ok()) {
      ::nydus::test::Fail(__FILE__, __LINE__, std::string("accepted: ") + m.what);
    } else if (fs.status().error_number() != EIO && fs.status().error_number() != ENOTSUP) {
      ::nydus::test::Fail(__FILE__, __LINE__, std::string(m.what) + ": " + fs.status().ToString());
    }
  }
  // Multi-field cases: prefetch table placement, an all-NUL blob id.
  struct Prefetch {
    uint64_t offset;
    uint32_t size;
  };
  for (const Prefetch& p : {Prefetch{0x1000, 4}, Prefetch{0x10000000, 4}, Prefetch{0x1100, 6},
                            Prefetch{0x3FFC, 8}, Prefetch{0x400, 4}, Prefetch{~0ull - 3, 8}}) {
    std::vector<uint8_t> b = Fixture();
    Put64(b, 1192, p.offset);
    Put32(b, 1200, p.size);
    auto fs = OpenV6(ByteRegion::FromVector(std::move(b)));
    CHECK_EQ(fs.status().error_number(), EIO);
  }
  {
    std::vector<uint8_t> b = Fixture();
    std::fill(b.begin() + 0x1000, b.begin() + 0x1040, 0);
    CHECK_EQ(OpenV6(ByteRegion::FromVector(std::move(b))).status().error_number(), EIO);
  }
  // Tolerated: legacy prefetch size with offset 0, compat bits beyond RAFS_V6.
  const Mutation fine[] = {{"prefetch size with offset 0", 1200, 4, 8}, {"compat SB_CHKSUM", 1032, 4, 0x40000001}};
  for (const Mutation& m : fine) {
    auto fs = OpenV6(ByteRegion::FromVector(Mutated(m)));
    if (!fs.ok()) ::nydus::test::Fail(__FILE__, __LINE__, std::string(m.what) + ": " + fs.status().ToString());
  }
}

TEST("hostile: prefetch table is read up to the first 0") {
  std::vector<uint8_t> b = Fixture();
  Put64(b, 1192, 0x1100);  // right after the blob table
  Put32(b, 1200, 16);
  Put32(b, 0x1100, 133);
  Put32(b, 0x1104, 136);
  Put32(b, 0x1108, 0);
  Put32(b, 0x110C, 128);
  auto fs = OpenV6(ByteRegion::FromVector(std::move(b)));
  REQUIRE_OK(fs);
  REQUIRE(fs.value()->super().prefetch.size() == 2);
  CHECK_EQ(fs.value()->super().prefetch[1], 136u);
}

TEST("hostile: bad inodes, dirents, xattrs and chunk indexes give EIO with the structure named") {
  constexpr size_t kLib = 0x30A0;   // nid 133
  constexpr size_t kDirents = 0x3040;
  {
    auto fs = OpenV6(ByteRegion::FromVector(Mutated({"i_format", kLib, 2, 0x0019})));
    REQUIRE_OK(fs);
    auto a = fs.value()->GetAttr(133);
    CHECK_EQ(a.status().error_number(), EIO);
    CHECK(a.status().message().find("nid 133") != std::string::npos);
    CHECK_EQ(fs.value()->GetAttr(133).status().error_number(), EIO);
  }
  for (uint16_t layout_format : {0x0003, 0x0007, 0x000B, 0x000D, 0x000F}) {
    auto fs = OpenV6(ByteRegion::FromVector(Mutated({"layout", kLib, 2, layout_format})));
    REQUIRE_OK(fs);
    CHECK_EQ(fs.value()->GetAttr(133).status().error_number(), EIO);
  }
  CHECK(!OpenV6(ByteRegion::FromVector(Mutated({"root i_format", 0x3000, 2, 0x0100}))).ok());
  CHECK(!OpenV6(ByteRegion::FromVector(Mutated({"root chunk-based", 0x3000, 2, 0x0009}))).ok());
  {
    auto fs = OpenV6(ByteRegion::FromVector(Mutated({"nameoff", kDirents + 8, 2, 7})));
    REQUIRE_OK(fs);
    Status s = fs.value()->ReadDir(128, 0, [](const DirEntry&) { return true; });
    CHECK_EQ(s.error_number(), EIO);
    CHECK(s.message().find("directory nid 128 block 0: nameoff 7 not a multiple of 12") != std::string::npos);
    CHECK_EQ(fs.value()->Lookup(128, "lib.rs").status().error_number(), EIO);
  }
  for (uint16_t nameoff : {0u, 67u, 72u, 120u, 0xFFFFu}) {
    auto fs = OpenV6(ByteRegion::FromVector(Mutated({"first nameoff", kDirents + 8, 2, nameoff})));
    REQUIRE_OK(fs);
    CHECK_EQ(fs.value()->ReadDir(128, 0, [](const DirEntry&) { return true; }).error_number(), EIO);
  }
  for (uint16_t nameoff : {48u, 60u, 200u}) {  // entry 2: not increasing / past the end
    auto fs = OpenV6(ByteRegion::FromVector(Mutated({"nameoff 2", kDirents + 24 + 8, 2, nameoff})));
    REQUIRE_OK(fs);
    CHECK_EQ(fs.value()->ReadDir(128, 0, [](const DirEntry&) { return true; }).error_number(), EIO);
  }
  {
    auto fs = OpenV6(ByteRegion::FromVector(Mutated({"nid outside", kDirents + 24, 8, 0xFFFFFFFFFFull})));
    REQUIRE_OK(fs);
    Status s = fs.value()->ReadDir(128, 0, [](const DirEntry&) { return true; });
    CHECK_EQ(s.error_number(), EIO);
    CHECK(s.message().find("outside the metadata area") != std::string::npos);
  }
  {
    auto fs = OpenV6(ByteRegion::FromVector(Mutated({"root size huge", 0x3008, 8, 1ull << 40})));
    REQUIRE_OK(fs);  // FLAT_INLINE, blocks before the tail start at i_u = 3 ... then leave the file
    BoundedWalk(*fs.value());
    CHECK(!fs.value()->ReadDir(128, 0, [](const DirEntry&) { return true; }).ok());
  }
  {
    // A child that is the directory itself: reading works, the walk stays bounded.
    auto fs = OpenV6(ByteRegion::FromVector(Mutated({"self child", kDirents + 24, 8, 128})));
    REQUIRE_OK(fs);
    auto r = fs.value()->Lookup(128, "lib.rs");
    REQUIRE_OK(r);
    CHECK_EQ(r.value(), 128u);
    BoundedWalk(*fs.value());
  }
  {
    auto fs = OpenV6(ByteRegion::FromVector(Mutated({"xattr icount huge", kLib + 2, 2, 0xFFFF})));
    REQUIRE_OK(fs);
    CHECK_EQ(fs.value()->GetAttr(133).status().error_number(), EIO);
  }
  for (uint16_t icount : {1u, 2u, 3u, 5u, 8u}) {  // garbage xattr areas over the chunk index
    auto fs = OpenV6(ByteRegion::FromVector(Mutated({"xattr icount", kLib + 2, 2, icount})));
    REQUIRE_OK(fs);
    (void)fs.value()->ListXattrs(133);
    (void)fs.value()->GetXattr(133, "user.x");
    (void)fs.value()->MapRange(133, 0, ~0ull);
  }
  {
    std::vector<uint8_t> b = Fixture();
    Put16(b, kLib + 2, 2);       // 16-byte xattr area: header + one entry
    b[kLib + 64 + 4] = 1;        // h_shared_count
    auto fs = OpenV6(ByteRegion::FromVector(b));
    REQUIRE_OK(fs);
    CHECK_EQ(fs.value()->ListXattrs(133).status().error_number(), EIO);
    b[kLib + 64 + 4] = 0;
    const uint8_t entry[] = {0, 9, 0, 0};  // unknown name index 9
    std::copy(std::begin(entry), std::end(entry), b.begin() + kLib + 64 + 12);
    auto fs2 = OpenV6(ByteRegion::FromVector(b));
    REQUIRE_OK(fs2);
    CHECK_EQ(fs2.value()->ListXattrs(133).status().error_number(), EINVAL);
    b[kLib + 64 + 12] = 200;  // name longer than the area
    b[kLib + 64 + 13] = 1;
    auto fs3 = OpenV6(ByteRegion::FromVector(b));
    REQUIRE_OK(fs3);
    CHECK_EQ(fs3.value()->GetXattr(133, "user.a").status().error_number(), EIO);
  }
  for (uint8_t device : {0, 2, 255}) {
    auto fs = OpenV6(ByteRegion::FromVector(Mutated({"chunk device", 0x30E2, 1, device})));
    REQUIRE_OK(fs);
    auto m = fs.value()->MapRange(133, 0, 1);
    CHECK_EQ(m.status().error_number(), EIO);
    CHECK(m.status().message().find("nid 133: chunk index 0 refers to blob") != std::string::npos);
  }
  {
    auto fs = OpenV6(ByteRegion::FromVector(Mutated({"blkaddr past the blob", 0x30E4, 4, 100})));
    REQUIRE_OK(fs);
    CHECK_EQ(fs.value()->MapRange(133, 0, 1).status().error_number(), EIO);
  }
  {
    auto fs = OpenV6(ByteRegion::FromVector(Mutated({"file size huge", kLib + 8, 8, ~0ull})));
    REQUIRE_OK(fs);
    CHECK_EQ(fs.value()->MapRange(133, ~0ull - 10, ~0ull).status().error_number(), EIO);
    CHECK_EQ(fs.value()->MapRange(133, 0, ~0ull).status().error_number(), EIO);
  }
  {
    auto fs = OpenV6(ByteRegion::FromVector(Mutated({"chunk format", kLib + 16, 4, 0x08})));
    REQUIRE_OK(fs);
    CHECK_EQ(fs.value()->MapRange(133, 0, 1).status().error_number(), EIO);
  }
  {
    // The chunk-table record for lib.rs claims fewer plain bytes than the file needs.
    auto fs = OpenV6(ByteRegion::FromVector(Mutated({"record u_size", 0x4050 + 44, 4, 100})));
    REQUIRE_OK(fs);
    CHECK_EQ(fs.value()->MapRange(133, 0, 16931).status().error_number(), EIO);
  }
}

TEST("hostile: thousands of random byte flips never crash or hang") {
  const std::vector<uint8_t> base = Fixture();
  const std::vector<uint8_t> noise = nydus::test::RandomBytes(3 * 4000, 2024);
  size_t opened = 0;
  for (size_t i = 0; i < 4000; ++i) {
    std::vector<uint8_t> b = base;
    const uint32_t r = static_cast<uint32_t>(noise[3 * i]) | (static_cast<uint32_t>(noise[3 * i + 1]) << 8);
    // Half the flips land in the superblock area, half in the metadata and chunk table.
    const size_t pos = (i % 2 == 0) ? 1024 + r % 512 : 0x3000 + r % (base.size() - 0x3000);
    b[pos] = noise[3 * i + 2];
    auto fs = OpenV6(ByteRegion::FromVector(std::move(b)));
    if (!fs.ok()) continue;
    ++opened;
    BoundedWalk(*fs.value());
  }
  CHECK(opened > 0);
  // And two flips at once anywhere, including the blob table.
  for (size_t i = 0; i < 2000; ++i) {
    std::vector<uint8_t> b = base;
    const auto rnd = nydus::test::RandomBytes(6, 7000 + i);
    b[(rnd[0] | (rnd[1] << 8)) % b.size()] = rnd[2];
    b[0x1000 + (rnd[3] | (rnd[4] << 8)) % 0x3000] = rnd[5];
    auto fs = OpenV6(ByteRegion::FromVector(std::move(b)));
    if (fs.ok()) BoundedWalk(*fs.value());
  }
}

TEST("hostile: random mutations of the synthetic image stay bounded") {
  const std::vector<uint8_t> base = BuildSyntheticImage();
  for (size_t i = 0; i < 2000; ++i) {
    std::vector<uint8_t> b = base;
    const auto rnd = nydus::test::RandomBytes(4, 99 + i);
    const size_t region = (rnd[0] | (rnd[1] << 8));
    const size_t pos = (i % 2 == 0) ? kMeta + region % 1024 : 7 * kBs + region % (2 * kBs);
    b[pos] = rnd[2];
    auto fs = OpenV6(ByteRegion::FromVector(std::move(b)));
    if (fs.ok()) BoundedWalk(*fs.value());
  }
}

NYDUS_TEST_MAIN()
