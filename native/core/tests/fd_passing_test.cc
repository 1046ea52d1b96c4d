// Unit tests of the supervisor socket transfer (transport/fd_passing, daemon spec §5.2):
// state larger than the 32 KiB first read over a socketpair and over a real listening Unix
// socket in both directions, fd identity by fstat, O_CLOEXEC, extra fds closed, zero fds
// EPROTO, ENOENT / ECONNREFUSED / ETIMEDOUT / ECANCELED, stale socket replacement and the
// close-time unlink. Core layer tests (ctest core.fd_passing).
#include <dirent.h>
#include <fcntl.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/un.h>
#include <unistd.h>

#include <chrono>
#include <cstdlib>
#include <cstring>
#include <string>
#include <thread>
#include <vector>

#include "test_harness.h"
#include "test_util.h"
#include "transport/fd_passing.h"

using namespace nydus;
using namespace nydus::transport;

namespace {

std::string TempDir() {
  char tmpl[] = "/tmp/nydus-fdpass-XXXXXX";
  REQUIRE(mkdtemp(tmpl) != nullptr);
  return tmpl;
}

// A temp file whose identity the receiver checks.
int TempFile(const std::string& dir, const char* name) {
  const std::string p = dir + "/" + name;
  const int fd = open(p.c_str(), O_RDWR | O_CREAT | O_CLOEXEC, 0600);
  REQUIRE(fd >= 0);
  unlink(p.c_str());
  return fd;
}

bool SameFile(int a, int b) {
  struct stat sa {}, sb {};
  return fstat(a, &sa) == 0 && fstat(b, &sb) == 0 && sa.st_dev == sb.st_dev && sa.st_ino == sb.st_ino;
}

bool Cloexec(int fd) { return (fcntl(fd, F_GETFD) & FD_CLOEXEC) != 0; }

int OpenFds() {
  int n = 0;
  DIR* d = opendir("/proc/self/fd");
  if (!d) return -1;
  while (readdir(d)) n++;
  closedir(d);
  return n;
}

int64_t Deadline(int ms) { return MonotonicMillis() + ms; }

}  // namespace

TEST("socketpair: 200 KiB state (> 32 KiB first read) and the fd arrive; fd is the same file, O_CLOEXEC") {
  const std::string dir = TempDir();
  const int file = TempFile(dir, "f");
  int sv[2];
  REQUIRE(socketpair(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0, sv) == 0);
  const std::vector<uint8_t> state = test::RandomBytes(200 * 1024 + 7, 42);
  Status sent;
  std::thread t([&] {
    sent = SendWithFd(sv[0], state.data(), state.size(), file, Deadline(10000));
    close(sv[0]);
  });
  auto got = ReceiveWithFd(sv[1], kTakeoverFirstRead, kTakeoverMaxFds, kTakeoverFirstRead, Deadline(10000));
  t.join();
  close(sv[1]);
  REQUIRE_OK(sent);
  REQUIRE_OK(got);
  CHECK(got.value().state == state);
  CHECK(got.value().fd >= 0 && got.value().fd != file);
  CHECK(SameFile(got.value().fd, file));
  CHECK(Cloexec(got.value().fd));
  CHECK_EQ(got.value().extra_fds, 0u);
  close(got.value().fd);
  close(file);
  rmdir(dir.c_str());
}

