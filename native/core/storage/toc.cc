// Blob ToC, trailing tar headers, inlined bootstrap and chunk digest array (storage spec
// §1.11). Core layer (storage). Every size read from the blob is bounded by the blob's real
// size and by the limits in toc.h before anything is allocated.
#include "storage/toc.h"

#include <algorithm>
#include <cstdio>
#include <cstring>

#include "byte_region.h"
#include "storage/compressor.h"

namespace nydus::storage {
namespace {

constexpr std::string_view kTocName = "rafs.blob.toc";
constexpr std::string_view kBootName = "image.boot";
constexpr std::string_view kDigestName = "blob.digest";
constexpr uint64_t kMaxChunksPerBlob = 1u << 24;

std::string Num(uint64_t v) { return std::to_string(v); }

bool IsZero(const Digest& d) {
  return std::all_of(d.begin(), d.end(), [](uint8_t b) { return b == 0; });
}

std::string HexPrefix(const Digest& d) {
  static const char kHex[] = "0123456789abcdef";
  std::string out;
  for (size_t i = 0; i < 8; ++i) {
    out.push_back(kHex[d[i] >> 4]);
    out.push_back(kHex[d[i] & 15]);
  }
  return out + "...";
}

// Name of a NUL-padded field of at most `len` bytes.
std::string FieldString(const uint8_t* p, size_t len) {
  size_t n = 0;
  while (n < len && p[n] != 0) ++n;
  return std::string(reinterpret_cast<const char*>(p), n);
}

// An octal tar number: optional leading spaces, 1+ octal digits, then only NUL/space.
Result<uint64_t> ParseOctal(const uint8_t* p, size_t len, const char* field) {
  size_t i = 0;
  while (i < len && p[i] == ' ') ++i;
  uint64_t v = 0;
  size_t digits = 0;
  for (; i < len && p[i] >= '0' && p[i] <= '7'; ++i, ++digits) {
    if (v > (UINT64_MAX >> 3)) return Status(EIO, std::string("tar header: ") + field + " overflows");
    v = (v << 3) | static_cast<uint64_t>(p[i] - '0');
  }
  for (; i < len; ++i) {
    if (p[i] != 0 && p[i] != ' ') {
      return Status(EIO, std::string("tar header: ") + field + " is not an octal number");
    }
  }
  if (digits == 0) return Status(EIO, std::string("tar header: ") + field + " is empty");
  return v;
}

// Serves reads from a buffer in memory, so the ByteView entry points share the backend path.
class ViewBackend final : public BlobBackend {
 public:
  explicit ViewBackend(ByteView view) : view_(view) {}
  Result<uint64_t> BlobSize(const std::string&) override { return uint64_t{view_.size}; }
  Status ReadAt(const std::string& blob_id, uint64_t offset, uint8_t* buf, size_t length,
                ReadSource /*source*/) override {
    if (offset > view_.size || length > view_.size - offset) {
      const uint64_t got = offset > view_.size ? 0 : view_.size - offset;
      return Status(EIO, "blob " + blob_id + ": expected " + Num(length) + " bytes at offset " +
                             Num(offset) + ", got " + Num(got));
    }
    if (length != 0) std::memcpy(buf, view_.data + offset, length);
    return Status::Ok();
  }

