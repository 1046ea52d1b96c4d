// Unit tests of the cachefiles on-demand protocol (daemon spec §6.2) and on-disk naming (§6.5):
// message decoding against hand-built and hostile messages, command text, and the fscache
// hash against a second implementation and values computed outside C++. Test-only code.
#include <cstring>
#include <string>
#include <vector>

#if __has_include(<linux/cachefiles.h>)
#include <linux/cachefiles.h>
#endif

#include "cachefiles/cookie_path.h"
#include "cachefiles/protocol.h"
#include "test_harness.h"
#include "test_util.h"

using namespace nydus;
using namespace nydus::cachefiles;
using nydus::test::Contains;
using nydus::test::RandomBytes;

namespace {

void Le32(std::vector<uint8_t>& b, uint32_t v) {
  for (int i = 0; i < 4; ++i) b.push_back(static_cast<uint8_t>(v >> (8 * i)));
}
void Le64(std::vector<uint8_t>& b, uint64_t v) {
  for (int i = 0; i < 8; ++i) b.push_back(static_cast<uint8_t>(v >> (8 * i)));
}

std::vector<uint8_t> Header(uint32_t msg_id, uint32_t opcode, uint32_t len, uint32_t object_id) {
  std::vector<uint8_t> b;
  Le32(b, msg_id);
  Le32(b, opcode);
  Le32(b, len);
  Le32(b, object_id);
  return b;
}

// An OPEN body with explicit size fields (they may lie) and raw key bytes.
std::vector<uint8_t> OpenBody(uint32_t vsize, uint32_t csize, uint32_t fd, const std::string& keys) {
  std::vector<uint8_t> b;
  Le32(b, vsize);
  Le32(b, csize);
  Le32(b, fd);
  Le32(b, 0);
  b.insert(b.end(), keys.begin(), keys.end());
  return b;
}

std::vector<uint8_t> GoodOpenBody(const std::string& volume, const std::string& cookie, uint32_t fd) {
  return OpenBody(static_cast<uint32_t>(volume.size() + 1), static_cast<uint32_t>(cookie.size()), fd,
                  volume + std::string(1, '\0') + cookie);
}

// fscache_hash written out independently: byte-at-a-time words, explicit masking.
uint32_t ReferenceHash(uint32_t salt, const std::vector<uint8_t>& data) {
  uint64_t x = 0, y = salt;
  for (size_t w = 0; w < data.size() / 4; ++w) {
    uint64_t a = 0;
    for (int k = 3; k >= 0; --k) a = (a << 8) | data[w * 4 + k];
    x ^= a;
    y ^= x;
    x = ((x << 7) | (x >> 25)) & 0xffffffffu;
    x = (x + y) & 0xffffffffu;
    y = ((y << 20) | (y >> 12)) & 0xffffffffu;
    y = (y * 9) & 0xffffffffu;
  }
  const uint64_t gx = (x * 0x61C88647u) & 0xffffffffu;
  return static_cast<uint32_t>(((y ^ gx) * 0x61C88647u) & 0xffffffffu);
}

}  // namespace

TEST("constants match <linux/cachefiles.h> and its 1024-byte message limit") {
  CHECK_EQ(kIocReadComplete, 0x40049801ul);
#ifdef CACHEFILES_IOC_READ_COMPLETE
  CHECK_EQ(kIocReadComplete, static_cast<unsigned long>(CACHEFILES_IOC_READ_COMPLETE));
  CHECK(kMessageBufferSize >= CACHEFILES_MSG_MAX_SIZE);
  CHECK_EQ(kHeaderSize, sizeof(struct cachefiles_msg));
  CHECK_EQ(kOpenBodySize, sizeof(struct cachefiles_open));
  CHECK_EQ(kReadBodySize, sizeof(struct cachefiles_read));
  CHECK_EQ(static_cast<uint32_t>(Opcode::kRead), static_cast<uint32_t>(CACHEFILES_OP_READ));
#endif
}

