// The cachefiles on-demand wire protocol (daemon spec §6.2; Linux uapi <linux/cachefiles.h>):
// decoding of the OPEN / CLOSE / READ messages read from /dev/cachefiles, with every field
// bounds-checked (a hostile or corrupt message gets an error, never an out-of-bounds read),
// and the text commands written back. Core layer (cachefiles). Pure functions.
#pragma once

#include <cstdint>
#include <string>

#include "byte_view.h"
#include "status.h"

namespace nydus::cachefiles {

constexpr size_t kHeaderSize = 16;     // struct cachefiles_msg
constexpr size_t kOpenBodySize = 16;   // struct cachefiles_open without its keys
constexpr size_t kReadBodySize = 16;   // struct cachefiles_read
// The kernel never sends more than CACHEFILES_MSG_MAX_SIZE (1024) bytes; a message longer than
// the reader's buffer would make read() fail with EMSGSIZE and stay queued, so workers read
// into a buffer four times that size.
constexpr size_t kMessageBufferSize = 4096;
// _IOW(0x98, 1, int): the READ completion ioctl on an object's anonymous fd; its argument is the
// READ message's msg_id, passed by value.
constexpr unsigned long kIocReadComplete = 0x40049801ul;
// Every volume key the kernel's EROFS sends starts with this (erofs_fscache_register_volume).
constexpr const char* kErofsVolumePrefix = "erofs,";

enum class Opcode : uint32_t { kOpen = 0, kClose = 1, kRead = 2 };
const char* OpcodeName(Opcode op);

struct MessageHeader {
  uint32_t msg_id = 0;
  Opcode opcode = Opcode::kOpen;
  uint32_t len = 0;        // whole message, header included
  uint32_t object_id = 0;
};

struct OpenRequest {
  std::string volume_key;  // NUL terminator(s) stripped, e.g. "erofs,<domain>"
  std::string cookie_key;  // raw bytes (the fsid or a blob id for EROFS)
  std::string domain;      // volume_key without "erofs,"
  uint32_t fd = 0;         // anonymous fd the kernel installed in this process for the object
  uint32_t flags = 0;
};

struct ReadRequest {
  uint64_t offset = 0;
  uint64_t length = 0;
};

// Checks the 16-byte header of a message of `bytes.size()` bytes: EINVAL unless the message is
// at least a header, `len` equals the bytes read, and the opcode is known. A message that fails
// here is not trusted at all (no reply, no fd closed).
Result<MessageHeader> ParseHeader(ByteView bytes);
// The OPEN body (after the header): EINVAL when shorter than its fixed part, when the key sizes
// do not fit the message exactly, for a volume key that is not one NUL-terminated string
// starting with "erofs,", or keys longer than fscache allows (255 bytes).
Result<OpenRequest> ParseOpen(ByteView body);
// The READ body: EINVAL unless exactly 16 bytes and offset + length does not overflow 64 bits.
Result<ReadRequest> ParseRead(ByteView body);
// CLOSE carries no body: EINVAL when there is one.
Status ParseClose(ByteView body);

// Whether an OPEN body (header already valid) at least carries its fixed part, so that its fd
// field can be trusted to name an fd the kernel installed (and closed when the OPEN is refused).
bool OpenFdPresent(ByteView body, uint32_t* fd);

// Commands written to the device, one write() each, no newline. Each validates its argument
// as the kernel's cachefiles_daemon_write() parses it (EINVAL: empty, leading white space
// (skipped by the kernel), a NUL or newline (which end the command early), or a command longer
// than the kernel's PAGE_SIZE - 1 limit).
Result<std::string> DirCommand(const std::string& dir);   // "dir <abs dir>"; dir must be absolute
Result<std::string> TagCommand(const std::string& tag);   // "tag <tag>"
std::string BindCommand();                                // "bind ondemand"
std::string RestoreCommand();                             // "restore"
std::string CopenCommand(uint32_t msg_id, int64_t size);  // "copen <id>,<size or -errno>"
Result<std::string> CullCommand(const std::string& name);   // "cull <name>"
Result<std::string> InuseCommand(const std::string& name);  // "inuse <name>"

// The blob cache manager's key (daemon spec §6.1): `id` alone when `domain` is empty, else
// "<domain>/<id>".
std::string GenerateKey(const std::string& domain, const std::string& id);

}  // namespace nydus::cachefiles
