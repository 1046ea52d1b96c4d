// Unit tests of the vhost-user-fs back-end (transport/vhost_user*, virtqueue*, virtio_fs*)
// against the test front-end over a real Unix socket and memfd guest memory: feature and
// ring negotiation, FUSE round trips on the v6-zstd fixture (INIT, LOOKUP, GETATTR, READ,
// split and indirect chains, FORGET on hiprio, DAX refusal), hostile chains and malformed
// messages (each refused alone while the next good request is served), and reconnection.
// Core layer tests (ctest core.virtio_fs).
#include <sys/socket.h>
#include <unistd.h>

#include <chrono>
#include <cstring>
#include <string>
#include <thread>
#include <vector>

#include "fuse/fuse_server.h"
#include "fuse/vfs.h"
#include "image.h"
#include "test_harness.h"
#include "test_util.h"
#include "transport/vhost_user_test_frontend.h"
#include "transport/virtio_fs_session.h"

using namespace nydus;
using namespace nydus::fuse;
using namespace nydus::transport;
using Frontend = VhostUserTestFrontend;

namespace {

const std::string kFixtures = NYDUS_FIXTURES;
constexpr uint64_t kLibRsSize = 16931;

std::shared_ptr<const Image> OpenV6() {
  ImageOptions o;
  o.localfs.dir = kFixtures + "/v6-zstd/blobs";
  auto img = Image::Open(kFixtures + "/v6-zstd/bootstrap", o);
  REQUIRE_OK(img);
  return std::shared_ptr<const Image>(std::move(img).value());
}

std::vector<uint8_t> Req(uint32_t opcode, uint64_t nodeid, const void* arg, size_t arg_len, const std::string& name = "",
                         uint64_t unique = 9) {
  const size_t len = sizeof(fuse_in_header) + arg_len + (name.empty() ? 0 : name.size() + 1);
  std::vector<uint8_t> buf(len, 0);
  auto* h = reinterpret_cast<fuse_in_header*>(buf.data());
  h->len = static_cast<uint32_t>(len);
  h->opcode = opcode;
  h->unique = unique;
  h->nodeid = nodeid;
  if (arg_len) std::memcpy(buf.data() + sizeof *h, arg, arg_len);
  if (!name.empty()) std::memcpy(buf.data() + sizeof *h + arg_len, name.c_str(), name.size() + 1);
  return buf;
}

const fuse_out_header& Out(const Frontend::Reply& r) { return *reinterpret_cast<const fuse_out_header*>(r.bytes.data()); }

// A served v6 image at "/" and a back-end listening on a temp socket.
struct Daemon {
  test::TempDir dir{"nydus-virtiofs-"};
  Vfs vfs;
  FuseServer server{&vfs, ServerOptions{}};
  std::unique_ptr<VirtiofsSession> session;

  explicit Daemon(uint32_t queue_size = 1024, int threads = 1) {
    REQUIRE_OK(vfs.Attach("/", OpenV6(), AttachOptions{}, nullptr));
    VirtiofsSession::Options o;
    o.socket_path = dir.File("vfs.sock");
    o.queue_size = queue_size;
    auto s = VirtiofsSession::Listen(o, &server, &vfs);
    REQUIRE_OK(s);
    session = std::move(s).value();
    REQUIRE_OK(session->Start(threads));
  }
  std::unique_ptr<Frontend> Connect(uint32_t queue_size = 256) {
    auto f = Frontend::Connect(session->socket_path());
    REQUIRE_OK(f);
    REQUIRE_OK(f.value()->Setup(queue_size));
    return std::move(f).value();
  }
  uint64_t Bad(ChainError e) const { return session->Snapshot().transport.bad_chains[static_cast<int>(e)]; }
};

void Init(Frontend& f) {
  fuse_init_in in{};
  in.major = 7;
  in.minor = 36;
  in.max_readahead = 131072;
  in.flags = FUSE_ASYNC_READ | FUSE_MAX_PAGES | FUSE_BIG_WRITES;
  auto r = f.Fuse(1, Req(FUSE_INIT, 0, &in, sizeof in), 4096);
  REQUIRE_OK(r);
  CHECK_EQ(r.value().used_len, sizeof(fuse_out_header) + sizeof(fuse_init_out));
  CHECK_EQ(Out(r.value()).error, 0);
}

// GETATTR of the root through queue 1: the "is it still serving" probe.
void ExpectServing(Frontend& f) {
  fuse_getattr_in in{};
  auto r = f.Fuse(1, Req(FUSE_GETATTR, 1, &in, sizeof in), 4096);
  REQUIRE_OK(r);
  CHECK_EQ(r.value().used_len, sizeof(fuse_out_header) + sizeof(fuse_attr_out));
  CHECK_EQ(Out(r.value()).error, 0);
  CHECK_EQ(Out(r.value()).len, r.value().used_len);
}

}  // namespace

