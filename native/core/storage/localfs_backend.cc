// LocalFsBackend: path resolution (§3.2), the per-blob fd cache and pread loops. Core layer
// (storage). The fd cache is the only shared state; a read holds a shared_ptr to its fd, so
// the mutex is released before any I/O.
#include "storage/localfs_backend.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <climits>
#include <cstdlib>
#include <cstring>

namespace nydus::storage {

class LocalFsBackend::OpenBlob {
 public:
  // Takes ownership of `fd`. The size is set once, before the blob is published.
  OpenBlob(int fd, std::string path) : fd_(fd), path_(std::move(path)) {}
  ~OpenBlob() {
    if (fd_ >= 0) close(fd_);
  }
  OpenBlob(const OpenBlob&) = delete;
  OpenBlob& operator=(const OpenBlob&) = delete;
  int fd() const { return fd_; }
  uint64_t size() const { return size_; }
  const std::string& path() const { return path_; }
  void set_size(uint64_t size) { size_ = size; }

 private:
  int fd_;
  uint64_t size_ = 0;
  std::string path_;
};

namespace {

std::string JoinPath(const std::string& dir, const std::string& name) {
  if (!dir.empty() && dir.back() == '/') return dir + name;
  return dir + "/" + name;
}

// Exists as something with a non-zero size (a blob of 0 bytes is "not there yet").
bool ExistsNonEmpty(const std::string& path) {
  struct stat st {};
  return stat(path.c_str(), &st) == 0 && st.st_size != 0;
}

}  // namespace

bool IsSafeBlobId(const std::string& blob_id) {
  if (blob_id.empty() || blob_id == "." || blob_id == "..") return false;
  for (char c : blob_id) {
    if (c == '/' || c == '\0') return false;
  }
  return true;
}

Result<std::unique_ptr<LocalFsBackend>> LocalFsBackend::Create(LocalFsConfig config) {
  if (config.blob_file.empty() && config.dir.empty()) {
    return Status(EINVAL, "localfs backend: one of blob_file or dir is required");
  }
  return std::make_unique<LocalFsBackend>(std::move(config.blob_file), std::move(config.dir),
                                          std::move(config.alt_dirs));
}

LocalFsBackend::LocalFsBackend(std::string blob_file, std::string dir, std::vector<std::string> alt_dirs)
    : config_{std::move(blob_file), std::move(dir), std::move(alt_dirs)} {}
LocalFsBackend::~LocalFsBackend() = default;

Result<std::string> LocalFsBackend::ResolvePath(const std::string& blob_id) const {
  if (config_.blob_file.empty() && config_.dir.empty()) {
    return Status(EINVAL, "localfs backend: one of blob_file or dir is required");
  }
  if (!IsSafeBlobId(blob_id)) {
    return Status(EINVAL, "localfs backend: invalid blob id \"" + blob_id +
                              "\" (must be non-empty, without '/', not \".\" or \"..\")");
  }
  std::vector<std::string> searched;
  std::string chosen;
  if (!config_.blob_file.empty()) {
    chosen = config_.blob_file;
    searched.push_back(chosen);
  } else {
    chosen = JoinPath(config_.dir, blob_id);
    searched.push_back(chosen);
    if (!config_.alt_dirs.empty() && !ExistsNonEmpty(chosen)) {
      // The first alternative that has the blob; else the last candidate (§3.2).
      for (const std::string& alt : config_.alt_dirs) {
        chosen = JoinPath(alt, blob_id);
        searched.push_back(chosen);
        if (ExistsNonEmpty(chosen)) break;
      }
    }
  }
  char resolved[PATH_MAX];
  if (realpath(chosen.c_str(), resolved) == nullptr) {
    int err = errno;
    std::string places;
    for (const std::string& p : searched) places += (places.empty() ? "" : ", ") + p;
    if (err == ENOENT) {
      return Status(ENOENT, "localfs backend: blob " + blob_id + " not found (searched " +
                                places + ")");
    }
    return Status(err, "localfs backend: blob " + blob_id + ": cannot resolve " + chosen + ": " +
                           std::strerror(err));
  }
  return std::string(resolved);
}

Result<std::shared_ptr<const LocalFsBackend::OpenBlob>> LocalFsBackend::Open(
    const std::string& blob_id) {
  {
    std::lock_guard<std::mutex> lock(mu_);
    auto it = open_.find(blob_id);
    if (it != open_.end()) return it->second;
  }
  Result<std::string> path = ResolvePath(blob_id);
  if (!path.ok()) return path.status();
  int fd = open(path.value().c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0) {
    int err = errno;
    return Status(err, "localfs backend: blob " + blob_id + ": cannot open " + path.value() +
                           ": " + std::strerror(err));
  }
  auto blob = std::make_shared<OpenBlob>(fd, path.value());  // owns fd from here
  struct stat st {};
  if (fstat(fd, &st) != 0) {
    int err = errno;
    return Status(err, "localfs backend: blob " + blob_id + ": cannot stat " + path.value() +
                           ": " + std::strerror(err));
  }
  uint64_t size = 0;
  if (S_ISREG(st.st_mode)) {
    size = static_cast<uint64_t>(st.st_size);
  } else if (S_ISBLK(st.st_mode)) {
    off_t end = lseek(fd, 0, SEEK_END);
    if (end < 0) {
      int err = errno;
      return Status(err, "localfs backend: blob " + blob_id + ": cannot size " + path.value() +
                             ": " + std::strerror(err));
    }
    size = static_cast<uint64_t>(end);
  } else {
    return Status(EINVAL, "localfs backend: blob " + blob_id + ": " + path.value() +
                              " is not a regular file or block device");
  }
  blob->set_size(size);
  std::lock_guard<std::mutex> lock(mu_);
  // Another thread may have opened it meanwhile; keep the first so every reader shares it.
  auto inserted = open_.emplace(blob_id, std::shared_ptr<const OpenBlob>(std::move(blob)));
  return inserted.first->second;
}

Result<uint64_t> LocalFsBackend::BlobSize(const std::string& blob_id) {
  Result<std::shared_ptr<const OpenBlob>> blob = Open(blob_id);
  if (!blob.ok()) return blob.status();
  return blob.value()->size();
}

Status LocalFsBackend::ReadAt(const std::string& blob_id, uint64_t offset, uint8_t* buf, size_t length,
                              ReadSource /*source*/) {
  Result<std::shared_ptr<const OpenBlob>> opened = Open(blob_id);
  if (!opened.ok()) return opened.status();
  const OpenBlob& blob = *opened.value();
  if (offset > static_cast<uint64_t>(INT64_MAX) || length > static_cast<uint64_t>(INT64_MAX) - offset) {
    return Status(EINVAL, "blob " + blob_id + ": read of " + std::to_string(length) +
                              " bytes at offset " + std::to_string(offset) + " overflows");
  }
  size_t done = 0;
  while (done < length) {
    ssize_t n = pread(blob.fd(), buf + done, length - done, static_cast<off_t>(offset + done));
    if (n < 0) {
      if (errno == EINTR) continue;
      int err = errno;
      return Status(err, "blob " + blob_id + ": read at offset " + std::to_string(offset + done) +
                             " of " + blob.path() + ": " + std::strerror(err));
    }
    if (n == 0) break;
    done += static_cast<size_t>(n);
  }
  if (done != length) {
    return Status(EIO, "blob " + blob_id + ": expected " + std::to_string(length) +
                           " bytes at offset " + std::to_string(offset) + ", got " +
                           std::to_string(done));
  }
  return Status::Ok();
}

}  // namespace nydus::storage
