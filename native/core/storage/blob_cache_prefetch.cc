// BlobCache prefetch (storage spec §4.7): a planner thread turns the image's prefetch list
// into per-blob chunk lists, sorted by compressed offset and merged into ranges; worker
// threads fetch them with ReadSource::kPrefetch, behind on-demand reads and a token bucket.
// Core layer (storage). Failures are never fatal: a range is retried once after ~1 s, then
// dropped (on-demand reads fetch it when needed).
#include <algorithm>
#include <chrono>
#include <cstdint>
#include <set>
#include <utility>

#include "storage/blob_cache.h"

namespace nydus::storage {
namespace {

using Clock = std::chrono::steady_clock;

constexpr uint64_t kMinBatch = 128 << 10;
constexpr size_t kFlushChunks = 1024;        // §4.7: hand a blob's list over at 1024 descriptors
constexpr uint64_t kFlushBytes = 16ull << 20;  // or 16 MiB

uint64_t WallMillis() {
  return static_cast<uint64_t>(std::chrono::duration_cast<std::chrono::milliseconds>(
                                   std::chrono::system_clock::now().time_since_epoch())
                                   .count());
}

// Sleeps `ms` in small steps; false when `stop` was raised meanwhile.
bool SleepUnlessStopped(uint64_t ms, const std::atomic<bool>& stop) {
  const auto until = Clock::now() + std::chrono::milliseconds(ms);
  while (Clock::now() < until) {
    if (stop.load()) return false;
    std::this_thread::sleep_for(std::chrono::milliseconds(std::min<uint64_t>(ms, 10)));
  }
  return !stop.load();
}

}  // namespace

struct BlobCache::PrefetchJob {
  std::vector<ResolvedChunk> chunks;  // one blob, sorted by stored offset
  int attempts = 0;
  uint64_t seq = 0;                   // queue order: jobs send their first request in this order
};

// Token bucket of §4.7: starts full with `rate` tokens, refills at `rate` per second (the
// spec's rate/10 every 100 ms, continuously), a request takes its size capped at 2 x rate and
// may drive the bucket negative; takers wait while it is empty.
class BlobCache::TokenBucket {
 public:
  explicit TokenBucket(uint64_t rate) : rate_(static_cast<double>(rate)), tokens_(rate_), last_(Clock::now()) {}

  bool Take(uint64_t bytes, const std::atomic<bool>& stop) {
    for (;;) {
      double wait_s = 0;
      {
        std::lock_guard<std::mutex> lock(mu_);
        Refill();
        if (tokens_ > 0) {
          tokens_ -= std::min(static_cast<double>(bytes), 2 * rate_);
          return true;
        }
        wait_s = -tokens_ / rate_;
      }
      const uint64_t ms = std::clamp<uint64_t>(static_cast<uint64_t>(wait_s * 1000) + 1, 1, 20);
      if (!SleepUnlessStopped(ms, stop)) return false;
    }
  }

  void Charge(uint64_t bytes) {
    std::lock_guard<std::mutex> lock(mu_);
    Refill();
    tokens_ -= std::min(static_cast<double>(bytes), 2 * rate_);
  }

 private:
  void Refill() {
    const auto now = Clock::now();
    const double elapsed = std::chrono::duration<double>(now - last_).count();
    last_ = now;
    tokens_ = std::min(rate_, tokens_ + elapsed * rate_);
  }

  const double rate_;
  std::mutex mu_;  // guards tokens_ and last_
  double tokens_;
  Clock::time_point last_;
};

// The PrefetchPlan the planner callback fills; runs on the planner thread only.
class BlobCache::Planner final : public PrefetchPlan {
 public:
  explicit Planner(BlobCache* cache) : cache_(cache), pending_(cache->blobs_.size()), bytes_(cache->blobs_.size()) {}

  bool stopped() const override { return cache_->stop_.load(); }

  void AddChunk(const ChunkRef& ref) override {
    if (stopped() || ref.blob_index >= pending_.size()) return;
    if (!seen_.insert({ref.blob_index, ref.index}).second) return;
    Result<ResolvedChunk> rc = cache_->reader_->Resolve(ref);
    if (rc.ok()) Add(std::move(rc).value());
  }

