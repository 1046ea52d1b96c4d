// Virtqueue: one split virtqueue (virtio 1.1 §2.6) in guest memory, device side: pops
// available descriptor chains (NEXT, WRITE, INDIRECT) into local iovecs with every address
// checked against the guest memory table, pushes used elements with their written length and
// decides on notifications (EVENT_IDX or the NO_INTERRUPT flag). A malformed chain is
// reported, never followed outside guest memory or round a loop. Core layer (transport).
// Thread-safety: configured by the vhost-user connection thread while its ring worker is
// stopped; Pop/Push/NeedNotify/EnableNotify only from that ring's single worker.
#pragma once

#include <sys/uio.h>

#include <cstdint>
#include <vector>

#include "status.h"
#include "transport/vhost_user_memory.h"

namespace nydus::transport {

// Why a chain was refused (metrics keys in ChainErrorName order).
enum class ChainError : int {
  kNone = 0,
  kBadHead,         // head index >= queue size
  kBadNext,         // next index outside the (indirect) table
  kAddress,         // a buffer or indirect table not inside one guest memory region
  kTooLong,         // more descriptors than the table holds: a loop
  kZeroLength,      // a zero-length buffer
  kDirection,       // a driver-readable buffer after a device-writable one
  kIndirectTable,   // indirect table size not a multiple of 16, empty, > queue size, with NEXT, or not negotiated
  kNestedIndirect,  // an indirect descriptor inside an indirect table
  kCount,
};
const char* ChainErrorName(ChainError e);

// One available chain. The vectors are reserved once (2 * kMaxSize) so popping never allocates.
struct DescChain {
  DescChain();
  uint16_t head = 0;
  std::vector<iovec> readable;
  std::vector<iovec> writable;
  size_t readable_len = 0;
  size_t writable_len = 0;
  ChainError error = ChainError::kNone;
  void Clear();
};

class Virtqueue {
 public:
  static constexpr uint32_t kMaxSize = 1024;

  // SET_VRING_NUM: a power of two in 1..max (max <= kMaxSize). EINVAL.
  Status SetSize(uint32_t num, uint32_t max);
  // SET_VRING_ADDR: front-end virtual addresses, resolved by Translate.
  void SetAddresses(uint64_t desc, uint64_t avail, uint64_t used);
  // SET_VRING_BASE: the next available index to read.
  void SetBase(uint16_t base) { last_avail_ = base; }
  void SetFeatures(bool event_idx, bool indirect);
  // Resolves the ring locations in `mem` (kept until the next Translate). EINVAL without a
  // size or addresses, EFAULT outside guest memory or misaligned.
  Status Translate(const GuestMemory* mem);
  // Called once the ring starts: picks up the used index the guest sees.
  void Start();
  // Back to the unconfigured state (ring stopped, reset device or new connection).
  void Reset();

  bool translated() const { return desc_ != nullptr; }
  uint32_t size() const { return num_; }
  uint16_t last_avail() const { return last_avail_; }
  bool broken() const { return broken_; }

  // --- worker side ---
  enum class PopResult { kEmpty, kChain, kBroken };
  // kChain: `chain` holds the next chain (chain->error != kNone when it is malformed; it
  // must still be pushed back). kBroken: the driver moved the available index by more than
  // the queue size; the ring is not served any more.
  PopResult Pop(DescChain* chain);
  void Push(uint16_t head, uint32_t len);
  // After Push: true when the driver wants an interrupt now.
  bool NeedNotify();
  // Before sleeping: re-arms driver kicks (EVENT_IDX: avail_event = next index) and returns
  // true when buffers arrived meanwhile, so the caller drains again.
  bool EnableNotify();

 private:
  ChainError Walk(uint16_t head, DescChain* chain) const;

  const GuestMemory* mem_ = nullptr;
  uint32_t num_ = 0;
  uint64_t desc_addr_ = 0, avail_addr_ = 0, used_addr_ = 0;
  bool addr_set_ = false;
  uint8_t* desc_ = nullptr;   // struct vring_desc[num]
  uint8_t* avail_ = nullptr;  // flags, idx, ring[num], used_event
  uint8_t* used_ = nullptr;   // flags, idx, {id, len}[num], avail_event
  bool event_idx_ = false;
  bool indirect_ = false;
  bool broken_ = false;
  uint16_t last_avail_ = 0;
  uint16_t used_idx_ = 0;
  uint16_t signalled_used_ = 0;
  bool signalled_valid_ = false;
};

}  // namespace nydus::transport
