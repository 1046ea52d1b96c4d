// Real-mount tests of the FUSE server (transport/fuse_session, fuse/*): the shared fixtures
// mounted through /dev/fuse in a temp dir and checked with ordinary syscalls against the
// core Image; nested attach/detach with immediate stat, 300 cycles, EROFS, SEEK_DATA/HOLE,
// metrics and `umount -l` from outside. Needs root and /dev/fuse (skips otherwise).
// A watchdog aborts the FUSE connection of a case that hangs. Core layer tests.
#include <dirent.h>
#include <fcntl.h>
#include <sys/stat.h>
#include <sys/xattr.h>
#include <unistd.h>

#include <atomic>
#include <chrono>
#include <condition_variable>
#include <cstdlib>
#include <fstream>
#include <map>
#include <mutex>
#include <set>
#include <thread>

#include "fuse/fuse_server.h"
#include "fuse/vfs.h"
#include "image.h"
#include "test_harness.h"
#include "test_util.h"
#include "transport/fuse_session.h"

using namespace nydus;
using namespace nydus::fuse;
using nydus::transport::FuseSession;

namespace {

const std::string kFixtures = NYDUS_FIXTURES;

std::shared_ptr<const Image> OpenFixture(const std::string& name) {
  ImageOptions o;
  o.localfs.dir = kFixtures + "/" + name + "/blobs";
  o.validate_digest = true;
  auto img = Image::Open(kFixtures + "/" + name + "/bootstrap", o);
  REQUIRE_OK(img);
  return std::shared_ptr<const Image>(std::move(img).value());
}

bool CanMount() { return geteuid() == 0 && access("/dev/fuse", R_OK | W_OK) == 0; }

// A mounted session with its Vfs and server; aborts the connection when a case hangs.
class Mount {
 public:
  explicit Mount(bool readonly = true, ServerOptions so = {}) : server_(&vfs_, so) {
    char tmpl[] = "/tmp/nydus-fuse-test-XXXXXX";
    REQUIRE(mkdtemp(tmpl) != nullptr);
    dir_ = tmpl;
    transport::MountOptions mo;
    mo.mountpoint = dir_;
    mo.readonly = readonly;
    auto s = FuseSession::Mount(mo, &server_, &vfs_);
    REQUIRE_OK(s);
    session_ = std::move(s).value();
    watchdog_ = std::thread([this] {
      std::unique_lock<std::mutex> lock(mu_);
      if (cv_.wait_for(lock, std::chrono::seconds(60), [this] { return done_; })) return;
      std::fprintf(stderr, "  watchdog: aborting FUSE connection %llu\n",
                   static_cast<unsigned long long>(session_->connection_id()));
      std::ofstream("/sys/fs/fuse/connections/" + std::to_string(session_->connection_id()) + "/abort") << "1";
      if (!cv_.wait_for(lock, std::chrono::seconds(20), [this] { return done_; })) std::_Exit(3);
    });
    REQUIRE_OK(session_->Start(2));
  }
  ~Mount() {
    {
      std::lock_guard<std::mutex> lock(mu_);
      done_ = true;
    }
    cv_.notify_all();
    watchdog_.join();
    (void)session_->Unmount();
    rmdir(dir_.c_str());
  }
  std::string path(const std::string& rel) const { return dir_ + rel; }
  Vfs& vfs() { return vfs_; }
  FuseSession& session() { return *session_; }
  FuseServer& server() { return server_; }

