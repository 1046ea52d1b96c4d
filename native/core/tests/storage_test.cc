// Unit tests for the blob data path: CRC-32C, the localfs backend, blob meta (header, CI v1/v2,
// batch contexts), ToC / tar trailers / inlined bootstrap, and ChunkReader over the shared
// fixtures (storage spec §6-7) plus synthetic and hostile blobs. Core layer tests (ctest).
#include <sys/stat.h>
#include <unistd.h>

#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <map>
#include <string>
#include <thread>
#include <vector>

#include "byte_region.h"
#include "storage/blob_meta.h"
#include "storage/chunk_reader.h"
#include "storage/compressor.h"
#include "storage/crc32c.h"
#include "storage/digester.h"
#include "storage/localfs_backend.h"
#include "storage/toc.h"
#include "test_harness.h"
#include "test_util.h"

using namespace nydus;
using namespace nydus::storage;
using nydus::test::Hex;
using nydus::test::MixedBytes;
using nydus::test::Contains;
using nydus::test::TempDir;

namespace {

const std::string kFixtures = NYDUS_FIXTURES;
const std::string kV5Dir = kFixtures + "/v5-sha256-nocompress/blobs";
const std::string kV5Id = "7334a2594e133cf8ae364189c2276b090fc490c627bcc3fb1077f0419a538e00";
const std::string kV6Dir = kFixtures + "/v6-zstd/blobs";
const std::string kV6Id = "be7d77eeb719f70884758d1aa800ed0fb09d701aaec469964e9d54325f0d5fef";
const std::string kTocDir = kFixtures + "/v6-toc";
const std::string kTocId = "2fa78cad554b75ac91a4a125ed148d0ddeb25efa4aaa8bd80e5dc292690a4dca";
const std::string kToc1024Sha = "cfc89ed0739aef4eb1bf0904f0dfdb1c857134eca7319465baae95a99b84acde";

std::vector<uint8_t> ReadFile(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  return std::vector<uint8_t>(std::istreambuf_iterator<char>(in), {});
}

void WriteFile(const std::string& path, const std::vector<uint8_t>& bytes) {
  std::ofstream out(path, std::ios::binary | std::ios::trunc);
  out.write(reinterpret_cast<const char*>(bytes.data()), static_cast<std::streamsize>(bytes.size()));
}

std::vector<uint8_t> FromHex(const std::string& hex) {
  std::vector<uint8_t> out;
  for (size_t i = 0; i + 1 < hex.size(); i += 2) {
    out.push_back(static_cast<uint8_t>(std::stoul(hex.substr(i, 2), nullptr, 16)));
  }
  return out;
}

Digest DigestFromHex(const std::string& hex) {
  Digest d{};
  std::vector<uint8_t> b = FromHex(hex);
  std::copy(b.begin(), b.end(), d.begin());
  return d;
}

std::string HashHex(DigestAlgorithm algo, ByteView data) {
  Result<Digest> d = ComputeDigest(algo, data);
  return d.ok() ? Hex(d.value()) : "error";
}

// Blobs in memory, for synthetic and hostile inputs.
class MemoryBackend final : public BlobBackend {
 public:
  std::map<std::string, std::vector<uint8_t>> blobs;
  std::vector<size_t> read_lengths;  // every ReadAt's length, in order
  Result<uint64_t> BlobSize(const std::string& id) override {
    auto it = blobs.find(id);
    if (it == blobs.end()) return Status(ENOENT, "no blob " + id);
    return uint64_t{it->second.size()};
  }
  Status ReadAt(const std::string& id, uint64_t offset, uint8_t* buf, size_t length,
                ReadSource /*source*/) override {
    auto it = blobs.find(id);
    if (it == blobs.end()) return Status(ENOENT, "no blob " + id);
    const auto& b = it->second;
    read_lengths.push_back(length);
    if (offset > b.size() || length > b.size() - offset) {
      return Status(EIO, "blob " + id + ": expected " + std::to_string(length) + " bytes");
    }
    std::memcpy(buf, b.data() + offset, length);
    return Status::Ok();
  }
};

std::unique_ptr<LocalFsBackend> MakeLocalFs(LocalFsConfig config) {
  Result<std::unique_ptr<LocalFsBackend>> b = LocalFsBackend::Create(std::move(config));
  REQUIRE_OK(b);
  return std::move(b).value();
}

// Blob table entry of be7d77 as rafs-format §5.3 lists it.
BlobInfo V6BlobInfo() {
  BlobInfo b;
  b.index = 0;
  b.blob_id = kV6Id;
  b.compression = Compression::kZstd;
  b.digest = DigestAlgorithm::kBlake3;
  b.features = 0x70000021;
  b.chunk_size = 1 << 20;
  b.chunk_count = 2;
  b.compressed_size = 14554;
  b.uncompressed_size = 36864;
  b.toc_size = 1024;
  b.ci_compressor = 0;
  b.ci_offset = 8314;
  b.ci_compressed_size = 32;
  b.ci_uncompressed_size = 32;
  b.toc_digest = DigestFromHex(kToc1024Sha);
  return b;
}

// What a v6 chunk index gives: blob, ci index, block address (→ uncompressed offset), size.
ChunkRef V6Ref(uint32_t index) {
  ChunkRef r;
  r.blob_index = 0;
  r.index = index;
  r.uncompressed_offset = index == 0 ? 0 : 5 * 4096;
  r.uncompressed_size = index == 0 ? 16931 : 13400;
  return r;
}

const char* kV6ChunkBlake3[] = {
    "f7e2735f1c6ae9cde91e537416b09d8bb71b306a421d19cc1012a51f93a7fe69",
    "812465bcc9e88393598311dc5fc93abaeccef0185bcd99f9701d17ebdf9adc3f",
};

// --- synthetic encoders (spec §1.6-1.9, §1.11) -----------------------------------------------

void PutLe32(std::vector<uint8_t>& v, size_t at, uint32_t x) {
  for (int i = 0; i < 4; ++i) v[at + i] = static_cast<uint8_t>(x >> (8 * i));
}
void PutLe64(std::vector<uint8_t>& v, size_t at, uint64_t x) {
  for (int i = 0; i < 8; ++i) v[at + i] = static_cast<uint8_t>(x >> (8 * i));
}
void AppendLe64(std::vector<uint8_t>& v, uint64_t x) {
  v.resize(v.size() + 8);
  PutLe64(v, v.size() - 8, x);
}

void AppendV1(std::vector<uint8_t>& ci, uint64_t uoff, uint32_t usize, uint64_t coff, uint32_t csize) {
  const uint64_t u1 = usize - 1, c1 = csize - 1;
  AppendLe64(ci, ((u1 >> 20) & 0xF) << 8 | uoff | (u1 & 0xFFFFF) << 44);
  AppendLe64(ci, coff | ((c1 >> 20) & 0xF) << 40 | (c1 & 0xFFFFF) << 44);
}

void AppendV2(std::vector<uint8_t>& ci, uint64_t uoff, uint32_t usize, uint8_t flags, uint64_t coff,
              uint32_t csize, uint64_t data) {
  AppendLe64(ci, (uoff >> 12) | uint64_t{usize - 1} << 32 | uint64_t{flags} << 56);
  AppendLe64(ci, coff | uint64_t{csize} << 40);
  AppendLe64(ci, data);
}

std::vector<uint8_t> MetaHeader(uint32_t features, uint32_t compressor, uint32_t entries, uint64_t ci_offset,
                                uint64_t csize, uint64_t usize, uint64_t zoff = 0, uint64_t zsize = 0,
                                uint32_t zcount = 0) {
  std::vector<uint8_t> h(kBlobMetaHeaderSize, 0);
  PutLe32(h, 0, kBlobMetaMagic);
  PutLe32(h, 4, features);
  PutLe32(h, 8, compressor);
  PutLe32(h, 12, entries);
  PutLe64(h, 16, ci_offset);
  PutLe64(h, 24, csize);
  PutLe64(h, 32, usize);
  PutLe64(h, 40, zoff);
  PutLe64(h, 48, zsize);
  PutLe32(h, 56, zcount);
  PutLe32(h, 4092, kBlobMetaMagic);
  return h;
}

// A GNU tar header with `size_field` copied verbatim into the size field (so tests can put
// garbage there) and a correct checksum unless `break_checksum`.
std::vector<uint8_t> TarHeaderBlock(const std::string& name, const std::string& size_field,
                                    bool break_checksum = false) {
  std::vector<uint8_t> h(512, 0);
  std::memcpy(h.data(), name.data(), std::min<size_t>(name.size(), 100));
  std::memcpy(h.data() + 124, size_field.data(), std::min<size_t>(size_field.size(), 12));
  std::memcpy(h.data() + 136, "00000000000", 11);
  h[156] = '0';
  std::memcpy(h.data() + 257, "ustar  ", 8);
  unsigned sum = 0;
  for (size_t i = 0; i < 512; ++i) sum += (i >= 148 && i < 156) ? ' ' : h[i];
  if (break_checksum) sum += 1;
  char buf[9];
  std::snprintf(buf, sizeof buf, "%06o", sum);
  std::memcpy(h.data() + 148, buf, 7);  // 6 digits + NUL, then a space
  h[155] = ' ';
  return h;
}

std::string OctalSize(uint64_t size) {
  char buf[16];
  std::snprintf(buf, sizeof buf, "%011llo", static_cast<unsigned long long>(size));
  return buf;
}

}  // namespace

