// BackendMetrics: counters of one storage backend's blob reads (api spec §4.5
// BackendMetrics), and MeteredBackend, a BlobBackend decorator that records them. Core layer
// (storage). Thread-safety: relaxed atomics; record and snapshot from any thread.
#pragma once

#include <array>
#include <atomic>
#include <cstdint>
#include <memory>
#include <string>

#include "storage/blob_backend.h"

namespace nydus::storage {

struct BackendMetricsSnapshot {
  uint64_t read_count = 0;
  uint64_t read_errors = 0;
  uint64_t read_amount_total = 0;
  uint64_t read_cumulative_latency_millis_total = 0;
  std::array<uint64_t, 8> read_cumulative_latency_millis_dist{};  // ms: <=1,<=20,<=50,<=100,<=500,<=1000,<=2000,>2000
  std::array<uint64_t, 8> read_count_block_size_dist{};           // sizes as FsMetrics block_count_read
  std::array<std::array<uint64_t, 8>, 8> read_latency_sizes_dist{};  // [size][latency]
};

class BackendMetrics {
 public:
  void RecordRead(uint64_t bytes, bool ok, uint64_t micros);
  BackendMetricsSnapshot Snapshot() const;

 private:
  std::atomic<uint64_t> count_{0}, errors_{0}, amount_{0}, latency_ms_{0};
  std::array<std::atomic<uint64_t>, 8> latency_dist_{};
  std::array<std::atomic<uint64_t>, 8> size_dist_{};
  std::array<std::array<std::atomic<uint64_t>, 8>, 8> sizes_latency_{};
};

class MeteredBackend final : public BlobBackend {
 public:
  // A template so that unique_ptr<Derived> picks this one rather than the shared_ptr overload.
  template <typename T>
  MeteredBackend(std::unique_ptr<T> inner, std::shared_ptr<BackendMetrics> metrics)
      : inner_(std::move(inner)), metrics_(std::move(metrics)) {}
  // For a backend shared with others (a network backend bridged from JS).
  MeteredBackend(std::shared_ptr<BlobBackend> inner, std::shared_ptr<BackendMetrics> metrics)
      : inner_(std::move(inner)), metrics_(std::move(metrics)) {}
  Result<uint64_t> BlobSize(const std::string& blob_id) override { return inner_->BlobSize(blob_id); }
  Status ReadAt(const std::string& blob_id, uint64_t offset, uint8_t* buf, size_t length,
                ReadSource source = ReadSource::kOnDemand) override;

 private:
  std::shared_ptr<BlobBackend> inner_;
  std::shared_ptr<BackendMetrics> metrics_;
};

}  // namespace nydus::storage
