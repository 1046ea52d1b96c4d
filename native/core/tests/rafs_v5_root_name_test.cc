// Unit tests for RAFS v5 bootstraps whose root record has no name (i_name_size 0), as some
// early bootstraps store it (issue 12): the real fixture laid out again without the root's name
// reads exactly like the fixture, and the records nydusd refuses are still EIO naming the
// inode. Core layer tests (ctest core.rafs_v5_root_name).
#include <sys/stat.h>

#include <fstream>
#include <iterator>
#include <string>
#include <utility>
#include <vector>

#include "byte_region.h"
#include "rafs/filesystem.h"
#include "test_harness.h"
#include "test_util.h"

using namespace nydus;
using namespace nydus::rafs;
using nydus::test::Contains;
using nydus::test::Hex;

namespace {

constexpr size_t kInodeTableOffsetField = 32;
constexpr size_t kInodeTableEntriesField = 56;
// Superblock fields holding a table offset (§3.2): inode, prefetch, blob, extended blob.
constexpr size_t kTableOffsetFields[] = {32, 40, 48, 72};
constexpr size_t kNameSizeField = 100;

using Bytes = std::vector<uint8_t>;

Bytes FixtureBytes() {
  std::ifstream f(NYDUS_FIXTURES "/v5-sha256-nocompress/bootstrap", std::ios::binary);
  return Bytes(std::istreambuf_iterator<char>(f), std::istreambuf_iterator<char>());
}

void Store(Bytes& b, size_t at, uint64_t v, size_t width) {
  REQUIRE(at <= b.size() && width <= b.size() - at);
  for (size_t i = 0; i < width; ++i) b[at + i] = static_cast<uint8_t>(v >> (8 * i));
}

size_t RecordAt(const Bytes& b, uint32_t child_index) {
  const size_t table = static_cast<size_t>(LoadLe64(b.data() + kInodeTableOffsetField));
  return static_cast<size_t>(LoadLe32(b.data() + table + 4 * (child_index - 1))) << 3;
}

// `b` as a builder that never wrote the root's name lays it out: i_name_size 0, and
// everything after the root's 128-byte inode moved up by the name's aligned size, with the
// record offsets and table offsets behind the root moved with it.
Bytes WithoutRootName(Bytes b) {
  const size_t table = static_cast<size_t>(LoadLe64(b.data() + kInodeTableOffsetField));
  const uint32_t entries = LoadLe32(b.data() + kInodeTableEntriesField);
  const size_t root = RecordAt(b, 1);
  const size_t cut = (LoadLe16(b.data() + root + kNameSizeField) + size_t{7}) & ~size_t{7};
  REQUIRE(cut > 0 && table + 4 * size_t{entries} <= root);
  b.erase(b.begin() + static_cast<ptrdiff_t>(root + 128), b.begin() + static_cast<ptrdiff_t>(root + 128 + cut));
  Store(b, root + kNameSizeField, 0, 2);
  for (uint32_t i = 0; i < entries; ++i) {
    const uint32_t units = LoadLe32(b.data() + table + 4 * i);
    if ((size_t{units} << 3) > root) Store(b, table + 4 * i, units - cut / 8, 4);
  }
  for (size_t field : kTableOffsetFields) {
    const uint64_t off = LoadLe64(b.data() + field);
    if (off > root) Store(b, field, off - cut, 8);
  }
  return b;
}

Bytes WithField(Bytes b, uint32_t child_index, size_t field, uint64_t value, size_t width) {
  Store(b, RecordAt(b, child_index) + field, value, width);
  return b;
}

Result<std::unique_ptr<Filesystem>> Open(Bytes b) { return OpenBootstrapRegion(ByteRegion::FromVector(std::move(b))); }

std::string Describe(const Status& s) { return s.ok() ? "ok" : s.ToString(); }

std::string AttrLine(const Attr& a) {
  return std::to_string(a.ino) + " " + std::to_string(a.mode) + " " + std::to_string(a.nlink) + " " +
         std::to_string(a.uid) + ":" + std::to_string(a.gid) + " " + std::to_string(a.rdev) + " " +
         std::to_string(a.size) + " " + std::to_string(a.blocks) + " " + std::to_string(a.mtime) + "." +
         std::to_string(a.mtime_nsec);
}

// Everything the interface shows, one line per directory entry in readdir order (depth
// first): path, cookie, lookup result, attributes, symlink target, xattrs, chunk mapping.
std::vector<std::string> Dump(const Filesystem& fs) {
  std::vector<std::string> out;
  const Ino root = fs.super().root_ino;
  auto root_attr = fs.GetAttr(root);
  out.push_back("/ " + (root_attr.ok() ? AttrLine(root_attr.value()) : Describe(root_attr.status())));
  std::vector<std::pair<Ino, std::string>> stack{{root, ""}};
  for (int steps = 0; !stack.empty() && steps < 1000; ++steps) {
    const auto [dir, prefix] = stack.back();
    stack.pop_back();
    std::vector<DirEntry> entries;
    const Status s = fs.ReadDir(dir, 0, [&](const DirEntry& e) {
      entries.push_back(e);
      return true;
    });
    if (!s.ok()) out.push_back(prefix + "/ readdir: " + s.ToString());
    for (auto it = entries.rbegin(); it != entries.rend(); ++it) {
      const DirEntry& e = *it;
      const std::string path = prefix + "/" + e.name;
      std::string line = path + " @" + std::to_string(e.next_offset) + " ino " + std::to_string(e.ino) + " type " +
                         std::to_string(e.type);
      auto looked = fs.Lookup(dir, e.name);
      line += " lookup " + (looked.ok() ? std::to_string(looked.value()) : Describe(looked.status()));
      if (e.name == "." || e.name == "..") {
        out.push_back(line);
        continue;
      }
      auto attr = fs.GetAttr(e.ino);
      line += " attr " + (attr.ok() ? AttrLine(attr.value()) : Describe(attr.status()));
      auto names = fs.ListXattrs(e.ino);
      if (names.ok()) {
        for (const std::string& n : names.value()) {
          auto v = fs.GetXattr(e.ino, n);
          line += " xattr " + n + "=" + (v.ok() ? v.value() : Describe(v.status()));
        }
      }
      if (attr.ok() && S_ISLNK(attr.value().mode)) {
        auto target = fs.ReadLink(e.ino);
        line += " -> " + (target.ok() ? target.value() : Describe(target.status()));
      }
      if (attr.ok() && S_ISREG(attr.value().mode)) {
        auto segs = fs.MapRange(e.ino, 0, attr.value().size);
        if (!segs.ok()) line += " map " + segs.status().ToString();
        for (const IoSegment& g : segs.ok() ? segs.value() : std::vector<IoSegment>{}) {
          line += " [" + std::to_string(g.file_offset) + "+" + std::to_string(g.length) +
                  (g.hole ? " hole" : " " + Hex(g.chunk.digest) + "@" + std::to_string(g.chunk.compressed_offset)) + "]";
        }
      }
      if (attr.ok() && S_ISDIR(attr.value().mode)) stack.emplace_back(e.ino, path);
      out.push_back(line);
    }
  }
  return out;
}

std::unique_ptr<Filesystem> MustOpen(Bytes b) {
  auto fs = Open(std::move(b));
  REQUIRE_OK(fs);
  return std::move(fs).value();
}

// `status` is EIO and its message holds `text`.
void ExpectEio(const Status& status, const std::string& text) {
  CHECK_EQ(status.error_number(), EIO);
  if (!Contains(status.message(), text)) {
    ::nydus::test::Fail(__FILE__, __LINE__, "message \"" + Describe(status) + "\" lacks \"" + text + "\"");
  }
}

}  // namespace