// --- CRC-32C ---------------------------------------------------------------------------------

TEST("CRC-32C of \"123456789\" is the Castagnoli check value (§7 #16)") {
  ByteView check(std::string_view("123456789"));
  CHECK_EQ(Crc32c(check), 0xE3069283u);
  CHECK_EQ(Crc32cPortable(check), 0xE3069283u);
  CHECK_EQ(Crc32c(ByteView()), 0u);
  std::vector<uint8_t> data = MixedBytes(100003);
  CHECK_EQ(Crc32c(data), Crc32cPortable(data));
  const uint32_t head = Crc32c(ByteView(data.data(), 777));
  CHECK_EQ(Crc32cExtend(head, ByteView(data.data() + 777, data.size() - 777)), Crc32c(data));
}

// --- localfs backend -------------------------------------------------------------------------

TEST("localfs reads the whole v5 blob and its SHA-256 equals its id (§7 #1)") {
  auto backend = MakeLocalFs({"", kV5Dir, {}});
  Result<uint64_t> size = backend->BlobSize(kV5Id);
  REQUIRE_OK(size);
  CHECK_EQ(size.value(), 3508766u);
  std::vector<uint8_t> all(size.value());
  REQUIRE_OK(backend->ReadAt(kV5Id, 0, all.data(), all.size()));
  CHECK_EQ(HashHex(DigestAlgorithm::kSha256, all), kV5Id);
}

TEST("localfs blob_file mode serves every blob id from one file") {
  auto backend = MakeLocalFs({kV6Dir + "/" + kV6Id, "", {}});
  Result<uint64_t> size = backend->BlobSize("any-id-at-all");
  REQUIRE_OK(size);
  CHECK_EQ(size.value(), 14554u);
  uint8_t magic[4];
  REQUIRE_OK(backend->ReadAt("another-id", 8346, magic, 4));
  CHECK_EQ(LoadLe32(magic), kBlobMetaMagic);
}

TEST("localfs falls back to alt_dirs when dir lacks the blob or has it empty") {
  TempDir tmp;
  REQUIRE(!tmp.path().empty());
  auto backend = MakeLocalFs({"", tmp.path(), {tmp.File("missing-dir"), kV6Dir}});
  Result<uint64_t> size = backend->BlobSize(kV6Id);
  REQUIRE_OK(size);
  CHECK_EQ(size.value(), 14554u);

  WriteFile(tmp.File(kV5Id), {});  // an empty blob in dir does not shadow the alt dir
  auto backend2 = MakeLocalFs({"", tmp.path(), {kV5Dir}});
  Result<std::string> path = backend2->ResolvePath(kV5Id);
  REQUIRE_OK(path);
  CHECK(Contains(path.value(), "v5-sha256-nocompress"));
}

TEST("localfs reports a missing blob as ENOENT naming the id and the places searched") {
  TempDir tmp;
  auto backend = MakeLocalFs({"", tmp.path(), {tmp.File("alt")}});
  Result<uint64_t> size = backend->BlobSize("deadbeef");
  REQUIRE(!size.ok());
  CHECK_EQ(size.status().error_number(), ENOENT);
  CHECK(Contains(size.status().message(), "deadbeef"));
  CHECK(Contains(size.status().message(), tmp.path()));
  CHECK(Contains(size.status().message(), tmp.File("alt")));
  CHECK_EQ(LocalFsBackend::Create({}).status().error_number(), EINVAL);
}

TEST("localfs refuses blob ids that could escape the blob directories") {
  auto backend = MakeLocalFs({"", kV6Dir, {}});
  for (const char* id : {"../x", ".", "..", "", "a/b", "/etc/passwd"}) {
    uint8_t b;
    CHECK_EQ(backend->BlobSize(id).status().error_number(), EINVAL);
    CHECK_EQ(backend->ReadAt(id, 0, &b, 1).error_number(), EINVAL);
  }
  CHECK(!IsSafeBlobId("../x"));
  CHECK(IsSafeBlobId(kV6Id));
}

