// LocalFsBackend: data blobs as files in local directories (storage spec §3.2): a single
// `blob_file` for every id, or `<dir>/<blob_id>` with `alt_dirs` fallbacks. Core layer.
// Thread-safety: every method may be called concurrently; each blob is opened once
// (read-only) and its fd cached for the backend's lifetime; reads are pread.
#pragma once

#include <cstdint>
#include <map>
#include <memory>
#include <mutex>
#include <string>
#include <vector>

#include "status.h"
#include "storage/blob_backend.h"

namespace nydus::storage {

struct LocalFsConfig {
  std::string blob_file;               // when set, every blob id reads this file
  std::string dir;                     // else <dir>/<blob_id>
  std::vector<std::string> alt_dirs;   // fallbacks when <dir>/<blob_id> is missing or empty
};

// True when `blob_id` may name a file inside a blob directory: non-empty, no '/', no NUL,
// not "." or "..".
bool IsSafeBlobId(const std::string& blob_id);

class LocalFsBackend final : public BlobBackend {
 public:
  // EINVAL when neither blob_file nor dir is set.
  static Result<std::unique_ptr<LocalFsBackend>> Create(LocalFsConfig config);
  // Unchecked form: with neither blob_file nor dir set, every call fails with EINVAL.
  LocalFsBackend(std::string blob_file, std::string dir, std::vector<std::string> alt_dirs);
  ~LocalFsBackend() override;
  LocalFsBackend(const LocalFsBackend&) = delete;
  LocalFsBackend& operator=(const LocalFsBackend&) = delete;

  // EINVAL for an unsafe id; ENOENT naming the id and every place searched.
  Result<uint64_t> BlobSize(const std::string& blob_id) override;
  // EIO "blob <id>: expected N bytes at offset O, got M" when the file is too short.
  Status ReadAt(const std::string& blob_id, uint64_t offset, uint8_t* buf, size_t length,
                ReadSource source = ReadSource::kOnDemand) override;

  // The canonical path `blob_id` resolves to (§3.2 rules), without opening it.
  Result<std::string> ResolvePath(const std::string& blob_id) const;

 private:
  class OpenBlob;  // RAII fd + size
  Result<std::shared_ptr<const OpenBlob>> Open(const std::string& blob_id);

  const LocalFsConfig config_;
  std::mutex mu_;  // guards open_ (the fd cache); never held during a read
  std::map<std::string, std::shared_ptr<const OpenBlob>> open_;
};

}  // namespace nydus::storage
