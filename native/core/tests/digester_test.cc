// Unit tests for storage/digester: SHA-256 and BLAKE3 known answers, incremental updates,
// and every case of the official BLAKE3 vectors (hash, keyed_hash, derive_key) from
// ../shared/vectors. Core layer tests (ctest).
#include <fstream>
#include <sstream>

#include "library_info.h"
#include "storage/digester.h"
#include "test_harness.h"
#include "test_util.h"

using namespace nydus;
using namespace nydus::storage;
using nydus::test::Hex;
using nydus::test::MixedBytes;

namespace {

std::string HexDigest(DigestAlgorithm algo, std::string_view text) {
  Result<Digest> d = ComputeDigest(algo, ByteView(text));
  return d.ok() ? Hex(d.value()) : d.status().ToString();
}

struct VectorCase {
  size_t input_len = 0;
  std::string hash, keyed_hash, derive_key;
};

// Pulls the string after `"field": "` starting at pos; advances pos past it.
std::string StringField(const std::string& json, const std::string& field, size_t& pos) {
  const std::string tag = "\"" + field + "\"";
  pos = json.find(tag, pos);
  if (pos == std::string::npos) return {};
  const size_t open = json.find('"', json.find(':', pos) + 1);
  const size_t close = json.find('"', open + 1);
  pos = close + 1;
  return json.substr(open + 1, close - open - 1);
}

// The vectors file is flat and regular enough to scan without a JSON library.
bool LoadVectors(std::string& key, std::string& context, std::vector<VectorCase>& cases) {
  std::ifstream f(NYDUS_BLAKE3_VECTORS);
  if (!f) return false;
  std::stringstream ss;
  ss << f.rdbuf();
  const std::string json = ss.str();
  size_t pos = 0;
  key = StringField(json, "key", pos);
  context = StringField(json, "context_string", pos);
  for (;;) {
    pos = json.find("\"input_len\"", pos);
    if (pos == std::string::npos) break;
    VectorCase c;
    c.input_len = std::stoul(json.substr(json.find(':', pos) + 1, 16));
    c.hash = StringField(json, "hash", pos);
    c.keyed_hash = StringField(json, "keyed_hash", pos);
    c.derive_key = StringField(json, "derive_key", pos);
    cases.push_back(c);
  }
  return !cases.empty();
}

}  // namespace

TEST("names and on-disk ids match storage spec §2") {
  CHECK_EQ(static_cast<uint32_t>(DigestAlgorithm::kBlake3), 0u);
  CHECK_EQ(static_cast<uint32_t>(DigestAlgorithm::kSha256), 1u);
  CHECK(ParseDigest("blake3").value() == DigestAlgorithm::kBlake3);
  CHECK(ParseDigest("sha256").value() == DigestAlgorithm::kSha256);
  CHECK_EQ(ParseDigest("md5").status().error_number(), EINVAL);
  CHECK(DigestFromId(1).value() == DigestAlgorithm::kSha256);
  CHECK(!DigestFromId(2).ok());
}

TEST("sha256 known answers") {
  CHECK_EQ(HexDigest(DigestAlgorithm::kSha256, ""),
           "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
  CHECK_EQ(HexDigest(DigestAlgorithm::kSha256, "abc"),
           "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
}

TEST("blake3 of the empty input") {
  CHECK_EQ(HexDigest(DigestAlgorithm::kBlake3, ""),
           "af1349b9f5f9a1a6a0404dea36dcc9499bcb25c9adc112b7cc9a93cae41f3262");
}

TEST("incremental updates give the one-shot digest, and Finish is once only") {
  std::vector<uint8_t> data = MixedBytes(300001);
  for (DigestAlgorithm algo : {DigestAlgorithm::kBlake3, DigestAlgorithm::kSha256}) {
    Result<std::unique_ptr<Digester>> d = Digester::Create(algo);
    REQUIRE_OK(d);
    for (size_t off = 0; off < data.size(); off += 4093) {
      const size_t n = std::min<size_t>(4093, data.size() - off);
      REQUIRE_OK(d.value()->Update(ByteView(data.data() + off, n)));
    }
    Result<Digest> streamed = d.value()->Finish();
    REQUIRE_OK(streamed);
    CHECK(streamed.value() == ComputeDigest(algo, data).value());
    CHECK_EQ(d.value()->Finish().status().error_number(), EINVAL);
    CHECK_EQ(d.value()->Update(data).error_number(), EINVAL);
  }
}

TEST("blake3 reproduces every official test vector (hash, keyed_hash, derive_key)") {
  std::string key, context;
  std::vector<VectorCase> cases;
  REQUIRE(LoadVectors(key, context, cases));
  CHECK_EQ(cases.size(), 35u);
  for (const VectorCase& c : cases) {
    std::vector<uint8_t> input(c.input_len);
    for (size_t i = 0; i < input.size(); ++i) input[i] = static_cast<uint8_t>(i % 251);
    const size_t xof_len = c.hash.size() / 2;
    const std::string got_default = Hex(ComputeDigest(DigestAlgorithm::kBlake3, input).value());
    const std::string got_xof = Hex(Blake3Xof(input, xof_len).value());
    const std::string got_keyed = Hex(Blake3KeyedXof(ByteView(key), input, xof_len).value());
    const std::string got_derive = Hex(Blake3DeriveKey(context, input, xof_len).value());
    if (got_xof != c.hash) std::fprintf(stderr, "  hash mismatch, len %zu\n", c.input_len);
    CHECK(got_default == c.hash.substr(0, 64));
    CHECK(got_xof == c.hash);
    CHECK(got_keyed == c.keyed_hash);
    CHECK(got_derive == c.derive_key);
  }
  CHECK_EQ(Blake3KeyedXof(ByteView(std::string_view("short")), {}, 32).status().error_number(),
           EINVAL);
}

TEST("library info names every linked library and the BLAKE3 back end") {
  LibraryInfo info = GetLibraryInfo();
  CHECK(!info.lz4.empty() && !info.zstd.empty() && !info.zlib.empty());
  CHECK(info.openssl.find("OpenSSL") != std::string::npos);
  CHECK(!info.blake3.empty());
  CHECK(!info.blake3_simd_compiled.empty() && !info.blake3_simd_runtime.empty());
  std::printf("  lz4 %s, zstd %s, zlib %s, %s, blake3 %s [%s; runtime %s]\n", info.lz4.c_str(),
              info.zstd.c_str(), info.zlib.c_str(), info.openssl.c_str(), info.blake3.c_str(),
              info.blake3_simd_compiled.c_str(), info.blake3_simd_runtime.c_str());
}

NYDUS_TEST_MAIN()
