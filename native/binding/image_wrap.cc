// The JS Image class: argument reading, conversion of core values to JS objects, and the
// async read/verify jobs. Binding layer.
#include "image_wrap.h"

#include <cmath>
#include <string>
#include <vector>

#include "bytes_worker.h"
#include "native_error.h"
#include "storage/unix_http_backend.h"

namespace nydus::binding {
namespace {

std::string Hex(const storage::Digest& d) {
  static const char kDigits[] = "0123456789abcdef";
  std::string out;
  for (uint8_t b : d) {
    out.push_back(kDigits[b >> 4]);
    out.push_back(kDigits[b & 15]);
  }
  return out;
}

Napi::Value Num(Napi::Env env, uint64_t v) { return Napi::Number::New(env, static_cast<double>(v)); }

// A JS string of raw name bytes (UTF-8 decoded; invalid sequences become U+FFFD).
Napi::String Str(Napi::Env env, const std::string& bytes) { return Napi::String::New(env, bytes); }

std::optional<uint64_t> InoArg(const Napi::CallbackInfo& info, size_t index) {
  std::optional<size_t> v = SizeArg(info, index, "ino");
  if (!v) return std::nullopt;
  return static_cast<uint64_t>(*v);
}

Napi::Object ChunkToJs(Napi::Env env, const storage::ChunkRef& c) {
  Napi::Object o = Napi::Object::New(env);
  o.Set("blobIndex", Num(env, c.blob_index));
  o.Set("index", Num(env, c.index));
  o.Set("uncompressedOffset", Num(env, c.uncompressed_offset));
  o.Set("uncompressedSize", Num(env, c.uncompressed_size));
  o.Set("hasDetails", Napi::Boolean::New(env, c.has_details));
  o.Set("flags", Num(env, c.flags));
  o.Set("compressedOffset", Num(env, c.compressed_offset));
  o.Set("compressedSize", Num(env, c.compressed_size));
  o.Set("digest", Napi::String::New(env, Hex(c.digest)));
  o.Set("crc32", Num(env, c.crc32));
  return o;
}

Napi::Object BlobToJs(Napi::Env env, const storage::BlobInfo& b) {
  Napi::Object o = Napi::Object::New(env);
  o.Set("index", Num(env, b.index));
  o.Set("blobId", Napi::String::New(env, b.blob_id));
  o.Set("compressor", Napi::String::New(env, std::string(storage::CompressionName(b.compression))));
  o.Set("digester", Napi::String::New(env, std::string(storage::DigestName(b.digest))));
  o.Set("features", Num(env, b.features));
  o.Set("chunkSize", Num(env, b.chunk_size));
  o.Set("chunkCount", Num(env, b.chunk_count));
  o.Set("compressedSize", Num(env, b.compressed_size));
  o.Set("uncompressedSize", Num(env, b.uncompressed_size));
  o.Set("readaheadOffset", Num(env, b.readahead_offset));
  o.Set("readaheadSize", Num(env, b.readahead_size));
  o.Set("ciCompressor", Num(env, b.ci_compressor));
  o.Set("ciOffset", Num(env, b.ci_offset));
  o.Set("ciCompressedSize", Num(env, b.ci_compressed_size));
  o.Set("ciUncompressedSize", Num(env, b.ci_uncompressed_size));
  o.Set("tocSize", Num(env, b.toc_size));
  o.Set("tocDigest", Napi::String::New(env, Hex(b.toc_digest)));
  o.Set("cipher", Num(env, b.cipher));
  o.Set("deviceBlocks", Num(env, b.device_blocks));
  o.Set("mappedBlkaddr", Num(env, b.mapped_blkaddr));
  return o;
}

// A pool job whose result is converted to JS on the JS thread.
template <typename T>
class ValueWorker final : public Napi::AsyncWorker {
 public:
  using Job = std::function<Result<T>()>;
  using Convert = std::function<Napi::Value(Napi::Env, T&)>;

