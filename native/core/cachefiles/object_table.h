// ObjectTable: what the on-demand handler may serve, registered by the blob cache manager (JS)
// per blob cache entry (daemon spec §6.1): bootstrap objects by "<domain>/<fsid>" (served from
// the bootstrap file) and data blob objects by "<domain>/<blob id>" (served from an Image's
// blob device view). Core layer (cachefiles).
// Data blob objects may be prefetched: filled whole in the background after their OPEN (§6.3
// step 5). Thread-safety: every method may be called from any thread; `mu_` guards the map only
// (a leaf lock: nothing else is locked or waited for while it is held).
#pragma once

#include <cstdint>
#include <map>
#include <memory>
#include <mutex>
#include <string>
#include <vector>

#include "image.h"
#include "status.h"

namespace nydus::cachefiles {

constexpr uint64_t kDefaultPrefetchWindow = 1 << 20;
constexpr uint64_t kMaxPrefetchWindow = 256 << 20;  // the largest batch_size a config may give

// The prefetch window of `cache.prefetch.batch_size` (daemon spec §6.3 step 5):
// max(256 KiB, next_power_of_two(batch_size)), 1 MiB for 0 and 1, at most kMaxPrefetchWindow.
uint64_t PrefetchWindow(uint64_t batch_size);

// How a data blob object is prefetched. `window` (bytes the filler asks for per step, widened to
// whole chunks) is normally PrefetchWindow(batch_size); any multiple of 4 KiB up to
// kMaxPrefetchWindow is accepted (tests use small ones to get several steps from a small blob).
struct BlobPrefetch {
  bool enable = false;
  uint64_t window = kDefaultPrefetchWindow;
};

// One registered source; immutable once registered (a new registration replaces the pointer).
struct ObjectSource {
  enum class Kind { kBootstrap, kDataBlob };
  Kind kind = Kind::kBootstrap;
  std::string key;
  std::string bootstrap_path;           // kBootstrap
  std::shared_ptr<const Image> image;   // kDataBlob: the image whose blob table holds the blob
  uint32_t blob_index = 0;              // kDataBlob
  bool prefetch = false;                // kDataBlob: fill the whole object after its OPEN
  uint64_t prefetch_window = kDefaultPrefetchWindow;  // kDataBlob: bytes per prefetch step
};

class ObjectTable {
 public:
  // Key GenerateKey(domain, fsid). EINVAL for an empty fsid, a '/' in either part, or a relative
  // path. Registering a key again replaces its source; objects already open keep the old one.
  Status RegisterBootstrap(const std::string& domain, const std::string& fsid, const std::string& bootstrap_path);
  // Key GenerateKey(domain, blob_id). EINVAL when `blob_index` is not in the image's blob table,
  // that entry's id is not `blob_id`, the blob has no chunk-info array (no device view), or
  // `prefetch.window` is not a multiple of 4 KiB in (0, kMaxPrefetchWindow].
  Status RegisterBlob(const std::string& domain, const std::string& blob_id, std::shared_ptr<const Image> image,
                      uint32_t blob_index, const BlobPrefetch& prefetch = {});
  // Removes `key`; false when it was not registered.
  bool Unregister(const std::string& key);
  // The source for `key`, or null.
  std::shared_ptr<const ObjectSource> Find(const std::string& key) const;
  std::vector<std::string> Keys() const;

 private:
  Status Put(std::shared_ptr<const ObjectSource> source);

  mutable std::mutex mu_;  // guards sources_
  std::map<std::string, std::shared_ptr<const ObjectSource>> sources_;
};

}  // namespace nydus::cachefiles
