// Unit tests of the cachefiles on-demand handler (daemon spec §6.2-§6.6) without a kernel: a
// SOCK_SEQPACKET socketpair stands in for /dev/cachefiles (one message per read, commands come
// back one per write), memfds stand in for the objects' anonymous fds, and the READ_COMPLETE
// ioctl and object writes are recorded through the handler's ObjectIo hooks. Also the blob
// device view Image::ReadBlobUncompressed / BlobChunkSpan against the v6-zstd fixture, and the
// background prefetch of data blob objects (a gated backend holds the filler mid-window).
// Test-only code.
#include <fcntl.h>
#include <poll.h>
#include <sys/mman.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <condition_variable>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

#include "cachefiles/cookie_path.h"
#include "cachefiles/handler.h"
#include "image.h"
#include "storage/localfs_backend.h"
#include "test_harness.h"
#include "test_util.h"

using namespace nydus;
using namespace nydus::cachefiles;
using nydus::test::Contains;
using nydus::test::RandomBytes;
using nydus::test::TempDir;
using nydus::test::kV6Bootstrap;
using nydus::test::kV6Dir;
using nydus::test::kV6Id;

namespace {

constexpr uint64_t kV6Size = 36864;  // the blob's uncompressed size (rafs-format §5.3)
constexpr uint64_t kCiOffset = 8314;  // where the blob's chunk-info array starts

std::vector<uint8_t> FdBytes(int fd) {
  struct stat st {};
  if (fstat(fd, &st) != 0) return {};
  std::vector<uint8_t> out(static_cast<size_t>(st.st_size));
  if (!out.empty() && pread(fd, out.data(), out.size(), 0) != static_cast<ssize_t>(out.size())) return {};
  return out;
}

bool FdOpen(int fd) { return fcntl(fd, F_GETFD) != -1; }

// localfs with switches: fail chunk-data reads (below the chunk-info array) or every read; or,
// gated, hold each chunk-data read until the test gives it a permit.
class SwitchBackend final : public storage::BlobBackend {
 public:
  explicit SwitchBackend(std::string dir)
      : inner_(storage::LocalFsBackend::Create({"", std::move(dir), {}}).value()) {}
  std::atomic<bool> fail_data{false}, fail_all{false};
  std::atomic<int> reads{0};
  std::mutex mu;
  std::condition_variable cv;                       // waits on mu for the gate's fields
  std::vector<std::pair<uint64_t, size_t>> ranges;  // guarded by mu
  bool gated = false;                               // guarded by mu
  int permits = 0, arrivals = 0;                    // guarded by mu

  Result<uint64_t> BlobSize(const std::string& id) override { return inner_->BlobSize(id); }
  Status ReadAt(const std::string& id, uint64_t offset, uint8_t* buf, size_t length,
                storage::ReadSource source) override {
    reads++;
    {
      std::unique_lock<std::mutex> lock(mu);
      ranges.emplace_back(offset, length);
      if (gated && offset < kCiOffset) {
        arrivals++;
        cv.notify_all();
        cv.wait(lock, [&] { return !gated || permits > 0; });
        if (gated) permits--;
      }
    }
    if (fail_all.load() || (fail_data.load() && offset < kCiOffset)) return Status(ECONNRESET, "injected failure");
    return inner_->ReadAt(id, offset, buf, length, source);
  }

  void Gate() {
    std::lock_guard<std::mutex> lock(mu);
    gated = true;
  }
  void Permit() {
    std::lock_guard<std::mutex> lock(mu);
    permits++;
    cv.notify_all();
  }
  void Ungate() {
    std::lock_guard<std::mutex> lock(mu);
    gated = false;
    cv.notify_all();
  }
  // True once `n` chunk-data reads reached the closed gate.
  bool WaitArrivals(int n, int ms = 5000) {
    std::unique_lock<std::mutex> lock(mu);
    return cv.wait_for(lock, std::chrono::milliseconds(ms), [&] { return arrivals >= n; });
  }
  // Chunk-data reads at or above `offset`.
  size_t DataReadsFrom(uint64_t offset) {
    std::lock_guard<std::mutex> lock(mu);
    return static_cast<size_t>(std::count_if(ranges.begin(), ranges.end(), [&](const auto& r) {
      return r.first >= offset && r.first < kCiOffset;
    }));
  }

