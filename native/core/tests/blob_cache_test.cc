// Unit tests of the native blob cache (storage spec §4.2-4.7): the PAMB chunk map format,
// warm restarts without backend requests, in-flight de-duplication, read merging and
// amplification, error handling, raw mode, validation and prefetch. Test-only code.
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

#include "image.h"
#include "storage/blob_cache.h"
#include "storage/chunk_map.h"
#include "storage/compressor.h"
#include "storage/digester.h"
#include "storage/localfs_backend.h"
#include "test_harness.h"
#include "test_util.h"

using namespace nydus;
using namespace nydus::storage;
using nydus::test::RandomBytes;
using nydus::test::Contains;
using nydus::test::TempDir;
using nydus::test::kV6Bootstrap;
using nydus::test::kV6Dir;
using nydus::test::kV6Id;

namespace {


std::vector<uint8_t> ReadFile(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  return std::vector<uint8_t>(std::istreambuf_iterator<char>(in), {});
}

void WriteFile(const std::string& path, const std::vector<uint8_t>& bytes) {
  std::ofstream out(path, std::ios::binary | std::ios::trunc);
  out.write(reinterpret_cast<const char*>(bytes.data()), static_cast<std::streamsize>(bytes.size()));
}

// A backend over blobs in memory that counts requests and injects faults.
class TestBackend final : public BlobBackend {
 public:
  struct Request {
    uint64_t offset;
    size_t length;
    ReadSource source;
  };
  std::map<std::string, std::vector<uint8_t>> blobs;
  std::atomic<int> size_calls{0};
  std::atomic<bool> fail{false};      // every read fails
  std::atomic<bool> corrupt{false};   // every read returns flipped bytes
  std::atomic<bool> short_read{false};
  std::atomic<int> delay_ms{0};
  std::atomic<int> in_flight{0}, max_in_flight{0};

  Result<uint64_t> BlobSize(const std::string& id) override {
    size_calls++;
    auto it = blobs.find(id);
    if (it == blobs.end()) return Status(ENOENT, "no blob " + id);
    return uint64_t{it->second.size()};
  }
  Status ReadAt(const std::string& id, uint64_t offset, uint8_t* buf, size_t length, ReadSource source) override {
    {
      std::lock_guard<std::mutex> lock(mu_);
      requests_.push_back({offset, length, source});
      max_in_flight = std::max(max_in_flight.load(), ++in_flight);
    }
    struct Done {
      std::atomic<int>& n;
      ~Done() { --n; }
    } done{in_flight};
    if (delay_ms.load() > 0) std::this_thread::sleep_for(std::chrono::milliseconds(delay_ms.load()));
    if (fail.load()) return Status(ECONNRESET, "injected failure");
    auto it = blobs.find(id);
    if (it == blobs.end()) return Status(ENOENT, "no blob " + id);
    const auto& b = it->second;
    if (offset > b.size() || length > b.size() - offset) return Status(EIO, "expected more bytes");
    if (short_read.load()) return Status(EIO, "expected " + std::to_string(length) + " bytes, got " +
                                                  std::to_string(length / 2));
    std::memcpy(buf, b.data() + offset, length);
    if (corrupt.load() && length > 0) buf[length / 2] ^= 0x5a;
    return Status::Ok();
  }
  std::vector<Request> requests() {
    std::lock_guard<std::mutex> lock(mu_);
    return requests_;
  }
  size_t reads() {
    std::lock_guard<std::mutex> lock(mu_);
    return requests_.size();
  }
  void Reset() {
    std::lock_guard<std::mutex> lock(mu_);
    requests_.clear();
    size_calls = 0;
  }

 private:
  std::mutex mu_;
  std::vector<Request> requests_;
};

// Counts calls on the way to a real localfs backend.
class CountingLocalFs final : public BlobBackend {
 public:
  explicit CountingLocalFs(std::string dir) : inner_(LocalFsBackend::Create({"", std::move(dir), {}}).value()) {}
  std::atomic<int> size_calls{0}, read_calls{0};
  Result<uint64_t> BlobSize(const std::string& id) override {
    size_calls++;
    return inner_->BlobSize(id);
  }
  Status ReadAt(const std::string& id, uint64_t offset, uint8_t* buf, size_t length, ReadSource source) override {
    read_calls++;
    return inner_->ReadAt(id, offset, buf, length, source);
  }

