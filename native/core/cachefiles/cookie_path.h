// Where cachefiles keeps an object's cache file (daemon spec §6.5), needed to cull it (§6.6):
// `cache/I<volume key>/@<xx>/D<cookie key>` under the cache directory, `xx` the low byte of the
// cookie's fscache hash (Linux fs/fscache: fscache_hash() over the length-prefixed, padded
// volume key, salted into the padded cookie key's hash). Core layer (cachefiles). Pure functions.
#pragma once

#include <cstdint>
#include <string>

#include "byte_view.h"
#include "status.h"

namespace nydus::cachefiles {

// fscache_hash(salt, data): `data.size` must be a multiple of 4 (little-endian words); a ragged
// tail is ignored, as the kernel's word loop would.
uint32_t FscacheHash(uint32_t salt, ByteView data);
// The volume cookie's key_hash: H(0, [len] ++ key ++ zeros up to round_up(len + 2, 4)).
uint32_t VolumeKeyHash(const std::string& volume_key);
// The data cookie's key_hash: H(volume hash, key ++ zeros up to round_up(len, 4)).
uint32_t CookieKeyHash(uint32_t volume_hash, const std::string& cookie_key);

struct CookiePath {
  std::string volume_dir;  // "I<volume key>"
  std::string fanout_dir;  // "@xx"
  std::string file_name;   // "D<cookie key>"
  // "cache/I.../@xx/D..." relative to the cache directory given to `dir`.
  std::string Relative() const { return "cache/" + volume_dir + "/" + fanout_dir + "/" + file_name; }
};

// The cache file of cookie `cookie_key` in volume `volume_key` (e.g. "erofs,<domain>"). Only
// keys of printable characters without '/' are rendered verbatim by cachefiles (the ones EROFS
// uses: fsids and blob ids); EINVAL for others, for empty keys and for keys over 255 bytes.
Result<CookiePath> CookieFilePath(const std::string& volume_key, const std::string& cookie_key);

}  // namespace nydus::cachefiles