TEST("header: short messages, a len that is not the bytes read, and unknown opcodes are refused") {
  std::vector<uint8_t> none;
  CHECK_EQ(ParseHeader(ByteView(none)).status().error_number(), EINVAL);
  std::vector<uint8_t> h = Header(1, 1, 16, 2);
  CHECK_EQ(ParseHeader(ByteView(h.data(), 15)).status().error_number(), EINVAL);
  auto ok = ParseHeader(ByteView(h));
  REQUIRE_OK(ok);
  CHECK_EQ(ok.value().msg_id, 1u);
  CHECK(ok.value().opcode == Opcode::kClose);
  CHECK_EQ(ok.value().object_id, 2u);
  std::vector<uint8_t> longer = Header(1, 1, 20, 2);  // says 20, 16 read
  auto bad_len = ParseHeader(ByteView(longer));
  CHECK_EQ(bad_len.status().error_number(), EINVAL);
  CHECK(Contains(bad_len.status().message(), "20 bytes but 16"));
  std::vector<uint8_t> huge = Header(1, 2, 0xffffffffu, 2);
  CHECK_EQ(ParseHeader(ByteView(huge)).status().error_number(), EINVAL);
  std::vector<uint8_t> op3 = Header(9, 3, 16, 2);
  auto unknown = ParseHeader(ByteView(op3));
  CHECK_EQ(unknown.status().error_number(), EINVAL);
  CHECK(Contains(unknown.status().message(), "unknown opcode 3"));
}

TEST("OPEN: keys, fd and flags decode; the volume key's NULs are stripped; domain drops 'erofs,'") {
  std::vector<uint8_t> body = OpenBody(11, 3, 42, std::string("erofs,dom\0\0", 11) + "abc");
  auto r = ParseOpen(ByteView(body));
  REQUIRE_OK(r);
  CHECK_EQ(r.value().volume_key, "erofs,dom");
  CHECK_EQ(r.value().domain, "dom");
  CHECK_EQ(r.value().cookie_key, "abc");
  CHECK_EQ(r.value().fd, 42u);
  uint32_t fd = 0;
  CHECK(OpenFdPresent(ByteView(body), &fd));
  CHECK_EQ(fd, 42u);
  // A cookie key is binary: NULs inside are kept.
  std::vector<uint8_t> binary = OpenBody(8, 2, 5, std::string("erofs,x\0", 8) + std::string("\0z", 2));
  auto b = ParseOpen(ByteView(binary));
  REQUIRE_OK(b);
  CHECK_EQ(b.value().cookie_key, std::string("\0z", 2));
}

TEST("OPEN: short bodies, key sizes that do not fit (up to 2^32-1) and bad volume keys are refused") {
  std::vector<uint8_t> short_body = OpenBody(0, 0, 1, "");
  short_body.resize(12);
  uint32_t fd = 0;
  CHECK(!OpenFdPresent(ByteView(short_body), &fd));
  CHECK_EQ(ParseOpen(ByteView(short_body)).status().error_number(), EINVAL);

  const std::string keys = std::string("erofs,d\0", 8) + "cookie";
  for (auto [v, c] : std::vector<std::pair<uint32_t, uint32_t>>{
           {0xffffffffu, 6}, {8, 0xffffffffu}, {0xffffffffu, 0xffffffffu}, {0x80000000u, 0x80000000u},
           {9, 6}, {8, 5}, {8, 7}, {0, 0}}) {
    std::vector<uint8_t> body = OpenBody(v, c, 3, keys);
    auto r = ParseOpen(ByteView(body));
    CHECK_EQ(r.status().error_number(), EINVAL);
    CHECK(OpenFdPresent(ByteView(body), &fd));  // the fd field itself is still there
  }
  auto refused = [](const std::string& volume_bytes, const std::string& cookie) {
    std::vector<uint8_t> body = OpenBody(static_cast<uint32_t>(volume_bytes.size()),
                                         static_cast<uint32_t>(cookie.size()), 3, volume_bytes + cookie);
    return ParseOpen(ByteView(body)).status();
  };
  CHECK(Contains(refused(std::string("nfs,dom\0", 8), "c").message(), "does not start with 'erofs,'"));
  CHECK(Contains(refused("erofs,dom", "c").message(), "not NUL-terminated"));
  CHECK(Contains(refused(std::string("erofs,d\0m\0", 10), "c").message(), "NUL inside"));
  CHECK_EQ(refused(std::string("\0", 1), "c").error_number(), EINVAL);
  CHECK_EQ(refused("erofs," + std::string(250, 'd') + std::string(1, '\0'), "c").error_number(), EINVAL);
  CHECK_EQ(refused(std::string("erofs,d\0", 8), std::string(256, 'c')).error_number(), EINVAL);
  CHECK(refused(std::string("erofs,d\0", 8), std::string(255, 'c')).ok());
}