 private:
  std::unique_ptr<LocalFsBackend> inner_;
};

// --- a synthetic RAFS v5 image (rafs-format §3), laid out from the spec --------------------

void Put16(std::vector<uint8_t>& b, size_t at, uint16_t v) {
  for (int i = 0; i < 2; ++i) b[at + i] = static_cast<uint8_t>(v >> (8 * i));
}
void Put32(std::vector<uint8_t>& b, size_t at, uint32_t v) {
  for (int i = 0; i < 4; ++i) b[at + i] = static_cast<uint8_t>(v >> (8 * i));
}
void Put64(std::vector<uint8_t>& b, size_t at, uint64_t v) {
  for (int i = 0; i < 8; ++i) b[at + i] = static_cast<uint8_t>(v >> (8 * i));
}

constexpr uint32_t kChunk = 16 << 10;
const std::string kBlobId = std::string(63, '0') + "a";

struct SynFile {
  std::string name;
  uint64_t ino;
  uint64_t parent;
  bool dir = false;
  uint32_t child_index = 0, child_count = 0;
  std::vector<uint8_t> data;
  std::vector<uint32_t> chunks;  // blob chunk indexes, filled by the builder
};

struct SynImage {
  std::vector<uint8_t> bootstrap;
  std::vector<uint8_t> blob;
  std::vector<SynFile> files;
  uint32_t chunk_count = 0;
  std::vector<uint64_t> chunk_coff;  // compressed offsets by chunk index
};

struct SynOptions {
  bool lz4 = false;
  bool ext_table = true;
  std::vector<uint32_t> prefetch;
  uint32_t ext_chunk_count = 0;  // non-zero: a (too small) chunk count for the extended table
  uint32_t extra_files = 0;      // sub/d00, sub/d01, ...: 3000 bytes each, after c in the blob
};

// "/" with big (8 chunks), small1, small2, sub/ (c: 2 chunks). Chunks are laid out in the
// blob in that order; every chunk is a distinct random (or compressible) 16 KiB piece.
SynImage BuildImage(const SynOptions& opt = {}) {
  SynImage img;
  auto data = [&](size_t n, uint64_t seed) {
    std::vector<uint8_t> d = RandomBytes(n, seed);
    if (opt.lz4) {
      for (size_t i = 0; i < d.size(); ++i) {
        if ((i / 512) % 2 == 0) d[i] = static_cast<uint8_t>('a' + (i % 13));
      }
    }
    return d;
  };
  img.files = {
      {"/", 1, 0, true, 2, 4, {}, {}},
      {"big", 2, 1, false, 0, 0, data(8 * kChunk, 11), {}},
      {"small1", 3, 1, false, 0, 0, data(5000, 12), {}},
      {"small2", 4, 1, false, 0, 0, data(3000, 13), {}},
      {"sub", 5, 1, true, 6, 1, {}, {}},
      {"c", 6, 5, false, 0, 0, data(kChunk + 100, 14), {}},
  };
  for (uint32_t i = 0; i < opt.extra_files; ++i) {
    const std::string name = std::string("d") + static_cast<char>('0' + i / 10) + static_cast<char>('0' + i % 10);
    img.files.push_back({name, 7 + i, 5, false, 0, 0, data(3000, 100 + i), {}});
    img.files[4].child_count++;
  }
  struct ChunkRec {
    std::vector<uint8_t> plain, stored;
    bool compressed;
    uint64_t coff, uoff;
  };
  std::vector<ChunkRec> chunks;
  uint64_t uoff = 0;
  for (SynFile& f : img.files) {
    for (size_t off = 0; off < f.data.size(); off += kChunk) {
      ChunkRec c;
      c.plain.assign(f.data.begin() + off, f.data.begin() + std::min<size_t>(off + kChunk, f.data.size()));
      c.stored = c.plain;
      c.compressed = false;
      if (opt.lz4) {
        auto z = Compress(Compression::kLz4Block, ByteView(c.plain));
        if (z.ok() && z.value().size() < c.plain.size()) {
          c.stored = z.value();
          c.compressed = true;
        }
      }
      c.coff = img.blob.size();
      c.uoff = uoff;
      uoff += c.plain.size();
      img.blob.insert(img.blob.end(), c.stored.begin(), c.stored.end());
      f.chunks.push_back(static_cast<uint32_t>(chunks.size()));
      img.chunk_coff.push_back(c.coff);
      chunks.push_back(std::move(c));
    }
  }
  img.chunk_count = static_cast<uint32_t>(chunks.size());

  std::vector<uint8_t> b(8192, 0);
  const auto align = [&]() { b.resize((b.size() + 7) & ~size_t{7}, 0); };
  const uint32_t n = static_cast<uint32_t>(img.files.size());
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
  b.resize(b.size() + 8, 0);
  b.insert(b.end(), kBlobId.begin(), kBlobId.end());
  align();
  const size_t blob_table_size = b.size() - blob_table;
  const size_t ext = b.size();
  if (opt.ext_table) {
    b.resize(b.size() + 64, 0);
    Put32(b, ext, opt.ext_chunk_count != 0 ? opt.ext_chunk_count : img.chunk_count);
    Put64(b, ext + 8, uoff);
    Put64(b, ext + 16, img.blob.size());
  }
  for (uint32_t i = 0; i < n; ++i) {
    const SynFile& f = img.files[i];
    const size_t at = b.size();
    Put32(b, inode_table + 4 * i, static_cast<uint32_t>(at >> 3));
    b.resize(at + 128, 0);
    const uint64_t size = f.dir ? 4096 : f.data.size();
    Put64(b, at + 32, f.parent);
    Put64(b, at + 40, f.ino);
    Put32(b, at + 60, f.dir ? 040755 : 0100644);
    Put64(b, at + 64, size);
    Put64(b, at + 72, (size + 511) / 512);
    Put32(b, at + 88, f.dir ? 2 : 1);
    Put32(b, at + 92, f.child_index);
    Put32(b, at + 96, f.dir ? f.child_count : static_cast<uint32_t>(f.chunks.size()));
    Put16(b, at + 100, static_cast<uint16_t>(f.name.size()));
    Put32(b, at + 108, 5);
    b.insert(b.end(), f.name.begin(), f.name.end());
    align();
    for (size_t k = 0; k < f.chunks.size(); ++k) {
      const ChunkRec& c = chunks[f.chunks[k]];
      const size_t r = b.size();
      b.resize(r + 80, 0);
      Digest d = ComputeDigest(DigestAlgorithm::kSha256, ByteView(c.plain)).value();
      std::memcpy(b.data() + r, d.data(), 32);
      Put32(b, r + 32, 0);
      Put32(b, r + 36, c.compressed ? 1 : 0);
      Put32(b, r + 40, static_cast<uint32_t>(c.stored.size()));
      Put32(b, r + 44, static_cast<uint32_t>(c.plain.size()));
      Put64(b, r + 48, c.coff);
      Put64(b, r + 56, c.uoff);
      Put64(b, r + 64, k * kChunk);
      Put32(b, r + 72, f.chunks[k]);
    }
  }
  Put32(b, 0, 0x52414653);
  Put32(b, 4, 0x500);
  Put32(b, 8, 8192);
  Put32(b, 12, kChunk);
  Put64(b, 16, (opt.lz4 ? 0x2 : 0x1) | 0x8);
  Put64(b, 24, n);
  Put64(b, 32, inode_table);
  Put64(b, 40, prefetch);
  Put64(b, 48, blob_table);
  Put32(b, 56, n);
  Put32(b, 60, static_cast<uint32_t>(opt.prefetch.size()));
  Put32(b, 64, static_cast<uint32_t>(blob_table_size));
  Put32(b, 68, opt.ext_table ? 1 : 0);
  Put64(b, 72, opt.ext_table ? ext : 0);
  img.bootstrap = std::move(b);
  return img;
}

// The bootstrap written into `dir`, the blob served by `backend`, an image opened with a cache.
struct Fixture {
  TempDir dir;
  SynImage img;
  std::shared_ptr<TestBackend> backend = std::make_shared<TestBackend>();
  std::string boot;

  explicit Fixture(const SynOptions& opt = {}) : img(BuildImage(opt)) {
    boot = dir.File("image.boot");
    WriteFile(boot, img.bootstrap);
    backend->blobs[kBlobId] = img.blob;
  }
  std::string work() const { return dir.path() + "/cache"; }
  ImageOptions Options() const {
    ImageOptions o;
    o.backend = backend;
    o.cache.enabled = true;
    o.cache.work_dir = work();
    return o;
  }
  std::unique_ptr<Image> Open(const ImageOptions& o) const {
    auto image = Image::Open(boot, o);
    REQUIRE_OK(image);
    return std::move(image).value();
  }
  const SynFile& File(const std::string& name) const {
    for (const SynFile& f : img.files) {
      if (f.name == name) return f;
    }
    throw nydus::test::AbortCase{};
  }
};

std::vector<uint8_t> ReadAll(const Image& image, const SynFile& f, uint64_t offset = 0, size_t length = 0) {
  if (length == 0) length = f.data.size() - offset;
  std::vector<uint8_t> out(length);
  auto n = image.Read(f.ino, offset, out.data(), out.size());
  REQUIRE_OK(n);
  out.resize(n.value());
  return out;
}

std::vector<uint8_t> Slice(const std::vector<uint8_t>& v, size_t off, size_t len) {
  return std::vector<uint8_t>(v.begin() + off, v.begin() + off + len);
}

ImageOptions Amplified(const Fixture& fx, uint64_t amplify_io) {
  ImageOptions o = fx.Options();
  o.amplify_io = amplify_io;
  return o;
}

// Prefetch of everything by `threads` workers in 128 KiB jobs.
ImageOptions PrefetchAll(const Fixture& fx, uint32_t threads) {
  ImageOptions o = fx.Options();
  o.prefetch.enable = true;
  o.prefetch.threads = threads;
  o.prefetch.batch_size = 128 << 10;
  o.prefetch.prefetch_all = true;
  return o;
}

// The on-demand requests among `reqs` (read-ahead windows read in the background are kPrefetch).
std::vector<TestBackend::Request> OnDemand(const std::vector<TestBackend::Request>& reqs) {
  std::vector<TestBackend::Request> out;
  for (const auto& r : reqs) {
    if (r.source == ReadSource::kOnDemand) out.push_back(r);
  }
  return out;
}

bool WaitFor(const std::function<bool()>& cond, int ms = 5000) {
  for (int i = 0; i < ms / 5; ++i) {
    if (cond()) return true;
    std::this_thread::sleep_for(std::chrono::milliseconds(5));
  }
  return cond();
}

}  // namespace

