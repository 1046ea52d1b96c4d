// VirtiofsSession: the FUSE server on virtio-fs queues (daemon spec §7): a VhostUserBackend
// on a Unix socket whose chains carry FUSE requests (driver-readable part: in-header and
// arguments) and receive the replies (device-writable part). Same FuseServer and Vfs as the
// /dev/fuse session; DAX mapping requests are refused. Core layer (transport).
// Thread-safety: Start/Stop/Release and the callback setters from one management thread;
// Inflight and Snapshot from any thread; HandleChain on the ring workers (one on hiprio,
// Start's count on the request queue), each with its own WorkerContext.
#pragma once

#include <array>
#include <atomic>
#include <cstdint>
#include <memory>
#include <mutex>
#include <string>
#include <vector>

#include "fuse/fuse_server.h"
#include "fuse/vfs.h"
#include "status.h"
#include "transport/fuse_session.h"
#include "transport/vhost_user_backend.h"

namespace nydus::transport {

class VirtiofsSession final : private VhostUserBackend::Device {
 public:
  struct Options {
    std::string socket_path;
    uint32_t queue_size = Virtqueue::kMaxSize;  // largest ring accepted (power of two <= 1024)
  };
  struct Metrics {
    VhostUserBackend::Metrics transport;
    uint64_t requests = 0;         // FUSE requests handed to the server
    uint64_t dax_refused = 0;      // SETUPMAPPING / REMOVEMAPPING answered EINVAL
    uint64_t short_requests = 0;   // readable part shorter than a FUSE in-header
    uint64_t oversized_requests = 0;  // readable part larger than the request buffer
    uint64_t oversized_replies = 0;   // reply larger than the writable part (error header sent)
    uint64_t no_reply_space = 0;      // not even an out-header fits: returned with used len 0
  };

  // Binds `socket_path` (any file there is removed) and prepares the queue workers' state;
  // `server` and `vfs` must outlive the session.
  static Result<std::unique_ptr<VirtiofsSession>> Listen(const Options& options, fuse::FuseServer* server,
                                                         fuse::Vfs* vfs);
  ~VirtiofsSession() override;
  VirtiofsSession(const VirtiofsSession&) = delete;
  VirtiofsSession& operator=(const VirtiofsSession&) = delete;

  // Starts accepting front-ends with `threads` workers on the request queue (they pop
  // chains in ring order and complete them in any order, as virtio-fs allows); hiprio has
  // one. EBUSY when running, EBADF after Release, EINVAL for threads outside 1..1024,
  // EBUSY when the Vfs has no reader slot left for a worker.
  Status Start(int threads);
  // Disconnects the front-end and stops accepting; the socket stays bound. Idempotent.
  void Stop();
  // Stop, close the socket and remove its file. Idempotent.
  void Release();
  bool running() const { return backend_->running(); }
  bool connected() const { return backend_->connected(); }
  const std::string& socket_path() const { return backend_->socket_path(); }

  void SetConnectCallback(VhostUserBackend::EventCallback cb) { backend_->SetConnectCallback(std::move(cb)); }
  void SetDisconnectCallback(VhostUserBackend::EventCallback cb) { backend_->SetDisconnectCallback(std::move(cb)); }
  std::vector<InflightOp> Inflight() const;
  Metrics Snapshot() const;

 private:
  struct alignas(64) Slot {
    std::atomic<uint64_t> unique{0};  // 0: idle; written last when busy, first when done
    std::atomic<uint64_t> nodeid{0};
    std::atomic<uint32_t> opcode{0};
    std::atomic<uint64_t> timestamp{0};
  };
  struct Worker {
    std::unique_ptr<fuse::WorkerContext> ctx;
    std::unique_ptr<uint64_t[]> buf;  // 8-byte aligned request copy (kRequestBufferSize)
    Slot slot;
  };

  VirtiofsSession() = default;
  uint32_t HandleChain(int queue, int worker, const DescChain& chain) override;
  // Adds workers to `queue` until it has `count`. Only while the backend is stopped.
  Status GrowWorkers(int queue, int count);

  fuse::FuseServer* server_ = nullptr;
  fuse::Vfs* vfs_ = nullptr;
  // Workers of each queue, indexed by the backend's worker number. Grown only by Start while
  // no ring runs; workers_mu_ guards the vectors against Inflight reading them meanwhile.
  mutable std::mutex workers_mu_;
  std::array<std::vector<std::unique_ptr<Worker>>, VhostUserBackend::kNumQueues> workers_;
  std::unique_ptr<VhostUserBackend> backend_;
  std::atomic<uint64_t> requests_{0}, dax_refused_{0}, short_requests_{0}, oversized_requests_{0},
      oversized_replies_{0}, no_reply_space_{0};
};

}  // namespace nydus::transport
