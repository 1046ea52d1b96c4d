// Extended attributes and sparse-file extents of host files. Core layer.
#include "host_fs.h"

#include <fcntl.h>
#include <sys/resource.h>
#include <sys/xattr.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstring>

namespace nydus::hostfs {
namespace {

Status Errno(int err, const std::string& what) { return Status(err, what + ": " + std::strerror(err)); }

// Calls a size-probing xattr function (size 0 first), retrying if the value grows meanwhile.
template <typename Fn>
Result<std::string> Probe(Fn fn, const std::string& what) {
  for (int attempt = 0; attempt < 8; attempt++) {
    ssize_t n = fn(nullptr, 0);
    if (n < 0) return Errno(errno, what);
    std::string buf(static_cast<size_t>(n), '\0');
    ssize_t m = fn(buf.data(), buf.size());
    if (m >= 0) {
      buf.resize(static_cast<size_t>(m));
      return buf;
    }
    if (errno != ERANGE) return Errno(errno, what);
  }
  return Status(EAGAIN, what + ": value keeps changing");
}

}  // namespace

Result<std::vector<std::pair<std::string, std::string>>> ReadXattrs(const std::string& path) {
  auto names = Probe([&](char* b, size_t n) { return llistxattr(path.c_str(), b, n); }, "llistxattr " + path);
  if (!names.ok()) {
    if (names.status().error_number() == ENOTSUP) return std::vector<std::pair<std::string, std::string>>{};
    return names.status();
  }
  std::vector<std::pair<std::string, std::string>> out;
  const std::string& list = names.value();
  for (size_t pos = 0; pos < list.size();) {
    const size_t end = list.find('\0', pos);
    const std::string name = list.substr(pos, (end == std::string::npos ? list.size() : end) - pos);
    pos = end == std::string::npos ? list.size() : end + 1;
    if (name.empty()) continue;
    auto value = Probe([&](char* b, size_t n) { return lgetxattr(path.c_str(), name.c_str(), b, n); },
                       "lgetxattr " + path + " " + name);
    if (!value.ok()) {
      if (value.status().error_number() == ENODATA) continue;  // removed meanwhile
      return value.status();
    }
    out.emplace_back(name, std::move(value).value());
  }
  std::sort(out.begin(), out.end());
  return out;
}

Result<std::vector<Extent>> DataExtents(const std::string& path, uint64_t size) {
  std::vector<Extent> out;
  if (size == 0) return out;
  int fd = open(path.c_str(), O_RDONLY | O_CLOEXEC | O_NOFOLLOW);
  if (fd < 0) return Errno(errno, "open " + path);
  off_t pos = 0;
  const off_t end = static_cast<off_t>(size);
  while (pos < end) {
    off_t data = lseek(fd, pos, SEEK_DATA);
    if (data < 0) {
      const int err = errno;
      if (err == ENXIO) break;  // only a hole remains
      close(fd);
      if (err == EINVAL || err == ENOTSUP) return std::vector<Extent>{{0, size}};
      return Errno(err, "lseek SEEK_DATA " + path);
    }
    if (data >= end) break;
    off_t hole = lseek(fd, data, SEEK_HOLE);
    if (hole < 0) {
      const int err = errno;
      close(fd);
      return Errno(err, "lseek SEEK_HOLE " + path);
    }
    hole = std::min(hole, end);
    out.push_back({static_cast<uint64_t>(data), static_cast<uint64_t>(hole - data)});
    pos = hole;
  }
  close(fd);
  return out;
}

Result<FileLimit> GetFileLimit() {
  struct rlimit rl {};
  if (getrlimit(RLIMIT_NOFILE, &rl) != 0) return Errno(errno, "getrlimit(RLIMIT_NOFILE)");
  return FileLimit{static_cast<uint64_t>(rl.rlim_cur), static_cast<uint64_t>(rl.rlim_max)};
}

Status SetFileLimit(uint64_t value) {
  struct rlimit rl {};
  rl.rlim_cur = static_cast<rlim_t>(value);
  rl.rlim_max = static_cast<rlim_t>(value);
  if (setrlimit(RLIMIT_NOFILE, &rl) != 0) return Errno(errno, "setrlimit(RLIMIT_NOFILE, " + std::to_string(value) + ")");
  return Status();
}

}  // namespace nydus::hostfs