TEST("localfs turns a read past the end into EIO with expected and actual byte counts") {
  auto backend = MakeLocalFs({"", kV6Dir, {}});
  std::vector<uint8_t> buf(100);
  Status s = backend->ReadAt(kV6Id, 14500, buf.data(), buf.size());
  CHECK_EQ(s.error_number(), EIO);
  CHECK(Contains(s.message(), "expected 100 bytes at offset 14500, got 54"));
  CHECK_EQ(backend->ReadAt(kV6Id, 1u << 30, buf.data(), 1).error_number(), EIO);
  CHECK(backend->ReadAt(kV6Id, 14554, buf.data(), 0).ok());
}

// --- blob meta -------------------------------------------------------------------------------

TEST("v6 blob meta header and CI v1 entries decode as the fixture facts say (§6 item 3)") {
  auto backend = MakeLocalFs({"", kV6Dir, {}});
  Result<std::unique_ptr<BlobMeta>> meta = BlobMeta::Load(*backend, V6BlobInfo());
  REQUIRE_OK(meta);
  const BlobMetaHeader& h = meta.value()->header();
  CHECK_EQ(h.features, 0x70000021u);
  CHECK_EQ(h.ci_entries, 2u);
  CHECK_EQ(h.ci_offset, 8314u);
  CHECK_EQ(h.ci_compressed_size, 32u);
  CHECK_EQ(h.ci_uncompressed_size, 32u);
  CHECK_EQ(h.ci_zran_count, 0u);
  CHECK_EQ(meta.value()->compressed_data_size(), 7802u);
  Result<ChunkInfoEntry> e0 = meta.value()->Get(0);
  Result<ChunkInfoEntry> e1 = meta.value()->Get(1);
  REQUIRE_OK(e0);
  REQUIRE_OK(e1);
  CHECK_EQ(e0.value().compressed_offset, 0u);
  CHECK_EQ(e0.value().compressed_size, 4828u);
  CHECK_EQ(e0.value().uncompressed_offset, 0u);
  CHECK_EQ(e0.value().uncompressed_size, 16931u);
  CHECK(e0.value().compressed());
  CHECK_EQ(e1.value().compressed_offset, 4828u);
  CHECK_EQ(e1.value().compressed_size, 2974u);
  CHECK_EQ(e1.value().uncompressed_offset, 0x5000u);
  CHECK_EQ(e1.value().uncompressed_size, 13400u);
  CHECK_EQ(meta.value()->Get(2).status().error_number(), EIO);
  CHECK_EQ(meta.value()->GetBatch(0).status().error_number(), EIO);
}

TEST("CI v1 decode vectors §7 #5 and #6, and a v2 round trip") {
  std::vector<uint8_t> a = FromHex("00000000002022040000000000b02d01");
  ChunkInfoEntry e = DecodeChunkInfoV1(a.data());
  CHECK_EQ(e.compressed_offset, 0u);
  CHECK_EQ(e.compressed_size, 4828u);
  CHECK_EQ(e.uncompressed_offset, 0u);
  CHECK_EQ(e.uncompressed_size, 16931u);
  CHECK(e.compressed());
  std::vector<uint8_t> b = FromHex("0050000000704503dc12000000d0b900");
  e = DecodeChunkInfoV1(b.data());
  CHECK_EQ(e.compressed_offset, 4828u);
  CHECK_EQ(e.compressed_size, 2974u);
  CHECK_EQ(e.uncompressed_offset, 0x5000u);
  CHECK_EQ(e.uncompressed_size, 13400u);

  std::vector<uint8_t> v1;  // 16 MiB sizes use the high nibbles
  AppendV1(v1, 0x123456000ull, 16u << 20, 0xAB'CDEF'0123ull, (16u << 20) - 7);
  e = DecodeChunkInfoV1(v1.data());
  CHECK_EQ(e.uncompressed_offset, 0x123456000ull);
  CHECK_EQ(e.uncompressed_size, 16u << 20);
  CHECK_EQ(e.compressed_offset, 0xAB'CDEF'0123ull);
  CHECK_EQ(e.compressed_size, (16u << 20) - 7);

  std::vector<uint8_t> v2;
  AppendV2(v2, 0x7000, 300, kCiBatch | kCiCompressed | 0x80, 4096, 0, (uint64_t{3} << 32) | 1234);
  e = DecodeChunkInfoV2(v2.data());
  CHECK_EQ(e.uncompressed_offset, 0x7000u);
  CHECK_EQ(e.uncompressed_size, 300u);
  CHECK(e.batch() && e.compressed() && !e.zran());
  CHECK_EQ(e.flags, kCiBatch | kCiCompressed);  // unknown bit 0x80 ignored
  CHECK_EQ(e.compressed_offset, 4096u);
  CHECK_EQ(e.compressed_size, 0u);
  CHECK_EQ(e.context_index(), 3u);
  CHECK_EQ(e.context_offset(), 1234u);
}

