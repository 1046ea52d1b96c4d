// CachefilesHandler: the fscache on-demand daemon side (daemon spec §6.2-§6.6). Owns the
// /dev/cachefiles fd, binds the cache (`dir`, `tag`, `bind ondemand`) or restores a taken-over
// one (`restore`), and serves the kernel's OPEN / READ / CLOSE messages on worker threads that
// poll {device, stop eventfd}: OPEN is answered with `copen` and the object's size, READ by
// writing the range (rounded out to whole chunks and 4 KiB pages) into the object's anonymous
// fd and then CACHEFILES_IOC_READ_COMPLETE; objects come from an ObjectTable filled by the blob
// cache manager. After the copen, one background "filler" thread copies a bootstrap object
// whole and, when its source asks for it, prefetches a data blob object whole (§6.3 steps 4
// and 5). Also culls cache files (§6.6). Core layer (cachefiles).
//
// Deviation from nydusd: a malformed message is logged and skipped and the worker keeps serving
// (nydusd ends that worker's loop, leaving fewer workers for the rest of the daemon's life). A
// malformed OPEN whose header is sound is still answered (`copen <id>,-EINVAL`, its fd closed)
// and a malformed READ of a known object still completed, so no kernel request waits forever.
//
// Thread-safety: Bind/Restore/Start/Stop/Release/SetLog/SetObjectIo from one management thread
// (Set* before Start); Metrics, Cull and fd() from any thread. Lock order: objects_mu_, then
// filler_mu_; ObjectTable's lock is a leaf taken under neither.
#pragma once

#include <atomic>
#include <condition_variable>
#include <cstdint>
#include <deque>
#include <functional>
#include <map>
#include <memory>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

#include "cachefiles/object_table.h"
#include "cachefiles/protocol.h"
#include "status.h"

namespace nydus::cachefiles {

enum class LogLevel { kError, kWarn, kInfo };
const char* LogLevelName(LogLevel level);

struct HandlerMetrics {
  uint64_t messages = 0;         // messages read from the device
  uint64_t opens = 0;            // OPENs answered with a size
  uint64_t open_refused = 0;     // OPENs answered with -errno
  uint64_t closes = 0;           // CLOSEs of open objects
  uint64_t reads = 0;            // READs of open objects
  uint64_t read_bytes = 0;       // bytes written into objects for READs
  uint64_t bootstrap_bytes = 0;  // bytes written by the bootstrap copy that follows an OPEN
  uint64_t prefetch_bytes = 0;   // bytes written by data blob prefetch (not in read_bytes)
  uint64_t prefetches = 0;       // data blob objects whose prefetch reached the end
  uint64_t read_completes = 0;   // READ_COMPLETE ioctls issued
  uint64_t objects = 0;          // objects open now
  // Errors by kind.
  uint64_t malformed = 0;        // messages that failed to parse
  uint64_t unknown_object = 0;   // READ / CLOSE for an object id that is not open
  uint64_t read_errors = 0;      // READ ranges left unwritten: source or backend failures
  uint64_t write_errors = 0;     // writes into an object fd that failed
  uint64_t prefetch_errors = 0;  // data blob prefetches stopped by a source or write error
  uint64_t complete_errors = 0;  // READ_COMPLETE ioctls that failed
  uint64_t reply_errors = 0;     // commands the device refused
  uint64_t device_errors = 0;    // reads of the device that failed, or the device gone
};

class CachefilesHandler {
 public:
  using LogFn = std::function<void(LogLevel level, const std::string& message)>;
  // How object fds are written and completed; tests replace them (fake devices and memfd
  // objects have no READ_COMPLETE ioctl). Each returns 0 / bytes written, or -errno.
  struct ObjectIo {
    std::function<int(int object_fd, uint32_t msg_id)> read_complete;  // default: the ioctl
    std::function<long(int object_fd, const uint8_t* buf, size_t length, uint64_t offset)> pwrite;
  };

  // Opens `device` (normally /dev/cachefiles) read-write, non-blocking, close-on-exec.
  static Result<std::unique_ptr<CachefilesHandler>> Open(const std::string& device, std::shared_ptr<ObjectTable> table);
  // Serves an fd already open on the device (a takeover: the supervisor's copy); takes ownership
  // of it, also on failure, and makes it non-blocking and close-on-exec.
  static Result<std::unique_ptr<CachefilesHandler>> Adopt(int fd, std::shared_ptr<ObjectTable> table);
  // Stops the workers and closes the device fd and every object fd.
  ~CachefilesHandler();
  CachefilesHandler(const CachefilesHandler&) = delete;
  CachefilesHandler& operator=(const CachefilesHandler&) = delete;

