// Unit tests of the FUSE server without a kernel (fuse/*): INIT negotiation, request decode
// and reply encode, dirent and notification layouts, the read-only refusals, xattr size
// probes, and the Vfs path / index / pseudo-directory rules with a recording notifier.
// Core layer tests (ctest core.fuse_server).
#include <dirent.h>
#include <fcntl.h>
#include <sys/stat.h>

#include <cstring>
#include <functional>
#include <string>
#include <vector>

#include "fuse/fuse_server.h"
#include "fuse/vfs.h"
#include "image.h"
#include "test_harness.h"
#include "test_util.h"

using namespace nydus;
using namespace nydus::fuse;

namespace {

const std::string kFixtures = NYDUS_FIXTURES;

std::shared_ptr<const Image> OpenV5() {
  ImageOptions o;
  o.localfs.dir = kFixtures + "/v5-sha256-nocompress/blobs";
  auto img = Image::Open(kFixtures + "/v5-sha256-nocompress/bootstrap", o);
  REQUIRE_OK(img);
  return std::shared_ptr<const Image>(std::move(img).value());
}

// Collects replies: the out header and the payload bytes after it.
class Capture final : public ReplySink {
 public:
  int Write(const iovec* iov, int count) override {
    std::vector<uint8_t> msg;
    for (int i = 0; i < count; i++) {
      const auto* p = static_cast<const uint8_t*>(iov[i].iov_base);
      msg.insert(msg.end(), p, p + iov[i].iov_len);
    }
    replies.push_back(msg);
    return 0;
  }
  const fuse_out_header& header() const { return *reinterpret_cast<const fuse_out_header*>(replies.back().data()); }
  template <typename T>
  const T& body() const {
    return *reinterpret_cast<const T*>(replies.back().data() + sizeof(fuse_out_header));
  }
  std::vector<std::vector<uint8_t>> replies;
};

class Recorder final : public Notifier {
 public:
  void InvalInode(uint64_t nodeid) override { inodes.push_back(nodeid); }
  void InvalEntry(uint64_t parent, const std::string& name) override { entries.emplace_back(parent, name); }
  std::vector<uint64_t> inodes;
  std::vector<std::pair<uint64_t, std::string>> entries;
};

// Builds a request: header + fixed argument + optional NUL-terminated name.
template <typename Arg>
std::vector<uint64_t> Req(uint32_t opcode, uint64_t nodeid, const Arg& arg, const std::string& name = "",
                          bool with_name = false) {
  const size_t len = sizeof(fuse_in_header) + sizeof(Arg) + (with_name ? name.size() + 1 : 0);
  std::vector<uint64_t> buf((len + 7) / 8, 0);
  auto* h = reinterpret_cast<fuse_in_header*>(buf.data());
  h->len = static_cast<uint32_t>(len);
  h->opcode = opcode;
  h->unique = 77;
  h->nodeid = nodeid;
  auto* p = reinterpret_cast<uint8_t*>(buf.data()) + sizeof *h;
  std::memcpy(p, &arg, sizeof arg);
  if (with_name) std::memcpy(p + sizeof arg, name.c_str(), name.size() + 1);
  return buf;
}

struct Empty {};
template <>
std::vector<uint64_t> Req<Empty>(uint32_t opcode, uint64_t nodeid, const Empty&, const std::string& name, bool with_name) {
  const size_t len = sizeof(fuse_in_header) + (with_name ? name.size() + 1 : 0);
  std::vector<uint64_t> buf((len + 7) / 8, 0);
  auto* h = reinterpret_cast<fuse_in_header*>(buf.data());
  h->len = static_cast<uint32_t>(len);
  h->opcode = opcode;
  h->unique = 77;
  h->nodeid = nodeid;
  if (with_name) std::memcpy(reinterpret_cast<uint8_t*>(buf.data()) + sizeof *h, name.c_str(), name.size() + 1);
  return buf;
}

struct Harness {
  Vfs vfs;
  FuseServer server{&vfs, ServerOptions{}};
  WorkerContext ctx{vfs};
  Capture sink;

