// BlobCache: one image's view of the local blob cache ("filecache"/"blobcache", storage spec
// §4.2-4.7): the read path (ready chunks from the cache files, misses merged into few backend
// reads, decoded, validated, persisted), and background prefetch. Core layer (storage).
// Thread-safety: Read may be called from many threads at once (FUSE workers); StartPrefetch /
// StopPrefetch / Metrics from any thread. `prefetch_mu_` guards the prefetch thread set and
// queue; entries have their own leaf locks; no lock is held across backend I/O.
#pragma once

#include <atomic>
#include <condition_variable>
#include <cstdint>
#include <deque>
#include <functional>
#include <memory>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

#include "status.h"
#include "storage/blob_backend.h"
#include "storage/blob_cache_entry.h"
#include "storage/blob_info.h"
#include "storage/chunk_reader.h"

namespace nydus::storage {

struct CacheOptions {
  bool enabled = false;          // true for blobcache/filecache; false = dummycache (read through, nothing persisted)
  std::string work_dir;          // created if missing (mkdir -p); required when enabled
  bool compressed = false;       // raw mode: B.blob.raw holds stored (compressed) bytes at compressed_offset
  bool validate = false;         // cache.validate (digest check of chunks read from cache or backend, per §4.6)
  bool disable_indexed_map = false;
};

struct PrefetchOptions {
  bool enable = false;
  uint32_t threads = 8;          // 1..1024
  uint64_t batch_size = 1 << 20; // merging size; min 128 KiB enforced
  uint64_t bandwidth_limit = 0;  // bytes/s, 0 = unlimited; nonzero below 16 MiB/s raised to 16 MiB/s (token bucket of §4.7)
  bool prefetch_all = false;
};

struct CacheMetricsSnapshot {   // api.md §4.5 BlobcacheMetrics
  std::vector<std::string> underlying_files;  // absolute paths of this instance's cache data files (B.blob.data or B.blob.raw)
  std::string store_path;       // absolute work_dir
  uint64_t partial_hits = 0, whole_hits = 0, total = 0, entries_count = 0;
  uint64_t prefetch_data_amount = 0, prefetch_requests_count = 0, prefetch_workers = 0, prefetch_unmerged_chunks = 0;
  uint64_t prefetch_cumulative_time_millis = 0;
  uint64_t prefetch_begin_time_secs = 0, prefetch_begin_time_millis = 0, prefetch_end_time_secs = 0, prefetch_end_time_millis = 0;
  uint64_t buffered_backend_size = 0;
  bool data_all_ready = false;
};

// Bytes [offset_in_chunk, +length) of `chunk` wanted at `dest`.
struct ReadSlice {
  ChunkRef chunk;
  uint32_t offset_in_chunk = 0;
  uint32_t length = 0;
  uint8_t* dest = nullptr;
};

// What the prefetch planner (run on a background thread) hands to the cache.
class PrefetchPlan {
 public:
  virtual ~PrefetchPlan() = default;
  // True once StopPrefetch was called: the planner should return.
  virtual bool stopped() const = 0;
  // One chunk of a file to prefetch (duplicates are dropped).
  virtual void AddChunk(const ChunkRef& chunk) = 0;
  // Every chunk of a blob with a chunk-info array (v6 prefetch-all). False when the blob has
  // none (the planner then walks files instead).
  virtual bool AddWholeBlob(uint32_t blob_index) = 0;
};

class BlobCache {
 public:
  // Creates work_dir and opens (shares) the cache entry of every blob. No backend I/O.
  // `reader` and `backend` must outlive the cache. `amplify_io`: rafs batch size (0 = none).
  static Result<std::unique_ptr<BlobCache>> Open(const CacheOptions& options, const PrefetchOptions& prefetch,
                                                 const std::vector<BlobInfo>& blobs, ChunkReader* reader,
                                                 BlobBackend* backend, uint64_t amplify_io, bool validate_digest);
  ~BlobCache();
  BlobCache(const BlobCache&) = delete;
  BlobCache& operator=(const BlobCache&) = delete;

