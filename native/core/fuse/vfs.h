// Vfs: the union of a pseudo filesystem of directories and up to 255 RAFS images attached at
// virtual mountpoints (daemon spec §4.2): path rules, rolling fs-index allocation, node id
// <-> (backend, inode) mapping and kernel cache invalidation on detach / replace.
// Core layer (fuse). Thread-safety: Attach/Replace/Detach/Mounts/Find run on one management
// thread at a time (they take mu_). FUSE workers resolve node ids without locks inside a
// ReadSection: backends are published through atomic pointers and a detached backend is
// only released after every reader section that could see it has ended (quiescent-state
// reclamation). Pseudo directories are read under a shared lock (they change only on attach).
#pragma once

#include <array>
#include <atomic>
#include <cstdint>
#include <map>
#include <memory>
#include <mutex>
#include <shared_mutex>
#include <string>
#include <vector>

#include "fuse/fs_metrics.h"
#include "fuse/fuse_abi.h"
#include "image.h"
#include "status.h"

namespace nydus::fuse {

struct AttachOptions {
  uint64_t entry_timeout_secs = 31536000;
  uint64_t attr_timeout_secs = 31536000;
  MetricsOptions metrics;
  uint32_t index = 0;  // 0: rolling allocation; else this index (takeover)
};

// One attached image. Immutable once published; replaced as a whole by Replace.
struct Backend {
  uint32_t index = 0;
  std::string path;            // normalised virtual mountpoint
  uint64_t pseudo_ino = 0;     // pseudo directory the image covers (1 for "/")
  uint64_t parent_nodeid = 0;  // pseudo parent of the mountpoint (1 for "/")
  std::string basename;        // mountpoint's name in the parent ("" for "/")
  rafs::Ino root_ino = 0;
  uint64_t root_nodeid = 0;    // 1 when attached at "/", else MakeNodeId(index, root_ino)
  uint64_t mount_time = 0;     // substituted for unrecorded mtimes
  std::shared_ptr<const Image> image;
  AttachOptions options;
  std::shared_ptr<FsMetrics> metrics;  // survives Replace

  uint64_t NodeId(rafs::Ino ino) const { return ino == root_ino ? root_nodeid : MakeNodeId(index, ino); }
};

// Receives kernel cache invalidations (the FUSE session writes them to /dev/fuse).
class Notifier {
 public:
  virtual ~Notifier() = default;
  virtual void InvalInode(uint64_t nodeid) = 0;
  virtual void InvalEntry(uint64_t parent, const std::string& name) = 0;
};

struct PseudoEntry {
  std::string name;
  uint64_t nodeid = 0;
};

// What of a Vfs must survive a takeover (daemon spec §5.4 b): the pseudo tree with its inode
// numbers and creation order, the rolling index counter and the pseudo dirs' time. The
// attached images themselves are re-attached by the successor at their recorded indexes.
struct VfsSnapshot {
  struct Dir {
    uint64_t ino = 0;     // 2, 3, ... (the root, 1, is implicit)
    uint64_t parent = 0;  // an earlier dir's ino, or 1
    std::string name;
    uint32_t mount_index = 0;  // informational: the index attached there when taken (0 none)
  };
  struct Mount {
    std::string path;
    uint32_t index = 0;
  };
  uint32_t next_index = 1;
  uint64_t pseudo_time = 0;  // seconds; 0 keeps the restoring Vfs's own
  std::vector<Dir> dirs;     // ascending ino = creation order
  std::vector<Mount> mounts; // informational, by index
};

class Vfs {
 public:
  static constexpr int kMaxReaders = 256;

  Vfs();
  ~Vfs();
  Vfs(const Vfs&) = delete;
  Vfs& operator=(const Vfs&) = delete;

  // Attaches `image` at `path`; returns the fs index. EINVAL (relative / bad path), EEXIST,
  // ENOTSUP (below another mount), ENOSPC (all 255 indexes in use), EBUSY (forced index in use).
  Result<uint32_t> Attach(const std::string& path, std::shared_ptr<const Image> image,
                          const AttachOptions& options, Notifier* notifier);
  // Swaps the image at `path` (same index and metrics); the old tree is invalidated. ENOENT.
  Status Replace(const std::string& path, std::shared_ptr<const Image> image,
                 const AttachOptions& options, Notifier* notifier);
  // Detaches; every inode and entry of the old tree is invalidated post-order. ENOENT.
  Status Detach(const std::string& path, Notifier* notifier);

