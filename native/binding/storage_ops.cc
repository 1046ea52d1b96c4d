// Compression and digest entry points: read arguments once, build a job over plain C++
// values, run it inline (sync) or on the thread pool (async). Binding layer.
#include "storage_ops.h"

#include <memory>

#include "bytes_worker.h"
#include "native_error.h"
#include "storage/compressor.h"
#include "storage/crc32c.h"
#include "storage/digester.h"

namespace nydus::binding {
namespace {

using storage::Compression;
using storage::DigestAlgorithm;

// Each *Job factory reads the arguments once and returns a job over plain C++ values. For
// sync calls the job views the caller's buffer (it runs before returning); async calls
// (`copy`) capture a copy so the pool thread never reads memory V8 owns.

Napi::Value Finish(Napi::Env env, Result<std::vector<uint8_t>> result) {
  if (!result.ok()) {
    ThrowStatus(env, result.status());
    return env.Undefined();
  }
  return ToBuffer(env, std::move(result).value());
}

// Reads (alg, data, ...) for the three family entry points; returns false with a pending
// exception when an argument is wrong.
template <typename Algo>
bool ReadAlgo(const Napi::CallbackInfo& info, Result<Algo> (*parse)(std::string_view), Algo* out) {
  std::optional<std::string> name = StringArg(info, 0, "algorithm");
  if (!name) return false;
  Result<Algo> algo = parse(*name);
  if (!algo.ok()) {
    ThrowStatus(info.Env(), algo.status());
    return false;
  }
  *out = algo.value();
  return true;
}

std::optional<BytesJob> CompressJob(const Napi::CallbackInfo& info, bool copy) {
  Compression algo;
  if (!ReadAlgo(info, storage::ParseCompression, &algo)) return std::nullopt;
  std::optional<ByteView> data = BytesArg(info, 1, "data");
  if (!data) return std::nullopt;
  std::optional<int> level;
  if (!OptionalIntArg(info, 2, "level", &level)) return std::nullopt;
  if (!copy) return [=] { return storage::Compress(algo, *data, level); };
  auto input = std::make_shared<std::vector<uint8_t>>(data->data, data->data + data->size);
  return [=] { return storage::Compress(algo, *input, level); };
}

std::optional<BytesJob> DecompressJob(const Napi::CallbackInfo& info, bool copy) {
  Compression algo;
  if (!ReadAlgo(info, storage::ParseCompression, &algo)) return std::nullopt;
  std::optional<ByteView> data = BytesArg(info, 1, "data");
  if (!data) return std::nullopt;
  std::optional<size_t> size = SizeArg(info, 2, "expectedSize");
  if (!size) return std::nullopt;
  if (!copy) return [=] { return storage::Decompress(algo, *data, *size); };
  auto input = std::make_shared<std::vector<uint8_t>>(data->data, data->data + data->size);
  return [=] { return storage::Decompress(algo, *input, *size); };
}

Result<std::vector<uint8_t>> DigestBytes(DigestAlgorithm algo, ByteView data) {
  Result<storage::Digest> d = storage::ComputeDigest(algo, data);
  if (!d.ok()) return d.status();
  return std::vector<uint8_t>(d.value().begin(), d.value().end());
}

std::optional<BytesJob> DigestJob(const Napi::CallbackInfo& info, bool copy) {
  DigestAlgorithm algo;
  if (!ReadAlgo(info, storage::ParseDigest, &algo)) return std::nullopt;
  std::optional<ByteView> data = BytesArg(info, 1, "data");
  if (!data) return std::nullopt;
  if (!copy) return [=] { return DigestBytes(algo, *data); };
  auto input = std::make_shared<std::vector<uint8_t>>(data->data, data->data + data->size);
  return [=] { return DigestBytes(algo, *input); };
}

using JobFactory = std::optional<BytesJob> (*)(const Napi::CallbackInfo&, bool);

Napi::Value RunSync(const Napi::CallbackInfo& info, JobFactory factory) {
  std::optional<BytesJob> job = factory(info, false);
  if (!job) return info.Env().Undefined();
  return Finish(info.Env(), (*job)());
}

Napi::Value RunAsync(const Napi::CallbackInfo& info, JobFactory factory, const char* name) {
  std::optional<BytesJob> job = factory(info, true);
  if (!job) return info.Env().Undefined();
  return BytesWorker::Run(info.Env(), name, std::move(*job));
}

}  // namespace

Napi::Value Compress(const Napi::CallbackInfo& info) { return RunSync(info, CompressJob); }
Napi::Value CompressAsync(const Napi::CallbackInfo& info) {
  return RunAsync(info, CompressJob, "nydus:compress");
}
Napi::Value Decompress(const Napi::CallbackInfo& info) { return RunSync(info, DecompressJob); }
Napi::Value DecompressAsync(const Napi::CallbackInfo& info) {
  return RunAsync(info, DecompressJob, "nydus:decompress");
}
Napi::Value Digest(const Napi::CallbackInfo& info) { return RunSync(info, DigestJob); }
Napi::Value DigestAsync(const Napi::CallbackInfo& info) {
  return RunAsync(info, DigestJob, "nydus:digest");
}

Napi::Value Blake3Xof(const Napi::CallbackInfo& info) {
  std::optional<ByteView> data = BytesArg(info, 0, "data");
  if (!data) return info.Env().Undefined();
  std::optional<size_t> len = SizeArg(info, 1, "outLen");
  if (!len) return info.Env().Undefined();
  return Finish(info.Env(), storage::Blake3Xof(*data, *len));
}

Napi::Value Blake3KeyedXof(const Napi::CallbackInfo& info) {
  std::optional<ByteView> key = BytesArg(info, 0, "key");
  if (!key) return info.Env().Undefined();
  std::optional<ByteView> data = BytesArg(info, 1, "data");
  if (!data) return info.Env().Undefined();
  std::optional<size_t> len = SizeArg(info, 2, "outLen");
  if (!len) return info.Env().Undefined();
  return Finish(info.Env(), storage::Blake3KeyedXof(*key, *data, *len));
}

Napi::Value Blake3DeriveKey(const Napi::CallbackInfo& info) {
  std::optional<std::string> context = StringArg(info, 0, "context");
  if (!context) return info.Env().Undefined();
  std::optional<ByteView> material = BytesArg(info, 1, "material");
  if (!material) return info.Env().Undefined();
  std::optional<size_t> len = SizeArg(info, 2, "outLen");
  if (!len) return info.Env().Undefined();
  return Finish(info.Env(), storage::Blake3DeriveKey(*context, *material, *len));
}

Napi::Value Crc32c(const Napi::CallbackInfo& info) {
  std::optional<ByteView> data = BytesArg(info, 0, "data");
  if (!data) return info.Env().Undefined();
  return Napi::Number::New(info.Env(), storage::Crc32c(*data));
}

Napi::Function ZstdDecoderWrap::Define(Napi::Env env) {
  return DefineClass(env, "ZstdDecoder",
                     {InstanceMethod<&ZstdDecoderWrap::Decode>("decode"),
                      InstanceMethod<&ZstdDecoderWrap::Finish>("finish")});
}

ZstdDecoderWrap::ZstdDecoderWrap(const Napi::CallbackInfo& info)
    : Napi::ObjectWrap<ZstdDecoderWrap>(info), decoder_(std::make_unique<storage::ZstdStreamDecoder>()) {}

Napi::Value ZstdDecoderWrap::Decode(const Napi::CallbackInfo& info) {
  const std::optional<ByteView> data = BytesArg(info, 0, "data");
  if (!data) return info.Env().Undefined();
  std::vector<uint8_t> out;
  if (Status s = decoder_->Decode(*data, out); !s.ok()) {
    ThrowStatus(info.Env(), s);
    return info.Env().Undefined();
  }
  return Napi::Buffer<uint8_t>::Copy(info.Env(), out.data(), out.size());
}

Napi::Value ZstdDecoderWrap::Finish(const Napi::CallbackInfo& info) {
  if (Status s = decoder_->Finish(); !s.ok()) ThrowStatus(info.Env(), s);
  return info.Env().Undefined();
}

}  // namespace nydus::binding
