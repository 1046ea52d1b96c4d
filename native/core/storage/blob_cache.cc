// BlobCache: opening an image's cache entries, the cached read path with in-flight
// de-duplication, read merging and amplification, and metrics (storage spec §4.3, §4.5,
// §4.6). Core layer (storage). Prefetch lives in blob_cache_prefetch.cc.
#include "storage/blob_cache.h"

#include <algorithm>
#include <cstring>
#include <map>
#include <set>
#include <utility>

#include "storage/cache_file.h"

namespace nydus::storage {
namespace {

std::string Num(uint64_t v) { return std::to_string(v); }

constexpr uint64_t kMinBatch = 128 << 10;
constexpr auto kPendingWait = std::chrono::milliseconds(2000);
// A miss continues the blob's last on-demand read when it starts where that read ended, or at
// the next 4 KiB boundary (v6 uncompressed chunks sit at 4 KiB aligned offsets). Skipping even
// a tiny file in a packed blob is not continuing.
bool Continues(uint64_t last, uint64_t start) {
  return last != UINT64_MAX && (start == last || start == ((last + 4095) & ~uint64_t{4095}));
}

}  // namespace

Result<std::unique_ptr<BlobCache>> BlobCache::Open(const CacheOptions& options, const PrefetchOptions& prefetch,
                                                   const std::vector<BlobInfo>& blobs, ChunkReader* reader,
                                                   BlobBackend* backend, uint64_t amplify_io, bool validate_digest) {
  if (options.work_dir.empty()) return Status(EINVAL, "blob cache: work_dir is required");
  std::unique_ptr<BlobCache> cache(new BlobCache());
  cache->options_ = options;
  cache->prefetch_ = prefetch;
  cache->prefetch_.threads = std::clamp<uint32_t>(prefetch.threads, 1, 1024);
  cache->prefetch_.batch_size = std::max<uint64_t>(prefetch.batch_size, kMinBatch);
  if (prefetch.bandwidth_limit != 0) {
    cache->prefetch_.bandwidth_limit = std::max<uint64_t>(prefetch.bandwidth_limit, 16ull << 20);
  }
  cache->blobs_ = blobs;
  cache->reader_ = reader;
  cache->backend_ = backend;
  cache->amplify_io_ = amplify_io;
  cache->validate_digest_ = validate_digest;
  cache->store_path_ = AbsolutePath(options.work_dir);
  while (cache->store_path_.size() > 1 && cache->store_path_.back() == '/') cache->store_path_.pop_back();
  Status s = MakeDirs(cache->store_path_);
  if (!s.ok()) return Status(s.error_number(), "blob cache work_dir: " + s.message());
  for (const BlobInfo& blob : blobs) {
    Result<std::shared_ptr<BlobCacheEntry>> entry =
        BlobCacheEntry::Get(cache->store_path_, blob, options.compressed, options.disable_indexed_map);
    if (!entry.ok()) return entry.status();
    cache->entries_.push_back(std::move(entry).value());
  }
  cache->last_end_.assign(blobs.size(), UINT64_MAX);
  cache->run_.assign(blobs.size(), 0);
  cache->ahead_end_.assign(blobs.size(), 0);
  return cache;
}

bool BlobCache::NeedsValidation(const Item& item) const {
  if (validate_digest_ || item.entry->digest_based()) return true;
  const BlobInfo& blob = blobs_[item.chunk.ref.blob_index];
  return options_.validate && (!blob.has_blob_meta() || (blob.features & kBlobInlinedChunkDigest) != 0);
}

bool BlobCache::ServeFromCache(Item& item) {
  const bool validate = NeedsValidation(item);
  if (!item.entry->compressed() && !validate) {
    // Fast path: straight from the data file into the caller's buffer.
    for (const Item::Part& p : item.parts) {
      if (!item.entry->ReadPlain(item.chunk, p.offset, p.dest, p.length).ok()) return false;
    }
    return true;
  }
  Result<std::vector<uint8_t>> cached = item.entry->ReadCached(item.chunk);
  if (!cached.ok()) return false;
  std::vector<uint8_t> plain;
  if (item.entry->compressed()) {
    Result<std::vector<uint8_t>> decoded = reader_->Decode(item.chunk, ByteView(cached.value()));
    if (!decoded.ok()) return false;
    plain = std::move(decoded).value();
  } else {
    plain = std::move(cached).value();
  }
  if (!reader_->Validate(item.chunk, ByteView(plain), validate).ok()) return false;
  for (const Item::Part& p : item.parts) std::memcpy(p.dest, plain.data() + p.offset, p.length);
  item.entry->NoteValidated(item.chunk);
  return true;
}

std::vector<std::vector<BlobCache::Item*>> BlobCache::Merge(std::vector<Item*> items, uint64_t limit) const {
  std::sort(items.begin(), items.end(), [](const Item* a, const Item* b) {
    const ChunkRef& x = a->chunk.ref;
    const ChunkRef& y = b->chunk.ref;
    if (x.blob_index != y.blob_index) return x.blob_index < y.blob_index;
    if (a->chunk.stored_offset != b->chunk.stored_offset) return a->chunk.stored_offset < b->chunk.stored_offset;
    return x.uncompressed_offset < y.uncompressed_offset;
  });
  const uint64_t gap = limit >> 7;
  std::vector<std::vector<Item*>> ranges;
  uint64_t start = 0, end = 0;
  for (Item* it : items) {
    if (!ranges.empty()) {
      const Item* prev = ranges.back().back();
      const ResolvedChunk& c = it->chunk;
      const bool same_blob = prev->chunk.ref.blob_index == c.ref.blob_index;
      // Members of one batch share their stored object.
      const bool same_object = c.stored_offset == prev->chunk.stored_offset && c.stored_size == prev->chunk.stored_size;
      const uint64_t new_end = std::max(end, c.stored_end());
      const bool continuous = c.stored_offset >= end && c.stored_offset - end <= gap && new_end - start <= limit;
      if (same_blob && (same_object || continuous)) {
        ranges.back().push_back(it);
        end = new_end;
        continue;
      }
    }
    ranges.push_back({it});
    start = it->chunk.stored_offset;
    end = it->chunk.stored_end();
  }
  return ranges;
}

Status BlobCache::ReadOnDemand(const BlobInfo& blob, uint64_t offset, uint8_t* buf, size_t length) {
  on_demand_inflight_.fetch_add(1);
  if (prefetch_active_.load() && bucket_) ChargeBucket(length);
  Status s = backend_->ReadAt(blob.blob_id, offset, buf, length, ReadSource::kOnDemand);
  on_demand_inflight_.fetch_sub(1);
  return s;
}

namespace {

// "blob B chunk C (+N more) at compressed offset O": how errors name a range.
template <typename Items>
std::string RangeName(const BlobInfo& blob, const Items& range, uint64_t start) {
  return "blob " + blob.blob_id + " chunk " + Num(range.front()->chunk.ref.index) +
         (range.size() > 1 ? " (+" + Num(range.size() - 1) + " more)" : std::string()) + " at compressed offset " +
         Num(start);
}

}  // namespace

Status BlobCache::FetchRange(const std::vector<Item*>& range, ReadSource source) {
  auto release_all = [&] {
    for (Item* it : range) it->Release();
  };
  const BlobInfo& blob = blobs_[range.front()->chunk.ref.blob_index];
  uint64_t start = range.front()->chunk.stored_offset, end = 0;
  for (const Item* it : range) {
    start = std::min(start, it->chunk.stored_offset);
    end = std::max(end, it->chunk.stored_end());
  }
  const std::string what = RangeName(blob, range, start);
  std::vector<uint8_t> buf;
  try {
    buf.resize(end - start);
  } catch (const std::exception&) {
    release_all();
    return Status(ENOMEM, what + ": cannot allocate " + Num(end - start) + " bytes");
  }
  Status s = source == ReadSource::kOnDemand ? ReadOnDemand(blob, start, buf.data(), buf.size())
                                             : backend_->ReadAt(blob.blob_id, start, buf.data(), buf.size(), source);
  if (!s.ok()) {
    release_all();
    return Status(EIO, what + ", " + Num(buf.size()) + " bytes: " + s.message());
  }
  return FillRange(range, buf.data(), start, source);
}

Status BlobCache::FetchOnDemand(const std::vector<Item*>& range, bool may_start) {
  const uint32_t b = range.front()->chunk.ref.blob_index;
  const BlobInfo& blob = blobs_[b];
  uint64_t start = range.front()->chunk.stored_offset, end = 0;
  for (const Item* it : range) {
    start = std::min(start, it->chunk.stored_offset);
    end = std::max(end, it->chunk.stored_end());
  }
  auto release_all = [&] {
    for (Item* it : range) it->Release();
  };
  // Windows of this blob that cover the range from its start on, contiguously.
  std::vector<std::shared_ptr<Window>> cover;
  bool sequential = false;
  {
    std::lock_guard<std::mutex> lock(stream_mu_);
    uint64_t pos = start;
    for (bool more = true; more && pos < end;) {
      more = false;
      for (auto it = windows_.rbegin(); it != windows_.rend(); ++it) {
        const Window& w = **it;
        if (w.blob_index == b && w.start <= pos && pos < w.end()) {
          cover.push_back(*it);
          pos = w.end();
          more = true;
          break;
        }
      }
    }
    const uint64_t last = last_end_[b];
    if (may_start) {
      run_[b] = Continues(last, start) ? run_[b] + 1 : 0;
      sequential = amplify_io_ > 0 && run_[b] >= kSequentialRun;
    }
    last_end_[b] = end;
  }
  auto drop = [this](const std::shared_ptr<Window>& w) {
    std::lock_guard<std::mutex> lock(stream_mu_);
    windows_.erase(std::remove(windows_.begin(), windows_.end(), w), windows_.end());
  };
  // Wait for background windows; coverage ends at the first one that failed (or is stuck).
  uint64_t covered = start;
  size_t usable = 0;
  for (const auto& w : cover) {
    bool done, ok;
    {
      std::unique_lock<std::mutex> lock(w->mu);
      w->cv.wait_for(lock, kPendingWait, [&] { return w->done; });
      done = w->done;
      ok = w->done && w->ok;
    }
    if (done && !ok) drop(w);
    if (!ok) break;
    covered = std::min(end, w->end());
    ++usable;
  }
  cover.resize(usable);
  const std::string what = RangeName(blob, range, start);

  // The bytes past the windows: none; or, for a reader that starts a chain or has caught up
  // with the front of one, a new window from there reaching amplify_io past it (the chain
  // goes on from its end); or just the rest of the range.
  std::shared_ptr<Window> fresh;
  if (covered < end) {
    if (cover.empty() && !sequential) return FetchRange(range, ReadSource::kOnDemand);
    bool front = false;
    if (!cover.empty()) {
      std::lock_guard<std::mutex> lock(stream_mu_);
      front = cover.back()->end() == ahead_end_[b];
    }
    const bool chain = (sequential || front) && amplify_io_ > 0 && blob.compressed_size >= end;
    const uint64_t until = chain ? std::max(end, std::min(blob.compressed_size, covered + amplify_io_)) : end;
    fresh = std::make_shared<Window>();
    fresh->blob_index = b;
    fresh->start = covered;
    try {
      fresh->bytes.resize(until - covered);
    } catch (const std::exception&) {
      release_all();
      return Status(ENOMEM, what + ": cannot allocate " + Num(until - covered) + " bytes");
    }
    Status s = ReadOnDemand(blob, covered, fresh->bytes.data(), fresh->bytes.size());
    if (!s.ok()) {
      release_all();
      return Status(EIO, what + ", " + Num(fresh->bytes.size()) + " bytes" + (chain ? " (with read-ahead)" : "") +
                             ": " + s.message());
    }
    fresh->done = fresh->ok = true;
    cover.push_back(fresh);
    if (chain) {
      std::lock_guard<std::mutex> lock(stream_mu_);
      if (windows_.size() >= kWindows) windows_.erase(windows_.begin());
      windows_.push_back(fresh);
      ahead_end_[b] = fresh->end();  // a new read-ahead chain starts here
    }
  }
  // The stored bytes of the range: straight from one window, or pieced together.
  const uint8_t* stored = nullptr;
  std::vector<uint8_t> joined;
  if (cover.size() == 1) {
    stored = cover[0]->bytes.data() + (start - cover[0]->start);
  } else {
    try {
      joined.resize(end - start);
    } catch (const std::exception&) {
      release_all();
      return Status(ENOMEM, what + ": cannot allocate " + Num(end - start) + " bytes");
    }
    uint64_t pos = start;
    for (const auto& w : cover) {
      const uint64_t n = std::min(end, w->end()) - pos;
      std::memcpy(joined.data() + (pos - start), w->bytes.data() + (pos - w->start), n);
      pos += n;
    }
    stored = joined.data();
  }
  Status s = FillRange(range, stored, start, ReadSource::kOnDemand);
  if (!s.ok()) {
    for (const auto& w : cover) drop(w);  // bad bytes: later misses go to the backend again
    return s;
  }
  ScheduleReadAhead(b, cover.back()->end());
  return s;
}

void BlobCache::ScheduleReadAhead(uint32_t b, uint64_t from) {
  const uint64_t size = blobs_[b].compressed_size;
  const uint64_t step = std::max<uint64_t>(amplify_io_, 1);
  {
    std::lock_guard<std::mutex> lock(stream_mu_);
    if (ahead_stop_) return;
    uint64_t& next = ahead_end_[b];
    const uint64_t until = std::min(size, from + kReadAheadDepth * step);
    // Only a chain that reaches the window being consumed is extended (not one another
    // reader started elsewhere in the blob).
    if (next < from || next > until) return;
    while (next < until) {
      auto w = std::make_shared<Window>();
      w->blob_index = b;
      w->start = next;
      try {
        w->bytes.resize(std::min(step, size - next));
      } catch (const std::exception&) {
        return;
      }
      next = w->end();
      if (windows_.size() >= kWindows) windows_.erase(windows_.begin());
      windows_.push_back(w);
      ahead_queue_.push_back(std::move(w));
    }
    while (ahead_threads_.size() < kReadAheadDepth) ahead_threads_.emplace_back([this] { ReadAheadMain(); });
  }
  ahead_cv_.notify_all();
}

void BlobCache::ReadAheadMain() {
  for (;;) {
    std::shared_ptr<Window> w;
    {
      std::unique_lock<std::mutex> lock(stream_mu_);
      ahead_cv_.wait(lock, [&] { return ahead_stop_ || !ahead_queue_.empty(); });
      if (ahead_stop_) return;
      w = std::move(ahead_queue_.front());
      ahead_queue_.pop_front();
    }
    // Speculative: the prefetch retry policy; a failure only sends the reader to the backend itself.
    const Status s = backend_->ReadAt(blobs_[w->blob_index].blob_id, w->start, w->bytes.data(), w->bytes.size(),
                                      ReadSource::kPrefetch);
    {
      std::lock_guard<std::mutex> lock(w->mu);
      w->done = true;
      w->ok = s.ok();
    }
    w->cv.notify_all();
  }
}

void BlobCache::StopReadAhead() {
  std::vector<std::thread> threads;
  {
    std::lock_guard<std::mutex> lock(stream_mu_);
    ahead_stop_ = true;
    threads.swap(ahead_threads_);
    // Readers waiting on windows that will never be read give up at once.
    for (auto& w : ahead_queue_) {
      std::lock_guard<std::mutex> wl(w->mu);
      w->done = true;
    }
    for (auto& w : ahead_queue_) w->cv.notify_all();
    ahead_queue_.clear();
  }
  ahead_cv_.notify_all();
  for (std::thread& t : threads) t.join();
}

Status BlobCache::FillRange(const std::vector<Item*>& range, const uint8_t* stored_bytes, uint64_t start,
                            ReadSource source) {
  Status first_error;  // of a chunk with user bytes (or of any chunk, for prefetch)
  for (Item* it : range) {
    const ResolvedChunk& c = it->chunk;
    const ByteView stored(stored_bytes + (c.stored_offset - start), c.stored_size);
    Result<std::vector<uint8_t>> plain = reader_->Decode(c, stored);
    Status bad = plain.ok() ? Status::Ok() : plain.status();
    if (bad.ok()) {
      Result<ChunkReader::Checked> checked = reader_->Validate(c, ByteView(plain.value()), NeedsValidation(*it));
      if (!checked.ok()) bad = checked.status();
    }
    if (!bad.ok()) {
      it->Release();
      // Chunks fetched only by amplification fail nobody's read.
      if ((!it->parts.empty() || source == ReadSource::kPrefetch) && first_error.ok()) {
        first_error = Status(bad.error_number() == ENOTSUP ? ENOTSUP : EIO, bad.message());
      }
      continue;
    }
    for (const Item::Part& p : it->parts) std::memcpy(p.dest, plain.value().data() + p.offset, p.length);
    // A failed write only means the chunk is fetched again next time.
    (void)it->entry->Persist(c, ByteView(plain.value()), stored);
    it->Release();
  }
  return first_error;
}

Status BlobCache::Read(const std::vector<ReadSlice>& slices, const AmplifyFn& amplify, bool starts_file) {
  total_.fetch_add(1, std::memory_order_relaxed);
  std::vector<std::unique_ptr<Item>> items;
  std::map<std::pair<uint32_t, uint32_t>, Item*> by_key;
  // Releases every in-flight mark still held when the read returns (errors included).
  struct ClaimGuard {
    std::vector<std::unique_ptr<Item>>& items;
    ~ClaimGuard() {
      for (auto& it : items) it->Release();
    }
  } guard{items};

  for (const ReadSlice& s : slices) {
    const std::pair<uint32_t, uint32_t> key(s.chunk.blob_index, s.chunk.index);
    Item* item = nullptr;
    auto found = by_key.find(key);
    if (found != by_key.end()) {
      item = found->second;
    } else {
      if (s.chunk.blob_index >= entries_.size()) {
        return Status(EIO, "chunk " + Num(s.chunk.index) + " refers to blob index " + Num(s.chunk.blob_index) +
                               " but the blob table has " + Num(entries_.size()) + " blobs");
      }
      Result<ResolvedChunk> rc = reader_->Resolve(s.chunk);
      if (!rc.ok()) return rc.status();
      auto owned = std::make_unique<Item>();
      owned->chunk = std::move(rc).value();
      owned->entry = entries_[s.chunk.blob_index].get();
      Status ok = owned->entry->Check(owned->chunk);
      if (!ok.ok()) return ok;
      item = owned.get();
      by_key[key] = item;
      items.push_back(std::move(owned));
    }
    if (uint64_t{s.offset_in_chunk} + s.length > item->chunk.ref.uncompressed_size) {
      return Status(EIO, "blob " + blobs_[s.chunk.blob_index].blob_id + " chunk " + Num(s.chunk.index) +
                             " is shorter than the file expects");
    }
    item->parts.push_back({s.offset_in_chunk, s.length, s.dest});
  }

  size_t hits = 0;
  std::vector<Item*> fetch, wait;
  for (auto& it : items) {
    if (it->entry->MaybeCached(it->chunk) && ServeFromCache(*it)) {
      ++hits;
    } else if (it->entry->TryClaim(it->chunk.ref.index)) {
      it->claimed = true;
      fetch.push_back(it.get());
    } else {
      wait.push_back(it.get());
    }
  }
  if (fetch.empty() && wait.empty()) {
    whole_hits_.fetch_add(1, std::memory_order_relaxed);
    return Status::Ok();
  }
  if (hits > 0) partial_hits_.fetch_add(1, std::memory_order_relaxed);

  // Amplification: following chunks of the same file, up to amplify_io bytes in all.
  if (amplify && amplify_io_ > 0 && !fetch.empty()) {
    uint64_t total = 0;
    for (const Item* it : fetch) total += it->chunk.ref.uncompressed_size;
    for (const ChunkRef& ref : amplify()) {
      const std::pair<uint32_t, uint32_t> key(ref.blob_index, ref.index);
      if (by_key.count(key) != 0 || ref.blob_index >= entries_.size()) continue;
      if (total + ref.uncompressed_size > amplify_io_) break;
      Result<ResolvedChunk> rc = reader_->Resolve(ref);
      if (!rc.ok()) break;
      auto owned = std::make_unique<Item>();
      owned->chunk = std::move(rc).value();
      owned->entry = entries_[ref.blob_index].get();
      if (!owned->entry->Check(owned->chunk).ok()) break;
      total += ref.uncompressed_size;
      if (owned->entry->IsReady(owned->chunk) || !owned->entry->TryClaim(ref.index)) continue;
      owned->claimed = true;
      fetch.push_back(owned.get());
      items.push_back(std::move(owned));
    }
  }

  for (const std::vector<Item*>& range : Merge(fetch, std::max(amplify_io_, kMinBatch))) {
    const bool user = std::any_of(range.begin(), range.end(), [](const Item* it) { return !it->parts.empty(); });
    if (!user) {
      for (Item* it : range) it->Release();
      continue;
    }
    Status s = FetchOnDemand(range, starts_file);
    if (!s.ok()) return s;
  }

  // Chunks another reader was fetching: wait for it, then use the cache or fetch ourselves.
  for (Item* it : wait) {
    it->entry->WaitWhilePending(it->chunk.ref.index, kPendingWait);
    if (it->entry->MaybeCached(it->chunk) && ServeFromCache(*it)) continue;
    it->claimed = it->entry->TryClaim(it->chunk.ref.index);
    Status s = FetchRange({it}, ReadSource::kOnDemand);
    if (!s.ok()) return s;
  }
  return Status::Ok();
}

CacheMetricsSnapshot BlobCache::Metrics() const {
  CacheMetricsSnapshot m;
  m.store_path = store_path_;
  std::set<std::string> files;
  bool all_ready = !entries_.empty();
  for (const auto& e : entries_) {
    if (files.insert(e->data_path()).second) m.underlying_files.push_back(e->data_path());
    all_ready = all_ready && e->all_ready();
  }
  m.entries_count = entries_.size();
  m.data_all_ready = all_ready;
  m.total = total_.load(std::memory_order_relaxed);
  m.whole_hits = whole_hits_.load(std::memory_order_relaxed);
  m.partial_hits = partial_hits_.load(std::memory_order_relaxed);
  m.prefetch_data_amount = prefetch_amount_.load();
  m.prefetch_requests_count = prefetch_requests_.load();
  m.prefetch_unmerged_chunks = prefetch_unmerged_.load();
  m.prefetch_cumulative_time_millis = prefetch_millis_.load();
  m.prefetch_workers = prefetch_.enable ? prefetch_.threads : 0;
  const uint64_t begin = prefetch_begin_ms_.load(), end = prefetch_end_ms_.load();
  m.prefetch_begin_time_secs = begin / 1000;
  m.prefetch_begin_time_millis = begin % 1000;
  m.prefetch_end_time_secs = end / 1000;
  m.prefetch_end_time_millis = end % 1000;
  return m;
}

}  // namespace nydus::storage
