// FuseSession: one mounted /dev/fuse connection and its worker threads (daemon spec §3.3,
// §4.5 in-flight slots, §4.6). Workers poll {wake eventfd, fuse fd}, read one request,
// have the FuseServer answer it, and report a vanished connection once through the closed
// callback. It also writes the Vfs's cache invalidations. Core layer (transport).
// Thread-safety: Start/Stop/Unmount/SetClosedCallback from one management thread;
// Inflight and the Notifier methods from any thread.
#pragma once

#include <atomic>
#include <cstdint>
#include <functional>
#include <memory>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

#include "fuse/fuse_server.h"
#include "fuse/vfs.h"
#include "status.h"
#include "transport/fuse_mount.h"

namespace nydus::transport {

struct InflightOp {
  uint64_t inode = 0;  // FUSE nodeid
  uint32_t opcode = 0;
  uint64_t unique = 0;
  uint64_t timestamp_secs = 0;
};

class FuseSession final : public fuse::Notifier {
 public:
  using ClosedCallback = std::function<void(const std::string& reason)>;

  // Mounts (MountFuse) and binds the session to `server` and its Vfs (both must outlive it).
  static Result<std::unique_ptr<FuseSession>> Mount(const MountOptions& options, fuse::FuseServer* server,
                                                    fuse::Vfs* vfs);
  // Serves a connection that is already mounted (takeover, daemon spec §5.5): `fd` is a
  // /dev/fuse fd of that connection (e.g. received from the supervisor); the session takes
  // ownership of it (also on failure) and makes it O_NONBLOCK. Nothing is mounted and the
  // mountpoint is never touched (a stat there would wait for these very workers). The
  // server should already be SetNegotiated. Cache notifications stay off until the first
  // Start, so restoring the Vfs never writes to the kernel while nobody serves it (an
  // invalidation can wait for a lookup that only the workers can answer). EINVAL when `fd`
  // is not /dev/fuse.
  static Result<std::unique_ptr<FuseSession>> Adopt(int fd, const std::string& mountpoint, uint64_t connection_id,
                                                    fuse::FuseServer* server, fuse::Vfs* vfs);
  // Stops the workers and closes the fd; never unmounts (a successor may hold the fd).
  ~FuseSession() override;
  FuseSession(const FuseSession&) = delete;
  FuseSession& operator=(const FuseSession&) = delete;

  int fd() const { return fd_; }
  const std::string& mountpoint() const { return mountpoint_; }
  uint64_t connection_id() const { return connection_id_; }

  // Spawns `threads` workers. EBUSY when already running, EBADF after Unmount.
  Status Start(int threads);
  // Wakes and joins the workers; a request already read is answered first. Idempotent.
  void Stop();
  // Unless the connection is already gone: umount2(MNT_DETACH) (fusermount3 fallback).
  // Then closes the fd and stops the workers. Idempotent.
  Status Unmount();
  bool running() const { return !workers_.empty(); }
  // Stops the workers and closes this process's fd without unmounting: the connection lives
  // on while another fd (the supervisor's copy, a successor's) refers to it. Afterwards the
  // session behaves as unmounted (Start: EBADF, Unmount: no-op). Idempotent.
  void Release();

  // Failover policy (daemon spec §5.6), run after Adopt and before Start.
  enum class FailoverPolicy { kNone, kResend, kFlush };
  struct FailoverResult {
    bool ok = true;
    std::string detail;
  };
  // kResend: writes FUSE_NOTIFY_RESEND (a bare out header {16, 7, 0}) to the fd, else "1" to
  // <base>/<conn>/resend; kFlush: "1" to <base>/<conn>/flush. `bases` are tried in order
  // (first existing control file wins); default /proc/sys/fs/fuse/connections, then
  // /sys/fs/fuse/connections. Never throws; failures come back in the result.
  FailoverResult Failover(FailoverPolicy policy, const std::vector<std::string>& bases = {});
  // Runs at most once, on a worker thread, when the connection vanishes outside Stop/Unmount.
  void SetClosedCallback(ClosedCallback cb);
  std::vector<InflightOp> Inflight() const;

  // fuse::Notifier: best effort, only once INIT was answered; failures are ignored.
  void InvalInode(uint64_t nodeid) override;
  void InvalEntry(uint64_t parent, const std::string& name) override;

 private:
  struct alignas(64) Slot {
    std::atomic<uint64_t> unique{0};  // 0: idle; written last when busy, first when done
    std::atomic<uint64_t> nodeid{0};
    std::atomic<uint32_t> opcode{0};
    std::atomic<uint64_t> timestamp{0};
  };

  FuseSession() = default;
  void Run(int index);
  void ConnectionGone(const std::string& reason);
  void WriteNotify(const uint8_t* msg, size_t len);

  fuse::FuseServer* server_ = nullptr;
  fuse::Vfs* vfs_ = nullptr;
  int fd_ = -1;
  int wake_fd_ = -1;  // eventfd; readable = stop
  std::string mountpoint_;
  uint64_t connection_id_ = 0;
  std::vector<std::thread> workers_;
  std::vector<std::unique_ptr<Slot>> slots_;  // one per worker; fixed while workers run
  std::atomic<bool> stopping_{false};
  std::atomic<bool> closed_reported_{false};
  std::atomic<bool> notify_enabled_{true};  // false from Adopt until the first Start
  std::mutex cb_mu_;  // guards closed_cb_ (set by the management thread, read by a worker)
  ClosedCallback closed_cb_;
};

}  // namespace nydus::transport
