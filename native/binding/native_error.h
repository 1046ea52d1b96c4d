// Turns core Status values into JS errors carrying `errno` and `code`, and reads plain
// arguments with one error shape ("Expected <what> for <name> but received <value>").
// Binding layer: JS thread only. src/native/binding.ts wraps these errors in NativeError.
#pragma once

#include <napi.h>

#include <optional>

#include "byte_view.h"
#include "status.h"

namespace nydus::binding {

// A JS Error with the Status message and `errno` (positive POSIX value) and `code`.
Napi::Error MakeError(Napi::Env env, const Status& status);
// Throws MakeError(status) as a pending JS exception (C++ exceptions are disabled).
void ThrowStatus(Napi::Env env, const Status& status);

// Argument readers: on failure they throw an EINVAL error and return nullopt.
std::optional<ByteView> BytesArg(const Napi::CallbackInfo& info, size_t index, const char* name);
std::optional<std::string> StringArg(const Napi::CallbackInfo& info, size_t index, const char* name);
// Non-negative integer up to 2^53 - 1.
std::optional<size_t> SizeArg(const Napi::CallbackInfo& info, size_t index, const char* name);
// An integer, or undefined (stored as nullopt). Returns false after throwing.
bool OptionalIntArg(const Napi::CallbackInfo& info, size_t index, const char* name,
                    std::optional<int>* out);

// Option-object readers (the JS layer validated the object): the value at `key`, or
// `fallback` when it is missing or of another type.
bool BoolOpt(Napi::Object o, const char* key, bool fallback);
uint64_t NumOpt(Napi::Object o, const char* key, uint64_t fallback);  // non-negative safe integers only
std::string StrOpt(Napi::Object o, const char* key);                  // "" when absent

}  // namespace nydus::binding
