// Chunk compression codecs on liblz4, libzstd and zlib (storage spec §1.3). Core layer.
// Every decoder is bounded by the caller's output size: corrupt input yields EIO, never an
// out-of-bounds write. Codec contexts are per call, so all functions are thread-safe.
#include "storage/compressor.h"

#include <lz4.h>
#include <zlib.h>
#include <zstd.h>

#include <algorithm>
#include <climits>
#include <cstring>
#include <memory>
#include <new>
#include <string>

namespace nydus::storage {
namespace {

constexpr int kZstdDefaultLevel = 3;  // nydus-image's level
constexpr size_t kZlibMaxChunk = UINT_MAX;  // z_stream counts are 32-bit

Status Allocate(std::vector<uint8_t>& buf, size_t size) {
  try {
    buf.resize(size);
  } catch (const std::exception&) {
    return Status(ENOMEM, "cannot allocate " + std::to_string(size) + " bytes");
  }
  return Status::Ok();
}

Status SizeMismatch(std::string_view algo, size_t got, size_t expected) {
  return Status(EIO, std::string(algo) + ": decompressed size " + std::to_string(got) +
                         " differs from expected " + std::to_string(expected));
}

// --- lz4_block ------------------------------------------------------------------------

Result<std::vector<uint8_t>> Lz4Compress(ByteView in) {
  if (in.size > static_cast<size_t>(LZ4_MAX_INPUT_SIZE)) {
    return Status(EINVAL, "lz4_block: input of " + std::to_string(in.size) +
                              " bytes exceeds LZ4_MAX_INPUT_SIZE");
  }
  std::vector<uint8_t> out;
  const int bound = LZ4_compressBound(static_cast<int>(in.size));
  if (Status s = Allocate(out, static_cast<size_t>(bound)); !s.ok()) return s;
  const int n = LZ4_compress_default(reinterpret_cast<const char*>(in.data),
                                     reinterpret_cast<char*>(out.data()),
                                     static_cast<int>(in.size), bound);
  if (n <= 0) return Status(EIO, "lz4_block: LZ4_compress_default failed");
  out.resize(static_cast<size_t>(n));
  return out;
}

Status Lz4Decompress(ByteView in, uint8_t* out, size_t out_size) {
  if (in.size > INT_MAX || out_size > INT_MAX) {
    return Status(EINVAL, "lz4_block: block larger than 2 GiB");
  }
  if (in.empty()) return Status(EIO, "lz4_block: empty input (an LZ4 block is at least 1 byte)");
  uint8_t scratch = 0;  // liblz4 wants a valid pointer even for a zero-byte output
  const int n = LZ4_decompress_safe(reinterpret_cast<const char*>(in.data),
                                    reinterpret_cast<char*>(out ? out : &scratch),
                                    static_cast<int>(in.size), static_cast<int>(out_size));
  if (n < 0) {
    return Status(EIO, "lz4_block: corrupt or truncated block, or it decodes to more than " +
                           std::to_string(out_size) + " bytes");
  }
  if (static_cast<size_t>(n) != out_size) return SizeMismatch("lz4_block", n, out_size);
  return Status::Ok();
}

// --- zstd -----------------------------------------------------------------------------

Result<std::vector<uint8_t>> ZstdCompress(ByteView in, int level) {
  if (level < ZSTD_minCLevel() || level > ZSTD_maxCLevel()) {
    return Status(EINVAL, "zstd: level " + std::to_string(level) + " outside " +
                              std::to_string(ZSTD_minCLevel()) + ".." +
                              std::to_string(ZSTD_maxCLevel()));
  }
  std::unique_ptr<ZSTD_CCtx, decltype(&ZSTD_freeCCtx)> cctx(ZSTD_createCCtx(), ZSTD_freeCCtx);
  if (!cctx) return Status(ENOMEM, "zstd: cannot create a compression context");
  std::vector<uint8_t> out;
  if (Status s = Allocate(out, ZSTD_compressBound(in.size)); !s.ok()) return s;
  // ZSTD_compressCCtx records the content size in the frame header, as §1.3 requires.
  const size_t n = ZSTD_compressCCtx(cctx.get(), out.data(), out.size(), in.data, in.size, level);
  if (ZSTD_isError(n)) return Status(EIO, std::string("zstd: ") + ZSTD_getErrorName(n));
  out.resize(n);
  return out;
}

Status ZstdDecompress(ByteView in, uint8_t* out, size_t out_size) {
  const unsigned long long content = ZSTD_getFrameContentSize(in.data, in.size);
  if (content == ZSTD_CONTENTSIZE_ERROR) {
    return Status(EIO, "zstd: not a zstd frame or frame header truncated");
  }
  if (content != ZSTD_CONTENTSIZE_UNKNOWN && content != out_size) {
    return SizeMismatch("zstd", static_cast<size_t>(content), out_size);
  }
  std::unique_ptr<ZSTD_DCtx, decltype(&ZSTD_freeDCtx)> dctx(ZSTD_createDCtx(), ZSTD_freeDCtx);
  if (!dctx) return Status(ENOMEM, "zstd: cannot create a decompression context");
  uint8_t scratch = 0;
  const size_t n = ZSTD_decompressDCtx(dctx.get(), out ? out : &scratch, out_size, in.data, in.size);
  if (ZSTD_isError(n)) return Status(EIO, std::string("zstd: ") + ZSTD_getErrorName(n));
  if (n != out_size) return SizeMismatch("zstd", n, out_size);
  return Status::Ok();
}

// --- gzip -----------------------------------------------------------------------------

Result<std::vector<uint8_t>> GzipCompress(ByteView in, int level) {
  if (level < 0 || level > 9) {
    return Status(EINVAL, "gzip: level " + std::to_string(level) + " outside 0..9");
  }
  z_stream zs{};
  // windowBits 15 + 16: a gzip (RFC 1952) wrapper instead of zlib's.
  if (deflateInit2(&zs, level, Z_DEFLATED, 15 + 16, 8, Z_DEFAULT_STRATEGY) != Z_OK) {
    return Status(ENOMEM, "gzip: deflateInit2 failed");
  }
  std::unique_ptr<z_stream, int (*)(z_stream*)> guard(&zs, deflateEnd);
  std::vector<uint8_t> out;
  const size_t bound = in.size <= kZlibMaxChunk ? deflateBound(&zs, static_cast<uLong>(in.size))
                                                : in.size + in.size / 1000 + 64;
  if (Status s = Allocate(out, bound); !s.ok()) return s;
  size_t in_pos = 0;
  size_t out_pos = 0;
  for (;;) {
    if (out_pos == out.size()) {
      if (Status s = Allocate(out, out.size() * 2); !s.ok()) return s;
    }
    const size_t in_chunk = std::min(in.size - in_pos, kZlibMaxChunk);
    const size_t out_chunk = std::min(out.size() - out_pos, kZlibMaxChunk);
    zs.next_in = const_cast<Bytef*>(in.data + in_pos);  // zlib's API is not const-correct
    zs.avail_in = static_cast<uInt>(in_chunk);
    zs.next_out = out.data() + out_pos;
    zs.avail_out = static_cast<uInt>(out_chunk);
    const int flush = in_pos + in_chunk == in.size ? Z_FINISH : Z_NO_FLUSH;
    const int ret = deflate(&zs, flush);
    in_pos += in_chunk - zs.avail_in;
    out_pos += out_chunk - zs.avail_out;
    if (ret == Z_STREAM_END) break;
    if (ret != Z_OK && ret != Z_BUF_ERROR) {
      return Status(EIO, std::string("gzip: deflate failed: ") + (zs.msg ? zs.msg : "error"));
    }
  }
  out.resize(out_pos);
  return out;
}

// Accepts a gzip member (or, cheaply, a zlib stream: windowBits 15 + 32 auto-detects).
// The stream must end (so zlib verifies the CRC32/ISIZE trailer) and yield exactly
// out_size bytes; bytes after the end of the member are ignored (§1.3 legacy stargz).
Status GzipDecompress(ByteView in, uint8_t* out, size_t out_size) {
  z_stream zs{};
  if (inflateInit2(&zs, 15 + 32) != Z_OK) return Status(ENOMEM, "gzip: inflateInit2 failed");
  std::unique_ptr<z_stream, int (*)(z_stream*)> guard(&zs, inflateEnd);
  size_t in_pos = 0;
  size_t out_pos = 0;
  uint8_t probe = 0;  // once `out` is full, one more decoded byte proves the size is wrong
  for (;;) {
    const bool full = out_pos == out_size;
    const size_t in_chunk = std::min(in.size - in_pos, kZlibMaxChunk);
    const size_t out_chunk = full ? 1 : std::min(out_size - out_pos, kZlibMaxChunk);
    zs.next_in = const_cast<Bytef*>(in.data + in_pos);
    zs.avail_in = static_cast<uInt>(in_chunk);
    zs.next_out = full ? &probe : out + out_pos;
    zs.avail_out = static_cast<uInt>(out_chunk);
    const int ret = inflate(&zs, Z_NO_FLUSH);
    const size_t produced = out_chunk - zs.avail_out;
    in_pos += in_chunk - zs.avail_in;
    if (full && produced > 0) {
      return Status(EIO, "gzip: decodes to more than the expected " + std::to_string(out_size) +
                             " bytes");
    }
    out_pos += produced;
    if (ret == Z_STREAM_END) break;
    if (ret == Z_OK) continue;  // zlib returns Z_OK only after making progress
    if (ret == Z_BUF_ERROR && in_pos == in.size) {
      return Status(EIO, "gzip: truncated input after " + std::to_string(out_pos) +
                             " decoded bytes");
    }
    if (ret == Z_NEED_DICT) return Status(EIO, "gzip: stream needs a preset dictionary");
    return Status(EIO, std::string("gzip: corrupt input: ") + (zs.msg ? zs.msg : "error"));
  }
  if (out_pos != out_size) return SizeMismatch("gzip", out_pos, out_size);
  return Status::Ok();
}

}  // namespace

std::string_view CompressionName(Compression algo) {
  switch (algo) {
    case Compression::kNone: return "none";
    case Compression::kLz4Block: return "lz4_block";
    case Compression::kGzip: return "gzip";
    case Compression::kZstd: return "zstd";
  }
  return "unknown";
}

Result<Compression> ParseCompression(std::string_view name) {
  for (Compression c : {Compression::kNone, Compression::kLz4Block, Compression::kGzip,
                        Compression::kZstd}) {
    if (CompressionName(c) == name) return c;
  }
  return Status(EINVAL, "unknown compressor '" + std::string(name) +
                            "' (expected none, lz4_block, gzip or zstd)");
}

Result<Compression> CompressionFromId(uint32_t id) {
  if (id > static_cast<uint32_t>(Compression::kZstd)) {
    return Status(EINVAL, "unknown compression algorithm id " + std::to_string(id));
  }
  return static_cast<Compression>(id);
}

Result<std::vector<uint8_t>> Compress(Compression algo, ByteView input, std::optional<int> level) {
  switch (algo) {
    case Compression::kNone:
    case Compression::kLz4Block:
      if (level) {
        return Status(EINVAL, std::string(CompressionName(algo)) + " takes no compression level");
      }
      if (algo == Compression::kLz4Block) return Lz4Compress(input);
      return std::vector<uint8_t>(input.data, input.data + input.size);
    case Compression::kGzip: return GzipCompress(input, level.value_or(6));
    case Compression::kZstd: return ZstdCompress(input, level.value_or(kZstdDefaultLevel));
  }
  return Status(EINVAL, "unknown compression algorithm");
}

Status DecompressInto(Compression algo, ByteView input, uint8_t* out, size_t out_size) {
  switch (algo) {
    case Compression::kNone:
      if (input.size != out_size) return SizeMismatch("none", input.size, out_size);
      if (out_size) std::memcpy(out, input.data, out_size);
      return Status::Ok();
    case Compression::kLz4Block: return Lz4Decompress(input, out, out_size);
    case Compression::kGzip: return GzipDecompress(input, out, out_size);
    case Compression::kZstd: return ZstdDecompress(input, out, out_size);
  }
  return Status(EINVAL, "unknown compression algorithm");
}

Result<std::vector<uint8_t>> Decompress(Compression algo, ByteView input, size_t expected_size) {
  std::vector<uint8_t> out;
  if (Status s = Allocate(out, expected_size); !s.ok()) return s;
  if (Status s = DecompressInto(algo, input, out.data(), out.size()); !s.ok()) return s;
  return out;
}

// --- zstd streams ----------------------------------------------------------------------

struct ZstdStreamDecoder::Context {
  ZSTD_DCtx* dctx = ZSTD_createDCtx();
  ~Context() { ZSTD_freeDCtx(dctx); }
};

ZstdStreamDecoder::ZstdStreamDecoder() : ctx_(new Context) {}

ZstdStreamDecoder::~ZstdStreamDecoder() { delete ctx_; }

Status ZstdStreamDecoder::Decode(ByteView input, std::vector<uint8_t>& out) {
  if (ctx_->dctx == nullptr) return Status(ENOMEM, "zstd: cannot create a decompression context");
  if (failed_) return Status(EINVAL, "zstd: the stream is corrupt (an earlier piece failed)");
  if (input.size > 0) fed_ = true;
  ZSTD_inBuffer in{input.data, input.size, 0};
  const size_t step = ZSTD_DStreamOutSize();
  for (;;) {
    const size_t base = out.size();
    if (Status s = Allocate(out, base + step); !s.ok()) return s;
    ZSTD_outBuffer o{out.data() + base, step, 0};
    const size_t r = ZSTD_decompressStream(ctx_->dctx, &o, &in);
    out.resize(base + o.pos);
    if (ZSTD_isError(r)) {
      failed_ = true;
      return Status(EINVAL, std::string("zstd: ") + ZSTD_getErrorName(r));
    }
    mid_frame_ = r != 0;
    // Done when the input is consumed and the decoder did not fill the output (nothing held back).
    if (in.pos == in.size && o.pos < o.size) return Status::Ok();
  }
}

Status ZstdStreamDecoder::Finish() const {
  if (failed_) return Status(EINVAL, "zstd: the stream is corrupt");
  if (!fed_) return Status(EINVAL, "zstd: empty stream (no frame)");
  if (mid_frame_) return Status(EINVAL, "zstd: the stream ends inside a frame (truncated)");
  return Status::Ok();
}

}  // namespace nydus::storage