  bool AddWholeBlob(uint32_t blob_index) override {
    if (blob_index >= pending_.size() || !cache_->blobs_[blob_index].has_blob_meta()) return false;
    Result<uint32_t> count = cache_->reader_->MetaChunkCount(blob_index);
    if (!count.ok()) return true;  // the blob meta cannot be had now: on-demand reads will try again
    for (uint32_t i = 0; i < count.value() && !stopped(); ++i) {
      if (!seen_.insert({blob_index, i}).second) continue;
      Result<ResolvedChunk> rc = cache_->reader_->ResolveIndex(blob_index, i);
      if (rc.ok()) Add(std::move(rc).value());
    }
    return true;
  }

  void FlushAll() {
    for (uint32_t b = 0; b < pending_.size(); ++b) Flush(b);
  }

 private:
  void Add(ResolvedChunk chunk) {
    const uint32_t b = chunk.ref.blob_index;
    BlobCacheEntry& entry = *cache_->entries_[b];
    if (!entry.Check(chunk).ok()) return;
    cache_->prefetch_unmerged_.fetch_add(1);
    if (entry.IsReady(chunk)) return;
    bytes_[b] += chunk.stored_size;
    pending_[b].push_back(std::move(chunk));
    if (pending_[b].size() >= kFlushChunks || bytes_[b] >= kFlushBytes) Flush(b);
  }

  void Flush(uint32_t b) {
    if (pending_[b].empty()) return;
    cache_->QueueJobs(std::move(pending_[b]));
    pending_[b].clear();
    bytes_[b] = 0;
  }

