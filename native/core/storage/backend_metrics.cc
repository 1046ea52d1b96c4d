// BackendMetrics and MeteredBackend. Core layer (storage).
#include "storage/backend_metrics.h"

#include <ctime>

namespace nydus::storage {
namespace {

constexpr auto kRelaxed = std::memory_order_relaxed;

int SizeBucket(uint64_t size) {
  constexpr uint64_t kLimits[] = {1 << 10, 4 << 10, 16 << 10, 64 << 10, 128 << 10, 512 << 10, 1 << 20};
  int i = 0;
  while (i < 7 && size >= kLimits[i]) i++;
  return i;
}

int LatencyBucket(uint64_t millis) {
  constexpr uint64_t kLimits[] = {1, 20, 50, 100, 500, 1000, 2000};
  int i = 0;
  while (i < 7 && millis > kLimits[i]) i++;
  return i;
}

uint64_t MonotonicMicros() {
  timespec ts{};
  clock_gettime(CLOCK_MONOTONIC, &ts);
  return static_cast<uint64_t>(ts.tv_sec) * 1000000u + static_cast<uint64_t>(ts.tv_nsec) / 1000u;
}

}  // namespace

void BackendMetrics::RecordRead(uint64_t bytes, bool ok, uint64_t micros) {
  const uint64_t ms = micros / 1000;
  const int sb = SizeBucket(bytes), lb = LatencyBucket(ms);
  count_.fetch_add(1, kRelaxed);
  if (!ok) errors_.fetch_add(1, kRelaxed);
  if (ok) amount_.fetch_add(bytes, kRelaxed);
  latency_ms_.fetch_add(ms, kRelaxed);
  latency_dist_[lb].fetch_add(1, kRelaxed);
  size_dist_[sb].fetch_add(1, kRelaxed);
  sizes_latency_[sb][lb].fetch_add(1, kRelaxed);
}

BackendMetricsSnapshot BackendMetrics::Snapshot() const {
  BackendMetricsSnapshot s;
  s.read_count = count_.load(kRelaxed);
  s.read_errors = errors_.load(kRelaxed);
  s.read_amount_total = amount_.load(kRelaxed);
  s.read_cumulative_latency_millis_total = latency_ms_.load(kRelaxed);
  for (int i = 0; i < 8; i++) {
    s.read_cumulative_latency_millis_dist[i] = latency_dist_[i].load(kRelaxed);
    s.read_count_block_size_dist[i] = size_dist_[i].load(kRelaxed);
    for (int j = 0; j < 8; j++) s.read_latency_sizes_dist[i][j] = sizes_latency_[i][j].load(kRelaxed);
  }
  return s;
}

Status MeteredBackend::ReadAt(const std::string& blob_id, uint64_t offset, uint8_t* buf, size_t length,
                              ReadSource source) {
  const uint64_t start = MonotonicMicros();
  Status s = inner_->ReadAt(blob_id, offset, buf, length, source);
  metrics_->RecordRead(length, s.ok(), MonotonicMicros() - start);
  return s;
}

}  // namespace nydus::storage
