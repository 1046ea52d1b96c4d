// Runtime library versions and the BLAKE3 back end selection. Core layer.
#include "library_info.h"

#include <blake3.h>
#include <lz4.h>
#include <openssl/crypto.h>
#include <zlib.h>
#include <zstd.h>

#ifndef NYDUS_BLAKE3_SIMD
#define NYDUS_BLAKE3_SIMD "portable"
#endif

namespace nydus {
namespace {

// Mirrors the order in which blake3_dispatch.c prefers its back ends.
std::string Blake3RuntimeBackend() {
#if (defined(__x86_64__) || defined(_M_X64)) && !defined(BLAKE3_NO_SSE2) && \
    (defined(__GNUC__) || defined(__clang__))
  __builtin_cpu_init();
  if (__builtin_cpu_supports("avx512f") && __builtin_cpu_supports("avx512vl")) return "avx512";
  if (__builtin_cpu_supports("avx2")) return "avx2";
  if (__builtin_cpu_supports("sse4.1")) return "sse41";
  if (__builtin_cpu_supports("sse2")) return "sse2";
#endif
  return "portable";
}

}  // namespace

LibraryInfo GetLibraryInfo() {
  LibraryInfo info;
  info.lz4 = LZ4_versionString();
  info.zstd = ZSTD_versionString();
  info.zlib = zlibVersion();
  info.openssl = OpenSSL_version(OPENSSL_VERSION);
  info.blake3 = blake3_version();
  info.blake3_simd_compiled = NYDUS_BLAKE3_SIMD;
  info.blake3_simd_runtime = Blake3RuntimeBackend();
  return info;
}

}  // namespace nydus