TEST("hostile blob meta: bad magic, disagreeing or huge sizes, entries past the blob") {
  std::vector<uint8_t> v6 = ReadFile(kV6Dir + "/" + kV6Id);
  REQUIRE(v6.size() == 14554);
  MemoryBackend mem;
  BlobInfo info = V6BlobInfo();

  mem.blobs[kV6Id] = v6;
  mem.blobs[kV6Id][8346] ^= 0xFF;  // first magic byte
  Result<std::unique_ptr<BlobMeta>> r = BlobMeta::Load(mem, info);
  CHECK_EQ(r.status().error_number(), EIO);
  CHECK(Contains(r.status().message(), "magic"));

  mem.blobs[kV6Id] = v6;
  mem.blobs[kV6Id][12442 - 4] ^= 0xFF;  // second magic
  CHECK_EQ(BlobMeta::Load(mem, info).status().error_number(), EIO);

  mem.blobs[kV6Id] = v6;
  BlobInfo wrong = info;
  wrong.chunk_count = 3;
  r = BlobMeta::Load(mem, wrong);
  CHECK_EQ(r.status().error_number(), EIO);
  CHECK(Contains(r.status().message(), "ci_entries"));

  wrong = info;  // the blob table says 48 bytes: the header (32) disagrees
  wrong.ci_uncompressed_size = 48;
  wrong.ci_compressed_size = 48;
  CHECK(!BlobMeta::Load(mem, wrong).ok());

  wrong = info;  // absurd sizes are refused before anything is read or allocated
  wrong.ci_uncompressed_size = uint64_t{1} << 40;
  wrong.ci_compressed_size = uint64_t{1} << 39;
  CHECK_EQ(BlobMeta::Load(mem, wrong).status().error_number(), EIO);
  wrong.ci_uncompressed_size = 200u << 20;  // within the limit, but past the end of the blob
  wrong.ci_compressed_size = 100u << 20;
  r = BlobMeta::Load(mem, wrong);
  CHECK_EQ(r.status().error_number(), EIO);
  CHECK(Contains(r.status().message(), "reading blob meta"));
  wrong = info;
  wrong.ci_compressed_size = 64;  // compressed > uncompressed
  CHECK_EQ(BlobMeta::Load(mem, wrong).status().error_number(), EIO);

  // A header that agrees with its blob table but claims 2^24 zstd-compressed entries.
  std::vector<uint8_t> hostile(64, 0xAA);
  std::vector<uint8_t> tiny_ci(16, 0);
  const uint32_t entries = 1u << 24;
  std::vector<uint8_t> h = MetaHeader(0x1, 3, entries, 64, tiny_ci.size(), uint64_t{16} * entries);
  hostile.insert(hostile.end(), tiny_ci.begin(), tiny_ci.end());
  hostile.insert(hostile.end(), h.begin(), h.end());
  mem.blobs["h"] = hostile;
  BlobInfo hi;
  hi.blob_id = "h";
  hi.features = 0x1;
  hi.compression = Compression::kZstd;
  hi.chunk_count = entries;
  hi.ci_compressor = 3;
  hi.ci_offset = 64;
  hi.ci_compressed_size = tiny_ci.size();
  hi.ci_uncompressed_size = uint64_t{16} * entries;
  CHECK_EQ(BlobMeta::Load(mem, hi).status().error_number(), EIO);

  // One v1 entry whose compressed range lies past the chunk data region.
  std::vector<uint8_t> blob(4096, 0x11);
  std::vector<uint8_t> ci;
  AppendV1(ci, 0, 4096, 100000, 4096);
  std::vector<uint8_t> h2 = MetaHeader(0x1, 0, 1, blob.size(), ci.size(), ci.size());
  const uint64_t ci_offset = blob.size();
  blob.insert(blob.end(), ci.begin(), ci.end());
  blob.insert(blob.end(), h2.begin(), h2.end());
  mem.blobs["p"] = blob;
  BlobInfo pi;
  pi.blob_id = "p";
  pi.features = 0x1;
  pi.chunk_count = 1;
  pi.compressed_size = blob.size();
  pi.uncompressed_size = 4096;
  pi.ci_offset = ci_offset;
  pi.ci_compressed_size = ci.size();
  pi.ci_uncompressed_size = ci.size();
  Result<std::unique_ptr<BlobMeta>> pm = BlobMeta::Load(mem, pi);
  REQUIRE_OK(pm);
  Result<ChunkInfoEntry> pe = pm.value()->Get(0);
  CHECK_EQ(pe.status().error_number(), EIO);
  CHECK(Contains(pe.status().message(), "past the chunk data"));
  ChunkReader reader({pi}, &mem, {});
  ChunkRef ref;
  ref.uncompressed_size = 4096;
  CHECK_EQ(reader.ReadChunk(ref).status().error_number(), EIO);
}

// --- ToC, tar headers, inlined bootstrap -----------------------------------------------------

TEST("v6 ToC auto-detects with 4 entries and the blob table's ToC digest (§7 #9)") {
  auto backend = MakeLocalFs({"", kV6Dir, {}});
  Result<BlobToc> toc = BlobToc::Load(*backend, kV6Id, 0, Digest{});
  REQUIRE_OK(toc);
  const auto& e = toc.value().entries();
  REQUIRE(e.size() == 4);
  CHECK_EQ(e[0].name, std::string("image.blob"));
  CHECK_EQ(e[1].name, std::string("blob.meta"));
  CHECK_EQ(e[2].name, std::string("blob.meta.header"));
  CHECK_EQ(e[3].name, std::string("blob.digest"));
  CHECK_EQ(toc.value().size(), 1024u);
  CHECK_EQ(toc.value().offset(), 13530u);
  CHECK_EQ(Hex(toc.value().digest()), kToc1024Sha);
  // With the blob table's size and digest too; a wrong digest is refused.
  BlobInfo info = V6BlobInfo();
  REQUIRE_OK(BlobToc::Load(*backend, info));
  info.toc_digest[0] ^= 1;
  CHECK_EQ(BlobToc::Load(*backend, info).status().error_number(), EIO);
  info = V6BlobInfo();
  info.toc_size = 1000;  // not a multiple of 128
  CHECK_EQ(BlobToc::Load(*backend, info).status().error_number(), EIO);

  // Entries read back verified; the chunk digest array holds the two BLAKE3 digests.
  Result<std::vector<uint8_t>> header = toc.value().ReadEntry(*backend, kV6Id, *toc.value().Find("blob.meta.header"));
  REQUIRE_OK(header);
  CHECK_EQ(header.value().size(), 4096u);
  CHECK(toc.value().Find("image.boot") == nullptr);
  Result<std::vector<Digest>> digests = ReadChunkDigests(*backend, V6BlobInfo(), toc.value());
  REQUIRE_OK(digests);
  REQUIRE(digests.value().size() == 2);
  CHECK_EQ(Hex(digests.value()[0]), std::string(kV6ChunkBlake3[0]));
  CHECK_EQ(Hex(digests.value()[1]), std::string(kV6ChunkBlake3[1]));
}

TEST("ToC-less blobs report ENOENT; the v5 blob has no ToC") {
  auto backend = MakeLocalFs({"", kV5Dir, {}});
  CHECK_EQ(BlobToc::Load(*backend, kV5Id, 0, Digest{}).status().error_number(), ENOENT);
}

TEST("toc fixture: inlined bootstrap and blob.meta entry (§7 #12, #13), .zst copy") {
  std::vector<uint8_t> blob = ReadFile(kTocDir + "/" + kTocId);
  REQUIRE(blob.size() == 10034);
  Result<std::vector<uint8_t>> boot = ExtractInlinedBootstrap(ByteView(blob));
  REQUIRE_OK(boot);
  REQUIRE(boot.value().size() == 20480);
  CHECK_EQ(HashHex(DigestAlgorithm::kSha256, boot.value()),
           std::string("d85f1b77aab4849b34ffc447fee67a46ae9eb2af8533bf5faa62224df1796871"));
  CHECK_EQ(LoadLe32(boot.value().data() + 1024), 0xE0F5E1E2u);

  auto backend = MakeLocalFs({kTocDir + "/" + kTocId, "", {}});
  Result<std::vector<uint8_t>> boot2 = ExtractInlinedBootstrap(*backend, "d788a0ea");
  REQUIRE_OK(boot2);
  CHECK(boot2.value() == boot.value());
  Result<BlobToc> toc = BlobToc::Load(*backend, "d788a0ea", 0, Digest{});
  REQUIRE_OK(toc);
  const TocEntry* meta = toc.value().Find("blob.meta");
  REQUIRE(meta != nullptr);
  CHECK_EQ(meta->compressed_offset, 3341u);
  CHECK_EQ(meta->uncompressed_size, 48u);
  Result<std::vector<uint8_t>> ci = toc.value().ReadEntry(*backend, "d788a0ea", *meta);
  REQUIRE_OK(ci);
  CHECK_EQ(HashHex(DigestAlgorithm::kSha256, ci.value()),
           std::string("bf1aa2c1dd760bf063ac3c67d292c0e36eca077df4de7fb1728b8a568ff0bbdd"));
  // The recorded image.blob range of old builders is bogus: reading it fails cleanly.
  CHECK(!toc.value().ReadEntry(*backend, "d788a0ea", *toc.value().Find("image.blob")).ok());

  std::vector<uint8_t> zst = ReadFile(kTocDir + "/" + kTocId + ".zst");
  REQUIRE(zst.size() == 3746);
  Result<std::vector<uint8_t>> plain = Decompress(Compression::kZstd, zst, blob.size());
  REQUIRE_OK(plain);
  CHECK(plain.value() == blob);
}

