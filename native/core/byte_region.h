// ByteRegion: an immutable, owned run of bytes (a read-only mmap of a file, or a vector),
// plus bounds-checked little-endian decoding helpers. Core layer. Every on-disk structure
// is decoded through these: a corrupt file gets an error, never an out-of-bounds read.
// A ByteRegion is immutable after creation and may be read from any thread.
#pragma once

#include <cstdint>
#include <cstring>
#include <memory>
#include <string>
#include <vector>

#include "byte_view.h"
#include "status.h"

namespace nydus {

class ByteRegion {
 public:
  virtual ~ByteRegion() = default;
  const uint8_t* data() const { return data_; }
  size_t size() const { return size_; }
  ByteView view() const { return ByteView(data_, size_); }

  // True when [offset, offset + length) lies inside the region (overflow-safe).
  bool Contains(uint64_t offset, uint64_t length) const {
    return offset <= size_ && length <= size_ - offset;
  }
  // A view of [offset, offset + length), or EIO naming `what` when it is out of bounds.
  Result<ByteView> Slice(uint64_t offset, uint64_t length, const char* what) const;

  // Maps `path` read-only (MAP_PRIVATE). ENOENT/EACCES/... with the path in the message.
  static Result<std::shared_ptr<const ByteRegion>> MapFile(const std::string& path);
  static std::shared_ptr<const ByteRegion> FromVector(std::vector<uint8_t> bytes);

 protected:
  ByteRegion() = default;
  const uint8_t* data_ = nullptr;
  size_t size_ = 0;
};

// Little-endian loads from a pointer the caller has bounds-checked.
inline uint16_t LoadLe16(const uint8_t* p) {
  return static_cast<uint16_t>(p[0] | (p[1] << 8));
}
inline uint32_t LoadLe32(const uint8_t* p) {
  return static_cast<uint32_t>(p[0]) | (static_cast<uint32_t>(p[1]) << 8) |
         (static_cast<uint32_t>(p[2]) << 16) | (static_cast<uint32_t>(p[3]) << 24);
}
inline uint64_t LoadLe64(const uint8_t* p) {
  return static_cast<uint64_t>(LoadLe32(p)) | (static_cast<uint64_t>(LoadLe32(p + 4)) << 32);
}

// Little-endian stores to a pointer the caller has bounds-checked.
inline void StoreLe32(uint8_t* p, uint32_t v) {
  for (int i = 0; i < 4; ++i) p[i] = static_cast<uint8_t>(v >> (8 * i));
}
inline void StoreLe64(uint8_t* p, uint64_t v) {
  StoreLe32(p, static_cast<uint32_t>(v));
  StoreLe32(p + 4, static_cast<uint32_t>(v >> 32));
}

}  // namespace nydus
