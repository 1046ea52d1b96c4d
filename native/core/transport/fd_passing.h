// State + fd transfer over the supervisor's Unix stream socket (daemon spec §5.2): one
// connection per transfer, no framing, no handshake; exactly one fd rides SCM_RIGHTS on the
// first message, the rest of the bytes follow as plain stream data until EOF. Both roles:
// nydusd connects (SendStateFd / ReceiveStateFd), the supervisor listens (StateListener).
// Core layer (transport). Every call blocks the calling thread (up to its timeout): run them
// off any event loop. Functions are thread-safe; a StateListener may be closed from any
// thread while another thread waits in Receive/Send (the wait then fails with ECANCELED).
#pragma once

#include <cstddef>
#include <cstdint>
#include <memory>
#include <mutex>
#include <string>
#include <vector>

#include "status.h"

namespace nydus::transport {

// Limits of the first recvmsg on the nydusd side (§5.2 restore step 2).
constexpr size_t kTakeoverFirstRead = 32 * 1024;
constexpr size_t kTakeoverMaxFds = 16;
// The supervisor's read sizes (§5.2 save step 3).
constexpr size_t kSupervisorRead = 256 * 1024;
constexpr size_t kSupervisorMaxFds = 64;

struct ReceivedState {
  std::vector<uint8_t> state;
  int fd = -1;           // the first fd of the first control message; O_CLOEXEC; caller owns it
  size_t extra_fds = 0;  // further fds received (already closed)
};

// Sends `len` bytes (len > 0: a stream socket cannot carry an fd without data) on the
// connected stream socket `sock` with `fd` attached to the first sendmsg; a partial first
// send is completed with plain sends. `deadline_ms` is CLOCK_MONOTONIC milliseconds
// (ETIMEDOUT). Works for blocking and non-blocking sockets.
Status SendWithFd(int sock, const uint8_t* data, size_t len, int fd, int64_t deadline_ms);
// Reads until EOF: the first recvmsg takes up to `first_read` bytes and `max_fds` fds, later
// ones up to `read_size` bytes (fds arriving later are closed). EPROTO when no fd came.
Result<ReceivedState> ReceiveWithFd(int sock, size_t first_read, size_t max_fds, size_t read_size,
                                    int64_t deadline_ms);

// nydusd, save ("sendfd"): connect to `socket_path`, SendWithFd, close.
// ENOENT / ECONNREFUSED when nobody listens; ETIMEDOUT after `timeout_ms`.
Status SendStateFd(const std::string& socket_path, const uint8_t* data, size_t len, int fd, int timeout_ms);
// nydusd, restore ("takeover"): connect, ReceiveWithFd(32 KiB, 16 fds), close.
Result<ReceivedState> ReceiveStateFd(const std::string& socket_path, int timeout_ms);

int64_t MonotonicMillis();

// The supervisor's side: a listening socket at a path.
class StateListener {
 public:
  // Removes a stale socket file at `path` (not another kind of file: EEXIST), binds, listens.
  static Result<std::shared_ptr<StateListener>> Listen(const std::string& path);
  ~StateListener();
  StateListener(const StateListener&) = delete;
  StateListener& operator=(const StateListener&) = delete;

  const std::string& path() const { return path_; }
  // Accepts one connection within `timeout_ms` (ETIMEDOUT) and reads it until EOF with the
  // supervisor's buffer sizes; keeps the first fd of the first control message.
  Result<ReceivedState> Receive(int timeout_ms);
  // Accepts one connection within `timeout_ms` and sends `data` with `fd` attached (the kernel
  // passes a duplicate; the caller keeps `fd`), then closes the connection.
  Status Send(const uint8_t* data, size_t len, int fd, int timeout_ms);
  // Stops listening: closes the socket (at once, or when the pending Receive/Send returns)
  // and unlinks the path if it is still this listener's socket. Idempotent.
  void Close();
  bool closed() const;

 private:
  StateListener() = default;
  // A connected socket accepted before `deadline_ms`; EBADF once closed, ECANCELED when closed meanwhile.
  Result<int> Accept(int64_t deadline_ms);
  void CloseFdsLocked();

  mutable std::mutex mu_;
  std::string path_;
  int listen_fd_ = -1;
  int wake_fd_ = -1;  // eventfd, readable once Close() was called
  bool closed_ = false;
  int users_ = 0;     // Accept calls in progress (they poll listen_fd_)
  uint64_t path_dev_ = 0, path_ino_ = 0;  // identity of the socket file we created
};

}  // namespace nydus::transport