TEST("virtio-fs: INIT, LOOKUP, GETATTR and READ of the v6 fixture with real used lengths") {
  Daemon d;
  auto f = d.Connect();
  CHECK(d.session->connected());
  Init(*f);
  auto look = f->Fuse(1, Req(FUSE_LOOKUP, 1, nullptr, 0, "lib.rs"), 4096);
  REQUIRE_OK(look);
  CHECK_EQ(look.value().used_len, sizeof(fuse_out_header) + sizeof(fuse_entry_out));
  REQUIRE(Out(look.value()).error == 0);
  const auto& entry = *reinterpret_cast<const fuse_entry_out*>(look.value().bytes.data() + sizeof(fuse_out_header));
  CHECK_EQ(entry.attr.size, kLibRsSize);
  fuse_getattr_in ga{};
  auto attr = f->Fuse(1, Req(FUSE_GETATTR, entry.nodeid, &ga, sizeof ga), 4096);
  REQUIRE_OK(attr);
  CHECK_EQ(reinterpret_cast<const fuse_attr_out*>(attr.value().bytes.data() + 16)->attr.size, kLibRsSize);

  // The same READ answered by the server directly is the reference for the transport.
  fuse_read_in rd{};
  rd.size = 1 << 17;
  const std::vector<uint8_t> read_req = Req(FUSE_READ, entry.nodeid, &rd, sizeof rd);
  auto read = f->Fuse(1, read_req, 1 << 17);
  REQUIRE_OK(read);
  CHECK_EQ(read.value().used_len, sizeof(fuse_out_header) + kLibRsSize);
  CHECK_EQ(Out(read.value()).len, read.value().used_len);
  struct Capture final : ReplySink {
    std::vector<uint8_t> bytes;
    int Write(const iovec* iov, int n) override {
      for (int i = 0; i < n; i++) {
        const auto* p = static_cast<const uint8_t*>(iov[i].iov_base);
        bytes.insert(bytes.end(), p, p + iov[i].iov_len);
      }
      return 0;
    }
  } direct;
  WorkerContext ctx(d.vfs);
  std::vector<uint64_t> aligned((read_req.size() + 7) / 8);
  std::memcpy(aligned.data(), read_req.data(), read_req.size());
  d.server.Handle(reinterpret_cast<const uint8_t*>(aligned.data()), read_req.size(), ctx, direct);
  CHECK(direct.bytes == read.value().bytes);

  // A request split over three readable descriptors, and one through an indirect table.
  auto split = f->Fuse(1, Req(FUSE_LOOKUP, 1, nullptr, 0, "sync_io.rs"), 4096, 3);
  REQUIRE_OK(split);
  CHECK_EQ(Out(split.value()).error, 0);
  CHECK_EQ(reinterpret_cast<const fuse_entry_out*>(split.value().bytes.data() + 16)->attr.size, 13400u);
  auto ind = f->Fuse(1, read_req, 1 << 17, 2, true);
  REQUIRE_OK(ind);
  CHECK(ind.value().bytes == direct.bytes);
  // The reply space as a header descriptor and page-sized payload descriptors, adjacent (the
  // READ fills them in place) and apart (it is copied piece by piece): the same bytes.
  for (bool gaps : {false, true}) {
    auto pages = f->Fuse(1, read_req, 16 + (1 << 17), 1, false, 33, gaps);
    REQUIRE_OK(pages);
    CHECK_EQ(pages.value().used_len, sizeof(fuse_out_header) + kLibRsSize);
    CHECK(pages.value().bytes == direct.bytes);
  }

  // FORGET on hiprio: no reply, the chain still comes back with used length 0.
  fuse_forget_in fg{};
  fg.nlookup = 1;
  auto forget = f->Fuse(0, Req(FUSE_FORGET, entry.nodeid, &fg, sizeof fg), 0);
  REQUIRE_OK(forget);
  CHECK_EQ(forget.value().used_len, 0u);
  CHECK(f->Notifications(1) > 0);
  const auto m = d.session->Snapshot();
  CHECK_EQ(m.requests, 9u);
  CHECK(m.transport.notifications >= 9);
  CHECK(d.session->Inflight().empty());
  const auto fs = d.vfs.Find("/").value()->metrics->Snapshot();
  CHECK_EQ(fs.fop_hits[kFopLookup], 2u);
  CHECK_EQ(fs.data_read, 5 * kLibRsSize);  // four READs through virtio-fs, one direct
}

