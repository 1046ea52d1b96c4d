// Export table of the nydus_native addon: the whole native surface seen by
// src/native/binding.ts (the only module that loads it). Binding layer.
#include <napi.h>

#include "cachefiles_wrap.h"
#include "fuse_wrap.h"
#include "host_fs_ops.h"
#include "image_wrap.h"
#include "info.h"
#include "storage_ops.h"
#include "supervisor_wrap.h"
#include "virtiofs_wrap.h"

namespace nydus::binding {

Napi::Object Init(Napi::Env env, Napi::Object exports) {
  exports.Set("compress", Napi::Function::New(env, Compress, "compress"));
  exports.Set("compressAsync", Napi::Function::New(env, CompressAsync, "compressAsync"));
  exports.Set("decompress", Napi::Function::New(env, Decompress, "decompress"));
  exports.Set("decompressAsync", Napi::Function::New(env, DecompressAsync, "decompressAsync"));
  exports.Set("digest", Napi::Function::New(env, Digest, "digest"));
  exports.Set("digestAsync", Napi::Function::New(env, DigestAsync, "digestAsync"));
  exports.Set("blake3Xof", Napi::Function::New(env, Blake3Xof, "blake3Xof"));
  exports.Set("blake3KeyedXof", Napi::Function::New(env, Blake3KeyedXof, "blake3KeyedXof"));
  exports.Set("blake3DeriveKey", Napi::Function::New(env, Blake3DeriveKey, "blake3DeriveKey"));
  exports.Set("crc32c", Napi::Function::New(env, Crc32c, "crc32c"));
  exports.Set("ZstdDecoder", ZstdDecoderWrap::Define(env));
  exports.Set("nativeInfo", Napi::Function::New(env, NativeInfo, "nativeInfo"));
  exports.Set("readXattrs", Napi::Function::New(env, ReadXattrs, "readXattrs"));
  exports.Set("dataExtents", Napi::Function::New(env, DataExtents, "dataExtents"));
  exports.Set("fileLimit", Napi::Function::New(env, FileLimit, "fileLimit"));
  exports.Set("setFileLimit", Napi::Function::New(env, SetFileLimit, "setFileLimit"));
  exports.Set("Image", ImageWrap::Define(env));
  exports.Set("FuseSession", FuseSessionWrap::Define(env));
  exports.Set("sendStateFd", Napi::Function::New(env, SendStateFd, "sendStateFd"));
  exports.Set("receiveStateFd", Napi::Function::New(env, ReceiveStateFd, "receiveStateFd"));
  exports.Set("closeFd", Napi::Function::New(env, CloseFd, "closeFd"));
  exports.Set("SupervisorListener", SupervisorListenerWrap::Define(env));
  exports.Set("CachefilesSession", CachefilesSessionWrap::Define(env));
  exports.Set("cachefilesFakeDevice", Napi::Function::New(env, CachefilesFakeDevice, "cachefilesFakeDevice"));
  exports.Set("VirtiofsSession", VirtiofsSessionWrap::Define(env));
  exports.Set("virtiofsTestFrontend", Napi::Function::New(env, VirtiofsTestFrontend, "virtiofsTestFrontend"));
  return exports;
}

}  // namespace nydus::binding

// The macro pastes its second argument into an identifier, so it must be unqualified.
using nydus::binding::Init;
NODE_API_MODULE(nydus_native, Init)
