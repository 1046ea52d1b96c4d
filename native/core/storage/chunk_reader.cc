// ChunkReader: resolves chunk details (bootstrap record, blob meta, digest array) and reads,
// decompresses and validates chunk data (storage spec §1.2-1.4, §1.9; rafs-format §4.12).
// Core layer (storage). Per-blob metadata is loaded lazily under that blob's mutex and then
// shared read-only; chunk reads take no lock of their own.
#include "storage/chunk_reader.h"

#include <algorithm>
#include <cstdio>
#include <cstring>
#include <mutex>
#include <string>

#include "storage/blob_meta.h"
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

}  // namespace

struct ChunkReader::Impl {
  struct BlobState {
    std::mutex mu;  // guards `loaded`; held while loading so each blob loads once
    std::shared_ptr<const LoadedBlob> loaded;
  };

  std::vector<BlobInfo> blobs;
  BlobBackend* backend;
  ChunkReaderOptions options;
  std::vector<std::unique_ptr<BlobState>> states;  // one per blob; the vector never changes

  Result<std::shared_ptr<const LoadedBlob>> Load(uint32_t blob_index);
  Result<ReadPlan> MakePlan(const ChunkRef& ref);
  Result<Verified> Read(const ChunkRef& ref, bool always_verify);
  Result<std::vector<uint8_t>> Fetch(const ReadPlan& plan, const BlobInfo& blob);
};