 private:
  ByteView view_;
};

Result<std::vector<uint8_t>> ReadRange(BlobBackend& backend, const std::string& blob_id,
                                       uint64_t offset, uint64_t length) {
  std::vector<uint8_t> buf;
  try {
    buf.resize(static_cast<size_t>(length));
  } catch (const std::exception&) {
    return Status(ENOMEM, "blob " + blob_id + ": cannot allocate " + Num(length) + " bytes");
  }
  Status s = backend.ReadAt(blob_id, offset, buf.data(), buf.size());
  if (!s.ok()) return s;
  return buf;
}

// The last 512 bytes of the blob and its name field, or ENOENT/EIO.
struct Tail {
  uint64_t blob_size = 0;
  std::vector<uint8_t> block;
  std::string name;
};
Result<Tail> ReadTail(BlobBackend& backend, const std::string& blob_id) {
  Result<uint64_t> size = backend.BlobSize(blob_id);
  if (!size.ok()) return size.status();
  if (size.value() < kTarBlockSize) {
    return Status(ENOENT, "blob " + blob_id + " (" + Num(size.value()) +
                              " bytes) is too small to end with a tar header");
  }
  Result<std::vector<uint8_t>> block =
      ReadRange(backend, blob_id, size.value() - kTarBlockSize, kTarBlockSize);
  if (!block.ok()) return block.status();
  Tail tail;
  tail.blob_size = size.value();
  tail.block = std::move(block).value();
  tail.name = FieldString(tail.block.data(), 100);
  return tail;
}

}  // namespace

Result<TarHeader> ParseTarHeader(ByteView block) {
  if (block.size != kTarBlockSize) {
    return Status(EIO, "tar header: expected 512 bytes, got " + Num(block.size));
  }
  const uint8_t* p = block.data;
  Result<uint64_t> stored = ParseOctal(p + 148, 8, "checksum");
  if (!stored.ok()) return stored.status();
  uint64_t sum = 0;
  for (size_t i = 0; i < kTarBlockSize; ++i) sum += (i >= 148 && i < 156) ? ' ' : p[i];
  if (sum != stored.value()) {
    return Status(EIO, "tar header: checksum " + Num(stored.value()) + " does not match computed " +
                           Num(sum));
  }
  if ((p[124] & 0x80) != 0) return Status(EIO, "tar header: base-256 size is not supported");
  Result<uint64_t> size = ParseOctal(p + 124, 12, "size");
  if (!size.ok()) return size.status();
  TarHeader h;
  h.name = FieldString(p, 100);
  h.size = size.value();
  h.typeflag = static_cast<char>(p[156]);
  return h;
}

// --- ToC ---------------------------------------------------------------------------------

Result<BlobToc> BlobToc::ParseEntries(ByteView entries) {
  if (entries.size % kTocEntrySize != 0 || entries.size + kTarBlockSize > kMaxTocSize) {
    return Status(EIO, "blob ToC: " + Num(entries.size) +
                           " bytes of entries is not a multiple of 128 within the 64 KiB limit");
  }
  BlobToc toc;
  for (size_t off = 0; off < entries.size; off += kTocEntrySize) {
    const uint8_t* p = entries.data + off;
    TocEntry e;
    e.flags = LoadLe32(p);
    e.name = FieldString(p + 8, 16);
    std::memcpy(e.digest.data(), p + 24, kDigestSize);
    e.compressed_offset = LoadLe64(p + 56);
    e.compressed_size = LoadLe64(p + 64);
    e.uncompressed_size = LoadLe64(p + 72);
    toc.entries_.push_back(std::move(e));
  }
  return toc;
}

Result<BlobToc> BlobToc::Load(BlobBackend& backend, const std::string& blob_id, uint32_t toc_size,
                              const Digest& toc_digest) {
  Result<Tail> tail = ReadTail(backend, blob_id);
  if (!tail.ok()) return tail.status();
  const uint64_t blob_size = tail.value().blob_size;
  if (toc_size == 0 && tail.value().name != kTocName) {
    return Status(ENOENT, "blob " + blob_id + " has no ToC (last tar header is \"" +
                              tail.value().name + "\")");
  }
  if (toc_size != 0 && (toc_size < kTarBlockSize || toc_size > kMaxTocSize ||
                        toc_size % kTocEntrySize != 0 || toc_size > blob_size)) {
    return Status(EIO, "blob " + blob_id + ": ToC size " + Num(toc_size) +
                           " is invalid (512..65536, multiple of 128, within the " +
                           Num(blob_size) + "-byte blob)");
  }
  Result<TarHeader> header = ParseTarHeader(ByteView(tail.value().block));
  if (!header.ok()) return Status(EIO, "blob " + blob_id + ": ToC " + header.status().message());
  const TarHeader& h = header.value();
  if (h.name != kTocName || (h.typeflag != '0' && h.typeflag != '\0')) {
    return Status(EIO, "blob " + blob_id + ": last tar header is \"" + h.name +
                           "\", not a regular-file rafs.blob.toc");
  }
  const uint64_t limit = std::min<uint64_t>(blob_size, kMaxTocSize) - kTarBlockSize;
  if (h.size > limit || h.size % kTocEntrySize != 0 ||
      (toc_size != 0 && h.size + kTarBlockSize != toc_size)) {
    return Status(EIO, "blob " + blob_id + ": ToC tar header size " + Num(h.size) +
                           " is invalid (multiple of 128, at most " + Num(limit) +
                           (toc_size != 0 ? ", blob table says " + Num(toc_size) + " with header" : "") +
                           ")");
  }
  const uint64_t offset = blob_size - kTarBlockSize - h.size;
  Result<std::vector<uint8_t>> bytes = ReadRange(backend, blob_id, offset, h.size + kTarBlockSize);
  if (!bytes.ok()) return bytes.status();
  // The tail may have changed between reads only if the blob is not immutable; check anyway.
  if (!std::equal(tail.value().block.begin(), tail.value().block.end(),
                  bytes.value().end() - kTarBlockSize)) {
    return Status(EIO, "blob " + blob_id + ": ToC changed while being read");
  }
  Result<Digest> digest = ComputeDigest(DigestAlgorithm::kSha256, ByteView(bytes.value()));
  if (!digest.ok()) return digest.status();
  if (!IsZero(toc_digest) && digest.value() != toc_digest) {
    return Status(EIO, "blob " + blob_id + ": ToC SHA-256 " + HexPrefix(digest.value()) +
                           " differs from the blob table's " + HexPrefix(toc_digest));
  }
  Result<BlobToc> toc = ParseEntries(ByteView(bytes.value().data(), static_cast<size_t>(h.size)));
  if (!toc.ok()) return Status(EIO, "blob " + blob_id + ": " + toc.status().message());
  toc.value().offset_ = offset;
  toc.value().size_ = h.size + kTarBlockSize;
  toc.value().digest_ = digest.value();
  return toc;
}

const TocEntry* BlobToc::Find(std::string_view name) const {
  for (const TocEntry& e : entries_) {
    if (e.name == name) return &e;
  }
  return nullptr;
}

Result<std::vector<uint8_t>> BlobToc::ReadEntry(BlobBackend& backend, const std::string& blob_id,
                                                const TocEntry& entry, uint64_t max_size) const {
  const std::string what = "blob " + blob_id + ": ToC entry " + entry.name + ": ";
  Result<uint64_t> blob_size = backend.BlobSize(blob_id);
  if (!blob_size.ok()) return blob_size.status();
  if (entry.compressed_offset > blob_size.value() ||
      entry.compressed_size > blob_size.value() - entry.compressed_offset) {
    return Status(EIO, what + "range [" + Num(entry.compressed_offset) + ", +" +
                           Num(entry.compressed_size) + ") lies outside the " +
                           Num(blob_size.value()) + "-byte blob");
  }
  if (entry.uncompressed_size > max_size) {
    return Status(EIO, what + "uncompressed size " + Num(entry.uncompressed_size) +
                           " exceeds the limit of " + Num(max_size));
  }
  Compression algo;
  switch (entry.flags & kTocCompressionMask) {
    case kTocCompressionNone: algo = Compression::kNone; break;
    case kTocCompressionZstd: algo = Compression::kZstd; break;
    case kTocCompressionLz4: algo = Compression::kLz4Block; break;
    default: {
      char buf[48];
      std::snprintf(buf, sizeof buf, "unknown compression flags 0x%x", entry.flags);
      return Status(EIO, what + buf);
    }
  }
  // A hostile entry must not make us allocate a huge output for a tiny input; real
  // bootstraps and digest arrays compress far less than 4096:1.
  if (algo != Compression::kNone &&
      entry.uncompressed_size > std::max<uint64_t>(entry.compressed_size * 4096, 16u << 20)) {
    return Status(EIO, what + "claims " + Num(entry.uncompressed_size) + " bytes from " +
                           Num(entry.compressed_size) + " compressed bytes");
  }
  if (algo == Compression::kNone && entry.compressed_size != entry.uncompressed_size) {
    return Status(EIO, what + "stored raw but sizes differ (" + Num(entry.compressed_size) +
                           " vs " + Num(entry.uncompressed_size) + ")");
  }
  Result<std::vector<uint8_t>> stored =
      ReadRange(backend, blob_id, entry.compressed_offset, entry.compressed_size);
  if (!stored.ok()) return stored.status();
  std::vector<uint8_t> content;
  if (algo == Compression::kNone) {
    content = std::move(stored).value();
  } else {
    Result<std::vector<uint8_t>> plain =
        Decompress(algo, ByteView(stored.value()), static_cast<size_t>(entry.uncompressed_size));
    if (!plain.ok()) return Status(plain.status().error_number(), what + plain.status().message());
    content = std::move(plain).value();
  }
  if (!IsZero(entry.digest)) {
    Result<Digest> d = ComputeDigest(DigestAlgorithm::kSha256, ByteView(content));
    if (!d.ok()) return d.status();
    if (d.value() != entry.digest) {
      return Status(EIO, what + "SHA-256 " + HexPrefix(d.value()) + " differs from the ToC's " +
                             HexPrefix(entry.digest));
    }
  }
  return content;
}

// --- inlined bootstrap, digest array ------------------------------------------------------

Result<std::vector<uint8_t>> ExtractInlinedBootstrap(BlobBackend& backend, const std::string& blob_id) {
  Result<BlobToc> toc = BlobToc::Load(backend, blob_id, 0, Digest{});
  if (toc.ok()) {
    const TocEntry* boot = toc.value().Find(kBootName);
    if (boot == nullptr) {
      return Status(ENOENT, "blob " + blob_id + " has a ToC but no image.boot entry");
    }
    return toc.value().ReadEntry(backend, blob_id, *boot);
  }
  if (toc.status().error_number() != ENOENT) return toc.status();
  Result<Tail> tail = ReadTail(backend, blob_id);
  if (!tail.ok()) return tail.status();
  if (tail.value().name != kBootName) {
    return Status(ENOENT, "blob " + blob_id + " has no inlined bootstrap (no ToC, last tar header \"" +
                              tail.value().name + "\")");
  }
  Result<TarHeader> header = ParseTarHeader(ByteView(tail.value().block));
  if (!header.ok()) return Status(EIO, "blob " + blob_id + ": image.boot " + header.status().message());
  const uint64_t size = header.value().size;
  if (size > tail.value().blob_size - kTarBlockSize || size > kMaxTocEntryContent) {
    return Status(EIO, "blob " + blob_id + ": image.boot size " + Num(size) + " exceeds the blob");
  }
  return ReadRange(backend, blob_id, tail.value().blob_size - kTarBlockSize - size, size);
}

Result<std::vector<uint8_t>> ExtractInlinedBootstrap(ByteView blob) {
  ViewBackend backend(blob);
  return ExtractInlinedBootstrap(backend, "(in memory)");
}

Result<std::vector<Digest>> ReadChunkDigests(BlobBackend& backend, const BlobInfo& blob,
                                             const BlobToc& toc) {
  const TocEntry* entry = toc.Find(kDigestName);
  if (entry == nullptr) {
    return Status(ENOENT, "blob " + blob.blob_id + ": ToC has no blob.digest entry");
  }
  if (entry->uncompressed_size % kDigestSize != 0 ||
      (blob.chunk_count != 0 && entry->uncompressed_size != uint64_t{kDigestSize} * blob.chunk_count)) {
    return Status(EIO, "blob " + blob.blob_id + ": blob.digest holds " +
                           Num(entry->uncompressed_size) + " bytes, expected 32 x " +
                           Num(blob.chunk_count) + " chunks");
  }
  Result<std::vector<uint8_t>> raw =
      toc.ReadEntry(backend, blob.blob_id, *entry, kDigestSize * kMaxChunksPerBlob);
  if (!raw.ok()) return raw.status();
  std::vector<Digest> digests(raw.value().size() / kDigestSize);
  for (size_t i = 0; i < digests.size(); ++i) {
    std::memcpy(digests[i].data(), raw.value().data() + i * kDigestSize, kDigestSize);
  }
  return digests;
}

}  // namespace nydus::storage
