// Chunk compression (storage spec §1.3): none, lz4_block (raw LZ4 block), gzip (one RFC 1952
// member), zstd (one frame). Core layer. Stateless: every function may be called from any
// thread concurrently; each call owns its own codec context.
#pragma once

#include <cstdint>
#include <optional>
#include <string_view>
#include <vector>

#include "byte_view.h"
#include "status.h"

namespace nydus::storage {

// Values are the on-disk ids (v6 blob `compression_algo`, CI header `s_ci_compressor`).
enum class Compression : uint32_t {
  kNone = 0,
  kLz4Block = 1,
  kGzip = 2,
  kZstd = 3,
};

// Config-string name ("none", "lz4_block", "gzip", "zstd").
std::string_view CompressionName(Compression algo);
// Inverse of CompressionName; EINVAL for anything else.
Result<Compression> ParseCompression(std::string_view name);
// From an on-disk id; EINVAL for unknown ids.
Result<Compression> CompressionFromId(uint32_t id);

// Level semantics: nullopt means the builder default (zstd 3, gzip zlib's default 6).
// zstd accepts ZSTD_minCLevel()..ZSTD_maxCLevel(), gzip 0..9; none and lz4_block take
// no level (LZ4_compress_default, as nydus-image) and reject one with EINVAL.
Result<std::vector<uint8_t>> Compress(Compression algo, ByteView input,
                                      std::optional<int> level = std::nullopt);

// Decodes `input` into exactly `out_size` bytes at `out`. EIO when the input is corrupt or
// truncated or decodes to a different length; never writes outside [out, out + out_size).
// gzip follows the reader rule of §1.3: the member must yield exactly `out_size` bytes and
// may be followed by anything (legacy stargz reads past the member's end); a trailer that
// is present is checked by zlib.
Status DecompressInto(Compression algo, ByteView input, uint8_t* out, size_t out_size);

// DecompressInto a new buffer of `expected_size` bytes (ENOMEM if it cannot be allocated).
Result<std::vector<uint8_t>> Decompress(Compression algo, ByteView input, size_t expected_size);

// A zstd stream of unknown length (a `tar+zstd` image layer): any number of concatenated
// frames, fed in pieces of any size. Not thread-safe; one stream per decoder.
class ZstdStreamDecoder {
 public:
  ZstdStreamDecoder();
  ~ZstdStreamDecoder();
  ZstdStreamDecoder(const ZstdStreamDecoder&) = delete;
  ZstdStreamDecoder& operator=(const ZstdStreamDecoder&) = delete;

  // Decodes `input`, appending the plain bytes to `out`. EINVAL for corrupt input (the
  // decoder is then unusable), ENOMEM when no context could be made.
  Status Decode(ByteView input, std::vector<uint8_t>& out);
  // At the end of the input: EINVAL when it stopped inside a frame (truncated stream), or
  // when nothing was fed at all.
  Status Finish() const;

 private:
  struct Context;
  Context* ctx_;
  bool mid_frame_ = false;
  bool fed_ = false;
  bool failed_ = false;
};

}  // namespace nydus::storage
