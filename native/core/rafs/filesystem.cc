// Format detection and the dispatch to the v5 / v6 readers (rafs-format §1). Core layer.
#include "rafs/filesystem.h"

namespace nydus::rafs {

namespace {
constexpr uint32_t kV5Magic = 0x52414653;
constexpr uint32_t kV5Version = 0x500;
constexpr uint32_t kErofsMagic = 0xE0F5E1E2;
constexpr size_t kErofsSuperOffset = 1024;
}  // namespace

storage::Compression CompressionFromSuperFlags(uint64_t flags) {
  if (flags & kSuperCompressionNone) return storage::Compression::kNone;
  if (flags & kSuperCompressionLz4) return storage::Compression::kLz4Block;
  if (flags & kSuperCompressionGzip) return storage::Compression::kGzip;
  if (flags & kSuperCompressionZstd) return storage::Compression::kZstd;
  return storage::Compression::kLz4Block;
}

storage::DigestAlgorithm DigestFromSuperFlags(uint64_t flags) {
  if (flags & kSuperHashBlake3) return storage::DigestAlgorithm::kBlake3;
  if (flags & kSuperHashSha256) return storage::DigestAlgorithm::kSha256;
  return storage::DigestAlgorithm::kBlake3;
}

Result<std::unique_ptr<Filesystem>> OpenBootstrapRegion(std::shared_ptr<const ByteRegion> bytes) {
  const ByteRegion& r = *bytes;
  if (r.Contains(0, 8) && LoadLe32(r.data()) == kV5Magic && LoadLe32(r.data() + 4) == kV5Version) {
    return OpenV5(std::move(bytes));
  }
  if (r.Contains(kErofsSuperOffset, 128) && LoadLe32(r.data() + kErofsSuperOffset) == kErofsMagic) {
    return OpenV6(std::move(bytes));
  }
  return Status(EINVAL, "not a RAFS bootstrap: neither the RAFS v5 magic at 0 nor the EROFS magic at 1024 (" +
                            std::to_string(r.size()) + " bytes)");
}

Result<std::unique_ptr<Filesystem>> OpenBootstrap(const std::string& path) {
  auto region = ByteRegion::MapFile(path);
  if (!region.ok()) return region.status();
  auto fs = OpenBootstrapRegion(std::move(region).value());
  if (!fs.ok()) return Status(fs.status().error_number(), path + ": " + fs.status().message());
  return fs;
}

}  // namespace nydus::rafs
