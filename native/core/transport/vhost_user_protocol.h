// The vhost-user wire protocol as this back-end speaks it (QEMU docs/interop/vhost-user.rst):
// message header, request codes, feature bits and payload layouts, all little-endian on the
// Unix socket. Core layer (transport); constants and plain structs only, any thread.
#pragma once

#include <cstdint>

namespace nydus::transport::vhost {

// Header flags: version 1 in bits 0-1, bit 2 marks a reply, bit 3 asks for a REPLY_ACK.
constexpr uint32_t kVersion = 0x1;
constexpr uint32_t kVersionMask = 0x3;
constexpr uint32_t kFlagReply = 1u << 2;
constexpr uint32_t kFlagNeedReply = 1u << 3;

struct MsgHeader {
  uint32_t request;
  uint32_t flags;
  uint32_t size;  // payload bytes after the header
};
static_assert(sizeof(MsgHeader) == 12);

// Front-end requests (the numbers are the protocol's).
enum Request : uint32_t {
  kGetFeatures = 1,
  kSetFeatures = 2,
  kSetOwner = 3,
  kResetOwner = 4,
  kSetMemTable = 5,
  kSetLogBase = 6,
  kSetLogFd = 7,
  kSetVringNum = 8,
  kSetVringAddr = 9,
  kSetVringBase = 10,
  kGetVringBase = 11,
  kSetVringKick = 12,
  kSetVringCall = 13,
  kSetVringErr = 14,
  kGetProtocolFeatures = 15,
  kSetProtocolFeatures = 16,
  kGetQueueNum = 17,
  kSetVringEnable = 18,
  kSendRarp = 19,
  kNetSetMtu = 20,
  kSetBackendReqFd = 21,
  kIotlbMsg = 22,
  kSetVringEndian = 23,
  kGetConfig = 24,
  kSetConfig = 25,
  kGetInflightFd = 31,
  kSetInflightFd = 32,
  kResetDevice = 34,
  kGetMaxMemSlots = 36,
  kAddMemReg = 37,
  kRemMemReg = 38,
  kSetStatus = 39,
  kGetStatus = 40,
  kRequestLimit = 64,  // request codes at or above this are counted as one "unknown" bucket
};

// Name of a request code for logs and metrics ("UNKNOWN" for the rest).
const char* RequestName(uint32_t request);

// Virtio feature bits offered (daemon spec §7).
constexpr uint64_t kFeatureIndirectDesc = 1ull << 28;
constexpr uint64_t kFeatureEventIdx = 1ull << 29;
constexpr uint64_t kFeatureProtocolFeatures = 1ull << 30;
constexpr uint64_t kFeatureVersion1 = 1ull << 32;
constexpr uint64_t kOfferedFeatures = kFeatureIndirectDesc | kFeatureEventIdx | kFeatureProtocolFeatures | kFeatureVersion1;

// Protocol feature bits.
constexpr uint64_t kProtocolMq = 1ull << 0;
constexpr uint64_t kProtocolReplyAck = 1ull << 3;
constexpr uint64_t kProtocolBackendReq = 1ull << 5;
constexpr uint64_t kOfferedProtocolFeatures = kProtocolMq | kProtocolReplyAck | kProtocolBackendReq;

// Payloads.
struct VringState {
  uint32_t index;
  uint32_t num;
};
static_assert(sizeof(VringState) == 8);

struct VringAddr {
  uint32_t index;
  uint32_t flags;  // bit 0: dirty logging (never offered, ignored)
  uint64_t desc_user_addr;
  uint64_t used_user_addr;
  uint64_t avail_user_addr;
  uint64_t log_guest_addr;
};
static_assert(sizeof(VringAddr) == 40);

struct MemoryRegion {
  uint64_t guest_phys_addr;
  uint64_t memory_size;
  uint64_t userspace_addr;
  uint64_t mmap_offset;
};
static_assert(sizeof(MemoryRegion) == 32);

constexpr uint32_t kMaxMemRegions = 8;  // VHOST_MEMORY_BASELINE_NREGIONS
constexpr uint32_t kMaxFds = kMaxMemRegions;

struct MemoryTable {
  uint32_t num_regions;
  uint32_t padding;
  MemoryRegion regions[kMaxMemRegions];
};

// SET_VRING_KICK / CALL / ERR: bits 0-7 queue index, bit 8 "no fd" (polling mode).
constexpr uint64_t kVringIndexMask = 0xff;
constexpr uint64_t kVringNoFd = 1ull << 8;

// Largest payload of any accepted message (the memory table).
constexpr uint32_t kMaxPayload = sizeof(MemoryTable);

}  // namespace nydus::transport::vhost
