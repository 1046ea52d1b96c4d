// The RAFS v6 (EROFS-compatible) bootstrap reader behind the Filesystem interface, in
// direct mode: every call decodes what it needs from the mapped bootstrap, nothing is
// copied (rafs-format §4). Core layer (rafs).
// Thread-safety: immutable after Open; every const method may run on any thread concurrently.
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "byte_region.h"
#include "rafs/filesystem.h"
#include "rafs/v6_chunk_table.h"
#include "rafs/v6_dir_block.h"
#include "rafs/v6_inode.h"
#include "rafs/v6_superblock.h"

namespace nydus::rafs {

class V6Filesystem final : public Filesystem {
 public:
  // Validates the superblocks and tables, indexes the chunk table and checks that the root
  // nid is a directory. `bytes` stays referenced for the filesystem's lifetime.
  static Result<std::unique_ptr<Filesystem>> Open(std::shared_ptr<const ByteRegion> bytes);

  const SuperInfo& super() const override { return sb_.info(); }
  Result<Ino> Lookup(Ino parent, std::string_view name) const override;
  Result<Attr> GetAttr(Ino ino) const override;
  Status ReadDir(Ino dir, uint64_t offset, const std::function<bool(const DirEntry&)>& emit) const override;
  Result<std::string> ReadLink(Ino ino) const override;
  Result<std::vector<std::string>> ListXattrs(Ino ino) const override;
  Result<std::string> GetXattr(Ino ino, std::string_view name) const override;
  Result<std::vector<IoSegment>> MapRange(Ino ino, uint64_t offset, uint64_t size) const override;

 private:
  V6Filesystem(std::shared_ptr<const ByteRegion> bytes, V6Superblock sb, V6ChunkTable chunks)
      : bytes_(std::move(bytes)), sb_(std::move(sb)), chunks_(std::move(chunks)) {}

  Result<V6Inode> LoadInode(Ino ino) const { return V6Inode::Load(*bytes_, sb_, ino); }
  Result<V6Inode> LoadDir(Ino ino) const;
  Result<V6DirBlock> DirBlock(const V6Inode& dir, uint64_t b) const;
  // Chunk k of a CHUNK_BASED file, for the piece [piece_begin, piece_end) of the file.
  Result<IoSegment> MapChunk(const V6Inode& file, uint64_t k, uint64_t piece_begin, uint64_t piece_end) const;

  std::shared_ptr<const ByteRegion> bytes_;
  V6Superblock sb_;
  V6ChunkTable chunks_;
};

}  // namespace nydus::rafs
