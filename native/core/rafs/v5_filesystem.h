// The RAFS v5 reader (rafs-format §3): a Filesystem over a mapped v5 bootstrap in direct
// mode. Nothing is copied or cached: every call decodes and validates the records it needs
// from the region, which the object keeps alive. Core layer (rafs).
// Thread-safety: immutable after OpenV5; every method may run on any thread concurrently.
#pragma once

#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "byte_region.h"
#include "rafs/filesystem.h"
#include "rafs/v5_inode.h"
#include "rafs/v5_superblock.h"

namespace nydus::rafs {

class V5Filesystem final : public Filesystem {
 public:
  // Validates the superblock and tables and the root inode. EIO when corrupt.
  static Result<std::unique_ptr<V5Filesystem>> Open(std::shared_ptr<const ByteRegion> bytes);

  const SuperInfo& super() const override { return sb_.info(); }
  Result<Ino> Lookup(Ino parent, std::string_view name) const override;
  Result<Attr> GetAttr(Ino ino) const override;
  Status ReadDir(Ino dir, uint64_t offset, const std::function<bool(const DirEntry&)>& emit) const override;
  Result<std::string> ReadLink(Ino ino) const override;
  Result<std::vector<std::string>> ListXattrs(Ino ino) const override;
  Result<std::string> GetXattr(Ino ino, std::string_view name) const override;
  Result<std::vector<IoSegment>> MapRange(Ino ino, uint64_t offset, uint64_t size) const override;

 private:
  V5Filesystem(std::shared_ptr<const ByteRegion> bytes, V5Superblock sb)
      : bytes_(std::move(bytes)), sb_(std::move(sb)) {}

  // The record at child index `ino` (= the inode number the runtime uses).
  Result<V5Inode> Load(Ino ino) const { return V5Inode::Decode(*bytes_, sb_, ino); }

  std::shared_ptr<const ByteRegion> bytes_;
  V5Superblock sb_;
};

}  // namespace nydus::rafs
