// Reports nydus::GetLibraryInfo() as a plain JS object. Binding layer, JS thread only.
#include "info.h"

#include "library_info.h"

namespace nydus::binding {

Napi::Value NativeInfo(const Napi::CallbackInfo& info) {
  const LibraryInfo lib = GetLibraryInfo();
  Napi::Env env = info.Env();
  Napi::Object out = Napi::Object::New(env);
  out.Set("lz4", lib.lz4);
  out.Set("zstd", lib.zstd);
  out.Set("zlib", lib.zlib);
  out.Set("openssl", lib.openssl);
  out.Set("blake3", lib.blake3);
  out.Set("blake3Simd", lib.blake3_simd_compiled);
  out.Set("blake3SimdRuntime", lib.blake3_simd_runtime);
  out.Set("napiVersion", NAPI_VERSION);
  return out;
}

}  // namespace nydus::binding
