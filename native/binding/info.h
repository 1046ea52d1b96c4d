// nativeInfo(): linked library versions and the BLAKE3 SIMD back end. Binding layer.
#pragma once

#include <napi.h>

namespace nydus::binding {

Napi::Value NativeInfo(const Napi::CallbackInfo& info);

}  // namespace nydus::binding