 private:
  std::unique_ptr<storage::LocalFsBackend> inner_;
};

std::shared_ptr<const Image> OpenV6(std::shared_ptr<storage::BlobBackend> backend = nullptr,
                                    const std::string& cache_dir = "") {
  ImageOptions o;
  o.localfs.dir = kV6Dir;
  o.backend = std::move(backend);
  if (!cache_dir.empty()) {
    o.cache.enabled = true;
    o.cache.work_dir = cache_dir;
  }
  auto image = Image::Open(kV6Bootstrap, o);
  if (!image.ok()) return nullptr;
  return std::shared_ptr<const Image>(std::move(image).value());
}

// What an uncompressed EROFS blob device holds: every file's chunks at their uncompressed
// offsets (from the bootstrap's chunk map and Image::Read), zeros elsewhere.
std::vector<uint8_t> ExpectedDevice(const Image& image) {
  std::vector<uint8_t> dev(kV6Size, 0);
  for (rafs::Ino ino : {133u, 136u}) {
    auto attr = image.fs().GetAttr(ino);
    if (!attr.ok()) return {};
    std::vector<uint8_t> file(attr.value().size);
    auto n = image.Read(ino, 0, file.data(), file.size());
    if (!n.ok() || n.value() != file.size()) return {};
    auto segs = image.fs().MapRange(ino, 0, file.size());
    if (!segs.ok()) return {};
    for (const rafs::IoSegment& s : segs.value()) {
      std::memcpy(dev.data() + s.chunk.uncompressed_offset + s.offset_in_chunk, file.data() + s.file_offset, s.length);
    }
  }
  return dev;
}

// --- the fake device ------------------------------------------------------------------------

void Put32(std::vector<uint8_t>& b, uint32_t v) {
  for (int i = 0; i < 4; ++i) b.push_back(static_cast<uint8_t>(v >> (8 * i)));
}
void Put64(std::vector<uint8_t>& b, uint64_t v) {
  for (int i = 0; i < 8; ++i) b.push_back(static_cast<uint8_t>(v >> (8 * i)));
}

std::vector<uint8_t> Message(uint32_t msg_id, uint32_t opcode, uint32_t object_id, const std::vector<uint8_t>& body) {
  std::vector<uint8_t> m;
  Put32(m, msg_id);
  Put32(m, opcode);
  Put32(m, static_cast<uint32_t>(16 + body.size()));
  Put32(m, object_id);
  m.insert(m.end(), body.begin(), body.end());
  return m;
}

std::vector<uint8_t> OpenMsg(uint32_t msg_id, uint32_t object_id, const std::string& volume, const std::string& cookie,
                             int fd) {
  std::vector<uint8_t> body;
  Put32(body, static_cast<uint32_t>(volume.size() + 1));
  Put32(body, static_cast<uint32_t>(cookie.size()));
  Put32(body, static_cast<uint32_t>(fd));
  Put32(body, 0);
  body.insert(body.end(), volume.begin(), volume.end());
  body.push_back(0);
  body.insert(body.end(), cookie.begin(), cookie.end());
  return Message(msg_id, 0, object_id, body);
}

std::vector<uint8_t> ReadMsg(uint32_t msg_id, uint32_t object_id, uint64_t off, uint64_t len) {
  std::vector<uint8_t> body;
  Put64(body, off);
  Put64(body, len);
  return Message(msg_id, 2, object_id, body);
}

std::vector<uint8_t> CloseMsg(uint32_t msg_id, uint32_t object_id) { return Message(msg_id, 1, object_id, {}); }

// The handler on one end of a socketpair; the test plays the kernel on the other.
struct Rig {
  int kernel = -1;
  std::shared_ptr<ObjectTable> table = std::make_shared<ObjectTable>();
  std::unique_ptr<CachefilesHandler> handler;

  struct Write {
    uintptr_t buf;
    size_t len;
    uint64_t off;
  };
  std::mutex mu;
  std::condition_variable cv;
  std::vector<std::pair<int, uint32_t>> completes;  // (object fd, msg id); guarded by mu
  std::vector<Write> writes;                        // guarded by mu
  std::vector<std::string> logs;                    // guarded by mu

  explicit Rig(bool hooks = true) {
    int sv[2];
    if (socketpair(AF_UNIX, SOCK_SEQPACKET | SOCK_CLOEXEC, 0, sv) != 0) return;
    kernel = sv[1];
    auto h = CachefilesHandler::Adopt(sv[0], table);
    if (!h.ok()) return;
    handler = std::move(h).value();
    handler->SetLog([this](LogLevel level, const std::string& m) {
      std::lock_guard<std::mutex> lock(mu);
      logs.push_back(std::string(LogLevelName(level)) + ": " + m);
    });
    if (!hooks) return;
    CachefilesHandler::ObjectIo io;
    io.read_complete = [this](int fd, uint32_t msg_id) {
      std::lock_guard<std::mutex> lock(mu);
      completes.emplace_back(fd, msg_id);
      cv.notify_all();
      return 0;
    };
    io.pwrite = [this](int fd, const uint8_t* buf, size_t len, uint64_t off) -> long {
      {
        std::lock_guard<std::mutex> lock(mu);
        writes.push_back({reinterpret_cast<uintptr_t>(buf), len, off});
      }
      const ssize_t n = pwrite(fd, buf, len, static_cast<off_t>(off));
      return n >= 0 ? static_cast<long>(n) : -errno;
    };
    handler->SetObjectIo(std::move(io));
  }
  ~Rig() {
    handler.reset();
    if (kernel >= 0) close(kernel);
  }

  void Send(const std::vector<uint8_t>& m) const { (void)!write(kernel, m.data(), m.size()); }
  // The next command the handler wrote, or "" after `ms` without one.
  std::string Next(int ms = 5000) const {
    pollfd p{kernel, POLLIN, 0};
    if (poll(&p, 1, ms) <= 0) return "";
    char buf[8192];
    const ssize_t n = read(kernel, buf, sizeof buf);
    return n > 0 ? std::string(buf, static_cast<size_t>(n)) : "";
  }
  bool WaitCompletes(size_t n, int ms = 5000) {
    std::unique_lock<std::mutex> lock(mu);
    return cv.wait_for(lock, std::chrono::milliseconds(ms), [&] { return completes.size() >= n; });
  }
  template <typename Pred>
  static bool WaitFor(Pred pred, int ms = 5000) {
    for (int i = 0; i < ms / 5; ++i) {
      if (pred()) return true;
      std::this_thread::sleep_for(std::chrono::milliseconds(5));
    }
    return pred();
  }
  std::vector<std::pair<int, uint32_t>> Completed() {
    std::lock_guard<std::mutex> lock(mu);
    return completes;
  }
  std::vector<Write> TakeWrites() {
    std::lock_guard<std::mutex> lock(mu);
    std::vector<Write> w;
    w.swap(writes);
    return w;
  }
  std::string Logs() {
    std::lock_guard<std::mutex> lock(mu);
    std::string all;
    for (const std::string& l : logs) all += l + "\n";
    return all;
  }
};

int Memfd() { return memfd_create("cachefiles-object", MFD_CLOEXEC); }

// A started Rig (one worker) serving the blob as "dom/<id>" with prefetch in 4 KiB windows (one
// chunk per window), its image reading through a SwitchBackend, gated or not; `expected` is the
// device view, read through an image of its own.
struct PrefetchRig {
  std::shared_ptr<SwitchBackend> backend = std::make_shared<SwitchBackend>(kV6Dir);
  std::shared_ptr<const Image> image = OpenV6(backend);
  std::vector<uint8_t> expected;
  Rig rig;
  Status started = Status(EINVAL, "the image did not open");

