// JS entry points for chunk compression and digests (storage spec §1.3-1.4). Binding layer,
// called on the JS thread; the *Async variants copy their input into a baton and return a
// promise settled by a BytesWorker.
#pragma once

#include <napi.h>

#include <memory>

#include "storage/compressor.h"

namespace nydus::binding {

Napi::Value Compress(const Napi::CallbackInfo& info);         // (alg, data, level?) -> Buffer
Napi::Value CompressAsync(const Napi::CallbackInfo& info);    // -> Promise<Buffer>
Napi::Value Decompress(const Napi::CallbackInfo& info);       // (alg, data, size) -> Buffer
Napi::Value DecompressAsync(const Napi::CallbackInfo& info);  // -> Promise<Buffer>
Napi::Value Digest(const Napi::CallbackInfo& info);           // (alg, data) -> Buffer(32)
Napi::Value DigestAsync(const Napi::CallbackInfo& info);      // -> Promise<Buffer>
Napi::Value Blake3Xof(const Napi::CallbackInfo& info);        // (data, outLen) -> Buffer
Napi::Value Blake3KeyedXof(const Napi::CallbackInfo& info);   // (key, data, outLen) -> Buffer
Napi::Value Blake3DeriveKey(const Napi::CallbackInfo& info);  // (context, data, outLen)
Napi::Value Crc32c(const Napi::CallbackInfo& info);           // (data) -> number (CRC-32C)

// A zstd stream of unknown length, decoded piece by piece on the JS thread (a tar+zstd image
// layer: the builder's input, not the daemon's request path).
class ZstdDecoderWrap final : public Napi::ObjectWrap<ZstdDecoderWrap> {
 public:
  static Napi::Function Define(Napi::Env env);
  explicit ZstdDecoderWrap(const Napi::CallbackInfo& info);  // ()

 private:
  Napi::Value Decode(const Napi::CallbackInfo& info);  // (data) -> Buffer of plain bytes
  Napi::Value Finish(const Napi::CallbackInfo& info);  // () -> undefined; throws if truncated

  std::unique_ptr<storage::ZstdStreamDecoder> decoder_;
};

}  // namespace nydus::binding
