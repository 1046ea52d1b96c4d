// FUSE wire encoding and decoding: request views with bounds-checked argument access, and
// the attr / entry / dirent / notification encoders. Core layer (fuse). Pure functions over
// caller buffers; any thread.
#pragma once

#include <sys/uio.h>

#include <cstdint>
#include <optional>
#include <string_view>

#include "fuse/fuse_abi.h"
#include "rafs/filesystem.h"

namespace nydus::fuse {

struct Backend;

// One request as read from /dev/fuse: the header and the opcode's arguments.
struct Request {
  const fuse_in_header* header = nullptr;
  const uint8_t* body = nullptr;
  size_t body_len = 0;

  // nullopt when `len` is shorter than a header or disagrees with header->len.
  static std::optional<Request> Parse(const uint8_t* buf, size_t len);
  // The fixed argument struct at the start of the body, or nullptr when the body is short.
  template <typename T>
  const T* Arg() const {
    return body_len >= sizeof(T) ? reinterpret_cast<const T*>(body) : nullptr;
  }
  // A NUL-terminated name starting at `offset` in the body; nullopt when unterminated.
  std::optional<std::string_view> Name(size_t offset) const;
};

void FillAttr(const Backend& b, const rafs::Attr& a, fuse_attr* out);
void FillPseudoAttr(uint64_t nodeid, uint64_t time, fuse_attr* out);
void FillEntry(uint64_t nodeid, const fuse_attr& attr, uint64_t entry_timeout, uint64_t attr_timeout,
               fuse_entry_out* out);

// Appends one fuse_dirent at buf + used; returns the new used length, or 0 when it does not
// fit in `cap`.
size_t AppendDirent(uint8_t* buf, size_t used, size_t cap, uint64_t ino, uint64_t next_off, uint32_t type,
                    std::string_view name);
size_t AppendDirentPlus(uint8_t* buf, size_t used, size_t cap, const fuse_entry_out& entry, uint64_t ino,
                        uint64_t next_off, uint32_t type, std::string_view name);

// Notifications (out-messages with unique 0, error = notify code) into `buf`; return the
// message length. `buf` must hold sizeof(header) + sizeof(arg) + name + 1.
size_t EncodeInvalInode(uint8_t* buf, uint64_t nodeid);
size_t EncodeInvalEntry(uint8_t* buf, uint64_t parent, std::string_view name);

}  // namespace nydus::fuse