  explicit PrefetchRig(bool gated) {
    if (auto good = OpenV6()) expected = ExpectedDevice(*good);
    if (gated) backend->Gate();
    if (image) started = rig.table->RegisterBlob("dom", kV6Id, image, 0, {true, 4096});
    if (started.ok()) started = rig.handler ? rig.handler->Start(1) : Status(EBADF, "no handler");
  }
  // Opens the gate before the Rig's Stop waits for a filler held there (also after a REQUIRE).
  ~PrefetchRig() { backend->Ungate(); }
  bool ok() const { return expected.size() == kV6Size && started.ok(); }
};

// The bootstrap stand-in: arbitrary bytes whose size is not a page multiple.
std::string WriteBootstrap(const TempDir& dir, const std::vector<uint8_t>& bytes) {
  const std::string path = dir.File("image.boot");
  std::ofstream(path, std::ios::binary).write(reinterpret_cast<const char*>(bytes.data()),
                                              static_cast<std::streamsize>(bytes.size()));
  return path;
}

}  // namespace

// --- the blob device view ---------------------------------------------------------------------

TEST("device view: each file's chunks sit at their uncompressed offsets, zeros in gaps and past the end") {
  for (const bool cached : {false, true}) {
    TempDir cache;
    auto image = OpenV6(nullptr, cached ? cache.path() : "");
    REQUIRE(image != nullptr);
    const std::vector<uint8_t> expected = ExpectedDevice(*image);
    REQUIRE(expected.size() == kV6Size);
    std::vector<uint8_t> dev(kV6Size + 8192, 0xee);
    REQUIRE_OK(image->ReadBlobUncompressed(0, 0, dev.size(), dev.data()));
    CHECK(std::equal(expected.begin(), expected.end(), dev.begin()));
    CHECK(std::all_of(dev.begin() + kV6Size, dev.end(), [](uint8_t b) { return b == 0; }));
    // The gap between the two files' chunks [16931, 20480) and the tail [33880, 36864) are zero.
    CHECK(std::all_of(dev.begin() + 16931, dev.begin() + 20480, [](uint8_t b) { return b == 0; }));
    CHECK(std::all_of(dev.begin() + 33880, dev.begin() + kV6Size, [](uint8_t b) { return b == 0; }));
    // Unaligned windows, within one chunk, across the gap, across both chunks.
    for (auto [off, len] : std::vector<std::pair<uint64_t, size_t>>{
             {1, 100}, {16900, 40}, {16000, 5000}, {20479, 2}, {100, 33000}, {33879, 10}, {36000, 5000}}) {
      std::vector<uint8_t> part(len, 0xee);
      REQUIRE_OK(image->ReadBlobUncompressed(0, off, len, part.data()));
      std::vector<uint8_t> want(len, 0);
      for (size_t i = 0; i < len && off + i < kV6Size; ++i) want[i] = expected[off + i];
      CHECK(part == want);
    }
  }
}

TEST("device view: the chunks of a range come in one merged backend read; errors name the blob") {
  auto backend = std::make_shared<SwitchBackend>(kV6Dir);
  auto image = OpenV6(backend);
  REQUIRE(image != nullptr);
  std::vector<uint8_t> dev(kV6Size);
  REQUIRE_OK(image->ReadBlobUncompressed(0, 0, dev.size(), dev.data()));
  {
    std::lock_guard<std::mutex> lock(backend->mu);
    // Metadata (chunk-info array, ToC, digests) lies above the chunk data; both chunks'
    // stored bytes [0, 4828 + 2974) come in one read.
    std::vector<std::pair<uint64_t, size_t>> data;
    for (const auto& r : backend->ranges) {
      if (r.first < kCiOffset) data.push_back(r);
    }
    REQUIRE(data.size() == 1);
    CHECK_EQ(data[0].first, 0u);
    CHECK_EQ(data[0].second, 7802u);
    backend->ranges.clear();
  }
  backend->fail_data = true;
  Status s = image->ReadBlobUncompressed(0, 20480, 100, dev.data());
  CHECK_EQ(s.error_number(), ECONNRESET);
  CHECK(Contains(s.message(), kV6Id));
  CHECK_EQ(image->ReadBlobUncompressed(1, 0, 10, dev.data()).error_number(), EINVAL);
  CHECK_EQ(image->ReadBlobUncompressed(0, UINT64_MAX - 5, 10, dev.data()).error_number(), EINVAL);
  // A gap alone needs no backend at all.
  const int before = backend->reads.load();
  REQUIRE_OK(image->ReadBlobUncompressed(0, 17000, 3000, dev.data()));
  CHECK_EQ(backend->reads.load(), before);
}

TEST("device view: BlobChunkSpan widens a range to whole chunks; bounds in gaps stay") {
  auto image = OpenV6();
  REQUIRE(image != nullptr);
  auto span = [&](uint64_t off, uint64_t len) {
    auto s = image->BlobChunkSpan(0, off, len);
    using Span = std::pair<uint64_t, uint64_t>;
    return s.ok() ? Span{s.value().start, s.value().end} : Span{~uint64_t{0}, ~uint64_t{0}};
  };
  CHECK(span(100, 10) == std::make_pair(uint64_t{0}, uint64_t{16931}));
  CHECK(span(17000, 10) == std::make_pair(uint64_t{17000}, uint64_t{17010}));
  CHECK(span(16000, 5000) == std::make_pair(uint64_t{0}, uint64_t{33880}));
  CHECK(span(20480, 1) == std::make_pair(uint64_t{20480}, uint64_t{33880}));
  CHECK(span(34000, 100) == std::make_pair(uint64_t{34000}, uint64_t{34100}));
  CHECK(span(5, 0) == std::make_pair(uint64_t{5}, uint64_t{5}));
  CHECK_EQ(image->BlobChunkSpan(3, 0, 1).status().error_number(), EINVAL);
}

