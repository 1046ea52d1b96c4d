// FsMetrics: the per-filesystem counters of api spec §4.5 (FsMetrics, FileMetrics,
// LatestFiles, AccessPatterns). Core layer (fuse). Thread-safety: the global counters are
// relaxed atomics bumped by FUSE workers without locks; the optional per-file records take
// `mu_` and are only touched when enabled at attach; snapshots may run on any thread.
#pragma once

#include <array>
#include <atomic>
#include <cstdint>
#include <map>
#include <mutex>
#include <set>
#include <vector>

#include "fuse/fuse_abi.h"

namespace nydus::fuse {

constexpr int kSizeBuckets = 8;
constexpr int kLatencyBuckets = 8;

// Bucket of a READ request size: [0,1K) [1K,4K) [4K,16K) [16K,64K) [64K,128K) [128K,512K) [512K,1M) >=1M.
int SizeBucket(uint64_t size);
// Bucket of a FUSE op latency in µs: <=200µs, <=1ms, <=20ms, <=50ms, <=500ms, <=1s, <=2s, >2s.
int FopLatencyBucket(uint64_t micros);

struct FsMetricsSnapshot {
  uint64_t nr_opens = 0;
  uint64_t data_read = 0;
  std::array<uint64_t, kSizeBuckets> block_count_read{};
  std::array<uint64_t, kFopCount> fop_hits{};
  std::array<uint64_t, kFopCount> fop_errors{};
  std::array<uint64_t, kFopCount> fop_cumulative_latency_total{};
  std::array<uint64_t, kLatencyBuckets> read_latency_dist{};
};

struct FileMetricsSnapshot {
  uint64_t total_fops = 0;
  uint64_t data_read = 0;
  std::array<uint64_t, kSizeBuckets> block_count_read{};
  std::array<uint64_t, kFopCount> fop_hits{};
  std::array<uint64_t, kFopCount> fop_errors{};
};

struct AccessPatternRecord {
  uint64_t ino = 0;
  uint64_t nr_read = 0;
  uint64_t first_access_time_secs = 0;
  uint32_t first_access_time_nanos = 0;
};

struct MetricsOptions {
  bool iostats_files = false;
  bool access_pattern = false;
  bool latest_read_files = false;
};

class FsMetrics {
 public:
  explicit FsMetrics(MetricsOptions options) : options_(options) {}

  // One finished operation on RAFS inode `ino` (fop from FopOf; kFopNone is ignored).
  void RecordFop(int fop, uint64_t ino, bool ok);
  // One READ of `requested` bytes that returned `bytes` (ok) and took `micros`.
  void RecordRead(uint64_t ino, uint64_t requested, uint64_t bytes, bool ok, uint64_t micros);
  void AddOpens(int64_t delta) { nr_opens_.fetch_add(static_cast<uint64_t>(delta), std::memory_order_relaxed); }

  const MetricsOptions& options() const { return options_; }
  FsMetricsSnapshot Snapshot() const;
  std::map<uint64_t, FileMetricsSnapshot> Files() const;
  // Inodes read since the previous call as ascending ranges ([a] or [a, b]); clears.
  std::vector<std::vector<uint64_t>> TakeLatestReadFiles();
  std::vector<AccessPatternRecord> AccessPatterns() const;

 private:
  void RecordFile(int fop, uint64_t ino, bool ok, uint64_t requested, uint64_t bytes);

  const MetricsOptions options_;
  std::atomic<uint64_t> nr_opens_{0};
  std::atomic<uint64_t> data_read_{0};
  std::array<std::atomic<uint64_t>, kSizeBuckets> block_count_read_{};
  std::array<std::atomic<uint64_t>, kFopCount> fop_hits_{};
  std::array<std::atomic<uint64_t>, kFopCount> fop_errors_{};
  std::array<std::atomic<uint64_t>, kFopCount> fop_latency_{};
  std::array<std::atomic<uint64_t>, kLatencyBuckets> read_latency_dist_{};

  mutable std::mutex mu_;  // guards files_, latest_, patterns_ (only used when enabled)
  std::map<uint64_t, FileMetricsSnapshot> files_;
  std::set<uint64_t> latest_;
  std::map<uint64_t, AccessPatternRecord> patterns_;
};

}  // namespace nydus::fuse
