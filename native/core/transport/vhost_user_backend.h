// VhostUserBackend: the back-end side of the vhost-user protocol on a listening Unix socket
// (daemon spec §7). One front-end (QEMU's vhost-user-fs-pci, Cloud Hypervisor) is served at
// a time; when it goes away the rings stop, guest memory is unmapped and the next one (a VM
// reboot) is accepted. Each started ring gets worker threads (one on hiprio, Start's count on
// the request queue) that pop available chains and hand the well-formed ones to the Device;
// malformed ones are returned with used length 0 and counted. Core layer (transport).
// Thread-safety: Start/Stop/Close and the callback setters from one management thread; the
// metrics getters from any thread. Messages are handled on the listener thread; ring
// configuration changes only while that ring's worker is stopped (the call fd and the
// enable flag excepted, see Ring).
#pragma once

#include <array>
#include <atomic>
#include <cstdint>
#include <deque>
#include <functional>
#include <memory>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

#include "status.h"
#include "transport/vhost_user_memory.h"
#include "transport/vhost_user_protocol.h"
#include "transport/virtqueue.h"

namespace nydus::transport {

class VhostUserBackend {
 public:
  static constexpr int kNumQueues = 2;  // hiprio + one request queue

  // What serves the queues. HandleChain runs on worker `worker` (0..workers-1) of queue
  // `queue`: chains of one queue are handled concurrently by different workers, one at a time
  // per worker. Returns the bytes it wrote into the chain's writable part.
  class Device {
   public:
    virtual ~Device() = default;
    virtual uint32_t HandleChain(int queue, int worker, const DescChain& chain) = 0;
  };

  struct Options {
    std::string socket_path;
    uint32_t max_queue_size = Virtqueue::kMaxSize;  // largest SET_VRING_NUM accepted
  };

  struct Metrics {
    uint64_t connections = 0;
    uint64_t messages = 0;
    uint64_t message_errors = 0;  // refused or malformed messages
    std::vector<std::pair<std::string, uint64_t>> by_request;  // name -> count, non-zero only
    uint64_t chains = 0;          // chains handed to the device
    std::array<uint64_t, static_cast<int>(ChainError::kCount)> bad_chains{};
    uint64_t notifications = 0;   // call eventfd writes
    uint64_t suppressed = 0;      // used entries without a notification (EVENT_IDX / NO_INTERRUPT)
    uint64_t broken_queues = 0;
    std::vector<std::string> recent_events;  // last log lines (unknown requests, errors)
  };

  using EventCallback = std::function<void(const std::string& detail)>;

  // Removes any file at the path, binds and listens (backlog 1). EINVAL for a path longer
  // than sun_path or a bad queue size; the socket errno otherwise.
  static Result<std::unique_ptr<VhostUserBackend>> Listen(const Options& options, Device* device);
  ~VhostUserBackend();  // Close()
  VhostUserBackend(const VhostUserBackend&) = delete;
  VhostUserBackend& operator=(const VhostUserBackend&) = delete;

  // Spawns the listener thread; each request queue gets `request_workers` workers (1..1024)
  // when it starts. EBUSY when running, EBADF after Close, EINVAL for a bad count.
  Status Start(int request_workers = 1);
  // Disconnects the front-end (rings stopped, memory unmapped) and joins the listener.
  // The socket keeps listening (connections queue in the backlog). Idempotent.
  void Stop();
  // Stop, close the listening socket and remove its file. Idempotent.
  void Close();
  bool running() const { return listener_.joinable(); }
  bool connected() const { return connected_.load(); }
  const std::string& socket_path() const { return options_.socket_path; }

  // Called on the listener thread: a front-end connected / went away (not on Stop).
  void SetConnectCallback(EventCallback cb);
  void SetDisconnectCallback(EventCallback cb);
  Metrics Snapshot() const;

 private:
  // A started ring's workers each wait in their own epoll set: wake_fd, and kick_fd with
  // EPOLLEXCLUSIVE, so a kick wakes one idle worker, not all of them, and a worker never hands
  // the waiting over to another (no futex or context switch per request). Whoever holds `mu`
  // pops; chains are handled outside `mu`, so while one worker serves a slow request the next
  // kick wakes another. Lock order: mu, then call_mu.
  struct Ring {
    Virtqueue vq;                     // worker side (Pop/Push/NeedNotify/EnableNotify) under mu
    int kick_fd = -1;
    int err_fd = -1;
    int wake_fd = -1;                 // eventfd: stop request or enable change
    std::mutex mu;                    // guards vq's worker side and kick_dead
    bool kick_dead = false;           // kick_fd reported an error: wait on wake_fd only (under mu)
    std::mutex call_mu;               // guards call_fd (replaced by SET_VRING_CALL while running)
    int call_fd = -1;
    std::atomic<bool> enabled{false};
    std::atomic<bool> stop{false};
    std::vector<std::thread> workers;  // non-empty = started
    bool running() const { return !workers.empty(); }
  };
  // Holds the fds of one message; closes those not taken.
  struct Fds {
    std::array<int, vhost::kMaxFds> fd{};
    int count = 0;
    int Take(int i);
    ~Fds();
  };
  struct Outcome {
    bool ok = true;
    bool fatal = false;  // close the connection
    std::string why;
  };

  VhostUserBackend() = default;
  void Run();
  std::string Serve(int conn);
  Outcome Handle(int conn, const vhost::MsgHeader& h, const uint8_t* payload, Fds& fds);
  Outcome HandleRing(int conn, const vhost::MsgHeader& h, const uint8_t* payload, Fds& fds);
  Outcome SetMemTable(const uint8_t* payload, uint32_t size, Fds& fds);
  bool Reply(int conn, uint32_t request, const void* payload, uint32_t size);
  Status StartRing(int q);
  void StopRing(int q);
  void ResetConnectionState();
  void RunRing(int q, int worker);
  uint32_t ServeChain(int q, int worker, const DescChain& chain);
  void Signal(Ring& r);
  void Log(const std::string& line);

  Options options_;
  Device* device_ = nullptr;
  int listen_fd_ = -1;
  int stop_fd_ = -1;  // eventfd: wakes the listener
  std::thread listener_;
  std::atomic<bool> stopping_{false};
  std::atomic<bool> connected_{false};
  int request_workers_ = 1;  // set by Start while the listener is stopped

  // Connection state: listener thread only (rings: see Ring).
  uint64_t features_ = 0;
  uint64_t protocol_features_ = 0;
  bool features_set_ = false;
  int backend_req_fd_ = -1;  // kept, unused
  std::unique_ptr<GuestMemory> memory_;
  std::array<Ring, kNumQueues> rings_;

  mutable std::mutex cb_mu_;  // guards connect_cb_, disconnect_cb_
  EventCallback connect_cb_, disconnect_cb_;

  // Counters written by the listener and ring workers, read by Snapshot.
  std::atomic<uint64_t> connections_{0}, messages_{0}, message_errors_{0}, chains_{0}, notifications_{0},
      suppressed_{0}, broken_queues_{0};
  std::array<std::atomic<uint64_t>, vhost::kRequestLimit + 1> by_request_{};
  std::array<std::atomic<uint64_t>, static_cast<int>(ChainError::kCount)> bad_chains_{};
  mutable std::mutex log_mu_;  // guards log_
  std::deque<std::string> log_;
};

}  // namespace nydus::transport
