// ObjectTable: what the on-demand handler may serve, registered by the blob cache manager (JS)
// per blob cache entry (daemon spec §6.1): bootstrap objects by "<domain>/<fsid>" (served from
// the bootstrap file) and data blob objects by "<domain>/<blob id>" (served from an Image's
// blob device view). Core layer (cachefiles).
// Thread-safety: every method may be called from any thread; `mu_` guards the map only (a leaf
// lock: nothing else is locked or waited for while it is held).
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

// One registered source; immutable once registered (a new registration replaces the pointer).
struct ObjectSource {
  enum class Kind { kBootstrap, kDataBlob };
  Kind kind = Kind::kBootstrap;
  std::string key;
  std::string bootstrap_path;           // kBootstrap
  std::shared_ptr<const Image> image;   // kDataBlob: the image whose blob table holds the blob
  uint32_t blob_index = 0;              // kDataBlob
};

class ObjectTable {
 public:
  // Key GenerateKey(domain, fsid). EINVAL for an empty fsid, a '/' in either part, or a relative
  // path. Registering a key again replaces its source; objects already open keep the old one.
  Status RegisterBootstrap(const std::string& domain, const std::string& fsid, const std::string& bootstrap_path);
  // Key GenerateKey(domain, blob_id). EINVAL when `blob_index` is not in the image's blob table,
  // that entry's id is not `blob_id`, or the blob has no chunk-info array (no device view).
  Status RegisterBlob(const std::string& domain, const std::string& blob_id, std::shared_ptr<const Image> image,
                      uint32_t blob_index);
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
