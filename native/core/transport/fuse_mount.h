// Mounting and unmounting a FUSE filesystem on /dev/fuse (daemon spec §4.6): mount(2) with
// the nydusd option string, falling back to fusermount3 (fd passed over _FUSE_COMMFD) when
// the caller lacks CAP_SYS_ADMIN. Core layer (transport). Functions are thread-safe.
#pragma once

#include <cstdint>
#include <string>

#include "status.h"

namespace nydus::transport {

struct MountOptions {
  std::string mountpoint;  // must be an existing directory
  bool readonly = true;
  std::string fsname = "rafs";
};

struct MountedFuse {
  int fd = -1;                 // /dev/fuse, O_RDWR | O_CLOEXEC | O_NONBLOCK
  std::string mountpoint;      // canonical
  uint64_t connection_id = 0;  // (major(st_dev) << 20) | minor(st_dev)
};

// Opens /dev/fuse and mounts it at options.mountpoint. ENOTDIR / ENOENT for a bad
// mountpoint; the mount(2) or fusermount3 errno otherwise.
Result<MountedFuse> MountFuse(const MountOptions& options);
// umount2(MNT_DETACH), falling back to `fusermount3 -u -z -q -- mountpoint`.
Status UnmountFuse(const std::string& mountpoint);
// (major << 20) | minor of the newest FUSE mount at `mountpoint` in /proc/self/mountinfo, or 0.
// Never stats the mountpoint (that could wait for a FUSE answer).
uint64_t FuseConnectionIdOf(const std::string& mountpoint);

}  // namespace nydus::transport