  static Napi::Promise Run(Napi::Env env, const char* name, Job job, Convert convert) {
    auto* w = new ValueWorker(env, name, std::move(job), std::move(convert));
    Napi::Promise p = w->deferred_.Promise();
    w->Queue();
    return p;
  }
  void Execute() override { result_.emplace(job_()); }
  void OnOK() override {
    Napi::Env env = Env();
    if (!result_ || !result_->ok()) {
      deferred_.Reject(MakeError(env, result_ ? result_->status() : Status(EIO, "job did not run")).Value());
      return;
    }
    deferred_.Resolve(convert_(env, result_->value()));
  }

 private:
  ValueWorker(Napi::Env env, const char* name, Job job, Convert convert)
      : Napi::AsyncWorker(env, name), deferred_(Napi::Promise::Deferred::New(env)),
        job_(std::move(job)), convert_(std::move(convert)) {}
  Napi::Promise::Deferred deferred_;
  Job job_;
  Convert convert_;
  std::optional<Result<T>> result_;  // written by Execute (pool), read by OnOK (JS thread)
};

constexpr size_t kMaxRead = 64u << 20;  // one read() call returns at most 64 MiB

// True when `r` holds a value; otherwise its status is thrown as a pending JS exception.
template <typename T>
bool Ok(Napi::Env env, const Result<T>& r) {
  if (!r.ok()) ThrowStatus(env, r.status());
  return r.ok();
}

Napi::Buffer<uint8_t> BytesToJs(Napi::Env env, const std::string& bytes) {
  return Napi::Buffer<uint8_t>::Copy(env, reinterpret_cast<const uint8_t*>(bytes.data()), bytes.size());
}


// ImageOptions from the (already validated, see src/native/image.ts) JS options object;
// the JS backend object is handled by the constructor.
ImageOptions OptionsOf(Napi::Object o) {
  ImageOptions options;
  options.localfs.blob_file = StrOpt(o, "blobFile");
  options.localfs.dir = StrOpt(o, "dir");
  Napi::Value alt = o.Get("altDirs");
  if (alt.IsArray()) {
    Napi::Array a = alt.As<Napi::Array>();
    for (uint32_t i = 0; i < a.Length(); i++) {
      Napi::Value v = a.Get(i);
      if (v.IsString()) options.localfs.alt_dirs.push_back(v.As<Napi::String>().Utf8Value());
    }
  }
  options.validate_digest = BoolOpt(o, "validate", false);
  options.amplify_io = NumOpt(o, "amplifyIo", options.amplify_io);
  Napi::Value cache = o.Get("cache");
  if (cache.IsObject()) {
    Napi::Object c = cache.As<Napi::Object>();
    options.cache.enabled = true;
    options.cache.work_dir = StrOpt(c, "workDir");
    options.cache.compressed = BoolOpt(c, "compressed", false);
    options.cache.validate = BoolOpt(c, "validate", false);
    options.cache.disable_indexed_map = BoolOpt(c, "disableIndexedMap", false);
  }
  Napi::Value unix_http = o.Get("unixHttp");
  if (unix_http.IsObject()) {
    // http-proxy on a Unix socket, spoken natively (src/config/image-options.ts decides when).
    Napi::Object u = unix_http.As<Napi::Object>();
    storage::UnixHttpConfig http;
    http.socket_path = StrOpt(u, "socket");
    http.path = StrOpt(u, "path");
    http.timeout_ms = NumOpt(u, "timeoutMs", 0);
    http.connect_timeout_ms = NumOpt(u, "connectTimeoutMs", 0);
    http.retry_limit = static_cast<uint32_t>(NumOpt(u, "retryLimit", 0));
    Napi::Value headers = u.Get("headers");
    if (headers.IsArray()) {
      Napi::Array a = headers.As<Napi::Array>();
      for (uint32_t i = 0; i < a.Length(); i++) {
        Napi::Value v = a.Get(i);
        if (v.IsString()) http.headers.push_back(v.As<Napi::String>().Utf8Value());
      }
    }
    options.backend = std::make_shared<storage::UnixHttpBackend>(std::move(http));
  }
  Napi::Value prefetch = o.Get("prefetch");
  if (prefetch.IsObject()) {
    Napi::Object p = prefetch.As<Napi::Object>();
    options.prefetch.enable = BoolOpt(p, "enable", false);
    options.prefetch.threads = static_cast<uint32_t>(NumOpt(p, "threads", options.prefetch.threads));
    options.prefetch.batch_size = NumOpt(p, "batchSize", options.prefetch.batch_size);
    options.prefetch.bandwidth_limit = NumOpt(p, "bandwidthLimit", 0);
    options.prefetch.prefetch_all = BoolOpt(p, "prefetchAll", false);
  }
  return options;
}
}  // namespace

Napi::Function ImageWrap::Define(Napi::Env env) {
  return DefineClass(env, "Image",
                     {InstanceMethod<&ImageWrap::Superblock>("superblock"),
                      InstanceMethod<&ImageWrap::Lookup>("lookup"),
                      InstanceMethod<&ImageWrap::GetAttr>("getattr"),
                      InstanceMethod<&ImageWrap::ReadDir>("readdir"),
                      InstanceMethod<&ImageWrap::ReadLink>("readlink"),
                      InstanceMethod<&ImageWrap::ListXattrs>("listxattr"),
                      InstanceMethod<&ImageWrap::GetXattr>("getxattr"),
                      InstanceMethod<&ImageWrap::MapRange>("mapRange"),
                      InstanceMethod<&ImageWrap::Read>("read"),
                      InstanceMethod<&ImageWrap::Verify>("verify"),
                      InstanceMethod<&ImageWrap::StartPrefetch>("startPrefetch"),
                      InstanceMethod<&ImageWrap::CacheMetrics>("cacheMetrics"),
                      InstanceMethod<&ImageWrap::Close>("close")});
}

namespace {
// Marks JS objects made by this class, so Shared() never unwraps a foreign object.
constexpr napi_type_tag kImageTypeTag = {0x6e79647573696d67ull, 0x8d3c2a41f0e5b719ull};
}  // namespace

std::shared_ptr<const Image> ImageWrap::Shared(Napi::Value v) {
  if (!v.IsObject()) return nullptr;
  Napi::Object o = v.As<Napi::Object>();
  if (!o.CheckTypeTag(&kImageTypeTag)) return nullptr;
  return Unwrap(o)->image_;
}

ImageWrap::ImageWrap(const Napi::CallbackInfo& info) : Napi::ObjectWrap<ImageWrap>(info) {
  info.This().As<Napi::Object>().TypeTag(&kImageTypeTag);
  std::optional<std::string> path = StringArg(info, 0, "bootstrap");
  if (!path) return;
  ImageOptions options;
  if (info.Length() > 1 && info[1].IsObject()) {
    Napi::Object o = info[1].As<Napi::Object>();
    options = OptionsOf(o);
    Napi::Value backend = o.Get("backend");
    if (backend.IsObject()) {
      js_backend_ = JsBackend::Create(info.Env(), backend.As<Napi::Object>(), NumOpt(o, "backendWaitMs", 0));
      options.backend = js_backend_;
    }
  }
  Result<std::unique_ptr<Image>> image = Image::Open(*path, options);
  if (!image.ok()) {
    if (js_backend_) js_backend_->Abort("the image failed to open");
    ThrowStatus(info.Env(), image.status());
    return;
  }
  owned_ = std::shared_ptr<Image>(std::move(image).value());
  image_ = owned_;
}

ImageWrap::~ImageWrap() {
  // A prefetch thread waiting for a JS backend answer must not hold up the image's
  // destruction (which may run on the JS thread): fail its wait first.
  if (js_backend_) js_backend_->Abort("the image is closed");
}

const Image* ImageWrap::Get(const Napi::CallbackInfo& info) {
  if (!image_) ThrowStatus(info.Env(), Status(EBADF, "image is closed"));
  return image_.get();
}

std::optional<ImageWrap::Target> ImageWrap::TargetArg(const Napi::CallbackInfo& info) {
  const Image* image = Get(info);
  if (!image) return std::nullopt;
  std::optional<uint64_t> ino = InoArg(info, 0);
  if (!ino) return std::nullopt;
  return Target{image, *ino};
}

Napi::Value ImageWrap::Superblock(const Napi::CallbackInfo& info) {
  const Image* image = Get(info);
  if (!image) return info.Env().Undefined();
  Napi::Env env = info.Env();
  const rafs::SuperInfo& s = image->super();
  Napi::Object o = Napi::Object::New(env);
  o.Set("version", Num(env, static_cast<uint32_t>(s.version)));
  o.Set("flags", Num(env, s.flags));
  o.Set("compressor", Napi::String::New(env, std::string(storage::CompressionName(s.compression))));
  o.Set("digester", Napi::String::New(env, std::string(storage::DigestName(s.digest))));
  o.Set("chunkSize", Num(env, s.chunk_size));
  o.Set("blockSize", Num(env, s.block_size));
  o.Set("inodesCount", Num(env, s.inodes_count));
  o.Set("rootIno", Num(env, s.root_ino));
  o.Set("bootstrapSize", Num(env, s.bootstrap_size));
  o.Set("inlinedBootstrap", Napi::Boolean::New(env, image->inlined_bootstrap()));
  Napi::Object fields = Napi::Object::New(env);
  for (const auto& [name, value] : s.fields) fields.Set(name, Num(env, value));
  o.Set("fields", fields);
  const std::vector<storage::BlobInfo>& table = image->blobs();
  Napi::Array blobs = Napi::Array::New(env, table.size());
  for (size_t i = 0; i < table.size(); i++) blobs.Set(static_cast<uint32_t>(i), BlobToJs(env, table[i]));
  o.Set("blobs", blobs);
  Napi::Array prefetch = Napi::Array::New(env, s.prefetch.size());
  for (size_t i = 0; i < s.prefetch.size(); i++) prefetch.Set(static_cast<uint32_t>(i), Num(env, s.prefetch[i]));
  o.Set("prefetch", prefetch);
  return o;
}

Napi::Value ImageWrap::Lookup(const Napi::CallbackInfo& info) {
  Napi::Env env = info.Env();
  auto t = TargetArg(info);
  if (!t) return env.Undefined();
  std::optional<std::string> name = StringArg(info, 1, "name");
  if (!name) return env.Undefined();
  Result<rafs::Ino> ino = t->image->fs().Lookup(t->ino, *name);
  return Ok(env, ino) ? Num(env, ino.value()) : env.Undefined();
}

Napi::Value ImageWrap::GetAttr(const Napi::CallbackInfo& info) {
  Napi::Env env = info.Env();
  auto t = TargetArg(info);
  if (!t) return env.Undefined();
  Result<rafs::Attr> attr = t->image->fs().GetAttr(t->ino);
  if (!Ok(env, attr)) return env.Undefined();
  const rafs::Attr& a = attr.value();
  Napi::Object o = Napi::Object::New(env);
  o.Set("ino", Num(env, a.ino));
  o.Set("mode", Num(env, a.mode));
  o.Set("nlink", Num(env, a.nlink));
  o.Set("uid", Num(env, a.uid));
  o.Set("gid", Num(env, a.gid));
  o.Set("rdev", Num(env, a.rdev));
  o.Set("size", Num(env, a.size));
  o.Set("blocks", Num(env, a.blocks));
  o.Set("mtime", Num(env, a.mtime));
  o.Set("mtimeNsec", Num(env, a.mtime_nsec));
  return o;
}

Napi::Value ImageWrap::ReadDir(const Napi::CallbackInfo& info) {
  Napi::Env env = info.Env();
  auto t = TargetArg(info);
  if (!t) return env.Undefined();
  std::optional<size_t> offset = SizeArg(info, 1, "offset");
  if (!offset) return env.Undefined();
  std::optional<size_t> limit = SizeArg(info, 2, "limit");
  if (!limit) return env.Undefined();
  Napi::Array out = Napi::Array::New(env);
  uint32_t n = 0;
  Status s = t->image->fs().ReadDir(t->ino, *offset, [&](const rafs::DirEntry& e) {
    if (n >= *limit) return false;
    Napi::Object o = Napi::Object::New(env);
    o.Set("name", Str(env, e.name));
    o.Set("ino", Num(env, e.ino));
    o.Set("type", Num(env, e.type));
    o.Set("nextOffset", Num(env, e.next_offset));
    out.Set(n++, o);
    return true;
  });
  if (!s.ok()) {
    ThrowStatus(env, s);
    return env.Undefined();
  }
  return out;
}

Napi::Value ImageWrap::ReadLink(const Napi::CallbackInfo& info) {
  Napi::Env env = info.Env();
  auto t = TargetArg(info);
  if (!t) return env.Undefined();
  Result<std::string> target = t->image->fs().ReadLink(t->ino);
  if (!Ok(env, target)) return env.Undefined();
  return BytesToJs(env, target.value());
}

Napi::Value ImageWrap::ListXattrs(const Napi::CallbackInfo& info) {
  Napi::Env env = info.Env();
  auto t = TargetArg(info);
  if (!t) return env.Undefined();
  Result<std::vector<std::string>> names = t->image->fs().ListXattrs(t->ino);
  if (!Ok(env, names)) return env.Undefined();
  Napi::Array out = Napi::Array::New(env, names.value().size());
  for (size_t i = 0; i < names.value().size(); i++) out.Set(static_cast<uint32_t>(i), Str(env, names.value()[i]));
  return out;
}

Napi::Value ImageWrap::GetXattr(const Napi::CallbackInfo& info) {
  Napi::Env env = info.Env();
  auto t = TargetArg(info);
  if (!t) return env.Undefined();
  std::optional<std::string> name = StringArg(info, 1, "name");
  if (!name) return env.Undefined();
  Result<std::string> value = t->image->fs().GetXattr(t->ino, *name);
  if (!Ok(env, value)) return env.Undefined();
  return BytesToJs(env, value.value());
}

Napi::Value ImageWrap::MapRange(const Napi::CallbackInfo& info) {
  Napi::Env env = info.Env();
  auto t = TargetArg(info);
  if (!t) return env.Undefined();
  std::optional<size_t> offset = SizeArg(info, 1, "offset");
  if (!offset) return env.Undefined();
  std::optional<size_t> size = SizeArg(info, 2, "size");
  if (!size) return env.Undefined();
  Result<std::vector<rafs::IoSegment>> segs = t->image->fs().MapRange(t->ino, *offset, *size);
  if (!Ok(env, segs)) return env.Undefined();
  Napi::Array out = Napi::Array::New(env, segs.value().size());
  for (size_t i = 0; i < segs.value().size(); i++) {
    const rafs::IoSegment& s = segs.value()[i];
    Napi::Object o = Napi::Object::New(env);
    o.Set("fileOffset", Num(env, s.file_offset));
    o.Set("length", Num(env, s.length));
    o.Set("hole", Napi::Boolean::New(env, s.hole));
    o.Set("offsetInChunk", Num(env, s.offset_in_chunk));
    if (!s.hole) o.Set("chunk", ChunkToJs(env, s.chunk));
    out.Set(static_cast<uint32_t>(i), o);
  }
  return out;
}

Napi::Value ImageWrap::Read(const Napi::CallbackInfo& info) {
  Napi::Env env = info.Env();
  auto t = TargetArg(info);
  if (!t) return env.Undefined();
  std::optional<size_t> offset = SizeArg(info, 1, "offset");
  if (!offset) return env.Undefined();
  std::optional<size_t> length = SizeArg(info, 2, "length");
  if (!length) return env.Undefined();
  if (*length > kMaxRead) {
    ThrowStatus(env, Status(EINVAL, "read of " + std::to_string(*length) + " bytes exceeds the 64 MiB limit of one call"));
    return env.Undefined();
  }
  std::shared_ptr<const Image> keep = image_;
  const uint64_t i = t->ino, off = *offset;
  const size_t len = *length;
  return BytesWorker::Run(env, "nydus.image.read", [keep, i, off, len]() -> Result<std::vector<uint8_t>> {
    std::vector<uint8_t> buf(len);
    Result<size_t> n = keep->Read(i, off, buf.data(), len);
    if (!n.ok()) return n.status();
    buf.resize(n.value());
    return buf;
  });
}

Napi::Value ImageWrap::Verify(const Napi::CallbackInfo& info) {
  Napi::Env env = info.Env();
  auto t = TargetArg(info);
  if (!t) return env.Undefined();
  std::shared_ptr<const Image> keep = image_;
  const uint64_t i = t->ino;
  return ValueWorker<VerifyReport>::Run(
      env, "nydus.image.verify", [keep, i]() { return keep->Verify(i); },
      [](Napi::Env e, VerifyReport& report) -> Napi::Value {
        const std::vector<ChunkProblem>& problems = report.problems;
        Napi::Array out = Napi::Array::New(e, problems.size());
        for (size_t k = 0; k < problems.size(); k++) {
          const ChunkProblem& p = problems[k];
          Napi::Object o = Napi::Object::New(e);
          o.Set("fileOffset", Num(e, p.file_offset));
          o.Set("length", Num(e, p.length));
          o.Set("blobId", Napi::String::New(e, p.blob_id));
          o.Set("chunk", ChunkToJs(e, p.chunk));
          o.Set("errno", Num(e, static_cast<uint64_t>(p.status.error_number())));
          o.Set("code", Napi::String::New(e, p.status.code()));
          o.Set("message", Napi::String::New(e, p.status.message()));
          out.Set(static_cast<uint32_t>(k), o);
        }
        Napi::Object r = Napi::Object::New(e);
        r.Set("problems", out);
        r.Set("chunks", Num(e, report.chunks));
        r.Set("digestChecked", Num(e, report.digest_checked));
        r.Set("crcChecked", Num(e, report.crc_checked));
        return r;
      });
}

Napi::Value ImageWrap::StartPrefetch(const Napi::CallbackInfo& info) {
  if (!Get(info)) return info.Env().Undefined();
  std::vector<std::string> paths;
  if (info.Length() > 0 && info[0].IsArray()) {
    Napi::Array a = info[0].As<Napi::Array>();
    for (uint32_t i = 0; i < a.Length(); i++) {
      Napi::Value v = a.Get(i);
      if (v.IsString()) paths.push_back(v.As<Napi::String>().Utf8Value());
    }
  }
  Status st = owned_->StartPrefetch(paths);
  if (!st.ok()) ThrowStatus(info.Env(), st);
  return info.Env().Undefined();
}

Napi::Value ImageWrap::CacheMetrics(const Napi::CallbackInfo& info) {
  const Image* image = Get(info);
  if (!image) return info.Env().Undefined();
  Napi::Env env = info.Env();
  if (!image->has_cache()) return env.Null();
  const storage::CacheMetricsSnapshot m = image->cache_metrics();
  Napi::Object o = Napi::Object::New(env);
  Napi::Array files = Napi::Array::New(env, m.underlying_files.size());
  for (size_t i = 0; i < m.underlying_files.size(); i++) files.Set(static_cast<uint32_t>(i), Str(env, m.underlying_files[i]));
  o.Set("underlying_files", files);
  o.Set("store_path", Str(env, m.store_path));
  o.Set("partial_hits", Num(env, m.partial_hits));
  o.Set("whole_hits", Num(env, m.whole_hits));
  o.Set("total", Num(env, m.total));
  o.Set("entries_count", Num(env, m.entries_count));
  o.Set("prefetch_data_amount", Num(env, m.prefetch_data_amount));
  o.Set("prefetch_requests_count", Num(env, m.prefetch_requests_count));
  o.Set("prefetch_workers", Num(env, m.prefetch_workers));
  o.Set("prefetch_unmerged_chunks", Num(env, m.prefetch_unmerged_chunks));
  o.Set("prefetch_cumulative_time_millis", Num(env, m.prefetch_cumulative_time_millis));
  o.Set("prefetch_begin_time_secs", Num(env, m.prefetch_begin_time_secs));
  o.Set("prefetch_begin_time_millis", Num(env, m.prefetch_begin_time_millis));
  o.Set("prefetch_end_time_secs", Num(env, m.prefetch_end_time_secs));
  o.Set("prefetch_end_time_millis", Num(env, m.prefetch_end_time_millis));
  o.Set("buffered_backend_size", Num(env, m.buffered_backend_size));
  o.Set("data_all_ready", Napi::Boolean::New(env, m.data_all_ready));
  return o;
}

Napi::Value ImageWrap::Close(const Napi::CallbackInfo& info) {
  // Waiters on the JS backend (prefetch threads, reads of a detached mount) fail at once, so
  // dropping what may be the last reference never waits for the JS thread we are on.
  if (js_backend_) js_backend_->Abort("the image is closed");
  owned_.reset();
  image_.reset();  // pending jobs keep their own reference
  return info.Env().Undefined();
}

}  // namespace nydus::binding
