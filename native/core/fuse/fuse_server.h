// FuseServer: decodes one FUSE request, runs the operation against the Vfs and sends exactly
// one reply (none for FORGET, BATCH_FORGET, INTERRUPT). Read-only: write-type operations get
// EROFS, unknown ones ENOSYS. Core layer (fuse), independent of how requests are transported.
// Thread-safety: Handle runs on many workers at once, each with its own WorkerContext; the
// request path takes no lock (pseudo directories aside) and allocates only inside the RAFS
// reader. INIT state is published once and read with acquire loads.
#pragma once

#include <sys/uio.h>

#include <atomic>
#include <cstdint>
#include <memory>
#include <mutex>
#include <optional>

#include "fuse/fuse_abi.h"
#include "fuse/fuse_codec.h"
#include "fuse/vfs.h"

namespace nydus::fuse {

// Where replies go (a /dev/fuse fd, or a test buffer). Returns 0 or -errno.
class ReplySink {
 public:
  virtual ~ReplySink() = default;
  virtual int Write(const iovec* iov, int count) = 0;
  // Where a reply's payload of `len` bytes (the bytes right after its fuse_out_header) will land,
  // when that is one contiguous buffer the server may fill in place before calling Write with
  // that same pointer (the virtio-fs sink: the guest's own buffers). nullptr: no such buffer.
  virtual uint8_t* PayloadBuffer(size_t /*len*/) { return nullptr; }
};

struct ServerOptions {
  // 'rafs' flavour: answer OPEN / OPENDIR with ENOSYS when the kernel supports zero-message
  // open, so it stops sending them (daemon spec §4.3). 'passthrough': answer with KEEP_CACHE.
  bool no_open = true;
  bool no_opendir = true;
  bool killpriv_v2 = false;
};

// Per-worker state: the reply payload buffer and the worker's Vfs reader slot.
class WorkerContext {
 public:
  explicit WorkerContext(Vfs& vfs);
  ~WorkerContext();
  WorkerContext(const WorkerContext&) = delete;
  WorkerContext& operator=(const WorkerContext&) = delete;

  bool ok() const { return reader_slot_ >= 0; }
  uint8_t* out() { return out_.get(); }
  int reader_slot() const { return reader_slot_; }

 private:
  Vfs& vfs_;
  std::unique_ptr<uint8_t[]> out_;
  int reader_slot_;
};

class FuseServer {
 public:
  FuseServer(Vfs* vfs, ServerOptions options);

  // Handles the request in `buf` (`len` bytes, as read from /dev/fuse, 8-byte aligned).
  // Returns the reply write's result (0, or -errno); 0 when the opcode takes no reply.
  int Handle(const uint8_t* buf, size_t len, WorkerContext& ctx, ReplySink& sink);

  bool initialized() const { return initialized_.load(std::memory_order_acquire); }
  std::optional<NegotiatedInit> negotiated() const;
  // A successor serving an already negotiated session (takeover) starts from this.
  void SetNegotiated(const NegotiatedInit& init);
  const ServerOptions& options() const { return options_; }

  // What one operation produced: up to two payload pieces, and the backend inode to
  // account it to (metrics).
  struct Outcome {
    const void* a = nullptr;
    size_t alen = 0;
    const void* b = nullptr;
    size_t blen = 0;
    const Backend* backend = nullptr;
    uint64_t ino = 0;
    bool no_reply = false;
    uint8_t* read_into = nullptr;  // READ: the sink's payload buffer, filled in place (else ctx.out())
  };

 private:
  int DoInit(const Request& r, WorkerContext& ctx, Outcome* out);
  int DoLookup(const Request& r, WorkerContext& ctx, Outcome* out);
  int DoGetAttr(const Request& r, WorkerContext& ctx, Outcome* out);
  int DoReadLink(const Request& r, WorkerContext& ctx, Outcome* out);
  int DoOpen(const Request& r, WorkerContext& ctx, Outcome* out, bool dir);
  int DoRead(const Request& r, WorkerContext& ctx, Outcome* out);
  int DoReadDir(const Request& r, WorkerContext& ctx, Outcome* out, bool plus);
  int DoStatFs(const Request& r, WorkerContext& ctx, Outcome* out);
  int DoGetXattr(const Request& r, WorkerContext& ctx, Outcome* out);
  int DoListXattr(const Request& r, WorkerContext& ctx, Outcome* out);
  int DoAccess(const Request& r, WorkerContext& ctx, Outcome* out);
  int DoLseek(const Request& r, WorkerContext& ctx, Outcome* out);
  int DoForget(const Request& r, Outcome* out, bool batch);
  int Dispatch(const Request& r, WorkerContext& ctx, Outcome* out);

  Vfs* vfs_;
  const ServerOptions options_;
  std::atomic<bool> initialized_{false};
  std::atomic<bool> no_open_{false};     // OPEN answered with ENOSYS (negotiated zero-message open)
  std::atomic<bool> no_opendir_{false};
  mutable std::mutex init_mu_;  // guards init_ (written once per INIT, read by management calls)
  NegotiatedInit init_;
};

}  // namespace nydus::fuse