// --- chunk map ---------------------------------------------------------------------------

TEST("chunk map of two ready chunks is the §7 #14 vector; chunk 9 is byte 4097 mask 0x40 (#15)") {
  TempDir tmp;
  {
    auto map = ChunkMap::Open(tmp.File("m"), 2);
    REQUIRE_OK(map);
    CHECK(!map.value()->IsReady(0));
    REQUIRE_OK(map.value()->SetReady(0));
    REQUIRE_OK(map.value()->SetReady(1));
    CHECK(map.value()->all_ready());
  }
  std::vector<uint8_t> bytes = ReadFile(tmp.File("m"));
  REQUIRE(bytes.size() == 4097);
  const uint8_t head[16] = {0x50, 0x41, 0x4d, 0x42, 1, 0, 0, 0, 0x50, 0x41, 0x4d, 0x43, 0, 0, 0, 0};
  CHECK(std::memcmp(bytes.data(), head, 16) == 0);
  CHECK(std::all_of(bytes.begin() + 16, bytes.begin() + 4096, [](uint8_t b) { return b == 0; }));
  CHECK_EQ(bytes[4096], 0xc0);

  auto map10 = ChunkMap::Open(tmp.File("m10"), 10);
  REQUIRE_OK(map10);
  REQUIRE_OK(map10.value()->SetReady(9));
  CHECK(map10.value()->IsReady(9));
  CHECK(!map10.value()->IsReady(8));
  std::vector<uint8_t> b10 = ReadFile(tmp.File("m10"));
  REQUIRE(b10.size() == 4098);
  CHECK_EQ(b10[4097], 0x40);
  CHECK_EQ(b10[4096], 0);
  CHECK_EQ(map10.value()->SetReady(10).error_number(), EIO);
  CHECK(!map10.value()->IsReady(10));
}

TEST("chunk map reopen keeps bits; a complete map gets all_ready written; wrong size is EIO") {
  TempDir tmp;
  {
    auto map = ChunkMap::Open(tmp.File("m"), 3);
    REQUIRE_OK(map);
    REQUIRE_OK(map.value()->SetReady(1));
  }
  {
    auto map = ChunkMap::Open(tmp.File("m"), 3);
    REQUIRE_OK(map);
    CHECK(map.value()->IsReady(1));
    CHECK(!map.value()->IsReady(0));
    CHECK(!map.value()->all_ready());
    REQUIRE_OK(map.value()->SetReady(0));
    REQUIRE_OK(map.value()->SetReady(2));
  }
  {
    auto map = ChunkMap::Open(tmp.File("m"), 3);
    REQUIRE_OK(map);
    CHECK(map.value()->all_ready());
  }
  std::vector<uint8_t> bytes = ReadFile(tmp.File("m"));
  CHECK(bytes[12] == 0x50 && bytes[13] == 0x41 && bytes[14] == 0x4d && bytes[15] == 0x4d);  // "PAMM"

  auto wrong = ChunkMap::Open(tmp.File("m"), 100);
  CHECK_EQ(wrong.status().error_number(), EIO);
  CHECK(Contains(wrong.status().message(), "expected 4109"));
  // A zero file of the right size is re-initialised; garbage is refused.
  WriteFile(tmp.File("z"), std::vector<uint8_t>(4097, 0));
  CHECK(ChunkMap::Open(tmp.File("z"), 2).ok());
  std::vector<uint8_t> junk(4097, 0);
  junk[0] = 'x';
  WriteFile(tmp.File("j"), junk);
  CHECK_EQ(ChunkMap::Open(tmp.File("j"), 2).status().error_number(), EIO);
}

TEST("cache entry: index past chunk_count or range past the image is EIO; data file sized; too big is EIO") {
  TempDir tmp;
  BlobInfo blob;
  blob.blob_id = "b1";
  blob.chunk_count = 2;
  blob.uncompressed_size = 8192;
  auto entry = BlobCacheEntry::Get(tmp.path(), blob, false, false);
  REQUIRE_OK(entry);
  CHECK_EQ(std::filesystem::file_size(tmp.File("b1.blob.data")), 8192u);
  ResolvedChunk c;
  c.ref.index = 2;
  c.ref.uncompressed_size = 100;
  CHECK_EQ(entry.value()->Check(c).error_number(), EIO);
  std::vector<uint8_t> plain(100, 7);
  CHECK_EQ(entry.value()->Persist(c, ByteView(plain), ByteView(plain)).error_number(), EIO);
  c.ref.index = 1;
  c.ref.uncompressed_offset = 8192 - 50;
  CHECK_EQ(entry.value()->Check(c).error_number(), EIO);
  c.ref.uncompressed_offset = 4096;
  REQUIRE_OK(entry.value()->Persist(c, ByteView(plain), ByteView(plain)));
  CHECK(entry.value()->IsReady(c));
  // The same path from another image is the same entry.
  auto again = BlobCacheEntry::Get(tmp.path(), blob, false, false);
  REQUIRE_OK(again);
  CHECK(again.value().get() == entry.value().get());
  entry.value().reset();
  again.value().reset();
  blob.uncompressed_size = 4096;  // the existing file is larger than the blob: refused
  CHECK_EQ(BlobCacheEntry::Get(tmp.path(), blob, false, false).status().error_number(), EIO);
}

// --- read path ---------------------------------------------------------------------------

TEST("cold read fetches, persists and marks ready; warm reopen makes zero backend calls") {
  Fixture fx;
  const SynFile& big = fx.File("big");
  {
    auto image = fx.Open(fx.Options());
    CHECK(image->has_cache());
    CHECK(ReadAll(*image, big) == big.data);
    CHECK(fx.backend->reads() >= 1);
    CacheMetricsSnapshot m = image->cache_metrics();
    CHECK_EQ(m.total, 1u);
    CHECK_EQ(m.whole_hits, 0u);
    CHECK_EQ(m.entries_count, 1u);
    REQUIRE(m.underlying_files.size() == 1);
    CHECK_EQ(m.underlying_files[0], fx.work() + "/" + kBlobId + ".blob.data");
    CHECK_EQ(m.store_path, fx.work());
    CHECK(!m.data_all_ready);
    // The second read is a whole hit, served from the cache.
    fx.backend->Reset();
    CHECK(ReadAll(*image, big, 100, 3 * kChunk) == Slice(big.data, 100, 3 * kChunk));
    CHECK_EQ(fx.backend->reads(), 0u);
    CHECK_EQ(image->cache_metrics().whole_hits, 1u);
  }
  struct stat st;
  REQUIRE(::stat((fx.work() + "/" + kBlobId + ".blob.data").c_str(), &st) == 0);
  CHECK_EQ(static_cast<uint64_t>(st.st_size), 8u * kChunk + 5000 + 3000 + kChunk + 100);
  REQUIRE(::stat((fx.work() + "/" + kBlobId + ".blob.data.chunk_map").c_str(), &st) == 0);
  CHECK_EQ(static_cast<uint64_t>(st.st_size), 4096u + 2);

  fx.backend->Reset();
  auto image = fx.Open(fx.Options());
  CHECK(ReadAll(*image, big) == big.data);
  CHECK_EQ(fx.backend->reads(), 0u);
  CHECK_EQ(fx.backend->size_calls.load(), 0);
  // Partial hit: big is cached, small1 is not.
  CHECK(ReadAll(*image, fx.File("small1")) == fx.File("small1").data);
  CHECK_EQ(image->cache_metrics().whole_hits, 1u);
}