TEST("virtio-fs: four request workers answer 64 chains published at once, each with its own reply") {
  Daemon d(1024, 4);
  auto f = d.Connect(256);
  Init(*f);
  auto look = f->Fuse(1, Req(FUSE_LOOKUP, 1, nullptr, 0, "lib.rs"), 4096);
  REQUIRE_OK(look);
  const uint64_t ino = reinterpret_cast<const fuse_entry_out*>(look.value().bytes.data() + 16)->nodeid;
  // Each READ asks for a different window of lib.rs, so a reply landing in another chain's
  // buffer or under another unique is visible.
  constexpr int kChains = 64;
  constexpr uint32_t kWindow = 256;
  f->ResetData();
  std::vector<uint64_t> outs(kChains);
  for (int i = 0; i < kChains; i++) {
    fuse_read_in rd{};
    rd.offset = uint64_t{kWindow} * i;
    rd.size = kWindow;
    const std::vector<uint8_t> req = Req(FUSE_READ, ino, &rd, sizeof rd, "", 1000 + i);
    const uint64_t in = f->Alloc(req.size());
    std::memcpy(f->Ptr(in), req.data(), req.size());
    outs[i] = f->Alloc(sizeof(fuse_out_header) + kWindow);
    f->SetDesc(1, static_cast<uint16_t>(2 * i), in, static_cast<uint32_t>(req.size()), Frontend::kDescNext,
               static_cast<uint16_t>(2 * i + 1));
    f->SetDesc(1, static_cast<uint16_t>(2 * i + 1), outs[i], sizeof(fuse_out_header) + kWindow, Frontend::kDescWrite, 0);
  }
  for (int i = 0; i < kChains; i++) f->Publish(1, static_cast<uint16_t>(2 * i));
  std::vector<bool> seen(kChains, false);
  for (int n = 0; n < kChains; n++) {
    auto u = f->WaitUsed(1);
    REQUIRE_OK(u);
    REQUIRE(u.value().id % 2 == 0 && u.value().id < 2 * kChains);
    const int i = static_cast<int>(u.value().id / 2);
    CHECK(!seen[i]);
    seen[i] = true;
    CHECK_EQ(u.value().len, sizeof(fuse_out_header) + kWindow);
    const auto* h = reinterpret_cast<const fuse_out_header*>(f->Ptr(outs[i]));
    CHECK_EQ(h->unique, 1000u + i);
    CHECK_EQ(h->error, 0);
    // The reference: the same window read from the image directly.
    std::vector<uint8_t> want(kWindow);
    auto got = d.vfs.Find("/").value()->image->Read(InoOf(ino), uint64_t{kWindow} * i, want.data(), kWindow);
    REQUIRE_OK(got);
    CHECK(std::memcmp(f->Ptr(outs[i]) + sizeof *h, want.data(), kWindow) == 0);
  }
  CHECK_EQ(d.session->Snapshot().requests, static_cast<uint64_t>(kChains) + 2);
  CHECK(d.session->Inflight().empty());
  ExpectServing(*f);
}

