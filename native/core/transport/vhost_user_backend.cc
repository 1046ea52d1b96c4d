// VhostUserBackend: the listening socket, the connection loop, message framing with fd
// passing, and the ring workers. Message semantics are in vhost_user_messages.cc.
// Core layer (transport).
#include "transport/vhost_user_backend.h"

#include <fcntl.h>
#include <poll.h>
#include <sys/epoll.h>
#include <sys/eventfd.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/un.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>

namespace nydus::transport {
namespace {

constexpr size_t kMaxLogLines = 64;

// Reads exactly `len` bytes (the payload after a header). False on EOF or error.
bool ReadFull(int fd, uint8_t* buf, size_t len) {
  while (len > 0) {
    const ssize_t n = recv(fd, buf, len, 0);
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) return false;
    buf += n;
    len -= static_cast<size_t>(n);
  }
  return true;
}

}  // namespace

int VhostUserBackend::Fds::Take(int i) {
  if (i < 0 || i >= count) return -1;
  const int f = fd[i];
  fd[i] = -1;
  return f;
}

VhostUserBackend::Fds::~Fds() {
  for (int i = 0; i < count; i++) {
    if (fd[i] >= 0) close(fd[i]);
  }
}

Result<std::unique_ptr<VhostUserBackend>> VhostUserBackend::Listen(const Options& options, Device* device) {
  sockaddr_un addr{};
  if (options.socket_path.empty() || options.socket_path.size() >= sizeof addr.sun_path) {
    return Status(EINVAL, "socket path must be 1.." + std::to_string(sizeof addr.sun_path - 1) + " bytes");
  }
  if (options.max_queue_size == 0 || options.max_queue_size > Virtqueue::kMaxSize ||
      (options.max_queue_size & (options.max_queue_size - 1)) != 0) {
    return Status(EINVAL, "queue size must be a power of two in 1..1024");
  }
  std::unique_ptr<VhostUserBackend> b(new VhostUserBackend());
  b->options_ = options;
  b->device_ = device;
  b->stop_fd_ = eventfd(0, EFD_CLOEXEC | EFD_NONBLOCK);
  for (Ring& r : b->rings_) r.wake_fd = eventfd(0, EFD_CLOEXEC | EFD_NONBLOCK);
  if (b->stop_fd_ < 0 || b->rings_[0].wake_fd < 0 || b->rings_[1].wake_fd < 0) {
    return Status(errno, std::string("eventfd: ") + std::strerror(errno));
  }
  // daemon spec §7: any existing file at the path is removed first (a stale socket).
  struct stat st {};
  if (lstat(options.socket_path.c_str(), &st) == 0 && !S_ISDIR(st.st_mode)) unlink(options.socket_path.c_str());
  b->listen_fd_ = socket(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0);
  if (b->listen_fd_ < 0) return Status(errno, std::string("socket: ") + std::strerror(errno));
  addr.sun_family = AF_UNIX;
  std::memcpy(addr.sun_path, options.socket_path.c_str(), options.socket_path.size());
  if (bind(b->listen_fd_, reinterpret_cast<sockaddr*>(&addr), sizeof addr) != 0) {
    const int err = errno;
    return Status(err, "bind " + options.socket_path + ": " + std::strerror(err));
  }
  if (listen(b->listen_fd_, 1) != 0) {
    const int err = errno;
    unlink(options.socket_path.c_str());
    return Status(err, "listen " + options.socket_path + ": " + std::strerror(err));
  }
  return b;
}

VhostUserBackend::~VhostUserBackend() {
  Close();
  if (stop_fd_ >= 0) close(stop_fd_);
  for (Ring& r : rings_) {
    if (r.wake_fd >= 0) close(r.wake_fd);
  }
}

Status VhostUserBackend::Start(int request_workers) {
  if (listen_fd_ < 0) return Status(EBADF, "the vhost-user socket is closed");
  if (listener_.joinable()) return Status(EBUSY, "the vhost-user listener is already running");
  if (request_workers < 1 || request_workers > 1024) return Status(EINVAL, "request workers must be 1..1024");
  request_workers_ = request_workers;
  uint64_t drain;
  while (read(stop_fd_, &drain, sizeof drain) > 0) {
  }
  stopping_.store(false);
  listener_ = std::thread(&VhostUserBackend::Run, this);
  return Status::Ok();
}

