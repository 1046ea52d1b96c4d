// ImageWrap: the JS `Image` class over a core nydus::Image (one RAFS image: bootstrap, blob
// backend (localfs, or a JS network backend), blob cache, prefetch). Binding layer. Metadata
// calls are synchronous (they read the mapped bootstrap); read() and verify() run on libuv's
// pool and return promises (they may wait for a JS backend, so never on the JS thread).
// JS thread only, except the jobs, which hold a shared_ptr to the immutable core Image.
#pragma once

#include <napi.h>

#include <memory>
#include <optional>

#include "image.h"
#include "js_backend.h"

namespace nydus::binding {

class ImageWrap final : public Napi::ObjectWrap<ImageWrap> {
 public:
  static Napi::Function Define(Napi::Env env);
  explicit ImageWrap(const Napi::CallbackInfo& info);  // (bootstrapPath, options)
  ~ImageWrap() override;
  // The core image behind a JS Image object (type-tagged at construction), for other binding
  // classes (FuseSession.attach); nullptr when `v` is not such an object or was closed.
  static std::shared_ptr<const Image> Shared(Napi::Value v);

 private:
  Napi::Value Superblock(const Napi::CallbackInfo& info);   // () -> object
  Napi::Value Lookup(const Napi::CallbackInfo& info);       // (parentIno, name) -> ino
  Napi::Value GetAttr(const Napi::CallbackInfo& info);      // (ino) -> attr
  Napi::Value ReadDir(const Napi::CallbackInfo& info);      // (ino, offset, limit) -> entries
  Napi::Value ReadLink(const Napi::CallbackInfo& info);     // (ino) -> Buffer
  Napi::Value ListXattrs(const Napi::CallbackInfo& info);   // (ino) -> string[]
  Napi::Value GetXattr(const Napi::CallbackInfo& info);     // (ino, name) -> Buffer
  Napi::Value MapRange(const Napi::CallbackInfo& info);     // (ino, offset, size) -> segments
  Napi::Value Read(const Napi::CallbackInfo& info);         // (ino, offset, length) -> Promise<Buffer>
  Napi::Value Verify(const Napi::CallbackInfo& info);       // (ino) -> Promise<problems>
  Napi::Value StartPrefetch(const Napi::CallbackInfo& info);  // (paths) -> undefined
  Napi::Value CacheMetrics(const Napi::CallbackInfo& info);   // () -> BlobcacheMetrics | null
  Napi::Value Close(const Napi::CallbackInfo& info);        // () -> undefined

  // The open image, or a pending EBADF exception and nullptr after close().
  const Image* Get(const Napi::CallbackInfo& info);
  // The open image and the inode number at argument 0, or nullopt with a pending exception.
  struct Target {
    const Image* image;
    uint64_t ino;
  };
  std::optional<Target> TargetArg(const Napi::CallbackInfo& info);

  std::shared_ptr<Image> owned_;         // for StartPrefetch; same object as image_
  std::shared_ptr<const Image> image_;
  std::shared_ptr<JsBackend> js_backend_;  // set when blobs come from a JS (network) backend
};

}  // namespace nydus::binding
