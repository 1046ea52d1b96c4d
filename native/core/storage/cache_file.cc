// Cache file helpers: mkdir -p, sized whole-file reads, atomic temp + rename writes. Core
// layer (storage). Every fd is closed on every path.
#include "storage/cache_file.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <atomic>
#include <cstring>

namespace nydus::storage {
namespace {

std::string Num(uint64_t v) { return std::to_string(v); }

std::string Errno(int err) { return std::string(std::strerror(err)); }

}  // namespace

UniqueFd::~UniqueFd() {
  if (fd_ >= 0) ::close(fd_);
}

Status MakeDirs(const std::string& dir) {
  if (dir.empty()) return Status(EINVAL, "empty directory path");
  std::string path;
  size_t pos = 0;
  while (pos != std::string::npos) {
    const size_t next = dir.find('/', pos + 1);
    path = dir.substr(0, next);
    pos = next;
    if (path.empty() || path == "/") continue;
    struct stat st;
    if (::stat(path.c_str(), &st) == 0) {
      if (!S_ISDIR(st.st_mode)) return Status(ENOTDIR, path + ": not a directory");
      continue;
    }
    if (::mkdir(path.c_str(), 0755) != 0 && errno != EEXIST) {
      const int err = errno;
      return Status(err, "mkdir " + path + ": " + Errno(err));
    }
  }
  return Status::Ok();
}

Result<std::vector<uint8_t>> ReadCacheFile(const std::string& path, uint64_t expected_size) {
  UniqueFd fd(::open(path.c_str(), O_RDONLY | O_CLOEXEC));
  if (fd.get() < 0) {
    const int err = errno;
    return Status(err, path + ": " + Errno(err));
  }
  struct stat st;
  if (::fstat(fd.get(), &st) != 0) {
    const int err = errno;
    return Status(err, path + ": fstat: " + Errno(err));
  }
  if (static_cast<uint64_t>(st.st_size) != expected_size) {
    return Status(EIO, path + ": " + Num(static_cast<uint64_t>(st.st_size)) + " bytes, expected " +
                           Num(expected_size));
  }
  std::vector<uint8_t> out(expected_size);
  size_t done = 0;
  while (done < out.size()) {
    const ssize_t n = ::pread(fd.get(), out.data() + done, out.size() - done, static_cast<off_t>(done));
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) {
      const int err = n < 0 ? errno : EIO;
      return Status(err, path + ": short read at " + Num(done));
    }
    done += static_cast<size_t>(n);
  }
  return out;
}

Status WriteCacheFileAtomic(const std::string& path, ByteView bytes) {
  static std::atomic<uint64_t> counter{0};
  const std::string tmp = path + ".tmp." + std::to_string(::getpid()) + "." +
                          std::to_string(counter.fetch_add(1));
  UniqueFd fd(::open(tmp.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0644));
  if (fd.get() < 0) {
    const int err = errno;
    return Status(err, tmp + ": " + Errno(err));
  }
  size_t done = 0;
  while (done < bytes.size) {
    const ssize_t n = ::pwrite(fd.get(), bytes.data + done, bytes.size - done, static_cast<off_t>(done));
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) {
      const int err = n < 0 ? errno : EIO;
      ::unlink(tmp.c_str());
      return Status(err, tmp + ": write: " + Errno(err));
    }
    done += static_cast<size_t>(n);
  }
  if (::fsync(fd.get()) != 0 || ::close(fd.release()) != 0) {
    const int err = errno;
    ::unlink(tmp.c_str());
    return Status(err, tmp + ": " + Errno(err));
  }
  if (::rename(tmp.c_str(), path.c_str()) != 0) {
    const int err = errno;
    ::unlink(tmp.c_str());
    return Status(err, "rename to " + path + ": " + Errno(err));
  }
  return Status::Ok();
}

std::string AbsolutePath(const std::string& path) {
  if (!path.empty() && path[0] == '/') return path;
  char buf[4096];
  if (::getcwd(buf, sizeof buf) == nullptr) return path;
  std::string cwd = buf;
  if (path.empty() || path == ".") return cwd;
  std::string rel = path;
  if (rel.rfind("./", 0) == 0) rel = rel.substr(2);
  return cwd == "/" ? "/" + rel : cwd + "/" + rel;
}

}  // namespace nydus::storage
