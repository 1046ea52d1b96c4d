// SHA-256 through OpenSSL's EVP interface and BLAKE3 through its official C implementation
// (built from librust-blake3-dev's sources with the SIMD dispatcher). Core layer.
#include "storage/digester.h"

#include <blake3.h>
#include <openssl/evp.h>

#include <string>

namespace nydus::storage {
namespace {

class Blake3Digester final : public Digester {
 public:
  Blake3Digester() : Digester(DigestAlgorithm::kBlake3) { blake3_hasher_init(&hasher_); }

  Status Update(ByteView data) override {
    if (finished_) return Status(EINVAL, "blake3: digest already finished");
    blake3_hasher_update(&hasher_, data.data, data.size);
    return Status::Ok();
  }

  Result<Digest> Finish() override {
    if (finished_) return Status(EINVAL, "blake3: digest already finished");
    finished_ = true;
    Digest out;
    blake3_hasher_finalize(&hasher_, out.data(), out.size());
    return out;
  }

 private:
  blake3_hasher hasher_;
  bool finished_ = false;
};

class Sha256Digester final : public Digester {
 public:
  using CtxPtr = std::unique_ptr<EVP_MD_CTX, decltype(&EVP_MD_CTX_free)>;

  static Result<std::unique_ptr<Digester>> Create() {
    CtxPtr ctx(EVP_MD_CTX_new(), EVP_MD_CTX_free);
    if (!ctx) return Status(ENOMEM, "sha256: EVP_MD_CTX_new failed");
    if (EVP_DigestInit_ex(ctx.get(), EVP_sha256(), nullptr) != 1) {
      return Status(EIO, "sha256: EVP_DigestInit_ex failed");
    }
    return std::unique_ptr<Digester>(new Sha256Digester(std::move(ctx)));
  }

  Status Update(ByteView data) override {
    if (!ctx_) return Status(EINVAL, "sha256: digest already finished");
    if (data.size && EVP_DigestUpdate(ctx_.get(), data.data, data.size) != 1) {
      return Status(EIO, "sha256: EVP_DigestUpdate failed");
    }
    return Status::Ok();
  }

  Result<Digest> Finish() override {
    if (!ctx_) return Status(EINVAL, "sha256: digest already finished");
    CtxPtr ctx = std::move(ctx_);
    Digest out;
    unsigned int len = 0;
    if (EVP_DigestFinal_ex(ctx.get(), out.data(), &len) != 1 || len != out.size()) {
      return Status(EIO, "sha256: EVP_DigestFinal_ex failed");
    }
    return out;
  }

 private:
  explicit Sha256Digester(CtxPtr ctx) : Digester(DigestAlgorithm::kSha256), ctx_(std::move(ctx)) {}
  CtxPtr ctx_;
};

Result<std::vector<uint8_t>> Finalize(const blake3_hasher& h, size_t out_len) {
  std::vector<uint8_t> out;
  try {
    out.resize(out_len);
  } catch (const std::exception&) {
    return Status(ENOMEM, "blake3: cannot allocate " + std::to_string(out_len) + " bytes");
  }
  blake3_hasher_finalize(&h, out.data(), out.size());
  return out;
}

}  // namespace

std::string_view DigestName(DigestAlgorithm algo) {
  switch (algo) {
    case DigestAlgorithm::kBlake3: return "blake3";
    case DigestAlgorithm::kSha256: return "sha256";
  }
  return "unknown";
}

Result<DigestAlgorithm> ParseDigest(std::string_view name) {
  if (name == "blake3") return DigestAlgorithm::kBlake3;
  if (name == "sha256") return DigestAlgorithm::kSha256;
  return Status(EINVAL, "unknown digester '" + std::string(name) + "' (expected blake3 or sha256)");
}

Result<DigestAlgorithm> DigestFromId(uint32_t id) {
  if (id > static_cast<uint32_t>(DigestAlgorithm::kSha256)) {
    return Status(EINVAL, "unknown digest algorithm id " + std::to_string(id));
  }
  return static_cast<DigestAlgorithm>(id);
}

Result<std::unique_ptr<Digester>> Digester::Create(DigestAlgorithm algo) {
  switch (algo) {
    case DigestAlgorithm::kBlake3: return std::unique_ptr<Digester>(new Blake3Digester());
    case DigestAlgorithm::kSha256: return Sha256Digester::Create();
  }
  return Status(EINVAL, "unknown digest algorithm");
}

Result<Digest> ComputeDigest(DigestAlgorithm algo, ByteView data) {
  Result<std::unique_ptr<Digester>> d = Digester::Create(algo);
  if (!d.ok()) return d.status();
  if (Status s = d.value()->Update(data); !s.ok()) return s;
  return d.value()->Finish();
}

Result<std::vector<uint8_t>> Blake3Xof(ByteView data, size_t out_len) {
  blake3_hasher h;
  blake3_hasher_init(&h);
  blake3_hasher_update(&h, data.data, data.size);
  return Finalize(h, out_len);
}

Result<std::vector<uint8_t>> Blake3KeyedXof(ByteView key, ByteView data, size_t out_len) {
  if (key.size != BLAKE3_KEY_LEN) {
    return Status(EINVAL, "blake3: key must be 32 bytes, got " + std::to_string(key.size));
  }
  blake3_hasher h;
  blake3_hasher_init_keyed(&h, key.data);
  blake3_hasher_update(&h, data.data, data.size);
  return Finalize(h, out_len);
}

Result<std::vector<uint8_t>> Blake3DeriveKey(std::string_view context, ByteView material, size_t out_len) {
  blake3_hasher h;
  blake3_hasher_init_derive_key_raw(&h, context.data(), context.size());
  blake3_hasher_update(&h, material.data, material.size);
  return Finalize(h, out_len);
}

}  // namespace nydus::storage