void VhostUserBackend::Stop() {
  if (!listener_.joinable()) return;
  stopping_.store(true);
  const uint64_t one = 1;
  (void)!write(stop_fd_, &one, sizeof one);
  listener_.join();
}

void VhostUserBackend::Close() {
  Stop();
  if (listen_fd_ < 0) return;
  close(listen_fd_);
  listen_fd_ = -1;
  unlink(options_.socket_path.c_str());
}

void VhostUserBackend::SetConnectCallback(EventCallback cb) {
  std::lock_guard<std::mutex> lock(cb_mu_);
  connect_cb_ = std::move(cb);
}

void VhostUserBackend::SetDisconnectCallback(EventCallback cb) {
  std::lock_guard<std::mutex> lock(cb_mu_);
  disconnect_cb_ = std::move(cb);
}

void VhostUserBackend::Log(const std::string& line) {
  std::lock_guard<std::mutex> lock(log_mu_);
  if (log_.size() >= kMaxLogLines) log_.pop_front();
  log_.push_back(line);
}

void VhostUserBackend::Run() {
  pollfd fds[2] = {{stop_fd_, POLLIN, 0}, {listen_fd_, POLLIN, 0}};
  while (!stopping_.load()) {
    if (poll(fds, 2, -1) < 0) {
      if (errno == EINTR) continue;
      Log(std::string("poll on the listening socket: ") + std::strerror(errno));
      return;
    }
    if (fds[0].revents) return;
    if (!(fds[1].revents & POLLIN)) continue;
    const int conn = accept4(listen_fd_, nullptr, nullptr, SOCK_CLOEXEC);
    if (conn < 0) continue;  // the peer gave up already, or EINTR
    connections_++;
    connected_.store(true);
    EventCallback cb;
    {
      std::lock_guard<std::mutex> lock(cb_mu_);
      cb = connect_cb_;
    }
    if (cb) cb("front-end connected");
    const std::string reason = Serve(conn);
    ResetConnectionState();
    close(conn);
    connected_.store(false);
    if (stopping_.load()) return;
    Log("front-end disconnected: " + reason);
    {
      std::lock_guard<std::mutex> lock(cb_mu_);
      cb = disconnect_cb_;
    }
    if (cb) cb(reason);
  }
}

std::string VhostUserBackend::Serve(int conn) {
  pollfd fds[2] = {{stop_fd_, POLLIN, 0}, {conn, POLLIN, 0}};
  alignas(8) uint8_t payload[vhost::kMaxPayload];
  for (;;) {
    if (poll(fds, 2, -1) < 0) {
      if (errno == EINTR) continue;
      return std::string("poll: ") + std::strerror(errno);
    }
    if (fds[0].revents) return "stopped";
    if (fds[1].revents & (POLLERR | POLLNVAL)) return "socket error";
    if (!(fds[1].revents & (POLLIN | POLLHUP))) continue;
    vhost::MsgHeader h{};
    Fds msg_fds;
    alignas(cmsghdr) char control[CMSG_SPACE(sizeof(int) * vhost::kMaxFds)];
    iovec iov{&h, sizeof h};
    msghdr m{};
    m.msg_iov = &iov;
    m.msg_iovlen = 1;
    m.msg_control = control;
    m.msg_controllen = sizeof control;
    ssize_t n;
    do {
      n = recvmsg(conn, &m, MSG_CMSG_CLOEXEC | MSG_WAITALL);
    } while (n < 0 && errno == EINTR);
    for (cmsghdr* c = CMSG_FIRSTHDR(&m); c != nullptr; c = CMSG_NXTHDR(&m, c)) {
      if (c->cmsg_level != SOL_SOCKET || c->cmsg_type != SCM_RIGHTS) continue;
      const size_t k = (c->cmsg_len - CMSG_LEN(0)) / sizeof(int);
      for (size_t i = 0; i < k; i++) {
        int f;
        std::memcpy(&f, CMSG_DATA(c) + i * sizeof(int), sizeof f);
        if (msg_fds.count < static_cast<int>(vhost::kMaxFds)) {
          msg_fds.fd[msg_fds.count++] = f;
        } else {
          close(f);
        }
      }
    }
    if (n == 0) return "front-end closed the connection";
    if (n < 0) return std::string("recvmsg: ") + std::strerror(errno);
    if (static_cast<size_t>(n) != sizeof h) return "short message header";
    if (m.msg_flags & MSG_CTRUNC) return "too many fds in one message";
    if ((h.flags & vhost::kVersionMask) != vhost::kVersion) return "unsupported protocol version";
    if (h.size > vhost::kMaxPayload) return "message payload of " + std::to_string(h.size) + " bytes is too large";
    if (!ReadFull(conn, payload, h.size)) return "connection closed inside a message";
    messages_++;
    by_request_[h.request < vhost::kRequestLimit ? h.request : vhost::kRequestLimit]++;
    const Outcome out = Handle(conn, h, payload, msg_fds);
    if (!out.ok) {
      message_errors_++;
      Log(std::string(vhost::RequestName(h.request)) + " (" + std::to_string(h.request) + "): " + out.why);
    }
    if (out.fatal) return out.why;
  }
}

