// cachefiles on-disk naming: the fscache hash and the cookie file path. Core layer (cachefiles).
#include "cachefiles/cookie_path.h"

#include <vector>

namespace nydus::cachefiles {
namespace {

constexpr uint32_t kGoldenRatio32 = 0x61C88647;  // __hash_32()

uint32_t Rol32(uint32_t v, unsigned shift) { return (v << shift) | (v >> (32 - shift)); }

uint32_t Hash32(uint32_t v) { return v * kGoldenRatio32; }

std::vector<uint8_t> ZeroPadded(std::vector<uint8_t> bytes, size_t size) {
  bytes.resize(size, 0);
  return bytes;
}

// cachefiles renders a key verbatim when every byte is '!'..'.' or '0'..'~' (no space, no '/').
bool Printable(const std::string& key) {
  for (unsigned char c : key) {
    if (!((c >= 33 && c <= 46) || (c >= 48 && c <= 127))) return false;
  }
  return true;
}

}  // namespace

uint32_t FscacheHash(uint32_t salt, ByteView data) {
  uint32_t x = 0, y = salt;
  for (size_t i = 0; i + 4 <= data.size; i += 4) {
    const uint8_t* p = data.data + i;
    const uint32_t a = uint32_t{p[0]} | uint32_t{p[1]} << 8 | uint32_t{p[2]} << 16 | uint32_t{p[3]} << 24;
    x ^= a;
    y ^= x;
    x = Rol32(x, 7);
    x += y;
    y = Rol32(y, 20);
    y *= 9;
  }
  return Hash32(y ^ Hash32(x));
}

uint32_t VolumeKeyHash(const std::string& volume_key) {
  std::vector<uint8_t> key;
  key.push_back(static_cast<uint8_t>(volume_key.size()));
  key.insert(key.end(), volume_key.begin(), volume_key.end());
  const size_t padded = (volume_key.size() + 2 + 3) / 4 * 4;
  const std::vector<uint8_t> buf = ZeroPadded(std::move(key), padded);
  return FscacheHash(0, ByteView(buf));
}

uint32_t CookieKeyHash(uint32_t volume_hash, const std::string& cookie_key) {
  const size_t padded = (cookie_key.size() + 3) / 4 * 4;
  const std::vector<uint8_t> buf = ZeroPadded(std::vector<uint8_t>(cookie_key.begin(), cookie_key.end()), padded);
  return FscacheHash(volume_hash, ByteView(buf));
}

Result<CookiePath> CookieFilePath(const std::string& volume_key, const std::string& cookie_key) {
  for (const std::string* key : {&volume_key, &cookie_key}) {
    if (key->empty() || key->size() > 255 || !Printable(*key)) {
      return Status(EINVAL, "cachefiles key '" + *key + "' is empty, longer than 255 bytes or not printable");
    }
  }
  static const char kHex[] = "0123456789abcdef";
  const uint8_t low = static_cast<uint8_t>(CookieKeyHash(VolumeKeyHash(volume_key), cookie_key));
  CookiePath p;
  p.volume_dir = "I" + volume_key;
  p.fanout_dir = std::string("@") + kHex[low >> 4] + kHex[low & 15];
  p.file_name = "D" + cookie_key;
  return p;
}

}  // namespace nydus::cachefiles
