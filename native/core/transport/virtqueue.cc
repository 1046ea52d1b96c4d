// Virtqueue: split-ring layout, chain walking with bounds checks, used ring and notification
// suppression. Guest memory is shared with a running guest: every ring field is read once
// into a local (atomically where the driver publishes it) before it is checked and used.
// Core layer (transport).
#include "transport/virtqueue.h"

#include <endian.h>

#include <atomic>
#include <cerrno>
#include <cstring>

namespace nydus::transport {
namespace {

// virtio 1.1 §2.6.5 / §2.6.6 flag bits (<linux/virtio_ring.h> does not compile as C++).
constexpr uint16_t kDescNext = 1;
constexpr uint16_t kDescWrite = 2;
constexpr uint16_t kDescIndirect = 4;
constexpr uint16_t kAvailNoInterrupt = 1;

struct Desc {
  uint64_t addr;
  uint32_t len;
  uint16_t flags;
  uint16_t next;
};
static_assert(sizeof(Desc) == 16);

uint16_t Load16(const uint8_t* p) {
  return le16toh(__atomic_load_n(reinterpret_cast<const uint16_t*>(p), __ATOMIC_ACQUIRE));
}
void Store16(uint8_t* p, uint16_t v) { __atomic_store_n(reinterpret_cast<uint16_t*>(p), htole16(v), __ATOMIC_RELEASE); }

Desc LoadDesc(const uint8_t* table, uint32_t i) {
  Desc d;
  std::memcpy(&d, table + size_t{i} * sizeof(Desc), sizeof d);
  std::atomic_signal_fence(std::memory_order_seq_cst);  // use the copy, never re-read
  d.addr = le64toh(d.addr);
  d.len = le32toh(d.len);
  d.flags = le16toh(d.flags);
  d.next = le16toh(d.next);
  return d;
}

}  // namespace

const char* ChainErrorName(ChainError e) {
  switch (e) {
    case ChainError::kNone: return "none";
    case ChainError::kBadHead: return "bad_head";
    case ChainError::kBadNext: return "bad_next";
    case ChainError::kAddress: return "address";
    case ChainError::kTooLong: return "too_long";
    case ChainError::kZeroLength: return "zero_length";
    case ChainError::kDirection: return "direction";
    case ChainError::kIndirectTable: return "indirect_table";
    case ChainError::kNestedIndirect: return "nested_indirect";
    case ChainError::kCount: break;
  }
  return "unknown";
}

DescChain::DescChain() {
  readable.reserve(2 * Virtqueue::kMaxSize);
  writable.reserve(2 * Virtqueue::kMaxSize);
}

void DescChain::Clear() {
  readable.clear();
  writable.clear();
  readable_len = writable_len = 0;
  error = ChainError::kNone;
}

Status Virtqueue::SetSize(uint32_t num, uint32_t max) {
  if (num == 0 || num > max || num > kMaxSize || (num & (num - 1)) != 0) {
    return Status(EINVAL, "queue size " + std::to_string(num) + " is not a power of two in 1.." + std::to_string(max));
  }
  num_ = num;
  desc_ = avail_ = used_ = nullptr;
  return Status::Ok();
}

void Virtqueue::SetAddresses(uint64_t desc, uint64_t avail, uint64_t used) {
  desc_addr_ = desc;
  avail_addr_ = avail;
  used_addr_ = used;
  addr_set_ = true;
  desc_ = avail_ = used_ = nullptr;
}

void Virtqueue::SetFeatures(bool event_idx, bool indirect) {
  event_idx_ = event_idx;
  indirect_ = indirect;
}

Status Virtqueue::Translate(const GuestMemory* mem) {
  desc_ = avail_ = used_ = nullptr;
  mem_ = mem;
  if (num_ == 0 || !addr_set_ || mem == nullptr) return Status(EINVAL, "ring size, addresses or memory table missing");
  // The trailing event fields are always included: harmless when EVENT_IDX is off.
  const uint64_t desc_len = uint64_t{num_} * sizeof(Desc);
  const uint64_t avail_len = 4 + 2 * uint64_t{num_} + 2;
  const uint64_t used_len = 4 + 8 * uint64_t{num_} + 2;
  if (desc_addr_ % 16 || avail_addr_ % 2 || used_addr_ % 4) return Status(EFAULT, "misaligned ring address");
  uint8_t* d = mem->FromFrontend(desc_addr_, desc_len);
  uint8_t* a = mem->FromFrontend(avail_addr_, avail_len);
  uint8_t* u = mem->FromFrontend(used_addr_, used_len);
  if (!d || !a || !u) return Status(EFAULT, "ring outside guest memory");
  desc_ = d;
  avail_ = a;
  used_ = u;
  return Status::Ok();
}

void Virtqueue::Start() {
  used_idx_ = used_ ? Load16(used_ + 2) : 0;
  signalled_valid_ = false;
  broken_ = false;
}

void Virtqueue::Reset() {
  *this = Virtqueue();
}

ChainError Virtqueue::Walk(uint16_t head, DescChain* chain) const {
  if (head >= num_) return ChainError::kBadHead;
  const uint8_t* table = desc_;
  uint32_t table_size = num_;
  uint32_t i = head;
  uint32_t seen = 0;
  bool in_indirect = false;
  for (;;) {
    if (++seen > table_size) return ChainError::kTooLong;
    const Desc d = LoadDesc(table, i);
    if (d.flags & kDescIndirect) {
      if (in_indirect) return ChainError::kNestedIndirect;
      if (!indirect_ || (d.flags & kDescNext) || d.len == 0 || d.len % sizeof(Desc) != 0 ||
          d.len / sizeof(Desc) > num_) {
        return ChainError::kIndirectTable;
      }
      const uint8_t* t = mem_->FromGuest(d.addr, d.len);
      if (!t) return ChainError::kAddress;
      table = t;
      table_size = d.len / sizeof(Desc);
      i = 0;
      seen = 0;
      in_indirect = true;
      continue;
    }
    if (d.len == 0) return ChainError::kZeroLength;
    uint8_t* p = mem_->FromGuest(d.addr, d.len);
    if (!p) return ChainError::kAddress;
    if (d.flags & kDescWrite) {
      chain->writable.push_back({p, d.len});
      chain->writable_len += d.len;
    } else {
      if (!chain->writable.empty()) return ChainError::kDirection;
      chain->readable.push_back({p, d.len});
      chain->readable_len += d.len;
    }
    if (!(d.flags & kDescNext)) return ChainError::kNone;
    if (d.next >= table_size) return ChainError::kBadNext;
    i = d.next;
  }
}

Virtqueue::PopResult Virtqueue::Pop(DescChain* chain) {
  if (broken_ || !desc_) return PopResult::kBroken;
  const uint16_t avail_idx = Load16(avail_ + 2);
  const uint16_t pending = static_cast<uint16_t>(avail_idx - last_avail_);
  if (pending == 0) return PopResult::kEmpty;
  if (pending > num_) {
    broken_ = true;
    return PopResult::kBroken;
  }
  const uint16_t head = Load16(avail_ + 4 + 2 * (last_avail_ % num_));
  last_avail_++;
  chain->Clear();
  chain->head = head;
  chain->error = Walk(head, chain);
  return PopResult::kChain;
}

void Virtqueue::Push(uint16_t head, uint32_t len) {
  uint8_t* elem = used_ + 4 + 8 * size_t{static_cast<uint16_t>(used_idx_ % num_)};
  const uint32_t id_le = htole32(head);
  const uint32_t len_le = htole32(len);
  std::memcpy(elem, &id_le, 4);
  std::memcpy(elem + 4, &len_le, 4);
  used_idx_++;
  Store16(used_ + 2, used_idx_);  // release: the element is visible first
}

bool Virtqueue::NeedNotify() {
  std::atomic_thread_fence(std::memory_order_seq_cst);  // used idx store before the event read
  if (!event_idx_) return (Load16(avail_) & kAvailNoInterrupt) == 0;
  const uint16_t event = Load16(avail_ + 4 + 2 * num_);  // used_event
  const uint16_t old = signalled_used_;
  const bool valid = signalled_valid_;
  signalled_used_ = used_idx_;
  signalled_valid_ = true;
  if (!valid) return true;
  // Notify when `event` lies in (old, used_idx_]: the driver asked to hear about that entry.
  return static_cast<uint16_t>(used_idx_ - event - 1) < static_cast<uint16_t>(used_idx_ - old);
}

bool Virtqueue::EnableNotify() {
  if (broken_ || !desc_) return false;
  if (event_idx_) Store16(used_ + 4 + 8 * size_t{num_}, last_avail_);  // avail_event
  std::atomic_thread_fence(std::memory_order_seq_cst);
  return Load16(avail_ + 2) != last_avail_;
}

}  // namespace nydus::transport