TEST("virtio-fs: SETUPMAPPING gets EINVAL; a reply larger than the writable part an EINVAL header") {
  Daemon d;
  auto f = d.Connect();
  Init(*f);
  fuse_setupmapping_in sm{};
  auto r = f->Fuse(1, Req(FUSE_SETUPMAPPING, 1, &sm, sizeof sm), 64);
  REQUIRE_OK(r);
  CHECK_EQ(r.value().used_len, 16u);
  CHECK_EQ(Out(r.value()).error, -EINVAL);
  fuse_getattr_in ga{};
  auto small = f->Fuse(1, Req(FUSE_GETATTR, 1, &ga, sizeof ga, "", 31), 40);
  REQUIRE_OK(small);
  CHECK_EQ(small.value().used_len, 16u);
  CHECK_EQ(Out(small.value()).error, -EINVAL);
  CHECK_EQ(Out(small.value()).unique, 31u);
  auto none = f->Fuse(1, Req(FUSE_GETATTR, 1, &ga, sizeof ga), 0);  // nowhere to reply
  REQUIRE_OK(none);
  CHECK_EQ(none.value().used_len, 0u);
  const auto m = d.session->Snapshot();
  CHECK_EQ(m.dax_refused, 1u);
  CHECK_EQ(m.oversized_replies, 1u);
  CHECK_EQ(m.no_reply_space, 1u);
  ExpectServing(*f);
}

TEST("virtio-fs: hostile chains are returned with used length 0 and counted; serving continues") {
  Daemon d;
  const uint32_t qs = 256;
  auto f = d.Connect(qs);
  Init(*f);
  fuse_getattr_in ga{};
  const std::vector<uint8_t> req = Req(FUSE_GETATTR, 1, &ga, sizeof ga);
  auto place = [&]() {
    f->ResetData();
    const uint64_t in = f->Alloc(req.size());
    std::memcpy(f->Ptr(in), req.data(), req.size());
    return std::make_pair(in, f->Alloc(4096));
  };
  auto expect_refused = [&](ChainError kind, uint16_t head) {
    const uint64_t before = d.Bad(kind);
    f->Publish(1, head);
    auto u = f->WaitUsed(1);
    REQUIRE_OK(u);
    CHECK_EQ(u.value().id, head);
    if (u.value().len != 0 || d.Bad(kind) != before + 1) {
      test::Fail(__FILE__, __LINE__, std::string("chain not refused as ") + ChainErrorName(kind) + " len " + std::to_string(u.value().len) + " events: " + (d.session->Snapshot().transport.recent_events.empty() ? "" : d.session->Snapshot().transport.recent_events.back()));
    }
    ExpectServing(*f);
  };
  const uint16_t N = Frontend::kDescNext, W = Frontend::kDescWrite, I = Frontend::kDescIndirect;
  auto [in, out] = place();
  const uint64_t end = Frontend::kGuestBase + f->mem_size();

  f->SetDesc(1, 0, end - 8, 64, 0, 0);  // crosses the end of guest memory
  expect_refused(ChainError::kAddress, 0);
  f->SetDesc(1, 0, 0x1000, 64, 0, 0);  // below guest memory
  expect_refused(ChainError::kAddress, 0);
  f->SetDesc(1, 0, ~uint64_t{0} - 4, 64, 0, 0);  // wraps around
  expect_refused(ChainError::kAddress, 0);
  std::tie(in, out) = place();
  f->SetDesc(1, 0, in, static_cast<uint32_t>(req.size()), N, 1);  // 0 -> 1 -> 0 ...
  f->SetDesc(1, 1, in, static_cast<uint32_t>(req.size()), N, 0);
  expect_refused(ChainError::kTooLong, 0);
  f->SetDesc(1, 0, in, 0, 0, 0);
  expect_refused(ChainError::kZeroLength, 0);
  std::tie(in, out) = place();
  f->SetDesc(1, 0, out, 4096, W | N, 1);  // writable, then readable
  f->SetDesc(1, 1, in, static_cast<uint32_t>(req.size()), 0, 0);
  expect_refused(ChainError::kDirection, 0);
  f->SetDesc(1, 0, in, static_cast<uint32_t>(req.size()), N, qs + 3);  // next outside the table
  expect_refused(ChainError::kBadNext, 0);
  expect_refused(ChainError::kBadHead, qs + 7);

  // Indirect tables: too large, not a multiple of 16, with NEXT, nested, looping, outside memory.
  std::tie(in, out) = place();
  const uint64_t table = f->Alloc(16 * (qs + 1));
  f->SetDesc(1, 0, table, 16 * (qs + 1), I, 0);
  expect_refused(ChainError::kIndirectTable, 0);
  f->SetDesc(1, 0, table, 40, I, 0);
  expect_refused(ChainError::kIndirectTable, 0);
  f->SetDesc(1, 0, table, 32, I | N, 1);
  expect_refused(ChainError::kIndirectTable, 0);
  auto put = [&](uint64_t t, int i, uint64_t addr, uint32_t len, uint16_t flags, uint16_t next) {
    uint8_t* p = f->Ptr(t) + 16 * i;
    std::memcpy(p, &addr, 8);
    std::memcpy(p + 8, &len, 4);
    std::memcpy(p + 12, &flags, 2);
    std::memcpy(p + 14, &next, 2);
  };
  put(table, 0, table, 32, I, 0);
  f->SetDesc(1, 0, table, 32, I, 0);
  expect_refused(ChainError::kNestedIndirect, 0);
  put(table, 0, in, static_cast<uint32_t>(req.size()), N, 1);
  put(table, 1, in, static_cast<uint32_t>(req.size()), N, 0);
  f->SetDesc(1, 0, table, 32, I, 0);
  expect_refused(ChainError::kTooLong, 0);  // same table: 0 -> 1 -> 0
  f->SetDesc(1, 0, end - 16, 32, I, 0);
  expect_refused(ChainError::kAddress, 0);

  // A request shorter than a FUSE header: used 0, counted by the session.
  f->SetDesc(1, 0, in, 8, N, 1);
  f->SetDesc(1, 1, out, 4096, W, 0);
  f->Publish(1, 0);
  auto u = f->WaitUsed(1);
  REQUIRE_OK(u);
  CHECK_EQ(u.value().len, 0u);
  CHECK_EQ(d.session->Snapshot().short_requests, 1u);
  ExpectServing(*f);
}

