// FuseServer's per-node operations: lookup, getattr, readlink, open, read, readdir(plus),
// statfs, xattrs, access and lseek over pseudo directories and attached RAFS images. Each
// DoX returns an errno and leaves its payload in the worker's buffer. Core layer (fuse).
#include <dirent.h>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cstring>

#include "fuse/fuse_server.h"

namespace nydus::fuse {
namespace {

constexpr uint64_t kPseudoTimeout = 31536000;

// The errno of a failed core call (EIO when a Status carries none).
int Errno(const Status& s) { return s.error_number() != 0 ? s.error_number() : EIO; }

void Account(FuseServer::Outcome* out, const Vfs::Node& n) {
  out->backend = n.backend;
  out->ino = n.ino;
}

// Entry of a resolved node; EIO etc. when its attributes cannot be read.
int EntryOf(const Vfs& vfs, const Vfs::Node& n, uint64_t nodeid, fuse_entry_out* entry) {
  fuse_attr attr;
  if (!n.backend) {
    FillPseudoAttr(nodeid, vfs.pseudo_time(), &attr);
    FillEntry(nodeid, attr, kPseudoTimeout, kPseudoTimeout, entry);
    return 0;
  }
  auto a = n.backend->image->fs().GetAttr(n.ino);
  if (!a.ok()) return Errno(a.status());
  FillAttr(*n.backend, a.value(), &attr);
  FillEntry(nodeid, attr, n.backend->options.entry_timeout_secs, n.backend->options.attr_timeout_secs, entry);
  return 0;
}

uint64_t NodeIdOf(const Vfs::Node& n) { return n.backend ? n.backend->NodeId(n.ino) : n.pseudo; }

}  // namespace

int FuseServer::DoLookup(const Request& r, WorkerContext& ctx, Outcome* out) {
  auto name = r.Name(0);
  if (!name) return EINVAL;
  auto parent = vfs_->Resolve(r.header->nodeid);
  if (!parent.ok()) return Errno(parent.status());
  const Vfs::Node& p = parent.value();
  Vfs::Node child;
  if (!p.backend) {
    auto found = vfs_->PseudoLookup(p.pseudo, std::string(*name));
    if (!found.ok()) return ENOENT;
    child = found.value();
  } else {
    Account(out, p);
    if (name->size() > 255) return ENAMETOOLONG;
    auto ino = p.backend->image->fs().Lookup(p.ino, *name);
    if (!ino.ok()) return Errno(ino.status());
    child.backend = p.backend;
    child.ino = ino.value();
    out->ino = child.ino;
  }
  auto* entry = reinterpret_cast<fuse_entry_out*>(ctx.out());
  const int err = EntryOf(*vfs_, child, NodeIdOf(child), entry);
  if (err) return err;
  out->a = entry;
  out->alen = sizeof *entry;
  return 0;
}

int FuseServer::DoGetAttr(const Request& r, WorkerContext& ctx, Outcome* out) {
  auto node = vfs_->Resolve(r.header->nodeid);
  if (!node.ok()) return Errno(node.status());
  const Vfs::Node& n = node.value();
  Account(out, n);
  auto* reply = reinterpret_cast<fuse_attr_out*>(ctx.out());
  std::memset(reply, 0, sizeof *reply);
  if (!n.backend) {
    FillPseudoAttr(r.header->nodeid, vfs_->pseudo_time(), &reply->attr);
    reply->attr_valid = kPseudoTimeout;
  } else {
    auto a = n.backend->image->fs().GetAttr(n.ino);
    if (!a.ok()) return Errno(a.status());
    FillAttr(*n.backend, a.value(), &reply->attr);
    // The node asked about keeps its own id (the root is 1 when attached at "/").
    reply->attr.ino = r.header->nodeid;
    reply->attr_valid = n.backend->options.attr_timeout_secs;
  }
  out->a = reply;
  out->alen = sizeof *reply;
  return 0;
}

int FuseServer::DoReadLink(const Request& r, WorkerContext& ctx, Outcome* out) {
  auto node = vfs_->Resolve(r.header->nodeid);
  if (!node.ok()) return Errno(node.status());
  const Vfs::Node& n = node.value();
  if (!n.backend) return EINVAL;
  Account(out, n);
  auto target = n.backend->image->fs().ReadLink(n.ino);
  if (!target.ok()) return Errno(target.status());
  const size_t len = std::min(target.value().size(), kReplyBufferSize);
  std::memcpy(ctx.out(), target.value().data(), len);
  out->a = ctx.out();
  out->alen = len;
  return 0;
}

int FuseServer::DoOpen(const Request& r, WorkerContext& ctx, Outcome* out, bool dir) {
  auto node = vfs_->Resolve(r.header->nodeid);
  if (!node.ok()) return Errno(node.status());
  const Vfs::Node& n = node.value();
  Account(out, n);
  // Zero-message open: the kernel then opens with KEEP_CACHE (and CACHE_DIR) by itself.
  if ((dir ? no_opendir_ : no_open_).load(std::memory_order_relaxed)) return ENOSYS;
  const auto* in = r.Arg<fuse_open_in>();
  if (!in) return EINVAL;
  if ((in->flags & O_ACCMODE) != O_RDONLY || (in->flags & O_TRUNC)) return EROFS;
  auto* reply = reinterpret_cast<fuse_open_out*>(ctx.out());
  std::memset(reply, 0, sizeof *reply);
  reply->fh = r.header->nodeid;
  reply->open_flags = FOPEN_KEEP_CACHE | (dir ? FOPEN_CACHE_DIR : 0);
  if (!dir && n.backend) n.backend->metrics->AddOpens(1);
  out->a = reply;
  out->alen = sizeof *reply;
  return 0;
}

int FuseServer::DoRead(const Request& r, WorkerContext& ctx, Outcome* out) {
  const auto* in = r.Arg<fuse_read_in>();
  if (!in) return EINVAL;
  auto node = vfs_->Resolve(r.header->nodeid);
  if (!node.ok()) return Errno(node.status());
  const Vfs::Node& n = node.value();
  if (!n.backend) return EISDIR;
  Account(out, n);
  const size_t size = std::min<size_t>(in->size, kReplyBufferSize);
  uint8_t* dst = out->read_into ? out->read_into : ctx.out();
  auto got = n.backend->image->Read(n.ino, in->offset, dst, size);
  if (!got.ok()) return Errno(got.status());
  out->a = dst;
  out->alen = got.value();
  return 0;
}

int FuseServer::DoReadDir(const Request& r, WorkerContext& ctx, Outcome* out, bool plus) {
  const auto* in = r.Arg<fuse_read_in>();
  if (!in) return EINVAL;
  auto node = vfs_->Resolve(r.header->nodeid);
  if (!node.ok()) return Errno(node.status());
  const Vfs::Node& n = node.value();
  Account(out, n);
  uint8_t* buf = ctx.out();
  const size_t cap = std::min<size_t>(in->size, kReplyBufferSize);
  size_t used = 0;
  // Appends one entry; false when the buffer is full. "." and ".." carry no entry (the
  // kernel ignores them in READDIRPLUS).
  auto append = [&](const Vfs::Node* target, uint64_t d_ino, uint64_t next, uint32_t type, std::string_view name) {
    size_t next_used;
    if (plus) {
      fuse_entry_out entry{};
      if (target && name != "." && name != ".." && EntryOf(*vfs_, *target, d_ino, &entry) != 0) {
        std::memset(&entry, 0, sizeof entry);
      }
      if (name == "." || name == "..") std::memset(&entry, 0, sizeof entry);
      next_used = AppendDirentPlus(buf, used, cap, entry, d_ino, next, type, name);
    } else {
      next_used = AppendDirent(buf, used, cap, d_ino, next, type, name);
    }
    if (next_used == 0) return false;
    used = next_used;
    return true;
  };

  if (!n.backend) {
    std::vector<PseudoEntry> children = vfs_->PseudoChildren(n.pseudo);
    const uint64_t self = r.header->nodeid;
    const uint64_t parent = vfs_->PseudoParent(n.pseudo);
    for (uint64_t i = in->offset; i < children.size() + 2; i++) {
      bool fits;
      if (i == 0) {
        fits = append(nullptr, self, 1, DT_DIR, ".");
      } else if (i == 1) {
        fits = append(nullptr, parent, 2, DT_DIR, "..");
      } else {
        const PseudoEntry& c = children[i - 2];
        auto target = vfs_->Resolve(c.nodeid);
        if (!target.ok()) continue;
        fits = append(&target.value(), c.nodeid, i + 1, DT_DIR, c.name);
      }
      if (!fits) break;
    }
  } else {
    const Backend& b = *n.backend;
    const bool at_root = n.ino == b.root_ino;
    Status s = b.image->fs().ReadDir(n.ino, in->offset, [&](const rafs::DirEntry& e) {
      uint64_t d_ino = b.NodeId(e.ino);
      if (e.name == "..") {
        d_ino = at_root ? b.parent_nodeid : d_ino;
      } else if (e.name == ".") {
        d_ino = r.header->nodeid;
      }
      Vfs::Node target{&b, e.ino, 0};
      return append(&target, d_ino, e.next_offset, e.type, e.name);
    });
    if (!s.ok() && used == 0) return Errno(s);
  }
  out->a = buf;
  out->alen = used;
  return 0;
}

int FuseServer::DoStatFs(const Request& r, WorkerContext& ctx, Outcome* out) {
  auto node = vfs_->Resolve(r.header->nodeid);
  if (!node.ok()) return Errno(node.status());
  const Vfs::Node& n = node.value();
  Account(out, n);
  auto* reply = reinterpret_cast<fuse_statfs_out*>(ctx.out());
  std::memset(reply, 0, sizeof *reply);
  reply->st.bsize = 4096;
  reply->st.frsize = 4096;
  reply->st.namelen = 255;
  if (n.backend) reply->st.files = n.backend->image->super().inodes_count;
  out->a = reply;
  out->alen = sizeof *reply;
  return 0;
}

int FuseServer::DoGetXattr(const Request& r, WorkerContext& ctx, Outcome* out) {
  const auto* in = r.Arg<fuse_getxattr_in>();
  if (!in) return EINVAL;
  auto name = r.Name(sizeof *in);
  if (!name) return EINVAL;
  auto node = vfs_->Resolve(r.header->nodeid);
  if (!node.ok()) return Errno(node.status());
  const Vfs::Node& n = node.value();
  if (!n.backend) return ENODATA;
  Account(out, n);
  auto value = n.backend->image->fs().GetXattr(n.ino, *name);
  if (!value.ok()) return Errno(value.status());
  const std::string& v = value.value();
  if (in->size == 0) {
    auto* reply = reinterpret_cast<fuse_getxattr_out*>(ctx.out());
    std::memset(reply, 0, sizeof *reply);
    reply->size = static_cast<uint32_t>(v.size());
    out->a = reply;
    out->alen = sizeof *reply;
    return 0;
  }
  if (v.size() > in->size || v.size() > kReplyBufferSize) return ERANGE;
  std::memcpy(ctx.out(), v.data(), v.size());
  out->a = ctx.out();
  out->alen = v.size();
  return 0;
}

int FuseServer::DoListXattr(const Request& r, WorkerContext& ctx, Outcome* out) {
  const auto* in = r.Arg<fuse_getxattr_in>();
  if (!in) return EINVAL;
  auto node = vfs_->Resolve(r.header->nodeid);
  if (!node.ok()) return Errno(node.status());
  const Vfs::Node& n = node.value();
  size_t total = 0;
  std::vector<std::string> names;
  if (n.backend) {
    Account(out, n);
    auto list = n.backend->image->fs().ListXattrs(n.ino);
    if (!list.ok()) return Errno(list.status());
    names = std::move(list).value();
  }
  for (const std::string& s : names) total += s.size() + 1;
  if (in->size == 0) {
    auto* reply = reinterpret_cast<fuse_getxattr_out*>(ctx.out());
    std::memset(reply, 0, sizeof *reply);
    reply->size = static_cast<uint32_t>(total);
    out->a = reply;
    out->alen = sizeof *reply;
    return 0;
  }
  if (total > in->size || total > kReplyBufferSize) return ERANGE;
  uint8_t* p = ctx.out();
  for (const std::string& s : names) {
    std::memcpy(p, s.c_str(), s.size() + 1);
    p += s.size() + 1;
  }
  out->a = ctx.out();
  out->alen = total;
  return 0;
}

int FuseServer::DoAccess(const Request& r, WorkerContext&, Outcome* out) {
  const auto* in = r.Arg<fuse_access_in>();
  if (!in) return EINVAL;
  auto node = vfs_->Resolve(r.header->nodeid);
  if (!node.ok()) return Errno(node.status());
  const Vfs::Node& n = node.value();
  uint32_t mode = S_IFDIR | 0755, uid = 0, gid = 0;
  if (n.backend) {
    Account(out, n);
    auto a = n.backend->image->fs().GetAttr(n.ino);
    if (!a.ok()) return Errno(a.status());
    mode = n.ino == n.backend->root_ino ? ((a.value().mode & S_IFMT) | 0755) : a.value().mode;
    uid = a.value().uid;
    gid = a.value().gid;
  }
  const uint32_t mask = in->mask & (R_OK | W_OK | X_OK);
  if (mask == F_OK) return 0;
  if (mask & W_OK) return EROFS;
  if (r.header->uid == 0) {
    // Root may read anything and execute what has any execute bit (or is a directory).
    return (mask & X_OK) && !S_ISDIR(mode) && !(mode & 0111) ? EACCES : 0;
  }
  uint32_t bits = mode & 07;
  if (r.header->uid == uid) {
    bits = (mode >> 6) & 07;
  } else if (r.header->gid == gid) {
    bits = (mode >> 3) & 07;
  }
  return (bits & mask) == mask ? 0 : EACCES;
}

int FuseServer::DoLseek(const Request& r, WorkerContext& ctx, Outcome* out) {
  const auto* in = r.Arg<fuse_lseek_in>();
  if (!in) return EINVAL;
  if (in->whence != SEEK_DATA && in->whence != SEEK_HOLE) return EINVAL;
  auto node = vfs_->Resolve(r.header->nodeid);
  if (!node.ok()) return Errno(node.status());
  const Vfs::Node& n = node.value();
  if (!n.backend) return EISDIR;
  const rafs::Filesystem& fs = n.backend->image->fs();
  auto attr = fs.GetAttr(n.ino);
  if (!attr.ok()) return Errno(attr.status());
  if (!S_ISREG(attr.value().mode)) return EINVAL;
  const uint64_t size = attr.value().size;
  if (in->offset >= size) return ENXIO;
  uint64_t result = in->whence == SEEK_HOLE ? size : UINT64_MAX;
  // Map in windows so a huge file never builds one giant segment list.
  constexpr uint64_t kWindow = 64ull << 20;
  for (uint64_t pos = static_cast<uint64_t>(in->offset); pos < size; pos += kWindow) {
    auto segs = fs.MapRange(n.ino, pos, std::min(kWindow, size - pos));
    if (!segs.ok()) return Errno(segs.status());
    bool found = false;
    for (const rafs::IoSegment& s : segs.value()) {
      if (s.hole == (in->whence == SEEK_HOLE)) {
        result = std::max<uint64_t>(s.file_offset, static_cast<uint64_t>(in->offset));
        found = true;
        break;
      }
    }
    if (found) break;
  }
  if (result == UINT64_MAX) return ENXIO;
  auto* reply = reinterpret_cast<fuse_lseek_out*>(ctx.out());
  reply->offset = result;
  out->a = reply;
  out->alen = sizeof *reply;
  return 0;
}

}  // namespace nydus::fuse