TEST("v6 fixture: warm restart reads blob meta, digests and data with zero backend calls") {
  TempDir tmp;
  auto backend = std::make_shared<CountingLocalFs>(kV6Dir);
  ImageOptions o;
  o.backend = backend;
  o.cache.enabled = true;
  o.cache.work_dir = tmp.File("cache");
  o.cache.validate = true;
  std::vector<uint8_t> lib1, sync1;
  {
    auto image = Image::Open(kV6Bootstrap, o);
    REQUIRE_OK(image);
    for (auto [ino, out] : {std::make_pair(rafs::Ino{133}, &lib1), std::make_pair(rafs::Ino{136}, &sync1)}) {
      auto attr = image.value()->fs().GetAttr(ino);
      REQUIRE_OK(attr);
      out->resize(attr.value().size);
      auto n = image.value()->Read(ino, 0, out->data(), out->size());
      REQUIRE_OK(n);
    }
    CHECK(backend->read_calls.load() > 0);
    CHECK(image.value()->cache_metrics().data_all_ready);
  }
  CHECK(std::filesystem::file_size(tmp.File("cache/" + kV6Id + ".blob.meta")) == 4096u + 4096u);
  CHECK(std::filesystem::file_size(tmp.File("cache/" + kV6Id + ".blob.digest")) == 64u);
  CHECK(std::filesystem::file_size(tmp.File("cache/" + kV6Id + ".blob.data")) == 36864u);
  auto digest = ComputeDigest(DigestAlgorithm::kSha256,
                              ByteView(ReadFile(tmp.File("cache/" + kV6Id + ".blob.data"))));
  CHECK_EQ(nydus::test::Hex(digest.value()), "66c3387eb172d604c659d25771cf8979953613d89970f66264d435dbbc17c763");

  backend->read_calls = 0;
  backend->size_calls = 0;
  auto image = Image::Open(kV6Bootstrap, o);
  REQUIRE_OK(image);
  std::vector<uint8_t> lib2(lib1.size()), sync2(sync1.size());
  REQUIRE_OK(image.value()->Read(133, 0, lib2.data(), lib2.size()));
  REQUIRE_OK(image.value()->Read(136, 0, sync2.data(), sync2.size()));
  CHECK(lib2 == lib1);
  CHECK(sync2 == sync1);
  CHECK_EQ(backend->read_calls.load(), 0);
  CHECK_EQ(backend->size_calls.load(), 0);

  // A blob.meta cache file that does not validate is downloaded again.
  image.value().reset();
  std::vector<uint8_t> meta = ReadFile(tmp.File("cache/" + kV6Id + ".blob.meta"));
  meta[meta.size() - 4] ^= 1;  // magic2
  WriteFile(tmp.File("cache/" + kV6Id + ".blob.meta"), meta);
  auto again = Image::Open(kV6Bootstrap, o);
  REQUIRE_OK(again);
  REQUIRE_OK(again.value()->Read(133, 0, lib2.data(), lib2.size()));
  CHECK(lib2 == lib1);
  CHECK(backend->read_calls.load() > 0);
  CHECK(ReadFile(tmp.File("cache/" + kV6Id + ".blob.meta"))[meta.size() - 4] == (meta[meta.size() - 4] ^ 1));
}

TEST("concurrent readers of one cold chunk make exactly one backend request") {
  Fixture fx;
  fx.backend->delay_ms = 100;
  ImageOptions o = fx.Options();
  o.amplify_io = 0;
  auto image = fx.Open(o);
  const SynFile& s1 = fx.File("small1");
  std::vector<std::thread> threads;
  std::atomic<int> good{0};
  for (int i = 0; i < 8; ++i) {
    threads.emplace_back([&] {
      std::vector<uint8_t> out(s1.data.size());
      auto n = image->Read(s1.ino, 0, out.data(), out.size());
      if (n.ok() && out == s1.data) good++;
    });
  }
  for (auto& t : threads) t.join();
  CHECK_EQ(good.load(), 8);
  CHECK_EQ(fx.backend->reads(), 1u);
}

TEST("adjacent cold chunks of one file merge into one request; a small file read out of order fetches only its chunk") {
  Fixture fx;
  auto image = fx.Open(fx.Options());
  const SynFile& big = fx.File("big");
  CHECK(ReadAll(*image, big) == big.data);
  auto reqs = fx.backend->requests();
  REQUIRE(reqs.size() == 1);
  CHECK_EQ(reqs[0].offset, 0u);
  CHECK_EQ(reqs[0].length, 8u * kChunk);
  CHECK(reqs[0].source == ReadSource::kOnDemand);

  // small2 sits after small1, not right after big (no sequential read-ahead): only its own bytes come.
  fx.backend->Reset();
  const SynFile& s2 = fx.File("small2");
  CHECK(ReadAll(*image, s2) == s2.data);
  reqs = fx.backend->requests();
  REQUIRE(reqs.size() == 1);
  CHECK_EQ(reqs[0].offset, fx.img.chunk_coff[9]);
  CHECK_EQ(reqs[0].length, 3000u);
}

