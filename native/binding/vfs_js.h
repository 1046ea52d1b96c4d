// Binding layer: the JS shapes of what both VFS transports (FuseSession over /dev/fuse,
// VirtiofsSession over vhost-user) expose the same way: attach options in, and per-mount
// metrics, file metrics, latest read files, access patterns, backend metrics and in-flight
// requests out. One conversion for both wraps.
#pragma once

#include <napi.h>

#include <cstdint>
#include <vector>

#include "fuse/vfs.h"
#include "transport/fuse_session.h"

namespace nydus::binding {

inline Napi::Value JsNum(Napi::Env env, uint64_t v) { return Napi::Number::New(env, static_cast<double>(v)); }

template <typename Array>
Napi::Array JsNumArray(Napi::Env env, const Array& a) {
  Napi::Array out = Napi::Array::New(env, a.size());
  for (size_t i = 0; i < a.size(); i++) out.Set(static_cast<uint32_t>(i), JsNum(env, a[i]));
  return out;
}

// A JS array of one object per element, filled by `fill(object, element)`.
template <typename T, typename Fill>
Napi::Array ObjectArray(Napi::Env env, const std::vector<T>& items, Fill fill) {
  Napi::Array out = Napi::Array::New(env, items.size());
  for (size_t i = 0; i < items.size(); i++) {
    Napi::Object o = Napi::Object::New(env);
    fill(o, items[i]);
    out.Set(static_cast<uint32_t>(i), o);
  }
  return out;
}

// AttachOptions from the (already validated in TS) JS object at info[index]; absent keys keep defaults.
fuse::AttachOptions AttachOptionsArg(const Napi::CallbackInfo& info, size_t index);

// api.md §4.5 figures of one mounted backend (FsMetrics without the config flags TS adds).
Napi::Object FsMetricsJs(Napi::Env env, const fuse::Backend& b);
// Per-file figures keyed by inode number.
Napi::Object FileMetricsJs(Napi::Env env, const fuse::Backend& b);
// The latest read files (taken: the list restarts empty).
Napi::Array LatestReadFilesJs(Napi::Env env, const fuse::Backend& b);
Napi::Array AccessPatternsJs(Napi::Env env, const fuse::Backend& b);
// Backend figures of the backend's image (without backend_type, which TS adds).
Napi::Object BackendMetricsJs(Napi::Env env, const fuse::Backend& b);
Napi::Array InflightJs(Napi::Env env, const std::vector<transport::InflightOp>& ops);

}  // namespace nydus::binding
