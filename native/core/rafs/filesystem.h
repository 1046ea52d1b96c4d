// The version-neutral RAFS interface: one bootstrap (v5 or v6) opened in direct mode (mapped,
// nothing copied), answering lookup, getattr, readdir, readlink, xattrs and the mapping of
// a file range to chunks. Core layer (rafs). The v5 and v6 readers implement it in their own
// files. Thread-safety: once opened, every const method may run on any thread concurrently.
#pragma once

#include <cstdint>
#include <functional>
#include <memory>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "byte_region.h"
#include "status.h"
#include "storage/blob_info.h"

namespace nydus::rafs {

// Inode number as the runtime (FUSE) uses it: v5 i_ino / child index, v6 nid.
using Ino = uint64_t;

enum class Version : uint32_t { kV5 = 5, kV6 = 6 };

// Superblock feature flags (rafs-format §2.1).
enum SuperFlags : uint64_t {
  kSuperCompressionNone = 0x1,
  kSuperCompressionLz4 = 0x2,
  kSuperHashBlake3 = 0x4,
  kSuperHashSha256 = 0x8,
  kSuperExplicitUidGid = 0x10,
  kSuperHasXattr = 0x20,
  kSuperCompressionGzip = 0x40,
  kSuperCompressionZstd = 0x80,
  kSuperInlinedChunkDigest = 0x100,
  kSuperTarfsMode = 0x200,
  kSuperEncryptionNone = 0x0100'0000,
  kSuperEncryptionAes128Xts = 0x0200'0000,
};

struct SuperInfo {
  Version version = Version::kV5;
  uint64_t flags = 0;
  storage::Compression compression = storage::Compression::kNone;
  storage::DigestAlgorithm digest = storage::DigestAlgorithm::kBlake3;
  uint32_t chunk_size = 0;
  uint32_t block_size = 0;        // v6: 4096 (512 tarfs); v5: 0 (no block structure)
  uint64_t inodes_count = 0;      // as recorded (informational)
  Ino root_ino = 0;               // v5: 1; v6: s_root_nid
  uint64_t bootstrap_size = 0;
  // Version-specific superblock fields for inspection, in on-disk order ("inode_table_entries", ...).
  std::vector<std::pair<std::string, uint64_t>> fields;
  std::vector<storage::BlobInfo> blobs;  // indexed by blob index
  std::vector<Ino> prefetch;             // prefetch table (inode numbers / nids), up to the first 0
};

struct Attr {
  Ino ino = 0;
  uint32_t mode = 0;       // full st_mode (root's permission bits as stored; the FUSE layer applies 0755)
  uint32_t nlink = 0;
  uint32_t uid = 0;
  uint32_t gid = 0;
  uint32_t rdev = 0;
  uint64_t size = 0;
  uint64_t blocks = 0;     // 512-byte units
  uint64_t mtime = 0;      // seconds (v6 compact inode: the superblock's build time); v5: 0 = not recorded
  uint32_t mtime_nsec = 0;
};

struct DirEntry {
  std::string name;        // raw bytes
  Ino ino = 0;
  uint32_t type = 0;       // DT_* (from the mode of the target)
  uint64_t next_offset = 0;  // readdir cookie of the entry after this one
};

// A piece of a file read, in file order: `length` bytes at `file_offset` of the file are
// either zeros (hole) or bytes [offset_in_chunk, +length) of `chunk`'s plain data.
struct IoSegment {
  uint64_t file_offset = 0;
  uint32_t length = 0;
  bool hole = false;
  uint32_t offset_in_chunk = 0;
  storage::ChunkRef chunk;
};

class Filesystem {
 public:
  virtual ~Filesystem() = default;

  virtual const SuperInfo& super() const = 0;

  // One name in directory `parent`: "." and ".." included. ENOENT, ENOTDIR, EIO (corrupt).
  virtual Result<Ino> Lookup(Ino parent, std::string_view name) const = 0;
  virtual Result<Attr> GetAttr(Ino ino) const = 0;
  // Entries from readdir cookie `offset` on, in a stable order, "." and ".." included
  // (v5: synthesized at cookies 0 and 1; v6: stored entries). `emit` returns false to stop.
  virtual Status ReadDir(Ino dir, uint64_t offset,
                         const std::function<bool(const DirEntry&)>& emit) const = 0;
  // Symlink target (raw bytes). EINVAL when not a symlink.
  virtual Result<std::string> ReadLink(Ino ino) const = 0;
  // Full xattr names ("user.foo"), in storage order.
  virtual Result<std::vector<std::string>> ListXattrs(Ino ino) const = 0;
  // ENODATA when absent.
  virtual Result<std::string> GetXattr(Ino ino, std::string_view name) const = 0;
  // Maps [offset, offset + size) of a regular file, clipped to its size, to segments that
  // cover the range exactly (holes included). Empty when offset >= size. EISDIR / EINVAL
  // for other types, EIO for a corrupt chunk list.
  virtual Result<std::vector<IoSegment>> MapRange(Ino ino, uint64_t offset, uint64_t size) const = 0;
};

// Detects the format (rafs-format §1) of a bootstrap file and opens it in direct mode.
// EINVAL "not a RAFS bootstrap" when neither magic matches; EIO for a corrupt superblock.
Result<std::unique_ptr<Filesystem>> OpenBootstrap(const std::string& path);
// The same for bytes already in memory (a bootstrap extracted from a blob, a fuzz input).
Result<std::unique_ptr<Filesystem>> OpenBootstrapRegion(std::shared_ptr<const ByteRegion> bytes);

// Per-version entry points used by OpenBootstrapRegion (rafs/v5_filesystem.cc, rafs/v6_filesystem.cc).
Result<std::unique_ptr<Filesystem>> OpenV5(std::shared_ptr<const ByteRegion> bytes);
Result<std::unique_ptr<Filesystem>> OpenV6(std::shared_ptr<const ByteRegion> bytes);

// Decodes the compressor / digester from superblock flags (rafs-format §2.1 rules).
storage::Compression CompressionFromSuperFlags(uint64_t flags);
storage::DigestAlgorithm DigestFromSuperFlags(uint64_t flags);

}  // namespace nydus::rafs
