// State + fd transfer on the supervisor socket: sendmsg/recvmsg with SCM_RIGHTS over
// non-blocking Unix stream sockets, every wait a poll() bounded by a deadline. Core layer
// (transport).
#include "transport/fd_passing.h"

#include <fcntl.h>
#include <poll.h>
#include <sys/eventfd.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/un.h>
#include <time.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <cerrno>
#include <cstring>
#include <thread>

namespace nydus::transport {
namespace {

Status Errno(int err, const std::string& what) { return Status(err, what + ": " + std::strerror(err)); }

// Waits until `fd` reports `events` (or an error/hang-up) before the deadline. ETIMEDOUT.
// With wake >= 0, a readable `wake` fails with ECANCELED.
Status WaitFor(int fd, short events, int64_t deadline_ms, int wake = -1) {
  for (;;) {
    const int64_t left = deadline_ms - MonotonicMillis();
    if (left <= 0) return Status(ETIMEDOUT, "timed out");
    pollfd p[2] = {{fd, events, 0}, {wake, POLLIN, 0}};
    const int rc = poll(p, wake >= 0 ? 2 : 1, static_cast<int>(std::min<int64_t>(left, 1 << 30)));
    if (rc < 0) {
      if (errno == EINTR) continue;
      return Errno(errno, "poll");
    }
    if (rc == 0) continue;  // re-check the deadline
    if (wake >= 0 && p[1].revents) return Status(ECANCELED, "the listener was closed");
    if (p[0].revents) return Status::Ok();
  }
}

Status FillAddress(const std::string& path, sockaddr_un* addr) {
  std::memset(addr, 0, sizeof *addr);
  addr->sun_family = AF_UNIX;
  if (path.empty() || path.size() >= sizeof addr->sun_path) {
    return Status(ENAMETOOLONG, "supervisor socket path '" + path + "' is empty or longer than " +
                                    std::to_string(sizeof addr->sun_path - 1) + " bytes");
  }
  std::memcpy(addr->sun_path, path.c_str(), path.size() + 1);
  return Status::Ok();
}

// A non-blocking stream socket connected to `path`. A full backlog (EAGAIN) is retried
// until the deadline.
Result<int> Connect(const std::string& path, int64_t deadline_ms) {
  sockaddr_un addr;
  Status st = FillAddress(path, &addr);
  if (!st.ok()) return st;
  const int sock = socket(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC | SOCK_NONBLOCK, 0);
  if (sock < 0) return Errno(errno, "socket");
  for (;;) {
    if (connect(sock, reinterpret_cast<const sockaddr*>(&addr), sizeof addr) == 0) return sock;
    const int err = errno;
    if (err == EINTR) continue;
    if (err == EAGAIN && MonotonicMillis() < deadline_ms) {
      std::this_thread::sleep_for(std::chrono::milliseconds(5));
      continue;
    }
    close(sock);
    return Errno(err == EAGAIN ? ETIMEDOUT : err, "connect to supervisor socket " + path);
  }
}

// Keeps the first fd of the first control message, closes every other one.
void TakeFds(msghdr* msg, ReceivedState* out, bool* seen_control) {
  for (cmsghdr* c = CMSG_FIRSTHDR(msg); c; c = CMSG_NXTHDR(msg, c)) {
    if (c->cmsg_level != SOL_SOCKET || c->cmsg_type != SCM_RIGHTS) continue;
    const size_t count = (c->cmsg_len - CMSG_LEN(0)) / sizeof(int);
    const uint8_t* data = CMSG_DATA(c);
    for (size_t i = 0; i < count; i++) {
      int fd;
      std::memcpy(&fd, data + i * sizeof(int), sizeof fd);
      if (!*seen_control && i == 0) {
        out->fd = fd;
      } else {
        close(fd);
        out->extra_fds++;
      }
    }
    *seen_control = true;
  }
  if (msg->msg_flags & MSG_CTRUNC) out->extra_fds++;  // the kernel dropped some
}

}  // namespace

int64_t MonotonicMillis() {
  timespec ts{};
  clock_gettime(CLOCK_MONOTONIC, &ts);
  return static_cast<int64_t>(ts.tv_sec) * 1000 + ts.tv_nsec / 1000000;
}

Status SendWithFd(int sock, const uint8_t* data, size_t len, int fd, int64_t deadline_ms) {
  if (len == 0) return Status(EINVAL, "the state to send is empty (an fd needs at least one data byte)");
  if (fd < 0 || fcntl(fd, F_GETFD) < 0) return Status(EBADF, "the fd to send (" + std::to_string(fd) + ") is not open");
  iovec iov{const_cast<uint8_t*>(data), len};
  alignas(cmsghdr) char control[CMSG_SPACE(sizeof(int))];
  std::memset(control, 0, sizeof control);
  msghdr msg{};
  msg.msg_iov = &iov;
  msg.msg_iovlen = 1;
  msg.msg_control = control;
  msg.msg_controllen = sizeof control;
  cmsghdr* c = CMSG_FIRSTHDR(&msg);
  c->cmsg_level = SOL_SOCKET;
  c->cmsg_type = SCM_RIGHTS;
  c->cmsg_len = CMSG_LEN(sizeof(int));
  std::memcpy(CMSG_DATA(c), &fd, sizeof fd);
  size_t sent = 0;
  for (;;) {
    const ssize_t n = sendmsg(sock, &msg, MSG_NOSIGNAL | MSG_DONTWAIT);
    if (n >= 0) {
      sent = static_cast<size_t>(n);
      break;
    }
    const int err = errno;
    if (err == EINTR) continue;
    if (err != EAGAIN) return Errno(err, "sendmsg");
    Status st = WaitFor(sock, POLLOUT, deadline_ms);
    if (!st.ok()) return Status(st.error_number(), "sendmsg: " + st.message());
  }
  while (sent < len) {
    const ssize_t n = send(sock, data + sent, len - sent, MSG_NOSIGNAL | MSG_DONTWAIT);
    if (n >= 0) {
      sent += static_cast<size_t>(n);
      continue;
    }
    const int err = errno;
    if (err == EINTR) continue;
    if (err != EAGAIN) return Errno(err, "send");
    Status st = WaitFor(sock, POLLOUT, deadline_ms);
    if (!st.ok()) return Status(st.error_number(), "send: " + st.message());
  }
  return Status::Ok();
}

Result<ReceivedState> ReceiveWithFd(int sock, size_t first_read, size_t max_fds, size_t read_size,
                                    int64_t deadline_ms) {
  ReceivedState out;
  bool seen_control = false;
  bool first = true;
  std::vector<char> control(CMSG_SPACE(std::max<size_t>(max_fds, 1) * sizeof(int)) + sizeof(cmsghdr));
  auto fail = [&](Status st) {
    if (out.fd >= 0) close(out.fd);
    out.fd = -1;
    return st;
  };
  for (;;) {
    const size_t cap = first ? first_read : read_size;
    const size_t old = out.state.size();
    out.state.resize(old + cap);
    iovec iov{out.state.data() + old, cap};
    msghdr msg{};
    msg.msg_iov = &iov;
    msg.msg_iovlen = 1;
    msg.msg_control = control.data();
    // Later reads still take fds (to close them), but the first one is limited to max_fds.
    msg.msg_controllen = first ? CMSG_SPACE(max_fds * sizeof(int)) : control.size();
    const ssize_t n = recvmsg(sock, &msg, MSG_CMSG_CLOEXEC | MSG_DONTWAIT);
    if (n < 0) {
      out.state.resize(old);
      const int err = errno;
      if (err == EINTR) continue;
      if (err != EAGAIN) return fail(Errno(err, "recvmsg"));
      Status st = WaitFor(sock, POLLIN, deadline_ms);
      if (!st.ok()) return fail(Status(st.error_number(), "recvmsg: " + st.message()));
      continue;
    }
    out.state.resize(old + static_cast<size_t>(n));
    TakeFds(&msg, &out, &seen_control);
    if (n == 0) break;
    first = false;
  }
  out.state.shrink_to_fit();
  if (out.fd < 0) return fail(Status(EPROTO, "no fd received (" + std::to_string(out.state.size()) + " bytes of state)"));
  return out;
}

Status SendStateFd(const std::string& socket_path, const uint8_t* data, size_t len, int fd, int timeout_ms) {
  const int64_t deadline = MonotonicMillis() + timeout_ms;
  if (len == 0) return Status(EINVAL, "the state to send is empty (an fd needs at least one data byte)");
  if (fd < 0 || fcntl(fd, F_GETFD) < 0) return Status(EBADF, "the fd to send (" + std::to_string(fd) + ") is not open");
  auto sock = Connect(socket_path, deadline);
  if (!sock.ok()) return sock.status();
  Status st = SendWithFd(sock.value(), data, len, fd, deadline);
  close(sock.value());
  if (!st.ok()) return Status(st.error_number(), "sending state to supervisor socket " + socket_path + ": " + st.message());
  return st;
}

Result<ReceivedState> ReceiveStateFd(const std::string& socket_path, int timeout_ms) {
  const int64_t deadline = MonotonicMillis() + timeout_ms;
  auto sock = Connect(socket_path, deadline);
  if (!sock.ok()) return sock.status();
  auto got = ReceiveWithFd(sock.value(), kTakeoverFirstRead, kTakeoverMaxFds, kTakeoverFirstRead, deadline);
  close(sock.value());
  if (!got.ok()) {
    return Status(got.status().error_number(),
                  "receiving state from supervisor socket " + socket_path + ": " + got.status().message());
  }
  return got;
}

// --- StateListener -----------------------------------------------------------------------

Result<std::shared_ptr<StateListener>> StateListener::Listen(const std::string& path) {
  sockaddr_un addr;
  Status st = FillAddress(path, &addr);
  if (!st.ok()) return st;
  struct stat old {};
  if (lstat(path.c_str(), &old) == 0) {
    if (!S_ISSOCK(old.st_mode)) return Status(EEXIST, path + " exists and is not a socket");
    if (unlink(path.c_str()) != 0 && errno != ENOENT) return Errno(errno, "remove stale socket " + path);
  }
  std::shared_ptr<StateListener> l(new StateListener());
  l->path_ = path;
  l->listen_fd_ = socket(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC | SOCK_NONBLOCK, 0);
  if (l->listen_fd_ < 0) return Errno(errno, "socket");
  if (bind(l->listen_fd_, reinterpret_cast<const sockaddr*>(&addr), sizeof addr) != 0) {
    return Errno(errno, "bind " + path);
  }
  struct stat mine {};
  if (stat(path.c_str(), &mine) == 0) {
    l->path_dev_ = mine.st_dev;
    l->path_ino_ = mine.st_ino;
  }
  if (listen(l->listen_fd_, 16) != 0) {
    const int err = errno;
    unlink(path.c_str());
    return Errno(err, "listen " + path);
  }
  l->wake_fd_ = eventfd(0, EFD_CLOEXEC | EFD_NONBLOCK);
  if (l->wake_fd_ < 0) {
    const int err = errno;
    unlink(path.c_str());
    return Errno(err, "eventfd");
  }
  return l;
}

StateListener::~StateListener() {
  Close();
  std::lock_guard<std::mutex> lock(mu_);
  CloseFdsLocked();
}

void StateListener::CloseFdsLocked() {
  if (listen_fd_ >= 0) close(listen_fd_);
  if (wake_fd_ >= 0) close(wake_fd_);
  listen_fd_ = wake_fd_ = -1;
}

bool StateListener::closed() const {
  std::lock_guard<std::mutex> lock(mu_);
  return closed_;
}

void StateListener::Close() {
  std::lock_guard<std::mutex> lock(mu_);
  if (closed_) return;
  closed_ = true;
  // Only our own socket file: a newer listener may have replaced it meanwhile.
  struct stat st {};
  if (path_ino_ != 0 && stat(path_.c_str(), &st) == 0 && st.st_dev == path_dev_ && st.st_ino == path_ino_) {
    unlink(path_.c_str());
  }
  if (users_ > 0) {
    const uint64_t one = 1;
    (void)!write(wake_fd_, &one, sizeof one);
    return;  // the last Accept closes the fds
  }
  CloseFdsLocked();
}

Result<int> StateListener::Accept(int64_t deadline_ms) {
  int lfd, wfd;
  {
    std::lock_guard<std::mutex> lock(mu_);
    if (closed_) return Status(EBADF, "the supervisor listener on " + path_ + " is closed");
    users_++;
    lfd = listen_fd_;
    wfd = wake_fd_;
  }
  Result<int> result = Status(ETIMEDOUT, "");
  for (;;) {
    Status st = WaitFor(lfd, POLLIN, deadline_ms, wfd);
    if (!st.ok()) {
      result = st.error_number() == ETIMEDOUT
                   ? Status(ETIMEDOUT, "no connection on supervisor socket " + path_ + " within the timeout")
                   : Status(st.error_number(), "accept on " + path_ + ": " + st.message());
      break;
    }
    const int conn = accept4(lfd, nullptr, nullptr, SOCK_CLOEXEC | SOCK_NONBLOCK);
    if (conn >= 0) {
      result = conn;
      break;
    }
    const int err = errno;
    if (err == EAGAIN || err == EINTR || err == ECONNABORTED) continue;
    result = Errno(err, "accept on " + path_);
    break;
  }
  std::lock_guard<std::mutex> lock(mu_);
  if (--users_ == 0 && closed_) CloseFdsLocked();
  return result;
}

Result<ReceivedState> StateListener::Receive(int timeout_ms) {
  auto conn = Accept(MonotonicMillis() + timeout_ms);
  if (!conn.ok()) return conn.status();
  // The peer sends at once; give the reads their own window.
  const int64_t io_deadline = MonotonicMillis() + std::max(timeout_ms, 10000);
  auto got = ReceiveWithFd(conn.value(), kSupervisorRead, kSupervisorMaxFds, kSupervisorRead, io_deadline);
  close(conn.value());
  if (!got.ok()) {
    return Status(got.status().error_number(), "receiving state on " + path_ + ": " + got.status().message());
  }
  return got;
}

Status StateListener::Send(const uint8_t* data, size_t len, int fd, int timeout_ms) {
  if (len == 0) return Status(EINVAL, "the state to send is empty (an fd needs at least one data byte)");
  if (fd < 0 || fcntl(fd, F_GETFD) < 0) return Status(EBADF, "the fd to send (" + std::to_string(fd) + ") is not open");
  auto conn = Accept(MonotonicMillis() + timeout_ms);
  if (!conn.ok()) return conn.status();
  Status st = SendWithFd(conn.value(), data, len, fd, MonotonicMillis() + std::max(timeout_ms, 10000));
  close(conn.value());
  if (!st.ok()) return Status(st.error_number(), "sending state on " + path_ + ": " + st.message());
  return st;
}

}  // namespace nydus::transport