TEST("socketpair: extra fds of the first message and fds of later messages are closed") {
  const std::string dir = TempDir();
  const int a = TempFile(dir, "a"), b = TempFile(dir, "b"), c = TempFile(dir, "c");
  int sv[2];
  REQUIRE(socketpair(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0, sv) == 0);
  // First message: "xy" + {a, b}; second: "z" + {c}.
  auto send_fds = [&](const char* data, std::vector<int> fds) {
    iovec iov{const_cast<char*>(data), std::strlen(data)};
    std::vector<char> control(CMSG_SPACE(fds.size() * sizeof(int)));
    msghdr msg{};
    msg.msg_iov = &iov;
    msg.msg_iovlen = 1;
    msg.msg_control = control.data();
    msg.msg_controllen = control.size();
    cmsghdr* cm = CMSG_FIRSTHDR(&msg);
    cm->cmsg_level = SOL_SOCKET;
    cm->cmsg_type = SCM_RIGHTS;
    cm->cmsg_len = CMSG_LEN(fds.size() * sizeof(int));
    std::memcpy(CMSG_DATA(cm), fds.data(), fds.size() * sizeof(int));
    REQUIRE(sendmsg(sv[0], &msg, 0) == static_cast<ssize_t>(iov.iov_len));
  };
  const int before = OpenFds();
  send_fds("xy", {a, b});
  send_fds("z", {c});
  close(sv[0]);
  auto got = ReceiveWithFd(sv[1], kTakeoverFirstRead, kTakeoverMaxFds, kTakeoverFirstRead, Deadline(5000));
  close(sv[1]);
  REQUIRE_OK(got);
  CHECK_EQ(std::string(got.value().state.begin(), got.value().state.end()), std::string("xyz"));
  CHECK(SameFile(got.value().fd, a));
  CHECK_EQ(got.value().extra_fds, 2u);
  // Only the kept fd is new (sv[0] and sv[1] are closed again).
  CHECK_EQ(OpenFds(), before - 1);
  close(got.value().fd);
  close(a);
  close(b);
  close(c);
  rmdir(dir.c_str());
}

TEST("socketpair: no fd at all is EPROTO; an empty state or a closed fd is refused before sending") {
  int sv[2];
  REQUIRE(socketpair(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0, sv) == 0);
  REQUIRE(write(sv[0], "plain", 5) == 5);
  close(sv[0]);
  auto got = ReceiveWithFd(sv[1], kTakeoverFirstRead, kTakeoverMaxFds, kTakeoverFirstRead, Deadline(5000));
  close(sv[1]);
  REQUIRE(!got.ok());
  CHECK_EQ(got.status().error_number(), EPROTO);
  CHECK(got.status().message().find("no fd received") != std::string::npos);

  REQUIRE(socketpair(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0, sv) == 0);
  CHECK_EQ(SendWithFd(sv[0], nullptr, 0, 0, Deadline(100)).error_number(), EINVAL);
  const uint8_t one = 1;
  CHECK_EQ(SendWithFd(sv[0], &one, 1, 987654, Deadline(100)).error_number(), EBADF);
  close(sv[0]);
  close(sv[1]);
}

TEST("socketpair: a peer that never closes times out with ETIMEDOUT") {
  int sv[2];
  REQUIRE(socketpair(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0, sv) == 0);
  const auto start = std::chrono::steady_clock::now();
  auto got = ReceiveWithFd(sv[1], kTakeoverFirstRead, kTakeoverMaxFds, kTakeoverFirstRead, Deadline(150));
  const auto ms = std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::steady_clock::now() - start).count();
  CHECK_EQ(got.status().error_number(), ETIMEDOUT);
  CHECK(ms >= 140 && ms < 2000);
  close(sv[0]);
  close(sv[1]);
}

TEST("listener: nydusd sendfd -> supervisor receive, then supervisor send -> nydusd takeover, twice") {
  const std::string dir = TempDir();
  const std::string path = dir + "/supervisor.sock";
  const int file = TempFile(dir, "dev");
  auto l = StateListener::Listen(path);
  REQUIRE_OK(l);
  auto listener = l.value();
  struct stat st {};
  REQUIRE(lstat(path.c_str(), &st) == 0);
  CHECK(S_ISSOCK(st.st_mode));

  // Save: nydusd connects and sends 100 KiB + fd.
  const std::vector<uint8_t> state = test::RandomBytes(100 * 1024 + 3, 7);
  Status sent;
  std::thread t([&] { sent = SendStateFd(path, state.data(), state.size(), file, 5000); });
  auto got = listener->Receive(5000);
  t.join();
  REQUIRE_OK(sent);
  REQUIRE_OK(got);
  CHECK(got.value().state == state);
  CHECK(SameFile(got.value().fd, file));
  CHECK(Cloexec(got.value().fd));
  const int held = got.value().fd;  // the supervisor's copy
  close(file);                      // nydusd exits: only the supervisor holds the file now

  // Restore twice: the supervisor keeps its fd.
  for (int round = 0; round < 2; round++) {
    Status served;
    std::thread s([&] { served = listener->Send(state.data(), state.size(), held, 5000); });
    auto restored = ReceiveStateFd(path, 5000);
    s.join();
    REQUIRE_OK(served);
    REQUIRE_OK(restored);
    CHECK(restored.value().state == state);
    CHECK(SameFile(restored.value().fd, held));
    CHECK(Cloexec(restored.value().fd));
    close(restored.value().fd);
    CHECK(fcntl(held, F_GETFD) >= 0);
  }
  close(held);
  listener->Close();
  CHECK(access(path.c_str(), F_OK) != 0);  // unlinked
  listener->Close();                        // idempotent
  CHECK_EQ(listener->Receive(10).status().error_number(), EBADF);
  rmdir(dir.c_str());
}

