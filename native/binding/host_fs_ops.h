// JS entry points for host filesystem facts used by `nydus create`: xattrs and sparse-file
// extents; the daemon's RLIMIT_NOFILE. Binding layer, JS thread (the calls are short syscalls on one file).
#pragma once

#include <napi.h>

namespace nydus::binding {

Napi::Value ReadXattrs(const Napi::CallbackInfo& info);   // (path) -> [name, Buffer][]
Napi::Value DataExtents(const Napi::CallbackInfo& info);  // (path, size) -> [offset, length][]
Napi::Value FileLimit(const Napi::CallbackInfo& info);    // () -> [soft, hard]
Napi::Value SetFileLimit(const Napi::CallbackInfo& info); // (value) -> undefined

}  // namespace nydus::binding
