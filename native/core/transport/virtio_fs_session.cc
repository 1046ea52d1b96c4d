// VirtiofsSession: FUSE requests gathered from descriptor chains, replies scattered back,
// in-flight slots and the session's counters. Core layer (transport).
#include "transport/virtio_fs_session.h"

#include <cerrno>
#include <cstring>
#include <ctime>

namespace nydus::transport {
namespace {

// Scatters one reply into a chain's device-writable buffers. The guest sized them from the
// request, so a reply that does not fit is a server bug: it becomes an EINVAL out-header
// rather than a truncated message.
class ChainSink final : public fuse::ReplySink {
 public:
  explicit ChainSink(const DescChain& chain) : chain_(chain) {}

  int Write(const iovec* iov, int count) override {
    size_t total = 0;
    for (int i = 0; i < count; i++) total += iov[i].iov_len;
    if (chain_.writable_len < sizeof(fuse_out_header) || count < 1 || iov[0].iov_len < sizeof(fuse_out_header)) {
      no_space = true;
      return -ENOSPC;
    }
    if (total > chain_.writable_len) {
      oversized = true;
      fuse_out_header h;
      std::memcpy(&h, iov[0].iov_base, sizeof h);
      h.len = sizeof h;
      h.error = -EINVAL;
      const iovec err{&h, sizeof h};
      Scatter(&err, 1);
      return -EINVAL;
    }
    Scatter(iov, count);
    return 0;
  }

  // The payload's place when the writable buffers hold it contiguously right after the header
  // (guest pages that happen to be adjacent count as one): READ then fills guest memory directly.
  uint8_t* PayloadBuffer(size_t len) override {
    if (len == 0 || chain_.writable_len < sizeof(fuse_out_header) + len) return nullptr;
    size_t di = 0, skip = sizeof(fuse_out_header);
    while (di < chain_.writable.size() && skip >= chain_.writable[di].iov_len) skip -= chain_.writable[di++].iov_len;
    if (di == chain_.writable.size()) return nullptr;
    uint8_t* start = static_cast<uint8_t*>(chain_.writable[di].iov_base) + skip;
    uint8_t* end = static_cast<uint8_t*>(chain_.writable[di].iov_base) + chain_.writable[di].iov_len;
    while (static_cast<size_t>(end - start) < len && ++di < chain_.writable.size() &&
           chain_.writable[di].iov_base == end) {
      end += chain_.writable[di].iov_len;
    }
    return static_cast<size_t>(end - start) >= len ? start : nullptr;
  }

  uint32_t written = 0;
  bool oversized = false;
  bool no_space = false;

 private:
  void Scatter(const iovec* iov, int count) {
    size_t di = 0, doff = 0;
    for (int i = 0; i < count; i++) {
      const auto* src = static_cast<const uint8_t*>(iov[i].iov_base);
      size_t left = iov[i].iov_len;
      while (left > 0 && di < chain_.writable.size()) {
        const iovec& d = chain_.writable[di];
        const size_t n = std::min(left, d.iov_len - doff);
        uint8_t* dst = static_cast<uint8_t*>(d.iov_base) + doff;
        if (dst != src) std::memcpy(dst, src, n);  // equal: filled in place (PayloadBuffer)
        src += n;
        left -= n;
        doff += n;
        written += static_cast<uint32_t>(n);
        if (doff == d.iov_len) {
          di++;
          doff = 0;
        }
      }
    }
  }