TEST("object table: keys are <domain>/<id>; registrations are checked against the image") {
  ObjectTable t;
  auto image = OpenV6();
  REQUIRE(image != nullptr);
  REQUIRE_OK(t.RegisterBootstrap("dom", "fsid", "/x/image.boot"));
  REQUIRE_OK(t.RegisterBlob("dom", kV6Id, image, 0));
  REQUIRE_OK(t.RegisterBootstrap("", "solo", "/x/solo.boot"));
  CHECK(t.Find("dom/fsid") != nullptr);
  CHECK(t.Find("dom/" + kV6Id)->kind == ObjectSource::Kind::kDataBlob);
  CHECK(t.Find("solo") != nullptr);
  CHECK_EQ(t.RegisterBootstrap("dom", "a/b", "/x").error_number(), EINVAL);
  CHECK_EQ(t.RegisterBootstrap("d/m", "a", "/x").error_number(), EINVAL);
  CHECK_EQ(t.RegisterBootstrap("dom", "a", "relative").error_number(), EINVAL);
  CHECK_EQ(t.RegisterBlob("dom", kV6Id, image, 1).error_number(), EINVAL);
  CHECK_EQ(t.RegisterBlob("dom", "other", image, 0).error_number(), EINVAL);
  CHECK_EQ(t.RegisterBlob("dom", kV6Id, nullptr, 0).error_number(), EINVAL);
  CHECK(t.Unregister("dom/fsid"));
  CHECK(!t.Unregister("dom/fsid"));
  CHECK(t.Find("dom/fsid") == nullptr);
  CHECK_EQ(t.Keys().size(), 2u);
}

TEST("object table: prefetch settings are kept; the window is max(256 KiB, next power of two), 1 MiB for 0/1") {
  CHECK_EQ(PrefetchWindow(0), 1u << 20);
  CHECK_EQ(PrefetchWindow(1), 1u << 20);
  CHECK_EQ(PrefetchWindow(2), 256u << 10);
  CHECK_EQ(PrefetchWindow(256 << 10), 256u << 10);
  CHECK_EQ(PrefetchWindow((256 << 10) + 1), 512u << 10);
  CHECK_EQ(PrefetchWindow(1 << 20), 1u << 20);
  CHECK_EQ(PrefetchWindow(3 << 20), 4u << 20);
  CHECK_EQ(PrefetchWindow(256 << 20), 256u << 20);
  CHECK_EQ(PrefetchWindow(UINT64_MAX), kMaxPrefetchWindow);
  ObjectTable t;
  auto image = OpenV6();
  REQUIRE(image != nullptr);
  REQUIRE_OK(t.RegisterBlob("plain", kV6Id, image, 0));
  CHECK(!t.Find("plain/" + kV6Id)->prefetch);
  CHECK_EQ(t.Find("plain/" + kV6Id)->prefetch_window, kDefaultPrefetchWindow);
  REQUIRE_OK(t.RegisterBlob("pf", kV6Id, image, 0, {true, PrefetchWindow(3 << 20)}));
  CHECK(t.Find("pf/" + kV6Id)->prefetch);
  CHECK_EQ(t.Find("pf/" + kV6Id)->prefetch_window, 4u << 20);
  for (uint64_t bad : {uint64_t{0}, uint64_t{1000}, kMaxPrefetchWindow * 2}) {
    CHECK_EQ(t.RegisterBlob("bad", kV6Id, image, 0, {true, bad}).error_number(), EINVAL);
  }
  CHECK(t.Find("bad/" + kV6Id) == nullptr);
}

// --- the handler ---------------------------------------------------------------------------

TEST("bind writes dir, tag and bind ondemand as three commands; restore writes restore") {
  Rig rig;
  REQUIRE(rig.handler != nullptr);
  REQUIRE_OK(rig.handler->Bind("/var/cache/fscache", "mytag"));
  CHECK_EQ(rig.Next(), "dir /var/cache/fscache");
  CHECK_EQ(rig.Next(), "tag mytag");
  CHECK_EQ(rig.Next(), "bind ondemand");
  REQUIRE_OK(rig.handler->Bind("/c", ""));
  CHECK_EQ(rig.Next(), "dir /c");
  CHECK_EQ(rig.Next(), "bind ondemand");
  CHECK_EQ(rig.handler->Bind("relative", "").error_number(), EINVAL);
  REQUIRE_OK(rig.handler->Restore());
  CHECK_EQ(rig.Next(), "restore");
  CHECK_EQ(rig.Next(50), "");
}

TEST("OPEN of an unknown key: copen -2 and the object fd is closed") {
  Rig rig;
  REQUIRE(rig.handler != nullptr);
  REQUIRE_OK(rig.handler->Start(2));
  const int obj = Memfd();
  rig.Send(OpenMsg(5, 1, "erofs,dom", "nothing", obj));
  CHECK_EQ(rig.Next(), "copen 5,-2");
  CHECK(!FdOpen(obj));
  CHECK_EQ(rig.handler->Metrics().open_refused, 1u);
  CHECK_EQ(rig.handler->Metrics().objects, 0u);
}

