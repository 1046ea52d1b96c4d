// ChunkMap: opening, validating and mapping the PAMB chunk-map file; atomic bit updates
// (storage spec §4.3). Core layer (storage). The fd is closed after mmap; the mapping lives
// until the ChunkMap is destroyed.
#include "storage/chunk_map.h"
#include "byte_region.h"
#include "storage/cache_file.h"

#include <fcntl.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cstdio>
#include <cstring>
#include <vector>

namespace nydus::storage {
namespace {

std::string Num(uint64_t v) { return std::to_string(v); }

Status Errno(const std::string& what) {
  const int err = errno;
  return Status(err, what + ": " + std::strerror(err));
}

// Writes a fresh header (all_ready clear) at offset 0.
Status WriteHeader(int fd, const std::string& path) {
  std::vector<uint8_t> header(kChunkMapHeaderSize, 0);
  StoreLe32(header.data(), kChunkMapMagic);
  StoreLe32(header.data() + 4, kChunkMapVersion);
  StoreLe32(header.data() + 8, kChunkMapMagic2);
  if (::pwrite(fd, header.data(), header.size(), 0) != static_cast<ssize_t>(header.size())) {
    return Errno("chunk map " + path + ": writing the header");
  }
  if (::fsync(fd) != 0) return Errno("chunk map " + path + ": fsync");
  return Status::Ok();
}

}  // namespace

Result<std::unique_ptr<ChunkMap>> ChunkMap::Open(const std::string& path, uint32_t chunk_count) {
  const uint64_t size = kChunkMapHeaderSize + (uint64_t{chunk_count} + 7) / 8;
  UniqueFd fd(::open(path.c_str(), O_RDWR | O_CREAT | O_CLOEXEC, 0644));
  if (fd.get() < 0) return Errno("chunk map " + path);
  struct stat st;
  if (::fstat(fd.get(), &st) != 0) return Errno("chunk map " + path + ": fstat");
  if (st.st_size == 0) {
    // Size first, then the header, so a crash leaves a zero file (re-initialised next time).
    if (::ftruncate(fd.get(), static_cast<off_t>(size)) != 0) return Errno("chunk map " + path + ": set size");
    Status s = WriteHeader(fd.get(), path);
    if (!s.ok()) return s;
  } else if (static_cast<uint64_t>(st.st_size) != size) {
    return Status(EIO, "chunk map " + path + ": file has " + Num(static_cast<uint64_t>(st.st_size)) +
                           " bytes, expected " + Num(size) + " for " + Num(chunk_count) +
                           " chunks (remove it to rebuild the cache of this blob)");
  }
  void* m = ::mmap(nullptr, size, PROT_READ | PROT_WRITE, MAP_SHARED, fd.get(), 0);
  if (m == MAP_FAILED) return Errno("chunk map " + path + ": mmap");
  std::unique_ptr<ChunkMap> map(new ChunkMap());
  map->path_ = path;
  map->chunk_count_ = chunk_count;
  map->map_ = static_cast<uint8_t*>(m);
  map->map_size_ = size;

  uint8_t* h = map->map_;
  if (LoadLe32(h) != kChunkMapMagic || LoadLe32(h + 4) != kChunkMapVersion || LoadLe32(h + 8) != kChunkMapMagic2) {
    const bool all_zero = std::all_of(h, h + size, [](uint8_t b) { return b == 0; });
    if (!all_zero) {
      return Status(EIO, "chunk map " + path + ": bad header (magic 0x" + [&] {
        char buf[32];
        std::snprintf(buf, sizeof buf, "%08x, version %u", LoadLe32(h), LoadLe32(h + 4));
        return std::string(buf);
      }() + ")");
    }
    Status s = WriteHeader(fd.get(), path);
    if (!s.ok()) return s;
  }
  if (LoadLe32(h + 12) == kChunkMapAllReady) {
    map->ready_count_.store(chunk_count);
    return map;
  }
  uint64_t set = 0;
  for (uint32_t i = 0; i < chunk_count; ++i) {
    if (h[kChunkMapHeaderSize + i / 8] & (0x80u >> (i % 8))) ++set;
  }
  map->ready_count_.store(set);
  if (set >= chunk_count) {
    StoreLe32(h + 12, kChunkMapAllReady);
    (void)::msync(h, kChunkMapHeaderSize, MS_ASYNC);
  }
  return map;
}

ChunkMap::~ChunkMap() {
  if (map_ != nullptr) ::munmap(map_, map_size_);
}

bool ChunkMap::IsReady(uint32_t index) const {
  if (index >= chunk_count_) return false;
  const uint8_t* byte = map_ + kChunkMapHeaderSize + index / 8;
  return (__atomic_load_n(byte, __ATOMIC_ACQUIRE) & (0x80u >> (index % 8))) != 0;
}

Status ChunkMap::SetReady(uint32_t index) {
  if (index >= chunk_count_) {
    return Status(EIO, "chunk map " + path_ + ": chunk index " + Num(index) + " out of range (" +
                           Num(chunk_count_) + " chunks)");
  }
  uint8_t* byte = map_ + kChunkMapHeaderSize + index / 8;
  const uint8_t mask = static_cast<uint8_t>(0x80u >> (index % 8));
  const uint8_t before = __atomic_fetch_or(byte, mask, __ATOMIC_ACQ_REL);
  if ((before & mask) == 0) ready_count_.fetch_add(1, std::memory_order_acq_rel);
  return Status::Ok();
}

}  // namespace nydus::storage