void VhostUserBackend::ResetConnectionState() {
  for (int q = 0; q < kNumQueues; q++) {
    StopRing(q);
    Ring& r = rings_[q];
    r.vq.Reset();
    for (int* fd : {&r.kick_fd, &r.err_fd}) {
      if (*fd >= 0) close(*fd);
      *fd = -1;
    }
    std::lock_guard<std::mutex> lock(r.call_mu);
    if (r.call_fd >= 0) close(r.call_fd);
    r.call_fd = -1;
    r.enabled.store(false);
  }
  memory_.reset();
  if (backend_req_fd_ >= 0) close(backend_req_fd_);
  backend_req_fd_ = -1;
  features_ = protocol_features_ = 0;
  features_set_ = false;
}

Status VhostUserBackend::StartRing(int q) {
  Ring& r = rings_[q];
  if (r.running() || r.kick_fd < 0) return Status::Ok();
  Status st = r.vq.Translate(memory_.get());
  if (!st.ok()) return st;
  r.vq.SetFeatures((features_ & vhost::kFeatureEventIdx) != 0, (features_ & vhost::kFeatureIndirectDesc) != 0);
  r.vq.Start();
  r.stop.store(false);
  r.kick_dead = false;
  uint64_t v;
  (void)!read(r.wake_fd, &v, sizeof v);  // enable changes before the start need no wake-up
  const int n = q == 0 ? 1 : request_workers_;  // hiprio carries only FORGET / INTERRUPT
  for (int w = 0; w < n; w++) r.workers.emplace_back(&VhostUserBackend::RunRing, this, q, w);
  return Status::Ok();
}

void VhostUserBackend::StopRing(int q) {
  Ring& r = rings_[q];
  if (!r.running()) return;
  r.stop.store(true);
  const uint64_t one = 1;
  (void)!write(r.wake_fd, &one, sizeof one);  // left readable until every worker has seen it
  for (std::thread& t : r.workers) t.join();
  r.workers.clear();
}

void VhostUserBackend::Signal(Ring& r) {
  std::lock_guard<std::mutex> lock(r.call_mu);
  if (r.call_fd < 0) return;
  const uint64_t one = 1;
  (void)!write(r.call_fd, &one, sizeof one);
  notifications_++;
}

uint32_t VhostUserBackend::ServeChain(int q, int worker, const DescChain& chain) {
  if (chain.error != ChainError::kNone) {
    bad_chains_[static_cast<int>(chain.error)]++;
    Log("queue " + std::to_string(q) + ": malformed chain at head " + std::to_string(chain.head) + ": " +
        ChainErrorName(chain.error));
    return 0;
  }
  chains_++;
  return device_->HandleChain(q, worker, chain);
}