TEST("an image.boot tar header without a ToC yields the raw bootstrap before it") {
  std::vector<uint8_t> boot = MixedBytes(3000);
  std::vector<uint8_t> blob(777, 0x5A);
  blob.insert(blob.end(), boot.begin(), boot.end());
  std::vector<uint8_t> h = TarHeaderBlock("image.boot", OctalSize(boot.size()));
  blob.insert(blob.end(), h.begin(), h.end());
  Result<std::vector<uint8_t>> got = ExtractInlinedBootstrap(ByteView(blob));
  REQUIRE_OK(got);
  CHECK(got.value() == boot);
  std::vector<uint8_t> plain(5000, 1);
  CHECK_EQ(ExtractInlinedBootstrap(ByteView(plain)).status().error_number(), ENOENT);
  CHECK_EQ(ExtractInlinedBootstrap(ByteView()).status().error_number(), ENOENT);
}

TEST("hostile tar headers and ToCs: bad checksum, non-octal or absurd sizes, bad entries") {
  std::vector<uint8_t> good = TarHeaderBlock("rafs.blob.toc", OctalSize(128));
  Result<TarHeader> th = ParseTarHeader(ByteView(good));
  REQUIRE_OK(th);
  CHECK_EQ(th.value().name, std::string("rafs.blob.toc"));
  CHECK_EQ(th.value().size, 128u);
  CHECK_EQ(ParseTarHeader(ByteView(TarHeaderBlock("x", OctalSize(1), true))).status().error_number(), EIO);
  CHECK_EQ(ParseTarHeader(ByteView(TarHeaderBlock("x", "0000000abc1"))).status().error_number(), EIO);
  CHECK_EQ(ParseTarHeader(ByteView(TarHeaderBlock("x", ""))).status().error_number(), EIO);
  CHECK_EQ(ParseTarHeader(ByteView(good.data(), 511)).status().error_number(), EIO);

  auto blob_with_tail = [](const std::vector<uint8_t>& header) {
    std::vector<uint8_t> b(2048, 0);
    b.insert(b.end(), header.begin(), header.end());
    return b;
  };
  for (const std::vector<uint8_t>& h :
       {TarHeaderBlock("rafs.blob.toc", "77777777777"), TarHeaderBlock("rafs.blob.toc", OctalSize(100)),
        TarHeaderBlock("rafs.blob.toc", OctalSize(128), true),
        TarHeaderBlock("rafs.blob.toc", "12x45670000"), TarHeaderBlock("image.boot", "77777777777"),
        TarHeaderBlock("image.boot", "zzz")}) {
    std::vector<uint8_t> b = blob_with_tail(h);
    Result<std::vector<uint8_t>> r = ExtractInlinedBootstrap(ByteView(b));
    CHECK_EQ(r.status().error_number(), EIO);
  }

  // A ToC whose image.boot entry points past the blob, claims a huge size, or is corrupt.
  auto toc_blob = [](uint32_t flags, uint64_t off, uint64_t csize, uint64_t usize) {
    std::vector<uint8_t> b(1000, 0x42);
    std::vector<uint8_t> entry(128, 0);
    PutLe32(entry, 0, flags);
    std::memcpy(entry.data() + 8, "image.boot", 10);
    PutLe64(entry, 56, off);
    PutLe64(entry, 64, csize);
    PutLe64(entry, 72, usize);
    b.insert(b.end(), entry.begin(), entry.end());
    std::vector<uint8_t> h = TarHeaderBlock("rafs.blob.toc", OctalSize(128));
    b.insert(b.end(), h.begin(), h.end());
    return b;
  };
  std::vector<uint8_t> b = toc_blob(kTocCompressionNone, 5000, 10, 10);
  CHECK_EQ(ExtractInlinedBootstrap(ByteView(b)).status().error_number(), EIO);
  b = toc_blob(kTocCompressionZstd, 0, 100, uint64_t{1} << 40);
  CHECK_EQ(ExtractInlinedBootstrap(ByteView(b)).status().error_number(), EIO);
  b = toc_blob(kTocCompressionZstd, 0, 100, 1u << 30);  // within the limit but 10^7:1
  CHECK_EQ(ExtractInlinedBootstrap(ByteView(b)).status().error_number(), EIO);
  b = toc_blob(kTocCompressionZstd, 0, 100, 1000);  // not a zstd frame
  CHECK_EQ(ExtractInlinedBootstrap(ByteView(b)).status().error_number(), EIO);
  b = toc_blob(0x8, 0, 100, 100);  // unknown compression
  CHECK_EQ(ExtractInlinedBootstrap(ByteView(b)).status().error_number(), EIO);
  b = toc_blob(kTocCompressionNone, 0, 100, 100);  // fine: raw, digest zero = unchecked
  Result<std::vector<uint8_t>> ok = ExtractInlinedBootstrap(ByteView(b));
  REQUIRE_OK(ok);
  CHECK_EQ(ok.value().size(), 100u);
}

// --- ChunkReader -----------------------------------------------------------------------------

TEST("v6 chunks read from a bare chunk index resolve via blob meta and hash to §7 #7/#8") {
  auto backend = MakeLocalFs({"", kV6Dir, {}});
  ChunkReader reader({V6BlobInfo()}, backend.get(), {true});
  for (uint32_t i = 0; i < 2; ++i) {
    Result<ResolvedChunk> res = reader.Resolve(V6Ref(i));
    REQUIRE_OK(res);
    CHECK(res.value().ref.has_details);
    CHECK(res.value().digest_known);
    CHECK_EQ(Hex(res.value().ref.digest), std::string(kV6ChunkBlake3[i]));
    CHECK_EQ(res.value().ref.compressed_offset, i == 0 ? 0u : 4828u);
    CHECK_EQ(res.value().ref.compressed_size, i == 0 ? 4828u : 2974u);
    CHECK_EQ(res.value().ref.flags, uint32_t{kChunkCompressed});
    Result<std::vector<uint8_t>> data = reader.ReadChunk(V6Ref(i));
    REQUIRE_OK(data);
    CHECK_EQ(data.value().size(), V6Ref(i).uncompressed_size);
    CHECK_EQ(HashHex(DigestAlgorithm::kBlake3, data.value()), std::string(kV6ChunkBlake3[i]));
    Result<ChunkReader::Verified> v = reader.ReadAndVerify(V6Ref(i));
    REQUIRE_OK(v);
    CHECK(v.value().digest_checked);
    CHECK(!v.value().crc_checked);
  }
  // The bootstrap's chunk record (has_details) keeps its digest; blob meta wins on placement.
  ChunkRef detailed = V6Ref(1);
  detailed.has_details = true;
  detailed.digest = DigestFromHex(kV6ChunkBlake3[1]);
  detailed.compressed_offset = 999;  // stale: blob meta is authoritative
  Result<std::vector<uint8_t>> data = reader.ReadChunk(detailed);
  REQUIRE_OK(data);
  // A chunk index that disagrees with blob meta is corruption.
  ChunkRef off = V6Ref(1);
  off.uncompressed_offset = 4096;
  Result<std::vector<uint8_t>> bad = reader.ReadChunk(off);
  CHECK_EQ(bad.status().error_number(), EIO);
  CHECK(Contains(bad.status().message(), "blob meta says"));
  ChunkRef nob = V6Ref(0);
  nob.blob_index = 3;
  CHECK_EQ(reader.ReadChunk(nob).status().error_number(), EIO);
}

