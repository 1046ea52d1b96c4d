// BlobCacheEntry: opening a blob's cache files, the registry that shares entries between
// images, chunk state and in-flight tracking, and cache-file reads/writes (storage spec
// §4.2-4.3). Core layer (storage). Lock order: registry mutex, then nothing (entries are
// opened outside of any entry lock); an entry's `mu_` is a leaf.
#include "storage/blob_cache_entry.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cstring>
#include <map>

namespace nydus::storage {
namespace {

std::string Num(uint64_t v) { return std::to_string(v); }

Status Errno(const std::string& what) {
  const int err = errno;
  return Status(err, what + ": " + std::strerror(err));
}

std::string DigestKey(const Digest& d) { return std::string(d.begin(), d.end()); }

bool IsZero(const Digest& d) {
  for (uint8_t b : d) {
    if (b != 0) return false;
  }
  return true;
}

Status PreadFull(int fd, uint8_t* out, size_t length, uint64_t offset, const std::string& path) {
  size_t done = 0;
  while (done < length) {
    const ssize_t n = ::pread(fd, out + done, length - done, static_cast<off_t>(offset + done));
    if (n < 0 && errno == EINTR) continue;
    if (n < 0) return Errno(path + ": read at " + Num(offset + done));
    if (n == 0) return Status(EIO, path + ": short read at " + Num(offset + done));
    done += static_cast<size_t>(n);
  }
  return Status::Ok();
}

Status PwriteFull(int fd, const uint8_t* data, size_t length, uint64_t offset, const std::string& path) {
  size_t done = 0;
  while (done < length) {
    const ssize_t n = ::pwrite(fd, data + done, length - done, static_cast<off_t>(offset + done));
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) return n < 0 ? Errno(path + ": write at " + Num(offset + done)) : Status(EIO, path + ": short write");
    done += static_cast<size_t>(n);
  }
  return Status::Ok();
}

struct Registered {
  std::weak_ptr<BlobCacheEntry> entry;
  bool compressed = false;
};

// Process-wide registry keyed by the absolute `B.blob.data` path (also the base of the chunk
// map name, so the two modes of one blob in one work_dir can never be open together).
std::mutex& RegistryMutex() {
  static std::mutex mu;
  return mu;
}
std::map<std::string, Registered>& Registry() {
  static std::map<std::string, Registered> registry;
  return registry;
}

}  // namespace

Result<std::shared_ptr<BlobCacheEntry>> BlobCacheEntry::Get(const std::string& work_dir, const BlobInfo& blob,
                                                            bool compressed, bool disable_indexed_map) {
  if (blob.blob_id.empty() || blob.blob_id.find('/') != std::string::npos || blob.blob_id == "." ||
      blob.blob_id == "..") {
    return Status(EINVAL, "blob id '" + blob.blob_id + "' cannot name a cache file");
  }
  const std::string base = work_dir + "/" + blob.blob_id + ".blob.data";
  // Held while opening, so two images opening the same blob at once share one entry.
  std::lock_guard<std::mutex> lock(RegistryMutex());
  auto& registry = Registry();
  auto it = registry.find(base);
  if (it != registry.end()) {
    if (std::shared_ptr<BlobCacheEntry> live = it->second.entry.lock()) {
      if (it->second.compressed != compressed) {
        return Status(EINVAL, "blob cache " + base + " is already open in " +
                                  (it->second.compressed ? "compressed (raw)" : "plain") + " mode");
      }
      return live;
    }
    registry.erase(it);
  }

  std::shared_ptr<BlobCacheEntry> e(new BlobCacheEntry());
  e->blob_id_ = blob.blob_id;
  e->compressed_ = compressed;
  e->uncompressed_size_ = blob.uncompressed_size;
  e->data_path_ = compressed ? work_dir + "/" + blob.blob_id + ".blob.raw" : base;
  e->fd_ = ::open(e->data_path_.c_str(), O_RDWR | O_CREAT | O_CLOEXEC, 0644);
  if (e->fd_ < 0) return Errno("blob cache " + e->data_path_);
  struct stat st;
  if (::fstat(e->fd_, &st) != 0) return Errno("blob cache " + e->data_path_ + ": fstat");
  if (!compressed && blob.uncompressed_size != 0) {
    const uint64_t have = static_cast<uint64_t>(st.st_size);
    if (have > blob.uncompressed_size) {
      return Status(EIO, "blob cache " + e->data_path_ + ": file has " + Num(have) +
                             " bytes, more than the blob's uncompressed size " + Num(blob.uncompressed_size));
    }
    if (have < blob.uncompressed_size && ::ftruncate(e->fd_, static_cast<off_t>(blob.uncompressed_size)) != 0) {
      return Errno("blob cache " + e->data_path_ + ": extending to " + Num(blob.uncompressed_size));
    }
  }
  // v5 blobs without a chunk count (no extended blob table) cannot index a bitmap (§4.3).
  if (blob.chunk_count != 0 && !disable_indexed_map) {
    Result<std::unique_ptr<ChunkMap>> map = ChunkMap::Open(base + ".chunk_map", blob.chunk_count);
    if (!map.ok()) return map.status();
    e->map_ = std::move(map).value();
  }
  registry[base] = Registered{e, compressed};
  return e;
}