TEST("bootstrap: copen with the file size, then the whole file is copied in padded whole pages") {
  TempDir dir;
  const std::vector<uint8_t> boot = RandomBytes(10000, 7);
  Rig rig;
  REQUIRE(rig.handler != nullptr);
  REQUIRE_OK(rig.table->RegisterBootstrap("dom", "fsid", WriteBootstrap(dir, boot)));
  REQUIRE_OK(rig.handler->Start(2));
  const int obj = Memfd();
  rig.Send(OpenMsg(1, 3, "erofs,dom", "fsid", obj));
  CHECK_EQ(rig.Next(), "copen 1,10000");
  REQUIRE(Rig::WaitFor([&] { return rig.handler->Metrics().bootstrap_bytes == 12288; }));
  std::vector<uint8_t> content = FdBytes(obj);
  REQUIRE(content.size() == 12288);
  CHECK(std::equal(boot.begin(), boot.end(), content.begin()));
  CHECK(std::all_of(content.begin() + 10000, content.end(), [](uint8_t b) { return b == 0; }));
  for (const Rig::Write& w : rig.TakeWrites()) {
    CHECK_EQ(w.buf % 4096, 0u);
    CHECK_EQ(w.len % 4096, 0u);
    CHECK_EQ(w.off % 4096, 0u);
  }
  // READ ranges: rounded out to pages, clipped to the page-rounded size, then completed.
  rig.Send(ReadMsg(21, 3, 5000, 100));
  REQUIRE(rig.WaitCompletes(1));
  std::vector<Rig::Write> w = rig.TakeWrites();
  REQUIRE(w.size() == 1);
  CHECK_EQ(w[0].off, 4096u);
  CHECK_EQ(w[0].len, 4096u);
  rig.Send(ReadMsg(22, 3, 8192, 1 << 20));
  REQUIRE(rig.WaitCompletes(2));
  w = rig.TakeWrites();
  REQUIRE(w.size() == 1);
  CHECK_EQ(w[0].off, 8192u);
  CHECK_EQ(w[0].len, 4096u);
  rig.Send(ReadMsg(23, 3, 1 << 20, 4096));  // past the object: nothing to write, still completed
  REQUIRE(rig.WaitCompletes(3));
  CHECK(rig.TakeWrites().empty());
  CHECK(rig.Completed() == (std::vector<std::pair<int, uint32_t>>{{obj, 21u}, {obj, 22u}, {obj, 23u}}));
}

TEST("a second OPEN of an open object id gets -114 and its fd closed; the first stays served") {
  TempDir dir;
  Rig rig;
  REQUIRE(rig.handler != nullptr);
  REQUIRE_OK(rig.table->RegisterBootstrap("dom", "fsid", WriteBootstrap(dir, RandomBytes(4096, 1))));
  REQUIRE_OK(rig.handler->Start(1));
  const int first = Memfd(), second = Memfd();
  rig.Send(OpenMsg(1, 9, "erofs,dom", "fsid", first));
  CHECK_EQ(rig.Next(), "copen 1,4096");
  rig.Send(OpenMsg(2, 9, "erofs,dom", "fsid", second));
  CHECK_EQ(rig.Next(), "copen 2,-114");
  CHECK(!FdOpen(second));
  CHECK(FdOpen(first));
  rig.Send(ReadMsg(3, 9, 0, 4096));
  REQUIRE(rig.WaitCompletes(1));
  CHECK(rig.Completed() == (std::vector<std::pair<int, uint32_t>>{{first, 3u}}));
}

TEST("data blob: copen with the uncompressed size; READs write whole chunks of the device view") {
  auto image = OpenV6();
  REQUIRE(image != nullptr);
  const std::vector<uint8_t> expected = ExpectedDevice(*image);
  Rig rig;
  REQUIRE(rig.handler != nullptr);
  REQUIRE_OK(rig.table->RegisterBlob("dom", kV6Id, image, 0));
  REQUIRE_OK(rig.handler->Start(2));
  const int obj = Memfd();
  rig.Send(OpenMsg(1, 4, "erofs,dom", kV6Id, obj));
  CHECK_EQ(rig.Next(), "copen 1,36864");
  rig.Send(ReadMsg(2, 4, 4096, 4096));  // inside the first chunk [0, 16931)
  REQUIRE(rig.WaitCompletes(1));
  std::vector<Rig::Write> w = rig.TakeWrites();
  REQUIRE(w.size() == 1);
  CHECK_EQ(w[0].off, 0u);
  CHECK_EQ(w[0].len, 20480u);
  CHECK_EQ(w[0].buf % 4096, 0u);
  std::vector<uint8_t> content = FdBytes(obj);
  REQUIRE(content.size() == 20480);
  CHECK(std::equal(content.begin(), content.end(), expected.begin()));
  rig.Send(ReadMsg(3, 4, 20480, 100));  // the second chunk, to the object's end
  REQUIRE(rig.WaitCompletes(2));
  w = rig.TakeWrites();
  REQUIRE(w.size() == 1);
  CHECK_EQ(w[0].off, 20480u);
  CHECK_EQ(w[0].len, 16384u);
  CHECK(FdBytes(obj) == expected);
  const HandlerMetrics m = rig.handler->Metrics();
  CHECK_EQ(m.opens, 1u);
  CHECK_EQ(m.reads, 2u);
  CHECK_EQ(m.read_bytes, 36864u);
  CHECK_EQ(m.read_completes, 2u);
  CHECK_EQ(m.objects, 1u);
}

