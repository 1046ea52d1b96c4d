// The FUSE kernel ABI as this server speaks it: <linux/fuse.h> structs, the protocol version
// and limits negotiated at INIT (daemon spec §4.3), node id layout (§4.2) and the metrics
// index of each operation (api spec §4.5). Core layer (fuse); constants only, any thread.
#pragma once

#include <linux/fuse.h>

#include <cstdint>

namespace nydus::fuse {

constexpr uint32_t kProtocolMajor = 7;
constexpr uint32_t kProtocolMinor = 33;
constexpr uint16_t kMaxBackground = 65535;
constexpr uint16_t kCongestionThreshold = 49149;
constexpr uint32_t kMaxWrite = 1u << 20;
constexpr uint16_t kMaxPages = 256;
// Largest READ the kernel sends (max_pages * 4 KiB) and the mount's max_read option.
constexpr uint32_t kMaxReadSize = 1u << 20;
constexpr uint32_t kMountMaxRead = (1u << 20) + 4096;
// One request: headers + the largest payload (a WRITE of max_write bytes) + slack.
constexpr size_t kRequestBufferSize = (1u << 20) + 4096 + 4096;
// Reply payload buffer of one worker: the largest READ or READDIR(PLUS) answer.
constexpr size_t kReplyBufferSize = (1u << 20) + 4096;

// Node ids: (fs index << 56) | RAFS inode; index 0 is the pseudo filesystem, node 1 its root.
constexpr uint64_t kRootNodeId = FUSE_ROOT_ID;
constexpr int kIndexShift = 56;
constexpr uint64_t kInoMask = (uint64_t{1} << kIndexShift) - 1;
constexpr int kMaxFsIndex = 255;

inline uint64_t MakeNodeId(uint32_t index, uint64_t ino) { return (uint64_t{index} << kIndexShift) | ino; }
inline uint32_t IndexOf(uint64_t nodeid) { return static_cast<uint32_t>(nodeid >> kIndexShift); }
inline uint64_t InoOf(uint64_t nodeid) { return nodeid & kInoMask; }

// What the server offers at INIT before intersecting with the kernel's flags: the §4.3
// defaults minus WRITEBACK_CACHE, because this server never writes: with writeback caching
// a write(2) on a mount without MS_RDONLY would "succeed" into the page cache and fail only
// at writeback; without it the WRITE reaches the server and gets EROFS.
constexpr uint32_t kOfferedFlags =
    FUSE_ASYNC_READ | FUSE_PARALLEL_DIROPS | FUSE_BIG_WRITES | FUSE_ASYNC_DIO | FUSE_AUTO_INVAL_DATA |
    FUSE_HAS_IOCTL_DIR | FUSE_NO_OPEN_SUPPORT | FUSE_MAX_PAGES |
    FUSE_ATOMIC_O_TRUNC | FUSE_CACHE_SYMLINKS | FUSE_DO_READDIRPLUS | FUSE_READDIRPLUS_AUTO |
    FUSE_EXPLICIT_INVAL_DATA | FUSE_NO_OPENDIR_SUPPORT | FUSE_HANDLE_KILLPRIV_V2;

// api.md §4.5 operation indexes of the 15-element fop arrays.
enum Fop : int {
  kFopGetAttr = 0,
  kFopReadLink = 1,
  kFopOpen = 2,
  kFopRelease = 3,
  kFopRead = 4,
  kFopStatFs = 5,
  kFopGetXattr = 6,
  kFopListXattr = 7,
  kFopOpenDir = 8,
  kFopLookup = 9,
  kFopReadDir = 10,
  kFopReadDirPlus = 11,
  kFopAccess = 12,
  kFopForget = 13,
  kFopBatchForget = 14,
  kFopCount = 15,
  kFopNone = -1,
};

inline int FopOf(uint32_t opcode) {
  switch (opcode) {
    case FUSE_GETATTR: return kFopGetAttr;
    case FUSE_READLINK: return kFopReadLink;
    case FUSE_OPEN: return kFopOpen;
    case FUSE_RELEASE: return kFopRelease;
    case FUSE_READ: return kFopRead;
    case FUSE_STATFS: return kFopStatFs;
    case FUSE_GETXATTR: return kFopGetXattr;
    case FUSE_LISTXATTR: return kFopListXattr;
    case FUSE_OPENDIR: return kFopOpenDir;
    case FUSE_LOOKUP: return kFopLookup;
    case FUSE_READDIR: return kFopReadDir;
    case FUSE_READDIRPLUS: return kFopReadDirPlus;
    case FUSE_ACCESS: return kFopAccess;
    case FUSE_FORGET: return kFopForget;
    case FUSE_BATCH_FORGET: return kFopBatchForget;
    default: return kFopNone;
  }
}

// The INIT result, kept so a successor process can serve the session without INIT.
struct NegotiatedInit {
  uint32_t major = 0;
  uint32_t minor = 0;
  uint32_t flags = 0;  // the flags the reply carried (kernel offer ∩ server offer)
  uint32_t max_readahead = 0;
  uint32_t max_write = 0;
  uint16_t max_pages = 0;
  uint32_t time_gran = 0;
  uint16_t max_background = 0;
  uint16_t congestion_threshold = 0;
  // What the kernel's INIT request offered (daemon spec §5.4 `in_opts`); kept for the saved
  // state, not needed to serve.
  uint32_t kernel_major = 0;
  uint32_t kernel_minor = 0;
  uint32_t kernel_flags = 0;
};

}  // namespace nydus::fuse