  // Fills every slice (file order). On a miss, `amplify` (may be empty) is asked once for the
  // chunks that follow the read in the same file; those still missing are fetched along when
  // they merge with the read's own misses. The read of a file's start (`starts_file`) whose
  // miss begins where the previous on-demand read of its blob ended, the second such read in
  // a row (files read in blob order: kSequentialRun of them) also reads ahead: one backend read of amplify_io stored bytes from there, kept as a
  // read-ahead window, and kReadAheadDepth more windows after it read in the background (kept
  // that far ahead while the reader consumes them, across files); later misses inside a window
  // are served from it (decoded and validated as any fetched chunk) without a request. Other
  // misses (random access, reads inside one file) fetch only their chunks and the amplified
  // ones. EIO naming blob, chunk and offset on any error.
  using AmplifyFn = std::function<std::vector<ChunkRef>()>;
  Status Read(const std::vector<ReadSlice>& slices, const AmplifyFn& amplify, bool starts_file = false);

  // Starts `threads` prefetch workers and a planner thread running `plan` (no-op unless
  // prefetch is enabled). EALREADY when called twice.
  Status StartPrefetch(std::function<void(PrefetchPlan&)> plan);
  // Stops and joins the prefetch threads; idempotent.
  void StopPrefetch();

  CacheMetricsSnapshot Metrics() const;

 private:
  // One chunk of a read or of a prefetch range, with the user bytes wanted from it.
  struct Item {
    struct Part {
      uint32_t offset = 0;
      uint32_t length = 0;
      uint8_t* dest = nullptr;
    };
    ResolvedChunk chunk;
    BlobCacheEntry* entry = nullptr;
    std::vector<Part> parts;  // empty: amplification or prefetch
    bool claimed = false;     // we hold the chunk's in-flight mark

    void Release() {
      if (claimed) entry->Release(chunk.ref.index);
      claimed = false;
    }
  };
  struct PrefetchJob; // one merged prefetch range
  class Planner;      // PrefetchPlan implementation
  class TokenBucket;

  BlobCache();
  bool NeedsValidation(const Item& item) const;
  bool ServeFromCache(Item& item);
  // Groups items (any blobs, any order) into merged backend ranges, `limit` bytes at most.
  std::vector<std::vector<Item*>> Merge(std::vector<Item*> items, uint64_t limit) const;
  // Fetches one merged range with one backend read, decodes, validates, copies user parts,
  // persists, and releases claims. On error releases every claim of the range.
  Status FetchRange(const std::vector<Item*>& range, ReadSource source);
  // An on-demand range: from the blob's read-ahead windows, or fetched (starting a read-ahead
  // chain when `may_start` and it continues the blob's last on-demand read). Releases claims
  // as FetchRange.
  Status FetchOnDemand(const std::vector<Item*>& range, bool may_start);
  // Decodes, validates, copies and persists the chunks of `range` from `stored`, the blob's
  // stored bytes from offset `start`; releases every claim.
  Status FillRange(const std::vector<Item*>& range, const uint8_t* stored, uint64_t start, ReadSource source);
  // One backend read into `buf` (counted as on-demand: prefetch yields meanwhile).
  Status ReadOnDemand(const BlobInfo& blob, uint64_t offset, uint8_t* buf, size_t length);
  struct Window;
  // Keeps kReadAheadDepth windows of blob `b` in flight or ready past `from` (the end of the
  // window being consumed), when the blob's read-ahead chain reaches `from`.
  void ScheduleReadAhead(uint32_t b, uint64_t from);
  void ReadAheadMain();
  void StopReadAhead();