TEST("the second file in a row read where the last one ended reads ahead amplify_io bytes, across files") {
  Fixture fx;
  auto image = fx.Open(Amplified(fx, 4 * kChunk));
  const SynFile& big = fx.File("big");
  const SynFile& s1 = fx.File("small1");
  const SynFile& s2 = fx.File("small2");
  const SynFile& c = fx.File("c");
  // The first read has nothing to continue, the second continues one read only: their own chunks.
  CHECK(ReadAll(*image, big) == big.data);
  CHECK(ReadAll(*image, s1) == s1.data);
  auto reqs = fx.backend->requests();
  REQUIRE(reqs.size() == 2);
  CHECK_EQ(reqs[1].length, 5000u);
  // small2 makes it two in a row: one read from there to the end of the blob (< amplify_io).
  CHECK(ReadAll(*image, s2) == s2.data);
  reqs = fx.backend->requests();
  REQUIRE(reqs.size() == 3);
  CHECK_EQ(reqs[2].offset, fx.img.chunk_coff[9]);
  CHECK_EQ(reqs[2].length, fx.img.blob.size() - fx.img.chunk_coff[9]);
  CHECK(reqs[2].source == ReadSource::kOnDemand);
  // c (two chunks, another directory) comes from that read-ahead: no request, cached afterwards.
  CHECK(ReadAll(*image, c) == c.data);
  CHECK_EQ(fx.backend->reads(), 3u);
  fx.backend->Reset();
  auto again = fx.Open(Amplified(fx, 4 * kChunk));
  CHECK(ReadAll(*again, c) == c.data);
  CHECK(ReadAll(*again, s2) == s2.data);
  CHECK_EQ(fx.backend->reads(), 0u);

  // Each read-ahead read is at most amplify_io (here 8 KiB): small2's window holds it and the
  // head of c, two background windows the rest of the blob; c needs no request of its own.
  Fixture fx2;
  auto image2 = fx2.Open(Amplified(fx2, 8192));
  for (const char* name : {"big", "small1", "small2", "c"}) {
    const SynFile& f = fx2.File(name);
    CHECK(ReadAll(*image2, f) == f.data);
  }
  reqs = fx2.backend->requests();
  REQUIRE(OnDemand(reqs).size() == 3);
  CHECK_EQ(OnDemand(reqs)[2].offset, fx2.img.chunk_coff[9]);
  CHECK_EQ(OnDemand(reqs)[2].length, 8192u);
  REQUIRE(reqs.size() == 5);
  uint64_t ahead = 0;
  for (const auto& r : reqs) {
    if (r.source == ReadSource::kPrefetch) {
      CHECK(r.length <= 8192u);
      ahead += r.length;
    }
  }
  CHECK_EQ(ahead, fx2.img.blob.size() - fx2.img.chunk_coff[9] - 8192);
}

// 20 more files after c (sub/d00..d19, 3000 bytes each), amplify_io 8 KiB; big, small1 read
// (nothing to continue, one read continued), then small2, the second in a row: its own window,
// then 2 more in the background (5 requests in all).
constexpr uint64_t kStep = 8192;
const SynOptions kMoreFiles{false, true, {}, 0, 20};
static std::unique_ptr<Image> StartReadAheadChain(const Fixture& fx) {
  auto image = fx.Open(Amplified(fx, kStep));
  for (const char* name : {"big", "small1", "small2"}) {
    const SynFile& f = fx.File(name);
    CHECK(ReadAll(*image, f) == f.data);
  }
  CHECK(WaitFor([&] { return fx.backend->reads() == 5; }));
  return image;
}

TEST("files read in blob order are kept two windows ahead by background reads, and no further") {
  Fixture fx(kMoreFiles);
  auto image = StartReadAheadChain(fx);
  const uint64_t w0 = fx.img.chunk_coff[9];  // small2
  auto reqs = fx.backend->requests();
  REQUIRE(reqs.size() == 5);
  CHECK(reqs[2].source == ReadSource::kOnDemand);
  CHECK_EQ(reqs[2].offset, w0);
  CHECK_EQ(reqs[2].length, kStep);
  std::vector<uint64_t> ahead;
  for (size_t i = 3; i < 5; ++i) {
    CHECK(reqs[i].source == ReadSource::kPrefetch);
    CHECK_EQ(reqs[i].length, kStep);
    ahead.push_back(reqs[i].offset);
  }
  std::sort(ahead.begin(), ahead.end());
  CHECK(ahead == (std::vector<uint64_t>{w0 + kStep, w0 + 2 * kStep}));
  // c and d00..d03 come from windows, each consumed window bringing one more: nothing on demand.
  for (const char* name : {"c", "d00", "d01", "d02", "d03"}) {
    const SynFile& f = fx.File(name);
    CHECK(ReadAll(*image, f) == f.data);
  }
  CHECK_EQ(OnDemand(fx.backend->requests()).size(), 3u);
  // The reader stops after d03: the windows go two past the one holding d03's end, no further.
  const uint64_t d03_end = fx.img.chunk_coff[15] + 3000;
  const uint64_t last = w0 + (d03_end - w0 + kStep - 1) / kStep * kStep + 2 * kStep;
  REQUIRE(last < fx.img.blob.size());
  CHECK(WaitFor([&] {
    auto r = fx.backend->requests();
    return r.back().offset + r.back().length == last;
  }));
  std::this_thread::sleep_for(std::chrono::milliseconds(50));
  reqs = fx.backend->requests();
  CHECK_EQ(reqs.back().offset + reqs.back().length, last);
  for (const auto& r : reqs) CHECK(r.offset + r.length <= last);
  // Reads inside one file never start a chain: big chunk by chunk is one request per chunk.
  Fixture fresh(kMoreFiles);
  auto image2 = fresh.Open(Amplified(fresh, kChunk));
  const SynFile& big = fresh.File("big");
  for (uint32_t k = 0; k < 8; ++k) CHECK(ReadAll(*image2, big, k * kChunk, kChunk) == Slice(big.data, k * kChunk, kChunk));
  std::this_thread::sleep_for(std::chrono::milliseconds(50));
  CHECK_EQ(fresh.backend->reads(), 8u);
}

TEST("a background read-ahead that fails only sends the reader to the backend itself") {
  Fixture fx(kMoreFiles);
  auto image = StartReadAheadChain(fx);
  // The windows after small2's are in; the next one will fail.
  fx.backend->fail = true;
  const SynFile& c = fx.File("c");
  CHECK(ReadAll(*image, c) == c.data);  // from the windows; reaching the last asks for two more
  CHECK(WaitFor([&] { return fx.backend->reads() == 7; }));
  fx.backend->fail = false;
  std::this_thread::sleep_for(std::chrono::milliseconds(50));
  CHECK_EQ(fx.backend->reads(), 7u);
  // d02 lies in the window that failed: fetched on demand, just its own bytes.
  const SynFile& d2 = fx.File("d02");
  CHECK(ReadAll(*image, d2) == d2.data);
  auto reqs = fx.backend->requests();
  REQUIRE(reqs.size() == 8);
  CHECK(reqs[7].source == ReadSource::kOnDemand);
  CHECK_EQ(reqs[7].offset, fx.img.chunk_coff[14]);
  CHECK_EQ(reqs[7].length, 3000u);
  // A dead backend: a read no window covers fails with EIO naming the chunk, it does not hang.
  fx.backend->fail = true;
  const SynFile& d19 = fx.File("d19");
  std::vector<uint8_t> out(10);
  auto n = image->Read(d19.ino, 0, out.data(), out.size());
  CHECK_EQ(n.status().error_number(), EIO);
  CHECK(Contains(n.status().message(), "blob " + kBlobId + " chunk " + std::to_string(d19.chunks[0])));
  CHECK(Contains(n.status().message(), "injected failure"));
}

