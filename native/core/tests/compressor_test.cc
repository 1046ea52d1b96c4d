// Unit tests for storage/compressor: round trips of every algorithm, the on-disk formats
// (raw LZ4 block, zstd frame with content size, gzip member), and rejection of corrupt,
// truncated and wrongly sized input. Core layer tests (ctest).
#include <algorithm>
#include <cstring>

#include "storage/compressor.h"
#include "test_harness.h"
#include "test_util.h"

using namespace nydus;
using namespace nydus::storage;
using nydus::test::MixedBytes;
using nydus::test::RandomBytes;

namespace {

const Compression kAll[] = {Compression::kNone, Compression::kLz4Block, Compression::kGzip,
                            Compression::kZstd};
const Compression kCodecs[] = {Compression::kLz4Block, Compression::kGzip, Compression::kZstd};

std::vector<std::vector<uint8_t>> Inputs() {
  std::string small = "hello, nydus! hello, nydus! hello, nydus!";
  return {
      {},
      {0x42},
      std::vector<uint8_t>(small.begin(), small.end()),
      MixedBytes(1 << 20),
      RandomBytes(1 << 20, 7),
      std::vector<uint8_t>(1 << 20, 0),
  };
}

std::vector<uint8_t> MustCompress(Compression algo, const std::vector<uint8_t>& in) {
  Result<std::vector<uint8_t>> r = Compress(algo, in);
  REQUIRE_OK(r);
  return r.value();
}

}  // namespace

TEST("names and on-disk ids match storage spec §2") {
  CHECK_EQ(static_cast<uint32_t>(Compression::kNone), 0u);
  CHECK_EQ(static_cast<uint32_t>(Compression::kLz4Block), 1u);
  CHECK_EQ(static_cast<uint32_t>(Compression::kGzip), 2u);
  CHECK_EQ(static_cast<uint32_t>(Compression::kZstd), 3u);
  for (Compression c : kAll) {
    Result<Compression> parsed = ParseCompression(CompressionName(c));
    REQUIRE_OK(parsed);
    CHECK(parsed.value() == c);
  }
  CHECK(!ParseCompression("lz4").ok());
  CHECK_EQ(ParseCompression("zstd ").status().error_number(), EINVAL);
  CHECK(!CompressionFromId(4).ok());
  CHECK(CompressionFromId(3).value() == Compression::kZstd);
}

TEST("every algorithm round-trips empty, small, mixed, random and zero inputs") {
  for (Compression c : kAll) {
    for (const auto& in : Inputs()) {
      std::vector<uint8_t> packed = MustCompress(c, in);
      Result<std::vector<uint8_t>> out = Decompress(c, packed, in.size());
      REQUIRE_OK(out);
      if (out.value() != in) {
        std::fprintf(stderr, "  %s: %zu bytes differ after round trip\n",
                     std::string(CompressionName(c)).c_str(), in.size());
      }
      CHECK(out.value() == in);
    }
  }
}

TEST("compressible data shrinks and the stored formats carry their magic") {
  std::vector<uint8_t> in = MixedBytes(1 << 20);
  for (Compression c : kCodecs) CHECK(MustCompress(c, in).size() < in.size() / 2);
  std::vector<uint8_t> z = MustCompress(Compression::kZstd, in);
  CHECK(z[0] == 0x28 && z[1] == 0xb5 && z[2] == 0x2f && z[3] == 0xfd);
  std::vector<uint8_t> g = MustCompress(Compression::kGzip, in);
  CHECK(g[0] == 0x1f && g[1] == 0x8b && g[2] == 0x08);
  // A raw LZ4 block has no frame magic (04 22 4d 18).
  std::vector<uint8_t> l = MustCompress(Compression::kLz4Block, in);
  CHECK(!(l[0] == 0x04 && l[1] == 0x22 && l[2] == 0x4d && l[3] == 0x18));
}