TEST("a root without a name opens, and every entry, attribute, xattr and chunk reads as in the fixture") {
  const Bytes base = FixtureBytes();
  REQUIRE(base.size() > 8192);
  const Bytes stripped = WithoutRootName(base);
  CHECK_EQ(stripped.size(), base.size() - 8);
  CHECK_EQ(LoadLe16(stripped.data() + RecordAt(stripped, 1) + kNameSizeField), 0u);
  auto fixture = MustOpen(base);
  auto fs = MustOpen(stripped);
  const std::vector<std::string> want = Dump(*fixture);
  const std::vector<std::string> got = Dump(*fs);
  CHECK(want.size() > 50);
  CHECK_EQ(got.size(), want.size());
  for (size_t i = 0; i < want.size() && i < got.size(); ++i) CHECK_EQ(got[i], want[i]);
  for (const std::string& line : got) CHECK(!Contains(line, "Error") && !Contains(line, "EIO"));
  CHECK_EQ(fs->super().root_ino, 1u);
  // The root's (empty) name is no entry anywhere: "" is not found, ".." of the root is itself.
  CHECK_EQ(fs->Lookup(1, "").status().error_number(), ENOENT);
  auto up = fs->Lookup(1, "..");
  REQUIRE_OK(up);
  CHECK_EQ(up.value(), 1u);
}