  // Charges an on-demand read to the prefetch bandwidth bucket (no wait).
  void ChargeBucket(uint64_t bytes);
  void QueueJobs(std::vector<ResolvedChunk> chunks);
  // Issue order of prefetch jobs: WaitTurn(seq) returns once every earlier job has sent its
  // first request (or ended); PassTurn(seq) lets the next one go.
  void WaitTurn(uint64_t seq);
  void PassTurn(uint64_t seq);
  void PlannerMain(std::function<void(PrefetchPlan&)> plan);
  void WorkerMain();
  void RunJob(PrefetchJob& job);

  CacheOptions options_;
  PrefetchOptions prefetch_;
  std::vector<BlobInfo> blobs_;
  ChunkReader* reader_ = nullptr;
  BlobBackend* backend_ = nullptr;
  uint64_t amplify_io_ = 0;
  bool validate_digest_ = false;
  std::string store_path_;
  std::vector<std::shared_ptr<BlobCacheEntry>> entries_;  // by blob index; fixed after Open

  // Sequential read-ahead: stored bytes [start, start + bytes.size()) of blob `blob_index`,
  // fetched ahead of a sequential reader, synchronously (the first window of a run) or by a
  // read-ahead thread (`done` set under `mu` when the bytes are in, `ok` when they are valid).
  struct Window {
    uint32_t blob_index = 0;
    uint64_t start = 0;
    std::vector<uint8_t> bytes;  // sized at creation, filled once
    uint64_t end() const { return start + bytes.size(); }
    std::mutex mu;
    std::condition_variable cv;
    bool done = false;
    bool ok = false;
  };
  static constexpr size_t kReadAheadDepth = 2;  // background windows ahead of the reader
  static constexpr size_t kWindows = 8;         // windows kept (oldest dropped first)
  std::mutex stream_mu_;  // guards the members below; never held across I/O; taken before a Window's mu
  std::condition_variable ahead_cv_;
  std::vector<std::shared_ptr<Window>> windows_;  // most recent last
  std::deque<std::shared_ptr<Window>> ahead_queue_;
  std::vector<std::thread> ahead_threads_;        // started on first use, kReadAheadDepth of them
  bool ahead_stop_ = false;
  static constexpr uint32_t kSequentialRun = 2;  // file-start misses in a row, each where the last read ended
  std::vector<uint64_t> last_end_;   // by blob index: stored end of the last on-demand range (UINT64_MAX: none)
  std::vector<uint32_t> run_;        // by blob index: file-start misses in a row that continued the last read
  std::vector<uint64_t> ahead_end_;  // by blob index: end of the last window of the read-ahead chain

  // On-demand backend reads in flight: prefetch workers yield while it is non-zero.
  std::atomic<int> on_demand_inflight_{0};
  std::atomic<uint64_t> total_{0}, whole_hits_{0}, partial_hits_{0};

  // Prefetch state.
  std::mutex prefetch_mu_;  // guards jobs_, planning_done_, threads, started_; before entry locks
  std::condition_variable jobs_cv_;
  std::deque<std::unique_ptr<PrefetchJob>> jobs_;
  bool started_ = false;
  bool planning_done_ = false;
  int workers_running_ = 0;
  std::thread planner_;
  std::vector<std::thread> workers_;
  std::atomic<bool> stop_{false};
  std::atomic<bool> prefetch_active_{false};
  std::unique_ptr<TokenBucket> bucket_;
  std::atomic<uint64_t> prefetch_amount_{0}, prefetch_requests_{0}, prefetch_unmerged_{0}, prefetch_millis_{0};
  std::atomic<uint64_t> prefetch_begin_ms_{0}, prefetch_end_ms_{0};  // wall clock
  uint64_t queued_seq_ = 0;  // guarded by prefetch_mu_
  std::mutex turn_mu_;       // leaf lock
  std::condition_variable turn_cv_;
  uint64_t turn_ = 0;        // jobs below this seq have sent their first request
};

}  // namespace nydus::storage