TEST("lz4_block decodes a hand-made raw block (no frame, no size prefix)") {
  // Sequence 1: token 0x44 = 4 literals "abcd" + match (4 + 4 bytes) at offset 4, which
  // overlaps its own output. Sequence 2: token 0x50 = 5 final literals (LZ4's end rule).
  const std::vector<uint8_t> block = {0x44, 'a', 'b', 'c', 'd', 0x04, 0x00,
                                      0x50, 'x', 'y', 'z', 'z', 'y'};
  Result<std::vector<uint8_t>> out = Decompress(Compression::kLz4Block, block, 17);
  REQUIRE_OK(out);
  CHECK(std::string(out.value().begin(), out.value().end()) == "abcdabcdabcdxyzzy");
}

TEST("zstd frames record the content size and honour the level") {
  std::vector<uint8_t> in = MixedBytes(256 << 10);
  Result<std::vector<uint8_t>> fast = Compress(Compression::kZstd, in, 1);
  Result<std::vector<uint8_t>> best = Compress(Compression::kZstd, in, 19);
  REQUIRE_OK(fast);
  REQUIRE_OK(best);
  CHECK(best.value().size() <= fast.value().size());
  CHECK(Decompress(Compression::kZstd, best.value(), in.size()).value() == in);
  CHECK_EQ(Compress(Compression::kZstd, in, 1000).status().error_number(), EINVAL);
  CHECK_EQ(Compress(Compression::kGzip, in, 10).status().error_number(), EINVAL);
  CHECK_EQ(Compress(Compression::kLz4Block, in, 1).status().error_number(), EINVAL);
  CHECK_EQ(Compress(Compression::kNone, in, 1).status().error_number(), EINVAL);
  CHECK(Compress(Compression::kGzip, in, 0).ok());
}

TEST("a wrong expected size is rejected with EIO, smaller or larger") {
  std::vector<uint8_t> in = MixedBytes(100000);
  for (Compression c : kAll) {
    std::vector<uint8_t> packed = MustCompress(c, in);
    for (size_t wrong : {size_t{0}, in.size() - 1, in.size() + 1, in.size() * 2}) {
      Result<std::vector<uint8_t>> out = Decompress(c, packed, wrong);
      CHECK(!out.ok());
      CHECK_EQ(out.status().error_number(), EIO);
      CHECK(!out.status().message().empty());
    }
  }
}

TEST("truncated input is rejected with EIO") {
  std::vector<uint8_t> in = MixedBytes(200000);
  for (Compression c : kCodecs) {
    std::vector<uint8_t> packed = MustCompress(c, in);
    for (size_t keep : {size_t{0}, size_t{1}, size_t{5}, packed.size() / 2, packed.size() - 1}) {
      std::vector<uint8_t> cut(packed.begin(), packed.begin() + keep);
      Result<std::vector<uint8_t>> out = Decompress(c, cut, in.size());
      if (out.ok()) {
        std::fprintf(stderr, "  %s accepted %zu of %zu bytes\n",
                     std::string(CompressionName(c)).c_str(), keep, packed.size());
      }
      CHECK_EQ(out.status().error_number(), EIO);
    }
  }
}

TEST("corrupt input is rejected with EIO and never overruns the output") {
  std::vector<uint8_t> in = MixedBytes(300000);
  for (Compression c : kCodecs) {
    std::vector<uint8_t> packed = MustCompress(c, in);
    // Garbage of the right length, and single-byte flips spread over the stream.
    std::vector<uint8_t> garbage = RandomBytes(packed.size(), 99);
    CHECK_EQ(Decompress(c, garbage, in.size()).status().error_number(), EIO);
    int rejected = 0;
    int trials = 0;
    for (size_t pos = 0; pos < packed.size(); pos += packed.size() / 37 + 1) {
      std::vector<uint8_t> bad = packed;
      bad[pos] ^= 0x5a;
      // Decode into a guarded buffer: bytes past out_size must stay untouched.
      std::vector<uint8_t> out(in.size() + 64, 0xee);
      Status s = DecompressInto(c, bad, out.data(), in.size());
      for (size_t i = in.size(); i < out.size(); ++i) CHECK(out[i] == 0xee);
      ++trials;
      if (!s.ok()) {
        ++rejected;
        CHECK_EQ(s.error_number(), EIO);
      }
    }
    // lz4_block and zstd frames (as nydus writes them) carry no checksum: a flip inside
    // literals decodes to other bytes of the right length, which the chunk digest or CRC
    // catches (§1.4). gzip's CRC32 trailer catches every flip.
    CHECK(rejected > 0);
    if (c == Compression::kGzip) CHECK_EQ(rejected, trials);
    std::printf("  %s: %d of %d flipped streams rejected\n",
                std::string(CompressionName(c)).c_str(), rejected, trials);
  }
}