  const DescChain& chain_;
};

// Copies up to `cap` bytes of the chain's readable part into `dst`; returns the count.
size_t Gather(const DescChain& chain, uint8_t* dst, size_t cap) {
  size_t done = 0;
  for (const iovec& s : chain.readable) {
    const size_t n = std::min(cap - done, s.iov_len);
    std::memcpy(dst + done, s.iov_base, n);
    done += n;
    if (done == cap) break;
  }
  return done;
}

}  // namespace

Result<std::unique_ptr<VirtiofsSession>> VirtiofsSession::Listen(const Options& options, fuse::FuseServer* server,
                                                                 fuse::Vfs* vfs) {
  std::unique_ptr<VirtiofsSession> s(new VirtiofsSession());
  s->server_ = server;
  s->vfs_ = vfs;
  for (int q = 0; q < VhostUserBackend::kNumQueues; q++) {
    Status st = s->GrowWorkers(q, 1);
    if (!st.ok()) return st;
  }
  VhostUserBackend::Options bo;
  bo.socket_path = options.socket_path;
  bo.max_queue_size = options.queue_size;
  auto backend = VhostUserBackend::Listen(bo, s.get());
  if (!backend.ok()) return backend.status();
  s->backend_ = std::move(backend).value();
  return s;
}

VirtiofsSession::~VirtiofsSession() {
  if (backend_) backend_->Close();  // joins the ring workers before the contexts go
}

Status VirtiofsSession::GrowWorkers(int queue, int count) {
  std::lock_guard<std::mutex> lock(workers_mu_);
  auto& ws = workers_[queue];
  while (static_cast<int>(ws.size()) < count) {
    auto w = std::make_unique<Worker>();
    w->ctx = std::make_unique<fuse::WorkerContext>(*vfs_);
    if (!w->ctx->ok()) return Status(EBUSY, "no free VFS reader slot for a virtio-fs queue worker");
    w->buf.reset(new uint64_t[fuse::kRequestBufferSize / 8]);
    ws.push_back(std::move(w));
  }
  return Status::Ok();
}

Status VirtiofsSession::Start(int threads) {
  if (threads < 1 || threads > 1024) return Status(EINVAL, "thread count must be 1..1024");
  if (backend_->running()) return Status(EBUSY, "the vhost-user listener is already running");
  Status st = GrowWorkers(1, threads);
  if (!st.ok()) return st;
  return backend_->Start(threads);
}

void VirtiofsSession::Stop() { backend_->Stop(); }

void VirtiofsSession::Release() { backend_->Close(); }

uint32_t VirtiofsSession::HandleChain(int queue, int worker, const DescChain& chain) {
  Worker& w = *workers_[queue][worker];  // sized by Start before the rings run
  uint8_t* buf = reinterpret_cast<uint8_t*>(w.buf.get());
  ChainSink sink(chain);
  if (chain.readable_len < sizeof(fuse_in_header)) {
    short_requests_++;
    return 0;
  }
  const size_t len = Gather(chain, buf, fuse::kRequestBufferSize);
  auto* h = reinterpret_cast<fuse_in_header*>(buf);
  Slot& slot = w.slot;
  slot.nodeid.store(h->nodeid, std::memory_order_relaxed);
  slot.opcode.store(h->opcode, std::memory_order_relaxed);
  slot.timestamp.store(static_cast<uint64_t>(std::time(nullptr)), std::memory_order_relaxed);
  slot.unique.store(h->unique, std::memory_order_release);
  requests_++;
  fuse_out_header err{};
  err.len = sizeof err;
  err.unique = h->unique;
  const iovec err_iov{&err, sizeof err};
  if (chain.readable_len > fuse::kRequestBufferSize) {
    oversized_requests_++;
    err.error = -EINVAL;
    (void)sink.Write(&err_iov, 1);
  } else if (h->opcode == FUSE_SETUPMAPPING || h->opcode == FUSE_REMOVEMAPPING) {
    // daemon spec §7: no DAX cache window.
    dax_refused_++;
    err.error = -EINVAL;
    (void)sink.Write(&err_iov, 1);
  } else {
    (void)server_->Handle(buf, len, *w.ctx, sink);
  }
  slot.unique.store(0, std::memory_order_release);
  if (sink.oversized) oversized_replies_++;
  if (sink.no_space) no_reply_space_++;
  return sink.written;
}

std::vector<InflightOp> VirtiofsSession::Inflight() const {
  std::vector<InflightOp> out;
  std::lock_guard<std::mutex> lock(workers_mu_);
  for (const auto& ws : workers_) {
    for (const auto& w : ws) {
      const Slot& s = w->slot;
      const uint64_t unique = s.unique.load(std::memory_order_acquire);
      if (unique == 0) continue;
      InflightOp op;
      op.inode = s.nodeid.load(std::memory_order_relaxed);
      op.opcode = s.opcode.load(std::memory_order_relaxed);
      op.timestamp_secs = s.timestamp.load(std::memory_order_relaxed);
      op.unique = unique;
      if (s.unique.load(std::memory_order_acquire) != unique) continue;  // moved on meanwhile
      out.push_back(op);
    }
  }
  return out;
}

VirtiofsSession::Metrics VirtiofsSession::Snapshot() const {
  Metrics m;
  m.transport = backend_->Snapshot();
  m.requests = requests_.load();
  m.dax_refused = dax_refused_.load();
  m.short_requests = short_requests_.load();
  m.oversized_requests = oversized_requests_.load();
  m.oversized_replies = oversized_replies_.load();
  m.no_reply_space = no_reply_space_.load();
  return m;
}

}  // namespace nydus::transport
