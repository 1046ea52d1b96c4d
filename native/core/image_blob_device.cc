// Image: the blob device view of a data blob (fscache mode, daemon spec §6.3): uncompressed
// ranges of one blob mapped to chunks through its chunk-info array, fetched through the blob
// cache or in merged backend reads, zeros in gaps. Core layer.
#include <algorithm>
#include <cstring>

#include "image.h"

namespace nydus {
namespace {

// Merged backend reads stop growing at this many stored bytes (or at amplify_io when larger).
constexpr uint64_t kMergeLimit = 1 << 20;

std::string Num(uint64_t v) { return std::to_string(v); }

// The wanted part of one chunk: [offset_in_chunk, +length) of its plain bytes goes to dest.
struct DevicePiece {
  storage::ResolvedChunk chunk;
  uint32_t offset_in_chunk = 0;
  uint32_t length = 0;
  uint8_t* dest = nullptr;
};

uint64_t EndOf(const storage::ResolvedChunk& c) { return c.ref.uncompressed_offset + c.ref.uncompressed_size; }

// Entries of the blob's chunk-info array; the blob must be in the table and carry one.
Result<uint32_t> DeviceChunkCount(storage::ChunkReader& reader, uint32_t blob_index) {
  const std::vector<storage::BlobInfo>& blobs = reader.blobs();
  if (blob_index >= blobs.size()) {
    return Status(EINVAL, "blob index " + Num(blob_index) + " is not in the blob table (" + Num(blobs.size()) +
                              " blobs)");
  }
  if (!blobs[blob_index].has_blob_meta()) {
    return Status(ENOTSUP, "blob " + blobs[blob_index].blob_id +
                               " has no chunk-info array: its uncompressed layout is unknown");
  }
  return reader.MetaChunkCount(blob_index);
}

// The first entry whose uncompressed range ends after `offset` (count when none does). The
// array is ordered by uncompressed offset (the builder lays chunks out in index order); the
// callers check that order while they walk.
Result<uint32_t> FirstEndingAfter(storage::ChunkReader& reader, uint32_t blob_index, uint32_t count, uint64_t offset) {
  uint32_t lo = 0, hi = count;  // first entry starting after `offset`
  while (lo < hi) {
    const uint32_t mid = lo + (hi - lo) / 2;
    Result<storage::ResolvedChunk> e = reader.ResolveIndex(blob_index, mid);
    if (!e.ok()) return e.status();
    if (e.value().ref.uncompressed_offset <= offset) {
      lo = mid + 1;
    } else {
      hi = mid;
    }
  }
  if (lo > 0) {
    Result<storage::ResolvedChunk> prev = reader.ResolveIndex(blob_index, lo - 1);
    if (!prev.ok()) return prev.status();
    if (EndOf(prev.value()) > offset) return lo - 1;
  }
  return lo;
}

// The chunks overlapping [offset, offset + length), with where their bytes go in `out`.
Result<std::vector<DevicePiece>> CollectPieces(storage::ChunkReader& reader, uint32_t blob_index, uint64_t offset,
                                               size_t length, uint8_t* out) {
  Result<uint32_t> count = DeviceChunkCount(reader, blob_index);
  if (!count.ok()) return count.status();
  if (offset > UINT64_MAX - length) return Status(EINVAL, "range end overflows 64 bits");
  std::vector<DevicePiece> pieces;
  if (length == 0) return pieces;
  const uint64_t end = offset + length;
  Result<uint32_t> first = FirstEndingAfter(reader, blob_index, count.value(), offset);
  if (!first.ok()) return first.status();
  uint64_t prev_end = 0;
  for (uint32_t i = first.value(); i < count.value(); ++i) {
    Result<storage::ResolvedChunk> e = reader.ResolveIndex(blob_index, i);
    if (!e.ok()) return e.status();
    const storage::ResolvedChunk& c = e.value();
    if (c.ref.uncompressed_offset >= end) break;
    if (c.ref.uncompressed_offset < prev_end) {
      return Status(EIO, "blob " + reader.blobs()[blob_index].blob_id + " chunk " + Num(i) +
                             ": chunk-info array is not ordered by uncompressed offset");
    }
    prev_end = EndOf(c);
    const uint64_t from = std::max(offset, c.ref.uncompressed_offset);
    const uint64_t to = std::min(end, EndOf(c));
    if (to <= from) continue;
    DevicePiece p;
    p.chunk = c;
    p.offset_in_chunk = static_cast<uint32_t>(from - c.ref.uncompressed_offset);
    p.length = static_cast<uint32_t>(to - from);
    p.dest = out + (from - offset);
    pieces.push_back(std::move(p));
  }
  return pieces;
}

}  // namespace

Status Image::ReadBlobUncompressed(uint32_t blob_index, uint64_t offset, size_t length, uint8_t* out) const {
  Result<std::vector<DevicePiece>> collected = CollectPieces(*reader_, blob_index, offset, length, out);
  if (!collected.ok()) return collected.status();
  const std::vector<DevicePiece>& pieces = collected.value();
  if (length > 0) std::memset(out, 0, length);
  if (pieces.empty()) return Status::Ok();
  if (cache_) {
    std::vector<storage::ReadSlice> slices;
    slices.reserve(pieces.size());
    for (const DevicePiece& p : pieces) slices.push_back({p.chunk.ref, p.offset_in_chunk, p.length, p.dest});
    return cache_->Read(slices, {});
  }
  // No cache: neighbouring stored objects (and batch members sharing one) in one backend read.
  const std::string& blob_id = blobs()[blob_index].blob_id;
  const uint64_t limit = std::max<uint64_t>(kMergeLimit, options_.amplify_io);
  std::vector<uint8_t> stored;
  for (size_t i = 0; i < pieces.size();) {
    uint64_t start = pieces[i].chunk.stored_offset;
    uint64_t stop = pieces[i].chunk.stored_end();
    size_t j = i + 1;
    for (; j < pieces.size(); ++j) {
      const storage::ResolvedChunk& c = pieces[j].chunk;
      if (c.stored_offset < start || c.stored_offset > stop) break;
      const uint64_t grown = std::max(stop, c.stored_end());
      if (grown - start > limit) break;
      stop = grown;
    }
    stored.resize(stop - start);
    Status s = backend_->ReadAt(blob_id, start, stored.data(), stored.size());
    if (!s.ok()) {
      return Status(s.error_number(), "blob " + blob_id + " chunks " + Num(pieces[i].chunk.ref.index) + ".." +
                                          Num(pieces[j - 1].chunk.ref.index) + " at compressed offset " + Num(start) +
                                          ": " + s.message());
    }
    for (size_t k = i; k < j; ++k) {
      const DevicePiece& p = pieces[k];
      const ByteView bytes(stored.data() + (p.chunk.stored_offset - start), p.chunk.stored_size);
      Result<std::vector<uint8_t>> plain = reader_->Decode(p.chunk, bytes);
      if (!plain.ok()) return plain.status();
      Result<storage::ChunkReader::Checked> checked =
          reader_->Validate(p.chunk, ByteView(plain.value()), options_.validate_digest);
      if (!checked.ok()) return checked.status();
      if (static_cast<uint64_t>(p.offset_in_chunk) + p.length > plain.value().size()) {
        return Status(EIO, "blob " + blob_id + " chunk " + Num(p.chunk.ref.index) + " decoded to " +
                               Num(plain.value().size()) + " bytes, fewer than its chunk-info entry says");
      }
      std::memcpy(p.dest, plain.value().data() + p.offset_in_chunk, p.length);
    }
    i = j;
  }
  return Status::Ok();
}

Result<Image::BlobSpan> Image::BlobChunkSpan(uint32_t blob_index, uint64_t offset, uint64_t length) const {
  Result<uint32_t> count = DeviceChunkCount(*reader_, blob_index);
  if (!count.ok()) return count.status();
  if (offset > UINT64_MAX - length) return Status(EINVAL, "range end overflows 64 bits");
  BlobSpan span{offset, offset + length};
  if (length == 0) return span;
  // Widen each bound to the chunk it falls in, if any.
  for (const bool low : {true, false}) {
    const uint64_t at = low ? span.start : span.end - 1;
    Result<uint32_t> index = FirstEndingAfter(*reader_, blob_index, count.value(), at);
    if (!index.ok()) return index.status();
    if (index.value() >= count.value()) continue;
    Result<storage::ResolvedChunk> c = reader_->ResolveIndex(blob_index, index.value());
    if (!c.ok()) return c.status();
    if (c.value().ref.uncompressed_offset > at) continue;  // in a gap
    if (low) {
      span.start = c.value().ref.uncompressed_offset;
    } else {
      span.end = std::max(span.end, EndOf(c.value()));
    }
  }
  return span;
}

}  // namespace nydus
