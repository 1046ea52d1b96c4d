// FsMetrics: lock-free global counters and the optional mutex-guarded per-file records.
// Core layer (fuse).
#include "fuse/fs_metrics.h"

#include <ctime>

namespace nydus::fuse {
namespace {

constexpr auto kRelaxed = std::memory_order_relaxed;

template <size_t N>
std::array<uint64_t, N> Load(const std::array<std::atomic<uint64_t>, N>& a) {
  std::array<uint64_t, N> out{};
  for (size_t i = 0; i < N; i++) out[i] = a[i].load(kRelaxed);
  return out;
}

}  // namespace

int SizeBucket(uint64_t size) {
  constexpr uint64_t kLimits[] = {1 << 10, 4 << 10, 16 << 10, 64 << 10, 128 << 10, 512 << 10, 1 << 20};
  int i = 0;
  while (i < 7 && size >= kLimits[i]) i++;
  return i;
}

int FopLatencyBucket(uint64_t micros) {
  constexpr uint64_t kLimits[] = {200, 1000, 20000, 50000, 500000, 1000000, 2000000};
  int i = 0;
  while (i < 7 && micros > kLimits[i]) i++;
  return i;
}

void FsMetrics::RecordFop(int fop, uint64_t ino, bool ok) {
  if (fop < 0 || fop >= kFopCount) return;
  (ok ? fop_hits_ : fop_errors_)[fop].fetch_add(1, kRelaxed);
  if (options_.iostats_files) RecordFile(fop, ino, ok, 0, 0);
}

void FsMetrics::RecordRead(uint64_t ino, uint64_t requested, uint64_t bytes, bool ok, uint64_t micros) {
  (ok ? fop_hits_ : fop_errors_)[kFopRead].fetch_add(1, kRelaxed);
  block_count_read_[SizeBucket(requested)].fetch_add(1, kRelaxed);
  fop_latency_[kFopRead].fetch_add(micros, kRelaxed);
  read_latency_dist_[FopLatencyBucket(micros)].fetch_add(1, kRelaxed);
  if (ok) data_read_.fetch_add(bytes, kRelaxed);
  if (!options_.iostats_files && !options_.access_pattern && !options_.latest_read_files) return;
  if (options_.iostats_files) RecordFile(kFopRead, ino, ok, requested, bytes);
  if (!ok) return;
  std::lock_guard<std::mutex> lock(mu_);
  if (options_.latest_read_files) latest_.insert(ino);
  if (options_.access_pattern) {
    auto [it, inserted] = patterns_.try_emplace(ino);
    if (inserted) {
      timespec now{};
      clock_gettime(CLOCK_REALTIME, &now);
      it->second.ino = ino;
      it->second.first_access_time_secs = static_cast<uint64_t>(now.tv_sec);
      it->second.first_access_time_nanos = static_cast<uint32_t>(now.tv_nsec);
    }
    it->second.nr_read++;
  }
}

void FsMetrics::RecordFile(int fop, uint64_t ino, bool ok, uint64_t requested, uint64_t bytes) {
  std::lock_guard<std::mutex> lock(mu_);
  FileMetricsSnapshot& f = files_[ino];
  f.total_fops++;
  (ok ? f.fop_hits : f.fop_errors)[fop]++;
  if (fop == kFopRead) {
    f.block_count_read[SizeBucket(requested)]++;
    if (ok) f.data_read += bytes;
  }
}

FsMetricsSnapshot FsMetrics::Snapshot() const {
  FsMetricsSnapshot s;
  s.nr_opens = nr_opens_.load(kRelaxed);
  s.data_read = data_read_.load(kRelaxed);
  s.block_count_read = Load(block_count_read_);
  s.fop_hits = Load(fop_hits_);
  s.fop_errors = Load(fop_errors_);
  s.fop_cumulative_latency_total = Load(fop_latency_);
  s.read_latency_dist = Load(read_latency_dist_);
  return s;
}

std::map<uint64_t, FileMetricsSnapshot> FsMetrics::Files() const {
  std::lock_guard<std::mutex> lock(mu_);
  return files_;
}

std::vector<std::vector<uint64_t>> FsMetrics::TakeLatestReadFiles() {
  std::set<uint64_t> inodes;
  {
    std::lock_guard<std::mutex> lock(mu_);
    inodes.swap(latest_);
  }
  std::vector<std::vector<uint64_t>> out;
  for (auto it = inodes.begin(); it != inodes.end();) {
    const uint64_t first = *it;
    uint64_t last = first;
    for (++it; it != inodes.end() && *it == last + 1; ++it) last = *it;
    out.push_back(first == last ? std::vector<uint64_t>{first} : std::vector<uint64_t>{first, last});
  }
  return out;
}

std::vector<AccessPatternRecord> FsMetrics::AccessPatterns() const {
  std::lock_guard<std::mutex> lock(mu_);
  std::vector<AccessPatternRecord> out;
  out.reserve(patterns_.size());
  for (const auto& [ino, rec] : patterns_) out.push_back(rec);
  return out;
}

}  // namespace nydus::fuse
