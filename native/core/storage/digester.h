// Chunk digests (storage spec §1.4): SHA-256 (OpenSSL EVP) and BLAKE3 (official C code),
// plus BLAKE3's extended output, keyed and derive-key modes. Core layer.
// A Digester instance belongs to one thread at a time; the free functions are thread-safe.
#pragma once

#include <array>
#include <cstdint>
#include <memory>
#include <string_view>
#include <vector>

#include "byte_view.h"
#include "status.h"

namespace nydus::storage {

// Values are the on-disk ids (v6 blob `digest_algo`).
enum class DigestAlgorithm : uint32_t {
  kBlake3 = 0,
  kSha256 = 1,
};

constexpr size_t kDigestSize = 32;
using Digest = std::array<uint8_t, kDigestSize>;

std::string_view DigestName(DigestAlgorithm algo);  // "blake3" / "sha256"
Result<DigestAlgorithm> ParseDigest(std::string_view name);
Result<DigestAlgorithm> DigestFromId(uint32_t id);

// Incremental digest: Create, Update any number of times, Finish once.
class Digester {
 public:
  static Result<std::unique_ptr<Digester>> Create(DigestAlgorithm algo);
  virtual ~Digester() = default;
  Digester(const Digester&) = delete;
  Digester& operator=(const Digester&) = delete;

  DigestAlgorithm algorithm() const { return algo_; }
  virtual Status Update(ByteView data) = 0;
  // Ends the digest; further calls are EINVAL.
  virtual Result<Digest> Finish() = 0;

 protected:
  explicit Digester(DigestAlgorithm algo) : algo_(algo) {}

 private:
  DigestAlgorithm algo_;
};

// One-shot digest of a buffer.
Result<Digest> ComputeDigest(DigestAlgorithm algo, ByteView data);

// BLAKE3 extended output (XOF) of `out_len` bytes; the first 32 are the default digest.
// ENOMEM if `out_len` bytes cannot be allocated.
Result<std::vector<uint8_t>> Blake3Xof(ByteView data, size_t out_len);
// BLAKE3 keyed hash; `key` must be 32 bytes (EINVAL otherwise).
Result<std::vector<uint8_t>> Blake3KeyedXof(ByteView key, ByteView data, size_t out_len);
// BLAKE3 key derivation from a context string and key material.
Result<std::vector<uint8_t>> Blake3DeriveKey(std::string_view context, ByteView material, size_t out_len);

}  // namespace nydus::storage
