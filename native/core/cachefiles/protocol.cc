// The cachefiles on-demand wire protocol: message decoding and command text. Core layer
// (cachefiles).
#include "cachefiles/protocol.h"

#include <cctype>
#include <cstring>

namespace nydus::cachefiles {
namespace {

constexpr size_t kMaxKeySize = 255;          // fscache's limit for volume and cookie keys
constexpr size_t kMaxCommandSize = 4096 - 1; // the kernel refuses longer writes (EOPNOTSUPP)

uint32_t Le32(const uint8_t* p) {
  return uint32_t{p[0]} | uint32_t{p[1]} << 8 | uint32_t{p[2]} << 16 | uint32_t{p[3]} << 24;
}

uint64_t Le64(const uint8_t* p) { return uint64_t{Le32(p)} | uint64_t{Le32(p + 4)} << 32; }

std::string Num(uint64_t v) { return std::to_string(v); }

Result<std::string> Command(const char* name, const std::string& arg) {
  if (arg.empty()) return Status(EINVAL, std::string("empty argument for the ") + name + " command");
  if (std::isspace(static_cast<unsigned char>(arg[0]))) {
    return Status(EINVAL, std::string("argument of the ") + name + " command starts with white space");
  }
  if (arg.find('\0') != std::string::npos || arg.find('\n') != std::string::npos) {
    return Status(EINVAL, std::string("argument of the ") + name + " command holds a NUL or newline");
  }
  std::string out = std::string(name) + " " + arg;
  if (out.size() > kMaxCommandSize) {
    return Status(EINVAL, std::string("the ") + name + " command is " + Num(out.size()) +
                              " bytes; the kernel takes at most " + Num(kMaxCommandSize));
  }
  return out;
}

}  // namespace

const char* OpcodeName(Opcode op) {
  switch (op) {
    case Opcode::kOpen:
      return "OPEN";
    case Opcode::kClose:
      return "CLOSE";
    case Opcode::kRead:
      return "READ";
  }
  return "?";
}

Result<MessageHeader> ParseHeader(ByteView bytes) {
  if (bytes.size < kHeaderSize) {
    return Status(EINVAL, "message of " + Num(bytes.size) + " bytes is shorter than its 16-byte header");
  }
  MessageHeader h;
  h.msg_id = Le32(bytes.data);
  const uint32_t opcode = Le32(bytes.data + 4);
  h.len = Le32(bytes.data + 8);
  h.object_id = Le32(bytes.data + 12);
  if (h.len != bytes.size) {
    return Status(EINVAL, "message " + Num(h.msg_id) + " says it is " + Num(h.len) + " bytes but " +
                              Num(bytes.size) + " were read");
  }
  if (opcode > static_cast<uint32_t>(Opcode::kRead)) {
    return Status(EINVAL, "message " + Num(h.msg_id) + " has unknown opcode " + Num(opcode));
  }
  h.opcode = static_cast<Opcode>(opcode);
  return h;
}

bool OpenFdPresent(ByteView body, uint32_t* fd) {
  if (body.size < kOpenBodySize) return false;
  *fd = Le32(body.data + 8);
  return true;
}

Result<OpenRequest> ParseOpen(ByteView body) {
  if (body.size < kOpenBodySize) {
    return Status(EINVAL, "OPEN body of " + Num(body.size) + " bytes is shorter than 16");
  }
  const uint64_t volume_size = Le32(body.data);
  const uint64_t cookie_size = Le32(body.data + 4);
  OpenRequest r;
  r.fd = Le32(body.data + 8);
  r.flags = Le32(body.data + 12);
  // 64-bit sums of 32-bit sizes cannot wrap.
  if (kOpenBodySize + volume_size + cookie_size != body.size) {
    return Status(EINVAL, "OPEN key sizes " + Num(volume_size) + " + " + Num(cookie_size) + " do not fill the " +
                              Num(body.size - kOpenBodySize) + " bytes after the fixed part");
  }
  const char* keys = reinterpret_cast<const char*>(body.data + kOpenBodySize);
  std::string volume(keys, volume_size);
  if (volume.empty() || volume.back() != '\0') return Status(EINVAL, "OPEN volume key is not NUL-terminated");
  while (!volume.empty() && volume.back() == '\0') volume.pop_back();
  if (volume.find('\0') != std::string::npos) return Status(EINVAL, "OPEN volume key holds a NUL inside");
  if (volume.size() > kMaxKeySize || cookie_size > kMaxKeySize) {
    return Status(EINVAL, "OPEN key longer than fscache's 255 bytes");
  }
  const size_t prefix = std::strlen(kErofsVolumePrefix);
  if (volume.compare(0, prefix, kErofsVolumePrefix) != 0) {
    return Status(EINVAL, "OPEN volume key '" + volume + "' does not start with '" + kErofsVolumePrefix + "'");
  }
  r.domain = volume.substr(prefix);
  r.volume_key = std::move(volume);
  r.cookie_key.assign(keys + volume_size, cookie_size);
  return r;
}

Result<ReadRequest> ParseRead(ByteView body) {
  if (body.size != kReadBodySize) {
    return Status(EINVAL, "READ body is " + Num(body.size) + " bytes, expected 16");
  }
  ReadRequest r;
  r.offset = Le64(body.data);
  r.length = Le64(body.data + 8);
  if (r.offset > UINT64_MAX - r.length) {
    return Status(EINVAL, "READ range " + Num(r.offset) + " + " + Num(r.length) + " overflows 64 bits");
  }
  return r;
}

Status ParseClose(ByteView body) {
  if (body.size != 0) return Status(EINVAL, "CLOSE carries " + Num(body.size) + " body bytes, expected none");
  return Status::Ok();
}

Result<std::string> DirCommand(const std::string& dir) {
  if (dir.empty() || dir[0] != '/') return Status(EINVAL, "cache directory '" + dir + "' is not absolute");
  return Command("dir", dir);
}

Result<std::string> TagCommand(const std::string& tag) { return Command("tag", tag); }

std::string BindCommand() { return "bind ondemand"; }

std::string RestoreCommand() { return "restore"; }

std::string CopenCommand(uint32_t msg_id, int64_t size) { return "copen " + Num(msg_id) + "," + std::to_string(size); }

Result<std::string> CullCommand(const std::string& name) { return Command("cull", name); }

Result<std::string> InuseCommand(const std::string& name) { return Command("inuse", name); }

std::string GenerateKey(const std::string& domain, const std::string& id) {
  return domain.empty() ? id : domain + "/" + id;
}

}  // namespace nydus::cachefiles