TEST("concurrent readers share one lazily loaded blob meta and get identical bytes") {
  auto backend = MakeLocalFs({"", kV6Dir, {}});
  ChunkReader reader({V6BlobInfo()}, backend.get(), {true});
  std::vector<int> failures(8, 0);
  std::vector<std::thread> threads;
  for (size_t t = 0; t < failures.size(); ++t) {
    threads.emplace_back([&, t] {
      for (int k = 0; k < 10; ++k) {
        const uint32_t i = static_cast<uint32_t>((t + k) % 2);
        Result<std::vector<uint8_t>> d = reader.ReadChunk(V6Ref(i));
        if (!d.ok() || HashHex(DigestAlgorithm::kBlake3, d.value()) != kV6ChunkBlake3[i]) failures[t]++;
      }
    });
  }
  for (std::thread& th : threads) th.join();
  for (int f : failures) CHECK_EQ(f, 0);
}

TEST("a flipped byte in v6 chunk 1 gives EIO naming chunk 1; chunk 0 still reads") {
  std::vector<uint8_t> blob = ReadFile(kV6Dir + "/" + kV6Id);
  REQUIRE(blob.size() == 14554);
  blob[4828 + 1500] ^= 0x01;
  TempDir tmp;
  WriteFile(tmp.File(kV6Id), blob);
  auto backend = MakeLocalFs({"", tmp.path(), {}});
  ChunkReader reader({V6BlobInfo()}, backend.get(), {true});
  Result<std::vector<uint8_t>> r1 = reader.ReadChunk(V6Ref(1));
  REQUIRE(!r1.ok());
  CHECK_EQ(r1.status().error_number(), EIO);
  CHECK(Contains(r1.status().message(), "chunk 1"));
  CHECK(Contains(r1.status().message(), kV6Id));
  CHECK(Contains(r1.status().message(), "4828"));
  Result<std::vector<uint8_t>> r0 = reader.ReadChunk(V6Ref(0));
  REQUIRE_OK(r0);
  CHECK_EQ(HashHex(DigestAlgorithm::kBlake3, r0.value()), std::string(kV6ChunkBlake3[0]));
}

TEST("a v6 chunk that still decodes but to other bytes fails the BLAKE3 check only when validating") {
  std::vector<uint8_t> blob = ReadFile(kV6Dir + "/" + kV6Id);
  REQUIRE(blob.size() == 14554);
  // Find a flip inside chunk 1's zstd frame (no frame checksum) that still decodes.
  size_t pos = 0;
  for (size_t p = 4828 + 64; p < 7802 && pos == 0; ++p) {
    std::vector<uint8_t> frame(blob.begin() + 4828, blob.begin() + 7802);
    frame[p - 4828] ^= 0x20;
    Result<std::vector<uint8_t>> plain = Decompress(Compression::kZstd, frame, 13400);
    if (plain.ok()) pos = p;
  }
  REQUIRE(pos != 0);
  MemoryBackend mem;
  mem.blobs[kV6Id] = blob;
  mem.blobs[kV6Id][pos] ^= 0x20;
  ChunkReader strict({V6BlobInfo()}, &mem, {true});
  Result<std::vector<uint8_t>> r = strict.ReadChunk(V6Ref(1));
  CHECK_EQ(r.status().error_number(), EIO);
  CHECK(Contains(r.status().message(), "blake3 digest mismatch"));
  CHECK(Contains(r.status().message(), "chunk 1"));
  ChunkReader lax({V6BlobInfo()}, &mem, {false});
  Result<std::vector<uint8_t>> unchecked = lax.ReadChunk(V6Ref(1));
  REQUIRE_OK(unchecked);
  CHECK(HashHex(DigestAlgorithm::kBlake3, unchecked.value()) != std::string(kV6ChunkBlake3[1]));
  Result<ChunkReader::Verified> v = lax.ReadAndVerify(V6Ref(1));
  CHECK_EQ(v.status().error_number(), EIO);
}

TEST("toc fixture chunks read through blob meta in blob_file mode match rafs-format §6.3") {
  BlobInfo b;
  b.blob_id = "d788a0eac4ff9779bc2eae3842117a918d847d90fddbea1503f7c5296a4a7de3";
  b.compression = Compression::kZstd;
  b.digest = DigestAlgorithm::kBlake3;
  b.features = 0x1;
  b.chunk_size = 1 << 20;
  b.chunk_count = 3;
  b.compressed_size = 2829;
  b.uncompressed_size = 12288;
  b.ci_offset = 3341;
  b.ci_compressed_size = 48;
  b.ci_uncompressed_size = 48;
  auto backend = MakeLocalFs({kTocDir + "/" + kTocId, "", {}});
  ChunkReader reader({b}, backend.get(), {true});
  const uint32_t sizes[] = {2816, 678, 3115};
  const char* sha[] = {"b23741280bb7fbbd48b68da04f1ee8a4559a3191fd26e7bc332fe9a82205750b",
                       "7628231c52136b04935025215115e29df7f16f223f66c7793e70721483896210",
                       "085f726e0b038b4121a0c9fa15a04e154f80e703be78b3d54c2dd445eae807bc"};
  for (uint32_t i = 0; i < 3; ++i) {
    ChunkRef r;
    r.index = i;
    r.uncompressed_offset = uint64_t{i} * 4096;
    r.uncompressed_size = sizes[i];
    Result<ResolvedChunk> res = reader.Resolve(r);
    REQUIRE_OK(res);
    CHECK(!res.value().digest_known);  // no INLINED_CHUNK_DIGEST: nothing to validate against
    Result<std::vector<uint8_t>> data = reader.ReadChunk(r);
    REQUIRE_OK(data);
    CHECK_EQ(HashHex(DigestAlgorithm::kSha256, data.value()), std::string(sha[i]));
  }
}