 private:
  Vfs vfs_;
  FuseServer server_;
  std::string dir_;
  std::unique_ptr<FuseSession> session_;
  std::mutex mu_;
  std::condition_variable cv_;
  bool done_ = false;
  std::thread watchdog_;
};

std::vector<uint8_t> ReadFileBytes(const std::string& path) {
  std::vector<uint8_t> out;
  const int fd = open(path.c_str(), O_RDONLY);
  if (fd < 0) return out;
  uint8_t buf[65536];
  ssize_t n;
  while ((n = read(fd, buf, sizeof buf)) > 0) out.insert(out.end(), buf, buf + n);
  close(fd);
  return out;
}

// Compares the mounted tree under `root` with the image's tree, recursively. Returns the
// number of entries compared.
int CompareTree(const Image& image, const Backend& b, rafs::Ino dir, const std::string& root) {
  const rafs::Filesystem& fs = image.fs();
  std::map<std::string, rafs::Ino> want;
  REQUIRE_OK(fs.ReadDir(dir, 0, [&](const rafs::DirEntry& e) {
    if (e.name != "." && e.name != "..") want[e.name] = e.ino;
    return true;
  }));
  std::set<std::string> got;
  DIR* d = opendir(root.c_str());
  REQUIRE(d != nullptr);
  while (dirent* e = readdir(d)) {
    const std::string n = e->d_name;
    if (n != "." && n != "..") got.insert(n);
  }
  closedir(d);
  CHECK_EQ(got.size(), want.size());
  int count = 0;
  for (const auto& [name, ino] : want) {
    CHECK(got.count(name) == 1);
    const std::string p = root + "/" + name;
    struct stat st {};
    REQUIRE(lstat(p.c_str(), &st) == 0);
    auto attr = fs.GetAttr(ino);
    REQUIRE_OK(attr);
    CHECK_EQ(st.st_mode, attr.value().mode);
    CHECK_EQ(static_cast<uint64_t>(st.st_ino), b.NodeId(ino));
    CHECK_EQ(static_cast<uint32_t>(st.st_uid), attr.value().uid);
    count++;
    if (S_ISDIR(st.st_mode)) {
      count += CompareTree(image, b, ino, p);
    } else if (S_ISREG(st.st_mode)) {
      CHECK_EQ(static_cast<uint64_t>(st.st_size), attr.value().size);
      std::vector<uint8_t> want_bytes(attr.value().size);
      auto n = image.Read(ino, 0, want_bytes.data(), want_bytes.size());
      REQUIRE_OK(n);
      CHECK(ReadFileBytes(p) == want_bytes);
    } else if (S_ISLNK(st.st_mode)) {
      char buf[4096];
      const ssize_t n = readlink(p.c_str(), buf, sizeof buf);
      REQUIRE(n >= 0);
      auto target = fs.ReadLink(ino);
      REQUIRE_OK(target);
      CHECK_EQ(std::string(buf, n), target.value());
    }
    auto names = fs.ListXattrs(ino);
    REQUIRE_OK(names);
    char list[4096];
    const ssize_t ln = llistxattr(p.c_str(), list, sizeof list);
    size_t want_len = 0;
    for (const auto& x : names.value()) want_len += x.size() + 1;
    CHECK_EQ(ln, static_cast<ssize_t>(want_len));
    for (const auto& x : names.value()) {
      auto v = fs.GetXattr(ino, x);
      REQUIRE_OK(v);
      char vb[4096];
      const ssize_t vn = lgetxattr(p.c_str(), x.c_str(), vb, sizeof vb);
      CHECK_EQ(vn, static_cast<ssize_t>(v.value().size()));
      if (vn > 0) CHECK_EQ(std::string(vb, vn), v.value());
      CHECK_EQ(lgetxattr(p.c_str(), x.c_str(), nullptr, 0), static_cast<ssize_t>(v.value().size()));
    }
  }
  return count;
}

#define SKIP_UNLESS_ROOT()                                                 \
  if (!CanMount()) {                                                       \
    std::printf("skip: needs root and /dev/fuse\n");                       \
    return;                                                                \
  }

TEST("a v5 image attached at / serves its tree, content, links and xattrs") {
  SKIP_UNLESS_ROOT();
  Mount m;
  auto image = OpenFixture("v5-sha256-nocompress");
  auto index = m.vfs().Attach("/", image, {}, &m.session());
  REQUIRE_OK(index);
  auto b = m.vfs().Find("/");
  REQUIRE_OK(b);
  struct stat st {};
  REQUIRE(stat(m.path("").c_str(), &st) == 0);
  CHECK_EQ(st.st_ino, 1u);
  CHECK_EQ(st.st_mode & 0777, 0755u);
  CHECK(CompareTree(*image, *b.value(), image->super().root_ino, m.path("")) >= 50);
  CHECK(m.server().initialized());
  auto init = m.server().negotiated();
  REQUIRE(init.has_value());
  CHECK_EQ(init->minor, kProtocolMinor);
  CHECK_EQ(init->max_pages, kMaxPages);
  // The hard links share one inode.
  struct stat a {}, c {};
  REQUIRE(stat(m.path("/hardlink-test/foo").c_str(), &a) == 0);
  REQUIRE(stat(m.path("/hardlink-test/test.sh").c_str(), &c) == 0);
  CHECK_EQ(a.st_ino, c.st_ino);
  auto metrics = b.value()->metrics->Snapshot();
  CHECK(metrics.fop_hits[kFopRead] > 0);
  CHECK(metrics.data_read > 0);
  CHECK(metrics.fop_hits[kFopLookup] + metrics.fop_hits[kFopReadDirPlus] > 0);
  // The kernel may still be sending asynchronous requests (RELEASE, FORGET) of the reads above.
  for (int i = 0; i < 100 && !m.session().Inflight().empty(); ++i) usleep(10000);
  CHECK(m.session().Inflight().empty());
}

TEST("a v6 zstd image serves decompressed content") {
  SKIP_UNLESS_ROOT();
  Mount m;
  auto image = OpenFixture("v6-zstd");
  REQUIRE_OK(m.vfs().Attach("/", image, {}, &m.session()));
  auto b = m.vfs().Find("/");
  REQUIRE_OK(b);
  CHECK(CompareTree(*image, *b.value(), image->super().root_ino, m.path("")) >= 2);
}

TEST("write attempts fail with EROFS, also on a mount without MS_RDONLY") {
  SKIP_UNLESS_ROOT();
  for (bool readonly : {true, false}) {
    Mount m(readonly);
    REQUIRE_OK(m.vfs().Attach("/", OpenFixture("v5-sha256-nocompress"), {}, &m.session()));
    errno = 0;
    // With zero-message open the kernel opens for writing without asking; the WRITE fails.
    const int fd = open(m.path("/hardlink-test/foo").c_str(), O_WRONLY);
    if (readonly) {
      CHECK(fd < 0 && errno == EROFS);
    } else if (fd >= 0) {
      errno = 0;
      CHECK(write(fd, "x", 1) < 0 && errno == EROFS);
      close(fd);
    } else {
      CHECK_EQ(errno, EROFS);
    }
    errno = 0;
    CHECK(mkdir(m.path("/newdir").c_str(), 0755) < 0 && errno == EROFS);
    errno = 0;
    CHECK(open(m.path("/created").c_str(), O_CREAT | O_WRONLY, 0644) < 0 && errno == EROFS);
    errno = 0;
    CHECK(unlink(m.path("/hardlink-test/foo").c_str()) < 0 && errno == EROFS);
    errno = 0;
    CHECK(setxattr(m.path("/hardlink-test/foo").c_str(), "user.x", "1", 1, 0) < 0 && errno == EROFS);
  }
}

TEST("SEEK_DATA and SEEK_HOLE follow the image's holes") {
  SKIP_UNLESS_ROOT();
  Mount m;
  auto image = OpenFixture("v5-sha256-nocompress");
  REQUIRE_OK(m.vfs().Attach("/", image, {}, &m.session()));
  const std::string rel = "/normal-file-test/holefiles/head-hole-1";
  auto ino = image->fs().Lookup(image->super().root_ino, "normal-file-test");
  REQUIRE_OK(ino);
  auto ino2 = image->fs().Lookup(ino.value(), "holefiles");
  REQUIRE_OK(ino2);
  auto ino3 = image->fs().Lookup(ino2.value(), "head-hole-1");
  REQUIRE_OK(ino3);
  auto attr = image->fs().GetAttr(ino3.value());
  REQUIRE_OK(attr);
  auto segs = image->fs().MapRange(ino3.value(), 0, attr.value().size);
  REQUIRE_OK(segs);
  uint64_t first_data = UINT64_MAX, first_hole = attr.value().size;
  for (const auto& s : segs.value()) {
    if (!s.hole && first_data == UINT64_MAX) first_data = s.file_offset;
    if (s.hole && first_hole == attr.value().size) first_hole = s.file_offset;
  }
  const int fd = open(m.path(rel).c_str(), O_RDONLY);
  REQUIRE(fd >= 0);
  CHECK_EQ(static_cast<uint64_t>(lseek(fd, 0, SEEK_DATA)), first_data);
  CHECK_EQ(static_cast<uint64_t>(lseek(fd, 0, SEEK_HOLE)), first_hole);
  errno = 0;
  CHECK(lseek(fd, static_cast<off_t>(attr.value().size), SEEK_DATA) < 0 && errno == ENXIO);
  close(fd);
}

TEST("a nested mount detached and re-attached is visible to stat at once") {
  SKIP_UNLESS_ROOT();
  Mount m;
  auto v5 = OpenFixture("v5-sha256-nocompress");
  auto v6 = OpenFixture("v6-zstd");
  auto first = m.vfs().Attach("/a/b/c", v5, {}, &m.session());
  REQUIRE_OK(first);
  struct stat st {};
  REQUIRE(stat(m.path("/a/b/c/hardlink-test/foo").c_str(), &st) == 0);
  CHECK_EQ(st.st_ino >> 56, first.value());
  REQUIRE(stat(m.path("/a/b").c_str(), &st) == 0);
  CHECK_EQ(st.st_ino, 3u);  // pseudo: / = 1, a = 2, b = 3
  REQUIRE_OK(m.vfs().Detach("/a/b/c", &m.session()));
  // The pseudo directory stays, empty.
  REQUIRE(stat(m.path("/a/b/c").c_str(), &st) == 0);
  CHECK_EQ(st.st_ino, 4u);
  CHECK(stat(m.path("/a/b/c/hardlink-test/foo").c_str(), &st) != 0);
  auto second = m.vfs().Attach("/a/b/c", v6, {}, &m.session());
  REQUIRE_OK(second);
  CHECK(second.value() != first.value());
  REQUIRE(stat(m.path("/a/b/c").c_str(), &st) == 0);
  CHECK_EQ(st.st_ino >> 56, second.value());
  std::set<std::string> names;
  DIR* d = opendir(m.path("/a/b/c").c_str());
  REQUIRE(d != nullptr);
  while (dirent* e = readdir(d)) names.insert(e->d_name);
  closedir(d);
  std::set<std::string> want{".", ".."};
  REQUIRE_OK(v6->fs().ReadDir(v6->super().root_ino, 0, [&](const rafs::DirEntry& e) {
    want.insert(e.name);
    return true;
  }));
  CHECK(names == want);
  // Replace swaps the image under the same index.
  REQUIRE_OK(m.vfs().Replace("/a/b/c", v5, {}, &m.session()));
  REQUIRE(stat(m.path("/a/b/c/hardlink-test/foo").c_str(), &st) == 0);
  CHECK_EQ(st.st_ino >> 56, second.value());
  // A second mount next to it shows up in the pseudo parent's listing.
  REQUIRE(stat(m.path("/a/b").c_str(), &st) == 0);
  REQUIRE_OK(m.vfs().Attach("/a/b/d", v6, {}, &m.session()));
  REQUIRE(stat(m.path("/a/b/d").c_str(), &st) == 0);
  names.clear();
  d = opendir(m.path("/a/b").c_str());
  REQUIRE(d != nullptr);
  while (dirent* e = readdir(d)) names.insert(e->d_name);
  closedir(d);
  CHECK((names == std::set<std::string>{".", "..", "c", "d"}));
}

TEST("300 attach/detach cycles on a live mount") {
  SKIP_UNLESS_ROOT();
  Mount m;
  auto image = OpenFixture("v5-sha256-nocompress");
  std::set<uint32_t> seen;
  for (int i = 0; i < 300; i++) {
    auto idx = m.vfs().Attach("/x", image, {}, &m.session());
    REQUIRE_OK(idx);
    seen.insert(idx.value());
    struct stat st {};
    REQUIRE(stat(m.path("/x/hardlink-test/foo").c_str(), &st) == 0);
    REQUIRE(st.st_ino >> 56 == idx.value());
    REQUIRE_OK(m.vfs().Detach("/x", &m.session()));
  }
  CHECK_EQ(seen.size(), 255u);
  CHECK(seen.count(0) == 0);
}

TEST("umount -l from outside fires the closed callback") {
  SKIP_UNLESS_ROOT();
  Mount m;
  REQUIRE_OK(m.vfs().Attach("/", OpenFixture("v5-sha256-nocompress"), {}, &m.session()));
  std::atomic<int> calls{0};
  std::string reason;
  std::mutex mu;
  m.session().SetClosedCallback([&](const std::string& r) {
    std::lock_guard<std::mutex> lock(mu);
    reason = r;
    calls++;
  });
  struct stat st {};
  REQUIRE(stat(m.path("/hardlink-test").c_str(), &st) == 0);
  REQUIRE(std::system(("umount -l " + m.path("")).c_str()) == 0);
  for (int i = 0; i < 200 && calls.load() == 0; i++) std::this_thread::sleep_for(std::chrono::milliseconds(10));
  CHECK_EQ(calls.load(), 1);
  std::lock_guard<std::mutex> lock(mu);
  std::printf("  closed: %s\n", reason.c_str());
}

TEST("stop answers what it read; a restart serves again") {
  SKIP_UNLESS_ROOT();
  Mount m;
  REQUIRE_OK(m.vfs().Attach("/", OpenFixture("v5-sha256-nocompress"), {}, &m.session()));
  m.session().Stop();
  CHECK(!m.session().running());
  REQUIRE_OK(m.session().Start(3));
  struct stat st {};
  CHECK(stat(m.path("/normal-file-test").c_str(), &st) == 0);
}

}  // namespace

NYDUS_TEST_MAIN()