TEST("random reads never read ahead: each small file fetches only its own chunk") {
  Fixture fx;
  auto image = fx.Open(Amplified(fx, 4 * kChunk));
  // Blob order is big, small1, small2, c; read c, small2, small1 (each ends where the next
  // one starts in the blob, never the other way round).
  for (const char* name : {"c", "small2", "small1"}) {
    const SynFile& f = fx.File(name);
    CHECK(ReadAll(*image, f) == f.data);
  }
  auto reqs = fx.backend->requests();
  REQUIRE(reqs.size() == 3);
  CHECK_EQ(reqs[0].length, kChunk + 100u);
  CHECK_EQ(reqs[1].length, 3000u);
  CHECK_EQ(reqs[2].length, 5000u);
  // One read far from the last one: still no read-ahead.
  const SynFile& big = fx.File("big");
  CHECK(ReadAll(*image, big, 6 * kChunk, 10) == Slice(big.data, 6 * kChunk, 10));
  reqs = fx.backend->requests();
  REQUIRE(reqs.size() == 4);
  CHECK_EQ(reqs[3].offset, 6u * kChunk);
  CHECK_EQ(reqs[3].length, 2u * kChunk);  // same-file amplification only (chunks 6, 7)

  // Every other file, forward (gaps of one 3000-byte file): not a sequential run either.
  Fixture more(SynOptions{false, true, {}, 0, 10});
  auto image2 = more.Open(Amplified(more, 4 * kChunk));
  for (const char* name : {"d00", "d02", "d04", "d06", "d08"}) {
    const SynFile& f = more.File(name);
    CHECK(ReadAll(*image2, f) == f.data);
  }
  std::this_thread::sleep_for(std::chrono::milliseconds(50));
  reqs = more.backend->requests();
  REQUIRE(reqs.size() == 5);
  for (const auto& r : reqs) CHECK_EQ(r.length, 3000u);
}

TEST("read-ahead bytes are checked like any fetch: a corrupt window is EIO, dropped, then fetched again") {
  Fixture fx;
  ImageOptions o = Amplified(fx, 4 * kChunk);
  o.cache.validate = true;
  auto image = fx.Open(o);
  const SynFile& s1 = fx.File("small1");
  const SynFile& s2 = fx.File("small2");
  const SynFile& c = fx.File("c");
  CHECK(ReadAll(*image, fx.File("big")) == fx.File("big").data);
  CHECK(ReadAll(*image, s1) == s1.data);
  // The window [small2, end of blob) comes back with one flipped byte in c's first chunk.
  fx.backend->corrupt = true;
  std::vector<uint8_t> out(s2.data.size());
  const uint64_t window = fx.img.blob.size() - fx.img.chunk_coff[9];
  REQUIRE(fx.img.chunk_coff[9] + window / 2 >= fx.img.chunk_coff[10]);
  REQUIRE(fx.img.chunk_coff[9] + window / 2 < fx.img.chunk_coff[11]);
  CHECK(ReadAll(*image, s2) == s2.data);
  fx.backend->corrupt = false;
  out.resize(c.data.size());
  auto n = image->Read(c.ino, 0, out.data(), out.size());
  CHECK_EQ(n.status().error_number(), EIO);
  CHECK(Contains(n.status().message(), "digest mismatch"));
  const size_t before = fx.backend->reads();
  CHECK(ReadAll(*image, c) == c.data);
  CHECK_EQ(fx.backend->reads(), before + 1);
}

TEST("a failed read-ahead is EIO naming the range; the next read retries it") {
  Fixture fx;
  auto image = fx.Open(Amplified(fx, 4 * kChunk));
  const SynFile& s1 = fx.File("small1");
  const SynFile& s2 = fx.File("small2");
  CHECK(ReadAll(*image, fx.File("big")) == fx.File("big").data);
  CHECK(ReadAll(*image, s1) == s1.data);
  fx.backend->fail = true;
  std::vector<uint8_t> out(s2.data.size());
  auto n = image->Read(s2.ino, 0, out.data(), out.size());
  CHECK_EQ(n.status().error_number(), EIO);
  CHECK(Contains(n.status().message(), "blob " + kBlobId + " chunk 9"));
  CHECK(Contains(n.status().message(), "read-ahead"));
  CHECK(Contains(n.status().message(), "injected failure"));
  fx.backend->fail = false;
  CHECK(ReadAll(*image, s2) == s2.data);
}

TEST("amplification extends a miss with the same file's following chunks, up to amplify_io") {
  Fixture fx;
  auto image = fx.Open(Amplified(fx, 4 * kChunk));
  const SynFile& big = fx.File("big");
  CHECK(ReadAll(*image, big, 10, 100) == Slice(big.data, 10, 100));
  auto reqs = fx.backend->requests();
  REQUIRE(reqs.size() == 1);
  CHECK_EQ(reqs[0].offset, 0u);
  CHECK_EQ(reqs[0].length, 4u * kChunk);
  // Chunks 1..3 came along: reading them is a whole hit.
  fx.backend->Reset();
  CHECK(ReadAll(*image, big, kChunk, 3 * kChunk) == Slice(big.data, kChunk, 3 * kChunk));
  CHECK_EQ(fx.backend->reads(), 0u);
  // The last chunk of a file never pulls in the next file's chunks.
  CHECK(ReadAll(*image, big, 7 * kChunk, 10) == Slice(big.data, 7 * kChunk, 10));
  reqs = fx.backend->requests();
  REQUIRE(reqs.size() == 1);
  CHECK_EQ(reqs[0].offset, 7u * kChunk);
  CHECK_EQ(reqs[0].length, kChunk);
}

TEST("backend failure is EIO naming blob, chunk and offset; nothing is marked ready; recovery works") {
  Fixture fx;
  auto image = fx.Open(fx.Options());
  const SynFile& c = fx.File("c");
  fx.backend->fail = true;
  std::vector<uint8_t> out(c.data.size());
  auto n = image->Read(c.ino, 0, out.data(), out.size());
  REQUIRE(!n.ok());
  CHECK_EQ(n.status().error_number(), EIO);
  CHECK(Contains(n.status().message(), kBlobId));
  CHECK(Contains(n.status().message(), "chunk 10"));
  CHECK(Contains(n.status().message(), std::to_string(fx.img.chunk_coff[10])));
  CHECK(Contains(n.status().message(), "injected failure"));
  std::vector<uint8_t> bits = ReadFile(fx.work() + "/" + kBlobId + ".blob.data.chunk_map");
  CHECK_EQ(bits[4097], 0);

  fx.backend->fail = false;
  CHECK(ReadAll(*image, c) == c.data);
  bits = ReadFile(fx.work() + "/" + kBlobId + ".blob.data.chunk_map");
  CHECK_EQ(bits[4097], 0x30);  // chunks 10 and 11
}

TEST("short or corrupt backend data is EIO and never cached") {
  Fixture fx;
  ImageOptions o = fx.Options();
  o.cache.validate = true;  // v5 has no blob meta: validation applies (§4.6)
  auto image = fx.Open(o);
  const SynFile& s2 = fx.File("small2");
  std::vector<uint8_t> out(s2.data.size());
  fx.backend->short_read = true;
  auto n = image->Read(s2.ino, 0, out.data(), out.size());
  CHECK_EQ(n.status().error_number(), EIO);
  fx.backend->short_read = false;
  fx.backend->corrupt = true;
  n = image->Read(s2.ino, 0, out.data(), out.size());
  CHECK_EQ(n.status().error_number(), EIO);
  CHECK(Contains(n.status().message(), "digest mismatch"));
  CHECK_EQ(ReadFile(fx.work() + "/" + kBlobId + ".blob.data.chunk_map")[4096 + 1], 0);
  fx.backend->corrupt = false;
  CHECK(ReadAll(*image, s2) == s2.data);
  CHECK_EQ(ReadFile(fx.work() + "/" + kBlobId + ".blob.data.chunk_map")[4096 + 1], 0x40);  // chunk 9
}

