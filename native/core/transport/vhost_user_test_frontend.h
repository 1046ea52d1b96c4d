// VhostUserTestFrontend: TEST-ONLY vhost-user front-end (a stand-in for QEMU) used by the
// native tests and the addon's virtiofsTestFrontend helper. It shares a memfd as guest
// memory, negotiates features, sets up split rings and places raw descriptors, so tests can
// send well-formed FUSE requests and hostile chains alike. Core layer (transport), tests only.
// Thread-safety: one thread at a time.
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "status.h"
#include "transport/vhost_user_protocol.h"

namespace nydus::transport {

class VhostUserTestFrontend {
 public:
  static constexpr uint64_t kGuestBase = 0x40000000;  // guest-physical address of the memory
  static constexpr size_t kRingArea = 32 * 1024;      // per queue: desc, avail, used
  static constexpr uint16_t kDescNext = 1, kDescWrite = 2, kDescIndirect = 4;

  // Connects to the back-end's socket; `mem_size` bytes of memfd guest memory.
  static Result<std::unique_ptr<VhostUserTestFrontend>> Connect(const std::string& socket_path,
                                                                size_t mem_size = 8u << 20);
  ~VhostUserTestFrontend();

  // GET/SET_FEATURES (`features` & offer), protocol features, SET_OWNER, SET_MEM_TABLE and
  // both rings of `queue_size` (NUM, ADDR, BASE 0, CALL, KICK, ENABLE).
  Status Setup(uint32_t queue_size = 256, uint64_t features = vhost::kOfferedFeatures);

  // Raw messages. Send attaches `fds`; Receive expects a reply to `request`.
  Status Send(uint32_t request, const void* payload, uint32_t size, const std::vector<int>& fds = {},
              bool need_reply = false);
  Result<std::vector<uint8_t>> Receive(uint32_t request);
  // Sends with NEED_REPLY and returns the REPLY_ACK value (0 = success).
  Result<uint64_t> SendAcked(uint32_t request, const void* payload, uint32_t size, const std::vector<int>& fds = {});

  // Guest memory: a bump allocator over the data area (after the rings).
  uint64_t Alloc(size_t len, size_t align = 16);
  void ResetData() { next_data_ = 2 * kRingArea; }
  uint8_t* Ptr(uint64_t gpa) { return mem_ + (gpa - kGuestBase); }
  size_t mem_size() const { return mem_size_; }

  // Rings.
  void SetDesc(int q, uint16_t i, uint64_t addr, uint32_t len, uint16_t flags, uint16_t next);
  void Publish(int q, uint16_t head);  // avail ring entry, avail idx, kick
  void PublishRawIndex(int q, uint16_t idx);  // sets avail idx directly (hostile) and kicks
  struct Used {
    uint32_t id = 0;
    uint32_t len = 0;
  };
  // Next used element of ring q, or ETIMEDOUT.
  Result<Used> WaitUsed(int q, int timeout_ms = 5000);
  uint64_t Notifications(int q);  // call eventfd signals seen so far

  // One FUSE request on queue q: the request in `split` readable descriptors, the reply space
  // of `reply_cap` bytes (0: none) in one writable descriptor, or with `reply_split` > 1 in a
  // 16-byte header descriptor and reply_split - 1 payload descriptors, adjacent in memory or,
  // with `reply_gaps`, 64 bytes apart. Returns the used length and the reply bytes.
  struct Reply {
    uint32_t used_len = 0;
    std::vector<uint8_t> bytes;
  };
  Result<Reply> Fuse(int q, const std::vector<uint8_t>& request, size_t reply_cap, int split = 1,
                     bool indirect = false, int reply_split = 1, bool reply_gaps = false);
  int fd() const { return sock_; }
  void Disconnect();

 private:
  VhostUserTestFrontend() = default;
  uint8_t* Desc(int q) { return mem_ + q * kRingArea; }
  uint8_t* Avail(int q) { return mem_ + q * kRingArea + 16384; }
  uint8_t* UsedRing(int q) { return mem_ + q * kRingArea + 20480; }

  int sock_ = -1;
  int memfd_ = -1;
  uint8_t* mem_ = nullptr;
  size_t mem_size_ = 0;
  size_t next_data_ = 2 * kRingArea;
  uint32_t queue_size_ = 0;
  int kick_[2] = {-1, -1};
  int call_[2] = {-1, -1};
  uint64_t calls_[2] = {0, 0};
  uint16_t avail_idx_[2] = {0, 0};
  uint16_t used_seen_[2] = {0, 0};
};

}  // namespace nydus::transport
