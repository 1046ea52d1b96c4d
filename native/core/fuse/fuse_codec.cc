// FUSE wire encoding and decoding. Core layer (fuse).
#include "fuse/fuse_codec.h"

#include <sys/stat.h>

#include <cstring>

#include "fuse/vfs.h"

namespace nydus::fuse {

std::optional<Request> Request::Parse(const uint8_t* buf, size_t len) {
  if (len < sizeof(fuse_in_header)) return std::nullopt;
  Request r;
  r.header = reinterpret_cast<const fuse_in_header*>(buf);
  if (r.header->len != len) return std::nullopt;
  r.body = buf + sizeof(fuse_in_header);
  r.body_len = len - sizeof(fuse_in_header);
  return r;
}

std::optional<std::string_view> Request::Name(size_t offset) const {
  if (offset > body_len) return std::nullopt;
  const void* nul = std::memchr(body + offset, 0, body_len - offset);
  if (!nul) return std::nullopt;
  return std::string_view(reinterpret_cast<const char*>(body + offset),
                          static_cast<const uint8_t*>(nul) - (body + offset));
}

void FillAttr(const Backend& b, const rafs::Attr& a, fuse_attr* out) {
  std::memset(out, 0, sizeof *out);
  out->ino = b.NodeId(a.ino);
  out->size = a.size;
  out->blocks = a.blocks;
  // v5: an unrecorded mtime reads as the mount time (rafs-format §3.7). v6: the inode's time
  // as the kernel's EROFS reports it (a compact inode's is the build time, 0 in nydus images).
  const bool substitute = a.mtime == 0 && b.image->super().version == rafs::Version::kV5;
  const uint64_t t = substitute ? b.mount_time : a.mtime;
  const uint32_t ns = substitute ? 0 : a.mtime_nsec;
  out->atime = out->mtime = out->ctime = t;
  out->atimensec = out->mtimensec = out->ctimensec = ns;
  // The root directory always reports 0755 (rafs-format §3.7).
  out->mode = a.ino == b.root_ino ? ((a.mode & S_IFMT) | 0755) : a.mode;
  out->nlink = a.nlink;
  out->uid = a.uid;
  out->gid = a.gid;
  out->rdev = a.rdev;
  out->blksize = 4096;
}

void FillPseudoAttr(uint64_t nodeid, uint64_t time, fuse_attr* out) {
  std::memset(out, 0, sizeof *out);
  out->ino = nodeid;
  out->atime = out->mtime = out->ctime = time;
  out->mode = S_IFDIR | 0755;
  out->nlink = 2;
  out->blksize = 4096;
}

void FillEntry(uint64_t nodeid, const fuse_attr& attr, uint64_t entry_timeout, uint64_t attr_timeout,
               fuse_entry_out* out) {
  std::memset(out, 0, sizeof *out);
  out->nodeid = nodeid;
  out->entry_valid = entry_timeout;
  out->attr_valid = attr_timeout;
  out->attr = attr;
}

size_t AppendDirent(uint8_t* buf, size_t used, size_t cap, uint64_t ino, uint64_t next_off, uint32_t type,
                    std::string_view name) {
  const size_t rec = FUSE_DIRENT_ALIGN(FUSE_NAME_OFFSET + name.size());
  if (used + rec > cap) return 0;
  auto* d = reinterpret_cast<fuse_dirent*>(buf + used);
  d->ino = ino;
  d->off = next_off;
  d->namelen = static_cast<uint32_t>(name.size());
  d->type = type;
  std::memcpy(d->name, name.data(), name.size());
  std::memset(d->name + name.size(), 0, rec - FUSE_NAME_OFFSET - name.size());
  return used + rec;
}

size_t AppendDirentPlus(uint8_t* buf, size_t used, size_t cap, const fuse_entry_out& entry, uint64_t ino,
                        uint64_t next_off, uint32_t type, std::string_view name) {
  const size_t rec = FUSE_DIRENT_ALIGN(FUSE_NAME_OFFSET_DIRENTPLUS + name.size());
  if (used + rec > cap) return 0;
  auto* d = reinterpret_cast<fuse_direntplus*>(buf + used);
  d->entry_out = entry;
  d->dirent.ino = ino;
  d->dirent.off = next_off;
  d->dirent.namelen = static_cast<uint32_t>(name.size());
  d->dirent.type = type;
  std::memcpy(d->dirent.name, name.data(), name.size());
  std::memset(d->dirent.name + name.size(), 0, rec - FUSE_NAME_OFFSET_DIRENTPLUS - name.size());
  return used + rec;
}

size_t EncodeInvalInode(uint8_t* buf, uint64_t nodeid) {
  auto* h = reinterpret_cast<fuse_out_header*>(buf);
  auto* arg = reinterpret_cast<fuse_notify_inval_inode_out*>(buf + sizeof *h);
  h->len = sizeof *h + sizeof *arg;
  h->error = FUSE_NOTIFY_INVAL_INODE;
  h->unique = 0;
  arg->ino = nodeid;
  arg->off = 0;
  arg->len = 0;
  return h->len;
}

size_t EncodeInvalEntry(uint8_t* buf, uint64_t parent, std::string_view name) {
  auto* h = reinterpret_cast<fuse_out_header*>(buf);
  auto* arg = reinterpret_cast<fuse_notify_inval_entry_out*>(buf + sizeof *h);
  h->len = static_cast<uint32_t>(sizeof *h + sizeof *arg + name.size() + 1);
  h->error = FUSE_NOTIFY_INVAL_ENTRY;
  h->unique = 0;
  arg->parent = parent;
  arg->namelen = static_cast<uint32_t>(name.size());
  arg->flags = 0;
  char* p = reinterpret_cast<char*>(buf + sizeof *h + sizeof *arg);
  std::memcpy(p, name.data(), name.size());
  p[name.size()] = '\0';
  return h->len;
}

}  // namespace nydus::fuse
