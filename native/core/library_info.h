// Versions of the libraries the native core is linked with and the BLAKE3 SIMD back ends
// compiled in, for `nydus --version`-style reports and bug reports. Core layer; thread-safe.
#pragma once

#include <string>

namespace nydus {

struct LibraryInfo {
  std::string lz4;      // liblz4 runtime version, e.g. "1.9.4"
  std::string zstd;     // libzstd runtime version
  std::string zlib;     // zlib runtime version
  std::string openssl;  // OpenSSL runtime version string
  std::string blake3;   // BLAKE3 C implementation version
  // Compiled BLAKE3 back ends: "x86_64-asm:sse2,sse41,avx2,avx512" or "portable".
  std::string blake3_simd_compiled;
  // Widest back end this CPU lets the dispatcher choose ("avx512", ..., "portable").
  std::string blake3_simd_runtime;
};

LibraryInfo GetLibraryInfo();

}  // namespace nydus