TEST("listener: accept timeout, close while waiting (ECANCELED), stale socket replaced, non-socket EEXIST") {
  const std::string dir = TempDir();
  const std::string path = dir + "/s.sock";
  {
    auto l = StateListener::Listen(path);
    REQUIRE_OK(l);
    const auto start = std::chrono::steady_clock::now();
    CHECK_EQ(l.value()->Receive(120).status().error_number(), ETIMEDOUT);
    const auto ms =
        std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::steady_clock::now() - start).count();
    CHECK(ms >= 110 && ms < 2000);

    Status waited;
    std::thread t([&] {
      auto r = l.value()->Receive(10000);
      waited = r.ok() ? Status() : r.status();
    });
    std::this_thread::sleep_for(std::chrono::milliseconds(50));
    l.value()->Close();
    t.join();
    CHECK_EQ(waited.error_number(), ECANCELED);
  }
  // A stale socket file (bound, never unlinked) refuses connections and is replaced by Listen.
  {
    const int s = socket(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0);
    sockaddr_un addr{};
    addr.sun_family = AF_UNIX;
    std::strcpy(addr.sun_path, path.c_str());
    REQUIRE(bind(s, reinterpret_cast<sockaddr*>(&addr), sizeof addr) == 0);
    close(s);
    const uint8_t byte = 1;
    const int fd = open("/dev/null", O_RDONLY | O_CLOEXEC);
    CHECK_EQ(SendStateFd(path, &byte, 1, fd, 1000).error_number(), ECONNREFUSED);
    CHECK_EQ(ReceiveStateFd(path, 1000).status().error_number(), ECONNREFUSED);
    auto l = StateListener::Listen(path);
    REQUIRE_OK(l);
    // A listener closed after its path was taken over must not unlink the newer socket.
    auto newer = StateListener::Listen(path);
    REQUIRE_OK(newer);
    l.value()->Close();
    CHECK(access(path.c_str(), F_OK) == 0);
    newer.value()->Close();
    CHECK(access(path.c_str(), F_OK) != 0);
    close(fd);
  }
  // Nobody there at all.
  const uint8_t byte = 1;
  CHECK_EQ(SendStateFd(dir + "/none.sock", &byte, 1, 0, 1000).error_number(), ENOENT);
  CHECK_EQ(ReceiveStateFd(dir + "/none.sock", 1000).status().error_number(), ENOENT);
  // A regular file is not removed.
  const std::string plain = dir + "/plain";
  close(open(plain.c_str(), O_CREAT | O_WRONLY | O_CLOEXEC, 0600));
  CHECK_EQ(StateListener::Listen(plain).status().error_number(), EEXIST);
  CHECK(access(plain.c_str(), F_OK) == 0);
  unlink(plain.c_str());
  // Too long for sun_path.
  CHECK_EQ(StateListener::Listen("/" + std::string(200, 'x')).status().error_number(), ENAMETOOLONG);
  rmdir(dir.c_str());
}

TEST("listener: a supervisor receive of a connection without fd is EPROTO") {
  const std::string dir = TempDir();
  const std::string path = dir + "/s.sock";
  auto l = StateListener::Listen(path);
  REQUIRE_OK(l);
  std::thread t([&] {
    const int s = socket(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0);
    sockaddr_un addr{};
    addr.sun_family = AF_UNIX;
    std::strcpy(addr.sun_path, path.c_str());
    if (connect(s, reinterpret_cast<sockaddr*>(&addr), sizeof addr) == 0) (void)!write(s, "abc", 3);
    close(s);
  });
  auto got = l.value()->Receive(5000);
  t.join();
  CHECK_EQ(got.status().error_number(), EPROTO);
  l.value()->Close();
  rmdir(dir.c_str());
}

NYDUS_TEST_MAIN()
