// Image: opening a bootstrap (or a data blob carrying one), and the file-range read and
// verify paths that join the RAFS range mapping with the chunk reader or the blob cache;
// prefetch planning (paths -> files -> chunks). Core layer.
#include "image.h"

#include <sys/stat.h>

#include <algorithm>
#include <cstring>
#include <set>

#include "storage/cache_file.h"
#include "storage/localfs_backend.h"
#include "storage/toc.h"

namespace nydus {
namespace {

constexpr uint32_t kBlobExternal = 0x0000'0800;

// "/x/<id>.boot" -> "<id>": strip the directory, then every extension (storage §1.14).
std::string IdFromFileName(const std::string& path) {
  std::string name = path.substr(path.find_last_of('/') + 1);
  const size_t dot = name.find('.');
  return dot == std::string::npos ? name : name.substr(0, dot);
}

}  // namespace

Image::~Image() { StopPrefetch(); }

Result<std::unique_ptr<Image>> Image::Open(const std::string& bootstrap_path, const ImageOptions& options) {
  auto region = ByteRegion::MapFile(bootstrap_path);
  if (!region.ok()) return region.status();
  std::unique_ptr<Image> image(new Image());

  auto fs = rafs::OpenBootstrapRegion(region.value());
  if (!fs.ok() && fs.status().error_number() == EINVAL) {
    // Not a bootstrap: maybe a data blob with the bootstrap inlined (ToC `image.boot`).
    auto inlined = storage::ExtractInlinedBootstrap(region.value()->view());
    if (!inlined.ok()) {
      return Status(EINVAL, bootstrap_path + ": " + fs.status().message() +
                                "; nor a data blob with an inlined bootstrap (" + inlined.status().message() + ")");
    }
    fs = rafs::OpenBootstrapRegion(ByteRegion::FromVector(std::move(inlined).value()));
    image->inlined_ = true;
  }
  if (!fs.ok()) return Status(fs.status().error_number(), bootstrap_path + ": " + fs.status().message());
  image->fs_ = std::move(fs).value();

  // Blob ids that the bootstrap cannot know come from the file name (storage §1.14).
  std::vector<storage::BlobInfo> blobs = image->fs_->super().blobs;
  const std::string file_id = IdFromFileName(bootstrap_path);
  for (storage::BlobInfo& b : blobs) {
    const bool inlined_meta = (b.features & storage::kBlobInlinedFsMeta) &&
                              !(b.features & (storage::kBlobSeparate | kBlobExternal));
    const bool pre22 = image->inlined_ && !(b.features & storage::kBlobCapTarToc);
    if (inlined_meta || pre22) b.blob_id = file_id;
  }

  image->options_ = options;
  image->backend_metrics_ = std::make_shared<storage::BackendMetrics>();
  if (options.backend) {
    image->backend_ = std::make_shared<storage::MeteredBackend>(options.backend, image->backend_metrics_);
  } else {
    LocalFsOptions localfs = options.localfs;
    if (image->inlined_ && localfs.blob_file.empty() && localfs.dir.empty()) localfs.blob_file = bootstrap_path;
    image->backend_ = std::make_shared<storage::MeteredBackend>(
        std::make_unique<storage::LocalFsBackend>(localfs.blob_file, localfs.dir, localfs.alt_dirs),
        image->backend_metrics_);
  }
  storage::ChunkReaderOptions reader_options;
  reader_options.validate_digest = options.validate_digest;
  // Digest arrays only matter for validation; a cached mount without it never fetches them.
  reader_options.load_inlined_digests =
      !options.cache.enabled || options.validate_digest || options.cache.validate;
  image->reader_ = std::make_unique<storage::ChunkReader>(
      blobs, image->backend_.get(), reader_options,
      options.cache.enabled ? storage::AbsolutePath(options.cache.work_dir) : std::string());
  if (options.cache.enabled) {
    // Local files only: the backend is first used by a read or a prefetch thread.
    auto cache = storage::BlobCache::Open(options.cache, options.prefetch, blobs, image->reader_.get(),
                                          image->backend_.get(), options.amplify_io, options.validate_digest);
    if (!cache.ok()) return cache.status();
    image->cache_ = std::move(cache).value();
  }
  return image;
}

Result<size_t> Image::Read(rafs::Ino ino, uint64_t offset, uint8_t* out, size_t length) const {
  auto segments = fs_->MapRange(ino, offset, length);
  if (!segments.ok()) return segments.status();
  if (cache_) return ReadCached(ino, offset, segments.value(), out, length);
  size_t done = 0;
  for (const rafs::IoSegment& seg : segments.value()) {
    // Segments cover the clipped range exactly and in order.
    if (seg.file_offset != offset + done || seg.length > length - done) {
      return Status(EIO, "inode " + std::to_string(ino) + ": chunk map does not cover the read range");
    }
    if (seg.hole) {
      std::memset(out + done, 0, seg.length);
    } else {
      Status st = reader_->ReadSlice(seg.chunk, seg.offset_in_chunk, static_cast<uint32_t>(seg.length), out + done);
      if (!st.ok()) return st;
    }
    done += seg.length;
  }
  return done;
}

Result<size_t> Image::ReadCached(rafs::Ino ino, uint64_t offset, const std::vector<rafs::IoSegment>& segments,
                                 uint8_t* out, size_t length) const {
  std::vector<storage::ReadSlice> slices;
  size_t done = 0;
  for (const rafs::IoSegment& seg : segments) {
    if (seg.file_offset != offset + done || seg.length > length - done) {
      return Status(EIO, "inode " + std::to_string(ino) + ": chunk map does not cover the read range");
    }
    if (seg.hole) {
      std::memset(out + done, 0, seg.length);
    } else {
      slices.push_back({seg.chunk, seg.offset_in_chunk, seg.length, out + done});
    }
    done += seg.length;
  }
  if (slices.empty()) return done;
  storage::BlobCache::AmplifyFn amplify;
  if (options_.amplify_io > 0) {
    // Only the chunks that follow the read in this same file (never other files' chunks).
    const rafs::IoSegment& last = segments.back();
    const uint64_t next = last.hole ? last.file_offset + last.length
                                    : last.file_offset - last.offset_in_chunk + last.chunk.uncompressed_size;
    amplify = [this, ino, next]() {
      std::vector<storage::ChunkRef> refs;
      auto more = fs_->MapRange(ino, next, options_.amplify_io);
      if (!more.ok()) return refs;
      for (const rafs::IoSegment& seg : more.value()) {
        if (!seg.hole) refs.push_back(seg.chunk);
      }
      return refs;
    };
  }
  // A read of a file's first chunk may start the cache's read-ahead across files.
  const bool starts_file = segments.front().file_offset == segments.front().offset_in_chunk;
  Status s = cache_->Read(slices, amplify, starts_file);
  if (!s.ok()) return s;
  return done;
}

Result<VerifyReport> Image::Verify(rafs::Ino ino) const {
  auto attr = fs_->GetAttr(ino);
  if (!attr.ok()) return attr.status();
  VerifyReport report;
  // Map in windows so a huge (or hostile) size never builds one giant segment list.
  constexpr uint64_t kWindow = 64ull << 20;
  const uint64_t size = attr.value().size;
  for (uint64_t pos = 0; pos < size; pos += kWindow) {
    auto segments = fs_->MapRange(ino, pos, std::min(kWindow, size - pos));
    if (!segments.ok()) return segments.status();
    for (const rafs::IoSegment& seg : segments.value()) {
      if (seg.hole) continue;
      report.chunks++;
      auto verified = reader_->ReadAndVerify(seg.chunk);
      if (!verified.ok()) {
        ChunkProblem p;
        p.file_offset = seg.file_offset;
        p.length = seg.length;
        p.chunk = seg.chunk;
        p.blob_id = seg.chunk.blob_index < blobs().size() ? blobs()[seg.chunk.blob_index].blob_id : "";
        p.status = verified.status();
        report.problems.push_back(std::move(p));
        continue;
      }
      if (verified.value().digest_checked) report.digest_checked++;
      if (verified.value().crc_checked) report.crc_checked++;
    }
  }
  return report;
}

// --- prefetch ----------------------------------------------------------------------------

Status Image::StartPrefetch(const std::vector<std::string>& paths) const {
  if (!cache_ || !options_.prefetch.enable) return Status::Ok();
  return cache_->StartPrefetch(
      [this, paths](storage::PrefetchPlan& plan) { PlanPrefetch(paths, plan); });
}

void Image::StopPrefetch() const {
  if (cache_) cache_->StopPrefetch();
}

storage::CacheMetricsSnapshot Image::cache_metrics() const {
  return cache_ ? cache_->Metrics() : storage::CacheMetricsSnapshot{};
}

// Runs on the prefetch planner thread: resolves the prefetch list to regular files and hands
// their chunks to the cache (storage §4.7 steps 2-3).
void Image::PlanPrefetch(const std::vector<std::string>& paths, storage::PrefetchPlan& plan) const {
  const rafs::Ino root = fs_->super().root_ino;
  bool all = options_.prefetch.prefetch_all;
  std::vector<rafs::Ino> targets;
  if (!paths.empty()) {
    for (const std::string& path : paths) {
      rafs::Ino ino = root;
      bool found = true;
      size_t pos = 0;
      while (found && pos < path.size()) {
        const size_t slash = path.find('/', pos);
        const std::string name = path.substr(pos, slash == std::string::npos ? std::string::npos : slash - pos);
        pos = slash == std::string::npos ? path.size() : slash + 1;
        if (name.empty() || name == ".") continue;
        auto child = fs_->Lookup(ino, name);
        found = child.ok();
        if (found) ino = child.value();
      }
      if (!found) continue;  // unknown paths are skipped
      if (ino == root) {
        all = true;
      } else {
        targets.push_back(ino);
      }
    }
  } else {
    const std::vector<rafs::Ino>& table = fs_->super().prefetch;
    if (table.size() == 1 && table[0] == root) {
      all = true;  // "inlay prefetch all"
    } else {
      targets = table;
    }
  }

  std::set<rafs::Ino> files, dirs;
  // Every non-empty regular file at or below `start`, each inode once.
  auto walk = [&](rafs::Ino start) {
    std::vector<rafs::Ino> stack{start};
    while (!stack.empty() && !plan.stopped()) {
      const rafs::Ino ino = stack.back();
      stack.pop_back();
      auto attr = fs_->GetAttr(ino);
      if (!attr.ok()) continue;
      if (S_ISDIR(attr.value().mode)) {
        if (!dirs.insert(ino).second) continue;
        std::vector<rafs::Ino> children;
        (void)fs_->ReadDir(ino, 0, [&](const rafs::DirEntry& e) {
          if (e.name != "." && e.name != "..") children.push_back(e.ino);
          return true;
        });
        for (auto it = children.rbegin(); it != children.rend(); ++it) stack.push_back(*it);
        continue;
      }
      if (!S_ISREG(attr.value().mode) || attr.value().size == 0 || !files.insert(ino).second) continue;
      constexpr uint64_t kWindow = 64ull << 20;
      for (uint64_t pos = 0; pos < attr.value().size && !plan.stopped(); pos += kWindow) {
        auto segments = fs_->MapRange(ino, pos, std::min(kWindow, attr.value().size - pos));
        if (!segments.ok()) break;
        for (const rafs::IoSegment& seg : segments.value()) {
          if (!seg.hole) plan.AddChunk(seg.chunk);
        }
      }
    }
  };
  for (rafs::Ino ino : targets) {
    if (ino != 0) walk(ino);
  }
  if (!all || plan.stopped()) return;
  bool walk_root = fs_->super().version == rafs::Version::kV5;
  if (!walk_root) {
    for (uint32_t b = 0; b < blobs().size() && !plan.stopped(); ++b) {
      if (!plan.AddWholeBlob(b)) walk_root = true;
    }
  }
  if (walk_root) walk(root);
}

}  // namespace nydus