void VhostUserBackend::RunRing(int q, int worker) {
  Ring& r = rings_[q];
  const int ep = epoll_create1(EPOLL_CLOEXEC);
  if (ep < 0) {
    Log(std::string("queue ") + std::to_string(q) + " worker " + std::to_string(worker) + ": epoll_create1: " +
        std::strerror(errno));
    return;
  }
  struct Closer {
    int fd;
    ~Closer() { close(fd); }
  } closer{ep};
  epoll_event wake{};
  wake.events = EPOLLIN;
  wake.data.fd = r.wake_fd;
  epoll_event kick{};
  // Edge-triggered: every kick is an edge (eventfd wakes its waiters on each write), so the
  // counter is never read back, which saves a syscall per request.
  kick.events = EPOLLIN | EPOLLET | EPOLLEXCLUSIVE;
  kick.data.fd = r.kick_fd;
  bool watching_kick = false;
  if (epoll_ctl(ep, EPOLL_CTL_ADD, r.wake_fd, &wake) != 0) {
    Log(std::string("queue ") + std::to_string(q) + ": epoll_ctl: " + std::strerror(errno));
    return;
  }
  DescChain chain;
  for (;;) {
    {
      std::unique_lock<std::mutex> lock(r.mu);
      if (!r.kick_dead && !watching_kick) {
        watching_kick = epoll_ctl(ep, EPOLL_CTL_ADD, r.kick_fd, &kick) == 0;
        if (!watching_kick) r.kick_dead = true;
      } else if (r.kick_dead && watching_kick) {
        (void)epoll_ctl(ep, EPOLL_CTL_DEL, r.kick_fd, nullptr);
        watching_kick = false;
      }
      for (;;) {
        if (r.stop.load(std::memory_order_relaxed)) return;
        if (r.vq.broken() || !r.enabled.load()) break;
        const Virtqueue::PopResult res = r.vq.Pop(&chain);
        if (res == Virtqueue::PopResult::kChain) {
          lock.unlock();
          const uint32_t used = ServeChain(q, worker, chain);
          lock.lock();
          r.vq.Push(chain.head, used);
          if (r.vq.NeedNotify()) {
            Signal(r);
          } else {
            suppressed_++;
          }
          continue;
        }
        if (res == Virtqueue::PopResult::kBroken) {
          broken_queues_++;
          Log("queue " + std::to_string(q) + ": available index moved by more than the queue size; queue stopped");
          break;
        }
        if (!r.vq.EnableNotify()) break;  // else buffers arrived while re-arming kicks
      }
    }
    epoll_event ev[2];
    const int n = epoll_wait(ep, ev, 2, -1);
    if (n < 0) {
      if (errno == EINTR) continue;
      Log(std::string("queue ") + std::to_string(q) + " wait: " + std::strerror(errno));
      return;
    }
    uint64_t v;
    for (int i = 0; i < n; i++) {
      if (ev[i].data.fd == r.wake_fd) {
        // A stop leaves it readable for every worker; an enable change wakes whoever reads it.
        if (!r.stop.load()) (void)!read(r.wake_fd, &v, sizeof v);
      } else if (ev[i].events & EPOLLIN) {
        // A kick: the loop above pops what it announced.
      } else if (ev[i].events & (EPOLLERR | EPOLLHUP)) {
        // daemon spec §7: only EPOLLIN is accepted on a kick fd; wait for a stop instead.
        std::lock_guard<std::mutex> lock(r.mu);
        if (!r.kick_dead) Log("queue " + std::to_string(q) + ": kick fd error; queue idle until restarted");
        r.kick_dead = true;
      }
    }
  }
}

VhostUserBackend::Metrics VhostUserBackend::Snapshot() const {
  Metrics m;
  m.connections = connections_.load();
  m.messages = messages_.load();
  m.message_errors = message_errors_.load();
  for (uint32_t i = 0; i <= vhost::kRequestLimit; i++) {
    const uint64_t c = by_request_[i].load();
    if (c == 0) continue;
    const std::string name = vhost::RequestName(i);
    m.by_request.emplace_back(name == "UNKNOWN" && i < vhost::kRequestLimit ? "REQUEST_" + std::to_string(i) : name, c);
  }
  m.chains = chains_.load();
  for (size_t i = 0; i < m.bad_chains.size(); i++) m.bad_chains[i] = bad_chains_[i].load();
  m.notifications = notifications_.load();
  m.suppressed = suppressed_.load();
  m.broken_queues = broken_queues_.load();
  std::lock_guard<std::mutex> lock(log_mu_);
  m.recent_events.assign(log_.begin(), log_.end());
  return m;
}

}  // namespace nydus::transport