  BlobCache* cache_;
  std::vector<std::vector<ResolvedChunk>> pending_;  // by blob index
  std::vector<uint64_t> bytes_;
  std::set<std::pair<uint32_t, uint32_t>> seen_;
};

// Defined here, where TokenBucket and PrefetchJob are complete.
BlobCache::BlobCache() = default;
BlobCache::~BlobCache() {
  StopPrefetch();
  StopReadAhead();
}

void BlobCache::ChargeBucket(uint64_t bytes) {
  if (bucket_) bucket_->Charge(bytes);
}

void BlobCache::QueueJobs(std::vector<ResolvedChunk> chunks) {
  std::vector<Item> items(chunks.size());
  std::vector<Item*> ptrs;
  for (size_t i = 0; i < chunks.size(); ++i) {
    items[i].chunk = std::move(chunks[i]);
    items[i].entry = entries_[items[i].chunk.ref.blob_index].get();
    ptrs.push_back(&items[i]);
  }
  std::vector<std::unique_ptr<PrefetchJob>> jobs;
  for (const std::vector<Item*>& range : Merge(std::move(ptrs), prefetch_.batch_size)) {
    auto job = std::make_unique<PrefetchJob>();
    for (const Item* it : range) job->chunks.push_back(it->chunk);
    jobs.push_back(std::move(job));
  }
  {
    std::lock_guard<std::mutex> lock(prefetch_mu_);
    for (auto& job : jobs) {
      job->seq = queued_seq_++;
      jobs_.push_back(std::move(job));
    }
  }
  jobs_cv_.notify_all();
}

void BlobCache::WaitTurn(uint64_t seq) {
  std::unique_lock<std::mutex> lock(turn_mu_);
  turn_cv_.wait(lock, [&] { return turn_ >= seq || stop_.load(); });
}

void BlobCache::PassTurn(uint64_t seq) {
  {
    std::lock_guard<std::mutex> lock(turn_mu_);
    if (turn_ > seq) return;
    turn_ = seq + 1;
  }
  turn_cv_.notify_all();
}

void BlobCache::RunJob(PrefetchJob& job) {
  // Jobs send their first request in queue order (the planner's: the prefetch list's order,
  // which is also the order files are likely read in), so the first files come first instead
  // of sharing the backend with every other worker's job; whatever ends a job passes its turn.
  struct Turn {
    BlobCache* cache;
    uint64_t seq;
    ~Turn() { cache->PassTurn(seq); }
  } turn{this, job.seq};
  for (;;) {
    std::vector<Item> items(job.chunks.size());
    std::vector<Item*> todo;
    for (size_t i = 0; i < job.chunks.size(); ++i) {
      Item& it = items[i];
      it.chunk = job.chunks[i];
      it.entry = entries_[it.chunk.ref.blob_index].get();
      if (!it.entry->IsReady(it.chunk)) todo.push_back(&it);
    }
    bool failed = false;
    for (const std::vector<Item*>& range : Merge(std::move(todo), prefetch_.batch_size)) {
      uint64_t start = range.front()->chunk.stored_offset, end = 0;
      for (const Item* it : range) {
        start = std::min(start, it->chunk.stored_offset);
        end = std::max(end, it->chunk.stored_end());
      }
      if (stop_.load() || (bucket_ && !bucket_->Take(end - start, stop_))) return;
      // On-demand reads go first: wait (a bounded while) for those in flight to finish.
      for (int waited = 0; on_demand_inflight_.load() > 0 && waited < 1000 && !stop_.load(); waited += 5) {
        std::this_thread::sleep_for(std::chrono::milliseconds(5));
      }
      if (stop_.load()) return;
      WaitTurn(job.seq);
      if (stop_.load()) return;
      // Claim only now, so an on-demand reader never waits for a chunk we merely plan to fetch.
      std::vector<Item*> claimed;
      uint64_t bytes_start = UINT64_MAX, bytes_end = 0;
      for (Item* it : range) {
        if (it->entry->IsReady(it->chunk) || !it->entry->TryClaim(it->chunk.ref.index)) continue;
        it->claimed = true;
        claimed.push_back(it);
        bytes_start = std::min(bytes_start, it->chunk.stored_offset);
        bytes_end = std::max(bytes_end, it->chunk.stored_end());
      }
      if (claimed.empty()) continue;
      PassTurn(job.seq);
      const auto t0 = Clock::now();
      Status s = FetchRange(claimed, ReadSource::kPrefetch);  // releases every claim
      prefetch_millis_.fetch_add(static_cast<uint64_t>(
          std::chrono::duration_cast<std::chrono::milliseconds>(Clock::now() - t0).count()));
      prefetch_requests_.fetch_add(1);
      if (s.ok()) {
        prefetch_amount_.fetch_add(bytes_end - bytes_start);
      } else {
        failed = true;
      }
    }
    if (!failed || job.attempts >= 1 || stop_.load()) return;
    job.attempts++;
    if (!SleepUnlessStopped(1000, stop_)) return;
  }
}

void BlobCache::WorkerMain() {
  for (;;) {
    std::unique_ptr<PrefetchJob> job;
    {
      std::unique_lock<std::mutex> lock(prefetch_mu_);
      jobs_cv_.wait(lock, [&] { return stop_.load() || !jobs_.empty() || planning_done_; });
      if (stop_.load() || jobs_.empty()) break;
      job = std::move(jobs_.front());
      jobs_.pop_front();
    }
    RunJob(*job);
  }
  std::lock_guard<std::mutex> lock(prefetch_mu_);
  if (--workers_running_ == 0) {
    prefetch_end_ms_.store(WallMillis());
    prefetch_active_.store(false);
  }
}

void BlobCache::PlannerMain(std::function<void(PrefetchPlan&)> plan) {
  Planner planner(this);
  plan(planner);
  if (!stop_.load()) planner.FlushAll();
  {
    std::lock_guard<std::mutex> lock(prefetch_mu_);
    planning_done_ = true;
  }
  jobs_cv_.notify_all();
}

Status BlobCache::StartPrefetch(std::function<void(PrefetchPlan&)> plan) {
  if (!prefetch_.enable) return Status::Ok();
  std::lock_guard<std::mutex> lock(prefetch_mu_);
  if (started_) return Status(EALREADY, "prefetch was already started for this image");
  started_ = true;
  if (stop_.load()) return Status(ECANCELED, "prefetch was stopped");
  if (prefetch_.bandwidth_limit != 0) bucket_ = std::make_unique<TokenBucket>(prefetch_.bandwidth_limit);
  prefetch_begin_ms_.store(WallMillis());
  prefetch_active_.store(true);
  workers_running_ = static_cast<int>(prefetch_.threads);
  for (uint32_t i = 0; i < prefetch_.threads; ++i) workers_.emplace_back([this] { WorkerMain(); });
  planner_ = std::thread([this, plan = std::move(plan)]() mutable { PlannerMain(std::move(plan)); });
  return Status::Ok();
}

void BlobCache::StopPrefetch() {
  std::thread planner;
  std::vector<std::thread> workers;
  {
    std::lock_guard<std::mutex> lock(prefetch_mu_);
    stop_.store(true);
    {
      std::lock_guard<std::mutex> turn_lock(turn_mu_);  // no WaitTurn misses the stop
    }
    turn_cv_.notify_all();
    planner = std::move(planner_);
    workers = std::move(workers_);
    workers_.clear();
  }
  jobs_cv_.notify_all();
  if (planner.joinable()) planner.join();
  for (std::thread& t : workers) {
    if (t.joinable()) t.join();
  }
  std::lock_guard<std::mutex> lock(prefetch_mu_);
  jobs_.clear();
}

}  // namespace nydus::storage
