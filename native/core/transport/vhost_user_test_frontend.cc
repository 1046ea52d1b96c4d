// VhostUserTestFrontend: TEST-ONLY front-end: message exchange, memfd guest memory and the
// driver side of split rings. Core layer (transport), tests only.
#include "transport/vhost_user_test_frontend.h"

#include <poll.h>
#include <sys/eventfd.h>
#include <sys/mman.h>
#include <sys/socket.h>
#include <sys/un.h>
#include <time.h>
#include <unistd.h>

#include <atomic>
#include <cerrno>
#include <cstring>

namespace nydus::transport {
namespace {

Status Errno(const std::string& what) { return Status(errno, what + ": " + std::strerror(errno)); }

void Store16(uint8_t* p, uint16_t v) { __atomic_store_n(reinterpret_cast<uint16_t*>(p), v, __ATOMIC_RELEASE); }
uint16_t Load16(const uint8_t* p) { return __atomic_load_n(reinterpret_cast<const uint16_t*>(p), __ATOMIC_ACQUIRE); }

}  // namespace

Result<std::unique_ptr<VhostUserTestFrontend>> VhostUserTestFrontend::Connect(const std::string& socket_path,
                                                                              size_t mem_size) {
  std::unique_ptr<VhostUserTestFrontend> f(new VhostUserTestFrontend());
  f->sock_ = socket(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0);
  if (f->sock_ < 0) return Errno("socket");
  sockaddr_un addr{};
  addr.sun_family = AF_UNIX;
  if (socket_path.size() >= sizeof addr.sun_path) return Status(EINVAL, "socket path too long");
  std::memcpy(addr.sun_path, socket_path.c_str(), socket_path.size());
  if (connect(f->sock_, reinterpret_cast<sockaddr*>(&addr), sizeof addr) != 0) return Errno("connect " + socket_path);
  f->memfd_ = memfd_create("nydus-test-guest", MFD_CLOEXEC);
  if (f->memfd_ < 0) return Errno("memfd_create");
  if (ftruncate(f->memfd_, static_cast<off_t>(mem_size)) != 0) return Errno("ftruncate");
  void* p = mmap(nullptr, mem_size, PROT_READ | PROT_WRITE, MAP_SHARED, f->memfd_, 0);
  if (p == MAP_FAILED) return Errno("mmap");
  f->mem_ = static_cast<uint8_t*>(p);
  f->mem_size_ = mem_size;
  for (int q = 0; q < 2; q++) {
    f->kick_[q] = eventfd(0, EFD_CLOEXEC);
    f->call_[q] = eventfd(0, EFD_CLOEXEC | EFD_NONBLOCK);
    if (f->kick_[q] < 0 || f->call_[q] < 0) return Errno("eventfd");
  }
  return f;
}

VhostUserTestFrontend::~VhostUserTestFrontend() {
  Disconnect();
  if (mem_) munmap(mem_, mem_size_);
  for (int fd : {memfd_, kick_[0], kick_[1], call_[0], call_[1]}) {
    if (fd >= 0) close(fd);
  }
}

void VhostUserTestFrontend::Disconnect() {
  if (sock_ >= 0) close(sock_);
  sock_ = -1;
}

Status VhostUserTestFrontend::Send(uint32_t request, const void* payload, uint32_t size, const std::vector<int>& fds,
                                   bool need_reply) {
  vhost::MsgHeader h{request, vhost::kVersion | (need_reply ? vhost::kFlagNeedReply : 0u), size};
  iovec iov[2] = {{&h, sizeof h}, {const_cast<void*>(payload), size}};
  msghdr m{};
  m.msg_iov = iov;
  m.msg_iovlen = size ? 2 : 1;
  alignas(cmsghdr) char control[CMSG_SPACE(sizeof(int) * vhost::kMaxFds)] = {};
  if (!fds.empty()) {
    m.msg_control = control;
    m.msg_controllen = CMSG_SPACE(sizeof(int) * fds.size());
    cmsghdr* c = CMSG_FIRSTHDR(&m);
    c->cmsg_level = SOL_SOCKET;
    c->cmsg_type = SCM_RIGHTS;
    c->cmsg_len = CMSG_LEN(sizeof(int) * fds.size());
    std::memcpy(CMSG_DATA(c), fds.data(), sizeof(int) * fds.size());
  }
  if (sendmsg(sock_, &m, MSG_NOSIGNAL) != static_cast<ssize_t>(sizeof h + size)) return Errno("sendmsg");
  return Status::Ok();
}

Result<std::vector<uint8_t>> VhostUserTestFrontend::Receive(uint32_t request) {
  pollfd p{sock_, POLLIN, 0};
  if (poll(&p, 1, 5000) <= 0) return Status(ETIMEDOUT, "no reply");
  vhost::MsgHeader h{};
  if (recv(sock_, &h, sizeof h, MSG_WAITALL) != static_cast<ssize_t>(sizeof h)) return Status(EPIPE, "connection closed");
  if (h.request != request || !(h.flags & vhost::kFlagReply) || h.size > 4096) {
    return Status(EPROTO, "unexpected reply to request " + std::to_string(h.request));
  }
  std::vector<uint8_t> out(h.size);
  if (h.size && recv(sock_, out.data(), h.size, MSG_WAITALL) != static_cast<ssize_t>(h.size)) {
    return Status(EPIPE, "short reply");
  }
  return out;
}

Result<uint64_t> VhostUserTestFrontend::SendAcked(uint32_t request, const void* payload, uint32_t size,
                                                  const std::vector<int>& fds) {
  Status st = Send(request, payload, size, fds, true);
  if (!st.ok()) return st;
  auto r = Receive(request);
  if (!r.ok()) return r.status();
  if (r.value().size() != 8) return Status(EPROTO, "REPLY_ACK payload is not 8 bytes");
  uint64_t v;
  std::memcpy(&v, r.value().data(), 8);
  return v;
}

Status VhostUserTestFrontend::Setup(uint32_t queue_size, uint64_t features) {
  queue_size_ = queue_size;
  Status st = Send(vhost::kGetFeatures, nullptr, 0);
  if (!st.ok()) return st;
  auto offer = Receive(vhost::kGetFeatures);
  if (!offer.ok()) return offer.status();
  uint64_t offered;
  std::memcpy(&offered, offer.value().data(), 8);
  if (!(st = Send(vhost::kGetProtocolFeatures, nullptr, 0)).ok()) return st;
  auto pf = Receive(vhost::kGetProtocolFeatures);
  if (!pf.ok()) return pf.status();
  uint64_t proto = vhost::kProtocolReplyAck | vhost::kProtocolMq;
  if (!(st = Send(vhost::kSetProtocolFeatures, &proto, 8)).ok()) return st;
  if (!(st = Send(vhost::kSetOwner, nullptr, 0)).ok()) return st;
  uint64_t acked = features & offered;
  auto ack = SendAcked(vhost::kSetFeatures, &acked, 8);
  if (!ack.ok() || ack.value() != 0) return Status(EPROTO, "SET_FEATURES refused");
  vhost::MemoryTable table{};
  table.num_regions = 1;
  table.regions[0] = {kGuestBase, mem_size_, reinterpret_cast<uint64_t>(mem_), 0};
  ack = SendAcked(vhost::kSetMemTable, &table, 8 + sizeof(vhost::MemoryRegion), {memfd_});
  if (!ack.ok() || ack.value() != 0) return Status(EPROTO, "SET_MEM_TABLE refused");
  for (int q = 0; q < 2; q++) {
    std::memset(mem_ + q * kRingArea, 0, kRingArea);
    vhost::VringState num{static_cast<uint32_t>(q), queue_size};
    vhost::VringState base{static_cast<uint32_t>(q), 0};
    vhost::VringAddr addr{static_cast<uint32_t>(q), 0, reinterpret_cast<uint64_t>(Desc(q)),
                          reinterpret_cast<uint64_t>(UsedRing(q)), reinterpret_cast<uint64_t>(Avail(q)), 0};
    uint64_t qi = static_cast<uint64_t>(q);
    vhost::VringState enable{static_cast<uint32_t>(q), 1};
    for (auto [req, payload, size, fd] :
         {std::tuple<uint32_t, const void*, uint32_t, int>{vhost::kSetVringNum, &num, 8, -1},
          {vhost::kSetVringAddr, &addr, sizeof addr, -1},
          {vhost::kSetVringBase, &base, 8, -1},
          {vhost::kSetVringCall, &qi, 8, call_[q]},
          {vhost::kSetVringKick, &qi, 8, kick_[q]},
          {vhost::kSetVringEnable, &enable, 8, -1}}) {
      ack = SendAcked(req, payload, size, fd >= 0 ? std::vector<int>{fd} : std::vector<int>{});
      if (!ack.ok()) return ack.status();
      if (ack.value() != 0) return Status(EPROTO, std::string(vhost::RequestName(req)) + " refused");
    }
    avail_idx_[q] = used_seen_[q] = 0;
  }
  return Status::Ok();
}

uint64_t VhostUserTestFrontend::Alloc(size_t len, size_t align) {
  next_data_ = (next_data_ + align - 1) / align * align;
  const uint64_t gpa = kGuestBase + next_data_;
  next_data_ += len;
  return gpa;
}

void VhostUserTestFrontend::SetDesc(int q, uint16_t i, uint64_t addr, uint32_t len, uint16_t flags, uint16_t next) {
  uint8_t* d = Desc(q) + 16 * size_t{i};
  std::memcpy(d, &addr, 8);
  std::memcpy(d + 8, &len, 4);
  std::memcpy(d + 12, &flags, 2);
  std::memcpy(d + 14, &next, 2);
}

void VhostUserTestFrontend::Publish(int q, uint16_t head) {
  Store16(Avail(q) + 4 + 2 * (avail_idx_[q] % queue_size_), head);
  // used_event: ask for an interrupt on every used entry.
  Store16(Avail(q) + 4 + 2 * queue_size_, used_seen_[q]);
  PublishRawIndex(q, static_cast<uint16_t>(avail_idx_[q] + 1));
}

void VhostUserTestFrontend::PublishRawIndex(int q, uint16_t idx) {
  avail_idx_[q] = idx;
  std::atomic_thread_fence(std::memory_order_seq_cst);
  Store16(Avail(q) + 2, idx);
  const uint64_t one = 1;
  (void)!write(kick_[q], &one, sizeof one);
}

Result<VhostUserTestFrontend::Used> VhostUserTestFrontend::WaitUsed(int q, int timeout_ms) {
  for (int waited = 0;; waited++) {
    if (Load16(UsedRing(q) + 2) != used_seen_[q]) break;
    if (waited >= timeout_ms) return Status(ETIMEDOUT, "no used element");
    timespec ts{0, 1000000};
    nanosleep(&ts, nullptr);
  }
  Used u;
  const uint8_t* e = UsedRing(q) + 4 + 8 * (used_seen_[q] % queue_size_);
  std::memcpy(&u.id, e, 4);
  std::memcpy(&u.len, e + 4, 4);
  used_seen_[q]++;
  return u;
}

uint64_t VhostUserTestFrontend::Notifications(int q) {
  uint64_t v;
  if (read(call_[q], &v, sizeof v) == sizeof v) calls_[q] += v;
  return calls_[q];
}

Result<VhostUserTestFrontend::Reply> VhostUserTestFrontend::Fuse(int q, const std::vector<uint8_t>& request,
                                                                 size_t reply_cap, int split, bool indirect,
                                                                 int reply_split, bool reply_gaps) {
  ResetData();
  if (split < 1 || static_cast<size_t>(split) > request.size()) split = 1;
  struct D {
    uint64_t addr;
    uint32_t len;
    uint16_t flags;
  };
  std::vector<D> descs;
  const uint64_t req = Alloc(request.size());
  std::memcpy(Ptr(req), request.data(), request.size());
  const size_t piece = request.size() / split;
  for (int i = 0; i < split; i++) {
    const size_t off = i * piece;
    const size_t len = i == split - 1 ? request.size() - off : piece;
    descs.push_back({req + off, static_cast<uint32_t>(len), 0});
  }
  if (reply_split < 1 || reply_cap <= 16 || static_cast<size_t>(reply_split - 1) > reply_cap - 16) reply_split = 1;
  const size_t gap = reply_gaps ? 64 : 0;
  const uint64_t out = reply_cap ? Alloc(reply_cap + gap * static_cast<size_t>(reply_split)) : 0;
  std::vector<D> pieces;  // the reply space, in order
  if (reply_cap && reply_split == 1) {
    pieces.push_back({out, static_cast<uint32_t>(reply_cap), kDescWrite});
  } else if (reply_cap) {
    pieces.push_back({out, 16, kDescWrite});
    uint64_t at = out + 16 + gap;
    const size_t payload = reply_cap - 16, each = payload / static_cast<size_t>(reply_split - 1);
    for (int i = 0; i < reply_split - 1; i++) {
      const size_t len = i == reply_split - 2 ? payload - each * static_cast<size_t>(i) : each;
      pieces.push_back({at, static_cast<uint32_t>(len), kDescWrite});
      at += len + gap;
    }
  }
  for (const D& p : pieces) {
    std::memset(Ptr(p.addr), 0xee, p.len);
    descs.push_back(p);
  }
  if (indirect) {
    const uint64_t table = Alloc(16 * descs.size());
    for (size_t i = 0; i < descs.size(); i++) {
      uint8_t* d = Ptr(table) + 16 * i;
      const uint16_t flags = static_cast<uint16_t>(descs[i].flags | (i + 1 < descs.size() ? kDescNext : 0));
      const uint16_t next = static_cast<uint16_t>(i + 1);
      std::memcpy(d, &descs[i].addr, 8);
      std::memcpy(d + 8, &descs[i].len, 4);
      std::memcpy(d + 12, &flags, 2);
      std::memcpy(d + 14, &next, 2);
    }
    SetDesc(q, 0, table, static_cast<uint32_t>(16 * descs.size()), kDescIndirect, 0);
  } else {
    for (size_t i = 0; i < descs.size(); i++) {
      SetDesc(q, static_cast<uint16_t>(i), descs[i].addr, descs[i].len,
              static_cast<uint16_t>(descs[i].flags | (i + 1 < descs.size() ? kDescNext : 0)),
              static_cast<uint16_t>(i + 1));
    }
  }
  Publish(q, 0);
  auto used = WaitUsed(q);
  if (!used.ok()) return used.status();
  Reply r;
  r.used_len = used.value().len;
  for (const D& p : pieces) {
    const size_t n = std::min<size_t>(p.len, r.used_len - r.bytes.size());
    r.bytes.insert(r.bytes.end(), Ptr(p.addr), Ptr(p.addr) + n);
    if (r.bytes.size() == r.used_len) break;
  }
  return r;
}

}  // namespace nydus::transport
