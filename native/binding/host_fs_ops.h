// JS entry points for host filesystem facts used by `nydus create`: xattrs and sparse-file
// extents. Binding layer, JS thread (the calls are short syscalls on one file).
#pragma once

#include <napi.h>

namespace nydus::binding {

Napi::Value ReadXattrs(const Napi::CallbackInfo& info);   // (path) -> [name, Buffer][]
Napi::Value DataExtents(const Napi::CallbackInfo& info);  // (path, size) -> [offset, length][]

}  // namespace nydus::binding