Result<std::shared_ptr<const LoadedBlob>> ChunkReader::Impl::Load(uint32_t blob_index) {
  BlobState& state = *states[blob_index];
  std::lock_guard<std::mutex> lock(state.mu);
  if (state.loaded) return state.loaded;
  // A failure is not remembered: the next call retries (the backend may recover).
  const BlobInfo& blob = blobs[blob_index];
  auto loaded = std::make_shared<LoadedBlob>();
  if (blob.has_blob_meta()) {
    Result<std::unique_ptr<BlobMeta>> meta = BlobMeta::Load(*backend, blob);
    if (!meta.ok()) return meta.status();
    loaded->meta = std::move(meta).value();
  }
  if ((blob.features & kBlobInlinedChunkDigest) != 0 && (blob.features & kBlobHasToc) != 0) {
    Result<BlobToc> toc = BlobToc::Load(*backend, blob);
    if (!toc.ok()) return toc.status();
    Result<std::vector<Digest>> digests = ReadChunkDigests(*backend, blob, toc.value());
    if (!digests.ok()) return digests.status();
    loaded->digests = std::move(digests).value();
  }
  state.loaded = std::move(loaded);
  return state.loaded;
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

Result<std::vector<uint8_t>> ChunkReader::Impl::Fetch(const ReadPlan& plan, const BlobInfo& blob) {
  const ChunkRef& r = plan.ref;
  const std::string where = "blob " + blob.blob_id + " chunk " + Num(r.index) +
                            " at compressed offset " + Num(r.compressed_offset) + ": ";
  if ((r.flags & kChunkEncrypted) != 0 || blob.cipher != 0) {
    return Status(ENOTSUP, where + "encrypted chunks are not supported");
  }
  if (plan.zran) return Status(ENOTSUP, where + "ZRan (gzip reference) chunks are not supported");
  if (r.uncompressed_size == 0 || r.uncompressed_size > kMaxChunkSize) {
    return Status(EIO, where + "uncompressed size " + Num(r.uncompressed_size) + " is out of range");
  }
  std::vector<uint8_t> out;
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
    std::vector<uint8_t> stored(c.compressed_size);
    Status s = backend->ReadAt(blob.blob_id, r.compressed_offset, stored.data(), stored.size());
    if (!s.ok()) return Status(s.error_number(), where + s.message());
    std::vector<uint8_t> batch;
    if (c.compressed_size == c.uncompressed_size) {
      batch = std::move(stored);
    } else {
      Result<std::vector<uint8_t>> plain = Decompress(blob.compression, ByteView(stored), c.uncompressed_size);
      if (!plain.ok()) return Status(EIO, where + "batch " + Num(plan.context_index) + ": " + plain.status().message());
      batch = std::move(plain).value();
    }
    out.assign(batch.begin() + plan.context_offset,
               batch.begin() + plan.context_offset + r.uncompressed_size);
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
  std::vector<uint8_t> stored(r.compressed_size);
  Status s = backend->ReadAt(blob.blob_id, r.compressed_offset, stored.data(), stored.size());
  if (!s.ok()) return Status(s.error_number(), where + s.message());
  if (!compressed) return stored;
  out.resize(r.uncompressed_size);
  s = DecompressInto(blob.compression, ByteView(stored), out.data(), out.size());
  if (!s.ok()) {
    return Status(EIO, where + "corrupt " + std::string(CompressionName(blob.compression)) +
                           " data: " + s.message());
  }
  return out;
}

Result<ChunkReader::Verified> ChunkReader::Impl::Read(const ChunkRef& ref, bool always_verify) {
  Result<ReadPlan> plan = MakePlan(ref);
  if (!plan.ok()) return plan.status();
  const ChunkRef& r = plan.value().ref;
  const BlobInfo& blob = blobs[r.blob_index];
  Result<std::vector<uint8_t>> data = Fetch(plan.value(), blob);
  if (!data.ok()) return data.status();
  Verified v;
  v.data = std::move(data).value();
  const std::string where = "blob " + blob.blob_id + " chunk " + Num(r.index) +
                            " at compressed offset " + Num(r.compressed_offset) + ": ";
  const bool has_crc = (r.flags & kChunkHasCrc32) != 0;
  if (has_crc) {
    const uint32_t crc = Crc32c(ByteView(v.data));
    if (crc != r.crc32) {
      return Status(EIO, where + "CRC-32C mismatch (computed " + Hex32(crc) + ", expected " +
                             Hex32(r.crc32) + ")");
    }
    v.crc_checked = true;
  }
  const bool check_digest =
      plan.value().digest_known && (always_verify || (!has_crc && options.validate_digest));
  if (check_digest) {
    Result<Digest> d = ComputeDigest(blob.digest, ByteView(v.data));
    if (!d.ok()) return d.status();
    if (d.value() != r.digest) {
      return Status(EIO, where + std::string(DigestName(blob.digest)) + " digest mismatch (computed " +
                             HexDigest(d.value()) + ", expected " + HexDigest(r.digest) + ")");
    }
    v.digest_checked = true;
  }
  return v;
}

ChunkReader::ChunkReader(std::vector<BlobInfo> blobs, BlobBackend* backend, ChunkReaderOptions options)
    : impl_(std::make_unique<Impl>()) {
  impl_->blobs = std::move(blobs);
  impl_->backend = backend;
  impl_->options = options;
  for (size_t i = 0; i < impl_->blobs.size(); ++i) {
    impl_->states.push_back(std::make_unique<Impl::BlobState>());
  }
}

ChunkReader::~ChunkReader() = default;

const std::vector<BlobInfo>& ChunkReader::blobs() const { return impl_->blobs; }

Result<ResolvedChunk> ChunkReader::Resolve(const ChunkRef& ref) {
  Result<ReadPlan> plan = impl_->MakePlan(ref);
  if (!plan.ok()) return plan.status();
  ResolvedChunk out;
  out.ref = plan.value().ref;
  out.ref.has_details = true;
  out.digest_known = plan.value().digest_known;
  return out;
}

Result<std::vector<uint8_t>> ChunkReader::ReadChunk(const ChunkRef& ref) {
  Result<Verified> v = impl_->Read(ref, false);
  if (!v.ok()) return v.status();
  return std::move(v.value().data);
}

Result<ChunkReader::Verified> ChunkReader::ReadAndVerify(const ChunkRef& ref) {
  return impl_->Read(ref, true);
}

}  // namespace nydus::storage