TEST("READ: exactly 16 bytes; offset + length must not overflow") {
  std::vector<uint8_t> body;
  Le64(body, 8192);
  Le64(body, 4096);
  auto r = ParseRead(ByteView(body));
  REQUIRE_OK(r);
  CHECK_EQ(r.value().offset, 8192u);
  CHECK_EQ(r.value().length, 4096u);
  CHECK_EQ(ParseRead(ByteView(body.data(), 15)).status().error_number(), EINVAL);
  std::vector<uint8_t> longer = body;
  longer.push_back(0);
  CHECK_EQ(ParseRead(ByteView(longer)).status().error_number(), EINVAL);
  std::vector<uint8_t> wrap;
  Le64(wrap, UINT64_MAX - 10);
  Le64(wrap, 11);
  CHECK(Contains(ParseRead(ByteView(wrap)).status().message(), "overflows"));
  std::vector<uint8_t> edge;
  Le64(edge, UINT64_MAX - 10);
  Le64(edge, 10);
  CHECK(ParseRead(ByteView(edge)).ok());
  std::vector<uint8_t> none;
  CHECK(ParseClose(ByteView(none)).ok());
  CHECK_EQ(ParseClose(ByteView(body)).error_number(), EINVAL);
}

TEST("random and bit-flipped messages are decoded without crashing (run under ASan in CI)") {
  std::vector<uint8_t> good = Header(7, 0, 0, 1);
  std::vector<uint8_t> body = GoodOpenBody("erofs,domain", "cookie-key", 9);
  good.insert(good.end(), body.begin(), body.end());
  good[8] = static_cast<uint8_t>(good.size());
  for (uint64_t seed = 1; seed <= 20000; ++seed) {
    std::vector<uint8_t> msg;
    if (seed % 2) {
      msg = RandomBytes(seed % 200, seed);
      if (msg.size() >= 16) {  // make the header pass sometimes, so the bodies get exercised
        msg[8] = static_cast<uint8_t>(msg.size());
        msg[9] = msg[10] = msg[11] = 0;
        msg[4] = static_cast<uint8_t>(seed % 4);
        msg[5] = msg[6] = msg[7] = 0;
      }
    } else {
      msg = good;
      msg[16 + (seed / 2) % (msg.size() - 16)] ^= static_cast<uint8_t>(1u << (seed % 8));
    }
    auto h = ParseHeader(ByteView(msg));
    if (!h.ok()) continue;
    const ByteView b(msg.data() + kHeaderSize, msg.size() - kHeaderSize);
    (void)ParseOpen(b);
    (void)ParseRead(b);
    (void)ParseClose(b);
  }
  CHECK(ParseHeader(ByteView(good)).ok());
}

TEST("commands: dir must be absolute; arguments the kernel would cut or skip are refused") {
  CHECK_EQ(DirCommand("/var/cache/fscache").value(), "dir /var/cache/fscache");
  CHECK_EQ(DirCommand("relative").status().error_number(), EINVAL);
  CHECK_EQ(DirCommand("").status().error_number(), EINVAL);
  CHECK_EQ(DirCommand("/a\nbind").status().error_number(), EINVAL);
  CHECK_EQ(DirCommand(std::string("/a\0b", 4)).status().error_number(), EINVAL);
  CHECK_EQ(DirCommand("/" + std::string(4091, 'a')).status().error_number(), EINVAL);  // 4096 bytes
  CHECK(DirCommand("/" + std::string(4090, 'a')).ok());                                 // 4095 bytes
  CHECK_EQ(TagCommand("mytag").value(), "tag mytag");
  CHECK_EQ(TagCommand(" lead").status().error_number(), EINVAL);
  CHECK_EQ(BindCommand(), "bind ondemand");
  CHECK_EQ(RestoreCommand(), "restore");
  CHECK_EQ(CopenCommand(7, 36864), "copen 7,36864");
  CHECK_EQ(CopenCommand(4294967295u, -2), "copen 4294967295,-2");
  CHECK_EQ(CopenCommand(1, -114), "copen 1,-114");
  CHECK_EQ(CullCommand("Dabc").value(), "cull Dabc");
  CHECK_EQ(InuseCommand("Dabc").value(), "inuse Dabc");
  CHECK_EQ(CullCommand("").status().error_number(), EINVAL);
  CHECK_EQ(GenerateKey("dom", "blob"), "dom/blob");
  CHECK_EQ(GenerateKey("", "blob"), "blob");
}

