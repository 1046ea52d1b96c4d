// FuseSession: worker loop, stop/unmount, in-flight slots and notification writes.
// Core layer (transport).
#include "transport/fuse_session.h"

#include <fcntl.h>
#include <poll.h>
#include <sys/epoll.h>
#include <sys/eventfd.h>
#include <sys/stat.h>
#include <sys/sysmacros.h>
#include <unistd.h>

#include <cerrno>
#include <cstdlib>
#include <cstring>
#include <ctime>

namespace nydus::transport {
namespace {

// Reply writes go to the worker's own dup of the fd.
class FdSink final : public fuse::ReplySink {
 public:
  explicit FdSink(int fd) : fd_(fd) {}
  int Write(const iovec* iov, int count) override {
    for (;;) {
      if (writev(fd_, iov, count) >= 0) return 0;
      if (errno != EINTR) return -errno;
    }
  }

 private:
  int fd_;
};

bool ConnectionGoneErrno(int err) { return err == ENODEV || err == ECONNABORTED || err == EBADF; }

// The kernel applied the INIT reply inside the write(2) above, capping the mount's readahead at
// the 128 KiB it offered (max_readahead is echoed, daemon.md §4.3). Sequential readers then cost one
// READ round trip per 128 KiB; raise the bdi's window to one whole READ (max_pages = 1 MiB) so that
// readahead asks for 1 MiB at a time (8x fewer requests on a cold sequential read). Best effort: a
// daemon without write access to sysfs keeps the kernel's value. Never lowers a larger value.
void RaiseReadahead(uint64_t connection_id) {
  if (connection_id == 0) return;
  const std::string path = "/sys/class/bdi/" + std::to_string(connection_id >> 20) + ":" +
                           std::to_string(connection_id & ((1u << 20) - 1)) + "/read_ahead_kb";
  const int fd = open(path.c_str(), O_RDWR | O_CLOEXEC);
  if (fd < 0) return;
  char cur[32] = {};
  const ssize_t got = pread(fd, cur, sizeof cur - 1, 0);
  const unsigned long want = fuse::kMaxReadSize / 1024;
  if (got > 0 && std::strtoul(cur, nullptr, 10) < want) {
    const std::string text = std::to_string(want);
    (void)!pwrite(fd, text.data(), text.size(), 0);
  }
  close(fd);
}

}  // namespace

Result<std::unique_ptr<FuseSession>> FuseSession::Mount(const MountOptions& options, fuse::FuseServer* server,
                                                        fuse::Vfs* vfs) {
  auto mounted = MountFuse(options);
  if (!mounted.ok()) return mounted.status();
  std::unique_ptr<FuseSession> s(new FuseSession());
  s->server_ = server;
  s->vfs_ = vfs;
  s->fd_ = mounted.value().fd;
  s->mountpoint_ = mounted.value().mountpoint;
  s->connection_id_ = mounted.value().connection_id;
  s->wake_fd_ = eventfd(0, EFD_CLOEXEC | EFD_NONBLOCK);
  if (s->wake_fd_ < 0) {
    const int err = errno;
    (void)UnmountFuse(s->mountpoint_);
    return Status(err, std::string("eventfd: ") + std::strerror(err));
  }
  return s;
}

Result<std::unique_ptr<FuseSession>> FuseSession::Adopt(int fd, const std::string& mountpoint,
                                                        uint64_t connection_id, fuse::FuseServer* server,
                                                        fuse::Vfs* vfs) {
  struct stat st {};
  if (fd < 0 || fstat(fd, &st) != 0) {
    const int err = fd < 0 ? EBADF : errno;
    if (fd >= 0) close(fd);
    return Status(err, "fd " + std::to_string(fd) + " to adopt is not open");
  }
  // /dev/fuse is the misc character device 10:229.
  if (!S_ISCHR(st.st_mode) || major(st.st_rdev) != 10 || minor(st.st_rdev) != 229) {
    close(fd);
    return Status(EINVAL, "fd " + std::to_string(fd) + " to adopt is not a /dev/fuse fd");
  }
  const int fl = fcntl(fd, F_GETFL);
  if (fl < 0 || fcntl(fd, F_SETFL, fl | O_NONBLOCK) != 0 || fcntl(fd, F_SETFD, FD_CLOEXEC) != 0) {
    const int err = errno;
    close(fd);
    return Status(err, std::string("fcntl on the adopted /dev/fuse fd: ") + std::strerror(err));
  }
  std::unique_ptr<FuseSession> s(new FuseSession());
  s->server_ = server;
  s->vfs_ = vfs;
  s->fd_ = fd;
  s->mountpoint_ = mountpoint;
  s->connection_id_ = connection_id != 0 ? connection_id : FuseConnectionIdOf(mountpoint);
  s->notify_enabled_.store(false);
  s->wake_fd_ = eventfd(0, EFD_CLOEXEC | EFD_NONBLOCK);
  if (s->wake_fd_ < 0) {
    const int err = errno;
    return Status(err, std::string("eventfd: ") + std::strerror(err));  // ~FuseSession closes fd
  }
  return s;
}

void FuseSession::Release() {
  stopping_.store(true);
  Stop();
  if (fd_ >= 0) close(fd_);
  fd_ = -1;
}

FuseSession::FailoverResult FuseSession::Failover(FailoverPolicy policy, const std::vector<std::string>& bases) {
  FailoverResult r;
  if (policy == FailoverPolicy::kNone) {
    r.detail = "failover policy none: nothing done";
    return r;
  }
  if (fd_ < 0) return {false, "the FUSE session has no fd"};
  std::string why;
  if (policy == FailoverPolicy::kResend) {
    // FUSE_NOTIFY_RESEND (Linux >= 6.9): a bare out header, error = notify code 7.
    fuse_out_header h{};
    h.len = sizeof h;
    h.error = 7;
    h.unique = 0;
    ssize_t n;
    do {
      n = write(fd_, &h, sizeof h);
    } while (n < 0 && errno == EINTR);
    if (n == static_cast<ssize_t>(sizeof h)) {
      r.detail = "FUSE_NOTIFY_RESEND written to /dev/fuse";
      return r;
    }
    why = std::string("FUSE_NOTIFY_RESEND write failed (") + (n < 0 ? std::strerror(errno) : "short write") + ")";
  }
  const char* file = policy == FailoverPolicy::kResend ? "resend" : "flush";
  const std::vector<std::string> defaults = {"/proc/sys/fs/fuse/connections", "/sys/fs/fuse/connections"};
  const std::vector<std::string>& tried = bases.empty() ? defaults : bases;
  std::string target;
  for (const std::string& base : tried) {
    const std::string path = base + "/" + std::to_string(connection_id_) + "/" + file;
    if (access(path.c_str(), F_OK) == 0) {
      target = path;
      break;
    }
  }
  if (!why.empty()) why += "; ";
  if (target.empty()) {
    r.ok = false;
    r.detail = why + "no " + file + " control file for connection " + std::to_string(connection_id_) + " under " +
               tried.front() + (tried.size() > 1 ? " or " + tried.back() : "");
    return r;
  }
  const int cfd = open(target.c_str(), O_WRONLY | O_CLOEXEC);
  ssize_t n = -1;
  int err = 0;
  if (cfd >= 0) {
    do {
      n = write(cfd, "1", 1);
    } while (n < 0 && errno == EINTR);
    err = n < 0 ? errno : 0;
    close(cfd);
  } else {
    err = errno;
  }
  if (n == 1) {
    r.detail = why + "wrote 1 to " + target;
    return r;
  }
  r.ok = false;
  r.detail = why + "writing 1 to " + target + " failed: " + std::strerror(err != 0 ? err : EIO);
  return r;
}

FuseSession::~FuseSession() {
  Stop();
  if (fd_ >= 0) close(fd_);
  if (wake_fd_ >= 0) close(wake_fd_);
}

void FuseSession::SetClosedCallback(ClosedCallback cb) {
  std::lock_guard<std::mutex> lock(cb_mu_);
  closed_cb_ = std::move(cb);
}

Status FuseSession::Start(int threads) {
  if (fd_ < 0) return Status(EBADF, "the FUSE session is unmounted");
  if (!workers_.empty()) return Status(EBUSY, "FUSE workers are already running");
  if (threads < 1 || threads > 1024) return Status(EINVAL, "thread count must be 1..1024");
  uint64_t drain;
  while (read(wake_fd_, &drain, sizeof drain) > 0) {
  }
  stopping_.store(false);
  notify_enabled_.store(true);
  slots_.clear();
  for (int i = 0; i < threads; i++) slots_.push_back(std::make_unique<Slot>());
  for (int i = 0; i < threads; i++) workers_.emplace_back(&FuseSession::Run, this, i);
  return Status::Ok();
}

void FuseSession::Stop() {
  if (workers_.empty()) return;
  stopping_.store(true);
  const uint64_t one = 1;
  (void)!write(wake_fd_, &one, sizeof one);
  for (std::thread& t : workers_) t.join();
  workers_.clear();
}

Status FuseSession::Unmount() {
  if (fd_ < 0) return Status::Ok();
  stopping_.store(true);
  Status status;
  pollfd p{fd_, POLLIN, 0};
  const bool gone = poll(&p, 1, 0) > 0 && (p.revents & POLLERR);
  if (!gone) status = UnmountFuse(mountpoint_);
  close(fd_);
  fd_ = -1;
  Stop();
  return status;
}

void FuseSession::ConnectionGone(const std::string& reason) {
  if (stopping_.load() || closed_reported_.exchange(true)) return;
  ClosedCallback cb;
  {
    std::lock_guard<std::mutex> lock(cb_mu_);
    cb = closed_cb_;
  }
  if (cb) cb(reason);
}

namespace {

// A worker's epoll set: the session's wake fd (data 0, level-triggered) and the worker's
// /dev/fuse fd (data 1, EPOLLEXCLUSIVE where the kernel has it).
bool WatchForWorker(int ep, int wake_fd, int dev_fd) {
  epoll_event ev{};
  ev.events = EPOLLIN;
  ev.data.u32 = 0;
  if (epoll_ctl(ep, EPOLL_CTL_ADD, wake_fd, &ev) != 0) return false;
  ev.events = EPOLLIN | EPOLLEXCLUSIVE;
  ev.data.u32 = 1;
  if (epoll_ctl(ep, EPOLL_CTL_ADD, dev_fd, &ev) == 0) return true;
  if (errno != EINVAL) return false;
  ev.events = EPOLLIN;  // a kernel without EPOLLEXCLUSIVE (before 4.5)
  return epoll_ctl(ep, EPOLL_CTL_ADD, dev_fd, &ev) == 0;
}

}  // namespace

void FuseSession::Run(int index) {
  Slot& slot = *slots_[index];
  const int fd = fcntl(fd_, F_DUPFD_CLOEXEC, 0);
  if (fd < 0) {
    ConnectionGone(std::string("dup of /dev/fuse failed: ") + std::strerror(errno));
    return;
  }
  fuse::WorkerContext ctx(*vfs_);
  if (!ctx.ok()) {
    close(fd);
    ConnectionGone("too many FUSE workers");
    return;
  }
  // 8-byte aligned request buffer (the kernel's structs are read in place).
  std::unique_ptr<uint64_t[]> storage(new uint64_t[fuse::kRequestBufferSize / 8]);
  uint8_t* buf = reinterpret_cast<uint8_t*>(storage.get());
  FdSink sink(fd);
  // Each worker waits in its own epoll set. /dev/fuse is registered EPOLLEXCLUSIVE, so a queued
  // request wakes one idle worker: with poll() every request woke them all, and all but one
  // went back to sleep after an EAGAIN, contending on the connection's lock on the way (most
  // of the daemon's time in a cold stat walk). The wake fd stays level-triggered and shared:
  // a stop leaves it readable and wakes every worker; an abort or unmount wakes all waiters.
  const int ep = epoll_create1(EPOLL_CLOEXEC);
  if (ep < 0 || !WatchForWorker(ep, wake_fd_, fd)) {
    const std::string why = std::string("epoll for a FUSE worker: ") + std::strerror(errno);
    if (ep >= 0) close(ep);
    close(fd);
    ConnectionGone(why);
    return;
  }
  std::string gone;
  for (;;) {
    epoll_event events[2];
    const int k = epoll_wait(ep, events, 2, -1);
    if (k < 0) {
      if (errno == EINTR) continue;
      gone = std::string("epoll_wait: ") + std::strerror(errno);
      break;
    }
    bool wake = false;
    bool broken = false;
    for (int i = 0; i < k; i++) {
      if (events[i].data.u32 == 0) wake = true;
      else if (events[i].events & (EPOLLERR | EPOLLHUP)) broken = true;
    }
    if (wake) break;  // wake-up wins
    if (broken) {
      gone = "POLLERR on /dev/fuse: unmounted or aborted";
      break;
    }
    const ssize_t n = read(fd, buf, fuse::kRequestBufferSize);
    if (n < 0) {
      const int err = errno;
      if (err == EAGAIN || err == EINTR || err == ENOENT) continue;
      gone = std::string("read /dev/fuse: ") + std::strerror(err);
      break;
    }
    const auto* h = reinterpret_cast<const fuse_in_header*>(buf);
    if (static_cast<size_t>(n) >= sizeof *h) {
      slot.nodeid.store(h->nodeid, std::memory_order_relaxed);
      slot.opcode.store(h->opcode, std::memory_order_relaxed);
      slot.timestamp.store(static_cast<uint64_t>(std::time(nullptr)), std::memory_order_relaxed);
      slot.unique.store(h->unique, std::memory_order_release);
    }
    const int rc = server_->Handle(buf, static_cast<size_t>(n), ctx, sink);
    slot.unique.store(0, std::memory_order_release);
    if (rc == 0 && static_cast<size_t>(n) >= sizeof *h && h->opcode == FUSE_INIT && server_->initialized()) {
      RaiseReadahead(connection_id_);
    }
    if (rc < 0 && ConnectionGoneErrno(-rc)) {
      gone = std::string("write /dev/fuse: ") + std::strerror(-rc);
      break;
    }
    // Other write failures (ENOENT: the request was interrupted or aborted) are benign.
  }
  close(ep);
  close(fd);
  if (!gone.empty()) ConnectionGone(gone);
}

std::vector<InflightOp> FuseSession::Inflight() const {
  std::vector<InflightOp> out;
  for (const auto& s : slots_) {
    const uint64_t unique = s->unique.load(std::memory_order_acquire);
    if (unique == 0) continue;
    InflightOp op;
    op.inode = s->nodeid.load(std::memory_order_relaxed);
    op.opcode = s->opcode.load(std::memory_order_relaxed);
    op.timestamp_secs = s->timestamp.load(std::memory_order_relaxed);
    op.unique = unique;
    // The worker moved on while we read: the record may mix two requests.
    if (s->unique.load(std::memory_order_acquire) != unique) continue;
    out.push_back(op);
  }
  return out;
}

void FuseSession::WriteNotify(const uint8_t* msg, size_t len) {
  if (fd_ < 0 || !server_->initialized() || !notify_enabled_.load()) return;
  for (;;) {
    if (write(fd_, msg, len) >= 0 || errno != EINTR) return;
  }
}

void FuseSession::InvalInode(uint64_t nodeid) {
  alignas(8) uint8_t msg[sizeof(fuse_out_header) + sizeof(fuse_notify_inval_inode_out)];
  WriteNotify(msg, fuse::EncodeInvalInode(msg, nodeid));
}

void FuseSession::InvalEntry(uint64_t parent, const std::string& name) {
  if (name.size() > 1024) return;
  alignas(8) uint8_t msg[sizeof(fuse_out_header) + sizeof(fuse_notify_inval_entry_out) + 1024 + 1];
  WriteNotify(msg, fuse::EncodeInvalEntry(msg, parent, name));
}

}  // namespace nydus::transport
