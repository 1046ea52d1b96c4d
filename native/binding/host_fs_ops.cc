// Host filesystem facts for the builder: argument reading and conversion. Binding layer.
#include "host_fs_ops.h"

#include "host_fs.h"
#include "native_error.h"

namespace nydus::binding {

Napi::Value ReadXattrs(const Napi::CallbackInfo& info) {
  Napi::Env env = info.Env();
  std::optional<std::string> path = StringArg(info, 0, "path");
  if (!path) return env.Undefined();
  auto xattrs = hostfs::ReadXattrs(*path);
  if (!xattrs.ok()) {
    ThrowStatus(env, xattrs.status());
    return env.Undefined();
  }
  Napi::Array out = Napi::Array::New(env, xattrs.value().size());
  uint32_t i = 0;
  for (const auto& [name, value] : xattrs.value()) {
    Napi::Array pair = Napi::Array::New(env, 2);
    pair.Set(0u, Napi::String::New(env, name));
    pair.Set(1u, Napi::Buffer<uint8_t>::Copy(env, reinterpret_cast<const uint8_t*>(value.data()), value.size()));
    out.Set(i++, pair);
  }
  return out;
}

Napi::Value DataExtents(const Napi::CallbackInfo& info) {
  Napi::Env env = info.Env();
  std::optional<std::string> path = StringArg(info, 0, "path");
  if (!path) return env.Undefined();
  std::optional<size_t> size = SizeArg(info, 1, "size");
  if (!size) return env.Undefined();
  auto extents = hostfs::DataExtents(*path, *size);
  if (!extents.ok()) {
    ThrowStatus(env, extents.status());
    return env.Undefined();
  }
  Napi::Array out = Napi::Array::New(env, extents.value().size());
  uint32_t i = 0;
  for (const hostfs::Extent& e : extents.value()) {
    Napi::Array pair = Napi::Array::New(env, 2);
    pair.Set(0u, Napi::Number::New(env, static_cast<double>(e.offset)));
    pair.Set(1u, Napi::Number::New(env, static_cast<double>(e.length)));
    out.Set(i++, pair);
  }
  return out;
}

Napi::Value FileLimit(const Napi::CallbackInfo& info) {
  Napi::Env env = info.Env();
  auto limit = hostfs::GetFileLimit();
  if (!limit.ok()) {
    ThrowStatus(env, limit.status());
    return env.Undefined();
  }
  Napi::Array out = Napi::Array::New(env, 2);
  out.Set(0u, Napi::Number::New(env, static_cast<double>(limit.value().soft)));
  out.Set(1u, Napi::Number::New(env, static_cast<double>(limit.value().hard)));
  return out;
}

Napi::Value SetFileLimit(const Napi::CallbackInfo& info) {
  Napi::Env env = info.Env();
  std::optional<size_t> value = SizeArg(info, 0, "value");
  if (!value) return env.Undefined();
  Status s = hostfs::SetFileLimit(*value);
  if (!s.ok()) ThrowStatus(env, s);
  return env.Undefined();
}

}  // namespace nydus::binding
