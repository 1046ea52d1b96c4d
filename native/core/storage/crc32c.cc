// CRC-32C: portable slicing-by-8 tables, plus the SSE4.2 `crc32` instruction on x86-64 when
// the CPU has it (checked once at run time). Core layer (storage). Stateless after the
// tables are built (a function-local static, initialised thread-safely).
#include "storage/crc32c.h"

#include <array>
#include <cstring>

#if defined(__x86_64__) && (defined(__GNUC__) || defined(__clang__))
#define NYDUS_CRC32C_SSE42 1
#include <nmmintrin.h>
#endif

namespace nydus::storage {
namespace {

constexpr uint32_t kPolyReflected = 0x82F63B78u;

using Tables = std::array<std::array<uint32_t, 256>, 8>;

Tables BuildTables() {
  Tables t{};
  for (uint32_t i = 0; i < 256; ++i) {
    uint32_t c = i;
    for (int k = 0; k < 8; ++k) c = (c >> 1) ^ ((c & 1) ? kPolyReflected : 0);
    t[0][i] = c;
  }
  for (uint32_t i = 0; i < 256; ++i) {
    for (size_t s = 1; s < 8; ++s) t[s][i] = (t[s - 1][i] >> 8) ^ t[0][t[s - 1][i] & 0xFF];
  }
  return t;
}

const Tables& GetTables() {
  static const Tables tables = BuildTables();
  return tables;
}

// Works on the pre-inverted register value.
uint32_t UpdatePortable(uint32_t crc, const uint8_t* p, size_t n) {
  const Tables& t = GetTables();
  while (n >= 8) {
    uint32_t lo = crc ^ (static_cast<uint32_t>(p[0]) | (static_cast<uint32_t>(p[1]) << 8) |
                         (static_cast<uint32_t>(p[2]) << 16) | (static_cast<uint32_t>(p[3]) << 24));
    crc = t[7][lo & 0xFF] ^ t[6][(lo >> 8) & 0xFF] ^ t[5][(lo >> 16) & 0xFF] ^ t[4][lo >> 24] ^
          t[3][p[4]] ^ t[2][p[5]] ^ t[1][p[6]] ^ t[0][p[7]];
    p += 8;
    n -= 8;
  }
  while (n-- > 0) crc = (crc >> 8) ^ t[0][(crc ^ *p++) & 0xFF];
  return crc;
}

#ifdef NYDUS_CRC32C_SSE42
__attribute__((target("sse4.2"))) uint32_t UpdateSse42(uint32_t crc, const uint8_t* p, size_t n) {
  uint64_t c = crc;
  while (n >= 8) {
    uint64_t word;
    std::memcpy(&word, p, 8);  // x86 is little-endian, as the CRC's byte order requires
    c = _mm_crc32_u64(c, word);
    p += 8;
    n -= 8;
  }
  uint32_t c32 = static_cast<uint32_t>(c);
  while (n-- > 0) c32 = _mm_crc32_u8(c32, *p++);
  return c32;
}

bool HaveSse42() {
  static const bool have = __builtin_cpu_supports("sse4.2");
  return have;
}
#endif

uint32_t Update(uint32_t crc, const uint8_t* p, size_t n) {
#ifdef NYDUS_CRC32C_SSE42
  if (HaveSse42()) return UpdateSse42(crc, p, n);
#endif
  return UpdatePortable(crc, p, n);
}

}  // namespace

uint32_t Crc32cExtend(uint32_t crc, ByteView data) {
  if (data.size == 0) return crc;
  return ~Update(~crc, data.data, data.size);
}

uint32_t Crc32c(ByteView data) { return Crc32cExtend(0, data); }

uint32_t Crc32cPortable(ByteView data) {
  if (data.size == 0) return 0;
  return ~UpdatePortable(~0u, data.data, data.size);
}

}  // namespace nydus::storage