TEST("a backend error leaves the range unwritten, READ_COMPLETE is still sent, other objects served") {
  auto failing = std::make_shared<SwitchBackend>(kV6Dir);
  auto bad = OpenV6(failing);
  auto good = OpenV6();
  REQUIRE(bad != nullptr);
  REQUIRE(good != nullptr);
  Rig rig;
  REQUIRE(rig.handler != nullptr);
  REQUIRE_OK(rig.table->RegisterBlob("bad", kV6Id, bad, 0));
  REQUIRE_OK(rig.table->RegisterBlob("good", kV6Id, good, 0));
  REQUIRE_OK(rig.handler->Start(1));
  const int bad_obj = Memfd(), good_obj = Memfd();
  rig.Send(OpenMsg(1, 1, "erofs,bad", kV6Id, bad_obj));
  CHECK_EQ(rig.Next(), "copen 1,36864");
  rig.Send(OpenMsg(2, 2, "erofs,good", kV6Id, good_obj));
  CHECK_EQ(rig.Next(), "copen 2,36864");
  failing->fail_data = true;  // the chunk-info array loads, the chunk data does not
  rig.Send(ReadMsg(3, 1, 0, 4096));
  REQUIRE(rig.WaitCompletes(1));
  CHECK(FdBytes(bad_obj).empty());
  failing->fail_all = true;  // now even the span lookup fails
  rig.Send(ReadMsg(4, 1, 20480, 4096));
  REQUIRE(rig.WaitCompletes(2));
  CHECK(FdBytes(bad_obj).empty());
  rig.Send(ReadMsg(5, 2, 0, 4096));
  REQUIRE(rig.WaitCompletes(3));
  CHECK_EQ(FdBytes(good_obj).size(), 20480u);
  const HandlerMetrics m = rig.handler->Metrics();
  CHECK_EQ(m.read_errors, 2u);
  CHECK_EQ(m.read_completes, 3u);
  CHECK(Contains(rig.Logs(), "injected failure"));
  CHECK(rig.Completed() == (std::vector<std::pair<int, uint32_t>>{{bad_obj, 3u}, {bad_obj, 4u}, {good_obj, 5u}}));
}

// --- data blob prefetch ---------------------------------------------------------------------

TEST("prefetch: the whole blob goes into the object after its OPEN, without any READ") {
  PrefetchRig p(false);  // "dom/<id>" in 4 KiB windows
  REQUIRE(p.ok());
  Rig& rig = p.rig;
  REQUIRE_OK(rig.table->RegisterBlob("big", kV6Id, p.image, 0, {true, PrefetchWindow(0)}));
  const int big = Memfd();
  rig.Send(OpenMsg(1, 1, "erofs,big", kV6Id, big));
  CHECK_EQ(rig.Next(), "copen 1,36864");
  REQUIRE(Rig::WaitFor([&] { return rig.handler->Metrics().prefetches == 1; }));
  CHECK(FdBytes(big) == p.expected);
  std::vector<Rig::Write> w = rig.TakeWrites();
  REQUIRE(w.size() == 1);  // the 1 MiB window covers the blob
  CHECK_EQ(w[0].off, 0u);
  CHECK_EQ(w[0].len, 36864u);
  CHECK_EQ(w[0].buf % 4096, 0u);
  // 4 KiB windows: two steps, each widened to whole chunks, the second starting where the first
  // one's chunk ended (nothing fetched twice).
  const int small = Memfd();
  rig.Send(OpenMsg(2, 2, "erofs,dom", kV6Id, small));
  CHECK_EQ(rig.Next(), "copen 2,36864");
  REQUIRE(Rig::WaitFor([&] { return rig.handler->Metrics().prefetches == 2; }));
  CHECK(FdBytes(small) == p.expected);
  w = rig.TakeWrites();
  REQUIRE(w.size() == 2);
  CHECK_EQ(w[0].off, 0u);
  CHECK_EQ(w[0].len, 20480u);
  CHECK_EQ(w[1].off, 20480u);
  CHECK_EQ(w[1].len, 16384u);
  const HandlerMetrics m = rig.handler->Metrics();
  CHECK_EQ(m.prefetch_bytes, 2 * 36864u);
  CHECK_EQ(m.read_bytes, 0u);
  CHECK_EQ(m.reads, 0u);
  CHECK_EQ(m.read_completes, 0u);
  CHECK_EQ(m.prefetch_errors, 0u);
  CHECK(Contains(rig.Logs(), "info: cachefiles: prefetch of big/" + kV6Id + " into object 1 done, 36864 bytes"));
}

TEST("prefetch: a CLOSE stops it; nothing is written into the object after the CLOSE") {
  PrefetchRig p(true);
  REQUIRE(p.ok());
  Rig& rig = p.rig;
  const int obj = Memfd();
  const int view = dup(obj);  // the handler closes `obj` with the object
  rig.Send(OpenMsg(1, 1, "erofs,dom", kV6Id, obj));
  CHECK_EQ(rig.Next(), "copen 1,36864");
  REQUIRE(p.backend->WaitArrivals(1));  // the filler is fetching the first chunk
  rig.Send(CloseMsg(2, 1));
  REQUIRE(Rig::WaitFor([&] { return rig.handler->Metrics().closes == 1; }));
  p.backend->Permit();
  REQUIRE(Rig::WaitFor([&] { return Contains(rig.Logs(), "stopped at 0: the object is closed"); }));
  CHECK(FdBytes(view).empty());
  CHECK_EQ(p.backend->DataReadsFrom(4828), 0u);  // the second chunk was never fetched
  const HandlerMetrics m = rig.handler->Metrics();
  CHECK_EQ(m.prefetch_bytes, 0u);
  CHECK_EQ(m.prefetches, 0u);
  CHECK_EQ(m.prefetch_errors, 0u);
  close(view);
}

