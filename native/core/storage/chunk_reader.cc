// ChunkReader: resolves chunk details (bootstrap record, blob meta, digest array) and reads,
// decompresses and validates chunk data (storage spec §1.2-1.4, §1.9; rafs-format §4.12).
// Core layer (storage). Per-blob metadata is loaded lazily under that blob's mutex and then
// shared read-only; chunk reads take no lock of their own.
#include "storage/chunk_reader.h"

#include <algorithm>
#include <atomic>
#include <cstdio>
#include <cstring>
#include <mutex>
#include <string>

#include "storage/blob_meta.h"
#include "storage/cache_file.h"
#include "storage/compressor.h"
#include "storage/crc32c.h"
#include "storage/toc.h"

namespace nydus::storage {
namespace {

std::string Num(uint64_t v) { return std::to_string(v); }

std::string Hex32(uint32_t v) {
  char buf[16];
  std::snprintf(buf, sizeof buf, "0x%08x", v);
  return buf;
}

std::string HexDigest(const Digest& d) {
  static const char kHex[] = "0123456789abcdef";
  std::string out;
  for (uint8_t b : d) {
    out.push_back(kHex[b >> 4]);
    out.push_back(kHex[b & 15]);
  }
  return out;
}

bool IsZero(const Digest& d) {
  return std::all_of(d.begin(), d.end(), [](uint8_t b) { return b == 0; });
}

// Stored bytes of a chunk may exceed its plain size only by a compressor's worst-case
// expansion (§1.2 stores incompressible chunks raw, so this is slack for old builders).
uint64_t MaxStoredSize(uint64_t plain) { return plain + plain / 16 + 4096; }

uint32_t ChunkFlagsFromCi(const ChunkInfoEntry& e) {
  uint32_t flags = 0;
  if (e.compressed()) flags |= kChunkCompressed;
  if (e.encrypted()) flags |= kChunkEncrypted;
  if (e.batch()) flags |= kChunkBatch;
  if (e.has_crc32()) flags |= kChunkHasCrc32;
  return flags;
}

// What one blob's lazily loaded metadata holds. Immutable once published.
struct LoadedBlob {
  std::unique_ptr<BlobMeta> meta;  // null when the blob has no chunk-info array
  std::vector<Digest> digests;     // empty unless INLINED_CHUNK_DIGEST + ToC
};

// A resolved chunk plus what only blob meta knows (batch / ZRan placement).
struct ReadPlan {
  ChunkRef ref;
  bool digest_known = false;
  bool zran = false;
  uint32_t context_index = 0;
  uint32_t context_offset = 0;
  std::shared_ptr<const LoadedBlob> loaded;  // keeps meta alive for batch reads
};


// Plain bytes of a located chunk from its stored object (§1.2, §1.9).
Result<std::vector<uint8_t>> DecodeChunk(const BlobInfo& blob, const ResolvedChunk& c, ByteView stored) {
  const ChunkRef& r = c.ref;
  const std::string where = "blob " + blob.blob_id + " chunk " + Num(r.index) +
                            " at compressed offset " + Num(r.compressed_offset) + ": ";
  if ((r.flags & kChunkEncrypted) != 0 || blob.cipher != 0) {
    return Status(ENOTSUP, where + "encrypted chunks are not supported");
  }
  if (c.zran) return Status(ENOTSUP, where + "ZRan (gzip reference) chunks are not supported");
  if (stored.size != c.stored_size) {
    return Status(EIO, where + "expected " + Num(c.stored_size) + " stored bytes, got " + Num(stored.size));
  }
  if (c.batch()) {
    std::vector<uint8_t> batch;
    if (c.stored_size == c.batch_plain_size) {
      batch.assign(stored.data, stored.data + stored.size);
    } else {
      Result<std::vector<uint8_t>> plain = Decompress(blob.compression, stored, c.batch_plain_size);
      if (!plain.ok()) {
        return Status(EIO, where + "batch at " + Num(c.stored_offset) + ": " + plain.status().message());
      }
      batch = std::move(plain).value();
    }
    if (c.batch_offset > batch.size() || r.uncompressed_size > batch.size() - c.batch_offset) {
      return Status(EIO, where + "batch member lies outside its batch");
    }
    return std::vector<uint8_t>(batch.begin() + c.batch_offset,
                                batch.begin() + c.batch_offset + r.uncompressed_size);
  }
  if ((r.flags & kChunkCompressed) == 0) {
    if (stored.size != r.uncompressed_size) {
      return Status(EIO, where + Num(stored.size) + " stored bytes for a " + Num(r.uncompressed_size) +
                             "-byte chunk");
    }
    return std::vector<uint8_t>(stored.data, stored.data + stored.size);
  }
  std::vector<uint8_t> out(r.uncompressed_size);
  Status s = DecompressInto(blob.compression, stored, out.data(), out.size());
  if (!s.ok()) {
    return Status(EIO, where + "corrupt " + std::string(CompressionName(blob.compression)) +
                           " data: " + s.message());
  }
  return out;
}

// The §1.4 reader rule: CRC whenever present; digest when known and asked for (`always`
// checks it even next to a CRC).
Result<ChunkReader::Checked> ValidateChunk(const BlobInfo& blob, const ResolvedChunk& c, ByteView plain,
                                           bool check_digest, bool always) {
  const ChunkRef& r = c.ref;
  const std::string where = "blob " + blob.blob_id + " chunk " + Num(r.index) +
                            " at compressed offset " + Num(r.compressed_offset) + ": ";
  ChunkReader::Checked out;
  if (plain.size != r.uncompressed_size) {
    return Status(EIO, where + "decoded " + Num(plain.size) + " bytes, expected " + Num(r.uncompressed_size));
  }
  const bool has_crc = (r.flags & kChunkHasCrc32) != 0;
  if (has_crc) {
    const uint32_t crc = Crc32c(plain);
    if (crc != r.crc32) {
      return Status(EIO, where + "CRC-32C mismatch (computed " + Hex32(crc) + ", expected " +
                             Hex32(r.crc32) + ")");
    }
    out.crc_checked = true;
  }
  if (c.digest_known && (always || (!has_crc && check_digest))) {
    Result<Digest> d = ComputeDigest(blob.digest, plain);
    if (!d.ok()) return d.status();
    if (d.value() != r.digest) {
      return Status(EIO, where + std::string(DigestName(blob.digest)) + " digest mismatch (computed " +
                             HexDigest(d.value()) + ", expected " + HexDigest(r.digest) + ")");
    }
    out.digest_checked = true;
  }
  return out;
}

}  // namespace

struct ChunkReader::Impl {
  struct BlobState {
    std::mutex mu;  // held while loading so each blob loads once
    // Published once with std::atomic_store, read with std::atomic_load: the data path reads it
    // on every chunk, so a loaded blob costs no lock.
    std::shared_ptr<const LoadedBlob> loaded;
    // Plain (stored uncompressed) chunks whose checks have passed once, so later slices of them
    // are read straight from the backend. Sized by the blob's chunk count (empty when unknown).
    std::unique_ptr<std::atomic<uint64_t>[]> checked;
    uint32_t checked_chunks = 0;
    bool IsChecked(uint32_t index) const {
      return index < checked_chunks && (checked[index / 64].load(std::memory_order_acquire) >> (index % 64) & 1) != 0;
    }
    void NoteChecked(uint32_t index) {
      if (index < checked_chunks) checked[index / 64].fetch_or(uint64_t{1} << (index % 64), std::memory_order_release);
    }
  };

