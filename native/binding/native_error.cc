// Error construction and argument reading for the addon. Binding layer, JS thread only.
#include "native_error.h"

#include <cmath>
#include <string>

namespace nydus::binding {
namespace {

std::string Describe(const Napi::Value& v) {
  switch (v.Type()) {
    case napi_undefined: return "undefined";
    case napi_null: return "null";
    case napi_boolean: return v.As<Napi::Boolean>().Value() ? "true" : "false";
    case napi_number: return std::to_string(v.As<Napi::Number>().DoubleValue());
    case napi_string: return "'" + v.As<Napi::String>().Utf8Value() + "'";
    case napi_function: return "a function";
    default: return v.IsTypedArray() ? "a typed array of another type" : "an object";
  }
}

void ThrowInvalid(const Napi::CallbackInfo& info, size_t index, const char* what,
                  const char* name) {
  const Napi::Value v = index < info.Length() ? info[index] : info.Env().Undefined();
  ThrowStatus(info.Env(), Status(EINVAL, std::string("Expected ") + what + " for " + name +
                                             " but received " + Describe(v)));
}

constexpr double kMaxSafeInteger = 9007199254740991.0;

}  // namespace

Napi::Error MakeError(Napi::Env env, const Status& status) {
  Napi::Error error = Napi::Error::New(env, status.message());
  error.Set("errno", Napi::Number::New(env, status.error_number()));
  error.Set("code", Napi::String::New(env, status.code()));
  return error;
}

void ThrowStatus(Napi::Env env, const Status& status) {
  MakeError(env, status).ThrowAsJavaScriptException();
}

std::optional<ByteView> BytesArg(const Napi::CallbackInfo& info, size_t index, const char* name) {
  if (index < info.Length() && info[index].IsTypedArray()) {
    Napi::TypedArray array = info[index].As<Napi::TypedArray>();
    if (array.TypedArrayType() == napi_uint8_array) {
      Napi::Uint8Array bytes = array.As<Napi::Uint8Array>();
      return ByteView(bytes.Data(), bytes.ByteLength());
    }
  }
  ThrowInvalid(info, index, "a Buffer or Uint8Array", name);
  return std::nullopt;
}

std::optional<std::string> StringArg(const Napi::CallbackInfo& info, size_t index,
                                     const char* name) {
  if (index < info.Length() && info[index].IsString()) {
    return info[index].As<Napi::String>().Utf8Value();
  }
  ThrowInvalid(info, index, "a string", name);
  return std::nullopt;
}

std::optional<size_t> SizeArg(const Napi::CallbackInfo& info, size_t index, const char* name) {
  if (index < info.Length() && info[index].IsNumber()) {
    const double d = info[index].As<Napi::Number>().DoubleValue();
    if (d >= 0 && d <= kMaxSafeInteger && std::floor(d) == d) return static_cast<size_t>(d);
  }
  ThrowInvalid(info, index, "a non-negative integer", name);
  return std::nullopt;
}

bool OptionalIntArg(const Napi::CallbackInfo& info, size_t index, const char* name,
                    std::optional<int>* out) {
  out->reset();
  if (index >= info.Length() || info[index].IsUndefined()) return true;
  if (info[index].IsNumber()) {
    const double d = info[index].As<Napi::Number>().DoubleValue();
    if (std::floor(d) == d && d >= -1e6 && d <= 1e6) {
      *out = static_cast<int>(d);
      return true;
    }
  }
  ThrowInvalid(info, index, "an integer or undefined", name);
  return false;
}

bool BoolOpt(Napi::Object o, const char* key, bool fallback) {
  Napi::Value v = o.Get(key);
  return v.IsBoolean() ? v.As<Napi::Boolean>().Value() : fallback;
}

uint64_t NumOpt(Napi::Object o, const char* key, uint64_t fallback) {
  Napi::Value v = o.Get(key);
  if (!v.IsNumber()) return fallback;
  const double d = v.As<Napi::Number>().DoubleValue();
  return d >= 0 && d <= kMaxSafeInteger && std::floor(d) == d ? static_cast<uint64_t>(d) : fallback;
}

std::string StrOpt(Napi::Object o, const char* key) {
  Napi::Value v = o.Get(key);
  return v.IsString() ? v.As<Napi::String>().Utf8Value() : std::string();
}

}  // namespace nydus::binding