TEST("prefetch: a backend error stops it with a warning; READs of the object are still served") {
  PrefetchRig p(false);
  REQUIRE(p.ok());
  Rig& rig = p.rig;
  p.backend->fail_data = true;
  const int obj = Memfd();
  rig.Send(OpenMsg(1, 1, "erofs,dom", kV6Id, obj));
  CHECK_EQ(rig.Next(), "copen 1,36864");
  REQUIRE(Rig::WaitFor([&] { return rig.handler->Metrics().prefetch_errors == 1; }));
  CHECK(Contains(rig.Logs(),
                 "warn: cachefiles: prefetch of dom/" + kV6Id + " into object 1 stopped at 0, left to READs"));
  CHECK(Contains(rig.Logs(), "injected failure"));
  CHECK_EQ(p.backend->DataReadsFrom(4828), 0u);  // no later window was tried
  CHECK(FdBytes(obj).empty());
  p.backend->fail_data = false;
  rig.Send(ReadMsg(2, 1, 20480, 4096));
  rig.Send(ReadMsg(3, 1, 0, 4096));
  REQUIRE(rig.WaitCompletes(2));
  CHECK(FdBytes(obj) == p.expected);
  const HandlerMetrics m = rig.handler->Metrics();
  CHECK_EQ(m.read_errors, 0u);  // the prefetch failure is not a READ's
  CHECK_EQ(m.read_bytes, 36864u);
  CHECK_EQ(m.prefetch_bytes, 0u);
  CHECK_EQ(m.prefetches, 0u);
}

TEST("prefetch: a bootstrap copy queued behind a running prefetch goes before its next window") {
  TempDir dir;
  const std::vector<uint8_t> boot = RandomBytes(10000, 9);
  PrefetchRig p(true);
  REQUIRE(p.ok());
  Rig& rig = p.rig;
  REQUIRE_OK(rig.table->RegisterBootstrap("dom", "fsid", WriteBootstrap(dir, boot)));
  const int blob_obj = Memfd(), boot_obj = Memfd();
  rig.Send(OpenMsg(1, 1, "erofs,dom", kV6Id, blob_obj));
  CHECK_EQ(rig.Next(), "copen 1,36864");
  REQUIRE(p.backend->WaitArrivals(1));  // the first window is fetching
  rig.Send(OpenMsg(2, 2, "erofs,dom", "fsid", boot_obj));
  CHECK_EQ(rig.Next(), "copen 2,10000");
  // The single worker handles this after that OPEN returned, so the copy is queued by then.
  rig.Send(CloseMsg(3, 99));
  REQUIRE(Rig::WaitFor([&] { return rig.handler->Metrics().unknown_object == 1; }));
  p.backend->Permit();  // the first window ends; the second would fetch the second chunk
  REQUIRE(Rig::WaitFor([&] { return rig.handler->Metrics().bootstrap_bytes == 12288; }));
  std::vector<uint8_t> copied = FdBytes(boot_obj);
  REQUIRE(copied.size() == 12288);
  CHECK(std::equal(boot.begin(), boot.end(), copied.begin()));
  REQUIRE(p.backend->WaitArrivals(2));  // the prefetch resumed after the copy
  CHECK_EQ(rig.handler->Metrics().prefetch_bytes, 20480u);
  p.backend->Permit();
  REQUIRE(Rig::WaitFor([&] { return rig.handler->Metrics().prefetches == 1; }));
  CHECK(FdBytes(blob_obj) == p.expected);
  CHECK_EQ(rig.handler->Metrics().prefetch_bytes, 36864u);
}

TEST("READ and CLOSE of unknown objects are counted; CLOSE then READ finds nothing and the fd is closed") {
  auto image = OpenV6();
  REQUIRE(image != nullptr);
  Rig rig;
  REQUIRE(rig.handler != nullptr);
  REQUIRE_OK(rig.table->RegisterBlob("dom", kV6Id, image, 0));
  REQUIRE_OK(rig.handler->Start(1));
  rig.Send(ReadMsg(1, 77, 0, 4096));
  rig.Send(CloseMsg(2, 78));
  REQUIRE(Rig::WaitFor([&] { return rig.handler->Metrics().unknown_object == 2; }));
  const int obj = Memfd();
  rig.Send(OpenMsg(3, 5, "erofs,dom", kV6Id, obj));
  CHECK_EQ(rig.Next(), "copen 3,36864");
  rig.Send(CloseMsg(4, 5));
  REQUIRE(Rig::WaitFor([&] { return rig.handler->Metrics().closes == 1; }));
  CHECK(!FdOpen(obj));
  rig.Send(ReadMsg(5, 5, 0, 4096));
  REQUIRE(Rig::WaitFor([&] { return rig.handler->Metrics().unknown_object == 3; }));
  const HandlerMetrics m = rig.handler->Metrics();
  CHECK_EQ(m.read_completes, 0u);
  CHECK_EQ(m.objects, 0u);
}