  std::vector<BlobInfo> blobs;
  BlobBackend* backend;
  ChunkReaderOptions options;
  std::string meta_cache_dir;
  std::vector<std::unique_ptr<BlobState>> states;  // one per blob; the vector never changes

  Result<std::shared_ptr<const LoadedBlob>> Load(uint32_t blob_index);
  Result<std::unique_ptr<BlobMeta>> LoadMeta(const BlobInfo& blob);
  Result<std::vector<Digest>> LoadDigests(const BlobInfo& blob);
  Result<ReadPlan> MakePlan(const ChunkRef& ref);
  Result<ResolvedChunk> Locate(const ReadPlan& plan);
  Result<Verified> Read(const ChunkRef& ref, bool always_verify);
};

Result<std::unique_ptr<BlobMeta>> ChunkReader::Impl::LoadMeta(const BlobInfo& blob) {
  if (meta_cache_dir.empty()) return BlobMeta::Load(*backend, blob);
  const std::string path = meta_cache_dir + "/" + blob.blob_id + ".blob.meta";
  const uint64_t size = ((blob.ci_uncompressed_size + 4095) & ~uint64_t{4095}) + kBlobMetaHeaderSize;
  if (blob.ci_uncompressed_size <= kMaxChunkInfoV2Area) {
    Result<std::vector<uint8_t>> cached = ReadCacheFile(path, size);
    if (cached.ok()) {
      Result<std::unique_ptr<BlobMeta>> meta = BlobMeta::FromCacheFile(blob, ByteView(cached.value()));
      if (meta.ok()) return meta;
      // A cache file that does not validate is replaced by a fresh download (§4.4).
    }
  }
  Result<std::unique_ptr<BlobMeta>> meta = BlobMeta::Load(*backend, blob);
  if (!meta.ok()) return meta;
  // Failing to persist only costs a download next time.
  (void)WriteCacheFileAtomic(path, ByteView(meta.value()->ToCacheFile()));
  return meta;
}

Result<std::vector<Digest>> ChunkReader::Impl::LoadDigests(const BlobInfo& blob) {
  const std::string path =
      meta_cache_dir.empty() ? "" : meta_cache_dir + "/" + blob.blob_id + ".blob.digest";
  if (!path.empty() && blob.chunk_count != 0) {
    Result<std::vector<uint8_t>> cached = ReadCacheFile(path, uint64_t{32} * blob.chunk_count);
    if (cached.ok()) {
      std::vector<Digest> digests(blob.chunk_count);
      for (size_t i = 0; i < digests.size(); ++i) {
        std::memcpy(digests[i].data(), cached.value().data() + 32 * i, 32);
      }
      return digests;
    }
  }
  Result<BlobToc> toc = BlobToc::Load(*backend, blob);
  if (!toc.ok()) return toc.status();
  Result<std::vector<Digest>> digests = ReadChunkDigests(*backend, blob, toc.value());
  if (!digests.ok()) return digests.status();
  if (!path.empty() && blob.chunk_count != 0 && digests.value().size() == blob.chunk_count) {
    std::vector<uint8_t> bytes(digests.value().size() * 32);
    for (size_t i = 0; i < digests.value().size(); ++i) {
      std::memcpy(bytes.data() + 32 * i, digests.value()[i].data(), 32);
    }
    (void)WriteCacheFileAtomic(path, ByteView(bytes));
  }
  return digests;
}

Result<std::shared_ptr<const LoadedBlob>> ChunkReader::Impl::Load(uint32_t blob_index) {
  BlobState& state = *states[blob_index];
  if (auto ready = std::atomic_load(&state.loaded)) return ready;
  std::lock_guard<std::mutex> lock(state.mu);
  if (auto ready = std::atomic_load(&state.loaded)) return ready;
  // A failure is not remembered: the next call retries (the backend may recover).
  const BlobInfo& blob = blobs[blob_index];
  auto loaded = std::make_shared<LoadedBlob>();
  if (blob.has_blob_meta()) {
    Result<std::unique_ptr<BlobMeta>> meta = LoadMeta(blob);
    if (!meta.ok()) return meta.status();
    loaded->meta = std::move(meta).value();
  }
  if (options.load_inlined_digests && (blob.features & kBlobInlinedChunkDigest) != 0 &&
      (blob.features & kBlobHasToc) != 0) {
    Result<std::vector<Digest>> digests = LoadDigests(blob);
    if (!digests.ok()) return digests.status();
    loaded->digests = std::move(digests).value();
  }
  std::shared_ptr<const LoadedBlob> published = std::move(loaded);
  std::atomic_store(&state.loaded, published);
  return published;
}

Result<ReadPlan> ChunkReader::Impl::MakePlan(const ChunkRef& ref) {
  if (ref.blob_index >= blobs.size()) {
    return Status(EIO, "chunk " + Num(ref.index) + " refers to blob index " + Num(ref.blob_index) +
                           " but the blob table has " + Num(blobs.size()) + " blobs");
  }
  const BlobInfo& blob = blobs[ref.blob_index];
  ReadPlan plan;
  plan.ref = ref;
  if (!blob.has_blob_meta()) {
    if (!ref.has_details) {
      return Status(EIO, "blob " + blob.blob_id + " chunk " + Num(ref.index) +
                             ": the bootstrap has no chunk record and the blob has no chunk-info array");
    }
    plan.digest_known = !IsZero(ref.digest);
    return plan;
  }
  Result<std::shared_ptr<const LoadedBlob>> loaded = Load(ref.blob_index);
  if (!loaded.ok()) return loaded.status();
  plan.loaded = loaded.value();
  Result<ChunkInfoEntry> entry = plan.loaded->meta->Get(ref.index);
  if (!entry.ok()) return entry.status();
  const ChunkInfoEntry& e = entry.value();
  if (e.uncompressed_offset != ref.uncompressed_offset || e.uncompressed_size != ref.uncompressed_size) {
    return Status(EIO, "blob " + blob.blob_id + " chunk " + Num(ref.index) +
                           ": bootstrap says uncompressed [" + Num(ref.uncompressed_offset) + ", +" +
                           Num(ref.uncompressed_size) + "), blob meta says [" +
                           Num(e.uncompressed_offset) + ", +" + Num(e.uncompressed_size) + ")");
  }
  // Blob meta is authoritative for placement and flags (rafs-format §4.12); a v1 array cannot
  // carry a CRC, so a bootstrap CRC survives.
  ChunkRef& r = plan.ref;
  const bool bootstrap_crc = ref.has_details && (ref.flags & kChunkHasCrc32) != 0;
  r.has_details = true;
  r.compressed_offset = e.compressed_offset;
  r.compressed_size = e.compressed_size;
  r.flags = ChunkFlagsFromCi(e);
  if (e.has_crc32()) {
    r.crc32 = e.crc32();
  } else if (bootstrap_crc) {
    r.flags |= kChunkHasCrc32;
  } else {
    r.crc32 = 0;
  }
  plan.zran = e.zran();
  if (e.zran() || e.batch()) {
    plan.context_index = e.context_index();
    plan.context_offset = e.context_offset();
  }
  if (IsZero(r.digest) && ref.index < plan.loaded->digests.size()) {
    r.digest = plan.loaded->digests[ref.index];
  }
  plan.digest_known = !IsZero(r.digest);
  return plan;
}

// Checks a planned chunk's sizes and finds its stored object; nothing is read.
Result<ResolvedChunk> ChunkReader::Impl::Locate(const ReadPlan& plan) {
  const ChunkRef& r = plan.ref;
  const BlobInfo& blob = blobs[r.blob_index];
  const std::string where = "blob " + blob.blob_id + " chunk " + Num(r.index) +
                            " at compressed offset " + Num(r.compressed_offset) + ": ";
  ResolvedChunk out;
  out.ref = r;
  out.ref.has_details = true;
  out.digest_known = plan.digest_known;
  out.zran = plan.zran;
  out.stored_offset = r.compressed_offset;
  out.stored_size = r.compressed_size;
  if ((r.flags & kChunkEncrypted) != 0 || blob.cipher != 0) {
    return Status(ENOTSUP, where + "encrypted chunks are not supported");
  }
  if (plan.zran) return Status(ENOTSUP, where + "ZRan (gzip reference) chunks are not supported");
  if (r.uncompressed_size == 0 || r.uncompressed_size > kMaxChunkSize) {
    return Status(EIO, where + "uncompressed size " + Num(r.uncompressed_size) + " is out of range");
  }
  if ((r.flags & kChunkBatch) != 0) {
    if (!plan.loaded || !plan.loaded->meta) {
      return Status(EIO, where + "batch chunk in a blob without a chunk-info array");
    }
    const BlobMeta& meta = *plan.loaded->meta;
    Result<BatchContext> ctx = meta.GetBatch(plan.context_index);
    if (!ctx.ok()) return Status(EIO, where + ctx.status().message());
    const BatchContext& c = ctx.value();
    if (c.uncompressed_size == 0 || c.uncompressed_size > kMaxChunkSize ||
        c.compressed_size == 0 || c.compressed_size > MaxStoredSize(c.uncompressed_size) ||
        r.compressed_offset > meta.compressed_data_size() ||
        c.compressed_size > meta.compressed_data_size() - r.compressed_offset ||
        plan.context_offset > c.uncompressed_size ||
        r.uncompressed_size > c.uncompressed_size - plan.context_offset) {
      return Status(EIO, where + "batch " + Num(plan.context_index) + " (stored " +
                             Num(c.compressed_size) + ", plain " + Num(c.uncompressed_size) +
                             ") cannot hold [" + Num(plan.context_offset) + ", +" +
                             Num(r.uncompressed_size) + ")");
    }
    out.stored_size = c.compressed_size;
    out.batch_offset = plan.context_offset;
    out.batch_plain_size = c.uncompressed_size;
    return out;
  }
  const bool compressed = (r.flags & kChunkCompressed) != 0;
  if (compressed ? (r.compressed_size == 0 || r.compressed_size > MaxStoredSize(r.uncompressed_size))
                 : r.compressed_size != r.uncompressed_size) {
    return Status(EIO, where + "stored size " + Num(r.compressed_size) + " is impossible for " +
                           (compressed ? "a compressed" : "an uncompressed") + " chunk of " +
                           Num(r.uncompressed_size) + " bytes");
  }
  if (compressed && blob.compression == Compression::kNone) {
    return Status(EIO, where + "chunk flagged COMPRESSED in a blob without compression");
  }
  return out;
}

Result<ChunkReader::Verified> ChunkReader::Impl::Read(const ChunkRef& ref, bool always_verify) {
  Result<ReadPlan> plan = MakePlan(ref);
  if (!plan.ok()) return plan.status();
  Result<ResolvedChunk> chunk = Locate(plan.value());
  if (!chunk.ok()) return chunk.status();
  const ResolvedChunk& c = chunk.value();
  const BlobInfo& blob = blobs[c.ref.blob_index];
  std::vector<uint8_t> stored(c.stored_size);
  Status s = backend->ReadAt(blob.blob_id, c.stored_offset, stored.data(), stored.size());
  if (!s.ok()) {
    return Status(s.error_number(), "blob " + blob.blob_id + " chunk " + Num(c.ref.index) +
                                        " at compressed offset " + Num(c.ref.compressed_offset) +
                                        ": " + s.message());
  }
  Verified v;
  if (!c.batch() && (c.ref.flags & kChunkCompressed) == 0) {
    v.data = std::move(stored);  // stored raw: no copy
  } else {
    Result<std::vector<uint8_t>> plain = DecodeChunk(blob, c, ByteView(stored));
    if (!plain.ok()) return plain.status();
    v.data = std::move(plain).value();
  }
  Result<Checked> checked = ValidateChunk(blob, c, ByteView(v.data), options.validate_digest, always_verify);
  if (!checked.ok()) return checked.status();
  v.digest_checked = checked.value().digest_checked;
  v.crc_checked = checked.value().crc_checked;
  return v;
}

ChunkReader::ChunkReader(std::vector<BlobInfo> blobs, BlobBackend* backend, ChunkReaderOptions options,
                         std::string meta_cache_dir)
    : impl_(std::make_unique<Impl>()) {
  impl_->meta_cache_dir = std::move(meta_cache_dir);
  impl_->blobs = std::move(blobs);
  impl_->backend = backend;
  impl_->options = options;
  for (size_t i = 0; i < impl_->blobs.size(); ++i) {
    auto state = std::make_unique<Impl::BlobState>();
    const uint32_t chunks = impl_->blobs[i].chunk_count;
    if (chunks != 0) {
      state->checked.reset(new std::atomic<uint64_t>[(chunks + 63) / 64]());
      state->checked_chunks = chunks;
    }
    impl_->states.push_back(std::move(state));
  }
}

ChunkReader::~ChunkReader() = default;

const std::vector<BlobInfo>& ChunkReader::blobs() const { return impl_->blobs; }

Result<ResolvedChunk> ChunkReader::Resolve(const ChunkRef& ref) {
  Result<ReadPlan> plan = impl_->MakePlan(ref);
  if (!plan.ok()) return plan.status();
  return impl_->Locate(plan.value());
}

Result<uint32_t> ChunkReader::MetaChunkCount(uint32_t blob_index) {
  if (blob_index >= impl_->blobs.size() || !impl_->blobs[blob_index].has_blob_meta()) {
    return Status(EINVAL, "blob index " + Num(blob_index) + " has no chunk-info array");
  }
  Result<std::shared_ptr<const LoadedBlob>> loaded = impl_->Load(blob_index);
  if (!loaded.ok()) return loaded.status();
  return loaded.value()->meta->entry_count();
}

Result<ResolvedChunk> ChunkReader::ResolveIndex(uint32_t blob_index, uint32_t index) {
  if (blob_index >= impl_->blobs.size() || !impl_->blobs[blob_index].has_blob_meta()) {
    return Status(EINVAL, "blob index " + Num(blob_index) + " has no chunk-info array");
  }
  Result<std::shared_ptr<const LoadedBlob>> loaded = impl_->Load(blob_index);
  if (!loaded.ok()) return loaded.status();
  Result<ChunkInfoEntry> entry = loaded.value()->meta->Get(index);
  if (!entry.ok()) return entry.status();
  ChunkRef ref;
  ref.blob_index = blob_index;
  ref.index = index;
  ref.uncompressed_offset = entry.value().uncompressed_offset;
  ref.uncompressed_size = entry.value().uncompressed_size;
  return Resolve(ref);
}

Result<std::vector<uint8_t>> ChunkReader::Decode(const ResolvedChunk& chunk, ByteView stored) const {
  if (chunk.ref.blob_index >= impl_->blobs.size()) {
    return Status(EIO, "chunk " + Num(chunk.ref.index) + " refers to an unknown blob");
  }
  const BlobInfo& blob = impl_->blobs[chunk.ref.blob_index];
  if (!chunk.batch() && (chunk.ref.flags & kChunkCompressed) == 0 && !chunk.zran &&
      (chunk.ref.flags & kChunkEncrypted) == 0 && blob.cipher == 0) {
    if (stored.size != chunk.ref.uncompressed_size) {
      return Status(EIO, "blob " + blob.blob_id + " chunk " + Num(chunk.ref.index) + " at compressed offset " +
                             Num(chunk.ref.compressed_offset) + ": " + Num(stored.size) +
                             " stored bytes for a " + Num(chunk.ref.uncompressed_size) + "-byte chunk");
    }
    return std::vector<uint8_t>(stored.data, stored.data + stored.size);
  }
  return DecodeChunk(blob, chunk, stored);
}

Result<ChunkReader::Checked> ChunkReader::Validate(const ResolvedChunk& chunk, ByteView plain,
                                                   bool check_digest, bool always) const {
  if (chunk.ref.blob_index >= impl_->blobs.size()) {
    return Status(EIO, "chunk " + Num(chunk.ref.index) + " refers to an unknown blob");
  }
  return ValidateChunk(impl_->blobs[chunk.ref.blob_index], chunk, plain, check_digest, always);
}

Result<std::vector<uint8_t>> ChunkReader::ReadChunk(const ChunkRef& ref) {
  Result<Verified> v = impl_->Read(ref, false);
  if (!v.ok()) return v.status();
  return std::move(v.value().data);
}

Status ChunkReader::ReadSlice(const ChunkRef& ref, uint32_t offset_in_chunk, uint32_t length, uint8_t* out) {
  Result<ReadPlan> plan = impl_->MakePlan(ref);
  if (!plan.ok()) return plan.status();
  Result<ResolvedChunk> chunk = impl_->Locate(plan.value());
  if (!chunk.ok()) return chunk.status();
  const ResolvedChunk& c = chunk.value();
  const BlobInfo& blob = impl_->blobs[c.ref.blob_index];
  auto where = [&] {
    return "blob " + blob.blob_id + " chunk " + Num(c.ref.index) + " at compressed offset " +
           Num(c.ref.compressed_offset) + ": ";
  };
  if (uint64_t{offset_in_chunk} + length > c.ref.uncompressed_size) {
    return Status(EIO, where() + "[" + Num(offset_in_chunk) + ", +" + Num(length) + ") lies past the chunk's " +
                           Num(c.ref.uncompressed_size) + " bytes");
  }
  Impl::BlobState& state = *impl_->states[c.ref.blob_index];
  const bool plain = !c.batch() && (c.ref.flags & kChunkCompressed) == 0;
  const bool needs_check = (c.ref.flags & kChunkHasCrc32) != 0 || (impl_->options.validate_digest && c.digest_known);
  if (plain && (!needs_check || state.IsChecked(c.ref.index))) {
    Status s = impl_->backend->ReadAt(blob.blob_id, c.stored_offset + offset_in_chunk, out, length);
    if (!s.ok()) return Status(s.error_number(), where() + s.message());
    return Status::Ok();
  }
  Result<Verified> whole = impl_->Read(ref, false);
  if (!whole.ok()) return whole.status();
  std::memcpy(out, whole.value().data.data() + offset_in_chunk, length);
  if (plain) state.NoteChecked(c.ref.index);
  return Status::Ok();
}

Result<ChunkReader::Verified> ChunkReader::ReadAndVerify(const ChunkRef& ref) {
  return impl_->Read(ref, true);
}

}  // namespace nydus::storage
