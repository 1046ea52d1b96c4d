// libFuzzer target for the RAFS bootstrap parsers (v5 and v6): opens the input as a
// bootstrap and walks it the way a FUSE session would (lookup, getattr, readdir, readlink,
// xattrs, range mapping), bounded in depth and count. Core layer, fuzzing only.
#include <sys/stat.h>

#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

#include "rafs/filesystem.h"

namespace {

using nydus::rafs::Filesystem;
using nydus::rafs::Ino;

constexpr int kMaxDepth = 12;
constexpr int kMaxEntries = 2000;

void Visit(const Filesystem& fs, Ino ino, int depth, int& budget) {
  if (depth > kMaxDepth || budget <= 0) return;
  auto attr = fs.GetAttr(ino);
  if (!attr.ok()) return;
  const uint32_t mode = attr.value().mode;
  (void)fs.ListXattrs(ino);
  (void)fs.GetXattr(ino, "user.foo");
  if (S_ISLNK(mode)) {
    (void)fs.ReadLink(ino);
  } else if (S_ISREG(mode)) {
    (void)fs.MapRange(ino, 0, attr.value().size);
    (void)fs.MapRange(ino, attr.value().size / 2, 4096);
  } else if (S_ISDIR(mode)) {
    std::vector<std::pair<std::string, Ino>> children;
    (void)fs.ReadDir(ino, 0, [&](const nydus::rafs::DirEntry& e) {
      if (--budget <= 0) return false;
      if (e.name != "." && e.name != "..") children.emplace_back(e.name, e.ino);
      return true;
    });
    (void)fs.ReadDir(ino, 3, [&](const nydus::rafs::DirEntry&) { return --budget > 0; });
    for (const auto& [name, child] : children) {
      auto found = fs.Lookup(ino, name);
      if (found.ok()) Visit(fs, found.value(), depth + 1, budget);
      if (budget <= 0) return;
    }
    (void)fs.Lookup(ino, "..");
    (void)fs.Lookup(ino, "does-not-exist");
  }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::vector<uint8_t> bytes(data, data + size);
  auto fs = nydus::rafs::OpenBootstrapRegion(nydus::ByteRegion::FromVector(std::move(bytes)));
  if (!fs.ok()) return 0;
  int budget = kMaxEntries;
  Visit(*fs.value(), fs.value()->super().root_ino, 0, budget);
  return 0;
}
