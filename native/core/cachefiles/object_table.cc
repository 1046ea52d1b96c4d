// ObjectTable: registration of bootstrap and data blob sources. Core layer (cachefiles).
#include "cachefiles/object_table.h"

#include "cachefiles/protocol.h"

namespace nydus::cachefiles {
namespace {

Status CheckKeyParts(const std::string& domain, const std::string& id, const char* what) {
  if (id.empty()) return Status(EINVAL, std::string("empty ") + what);
  if (id.find('/') != std::string::npos || domain.find('/') != std::string::npos) {
    return Status(EINVAL, std::string("domain and ") + what + " must not contain '/' ('" + domain + "', '" + id + "')");
  }
  return Status::Ok();
}

}  // namespace

uint64_t PrefetchWindow(uint64_t batch_size) {
  constexpr uint64_t kMinWindow = 256 << 10;
  if (batch_size <= 1) return kDefaultPrefetchWindow;
  if (batch_size >= kMaxPrefetchWindow) return kMaxPrefetchWindow;
  uint64_t window = kMinWindow;
  while (window < batch_size) window <<= 1;
  return window;
}

Status ObjectTable::RegisterBootstrap(const std::string& domain, const std::string& fsid,
                                      const std::string& bootstrap_path) {
  Status s = CheckKeyParts(domain, fsid, "fsid");
  if (!s.ok()) return s;
  if (bootstrap_path.empty() || bootstrap_path[0] != '/') {
    return Status(EINVAL, "bootstrap path '" + bootstrap_path + "' is not absolute");
  }
  auto source = std::make_shared<ObjectSource>();
  source->kind = ObjectSource::Kind::kBootstrap;
  source->key = GenerateKey(domain, fsid);
  source->bootstrap_path = bootstrap_path;
  return Put(std::move(source));
}

Status ObjectTable::RegisterBlob(const std::string& domain, const std::string& blob_id,
                                 std::shared_ptr<const Image> image, uint32_t blob_index,
                                 const BlobPrefetch& prefetch) {
  Status s = CheckKeyParts(domain, blob_id, "blob id");
  if (!s.ok()) return s;
  if (!image) return Status(EINVAL, "no image for blob " + blob_id);
  const std::vector<storage::BlobInfo>& blobs = image->blobs();
  if (blob_index >= blobs.size()) {
    return Status(EINVAL, "blob index " + std::to_string(blob_index) + " is not in the image's blob table (" +
                              std::to_string(blobs.size()) + " blobs)");
  }
  if (blobs[blob_index].blob_id != blob_id) {
    return Status(EINVAL, "blob " + std::to_string(blob_index) + " of the image is " + blobs[blob_index].blob_id +
                              ", not " + blob_id);
  }
  if (!blobs[blob_index].has_blob_meta()) {
    return Status(EINVAL, "blob " + blob_id + " has no chunk-info array, so EROFS cannot read it (RAFS v6 only)");
  }
  if (prefetch.window == 0 || prefetch.window % 4096 != 0 || prefetch.window > kMaxPrefetchWindow) {
    return Status(EINVAL, "prefetch window " + std::to_string(prefetch.window) +
                              " is not a multiple of 4096 between 4096 and " + std::to_string(kMaxPrefetchWindow));
  }
  auto source = std::make_shared<ObjectSource>();
  source->kind = ObjectSource::Kind::kDataBlob;
  source->key = GenerateKey(domain, blob_id);
  source->image = std::move(image);
  source->blob_index = blob_index;
  source->prefetch = prefetch.enable;
  source->prefetch_window = prefetch.window;
  return Put(std::move(source));
}

Status ObjectTable::Put(std::shared_ptr<const ObjectSource> source) {
  std::lock_guard<std::mutex> lock(mu_);
  sources_[source->key] = std::move(source);
  return Status::Ok();
}

bool ObjectTable::Unregister(const std::string& key) {
  std::lock_guard<std::mutex> lock(mu_);
  return sources_.erase(key) > 0;
}

std::shared_ptr<const ObjectSource> ObjectTable::Find(const std::string& key) const {
  std::lock_guard<std::mutex> lock(mu_);
  auto it = sources_.find(key);
  return it == sources_.end() ? nullptr : it->second;
}

std::vector<std::string> ObjectTable::Keys() const {
  std::lock_guard<std::mutex> lock(mu_);
  std::vector<std::string> keys;
  for (const auto& [key, source] : sources_) keys.push_back(key);
  return keys;
}

}  // namespace nydus::cachefiles