TEST("virtio-fs: an available index beyond the queue size breaks only that ring; a new front-end is served") {
  Daemon d;
  std::string disconnected;
  d.session->SetDisconnectCallback([&](const std::string& why) { disconnected = why; });
  {
    auto f = d.Connect(64);
    Init(*f);
    f->PublishRawIndex(1, 1000);
    for (int i = 0; i < 500 && d.session->Snapshot().transport.broken_queues == 0; i++) {
      std::this_thread::sleep_for(std::chrono::milliseconds(2));
    }
    CHECK_EQ(d.session->Snapshot().transport.broken_queues, 1u);
  }  // disconnects
  for (int i = 0; i < 500 && (d.session->connected() || disconnected.empty()); i++) {
    std::this_thread::sleep_for(std::chrono::milliseconds(2));
  }
  CHECK(!disconnected.empty());
  auto g = d.Connect(1024);
  Init(*g);
  ExpectServing(*g);
  CHECK_EQ(d.session->Snapshot().transport.connections, 2u);
}

TEST("vhost-user: malformed messages are refused with an error and the connection stays usable") {
  Daemon d;
  auto f = d.Connect();
  Init(*f);
  vhost::VringState bad_index{5, 256};
  CHECK_EQ(f->SendAcked(vhost::kSetVringNum, &bad_index, 8).value(), 1u);
  vhost::VringState not_pow2{1, 300};
  CHECK_EQ(f->SendAcked(vhost::kSetVringNum, &not_pow2, 8).value(), 1u);  // and the ring runs anyway
  vhost::VringState short_payload{1, 0};
  CHECK_EQ(f->SendAcked(vhost::kSetVringBase, &short_payload, 4).value(), 1u);
  vhost::MemoryTable nine{};
  nine.num_regions = 9;
  CHECK_EQ(f->SendAcked(vhost::kSetMemTable, &nine, 8).value(), 1u);
  vhost::MemoryTable one{};
  one.num_regions = 1;
  one.regions[0] = {0, 4096, 0, 0};
  CHECK_EQ(f->SendAcked(vhost::kSetMemTable, &one, 8 + 32).value(), 1u);  // no fd
  uint64_t log = 0;
  CHECK_EQ(f->SendAcked(vhost::kSetLogBase, &log, 8).value(), 1u);
  CHECK_EQ(f->SendAcked(50, nullptr, 0).value(), 1u);  // unknown, but asked for an ack
  uint8_t cfg[12] = {};
  REQUIRE_OK(f->Send(vhost::kGetConfig, cfg, sizeof cfg));
  auto empty = f->Receive(vhost::kGetConfig);
  REQUIRE_OK(empty);
  CHECK(empty.value().empty());
  REQUIRE_OK(f->Send(vhost::kGetQueueNum, nullptr, 0));
  auto qn = f->Receive(vhost::kGetQueueNum);
  REQUIRE_OK(qn);
  CHECK(qn.value().size() == 8 && qn.value()[0] == 2);
  ExpectServing(*f);
  const auto m = d.session->Snapshot().transport;
  CHECK(m.message_errors >= 8);
  bool saw_unknown = false;
  for (const auto& [name, count] : m.by_request) saw_unknown |= name == "REQUEST_50" && count == 1;
  CHECK(saw_unknown);
  // GET_VRING_BASE stops the ring and reports where it stopped.
  vhost::VringState q1{1, 0};
  REQUIRE_OK(f->Send(vhost::kGetVringBase, &q1, 8));
  auto base = f->Receive(vhost::kGetVringBase);
  REQUIRE_OK(base);
  REQUIRE(base.value().size() == 8);
  vhost::VringState got;
  std::memcpy(&got, base.value().data(), 8);
  CHECK_EQ(got.index, 1u);
  CHECK_EQ(got.num, 2u);  // INIT and the GETATTR
}