BlobCacheEntry::~BlobCacheEntry() {
  if (fd_ >= 0) ::close(fd_);
}

Status BlobCacheEntry::Check(const ResolvedChunk& chunk) const {
  const ChunkRef& r = chunk.ref;
  if (map_ != nullptr && r.index >= map_->chunk_count()) {
    return Status(EIO, "blob " + blob_id_ + " chunk " + Num(r.index) + " at compressed offset " +
                           Num(r.compressed_offset) + ": chunk index out of range (blob has " +
                           Num(map_->chunk_count()) + " chunks)");
  }
  if (uncompressed_size_ != 0 &&
      (r.uncompressed_offset > uncompressed_size_ || r.uncompressed_size > uncompressed_size_ - r.uncompressed_offset)) {
    return Status(EIO, "blob " + blob_id_ + " chunk " + Num(r.index) + ": uncompressed range [" +
                           Num(r.uncompressed_offset) + ", +" + Num(r.uncompressed_size) +
                           ") lies past the blob's " + Num(uncompressed_size_) + " bytes");
  }
  return Status::Ok();
}

bool BlobCacheEntry::IsReady(const ResolvedChunk& chunk) const {
  if (map_ != nullptr) return map_->IsReady(chunk.ref.index);
  if (!chunk.digest_known || IsZero(chunk.ref.digest)) return false;
  std::lock_guard<std::mutex> lock(mu_);
  return ready_digests_.count(DigestKey(chunk.ref.digest)) != 0;
}

bool BlobCacheEntry::MaybeCached(const ResolvedChunk& chunk) const {
  if (map_ != nullptr) return map_->IsReady(chunk.ref.index);
  return chunk.digest_known && !IsZero(chunk.ref.digest);
}

void BlobCacheEntry::NoteValidated(const ResolvedChunk& chunk) {
  if (map_ != nullptr || !chunk.digest_known || IsZero(chunk.ref.digest)) return;
  std::lock_guard<std::mutex> lock(mu_);
  ready_digests_.insert(DigestKey(chunk.ref.digest));
}

bool BlobCacheEntry::TryClaim(uint32_t index) {
  std::lock_guard<std::mutex> lock(mu_);
  return pending_.insert(index).second;
}

void BlobCacheEntry::Release(uint32_t index) {
  {
    std::lock_guard<std::mutex> lock(mu_);
    pending_.erase(index);
  }
  cv_.notify_all();
}

bool BlobCacheEntry::WaitWhilePending(uint32_t index, std::chrono::milliseconds limit) {
  std::unique_lock<std::mutex> lock(mu_);
  return cv_.wait_for(lock, limit, [&] { return pending_.count(index) == 0; });
}

Status BlobCacheEntry::ReadPlain(const ResolvedChunk& chunk, uint32_t offset_in_chunk, uint8_t* out,
                                 size_t length) const {
  if (compressed_) return Status(EINVAL, "blob cache " + data_path_ + " holds stored bytes, not plain ones");
  if (offset_in_chunk > chunk.ref.uncompressed_size || length > chunk.ref.uncompressed_size - offset_in_chunk) {
    return Status(EIO, "blob " + blob_id_ + " chunk " + Num(chunk.ref.index) + ": read past the chunk end");
  }
  return PreadFull(fd_, out, length, chunk.ref.uncompressed_offset + offset_in_chunk, data_path_);
}

Result<std::vector<uint8_t>> BlobCacheEntry::ReadCached(const ResolvedChunk& chunk) const {
  std::vector<uint8_t> out(compressed_ ? chunk.stored_size : chunk.ref.uncompressed_size);
  const uint64_t at = compressed_ ? chunk.stored_offset : chunk.ref.uncompressed_offset;
  Status s = PreadFull(fd_, out.data(), out.size(), at, data_path_);
  if (!s.ok()) return s;
  return out;
}

Status BlobCacheEntry::Persist(const ResolvedChunk& chunk, ByteView plain, ByteView stored) {
  Status s = Check(chunk);
  if (!s.ok()) return s;
  if (compressed_) {
    s = PwriteFull(fd_, stored.data, stored.size, chunk.stored_offset, data_path_);
  } else {
    s = PwriteFull(fd_, plain.data, plain.size, chunk.ref.uncompressed_offset, data_path_);
  }
  if (!s.ok()) return s;
  // The bit is set only after the data is in the file (§4.3).
  if (map_ != nullptr) return map_->SetReady(chunk.ref.index);
  if (chunk.digest_known && !IsZero(chunk.ref.digest)) {
    std::lock_guard<std::mutex> lock(mu_);
    ready_digests_.insert(DigestKey(chunk.ref.digest));
  }
  return Status::Ok();
}

}  // namespace nydus::storage