TEST("v5 chunk with a full record reads and validates; a wrong digest is EIO") {
  BlobInfo b;
  b.blob_id = kV5Id;
  b.compression = Compression::kNone;
  b.digest = DigestAlgorithm::kSha256;
  b.chunk_size = 1 << 20;
  b.chunk_count = 23;
  b.compressed_size = 3508766;
  b.uncompressed_size = 3508766;
  auto backend = MakeLocalFs({"", kV5Dir, {}});
  ChunkReader reader({b}, backend.get(), {true});
  ChunkRef r;
  r.has_details = true;
  r.uncompressed_size = 944;
  r.compressed_size = 944;
  r.digest = DigestFromHex("fff49cf6925f933ae4e834b5d88d25ed06d40f3d70ff9b1916070596bf5649eb");
  Result<std::vector<uint8_t>> data = reader.ReadChunk(r);
  REQUIRE_OK(data);
  CHECK_EQ(std::string(data.value().begin(), data.value().begin() + 24),
           std::string("sudo /home/graymalkin/sr"));
  Result<ResolvedChunk> res = reader.Resolve(r);
  REQUIRE_OK(res);
  CHECK(res.value().digest_known);

  ChunkRef wrong = r;
  wrong.digest[5] ^= 0x40;
  Result<std::vector<uint8_t>> bad = reader.ReadChunk(wrong);
  CHECK_EQ(bad.status().error_number(), EIO);
  CHECK(Contains(bad.status().message(), "sha256 digest mismatch"));
  CHECK(Contains(bad.status().message(), "chunk 0"));
  ChunkReader lax({b}, backend.get(), {false});  // validation off: the digest is not checked
  CHECK(lax.ReadChunk(wrong).ok());
  CHECK_EQ(lax.ReadAndVerify(wrong).status().error_number(), EIO);

  ChunkRef bare = r;  // a v5 blob has no blob meta: a ref without details cannot be read
  bare.has_details = false;
  CHECK_EQ(reader.ReadChunk(bare).status().error_number(), EIO);
  ChunkRef huge = r;
  huge.uncompressed_size = huge.compressed_size = 64u << 20;
  CHECK_EQ(reader.ReadChunk(huge).status().error_number(), EIO);
  ChunkRef enc = r;
  enc.flags = kChunkEncrypted;
  CHECK_EQ(reader.ReadChunk(enc).status().error_number(), ENOTSUP);
  ChunkRef crc = r;  // a CRC is checked even with validation off
  crc.flags = kChunkHasCrc32;
  crc.crc32 = Crc32c(data.value());
  Result<ChunkReader::Verified> v = lax.ReadAndVerify(crc);
  REQUIRE_OK(v);
  CHECK(v.value().crc_checked && v.value().digest_checked);
  crc.crc32 ^= 1;
  Result<std::vector<uint8_t>> crc_bad = lax.ReadChunk(crc);
  CHECK_EQ(crc_bad.status().error_number(), EIO);
  CHECK(Contains(crc_bad.status().message(), "CRC-32C"));
}

TEST("synthetic v2 blob: CRC-carrying chunk and batch members decode; wrong CRC is EIO") {
  std::vector<uint8_t> a = MixedBytes(5000);
  std::vector<uint8_t> b(300), c(700);
  for (size_t i = 0; i < b.size(); ++i) b[i] = static_cast<uint8_t>('a' + i % 7);
  for (size_t i = 0; i < c.size(); ++i) c[i] = static_cast<uint8_t>('k' + i % 5);
  std::vector<uint8_t> batch = b;
  batch.insert(batch.end(), c.begin(), c.end());
  Result<std::vector<uint8_t>> za = Compress(Compression::kZstd, a);
  Result<std::vector<uint8_t>> zb = Compress(Compression::kZstd, batch);
  REQUIRE_OK(za);
  REQUIRE_OK(zb);
  REQUIRE(za.value().size() < a.size() && zb.value().size() < batch.size());

  auto build = [&](uint32_t crc) {
    std::vector<uint8_t> blob = za.value();
    const uint64_t batch_off = blob.size();
    blob.insert(blob.end(), zb.value().begin(), zb.value().end());
    std::vector<uint8_t> ci;
    AppendV2(ci, 0, a.size(), kCiCompressed | kCiHasCrc32, 0, za.value().size(), crc);
    AppendV2(ci, 8192, b.size(), kCiCompressed | kCiBatch, batch_off, 0, 0);
    AppendV2(ci, 12288, c.size(), kCiCompressed | kCiBatch, batch_off, 0, 300);
    const uint64_t zoff = ci.size();
    std::vector<uint8_t> ctx(40, 0);
    PutLe32(ctx, 0, zb.value().size());
    PutLe32(ctx, 4, batch.size());
    ci.insert(ci.end(), ctx.begin(), ctx.end());
    const uint64_t ci_offset = blob.size();
    std::vector<uint8_t> h = MetaHeader(0x85, 0, 3, ci_offset, ci.size(), ci.size(), zoff, 40, 1);
    blob.insert(blob.end(), ci.begin(), ci.end());
    blob.insert(blob.end(), h.begin(), h.end());
    BlobInfo info;
    info.blob_id = "syn";
    info.compression = Compression::kZstd;
    info.digest = DigestAlgorithm::kSha256;
    info.features = 0x85;
    info.chunk_count = 3;
    info.compressed_size = blob.size();
    info.uncompressed_size = 16384;
    info.ci_offset = ci_offset;
    info.ci_compressed_size = ci.size();
    info.ci_uncompressed_size = ci.size();
    return std::make_pair(blob, info);
  };
  auto [blob, info] = build(Crc32c(a));
  MemoryBackend mem;
  mem.blobs["syn"] = blob;
  ChunkReader reader({info}, &mem, {});
  ChunkRef r;
  r.uncompressed_size = a.size();
  Result<ChunkReader::Verified> va = reader.ReadAndVerify(r);
  REQUIRE_OK(va);
  CHECK(va.value().data == a);
  CHECK(va.value().crc_checked);
  CHECK(!va.value().digest_checked);  // no digest anywhere for this blob
  Result<ResolvedChunk> ra = reader.Resolve(r);
  REQUIRE_OK(ra);
  CHECK_EQ(ra.value().ref.flags, uint32_t{kChunkCompressed | kChunkHasCrc32});
  CHECK_EQ(ra.value().ref.crc32, Crc32c(a));

  ChunkRef rb;
  rb.index = 1;
  rb.uncompressed_offset = 8192;
  rb.uncompressed_size = b.size();
  Result<std::vector<uint8_t>> gb = reader.ReadChunk(rb);
  REQUIRE_OK(gb);
  CHECK(gb.value() == b);
  ChunkRef rc = rb;
  rc.index = 2;
  rc.uncompressed_offset = 12288;
  rc.uncompressed_size = c.size();
  Result<std::vector<uint8_t>> gc = reader.ReadChunk(rc);
  REQUIRE_OK(gc);
  CHECK(gc.value() == c);

  auto [bad_blob, bad_info] = build(Crc32c(a) ^ 0x100);
  MemoryBackend mem2;
  mem2.blobs["syn"] = bad_blob;
  ChunkReader reader2({bad_info}, &mem2, {});
  Result<std::vector<uint8_t>> bad = reader2.ReadChunk(r);
  CHECK_EQ(bad.status().error_number(), EIO);
  CHECK(Contains(bad.status().message(), "CRC-32C mismatch"));
  CHECK(Contains(bad.status().message(), "chunk 0"));
}

