// CRC-32C (Castagnoli, the iSCSI polynomial) of uncompressed chunk data, storage spec §1.4.
// Core layer (storage). Pure functions: any thread may call them concurrently.
#pragma once

#include <cstdint>

#include "byte_view.h"

namespace nydus::storage {

// CRC-32C of `data` (init 0xFFFFFFFF, reflected poly 0x82F63B78, xorout 0xFFFFFFFF);
// Crc32c("123456789") == 0xE3069283.
uint32_t Crc32c(ByteView data);

// Continues a CRC over more bytes: Crc32cExtend(Crc32c(a), b) == Crc32c(a ‖ b).
uint32_t Crc32cExtend(uint32_t crc, ByteView data);

// The portable table-driven implementation (what CPUs without SSE4.2 use); same result as
// Crc32c. Exposed so tests can compare both paths.
uint32_t Crc32cPortable(ByteView data);

}  // namespace nydus::storage