TEST("raw (compressed) mode stores lz4 bytes at compressed offsets and reads them back") {
  Fixture fx(SynOptions{true, true, {}});
  ImageOptions o = fx.Options();
  o.cache.compressed = true;
  const SynFile& big = fx.File("big");
  {
    auto image = fx.Open(o);
    CHECK(ReadAll(*image, big) == big.data);
    CHECK_EQ(image->cache_metrics().underlying_files[0], fx.work() + "/" + kBlobId + ".blob.raw");
  }
  std::vector<uint8_t> raw = ReadFile(fx.work() + "/" + kBlobId + ".blob.raw");
  REQUIRE(raw.size() >= fx.img.chunk_coff[8]);
  CHECK(Slice(raw, 0, fx.img.chunk_coff[8]) == Slice(fx.img.blob, 0, fx.img.chunk_coff[8]));
  CHECK(fx.img.chunk_coff[8] < 8u * kChunk);  // really compressed
  fx.backend->Reset();
  auto image = fx.Open(o);
  CHECK(ReadAll(*image, big, 5, 5 * kChunk) == Slice(big.data, 5, 5 * kChunk));
  CHECK_EQ(fx.backend->reads(), 0u);
  // The plain-mode entry of the same blob cannot be open at the same time.
  ImageOptions plain = fx.Options();
  CHECK_EQ(Image::Open(fx.boot, plain).status().error_number(), EINVAL);
}

TEST("validate mode detects a corrupted cache data file and fetches the chunk again") {
  Fixture fx;
  ImageOptions o = fx.Options();
  o.cache.validate = true;
  const SynFile& s1 = fx.File("small1");
  {
    auto image = fx.Open(o);
    CHECK(ReadAll(*image, s1) == s1.data);
  }
  const std::string data = fx.work() + "/" + kBlobId + ".blob.data";
  std::vector<uint8_t> bytes = ReadFile(data);
  bytes[8 * kChunk + 10] ^= 0xff;  // small1's chunk starts at uoff 8 * kChunk
  WriteFile(data, bytes);
  fx.backend->Reset();
  auto image = fx.Open(o);
  CHECK(ReadAll(*image, s1) == s1.data);
  CHECK_EQ(fx.backend->reads(), 1u);
  CHECK(ReadFile(data)[8 * kChunk + 10] == s1.data[10]);
  // Without validation the (repaired) cache is used as is.
  fx.backend->Reset();
  CHECK(ReadAll(*image, s1) == s1.data);
  CHECK_EQ(fx.backend->reads(), 0u);
}

TEST("v5 without an extended blob table uses a digest-keyed ready set and validates cache reads") {
  Fixture fx(SynOptions{false, false, {}});
  auto image = fx.Open(fx.Options());
  const SynFile& c = fx.File("c");
  CHECK(ReadAll(*image, c) == c.data);
  CHECK(!std::filesystem::exists(fx.work() + "/" + kBlobId + ".blob.data.chunk_map"));
  fx.backend->Reset();
  CHECK(ReadAll(*image, c) == c.data);
  CHECK_EQ(fx.backend->reads(), 0u);
  CHECK_EQ(image->cache_metrics().whole_hits, 1u);
  CHECK(!image->cache_metrics().data_all_ready);
  // After a restart the in-memory set is empty: cached bytes are used once they validate.
  image.reset();
  image = fx.Open(fx.Options());
  CHECK(ReadAll(*image, c) == c.data);
  CHECK_EQ(fx.backend->reads(), 0u);
  // A corrupt cached chunk fails validation and is fetched again.
  const std::string data = fx.work() + "/" + kBlobId + ".blob.data";
  std::vector<uint8_t> bytes = ReadFile(data);
  bytes[8 * kChunk + 5000 + 3000 + 7] ^= 1;  // in chunk 10, c's first chunk
  WriteFile(data, bytes);
  image.reset();
  image = fx.Open(fx.Options());
  CHECK(ReadAll(*image, c) == c.data);
  CHECK_EQ(fx.backend->reads(), 1u);
}

TEST("a chunk index past the blob's chunk count is EIO, never an out-of-bounds bit") {
  Fixture fx(SynOptions{false, true, {}, 9});
  auto image = fx.Open(fx.Options());
  CHECK(ReadAll(*image, fx.File("small1")) == fx.File("small1").data);  // chunk 8
  std::vector<uint8_t> out(3000);
  auto n = image->Read(fx.File("small2").ino, 0, out.data(), out.size());  // chunk 9
  CHECK_EQ(n.status().error_number(), EIO);
  CHECK(Contains(n.status().message(), "chunk index 9"));
  CHECK_EQ(fx.backend->reads(), 1u);
  CHECK_EQ(std::filesystem::file_size(fx.work() + "/" + kBlobId + ".blob.data.chunk_map"), 4096u + 2);
}

TEST("two images sharing a blob share one cache entry and one in-flight table") {
  Fixture fx;
  fx.backend->delay_ms = 100;
  ImageOptions o = fx.Options();
  o.amplify_io = 0;
  auto a = fx.Open(o);
  auto b = fx.Open(o);
  const SynFile& s2 = fx.File("small2");
  std::thread t([&] { CHECK(ReadAll(*a, s2) == s2.data); });
  CHECK(ReadAll(*b, s2) == s2.data);
  t.join();
  CHECK_EQ(fx.backend->reads(), 1u);
}

TEST("without a cache, reads go through the configured backend chunk by chunk") {
  Fixture fx;
  ImageOptions o;
  o.backend = fx.backend;
  auto image = fx.Open(o);
  CHECK(!image->has_cache());
  const SynFile& big = fx.File("big");
  CHECK(ReadAll(*image, big) == big.data);
  CHECK_EQ(fx.backend->reads(), 8u);
  CHECK_EQ(image->cache_metrics().total, 0u);
  REQUIRE_OK(image->StartPrefetch({}));  // no-op
}

TEST("Image::Open makes no backend request") {
  Fixture fx;
  auto image = fx.Open(fx.Options());
  CHECK_EQ(fx.backend->reads(), 0u);
  CHECK_EQ(fx.backend->size_calls.load(), 0);
  auto v6 = std::make_shared<CountingLocalFs>(kV6Dir);
  TempDir tmp;
  ImageOptions o;
  o.backend = v6;
  o.cache.enabled = true;
  o.cache.work_dir = tmp.File("a/b/c");  // created (mkdir -p)
  auto image6 = Image::Open(kV6Bootstrap, o);
  REQUIRE_OK(image6);
  CHECK_EQ(v6->read_calls.load() + v6->size_calls.load(), 0);
  CHECK(std::filesystem::is_directory(tmp.File("a/b/c")));
}

// --- prefetch ----------------------------------------------------------------------------