TEST("fscache hash equals a second implementation over random inputs and salts") {
  for (uint64_t seed = 1; seed <= 500; ++seed) {
    std::vector<uint8_t> data = RandomBytes((seed % 64) * 4, seed);
    const uint32_t salt = static_cast<uint32_t>(seed * 0x9e3779b9u);
    CHECK_EQ(FscacheHash(salt, ByteView(data)), ReferenceHash(salt, data));
  }
  std::vector<uint8_t> empty;
  CHECK_EQ(FscacheHash(0, ByteView(empty)), 0u);  // g(0 ^ g(0))
}

TEST("cookie file path: hashes and fan-out directories equal values computed outside C++") {
  // Computed with a Python transcription of the §6.5 formulas (not of this code).
  struct Vector {
    const char* volume;
    const char* cookie;
    uint32_t vhash, chash;
    const char* fanout;
  } vectors[] = {
      {"erofs,abc", "abc", 0x604001d1u, 0x49e71c7au, "@7a"},
      {"erofs,be7d77eeb719f70884758d1aa800ed0fb09d701aaec469964e9d54325f0d5fef",
       "be7d77eeb719f70884758d1aa800ed0fb09d701aaec469964e9d54325f0d5fef", 0xd39b438au, 0x09f4d377u, "@77"},
      {"erofs,domain", "x", 0x426f3fb1u, 0xb07b126cu, "@6c"},
  };
  for (const Vector& v : vectors) {
    const uint32_t vhash = VolumeKeyHash(v.volume);
    CHECK_EQ(vhash, v.vhash);
    CHECK_EQ(CookieKeyHash(vhash, v.cookie), v.chash);
    auto p = CookieFilePath(v.volume, v.cookie);
    REQUIRE_OK(p);
    CHECK_EQ(p.value().fanout_dir, v.fanout);
    CHECK_EQ(p.value().volume_dir, std::string("I") + v.volume);
    CHECK_EQ(p.value().file_name, std::string("D") + v.cookie);
    CHECK_EQ(p.value().Relative(), std::string("cache/I") + v.volume + "/" + v.fanout + "/D" + v.cookie);
  }
  // The volume key's hash input is [len] ++ key ++ zeros to round_up(len + 2, 4), so a key of
  // length 4k+2 takes a whole extra zero word.
  const std::string key = "erofs,";  // 6 bytes: 1 + 6 + 1 = 8
  std::vector<uint8_t> words = {6, 'e', 'r', 'o', 'f', 's', ',', 0};
  CHECK_EQ(VolumeKeyHash(key), ReferenceHash(0, words));
}

TEST("cookie file path: keys cachefiles would not render verbatim are refused") {
  CHECK_EQ(CookieFilePath("erofs,a", "").status().error_number(), EINVAL);
  CHECK_EQ(CookieFilePath("erofs,a", "a/b").status().error_number(), EINVAL);
  CHECK_EQ(CookieFilePath("erofs,a", "a b").status().error_number(), EINVAL);
  CHECK_EQ(CookieFilePath("erofs,a", std::string("a\0", 2)).status().error_number(), EINVAL);
  CHECK_EQ(CookieFilePath("erofs,a", std::string(256, 'a')).status().error_number(), EINVAL);
  CHECK(CookieFilePath("erofs,a", std::string(255, 'a')).ok());
  CHECK_EQ(CookieFilePath("", "a").status().error_number(), EINVAL);
}

NYDUS_TEST_MAIN()
