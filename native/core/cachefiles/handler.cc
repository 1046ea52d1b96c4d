// CachefilesHandler: device set-up, the worker loop, commands, stop/release and culling.
// The message handlers are in handler_ops.cc. Core layer (cachefiles).
#include "cachefiles/handler.h"

#include <dirent.h>
#include <fcntl.h>
#include <poll.h>
#include <sched.h>
#include <sys/eventfd.h>
#include <sys/ioctl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cstring>

#include "cachefiles/cookie_path.h"
#include "cachefiles/handler_internal.h"

namespace nydus::cachefiles {

const char* LogLevelName(LogLevel level) {
  switch (level) {
    case LogLevel::kError:
      return "error";
    case LogLevel::kWarn:
      return "warn";
    case LogLevel::kInfo:
      return "info";
  }
  return "info";
}

Result<std::unique_ptr<CachefilesHandler>> CachefilesHandler::Open(const std::string& device,
                                                                   std::shared_ptr<ObjectTable> table) {
  const int fd = open(device.c_str(), O_RDWR | O_NONBLOCK | O_CLOEXEC);
  if (fd < 0) {
    const int err = errno;
    std::string why = std::strerror(err);
    if (err == ENOENT) why += " (is the kernel built with CONFIG_CACHEFILES?)";
    if (err == EBUSY) why += " (another daemon, or a supervisor, holds the cache)";
    return Status(err, "open " + device + ": " + why);
  }
  return Make(fd, std::move(table));
}

Result<std::unique_ptr<CachefilesHandler>> CachefilesHandler::Adopt(int fd, std::shared_ptr<ObjectTable> table) {
  struct stat st {};
  if (fd < 0 || fstat(fd, &st) != 0) {
    const int err = fd < 0 ? EBADF : errno;
    if (fd >= 0) close(fd);
    return Status(err, "cachefiles fd " + std::to_string(fd) + " to adopt is not open");
  }
  const int fl = fcntl(fd, F_GETFL);
  if (fl < 0 || fcntl(fd, F_SETFL, fl | O_NONBLOCK) != 0 || fcntl(fd, F_SETFD, FD_CLOEXEC) != 0) {
    const int err = errno;
    close(fd);
    return Status(err, std::string("fcntl on the adopted cachefiles fd: ") + std::strerror(err));
  }
  return Make(fd, std::move(table));
}

Result<std::unique_ptr<CachefilesHandler>> CachefilesHandler::Make(int fd, std::shared_ptr<ObjectTable> table) {
  std::unique_ptr<CachefilesHandler> h(new CachefilesHandler());
  h->fd_ = fd;
  h->table_ = table ? std::move(table) : std::make_shared<ObjectTable>();
  h->counters_ = std::make_unique<Counters>();
  h->io_.read_complete = [](int object_fd, uint32_t msg_id) {
    return ioctl(object_fd, kIocReadComplete, static_cast<unsigned long>(msg_id)) == 0 ? 0 : -errno;
  };
  h->io_.pwrite = [](int object_fd, const uint8_t* buf, size_t length, uint64_t offset) -> long {
    const ssize_t n = pwrite(object_fd, buf, length, static_cast<off_t>(offset));
    return n >= 0 ? static_cast<long>(n) : -errno;
  };
  h->wake_fd_ = eventfd(0, EFD_CLOEXEC | EFD_NONBLOCK);
  if (h->wake_fd_ < 0) {
    const int err = errno;
    return Status(err, std::string("eventfd: ") + std::strerror(err));  // the destructor closes fd
  }
  return h;
}

CachefilesHandler::~CachefilesHandler() {
  Stop();
  {
    std::lock_guard<std::mutex> lock(objects_mu_);
    objects_.clear();
  }
  if (fd_ >= 0) close(fd_);
  if (wake_fd_ >= 0) close(wake_fd_);
}

void CachefilesHandler::SetLog(LogFn log) { log_ = std::move(log); }

void CachefilesHandler::SetObjectIo(ObjectIo io) {
  if (io.read_complete) io_.read_complete = std::move(io.read_complete);
  if (io.pwrite) io_.pwrite = std::move(io.pwrite);
}

void CachefilesHandler::Log(LogLevel level, const std::string& message) const {
  if (log_) log_(level, message);
}

Status CachefilesHandler::WriteCommand(const std::string& command) const {
  if (fd_ < 0) return Status(EBADF, "the cachefiles device is released");
  for (int waits = 0;;) {
    const ssize_t n = write(fd_, command.data(), command.size());
    if (n == static_cast<ssize_t>(command.size())) return Status::Ok();
    const int err = n < 0 ? errno : EIO;
    if (err == EINTR) continue;
    if (err == EAGAIN && waits++ < 5) {
      // Only a fake device (a socket) can be full; the kernel's takes every command at once.
      pollfd p{fd_, POLLOUT, 0};
      (void)poll(&p, 1, 1000);
      continue;
    }
    return Status(err, "'" + command + "' refused by the cachefiles device: " +
                           (n < 0 ? std::strerror(err) : "short write"));
  }
}

void CachefilesHandler::Reply(const std::string& command) {
  Status s = WriteCommand(command);
  if (!s.ok()) {
    counters_->reply_errors++;
    Log(LogLevel::kWarn, s.message());
  }
}

Status CachefilesHandler::Bind(const std::string& dir, const std::string& tag) {
  Result<std::string> dir_cmd = DirCommand(dir);
  if (!dir_cmd.ok()) return dir_cmd.status();
  std::vector<std::string> commands{dir_cmd.value()};
  if (!tag.empty()) {
    Result<std::string> tag_cmd = TagCommand(tag);
    if (!tag_cmd.ok()) return tag_cmd.status();
    commands.push_back(tag_cmd.value());
  }
  commands.push_back(BindCommand());
  for (const std::string& c : commands) {
    Status s = WriteCommand(c);
    if (!s.ok()) {
      if (c == BindCommand() && s.error_number() == EINVAL) {
        return Status(EINVAL, s.message() + " (a kernel without CONFIG_CACHEFILES_ONDEMAND refuses it)");
      }
      return s;
    }
  }
  return Status::Ok();
}

Status CachefilesHandler::Restore() { return WriteCommand(RestoreCommand()); }

Status CachefilesHandler::Start(int threads) {
  if (fd_ < 0) return Status(EBADF, "the cachefiles device is released");
  if (!workers_.empty()) return Status(EBUSY, "cachefiles workers are already running");
  if (threads < 1 || threads > 1024) return Status(EINVAL, "thread count must be 1..1024");
  uint64_t drain;
  while (read(wake_fd_, &drain, sizeof drain) > 0) {
  }
  stopping_.store(false);
  for (int i = 0; i < threads; i++) workers_.emplace_back(&CachefilesHandler::Run, this);
  filler_ = std::thread(&CachefilesHandler::FillerMain, this);
  return Status::Ok();
}

void CachefilesHandler::Stop() {
  if (workers_.empty() && !filler_.joinable()) return;
  stopping_.store(true);
  {
    // Taken so a filler between its predicate check and its wait cannot miss the wake-up.
    std::lock_guard<std::mutex> lock(filler_mu_);
    copy_queue_.clear();
    prefetch_queue_.clear();
  }
  filler_cv_.notify_all();
  const uint64_t one = 1;
  (void)!write(wake_fd_, &one, sizeof one);
  for (std::thread& t : workers_) t.join();
  workers_.clear();
  if (filler_.joinable()) filler_.join();
}

void CachefilesHandler::Release() {
  Stop();
  {
    std::lock_guard<std::mutex> lock(objects_mu_);
    for (auto& [id, object] : objects_) object->closed.store(true);
    objects_.clear();
  }
  if (fd_ >= 0) close(fd_);
  fd_ = -1;
}

HandlerMetrics CachefilesHandler::Metrics() const {
  HandlerMetrics m = counters_->Snapshot();
  std::lock_guard<std::mutex> lock(objects_mu_);
  m.objects = objects_.size();
  return m;
}

void CachefilesHandler::Run() {
  Buffer buf;
  // 8-byte aligned so the message could be viewed in place; read with explicit LE decoding.
  alignas(8) uint8_t msg[kMessageBufferSize];
  pollfd fds[2] = {{wake_fd_, POLLIN, 0}, {fd_, POLLIN, 0}};
  for (;;) {
    fds[0].revents = fds[1].revents = 0;
    if (poll(fds, 2, -1) < 0) {
      if (errno == EINTR) continue;
      counters_->device_errors++;
      Log(LogLevel::kError, std::string("cachefiles worker: poll: ") + std::strerror(errno));
      return;
    }
    if (fds[0].revents || stopping_.load()) return;  // the stop event wins
    bool eof = false;
    // Read and handle until the device has nothing more (EAGAIN, or a 0-byte read).
    while (!stopping_.load()) {
      const ssize_t n = read(fd_, msg, sizeof msg);
      if (n > 0) {
        Handle(msg, static_cast<size_t>(n), buf);
        continue;
      }
      if (n == 0) {
        eof = true;
        break;
      }
      const int err = errno;
      if (err == EINTR) continue;
      if (err == EAGAIN) break;
      counters_->device_errors++;
      Log(LogLevel::kError, std::string("cachefiles worker: read: ") + std::strerror(err));
      // A persistent error must not spin: back off, still stoppable.
      pollfd wake{wake_fd_, POLLIN, 0};
      (void)poll(&wake, 1, 100);
      break;
    }
    if ((fds[1].revents & (POLLERR | POLLHUP | POLLNVAL)) && (eof || !(fds[1].revents & POLLIN))) {
      // Only a fake device hangs up; the kernel's never does while its fd is open.
      counters_->device_errors++;
      Log(LogLevel::kError, "cachefiles worker: the device hung up; worker exits");
      return;
    }
  }
}

namespace {

// Runs on a thread of its own (Cull joins it): unsharing the fs context gives this thread a
// private cwd, which the kernel's inuse/cull commands resolve names against.
Status CullHere(const std::string& cache_dir, const std::string& cookie_key,
                const std::function<Status(const std::string&)>& write_command) {
  Result<CookiePath> probe = CookieFilePath("erofs,", cookie_key);
  if (!probe.ok()) return probe.status();
  if (unshare(CLONE_FS) != 0) {
    const int err = errno;
    return Status(err, std::string("unshare(CLONE_FS) for culling: ") + std::strerror(err));
  }
  const std::string base = cache_dir + "/cache";
  DIR* d = opendir(base.c_str());
  if (!d) {
    const int err = errno;
    if (err == ENOENT) return Status::Ok();  // nothing was ever cached
    return Status(err, "opendir " + base + ": " + std::strerror(err));
  }
  std::vector<std::string> volumes;
  while (dirent* e = readdir(d)) {
    const std::string name = e->d_name;
    if (name.rfind("Ierofs,", 0) == 0) volumes.push_back(name);
  }
  closedir(d);
  int first_err = 0;
  std::string failures;
  auto fail = [&](int err, const std::string& why) {
    if (first_err == 0) first_err = err;
    failures += (failures.empty() ? "" : "; ") + why;
  };
  for (const std::string& volume : volumes) {
    Result<CookiePath> path = CookieFilePath(volume.substr(1), cookie_key);
    if (!path.ok()) continue;  // a volume key cachefiles would not render verbatim
    const std::string dir = base + "/" + volume + "/" + path.value().fanout_dir;
    struct stat st {};
    if (stat((dir + "/" + path.value().file_name).c_str(), &st) != 0 || !S_ISREG(st.st_mode)) continue;
    if (chdir(dir.c_str()) != 0) {
      fail(errno, "chdir " + dir + ": " + std::strerror(errno));
      continue;
    }
    Result<std::string> inuse = InuseCommand(path.value().file_name);
    Result<std::string> cull = CullCommand(path.value().file_name);
    if (!inuse.ok() || !cull.ok()) return inuse.ok() ? cull.status() : inuse.status();
    Status s = write_command(inuse.value());
    if (!s.ok()) {
      fail(s.error_number(), s.error_number() == EBUSY ? dir + "/" + path.value().file_name + " is in use"
                                                        : s.message());
      continue;
    }
    s = write_command(cull.value());
    if (!s.ok()) fail(s.error_number(), s.message());
  }
  if (first_err != 0) return Status(first_err, "culling " + cookie_key + ": " + failures);
  return Status::Ok();
}

}  // namespace

Status CachefilesHandler::Cull(const std::string& cache_dir, const std::string& cookie_key) {
  if (fd_ < 0) return Status(EBADF, "the cachefiles device is released");
  if (cache_dir.empty() || cache_dir[0] != '/') {
    return Status(EINVAL, "cache directory '" + cache_dir + "' is not absolute");
  }
  Status result;
  std::thread t([&] {
    result = CullHere(cache_dir, cookie_key, [this](const std::string& c) { return WriteCommand(c); });
  });
  t.join();
  return result;
}

}  // namespace nydus::cachefiles