TEST("gzip accepts a zlib stream and trailing bytes after the member") {
  std::vector<uint8_t> in = MixedBytes(50000);
  std::vector<uint8_t> packed = MustCompress(Compression::kGzip, in);
  std::vector<uint8_t> padded = packed;
  padded.insert(padded.end(), {1, 2, 3, 4, 5, 6, 7, 8});
  Result<std::vector<uint8_t>> out = Decompress(Compression::kGzip, padded, in.size());
  REQUIRE_OK(out);
  CHECK(out.value() == in);
  // A corrupted CRC32 in the trailer is caught.
  std::vector<uint8_t> bad_crc = packed;
  bad_crc[packed.size() - 8] ^= 1;
  CHECK_EQ(Decompress(Compression::kGzip, bad_crc, in.size()).status().error_number(), EIO);
  // zlib wrapper (RFC 1950) of "a": 78 9c 4b 04 00 00 62 00 62.
  const std::vector<uint8_t> zlib_a = {0x78, 0x9c, 0x4b, 0x04, 0x00, 0x00, 0x62, 0x00, 0x62};
  Result<std::vector<uint8_t>> a = Decompress(Compression::kGzip, zlib_a, 1);
  REQUIRE_OK(a);
  CHECK(a.value()[0] == 'a');
}

TEST("none requires the stored length to equal the expected size") {
  std::vector<uint8_t> in = {1, 2, 3};
  CHECK(Decompress(Compression::kNone, in, 3).value() == in);
  CHECK_EQ(Decompress(Compression::kNone, in, 4).status().error_number(), EIO);
  CHECK(Decompress(Compression::kNone, {}, 0).ok());
}

TEST("zstd streams: concatenated frames fed in pieces of any size; truncated and corrupt streams fail") {
  const std::vector<uint8_t> a = MixedBytes(300 << 10);
  const std::vector<uint8_t> b = RandomBytes(70 << 10, 3);
  std::vector<uint8_t> stream = Compress(Compression::kZstd, a).value();
  const std::vector<uint8_t> second = Compress(Compression::kZstd, b).value();
  stream.insert(stream.end(), second.begin(), second.end());
  std::vector<uint8_t> want = a;
  want.insert(want.end(), b.begin(), b.end());
  for (size_t piece : {size_t{1} << 20, size_t{4096}, size_t{7}}) {
    ZstdStreamDecoder d;
    std::vector<uint8_t> out;
    for (size_t at = 0; at < stream.size(); at += piece) {
      REQUIRE_OK(d.Decode(ByteView(stream.data() + at, std::min(piece, stream.size() - at)), out));
    }
    REQUIRE_OK(d.Finish());
    CHECK(out == want);
  }
  ZstdStreamDecoder cut;
  std::vector<uint8_t> out;
  REQUIRE_OK(cut.Decode(ByteView(stream.data(), stream.size() / 2), out));
  CHECK_EQ(cut.Finish().error_number(), EINVAL);
  ZstdStreamDecoder bad;
  const std::vector<uint8_t> junk = RandomBytes(1000, 9);
  CHECK_EQ(bad.Decode(junk, out).error_number(), EINVAL);
  CHECK_EQ(bad.Decode(stream, out).error_number(), EINVAL);
  CHECK_EQ(bad.Finish().error_number(), EINVAL);
  ZstdStreamDecoder none;
  CHECK_EQ(none.Finish().error_number(), EINVAL);
}

NYDUS_TEST_MAIN()
