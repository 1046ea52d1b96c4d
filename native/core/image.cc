// Image: opening a bootstrap (or a data blob carrying one), and the file-range read and
// verify paths that join the RAFS range mapping with the chunk reader. Core layer.
#include "image.h"

#include <algorithm>
#include <cstring>

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

Image::~Image() = default;

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

  LocalFsOptions localfs = options.localfs;
  if (image->inlined_ && localfs.blob_file.empty() && localfs.dir.empty()) localfs.blob_file = bootstrap_path;
  image->backend_metrics_ = std::make_shared<storage::BackendMetrics>();
  image->backend_ = std::make_unique<storage::MeteredBackend>(
      std::make_unique<storage::LocalFsBackend>(localfs.blob_file, localfs.dir, localfs.alt_dirs),
      image->backend_metrics_);
  storage::ChunkReaderOptions reader_options;
  reader_options.validate_digest = options.validate_digest;
  image->reader_ = std::make_unique<storage::ChunkReader>(std::move(blobs), image->backend_.get(), reader_options);
  return image;
}

Result<size_t> Image::Read(rafs::Ino ino, uint64_t offset, uint8_t* out, size_t length) const {
  auto segments = fs_->MapRange(ino, offset, length);
  if (!segments.ok()) return segments.status();
  size_t done = 0;
  for (const rafs::IoSegment& seg : segments.value()) {
    // Segments cover the clipped range exactly and in order.
    if (seg.file_offset != offset + done || seg.length > length - done) {
      return Status(EIO, "inode " + std::to_string(ino) + ": chunk map does not cover the read range");
    }
    if (seg.hole) {
      std::memset(out + done, 0, seg.length);
    } else {
      auto data = reader_->ReadChunk(seg.chunk);
      if (!data.ok()) return data.status();
      const std::vector<uint8_t>& plain = data.value();
      if (static_cast<uint64_t>(seg.offset_in_chunk) + seg.length > plain.size()) {
        return Status(EIO, "inode " + std::to_string(ino) + ": chunk " + std::to_string(seg.chunk.index) +
                               " of blob " + std::to_string(seg.chunk.blob_index) + " is shorter than the file expects");
      }
      std::memcpy(out + done, plain.data() + seg.offset_in_chunk, seg.length);
    }
    done += seg.length;
  }
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

}  // namespace nydus
