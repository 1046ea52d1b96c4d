// ByteRegion implementations: read-only file mapping and vector-backed regions. Core layer.
#include "byte_region.h"

#include <fcntl.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cstring>

namespace nydus {
namespace {

class MappedRegion final : public ByteRegion {
 public:
  MappedRegion(void* base, size_t length) : base_(base), length_(length) {
    data_ = static_cast<const uint8_t*>(base);
    size_ = length;
  }
  ~MappedRegion() override {
    if (base_ != nullptr && length_ > 0) munmap(base_, length_);
  }

 private:
  void* base_;
  size_t length_;
};

class VectorRegion final : public ByteRegion {
 public:
  explicit VectorRegion(std::vector<uint8_t> bytes) : bytes_(std::move(bytes)) {
    data_ = bytes_.data();
    size_ = bytes_.size();
  }

 private:
  std::vector<uint8_t> bytes_;
};

// An empty file maps to an empty region (mmap of length 0 is invalid).
class EmptyRegion final : public ByteRegion {};

}  // namespace

Result<ByteView> ByteRegion::Slice(uint64_t offset, uint64_t length, const char* what) const {
  if (!Contains(offset, length)) {
    return Status(EIO, std::string(what) + ": range [" + std::to_string(offset) + ", +" +
                           std::to_string(length) + ") lies outside the " +
                           std::to_string(size_) + "-byte file");
  }
  return ByteView(data_ + offset, static_cast<size_t>(length));
}

Result<std::shared_ptr<const ByteRegion>> ByteRegion::MapFile(const std::string& path) {
  int fd = open(path.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0) {
    int err = errno;
    return Status(err, "cannot open " + path + ": " + std::strerror(err));
  }
  struct stat st {};
  if (fstat(fd, &st) != 0) {
    int err = errno;
    close(fd);
    return Status(err, "cannot stat " + path + ": " + std::strerror(err));
  }
  if (!S_ISREG(st.st_mode)) {
    close(fd);
    return Status(EINVAL, path + " is not a regular file");
  }
  if (st.st_size == 0) {
    close(fd);
    return std::shared_ptr<const ByteRegion>(std::make_shared<EmptyRegion>());
  }
  void* base = mmap(nullptr, static_cast<size_t>(st.st_size), PROT_READ, MAP_PRIVATE, fd, 0);
  int err = errno;
  close(fd);
  if (base == MAP_FAILED) return Status(err, "cannot map " + path + ": " + std::strerror(err));
  return std::shared_ptr<const ByteRegion>(
      std::make_shared<MappedRegion>(base, static_cast<size_t>(st.st_size)));
}

std::shared_ptr<const ByteRegion> ByteRegion::FromVector(std::vector<uint8_t> bytes) {
  return std::make_shared<VectorRegion>(std::move(bytes));
}

}  // namespace nydus