  int Send(const std::vector<uint64_t>& buf) {
    const auto* h = reinterpret_cast<const fuse_in_header*>(buf.data());
    return server.Handle(reinterpret_cast<const uint8_t*>(buf.data()), h->len, ctx, sink);
  }
  void Init(uint32_t major = 7, uint32_t minor = 38, uint32_t flags = 0xffffffff) {
    fuse_init_in in{};
    in.major = major;
    in.minor = minor;
    in.max_readahead = 131072;
    in.flags = flags;
    Send(Req(FUSE_INIT, 0, in));
  }
};

TEST("INIT: 7.33 reply with the §4.3 limits, flags intersected and flavour rules applied") {
  Harness h;
  CHECK(!h.server.initialized());
  h.Init(7, 38, FUSE_ASYNC_READ | FUSE_MAX_PAGES | FUSE_BIG_WRITES | FUSE_NO_OPEN_SUPPORT | FUSE_ATOMIC_O_TRUNC |
                    FUSE_POSIX_LOCKS | FUSE_DO_READDIRPLUS | FUSE_WRITEBACK_CACHE);
  REQUIRE(h.sink.replies.size() == 1);
  CHECK_EQ(h.sink.header().error, 0);
  CHECK_EQ(h.sink.header().unique, 77u);
  const auto& out = h.sink.body<fuse_init_out>();
  CHECK_EQ(out.major, 7u);
  CHECK_EQ(out.minor, 33u);
  CHECK_EQ(out.max_readahead, 131072u);
  CHECK_EQ(out.max_background, 65535);
  CHECK_EQ(out.congestion_threshold, 49149);
  CHECK_EQ(out.max_write, 1u << 20);
  CHECK_EQ(out.max_pages, 256);
  CHECK_EQ(out.time_gran, 1u);
  CHECK(out.flags & FUSE_NO_OPEN_SUPPORT);
  CHECK(!(out.flags & FUSE_ATOMIC_O_TRUNC));  // dropped with no_open
  CHECK(!(out.flags & FUSE_POSIX_LOCKS));     // never offered
  CHECK(!(out.flags & FUSE_WRITEBACK_CACHE)); // read-only server
  CHECK(h.server.initialized());
  CHECK_EQ(h.server.negotiated()->flags, out.flags);
}

TEST("INIT: major > 7 gets a 7.33 counter-offer, major < 7 EPROTO, other ops before INIT EIO") {
  Harness h;
  h.Send(Req(FUSE_GETATTR, 1, fuse_getattr_in{}));
  CHECK_EQ(h.sink.header().error, -EIO);
  h.Init(8, 0);
  CHECK_EQ(h.sink.header().error, 0);
  CHECK_EQ(h.sink.body<fuse_init_out>().major, 7u);
  CHECK_EQ(h.sink.body<fuse_init_out>().minor, 33u);
  CHECK(!h.server.initialized());
  h.Init(6, 0);
  CHECK_EQ(h.sink.header().error, -EPROTO);
  CHECK(!h.server.initialized());
}

TEST("requests: write-type ops EROFS, unknown ENOSYS, FORGET and INTERRUPT unanswered") {
  Harness h;
  h.Init();
  for (uint32_t op : {FUSE_SETATTR, FUSE_MKDIR, FUSE_UNLINK, FUSE_WRITE, FUSE_CREATE, FUSE_RENAME2, FUSE_SETXATTR}) {
    h.Send(Req(op, 1, fuse_setattr_in{}));
    CHECK_EQ(h.sink.header().error, -EROFS);
  }
  h.Send(Req(FUSE_GETLK, 1, fuse_lk_in{}));
  CHECK_EQ(h.sink.header().error, -ENOSYS);
  h.Send(Req(9999, 1, Empty{}));
  CHECK_EQ(h.sink.header().error, -ENOSYS);
  const size_t before = h.sink.replies.size();
  h.Send(Req(FUSE_FORGET, 1, fuse_forget_in{1}));
  h.Send(Req(FUSE_INTERRUPT, 0, fuse_interrupt_in{5}));
  CHECK_EQ(h.sink.replies.size(), before);
  // A request whose header length disagrees with what was read is refused.
  auto bad = Req(FUSE_GETATTR, 1, fuse_getattr_in{});
  h.server.Handle(reinterpret_cast<const uint8_t*>(bad.data()), sizeof(fuse_in_header) - 1 + 8, h.ctx, h.sink);
  CHECK_EQ(h.sink.header().error, -EIO);
}

TEST("lookup / getattr on an image at /: node ids are (index << 56) | inode, root is 1 with 0755") {
  Harness h;
  h.Init();
  auto image = OpenV5();
  auto idx = h.vfs.Attach("/", image, {}, nullptr);
  REQUIRE_OK(idx);
  CHECK_EQ(idx.value(), 1u);
  h.Send(Req(FUSE_GETATTR, 1, fuse_getattr_in{}));
  REQUIRE(h.sink.header().error == 0);
  CHECK_EQ(h.sink.body<fuse_attr_out>().attr.ino, 1u);
  CHECK_EQ(h.sink.body<fuse_attr_out>().attr.mode, S_IFDIR | 0755u);
  CHECK_EQ(h.sink.body<fuse_attr_out>().attr_valid, 31536000u);
  h.Send(Req(FUSE_LOOKUP, 1, Empty{}, "hardlink-test", true));
  REQUIRE(h.sink.header().error == 0);
  const auto& e = h.sink.body<fuse_entry_out>();
  auto ino = image->fs().Lookup(image->super().root_ino, "hardlink-test");
  REQUIRE_OK(ino);
  CHECK_EQ(e.nodeid, MakeNodeId(1, ino.value()));
  CHECK_EQ(e.attr.ino, e.nodeid);
  CHECK_EQ(e.entry_valid, 31536000u);
  h.Send(Req(FUSE_LOOKUP, 1, Empty{}, "missing", true));
  CHECK_EQ(h.sink.header().error, -ENOENT);
  // rafs flavour: OPEN answered with ENOSYS once zero-message open was negotiated.
  h.Send(Req(FUSE_OPEN, e.nodeid, fuse_open_in{}));
  CHECK_EQ(h.sink.header().error, -ENOSYS);
  auto metrics = h.vfs.Find("/");
  REQUIRE_OK(metrics);
  CHECK_EQ(metrics.value()->metrics->Snapshot().fop_hits[kFopLookup], 1u);
  CHECK_EQ(metrics.value()->metrics->Snapshot().fop_errors[kFopLookup], 1u);
}

TEST("readdir / readdirplus records: 8-byte aligned, offsets resume, . and .. carry no entry") {
  Harness h;
  h.Init();
  auto image = OpenV5();
  REQUIRE_OK(h.vfs.Attach("/", image, {}, nullptr));
  fuse_read_in in{};
  in.size = 4096;
  h.Send(Req(FUSE_READDIRPLUS, 1, in));
  REQUIRE(h.sink.header().error == 0);
  const auto& msg = h.sink.replies.back();
  size_t pos = sizeof(fuse_out_header);
  std::vector<std::string> names;
  uint64_t last_off = 0;
  while (pos < msg.size()) {
    const auto* d = reinterpret_cast<const fuse_direntplus*>(msg.data() + pos);
    const std::string name(d->dirent.name, d->dirent.namelen);
    names.push_back(name);
    if (name == "." || name == "..") {
      CHECK_EQ(d->entry_out.nodeid, 0u);
    } else {
      CHECK_EQ(d->entry_out.nodeid, d->dirent.ino);
      CHECK_EQ(d->entry_out.attr.ino, d->dirent.ino);
    }
    last_off = d->dirent.off;
    pos += FUSE_DIRENTPLUS_SIZE(d);
    CHECK_EQ(pos % 8, 0u);
  }
  CHECK_EQ(pos, msg.size());
  REQUIRE(names.size() >= 4);
  CHECK_EQ(names[0], ".");
  CHECK_EQ(names[1], "..");
  // Resuming after the last entry returns nothing more.
  in.offset = last_off;
  h.Send(Req(FUSE_READDIR, 1, in));
  CHECK_EQ(h.sink.header().error, 0);
  CHECK_EQ(h.sink.header().len, sizeof(fuse_out_header));
  // A buffer too small for one record gives an empty answer, not a partial record.
  in.offset = 0;
  in.size = 8;
  h.Send(Req(FUSE_READDIR, 1, in));
  CHECK_EQ(h.sink.header().len, sizeof(fuse_out_header));
}

TEST("getxattr / listxattr: size 0 probes the length, a short buffer is ERANGE") {
  Harness h;
  h.Init();
  auto image = OpenV5();
  REQUIRE_OK(h.vfs.Attach("/", image, {}, nullptr));
  // Find an inode with xattrs, if the fixture has one; the pseudo-free root otherwise.
  rafs::Ino with = 0;
  std::vector<std::string> names;
  std::function<void(rafs::Ino)> walk = [&](rafs::Ino dir) {
    (void)image->fs().ReadDir(dir, 0, [&](const rafs::DirEntry& e) {
      if (with || e.name == "." || e.name == "..") return true;
      auto x = image->fs().ListXattrs(e.ino);
      if (x.ok() && !x.value().empty()) {
        with = e.ino;
        names = x.value();
      } else if (e.type == DT_DIR) {
        walk(e.ino);
      }
      return true;
    });
  };
  walk(image->super().root_ino);
  fuse_getxattr_in in{};
  if (with == 0) {
    in.size = 0;
    h.Send(Req(FUSE_LISTXATTR, 1, in));
    CHECK_EQ(h.sink.header().error, 0);
    CHECK_EQ(h.sink.body<fuse_getxattr_out>().size, 0u);
    h.Send(Req(FUSE_GETXATTR, 1, in, "user.none", true));
    CHECK_EQ(h.sink.header().error, -ENODATA);
    std::printf("  (the fixture has no xattrs: only the empty cases ran)\n");
    return;
  }
  size_t total = 0;
  for (const auto& n : names) total += n.size() + 1;
  const uint64_t node = MakeNodeId(1, with);
  in.size = 0;
  h.Send(Req(FUSE_LISTXATTR, node, in));
  CHECK_EQ(h.sink.body<fuse_getxattr_out>().size, total);
  in.size = static_cast<uint32_t>(total - 1);
  h.Send(Req(FUSE_LISTXATTR, node, in));
  CHECK_EQ(h.sink.header().error, -ERANGE);
  auto value = image->fs().GetXattr(with, names[0]);
  REQUIRE_OK(value);
  in.size = 0;
  h.Send(Req(FUSE_GETXATTR, node, in, names[0], true));
  CHECK_EQ(h.sink.body<fuse_getxattr_out>().size, value.value().size());
  in.size = 65536;
  h.Send(Req(FUSE_GETXATTR, node, in, names[0], true));
  CHECK_EQ(h.sink.header().len, sizeof(fuse_out_header) + value.value().size());
}

TEST("notifications: inval inode / entry out-messages carry unique 0 and the notify code") {
  alignas(8) uint8_t buf[256];
  CHECK_EQ(EncodeInvalInode(buf, 42), sizeof(fuse_out_header) + sizeof(fuse_notify_inval_inode_out));
  const auto* h = reinterpret_cast<const fuse_out_header*>(buf);
  CHECK_EQ(h->error, 2);
  CHECK_EQ(h->unique, 0u);
  CHECK_EQ(reinterpret_cast<const fuse_notify_inval_inode_out*>(buf + sizeof *h)->ino, 42u);
  const size_t n = EncodeInvalEntry(buf, 7, "abc");
  CHECK_EQ(n, sizeof(fuse_out_header) + sizeof(fuse_notify_inval_entry_out) + 4);
  CHECK_EQ(h->error, 3);
  const auto* e = reinterpret_cast<const fuse_notify_inval_entry_out*>(buf + sizeof *h);
  CHECK_EQ(e->parent, 7u);
  CHECK_EQ(e->namelen, 3u);
  CHECK_EQ(std::memcmp(buf + sizeof *h + sizeof *e, "abc", 4), 0);
  CHECK_EQ(EncodeInvalEntry(buf, 1, ""), sizeof(fuse_out_header) + sizeof(fuse_notify_inval_entry_out) + 1);
}

TEST("vfs: path rules, pseudo inode numbering and rolling indexes") {
  auto image = OpenV5();
  Vfs vfs;
  auto parts = Vfs::SplitPath("/a/./b/../c//d");
  REQUIRE_OK(parts);
  CHECK((parts.value() == std::vector<std::string>{"a", "c", "d"}));
  CHECK_EQ(Vfs::SplitPath("rel").status().error_number(), EINVAL);
  CHECK_EQ(Vfs::SplitPath("").status().error_number(), EINVAL);
  auto idx = vfs.Attach("/a/b/c", image, {}, nullptr);
  REQUIRE_OK(idx);
  CHECK_EQ(idx.value(), 1u);
  CHECK_EQ(vfs.Attach("/a/b/../b/c", image, {}, nullptr).status().error_number(), EEXIST);
  CHECK_EQ(vfs.Attach("/a/b/c/d", image, {}, nullptr).status().error_number(), ENOTSUP);
  CHECK_EQ(vfs.Attach("a", image, {}, nullptr).status().error_number(), EINVAL);
  auto forced = vfs.Attach("/f", image, [] {
    AttachOptions o;
    o.index = 9;
    return o;
  }(), nullptr);
  REQUIRE_OK(forced);
  CHECK_EQ(forced.value(), 9u);
  AttachOptions busy;
  busy.index = 9;
  CHECK_EQ(vfs.Attach("/g", image, busy, nullptr).status().error_number(), EBUSY);
  int slot = vfs.ClaimReader();
  REQUIRE(slot >= 0);
  {
    Vfs::ReadSection section(vfs, slot);
    auto a = vfs.PseudoLookup(1, "a");
    REQUIRE_OK(a);
    CHECK_EQ(a.value().pseudo, 2u);
    auto b = vfs.PseudoLookup(2, "b");
    REQUIRE_OK(b);
    CHECK_EQ(b.value().pseudo, 3u);
    auto c = vfs.PseudoLookup(3, "c");
    REQUIRE_OK(c);
    REQUIRE(c.value().backend != nullptr);
    CHECK_EQ(c.value().backend->root_nodeid, MakeNodeId(1, image->super().root_ino));
  }
  Recorder rec;
  REQUIRE_OK(vfs.Detach("/a/b/c", &rec));
  CHECK_EQ(vfs.Detach("/a/b/c", &rec).error_number(), ENOENT);
  // Post-order: the mountpoint itself last, as <basename> under its pseudo parent.
  REQUIRE(!rec.entries.empty());
  CHECK_EQ(rec.entries.back().first, 3u);
  CHECK_EQ(rec.entries.back().second, "c");
  CHECK_EQ(rec.inodes.back(), MakeNodeId(1, image->super().root_ino));
  CHECK(rec.inodes.size() >= image->super().inodes_count - 1);
  {
    Vfs::ReadSection section(vfs, slot);
    auto c = vfs.PseudoLookup(3, "c");
    REQUIRE_OK(c);
    CHECK_EQ(c.value().pseudo, 4u);  // stays as an empty pseudo directory
    CHECK_EQ(vfs.Resolve(MakeNodeId(1, 5)).status().error_number(), ENOENT);
  }
  // Rolling: the next index is 2 (1 was freed, but the counter moved on), 9 is skipped.
  std::vector<uint32_t> got;
  for (int i = 0; i < 300; i++) {
    auto n = vfs.Attach("/x", image, {}, nullptr);
    REQUIRE_OK(n);
    got.push_back(n.value());
    REQUIRE_OK(vfs.Detach("/x", nullptr));
  }
  CHECK_EQ(got[0], 2u);
  for (uint32_t g : got) CHECK(g != 9 && g != 0);
  vfs.ReleaseReader(slot);
}

TEST("takeover: snapshot/restore keeps pseudo inodes and indexes; replies echo a resend-flagged unique") {
  auto image = OpenV5();
  const uint64_t kResend = uint64_t{1} << 63;
  Harness old;
  old.Init();
  AttachOptions at1;
  at1.index = 0;
  REQUIRE_OK(old.vfs.Attach("/a/b", image, at1, nullptr));  // index 1
  REQUIRE_OK(old.vfs.Attach("/z/y", image, {}, nullptr));   // index 2, detached below
  REQUIRE_OK(old.vfs.Attach("/c", image, {}, nullptr));     // index 3
  REQUIRE_OK(old.vfs.Detach("/z/y", nullptr));
  const VfsSnapshot snap = old.vfs.Snapshot();
  CHECK_EQ(snap.next_index, 4u);
  REQUIRE(snap.dirs.size() == 5);  // a, b, z, y, c
  CHECK_EQ(snap.dirs[0].name, "a");
  CHECK_EQ(snap.dirs[1].ino, 3u);
  CHECK_EQ(snap.dirs[1].parent, 2u);
  CHECK_EQ(snap.dirs[1].mount_index, 1u);
  CHECK_EQ(snap.dirs[4].name, "c");
  CHECK_EQ(snap.dirs[4].mount_index, 3u);
  REQUIRE(snap.mounts.size() == 2);

  // What the kernel holds from the old process: lookups and a root listing.
  auto lookup = [](Harness& h, uint64_t parent, const std::string& name, uint64_t unique) {
    auto req = Req(FUSE_LOOKUP, parent, Empty{}, name, true);
    reinterpret_cast<fuse_in_header*>(req.data())->unique = unique;
    h.Send(req);
    REQUIRE(h.sink.header().error == 0);
    CHECK_EQ(h.sink.header().unique, unique);
    return h.sink.body<fuse_entry_out>().nodeid;
  };
  auto listing = [](Harness& h, uint64_t nodeid, uint64_t unique) {
    fuse_read_in in{};
    in.size = 4096;
    auto req = Req(FUSE_READDIR, nodeid, in);
    reinterpret_cast<fuse_in_header*>(req.data())->unique = unique;
    h.Send(req);
    CHECK_EQ(h.sink.header().unique, unique);
    return h.sink.replies.back();
  };
  const uint64_t a = lookup(old, 1, "a", 5);
  const uint64_t ab = lookup(old, a, "b", 6);
  const uint64_t c = lookup(old, 1, "c", 7);
  const uint64_t file = lookup(old, ab, "hardlink-test", 8);
  const auto root_list = listing(old, 1, 9);
  const auto ab_list = listing(old, ab, 10);

  // The successor: INIT record carried over, tree restored, images attached at their indexes.
  Harness next;
  next.server.SetNegotiated(*old.server.negotiated());
  CHECK(next.server.initialized());
  REQUIRE_OK(next.vfs.Attach("/tmp", image, {}, nullptr));
  CHECK_EQ(next.vfs.Restore(snap).error_number(), EBUSY);
  REQUIRE_OK(next.vfs.Detach("/tmp", nullptr));
  REQUIRE_OK(next.vfs.Restore(snap));
  for (const auto& m : snap.mounts) {
    AttachOptions o;
    o.index = m.index;
    auto idx = next.vfs.Attach(m.path, image, o, nullptr);
    REQUIRE_OK(idx);
    CHECK_EQ(idx.value(), m.index);
  }
  const VfsSnapshot again = next.vfs.Snapshot();
  CHECK_EQ(again.next_index, snap.next_index);
  REQUIRE(again.dirs.size() == snap.dirs.size());  // no new pseudo dirs
  for (size_t i = 0; i < snap.dirs.size(); i++) {
    CHECK_EQ(again.dirs[i].ino, snap.dirs[i].ino);
    CHECK_EQ(again.dirs[i].parent, snap.dirs[i].parent);
    CHECK_EQ(again.dirs[i].name, snap.dirs[i].name);
    CHECK_EQ(again.dirs[i].mount_index, snap.dirs[i].mount_index);
  }
  CHECK_EQ(again.pseudo_time, snap.pseudo_time);
  // Re-sent requests (resend bit in unique) resolve the same node ids and listings.
  CHECK_EQ(lookup(next, 1, "a", kResend | 5), a);
  CHECK_EQ(lookup(next, a, "b", kResend | 6), ab);
  CHECK_EQ(lookup(next, 1, "c", 7), c);
  CHECK_EQ(lookup(next, ab, "hardlink-test", kResend | 8), file);
  CHECK(listing(next, 1, kResend | 9) == [&] {
    auto v = root_list;
    reinterpret_cast<fuse_out_header*>(v.data())->unique = kResend | 9;
    return v;
  }());
  {
    auto v = listing(next, ab, 10);
    CHECK(v == ab_list);
  }
  fuse_getattr_in gin{};
  auto greq = Req(FUSE_GETATTR, file, gin);
  reinterpret_cast<fuse_in_header*>(greq.data())->unique = kResend | 11;
  next.Send(greq);
  CHECK_EQ(next.sink.header().error, 0);
  CHECK_EQ(next.sink.header().unique, kResend | 11);
  CHECK_EQ(next.sink.body<fuse_attr_out>().attr.ino, file);
  // An INTERRUPT naming a resend-flagged request is accepted silently.
  const size_t before = next.sink.replies.size();
  next.Send(Req(FUSE_INTERRUPT, 0, fuse_interrupt_in{kResend | 11}));
  CHECK_EQ(next.sink.replies.size(), before);
  // The rolling counter continues where the predecessor stopped.
  auto rolled = next.vfs.Attach("/new", image, {}, nullptr);
  REQUIRE_OK(rolled);
  CHECK_EQ(rolled.value(), 4u);
}

TEST("takeover: Restore rejects inconsistent snapshots and leaves the tree alone") {
  Vfs vfs;
  VfsSnapshot s;
  s.dirs.push_back({2, 1, "a", 0});
  s.dirs.push_back({4, 2, "b", 0});  // gap
  CHECK_EQ(vfs.Restore(s).error_number(), EINVAL);
  s.dirs[1] = {3, 3, "b", 0};  // self parent
  CHECK_EQ(vfs.Restore(s).error_number(), EINVAL);
  s.dirs[1] = {3, 1, "a", 0};  // duplicate sibling
  CHECK_EQ(vfs.Restore(s).error_number(), EINVAL);
  s.dirs[1] = {3, 2, "x/y", 0};
  CHECK_EQ(vfs.Restore(s).error_number(), EINVAL);
  s.dirs[1] = {3, 2, "b", 0};
  s.next_index = 0;
  CHECK_EQ(vfs.Restore(s).error_number(), EINVAL);
  CHECK(vfs.Snapshot().dirs.empty());
  s.next_index = 255;
  REQUIRE_OK(vfs.Restore(s));
  CHECK_EQ(vfs.Snapshot().dirs.size(), 2u);
  CHECK_EQ(vfs.Snapshot().next_index, 255u);
  int slot = vfs.ClaimReader();
  {
    Vfs::ReadSection section(vfs, slot);
    auto b = vfs.PseudoLookup(2, "b");
    REQUIRE_OK(b);
    CHECK_EQ(b.value().pseudo, 3u);
  }
  vfs.ReleaseReader(slot);
}

}  // namespace

NYDUS_TEST_MAIN()