TEST("vhost-user: an oversized header or an unknown request without ack closes the connection; the next one is served") {
  Daemon d;
  for (int round = 0; round < 2; round++) {
    auto f = Frontend::Connect(d.session->socket_path());
    REQUIRE_OK(f);
    if (round == 0) {
      vhost::MsgHeader h{vhost::kSetMemTable, vhost::kVersion, 1u << 20};
      REQUIRE(send(f.value()->fd(), &h, sizeof h, MSG_NOSIGNAL) == sizeof h);
    } else {
      REQUIRE_OK(f.value()->Send(77, nullptr, 0));
    }
    char c;
    CHECK_EQ(recv(f.value()->fd(), &c, 1, 0), 0);  // the back-end closed its end
  }
  auto g = d.Connect();
  Init(*g);
  ExpectServing(*g);
}

TEST("virtio-fs: Listen refuses bad options; Release removes the socket file; a stale file is replaced") {
  test::TempDir dir("nydus-virtiofs-");
  Vfs vfs;
  FuseServer server(&vfs, ServerOptions{});
  VirtiofsSession::Options o;
  o.socket_path = dir.File("s");
  o.queue_size = 1000;
  CHECK_EQ(VirtiofsSession::Listen(o, &server, &vfs).status().error_number(), EINVAL);
  o.queue_size = 2048;
  CHECK_EQ(VirtiofsSession::Listen(o, &server, &vfs).status().error_number(), EINVAL);
  o.queue_size = 1024;
  o.socket_path = dir.File(std::string(200, 'x'));
  CHECK_EQ(VirtiofsSession::Listen(o, &server, &vfs).status().error_number(), EINVAL);
  o.socket_path = dir.File("s");
  { FILE* stale = fopen(o.socket_path.c_str(), "w"); if (stale) fclose(stale); }
  auto s = VirtiofsSession::Listen(o, &server, &vfs);
  REQUIRE_OK(s);
  CHECK_EQ(s.value()->Start(0).error_number(), EINVAL);
  REQUIRE_OK(s.value()->Start(4));
  CHECK_EQ(s.value()->Start(1).error_number(), EBUSY);
  s.value()->Stop();
  CHECK(access(o.socket_path.c_str(), F_OK) == 0);
  s.value()->Release();
  CHECK(access(o.socket_path.c_str(), F_OK) != 0);
  CHECK_EQ(s.value()->Start(1).error_number(), EBADF);
}

NYDUS_TEST_MAIN()