TEST("malformed messages are skipped or refused, and the single worker keeps serving") {
  TempDir dir;
  Rig rig;
  REQUIRE(rig.handler != nullptr);
  REQUIRE_OK(rig.table->RegisterBootstrap("dom", "fsid", WriteBootstrap(dir, RandomBytes(4096, 3))));
  REQUIRE_OK(rig.handler->Start(1));
  // Not trusted at all: no reply.
  rig.Send(std::vector<uint8_t>(8, 1));                       // short
  std::vector<uint8_t> lying = CloseMsg(1, 1);
  lying[8] = 40;                                              // len says 40, 16 arrive
  rig.Send(lying);
  rig.Send(Message(2, 7, 1, {}));                             // unknown opcode
  rig.Send(Message(3, 1, 1, {1, 2, 3}));                      // CLOSE with a body
  // Sound header, bad OPEN body: refused with -EINVAL, its fd closed.
  const int huge_obj = Memfd();
  std::vector<uint8_t> huge = OpenMsg(4, 2, "erofs,dom", "fsid", huge_obj);
  huge[16] = huge[17] = huge[18] = huge[19] = 0xff;          // volume_key_size = 2^32-1
  rig.Send(huge);
  CHECK_EQ(rig.Next(), "copen 4,-22");
  CHECK(!FdOpen(huge_obj));
  const int nfs_obj = Memfd();
  rig.Send(OpenMsg(5, 3, "nfs,dom", "fsid", nfs_obj));       // not an EROFS volume
  CHECK_EQ(rig.Next(), "copen 5,-22");
  CHECK(!FdOpen(nfs_obj));
  rig.Send(OpenMsg(6, 4, "erofs,dom", "fsid", rig.handler->fd()));  // our own device fd: kept
  CHECK_EQ(rig.Next(), "copen 6,-22");
  CHECK(FdOpen(rig.handler->fd()));
  // A good OPEN still works, and a malformed READ of it is completed without data.
  const int obj = Memfd();
  rig.Send(OpenMsg(7, 5, "erofs,dom", "fsid", obj));
  CHECK_EQ(rig.Next(), "copen 7,4096");
  std::vector<uint8_t> wrap;
  Put64(wrap, UINT64_MAX - 1);
  Put64(wrap, 2);
  rig.Send(Message(8, 2, 5, wrap));
  rig.Send(Message(9, 2, 5, {1, 2, 3}));
  REQUIRE(rig.WaitCompletes(2));
  CHECK_EQ(rig.handler->Metrics().malformed, 9u);
  rig.Send(ReadMsg(10, 5, 0, 4096));
  REQUIRE(rig.WaitCompletes(3));
  CHECK(rig.Completed() == (std::vector<std::pair<int, uint32_t>>{{obj, 8u}, {obj, 9u}, {obj, 10u}}));
}

TEST("the default READ_COMPLETE is the real ioctl (ENOTTY on a memfd, counted and logged)") {
  TempDir dir;
  Rig rig(false);
  REQUIRE(rig.handler != nullptr);
  REQUIRE_OK(rig.table->RegisterBootstrap("dom", "fsid", WriteBootstrap(dir, RandomBytes(4096, 4))));
  REQUIRE_OK(rig.handler->Start(1));
  const int obj = Memfd();
  rig.Send(OpenMsg(1, 1, "erofs,dom", "fsid", obj));
  CHECK_EQ(rig.Next(), "copen 1,4096");
  rig.Send(ReadMsg(31, 1, 0, 4096));
  REQUIRE(Rig::WaitFor([&] { return rig.handler->Metrics().complete_errors == 1; }));
  CHECK(Contains(rig.Logs(), "READ_COMPLETE of msg 31 on object 1 failed: Inappropriate ioctl"));
}

TEST("stop joins, start serves again, release closes the device and every object fd") {
  auto image = OpenV6();
  REQUIRE(image != nullptr);
  Rig rig;
  REQUIRE(rig.handler != nullptr);
  REQUIRE_OK(rig.table->RegisterBlob("dom", kV6Id, image, 0));
  REQUIRE_OK(rig.handler->Start(3));
  CHECK_EQ(rig.handler->Start(1).error_number(), EBUSY);
  rig.handler->Stop();
  CHECK(!rig.handler->running());
  const int obj = Memfd();
  rig.Send(OpenMsg(1, 1, "erofs,dom", kV6Id, obj));
  CHECK_EQ(rig.Next(100), "");  // nobody serves while stopped; the message waits
  REQUIRE_OK(rig.handler->Start(2));
  CHECK_EQ(rig.Next(), "copen 1,36864");
  rig.handler->Release();
  CHECK_EQ(rig.handler->fd(), -1);
  CHECK(!FdOpen(obj));
  CHECK_EQ(rig.handler->Start(1).error_number(), EBADF);
  CHECK_EQ(rig.handler->Metrics().objects, 0u);
  rig.handler->Release();  // idempotent
}

TEST("a device that hangs up ends the workers (counted), and Stop still returns") {
  Rig rig;
  REQUIRE(rig.handler != nullptr);
  REQUIRE_OK(rig.handler->Start(2));
  close(rig.kernel);
  rig.kernel = -1;
  REQUIRE(Rig::WaitFor([&] { return rig.handler->Metrics().device_errors == 2; }));
  rig.handler->Stop();
  CHECK(Contains(rig.Logs(), "hung up"));
}

TEST("cull: inuse then cull of D<key> from its fan-out dir; the process cwd never changes") {
  TempDir dir;
  const std::string key = kV6Id;
  auto path = CookieFilePath("erofs,dom", key);
  REQUIRE_OK(path);
  const std::string fan = dir.path() + "/cache/Ierofs,dom/" + path.value().fanout_dir;
  std::filesystem::create_directories(fan);
  std::ofstream(fan + "/" + path.value().file_name) << "x";
  std::filesystem::create_directories(dir.path() + "/cache/Ierofs,other/@00");  // no file there
  Rig rig;
  REQUIRE(rig.handler != nullptr);
  const std::string cwd = std::filesystem::current_path().string();
  REQUIRE_OK(rig.handler->Cull(dir.path(), key));
  CHECK_EQ(rig.Next(), "inuse D" + key);
  CHECK_EQ(rig.Next(), "cull D" + key);
  CHECK_EQ(rig.Next(50), "");
  CHECK_EQ(std::filesystem::current_path().string(), cwd);
  REQUIRE_OK(rig.handler->Cull(dir.path(), "nothing-cached"));
  CHECK_EQ(rig.Next(50), "");
  REQUIRE_OK(rig.handler->Cull(dir.path() + "/missing", key));
  CHECK_EQ(rig.handler->Cull(dir.path(), "a/b").error_number(), EINVAL);
  CHECK_EQ(rig.handler->Cull("relative", key).error_number(), EINVAL);
}

NYDUS_TEST_MAIN()
