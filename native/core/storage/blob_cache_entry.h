// BlobCacheEntry: the local cache of one data blob in a work_dir (storage spec §4.2-4.3): the
// data file (`B.blob.data`, plain chunks at their uncompressed offsets, or `B.blob.raw`,
// stored bytes at their compressed offsets), the chunk state (the persistent PAMB chunk map,
// or an in-memory set of ready chunk digests for v5 blobs without a chunk count), and the
// in-flight table of chunks being fetched. Core layer (storage).
// Entries live in a process-wide registry keyed by the absolute data-file path, so every
// image (mount) using a blob shares one entry. Thread-safety: every method may be called from
// any thread; `mu_` guards the in-flight set and the digest set (leaf lock, never held
// during I/O).
#pragma once

#include <chrono>
#include <condition_variable>
#include <cstdint>
#include <memory>
#include <mutex>
#include <set>
#include <string>
#include <unordered_set>

#include "byte_view.h"
#include "status.h"
#include "storage/blob_info.h"
#include "storage/chunk_map.h"
#include "storage/chunk_reader.h"

namespace nydus::storage {

class BlobCacheEntry {
 public:
  // The entry of `blob` in `work_dir` (absolute), opened or created on first use: the data
  // file is created and extended to the blob's uncompressed size (a larger one is EIO), the
  // chunk map opened (§4.3 errors). Local file I/O only, never the backend. EINVAL when the
  // entry is already open in the other (compressed / plain) mode.
  static Result<std::shared_ptr<BlobCacheEntry>> Get(const std::string& work_dir, const BlobInfo& blob,
                                                     bool compressed, bool disable_indexed_map);
  ~BlobCacheEntry();
  BlobCacheEntry(const BlobCacheEntry&) = delete;
  BlobCacheEntry& operator=(const BlobCacheEntry&) = delete;

  const std::string& blob_id() const { return blob_id_; }
  // Absolute path of the file holding cached data (B.blob.data, or B.blob.raw in raw mode).
  const std::string& data_path() const { return data_path_; }
  bool compressed() const { return compressed_; }
  // Ready chunks are known by digest only (in memory): every cache read must validate.
  bool digest_based() const { return map_ == nullptr; }
  // Every chunk of the blob is cached (never true for a digest-based entry).
  bool all_ready() const { return map_ != nullptr && map_->all_ready(); }

  // EIO when the chunk cannot be cached here: its index is past the chunk count, or its
  // uncompressed range lies past the blob's uncompressed size.
  Status Check(const ResolvedChunk& chunk) const;
  bool IsReady(const ResolvedChunk& chunk) const;
  // Worth trying the cache file: ready, or (digest-based state, whose in-memory set starts
  // empty after a restart) any chunk with a known digest; such reads must validate (§4.3).
  bool MaybeCached(const ResolvedChunk& chunk) const;
  // A digest-based entry remembers a chunk whose cached bytes validated.
  void NoteValidated(const ResolvedChunk& chunk);

  // In-flight table, keyed by chunk index. TryClaim marks the chunk pending and returns true,
  // or returns false when another fetcher has it. Release clears it and wakes waiters.
  bool TryClaim(uint32_t index);
  void Release(uint32_t index);
  // Waits until `index` is not pending or `limit` passes; true when it is no longer pending.
  bool WaitWhilePending(uint32_t index, std::chrono::milliseconds limit);

  // Copies [offset_in_chunk, +length) of a cached chunk's plain bytes (plain mode only).
  Status ReadPlain(const ResolvedChunk& chunk, uint32_t offset_in_chunk, uint8_t* out, size_t length) const;
  // The cached stored object of a chunk (raw mode) or its plain bytes (plain mode).
  Result<std::vector<uint8_t>> ReadCached(const ResolvedChunk& chunk) const;
  // Writes a fetched chunk (plain bytes; in raw mode its stored object) and then marks it ready.
  Status Persist(const ResolvedChunk& chunk, ByteView plain, ByteView stored);

 private:
  BlobCacheEntry() = default;

  std::string blob_id_;
  std::string data_path_;
  bool compressed_ = false;
  uint64_t uncompressed_size_ = 0;  // 0 = unknown (v5 without extended blob table)
  int fd_ = -1;                     // data file, O_RDWR
  std::unique_ptr<ChunkMap> map_;   // null: digest-based state

  mutable std::mutex mu_;  // guards pending_ and ready_digests_
  std::condition_variable cv_;  // pending_ shrank
  std::set<uint32_t> pending_;
  std::unordered_set<std::string> ready_digests_;  // raw 32-byte digests
};

}  // namespace nydus::storage