  // A normal start: `dir <dir>`, `tag <tag>` unless empty, `bind ondemand`. The kernel's error
  // (e.g. EINVAL for a kernel without on-demand support, EBUSY when bound) names the command.
  Status Bind(const std::string& dir, const std::string& tag);
  // After a takeover: `restore` (the kernel re-queues requests the predecessor left unanswered).
  Status Restore();

  void SetLog(LogFn log);
  void SetObjectIo(ObjectIo io);

  // Spawns `threads` workers (1..1024) and the filler. EBUSY when running, EBADF after Release.
  Status Start(int threads);
  // Wakes and joins every thread; a message already read is handled first. Idempotent. Queued
  // bootstrap copies and prefetches are dropped (a running prefetch stops after its current
  // backend read) and a later Start does not resume them: READs still fill those objects.
  void Stop();
  bool running() const { return !workers_.empty(); }
  // For handing the connection to a supervisor or successor: stops, drops every object (closing
  // its anonymous fd, so the kernel opens it again for whoever serves next) and closes this
  // process's device fd. Idempotent; Start then fails with EBADF.
  void Release();
  int fd() const { return fd_; }

  HandlerMetrics Metrics() const;
  ObjectTable& table() { return *table_; }

  // §6.6: for every volume directory `cache/Ierofs,*` under `cache_dir` holding the cookie file
  // of `cookie_key`: `inuse D<key>` then `cull D<key>`, each written with the cookie's fan-out
  // directory as the working directory (on a thread of its own that unshares its cwd, so the
  // process's cwd never changes). EBUSY when a file is in use, the kernel's error otherwise; a
  // key with no cache file anywhere is not an error. Blocks on the device: not on the JS thread.
  Status Cull(const std::string& cache_dir, const std::string& cookie_key);

 private:
  struct Object;
  class Buffer;
  // Why a range is served: picks the byte counter; a prefetch stops early (ECANCELED) once its
  // object is closed or the handler stops, and its source errors are not READ errors.
  enum class ServeKind { kRead, kBootstrapCopy, kPrefetch };

  CachefilesHandler() = default;
  static Result<std::unique_ptr<CachefilesHandler>> Make(int fd, std::shared_ptr<ObjectTable> table);
  void Log(LogLevel level, const std::string& message) const;
  // One write() of a command; the kernel's refusal comes back as its errno.
  Status WriteCommand(const std::string& command) const;
  void Reply(const std::string& command);

  void Run();
  void FillerMain();
  // The whole bootstrap into its object, up to 3 attempts; false when the handler stopped.
  bool CopyBootstrap(const Object& object, Buffer& buf);
  // One window of a data blob prefetch from object.prefetch_pos; true when the prefetch is over
  // (the object is full, closed, the handler stops, or an error stopped it).
  bool PrefetchStep(Object& object, Buffer& buf);
  void Handle(const uint8_t* msg, size_t n, Buffer& buf);
  void HandleOpen(const MessageHeader& h, ByteView body);
  void HandleRead(const MessageHeader& h, const ReadRequest& r, Buffer& buf);
  void HandleClose(const MessageHeader& h);
  void RefuseOpen(uint32_t msg_id, int fd, int err, const std::string& why);
  void Complete(const Object& object, uint32_t msg_id);
  std::shared_ptr<Object> FindObject(uint32_t object_id) const;
  // Writes the pages covering [offset, offset + length) of `object` (whole chunks for a data
  // blob), clipped to the object's page-rounded size. `served_end`, when given, receives the end
  // of what was (or was to be) written: `offset` when there was nothing to write.
  Status Serve(const Object& object, uint64_t offset, uint64_t length, Buffer& buf, ServeKind kind,
               uint64_t* served_end = nullptr);
  Status WriteObject(const Object& object, const uint8_t* data, size_t length, uint64_t offset);

  int fd_ = -1;
  int wake_fd_ = -1;  // eventfd; readable = stop
  std::shared_ptr<ObjectTable> table_;
  LogFn log_;
  ObjectIo io_;
  std::vector<std::thread> workers_;
  std::thread filler_;
  std::atomic<bool> stopping_{false};

  mutable std::mutex objects_mu_;  // guards objects_
  std::map<uint32_t, std::shared_ptr<Object>> objects_;

  // The filler is one thread: it takes every queued bootstrap copy before the next prefetch
  // window, so a bootstrap waits for at most one window of a running prefetch; prefetches run one
  // blob after another (a large blob delays the prefetch, not the READs, of blobs opened after it).
  std::mutex filler_mu_;  // guards copy_queue_ and prefetch_queue_; filler_cv_ waits on it
  std::condition_variable filler_cv_;
  std::deque<std::shared_ptr<Object>> copy_queue_;      // bootstrap objects to copy whole
  std::deque<std::shared_ptr<Object>> prefetch_queue_;  // data blob objects to prefetch, front first

  struct Counters;
  std::unique_ptr<Counters> counters_;
};

}  // namespace nydus::cachefiles
