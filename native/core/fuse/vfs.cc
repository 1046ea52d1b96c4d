// Vfs: path rules, pseudo directories, fs-index allocation, lock-free node resolution and
// the invalidation walk. Core layer (fuse).
#include "fuse/vfs.h"

#include <dirent.h>

#include <chrono>
#include <ctime>
#include <functional>
#include <set>
#include <thread>

namespace nydus::fuse {
namespace {

uint64_t NowSecs() { return static_cast<uint64_t>(std::time(nullptr)); }

}  // namespace

Vfs::Vfs() : created_(NowSecs()) {
  auto root = std::make_unique<PseudoDir>();
  root->ino = kRootNodeId;
  root->parent = kRootNodeId;
  dirs_.push_back(std::move(root));
}

Vfs::~Vfs() = default;

Result<std::vector<std::string>> Vfs::SplitPath(const std::string& path) {
  if (path.empty() || path[0] != '/') {
    return Status(EINVAL, "virtual mountpoint '" + path + "' is not an absolute path");
  }
  std::vector<std::string> parts;
  size_t pos = 0;
  while (pos < path.size()) {
    size_t end = path.find('/', pos);
    if (end == std::string::npos) end = path.size();
    std::string part = path.substr(pos, end - pos);
    pos = end + 1;
    if (part.empty() || part == ".") continue;
    if (part == "..") {
      if (!parts.empty()) parts.pop_back();
      continue;
    }
    if (part.size() > 255 || part.find('\0') != std::string::npos) {
      return Status(EINVAL, "virtual mountpoint '" + path + "' has an invalid component");
    }
    parts.push_back(std::move(part));
  }
  return parts;
}

Vfs::PseudoDir* Vfs::Walk(const std::vector<std::string>& parts, bool create, std::vector<uint64_t>* changed,
                          bool* below_mount) {
  PseudoDir* dir = dirs_[0].get();
  if (below_mount) *below_mount = false;
  for (const std::string& part : parts) {
    if (below_mount && dir->mount_index != 0) *below_mount = true;
    PseudoDir* next = nullptr;
    for (const auto& [name, ino] : dir->children) {
      if (name == part) {
        next = dirs_[ino - 1].get();
        break;
      }
    }
    if (!next) {
      if (!create) return nullptr;
      auto d = std::make_unique<PseudoDir>();
      d->ino = dirs_.size() + 1;
      d->parent = dir->ino;
      d->name = part;
      dir->children.emplace_back(part, d->ino);
      if (changed) changed->push_back(dir->ino);
      next = d.get();
      dirs_.push_back(std::move(d));
    }
    dir = next;
  }
  return dir;
}

Result<uint32_t> Vfs::AllocateIndex(uint32_t forced) {
  if (forced != 0) {
    if (forced > kMaxFsIndex) return Status(EINVAL, "fs index " + std::to_string(forced) + " is out of range 1..255");
    if (owned_[forced]) return Status(EBUSY, "fs index " + std::to_string(forced) + " is in use");
    return forced;
  }
  for (int tries = 0; tries < kMaxFsIndex; tries++) {
    const uint32_t i = next_index_;
    next_index_ = i % kMaxFsIndex + 1;
    if (!owned_[i]) return i;
  }
  return Status(ENOSPC, "all 255 filesystem indexes are in use");
}

void Vfs::Publish(uint32_t index, std::shared_ptr<const Backend> backend) {
  slots_[index].store(backend.get(), std::memory_order_seq_cst);
  owned_[index] = std::move(backend);
}

Result<uint32_t> Vfs::Attach(const std::string& path, std::shared_ptr<const Image> image,
                             const AttachOptions& options, Notifier* notifier) {
  auto parts = SplitPath(path);
  if (!parts.ok()) return parts.status();
  if (!image) return Status(EINVAL, "no image to attach");
  std::lock_guard<std::mutex> lock(mu_);
  std::string canonical;
  for (const std::string& p : parts.value()) canonical += "/" + p;
  if (canonical.empty()) canonical = "/";
  {
    std::shared_lock<std::shared_mutex> read(tree_mu_);
    bool below = false;
    PseudoDir* existing = Walk(parts.value(), false, nullptr, &below);
    if (existing && existing->mount_index != 0) return Status(EEXIST, "a filesystem is already attached at " + canonical);
    if (!existing) {
      // Walk stopped early; an ancestor that exists may still be a mountpoint.
      std::vector<std::string> prefix = parts.value();
      while (!prefix.empty() && !existing) {
        prefix.pop_back();
        existing = Walk(prefix, false, nullptr, &below);
      }
      if (existing && existing->mount_index != 0) below = true;
    }
    if (below) return Status(ENOTSUP, "cannot attach " + canonical + " below another attached filesystem");
  }
  auto index = AllocateIndex(options.index);
  if (!index.ok()) return index.status();

  auto b = std::make_shared<Backend>();
  b->index = index.value();
  b->path = canonical;
  b->image = std::move(image);
  b->options = options;
  b->options.index = b->index;
  b->root_ino = b->image->super().root_ino;
  b->mount_time = NowSecs();
  b->metrics = std::make_shared<FsMetrics>(options.metrics);

  std::vector<uint64_t> changed;
  std::vector<std::string> root_children;
  {
    std::unique_lock<std::shared_mutex> write(tree_mu_);
    PseudoDir* dir = Walk(parts.value(), true, &changed, nullptr);
    b->pseudo_ino = dir->ino;
    b->parent_nodeid = dir->parent;
    b->basename = dir->name;
    b->root_nodeid = dir->ino == kRootNodeId ? kRootNodeId : MakeNodeId(b->index, b->root_ino);
    if (dir->ino == kRootNodeId) {
      for (const auto& c : dir->children) root_children.push_back(c.first);
    }
    dir->mount_index = b->index;
    Publish(b->index, b);
    if (dir->ino == kRootNodeId) root_index_.store(b->index, std::memory_order_seq_cst);
  }
  const uint32_t result = b->index;
  if (notifier) {
    // The kernel may hold the mountpoint's pseudo directory, negative dentries or cached
    // listings of the parents; drop them so the new tree shows at once.
    if (b->pseudo_ino == kRootNodeId) {
      for (const std::string& name : root_children) notifier->InvalEntry(kRootNodeId, name);
    } else {
      notifier->InvalEntry(b->parent_nodeid, b->basename);
    }
    notifier->InvalInode(b->pseudo_ino);
    for (uint64_t ino : changed) notifier->InvalInode(ino);
  }
  return result;
}

Status Vfs::Replace(const std::string& path, std::shared_ptr<const Image> image, const AttachOptions& options,
                    Notifier* notifier) {
  auto parts = SplitPath(path);
  if (!parts.ok()) return parts.status();
  if (!image) return Status(EINVAL, "no image to attach");
  std::lock_guard<std::mutex> lock(mu_);
  std::shared_ptr<const Backend> old;
  {
    std::shared_lock<std::shared_mutex> read(tree_mu_);
    PseudoDir* dir = Walk(parts.value(), false, nullptr, nullptr);
    if (!dir || dir->mount_index == 0) return Status(ENOENT, "no filesystem is attached at " + path);
    old = owned_[dir->mount_index];
  }
  auto b = std::make_shared<Backend>(*old);
  b->image = std::move(image);
  b->options = options;
  b->options.index = b->index;
  b->root_ino = b->image->super().root_ino;
  b->root_nodeid = b->pseudo_ino == kRootNodeId ? kRootNodeId : MakeNodeId(b->index, b->root_ino);
  b->mount_time = NowSecs();
  Publish(b->index, b);
  Synchronize();
  InvalidateTree(*old, notifier);
  return Status::Ok();
}

Status Vfs::Detach(const std::string& path, Notifier* notifier) {
  auto parts = SplitPath(path);
  if (!parts.ok()) return parts.status();
  std::lock_guard<std::mutex> lock(mu_);
  std::shared_ptr<const Backend> old;
  {
    std::unique_lock<std::shared_mutex> write(tree_mu_);
    PseudoDir* dir = Walk(parts.value(), false, nullptr, nullptr);
    if (!dir || dir->mount_index == 0) return Status(ENOENT, "no filesystem is attached at " + path);
    const uint32_t index = dir->mount_index;
    old = std::move(owned_[index]);
    dir->mount_index = 0;
    slots_[index].store(nullptr, std::memory_order_seq_cst);
    if (dir->ino == kRootNodeId) root_index_.store(0, std::memory_order_seq_cst);
  }
  // No worker can reach `old` once the sections that might have loaded it have ended.
  Synchronize();
  InvalidateTree(*old, notifier);
  return Status::Ok();
}

void Vfs::InvalidateTree(const Backend& b, Notifier* notifier) {
  if (!notifier) return;
  const rafs::Filesystem& fs = b.image->fs();
  std::set<rafs::Ino> visited;
  std::function<void(rafs::Ino)> walk = [&](rafs::Ino dir) {
    if (!visited.insert(dir).second) return;  // a corrupt image may loop
    std::vector<rafs::DirEntry> entries;
    Status s = fs.ReadDir(dir, 0, [&](const rafs::DirEntry& e) {
      if (e.name != "." && e.name != "..") entries.push_back(e);
      return true;
    });
    (void)s;  // a directory that cannot be listed has nothing cached below it
    const uint64_t parent = b.NodeId(dir);
    for (const rafs::DirEntry& e : entries) {
      if (e.type == DT_DIR) walk(e.ino);
      notifier->InvalInode(b.NodeId(e.ino));
      notifier->InvalEntry(parent, e.name);
    }
  };
  walk(b.root_ino);
  notifier->InvalInode(b.root_nodeid);
  notifier->InvalEntry(b.parent_nodeid, b.basename);
}

VfsSnapshot Vfs::Snapshot() const {
  std::lock_guard<std::mutex> lock(mu_);
  std::shared_lock<std::shared_mutex> read(tree_mu_);
  VfsSnapshot out;
  out.next_index = next_index_;
  out.pseudo_time = created_.load();
  for (size_t i = 1; i < dirs_.size(); i++) {
    const PseudoDir& d = *dirs_[i];
    out.dirs.push_back({d.ino, d.parent, d.name, d.mount_index});
  }
  for (const auto& b : owned_) {
    if (b) out.mounts.push_back({b->path, b->index});
  }
  return out;
}

Status Vfs::Restore(const VfsSnapshot& snapshot) {
  std::lock_guard<std::mutex> lock(mu_);
  for (const auto& b : owned_) {
    if (b) return Status(EBUSY, "cannot restore the VFS while " + b->path + " is attached");
  }
  if (snapshot.next_index < 1 || snapshot.next_index > kMaxFsIndex) {
    return Status(EINVAL, "snapshot next index " + std::to_string(snapshot.next_index) + " is out of range 1..255");
  }
  std::vector<std::unique_ptr<PseudoDir>> dirs;
  auto root = std::make_unique<PseudoDir>();
  root->ino = kRootNodeId;
  root->parent = kRootNodeId;
  dirs.push_back(std::move(root));
  for (size_t i = 0; i < snapshot.dirs.size(); i++) {
    const VfsSnapshot::Dir& d = snapshot.dirs[i];
    const std::string where = "snapshot pseudo dir " + std::to_string(d.ino);
    if (d.ino != i + 2) return Status(EINVAL, where + ": inode numbers must be 2, 3, ... in order");
    if (d.parent < 1 || d.parent >= d.ino) return Status(EINVAL, where + ": bad parent " + std::to_string(d.parent));
    if (d.name.empty() || d.name.size() > 255 || d.name == "." || d.name == ".." ||
        d.name.find('/') != std::string::npos || d.name.find('\0') != std::string::npos) {
      return Status(EINVAL, where + ": bad name '" + d.name + "'");
    }
    PseudoDir* parent = dirs[d.parent - 1].get();
    for (const auto& c : parent->children) {
      if (c.first == d.name) return Status(EINVAL, where + ": duplicate name '" + d.name + "'");
    }
    auto dir = std::make_unique<PseudoDir>();
    dir->ino = d.ino;
    dir->parent = d.parent;
    dir->name = d.name;
    parent->children.emplace_back(d.name, d.ino);
    dirs.push_back(std::move(dir));
  }
  {
    std::unique_lock<std::shared_mutex> write(tree_mu_);
    dirs_ = std::move(dirs);
  }
  next_index_ = snapshot.next_index;
  if (snapshot.pseudo_time != 0) created_.store(snapshot.pseudo_time);
  return Status::Ok();
}

std::vector<Vfs::MountInfo> Vfs::Mounts() const {
  std::lock_guard<std::mutex> lock(mu_);
  std::vector<MountInfo> out;
  for (const auto& b : owned_) {
    if (b) out.push_back({b->path, b->index});
  }
  return out;
}

Result<std::shared_ptr<const Backend>> Vfs::Find(const std::string& path) const {
  auto parts = SplitPath(path);
  if (!parts.ok()) return parts.status();
  std::string canonical;
  for (const std::string& p : parts.value()) canonical += "/" + p;
  if (canonical.empty()) canonical = "/";
  std::lock_guard<std::mutex> lock(mu_);
  for (const auto& b : owned_) {
    if (b && b->path == canonical) return b;
  }
  return Status(ENOENT, "no filesystem is attached at " + path);
}

int Vfs::ClaimReader() {
  for (int i = 0; i < kMaxReaders; i++) {
    if (!readers_[i].claimed.exchange(true)) return i;
  }
  return -1;
}

void Vfs::ReleaseReader(int slot) {
  if (slot < 0) return;
  readers_[slot].epoch.store(0);
  readers_[slot].claimed.store(false);
}

Vfs::ReadSection::ReadSection(Vfs& vfs, int slot) : vfs_(vfs), slot_(slot) {
  vfs_.readers_[slot_].epoch.store(vfs_.epoch_.load(std::memory_order_seq_cst), std::memory_order_seq_cst);
}

Vfs::ReadSection::~ReadSection() { vfs_.readers_[slot_].epoch.store(0, std::memory_order_release); }

void Vfs::Synchronize() {
  const uint64_t target = epoch_.fetch_add(1, std::memory_order_seq_cst) + 1;
  for (ReaderSlot& r : readers_) {
    if (!r.claimed.load()) continue;
    for (;;) {
      const uint64_t seen = r.epoch.load(std::memory_order_seq_cst);
      if (seen == 0 || seen >= target) break;
      std::this_thread::sleep_for(std::chrono::microseconds(50));
    }
  }
}

Result<Vfs::Node> Vfs::Resolve(uint64_t nodeid) const {
  Node n;
  if (nodeid == kRootNodeId) {
    const uint32_t idx = root_index_.load(std::memory_order_seq_cst);
    if (idx != 0) {
      if (const Backend* b = slots_[idx].load(std::memory_order_seq_cst)) {
        n.backend = b;
        n.ino = b->root_ino;
        return n;
      }
    }
    n.pseudo = kRootNodeId;
    return n;
  }
  const uint32_t idx = IndexOf(nodeid);
  if (idx == 0) {
    std::shared_lock<std::shared_mutex> read(tree_mu_);
    if (nodeid > dirs_.size()) return Status(ENOENT, "unknown pseudo inode " + std::to_string(nodeid));
    n.pseudo = nodeid;
    return n;
  }
  const Backend* b = slots_[idx].load(std::memory_order_seq_cst);
  if (!b) return Status(ENOENT, "filesystem index " + std::to_string(idx) + " is not attached");
  n.backend = b;
  n.ino = InoOf(nodeid);
  return n;
}

Result<Vfs::Node> Vfs::PseudoLookup(uint64_t pseudo, const std::string& name) const {
  std::shared_lock<std::shared_mutex> read(tree_mu_);
  if (pseudo == 0 || pseudo > dirs_.size()) return Status(ENOENT, "unknown pseudo inode");
  const PseudoDir* dir = dirs_[pseudo - 1].get();
  const PseudoDir* child = nullptr;
  if (name == ".") {
    child = dir;
  } else if (name == "..") {
    child = dirs_[dir->parent - 1].get();
  } else {
    for (const auto& [n, ino] : dir->children) {
      if (n == name) {
        child = dirs_[ino - 1].get();
        break;
      }
    }
  }
  if (!child) return Status(ENOENT, name);
  Node node;
  if (child->mount_index != 0) {
    if (const Backend* b = slots_[child->mount_index].load(std::memory_order_seq_cst)) {
      node.backend = b;
      node.ino = b->root_ino;
      return node;
    }
  }
  node.pseudo = child->ino;
  return node;
}

std::vector<PseudoEntry> Vfs::PseudoChildren(uint64_t pseudo) const {
  std::shared_lock<std::shared_mutex> read(tree_mu_);
  std::vector<PseudoEntry> out;
  if (pseudo == 0 || pseudo > dirs_.size()) return out;
  for (const auto& [name, ino] : dirs_[pseudo - 1]->children) {
    const PseudoDir* child = dirs_[ino - 1].get();
    uint64_t nodeid = ino;
    if (child->mount_index != 0) {
      if (const Backend* b = slots_[child->mount_index].load(std::memory_order_seq_cst)) nodeid = b->root_nodeid;
    }
    out.push_back({name, nodeid});
  }
  return out;
}

uint64_t Vfs::PseudoParent(uint64_t pseudo) const {
  std::shared_lock<std::shared_mutex> read(tree_mu_);
  if (pseudo == 0 || pseudo > dirs_.size()) return kRootNodeId;
  return dirs_[pseudo - 1]->parent;
}

}  // namespace nydus::fuse
