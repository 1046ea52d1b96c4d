// FuseServer: request dispatch, INIT negotiation, the write-type refusals and the one-reply
// rule. The per-node operations are in fuse_node_ops.cc. Core layer (fuse).
#include "fuse/fuse_server.h"

#include <ctime>
#include <cstring>

namespace nydus::fuse {
namespace {

uint64_t MonotonicMicros() {
  timespec ts{};
  clock_gettime(CLOCK_MONOTONIC, &ts);
  return static_cast<uint64_t>(ts.tv_sec) * 1000000u + static_cast<uint64_t>(ts.tv_nsec) / 1000u;
}

int SendReply(ReplySink& sink, uint64_t unique, int err, const FuseServer::Outcome& out) {
  fuse_out_header h{};
  h.unique = unique;
  h.error = -err;
  iovec iov[3];
  int n = 1;
  iov[0] = {&h, sizeof h};
  if (err == 0) {
    if (out.alen) iov[n++] = {const_cast<void*>(out.a), out.alen};
    if (out.blen) iov[n++] = {const_cast<void*>(out.b), out.blen};
  }
  size_t len = 0;
  for (int i = 0; i < n; i++) len += iov[i].iov_len;
  h.len = static_cast<uint32_t>(len);
  return sink.Write(iov, n);
}

bool IsWriteOp(uint32_t opcode) {
  switch (opcode) {
    case FUSE_SETATTR:
    case FUSE_SYMLINK:
    case FUSE_MKNOD:
    case FUSE_MKDIR:
    case FUSE_UNLINK:
    case FUSE_RMDIR:
    case FUSE_RENAME:
    case FUSE_LINK:
    case FUSE_WRITE:
    case FUSE_SETXATTR:
    case FUSE_REMOVEXATTR:
    case FUSE_CREATE:
    case FUSE_FALLOCATE:
    case FUSE_RENAME2:
    case FUSE_COPY_FILE_RANGE:
    case FUSE_TMPFILE:
      return true;
    default:
      return false;
  }
}

}  // namespace

WorkerContext::WorkerContext(Vfs& vfs)
    : vfs_(vfs), out_(new uint8_t[kReplyBufferSize]), reader_slot_(vfs.ClaimReader()) {}

WorkerContext::~WorkerContext() { vfs_.ReleaseReader(reader_slot_); }

FuseServer::FuseServer(Vfs* vfs, ServerOptions options) : vfs_(vfs), options_(options) {}

std::optional<NegotiatedInit> FuseServer::negotiated() const {
  if (!initialized()) return std::nullopt;
  std::lock_guard<std::mutex> lock(init_mu_);
  return init_;
}

void FuseServer::SetNegotiated(const NegotiatedInit& init) {
  {
    std::lock_guard<std::mutex> lock(init_mu_);
    init_ = init;
  }
  no_open_.store(options_.no_open && (init.flags & FUSE_NO_OPEN_SUPPORT) != 0, std::memory_order_relaxed);
  no_opendir_.store(options_.no_opendir && (init.flags & FUSE_NO_OPENDIR_SUPPORT) != 0, std::memory_order_relaxed);
  initialized_.store(true, std::memory_order_release);
}

int FuseServer::DoInit(const Request& r, WorkerContext& ctx, Outcome* out) {
  // fuse_init_in grew over time; the first four words are always there.
  if (r.body_len < 16) return EINVAL;
  fuse_init_in in{};
  std::memcpy(&in, r.body, std::min(r.body_len, sizeof in));
  auto* reply = reinterpret_cast<fuse_init_out*>(ctx.out());
  std::memset(reply, 0, sizeof *reply);
  out->a = reply;
  out->alen = sizeof *reply;
  if (in.major < kProtocolMajor) return EPROTO;
  reply->major = kProtocolMajor;
  reply->minor = kProtocolMinor;
  if (in.major > kProtocolMajor) return 0;  // counter-offer; the kernel sends INIT again

  uint32_t flags = in.flags & kOfferedFlags;
  if (!options_.no_open) flags &= ~FUSE_NO_OPEN_SUPPORT;
  if (options_.no_open) flags &= ~FUSE_ATOMIC_O_TRUNC;
  if (!options_.no_opendir) flags &= ~FUSE_NO_OPENDIR_SUPPORT;
  if (!options_.killpriv_v2) flags &= ~FUSE_HANDLE_KILLPRIV_V2;
  NegotiatedInit init;
  init.major = kProtocolMajor;
  init.minor = kProtocolMinor;
  init.flags = flags;
  init.max_readahead = in.max_readahead;
  init.max_background = kMaxBackground;
  init.congestion_threshold = kCongestionThreshold;
  init.max_write = (flags & FUSE_BIG_WRITES) ? kMaxWrite : 4096;
  init.max_pages = (flags & FUSE_MAX_PAGES) ? kMaxPages : 0;
  init.time_gran = 1;
  init.kernel_major = in.major;
  init.kernel_minor = in.minor;
  init.kernel_flags = in.flags;
  reply->max_readahead = init.max_readahead;
  reply->flags = init.flags;
  reply->max_background = init.max_background;
  reply->congestion_threshold = init.congestion_threshold;
  reply->max_write = init.max_write;
  reply->time_gran = init.time_gran;
  reply->max_pages = init.max_pages;
  SetNegotiated(init);
  return 0;
}

int FuseServer::DoForget(const Request& r, Outcome* out, bool batch) {
  // Node ids are pure functions of (index, inode): nothing to release.
  out->no_reply = true;
  uint64_t nodeid = r.header->nodeid;
  if (batch) {
    const auto* in = r.Arg<fuse_batch_forget_in>();
    if (!in || in->count == 0 || r.body_len < sizeof *in + sizeof(fuse_forget_one)) return 0;
    nodeid = reinterpret_cast<const fuse_forget_one*>(r.body + sizeof *in)->nodeid;
  }
  auto node = vfs_->Resolve(nodeid);
  if (node.ok() && node.value().backend) {
    out->backend = node.value().backend;
    out->ino = node.value().ino;
  }
  return 0;
}

int FuseServer::Dispatch(const Request& r, WorkerContext& ctx, Outcome* out) {
  const uint32_t opcode = r.header->opcode;
  if (opcode == FUSE_INIT) return DoInit(r, ctx, out);
  if (!initialized()) return EIO;
  switch (opcode) {
    case FUSE_LOOKUP: return DoLookup(r, ctx, out);
    case FUSE_FORGET: return DoForget(r, out, false);
    case FUSE_BATCH_FORGET: return DoForget(r, out, true);
    case FUSE_GETATTR: return DoGetAttr(r, ctx, out);
    case FUSE_READLINK: return DoReadLink(r, ctx, out);
    case FUSE_OPEN: return DoOpen(r, ctx, out, false);
    case FUSE_OPENDIR: return DoOpen(r, ctx, out, true);
    case FUSE_READ: return DoRead(r, ctx, out);
    case FUSE_READDIR: return DoReadDir(r, ctx, out, false);
    case FUSE_READDIRPLUS: return DoReadDir(r, ctx, out, true);
    case FUSE_RELEASE:
    case FUSE_RELEASEDIR: {
      auto node = vfs_->Resolve(r.header->nodeid);
      if (node.ok() && node.value().backend) {
        out->backend = node.value().backend;
        out->ino = node.value().ino;
        if (opcode == FUSE_RELEASE) out->backend->metrics->AddOpens(-1);
      }
      return 0;
    }
    case FUSE_STATFS: return DoStatFs(r, ctx, out);
    case FUSE_GETXATTR: return DoGetXattr(r, ctx, out);
    case FUSE_LISTXATTR: return DoListXattr(r, ctx, out);
    case FUSE_ACCESS: return DoAccess(r, ctx, out);
    case FUSE_LSEEK: return DoLseek(r, ctx, out);
    // Nothing to flush on a read-only image. ENOSYS (as nydusd's RAFS answers) makes the kernel
    // stop sending FLUSH on this connection; answering 0 cost every close() a round trip.
    case FUSE_FLUSH: return ENOSYS;
    case FUSE_INTERRUPT:
    case FUSE_NOTIFY_REPLY:
      // Requests are answered promptly; an interrupt has nothing to cancel.
      out->no_reply = true;
      return 0;
    case FUSE_DESTROY: return 0;
    default: return IsWriteOp(opcode) ? EROFS : ENOSYS;
  }
}

int FuseServer::Handle(const uint8_t* buf, size_t len, WorkerContext& ctx, ReplySink& sink) {
  auto parsed = Request::Parse(buf, len);
  if (!parsed) {
    // A request too short to carry its own header cannot be answered meaningfully.
    if (len < sizeof(fuse_in_header)) return 0;
    Outcome none;
    return SendReply(sink, reinterpret_cast<const fuse_in_header*>(buf)->unique, EIO, none);
  }
  const Request& r = *parsed;
  const uint32_t opcode = r.header->opcode;
  Outcome out;
  int err;
  const int fop = FopOf(opcode);
  {
    Vfs::ReadSection section(*vfs_, ctx.reader_slot());
    if (opcode == FUSE_READ) {
      const uint64_t start = MonotonicMicros();
      if (const auto* in = r.Arg<fuse_read_in>()) out.read_into = sink.PayloadBuffer(std::min<size_t>(in->size, kReplyBufferSize));
      err = DoRead(r, ctx, &out);
      if (out.backend) {
        const auto* in = r.Arg<fuse_read_in>();
        out.backend->metrics->RecordRead(out.ino, in ? in->size : 0, err == 0 ? out.alen : 0, err == 0,
                                         MonotonicMicros() - start);
      }
    } else {
      err = Dispatch(r, ctx, &out);
      if (out.backend && fop != kFopNone) out.backend->metrics->RecordFop(fop, out.ino, err == 0);
    }
    // Reply inside the section: a detach's invalidations are then written after this
    // reply, so the kernel never caches an answer from the old tree past its invalidation.
    if (out.no_reply) return 0;
    return SendReply(sink, r.header->unique, err, out);
  }
}

}  // namespace nydus::fuse