TEST("prefetch of a file list fills the cache and counts prefetch_data_amount") {
  Fixture fx;
  ImageOptions o = fx.Options();
  o.prefetch.enable = true;
  o.prefetch.threads = 2;
  auto image = fx.Open(o);
  REQUIRE_OK(image->StartPrefetch({"/sub", "/small2", "/no/such/file"}));
  CHECK_EQ(image->StartPrefetch({}).error_number(), EALREADY);
  REQUIRE(WaitFor([&] { return image->cache_metrics().prefetch_end_time_secs != 0; }));
  CacheMetricsSnapshot m = image->cache_metrics();
  CHECK_EQ(m.prefetch_data_amount, uint64_t{3000 + kChunk + 100});
  CHECK_EQ(m.prefetch_unmerged_chunks, 3u);
  CHECK_EQ(m.prefetch_workers, 2u);
  CHECK(m.prefetch_begin_time_secs > 1600000000);
  CHECK(m.prefetch_requests_count >= 1);
  for (const auto& r : fx.backend->requests()) CHECK(r.source == ReadSource::kPrefetch);
  fx.backend->Reset();
  CHECK(ReadAll(*image, fx.File("c")) == fx.File("c").data);
  CHECK(ReadAll(*image, fx.File("small2")) == fx.File("small2").data);
  CHECK_EQ(fx.backend->reads(), 0u);
  CHECK(ReadAll(*image, fx.File("small1")) == fx.File("small1").data);
  CHECK_EQ(fx.backend->reads(), 1u);
}

TEST("prefetch jobs taking turns to send their first request still have several in flight; a stop while they wait returns") {
  Fixture fx(SynOptions{false, true, {}, 0, 90});  // ~420 KiB of blob: 4 jobs of 128 KiB
  fx.backend->delay_ms = 100;
  auto image = fx.Open(PrefetchAll(fx, 4));
  REQUIRE_OK(image->StartPrefetch({}));
  REQUIRE(WaitFor([&] { return image->cache_metrics().prefetch_end_time_secs != 0; }));
  CHECK(image->cache_metrics().data_all_ready);
  auto reqs = fx.backend->requests();
  REQUIRE(reqs.size() >= 4u);
  CHECK(fx.backend->max_in_flight.load() >= 2);  // several jobs in flight at once
  for (const SynFile& f : fx.img.files) {
    if (!f.dir) CHECK(ReadAll(*image, f) == f.data);
  }
  CHECK_EQ(fx.backend->reads(), reqs.size());

  // Stopping while workers wait for their turn behind a slow first request returns.
  Fixture slow(SynOptions{false, true, {}, 0, 90});
  slow.backend->delay_ms = 300;
  auto image2 = slow.Open(PrefetchAll(slow, 2));  // 2 of the 4 jobs in flight at the stop, the rest never sent
  REQUIRE_OK(image2->StartPrefetch({}));
  REQUIRE(WaitFor([&] { return slow.backend->reads() >= 1; }));
  image2->StopPrefetch();
  CHECK(!image2->cache_metrics().data_all_ready);
}

TEST("prefetch table of the bootstrap is used when no paths are given") {
  Fixture fx(SynOptions{false, true, {3}});  // small1
  ImageOptions o = fx.Options();
  o.prefetch.enable = true;
  auto image = fx.Open(o);
  REQUIRE_OK(image->StartPrefetch({}));
  REQUIRE(WaitFor([&] { return image->cache_metrics().prefetch_end_time_secs != 0; }));
  CHECK_EQ(image->cache_metrics().prefetch_data_amount, 5000u);
}

TEST("prefetch_all caches every chunk (v5 walk and v6 blob meta) and sets data_all_ready") {
  {
    Fixture fx;
    ImageOptions o = fx.Options();
    o.prefetch.enable = true;
    o.prefetch.prefetch_all = true;
    auto image = fx.Open(o);
    REQUIRE_OK(image->StartPrefetch({}));
    REQUIRE(WaitFor([&] { return image->cache_metrics().prefetch_end_time_secs != 0; }));
    CHECK(image->cache_metrics().data_all_ready);
    CHECK_EQ(image->cache_metrics().prefetch_data_amount, uint64_t{fx.img.blob.size()});
    CHECK(ReadFile(fx.work() + "/" + kBlobId + ".blob.data") ==
          std::vector<uint8_t>(fx.img.blob.begin(), fx.img.blob.end()));  // uncompressed: identical
  }
  TempDir tmp;
  auto backend = std::make_shared<CountingLocalFs>(kV6Dir);
  ImageOptions o;
  o.backend = backend;
  o.cache.enabled = true;
  o.cache.work_dir = tmp.File("cache");
  o.prefetch.enable = true;
  auto image = Image::Open(kV6Bootstrap, o);
  REQUIRE_OK(image);
  REQUIRE_OK(image.value()->StartPrefetch({"/"}));
  REQUIRE(WaitFor([&] { return image.value()->cache_metrics().prefetch_end_time_secs != 0; }));
  CHECK(image.value()->cache_metrics().data_all_ready);
  CHECK_EQ(image.value()->cache_metrics().prefetch_unmerged_chunks, 2u);
}

TEST("StopPrefetch returns promptly while the backend is slow") {
  Fixture fx;
  fx.backend->delay_ms = 300;
  auto image = fx.Open(PrefetchAll(fx, 1));
  REQUIRE_OK(image->StartPrefetch({}));
  REQUIRE(WaitFor([&] { return fx.backend->reads() >= 1; }));
  const auto t0 = std::chrono::steady_clock::now();
  image->StopPrefetch();
  const auto ms = std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::steady_clock::now() - t0).count();
  CHECK(ms < 1000);
  image->StopPrefetch();  // idempotent
  CHECK(!image->cache_metrics().data_all_ready);
}

TEST("a failing prefetch is retried once, then dropped; on-demand reads still work") {
  Fixture fx;
  fx.backend->fail = true;
  ImageOptions o = fx.Options();
  o.prefetch.enable = true;
  o.prefetch.threads = 1;
  auto image = fx.Open(o);
  REQUIRE_OK(image->StartPrefetch({"/small1"}));
  REQUIRE(WaitFor([&] { return image->cache_metrics().prefetch_end_time_secs != 0; }, 5000));
  CHECK_EQ(fx.backend->reads(), 2u);
  CHECK_EQ(image->cache_metrics().prefetch_data_amount, 0u);
  fx.backend->fail = false;
  CHECK(ReadAll(*image, fx.File("small1")) == fx.File("small1").data);
}

TEST("prefetch bandwidth limit: 16 MiB/s floor keeps a small image fast, counted as prefetch") {
  Fixture fx;
  ImageOptions o = fx.Options();
  o.prefetch.enable = true;
  o.prefetch.bandwidth_limit = 1;  // raised to 16 MiB/s
  o.prefetch.prefetch_all = true;
  auto image = fx.Open(o);
  REQUIRE_OK(image->StartPrefetch({}));
  REQUIRE(WaitFor([&] { return image->cache_metrics().prefetch_end_time_secs != 0; }, 3000));
  CHECK(image->cache_metrics().data_all_ready);
}

NYDUS_TEST_MAIN()