TEST("ReadSlice: a plain chunk is read whole and checked once, then only its slices; corrupt stays EIO") {
  std::vector<uint8_t> a = MixedBytes(8192), b = MixedBytes(4096);
  for (auto& x : b) x ^= 0x5a;
  std::vector<uint8_t> c = MixedBytes(6000);
  Result<std::vector<uint8_t>> zc = Compress(Compression::kZstd, c);
  REQUIRE_OK(zc);
  std::vector<uint8_t> blob = a;
  blob.insert(blob.end(), b.begin(), b.end());
  blob.insert(blob.end(), zc.value().begin(), zc.value().end());
  BlobInfo info;
  info.blob_id = "plain";
  info.compression = Compression::kZstd;
  info.digest = DigestAlgorithm::kSha256;
  info.chunk_count = 3;
  info.compressed_size = blob.size();
  info.uncompressed_size = 8192 + 4096 + 8192;
  auto ref = [&](uint32_t index, uint64_t off, uint32_t size, uint64_t stored_off, uint32_t stored, uint32_t flags) {
    ChunkRef r;
    r.has_details = true;
    r.index = index;
    r.uncompressed_offset = off;
    r.uncompressed_size = size;
    r.compressed_offset = stored_off;
    r.compressed_size = stored;
    r.flags = flags;
    return r;
  };
  ChunkRef ra = ref(0, 0, 8192, 0, 8192, kChunkHasCrc32);  // plain, with a CRC
  ra.crc32 = Crc32c(a);
  ChunkRef rb = ref(1, 8192, 4096, 8192, 4096, 0);         // plain, nothing to check
  Result<Digest> db = ComputeDigest(DigestAlgorithm::kSha256, b);
  REQUIRE_OK(db);
  rb.digest = db.value();
  ChunkRef rc = ref(2, 12288, 6000, 12288, static_cast<uint32_t>(zc.value().size()), kChunkCompressed);

  MemoryBackend mem;
  mem.blobs["plain"] = blob;
  ChunkReader reader({info}, &mem, {false});
  std::vector<uint8_t> out(100);
  REQUIRE_OK(reader.ReadSlice(ra, 100, 50, out.data()));
  CHECK(std::equal(out.begin(), out.begin() + 50, a.begin() + 100));
  REQUIRE_OK(reader.ReadSlice(ra, 8100, 92, out.data()));
  CHECK(std::equal(out.begin(), out.begin() + 92, a.begin() + 8100));
  CHECK(mem.read_lengths == (std::vector<size_t>{8192, 92}));  // whole once (CRC), then the slice
  mem.read_lengths.clear();
  REQUIRE_OK(reader.ReadSlice(rb, 7, 20, out.data()));  // no CRC, validation off: slice only
  CHECK(std::equal(out.begin(), out.begin() + 20, b.begin() + 7));
  REQUIRE_OK(reader.ReadSlice(rc, 5000, 100, out.data()));  // compressed: decoded whole each time
  CHECK(std::equal(out.begin(), out.begin() + 100, c.begin() + 5000));
  REQUIRE_OK(reader.ReadSlice(rc, 0, 10, out.data()));
  CHECK(std::equal(out.begin(), out.begin() + 10, c.begin()));
  CHECK(mem.read_lengths == (std::vector<size_t>{20, zc.value().size(), zc.value().size()}));
  CHECK_EQ(reader.ReadSlice(rb, 4000, 97, out.data()).error_number(), EIO);  // past the chunk

  mem.read_lengths.clear();
  ChunkReader strict({info}, &mem, {true});  // digest validation: rb is checked once too
  REQUIRE_OK(strict.ReadSlice(rb, 7, 20, out.data()));
  REQUIRE_OK(strict.ReadSlice(rb, 70, 20, out.data()));
  CHECK(std::equal(out.begin(), out.begin() + 20, b.begin() + 70));
  CHECK(mem.read_lengths == (std::vector<size_t>{4096, 20}));

  std::vector<uint8_t> bad = blob;  // a flipped byte outside the slice still fails the CRC, every time
  bad[3000] ^= 1;
  MemoryBackend mem2;
  mem2.blobs["plain"] = bad;
  ChunkReader reader2({info}, &mem2, {false});
  for (int i = 0; i < 2; i++) {
    Status s = reader2.ReadSlice(ra, 100, 50, out.data());
    CHECK_EQ(s.error_number(), EIO);
    CHECK(Contains(s.message(), "CRC-32C mismatch"));
  }
  CHECK(mem2.read_lengths == (std::vector<size_t>{8192, 8192}));
}

TEST("truncated copies of the v6 and toc blobs give errors, never a crash") {
  std::vector<uint8_t> v6 = ReadFile(kV6Dir + "/" + kV6Id);
  std::vector<uint8_t> tocblob = ReadFile(kTocDir + "/" + kTocId);
  REQUIRE(v6.size() == 14554 && tocblob.size() == 10034);
  TempDir tmp;
  for (size_t len : {size_t{0}, size_t{1}, size_t{511}, size_t{4828}, size_t{7802}, size_t{8320},
                     size_t{8346}, size_t{12000}, size_t{12442}, size_t{13000}, size_t{14000},
                     size_t{14553}}) {
    WriteFile(tmp.File(kV6Id), std::vector<uint8_t>(v6.begin(), v6.begin() + len));
    auto backend = MakeLocalFs({"", tmp.path(), {}});
    ChunkReader reader({V6BlobInfo()}, backend.get(), {true});
    for (uint32_t i = 0; i < 2; ++i) {
      Result<std::vector<uint8_t>> r = reader.ReadChunk(V6Ref(i));
      CHECK(!r.ok());
      if (!r.ok()) CHECK_EQ(r.status().error_number(), EIO);
    }
    CHECK(!BlobToc::Load(*backend, V6BlobInfo()).ok());
    std::vector<uint8_t> t(tocblob.begin(), tocblob.begin() + std::min(len, tocblob.size()));
    CHECK(!ExtractInlinedBootstrap(ByteView(t)).ok() || len >= tocblob.size());
  }
}

NYDUS_TEST_MAIN()
