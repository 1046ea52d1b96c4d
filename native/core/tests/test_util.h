// Helpers shared by the native core's unit tests: hex encoding, deterministic inputs, temp
// directories, substring checks and Status access for REQUIRE_OK. Test-only code.
#pragma once

#include <stdlib.h>

#include <cstdint>
#include <filesystem>
#include <string>
#include <system_error>
#include <vector>

#include "status.h"

namespace nydus::test {

inline bool Contains(const std::string& haystack, const std::string& needle) {
  return haystack.find(needle) != std::string::npos;
}

// A temporary directory (/tmp/<prefix>XXXXXX) removed with everything in it when the test case ends.
class TempDir {
 public:
  explicit TempDir(const std::string& prefix = "nydus-test-") {
    std::string tmpl = "/tmp/" + prefix + "XXXXXX";
    const char* p = mkdtemp(tmpl.data());
    path_ = p ? p : "";
  }
  ~TempDir() {
    std::error_code ec;
    if (!path_.empty()) std::filesystem::remove_all(path_, ec);
  }
  TempDir(const TempDir&) = delete;
  TempDir& operator=(const TempDir&) = delete;
  const std::string& path() const { return path_; }
  std::string File(const std::string& name) const { return path_ + "/" + name; }

 private:
  std::string path_;
};

inline const Status& StatusOf(const Status& s) { return s; }
template <typename T>
const Status& StatusOf(const Result<T>& r) {
  return r.status();
}

template <typename Bytes>
std::string Hex(const Bytes& bytes) {
  static const char kDigits[] = "0123456789abcdef";
  std::string out;
  for (uint8_t b : bytes) {
    out.push_back(kDigits[b >> 4]);
    out.push_back(kDigits[b & 15]);
  }
  return out;
}

// xorshift64*: reproducible "random" bytes, incompressible for every codec here.
inline std::vector<uint8_t> RandomBytes(size_t n, uint64_t seed) {
  std::vector<uint8_t> out(n);
  uint64_t x = seed | 1;
  for (auto& b : out) {
    x ^= x >> 12;
    x ^= x << 25;
    x ^= x >> 27;
    b = static_cast<uint8_t>((x * 0x2545F4914F6CDD1DULL) >> 56);
  }
  return out;
}

// 1 MiB-style mixed data: runs of text, zeros, repeated patterns and random stretches.
inline std::vector<uint8_t> MixedBytes(size_t n) {
  std::vector<uint8_t> out;
  out.reserve(n);
  const std::string text = "sudo /home/user/src/nydus: chunk digest verified; ";
  std::vector<uint8_t> noise = RandomBytes(4096, 42);
  for (size_t block = 0; out.size() < n; ++block) {
    for (size_t i = 0; i < 4096 && out.size() < n; ++i) {
      switch (block % 4) {
        case 0: out.push_back(static_cast<uint8_t>(text[i % text.size()])); break;
        case 1: out.push_back(0); break;
        case 2: out.push_back(static_cast<uint8_t>(i % 251)); break;
        default: out.push_back(noise[(i * 7 + block) % noise.size()]); break;
      }
    }
  }
  return out;
}

#ifdef NYDUS_FIXTURES
// The shared v6-zstd fixture (../shared/fixtures; its facts in rafs-format §5.3).
inline const std::string kFixtures = NYDUS_FIXTURES;
inline const std::string kV6Bootstrap = kFixtures + "/v6-zstd/bootstrap";
inline const std::string kV6Dir = kFixtures + "/v6-zstd/blobs";
inline const std::string kV6Id = "be7d77eeb719f70884758d1aa800ed0fb09d701aaec469964e9d54325f0d5fef";
#endif

}  // namespace nydus::test