  struct MountInfo {
    std::string path;
    uint32_t index;
  };
  std::vector<MountInfo> Mounts() const;
  // The backend attached at `path` (kept alive by the returned pointer); ENOENT.
  Result<std::shared_ptr<const Backend>> Find(const std::string& path) const;

  // The pseudo tree, index counter and mounts (consistent under the management lock).
  VfsSnapshot Snapshot() const;
  // Replaces the pseudo tree and index counter with `snapshot`'s, so pseudo dirs keep their
  // inode numbers; an Attach at a recorded path then reuses the dir. EBUSY while any image is
  // attached; EINVAL for an inconsistent snapshot (nothing changed then).
  Status Restore(const VfsSnapshot& snapshot);

  // Normalises an absolute virtual path into components ("." and ".." applied). EINVAL.
  static Result<std::vector<std::string>> SplitPath(const std::string& path);

  // --- worker side ---------------------------------------------------------------------
  // A reader slot per worker thread (-1 when all are taken).
  int ClaimReader();
  void ReleaseReader(int slot);

  // While alive, backends resolved through this Vfs stay valid.
  class ReadSection {
   public:
    ReadSection(Vfs& vfs, int slot);
    ~ReadSection();
    ReadSection(const ReadSection&) = delete;
    ReadSection& operator=(const ReadSection&) = delete;

   private:
    Vfs& vfs_;
    int slot_;
  };

  // What a node id names: a backend inode, or a pseudo directory (backend == nullptr).
  struct Node {
    const Backend* backend = nullptr;
    rafs::Ino ino = 0;      // backend inode
    uint64_t pseudo = 0;    // pseudo inode when backend == nullptr
  };
  // ENOENT for a node of a detached backend or an unknown pseudo inode. Inside a ReadSection.
  Result<Node> Resolve(uint64_t nodeid) const;
  // Child `name` of pseudo directory `pseudo`: a pseudo dir, or the root of a backend
  // attached there. ENOENT.
  Result<Node> PseudoLookup(uint64_t pseudo, const std::string& name) const;
  // Children of a pseudo directory in creation order (node ids resolved to backend roots).
  std::vector<PseudoEntry> PseudoChildren(uint64_t pseudo) const;
  uint64_t PseudoParent(uint64_t pseudo) const;
  uint64_t pseudo_time() const { return created_; }

 private:
  struct PseudoDir {
    uint64_t ino = 0;
    uint64_t parent = 0;
    std::string name;
    std::vector<std::pair<std::string, uint64_t>> children;  // name -> pseudo ino, in creation order
    uint32_t mount_index = 0;
  };
  struct alignas(64) ReaderSlot {
    std::atomic<uint64_t> epoch{0};  // 0: outside a section; else the epoch seen on entry
    std::atomic<bool> claimed{false};
  };

  PseudoDir* Walk(const std::vector<std::string>& parts, bool create, std::vector<uint64_t>* changed,
                  bool* below_mount);
  Result<uint32_t> AllocateIndex(uint32_t forced);
  void Publish(uint32_t index, std::shared_ptr<const Backend> backend);
  // Waits until no reader section that started before this call is still running.
  void Synchronize();
  void InvalidateTree(const Backend& b, Notifier* notifier);

  mutable std::mutex mu_;  // serialises management calls; guards owned_, next_index_ (lock order: mu_, then tree_mu_)
  mutable std::shared_mutex tree_mu_;  // guards dirs_ (workers take it shared)
  std::vector<std::unique_ptr<PseudoDir>> dirs_;  // index = ino - 1
  std::array<std::shared_ptr<const Backend>, kMaxFsIndex + 1> owned_;
  std::array<std::atomic<const Backend*>, kMaxFsIndex + 1> slots_{};
  std::atomic<uint32_t> root_index_{0};  // index attached at "/", 0 none
  uint32_t next_index_ = 1;
  std::atomic<uint64_t> created_{0};
  std::atomic<uint64_t> epoch_{1};
  std::array<ReaderSlot, kMaxReaders> readers_;
};

}  // namespace nydus::fuse