TEST("a root whose name size alone is patched to 0 (padding left in place) reads the same") {
  const Bytes base = FixtureBytes();
  auto fs = MustOpen(WithField(base, 1, kNameSizeField, 0, 2));
  CHECK(Dump(*fs) == Dump(*MustOpen(base)));
}

TEST("records nydusd refuses stay EIO next to a root without a name") {
  const Bytes stripped = WithoutRootName(FixtureBytes());
  const auto open_fails = [&](Bytes b, const std::string& text) {
    auto fs = Open(std::move(b));
    REQUIRE(!fs.ok());
    ExpectEio(fs.status(), text);
  };
  open_fails(WithField(stripped, 1, 88, 0, 4), "inode 1: nlink 0");
  open_fails(WithField(stripped, 1, 40, 0, 8), "inode 1: i_ino 0");
  open_fails(WithField(stripped, 1, 40, 2, 8), "inode 1: parent 0 on a non-root inode");
  open_fails(WithField(stripped, 1, 32, 1, 8), "inode 1: parent 1 is not below i_ino 1");
  open_fails(WithField(stripped, 1, 60, 0100755, 4), "inode 1: the root is not a directory");
  open_fails(WithField(stripped, 1, 92, 1, 4), "inode 1: children");
  open_fails(WithField(stripped, 1, kNameSizeField, 300, 2), "inode 1: name size 300 exceeds 256");

  // Any other record without a name is a directory entry without one: refused, in the
  // stripped image and in the fixture, on every operation that decodes it.
  for (const Bytes& base : {stripped, FixtureBytes()}) {
    auto fs = MustOpen(WithField(base, 5, kNameSizeField, 0, 2));
    ExpectEio(fs->GetAttr(5).status(), "inode 5: name size 0");
    const Ino dir = 2;  // /hardlink-test, whose children start at index 5
    ExpectEio(fs->ReadDir(dir, 0, [](const DirEntry&) { return true; }), "inode 5: name size 0");
    ExpectEio(fs->Lookup(dir, "foo").status(), "inode 5: name size 0");
  }
  // A record elsewhere that claims i_ino 1 gets no exemption: only the root record may.
  Bytes claims_root = WithField(WithField(stripped, 3, 40, 1, 8), 3, 32, 0, 8);
  auto fs = MustOpen(WithField(claims_root, 3, kNameSizeField, 0, 2));
  ExpectEio(fs->GetAttr(3).status(), "inode 3: name size 0");
}

TEST("every truncation around a nameless root record fails cleanly") {
  const Bytes stripped = WithoutRootName(FixtureBytes());
  const size_t root = RecordAt(stripped, 1);
  for (size_t size = root - 8; size <= root + 256; ++size) {
    auto fs = Open(Bytes(stripped.begin(), stripped.begin() + static_cast<ptrdiff_t>(size)));
    if (!fs.ok()) continue;
    bool failed = false;
    for (const std::string& line : Dump(*fs.value())) failed = failed || Contains(line, "EIO");
    CHECK(failed);
  }
}

NYDUS_TEST_MAIN()
