// ChunkMap: the persistent "chunk_map" bitmap of a cached blob (storage spec §4.3, PersistMap
// format "PAMB"): a 4096-byte header, then one bit per chunk (MSB first) saying that the
// chunk's plain bytes are in the cache data file. Core layer (storage).
// Thread-safety: every method may be called from any thread; bits are set with an atomic OR
// on the shared mapping (another process mapping the same file sees them too).
#pragma once

#include <atomic>
#include <cstdint>
#include <memory>
#include <string>

#include "status.h"

namespace nydus::storage {

constexpr uint32_t kChunkMapMagic = 0x424D4150;     // "PAMB"
constexpr uint32_t kChunkMapMagic2 = 0x434D4150;    // "PAMC"
constexpr uint32_t kChunkMapAllReady = 0x4D4D4150;  // "PAMM"
constexpr uint32_t kChunkMapVersion = 1;
constexpr size_t kChunkMapHeaderSize = 4096;

class ChunkMap {
 public:
  // Opens (or creates) the map of a blob with `chunk_count` chunks. A 0-byte or new file gets
  // a fresh header; a file of another size than 4096 + ceil(chunk_count / 8) is EIO naming
  // both sizes; a bad header is EIO unless the whole file is zero (then re-initialised).
  // When every bit is set, the all_ready flag is written.
  static Result<std::unique_ptr<ChunkMap>> Open(const std::string& path, uint32_t chunk_count);
  ~ChunkMap();
  ChunkMap(const ChunkMap&) = delete;
  ChunkMap& operator=(const ChunkMap&) = delete;

  uint32_t chunk_count() const { return chunk_count_; }
  const std::string& path() const { return path_; }

  // False for an index out of range.
  bool IsReady(uint32_t index) const;
  // Sets the chunk's bit (call only after its data is written). EIO for an index out of range.
  Status SetReady(uint32_t index);
  // Every chunk ready (the all_ready flag was set at open, or every bit is set now).
  bool all_ready() const { return ready_count_.load(std::memory_order_acquire) >= chunk_count_; }

 private:
  ChunkMap() = default;

  std::string path_;
  uint32_t chunk_count_ = 0;
  uint8_t* map_ = nullptr;   // the whole file, MAP_SHARED
  size_t map_size_ = 0;
  std::atomic<uint64_t> ready_count_{0};  // bits set (counted at open, then as we set them)
};

}  // namespace nydus::storage
