// VhostUserBackend: what each front-end request does. Every payload is size-checked against
// its request before it is read; fds arrive in the message's Fds and are closed unless taken.
// Requests that expect a reply always get one; the others get a REPLY_ACK when the front-end
// asked for it (and negotiated REPLY_ACK). Core layer (transport).
#include <sys/socket.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>

#include "transport/vhost_user_backend.h"

namespace nydus::transport {

namespace vhost {

const char* RequestName(uint32_t request) {
  switch (request) {
    case kGetFeatures: return "GET_FEATURES";
    case kSetFeatures: return "SET_FEATURES";
    case kSetOwner: return "SET_OWNER";
    case kResetOwner: return "RESET_OWNER";
    case kSetMemTable: return "SET_MEM_TABLE";
    case kSetLogBase: return "SET_LOG_BASE";
    case kSetLogFd: return "SET_LOG_FD";
    case kSetVringNum: return "SET_VRING_NUM";
    case kSetVringAddr: return "SET_VRING_ADDR";
    case kSetVringBase: return "SET_VRING_BASE";
    case kGetVringBase: return "GET_VRING_BASE";
    case kSetVringKick: return "SET_VRING_KICK";
    case kSetVringCall: return "SET_VRING_CALL";
    case kSetVringErr: return "SET_VRING_ERR";
    case kGetProtocolFeatures: return "GET_PROTOCOL_FEATURES";
    case kSetProtocolFeatures: return "SET_PROTOCOL_FEATURES";
    case kGetQueueNum: return "GET_QUEUE_NUM";
    case kSetVringEnable: return "SET_VRING_ENABLE";
    case kSendRarp: return "SEND_RARP";
    case kNetSetMtu: return "NET_SET_MTU";
    case kSetBackendReqFd: return "SET_BACKEND_REQ_FD";
    case kIotlbMsg: return "IOTLB_MSG";
    case kSetVringEndian: return "SET_VRING_ENDIAN";
    case kGetConfig: return "GET_CONFIG";
    case kSetConfig: return "SET_CONFIG";
    case kGetInflightFd: return "GET_INFLIGHT_FD";
    case kSetInflightFd: return "SET_INFLIGHT_FD";
    case kResetDevice: return "RESET_DEVICE";
    case kGetMaxMemSlots: return "GET_MAX_MEM_SLOTS";
    case kAddMemReg: return "ADD_MEM_REG";
    case kRemMemReg: return "REM_MEM_REG";
    case kSetStatus: return "SET_STATUS";
    case kGetStatus: return "GET_STATUS";
    default: return "UNKNOWN";
  }
}

}  // namespace vhost

namespace {

uint64_t U64(const uint8_t* p) {
  uint64_t v;
  std::memcpy(&v, p, sizeof v);
  return v;
}

}  // namespace

bool VhostUserBackend::Reply(int conn, uint32_t request, const void* payload, uint32_t size) {
  vhost::MsgHeader h{request, vhost::kVersion | vhost::kFlagReply, size};
  iovec iov[2] = {{&h, sizeof h}, {const_cast<void*>(payload), size}};
  msghdr m{};
  m.msg_iov = iov;
  m.msg_iovlen = size ? 2 : 1;
  for (;;) {
    const ssize_t n = sendmsg(conn, &m, MSG_NOSIGNAL);
    if (n >= 0) return static_cast<size_t>(n) == sizeof h + size;
    if (errno != EINTR) return false;
  }
}

VhostUserBackend::Outcome VhostUserBackend::SetMemTable(const uint8_t* payload, uint32_t size, Fds& fds) {
  if (size < 8) return {false, false, "payload shorter than the region count"};
  uint32_t count;
  std::memcpy(&count, payload, sizeof count);
  if (count == 0 || count > vhost::kMaxMemRegions) {
    return {false, false, std::to_string(count) + " memory regions (1..8 allowed)"};
  }
  if (size < 8 + count * sizeof(vhost::MemoryRegion)) return {false, false, "payload shorter than its regions"};
  if (fds.count != static_cast<int>(count)) {
    return {false, false, std::to_string(fds.count) + " fds for " + std::to_string(count) + " regions"};
  }
  vhost::MemoryRegion regions[vhost::kMaxMemRegions];
  std::memcpy(regions, payload + 8, count * sizeof(vhost::MemoryRegion));
  int taken[vhost::kMaxMemRegions];
  for (uint32_t i = 0; i < count; i++) taken[i] = fds.Take(static_cast<int>(i));
  auto mem = GuestMemory::Map(regions, count, taken);
  if (!mem.ok()) return {false, false, mem.status().ToString()};
  // Replace safely: running workers hold pointers into the old mapping, so they stop first,
  // the rings are re-resolved in the new table, and only then is the old one unmapped.
  bool was_running[kNumQueues];
  for (int q = 0; q < kNumQueues; q++) {
    was_running[q] = rings_[q].running();
    StopRing(q);
  }
  std::unique_ptr<GuestMemory> old = std::move(memory_);
  memory_ = std::move(mem).value();
  Outcome out;
  for (int q = 0; q < kNumQueues; q++) {
    if (!was_running[q] && rings_[q].kick_fd < 0) continue;  // a kick that came first starts now
    Status st = StartRing(q);
    if (!st.ok()) out = {false, false, "queue " + std::to_string(q) + " after the new memory table: " + st.ToString()};
  }
  return out;
}

VhostUserBackend::Outcome VhostUserBackend::HandleRing(int conn, const vhost::MsgHeader& h, const uint8_t* payload,
                                                       Fds& fds) {
  // Every ring request starts with a 32-bit index (VringState, VringAddr) or carries it in
  // the low byte of a u64 (KICK / CALL / ERR).
  const bool fd_msg = h.request == vhost::kSetVringKick || h.request == vhost::kSetVringCall ||
                      h.request == vhost::kSetVringErr;
  const uint32_t need = fd_msg ? 8 : h.request == vhost::kSetVringAddr ? sizeof(vhost::VringAddr)
                                                                        : sizeof(vhost::VringState);
  if (h.size < need) return {false, false, "payload of " + std::to_string(h.size) + " bytes is too short"};
  uint32_t q;
  vhost::VringState state{};
  uint64_t u = 0;
  if (fd_msg) {
    u = U64(payload);
    q = static_cast<uint32_t>(u & vhost::kVringIndexMask);
  } else {
    std::memcpy(&state, payload, sizeof state);
    q = state.index;
  }
  if (q >= kNumQueues) return {false, false, "queue index " + std::to_string(q) + " out of range"};
  Ring& r = rings_[q];
  const bool running = r.running();
  switch (h.request) {
    case vhost::kSetVringNum: {
      if (running) return {false, false, "queue is running"};
      Status st = r.vq.SetSize(state.num, options_.max_queue_size);
      if (!st.ok()) return {false, false, st.ToString()};
      return {};
    }
    case vhost::kSetVringAddr: {
      if (running) return {false, false, "queue is running"};
      vhost::VringAddr a;
      std::memcpy(&a, payload, sizeof a);
      r.vq.SetAddresses(a.desc_user_addr, a.avail_user_addr, a.used_user_addr);
      if (memory_) {
        Status st = r.vq.Translate(memory_.get());
        if (!st.ok()) return {false, false, st.ToString()};
      }
      return {};
    }
    case vhost::kSetVringBase:
      if (running) return {false, false, "queue is running"};
      if (state.num > 0xffff) return {false, false, "base index above 65535"};
      r.vq.SetBase(static_cast<uint16_t>(state.num));
      return {};
    case vhost::kGetVringBase: {
      // Stops the ring (vhost-user: GET_VRING_BASE ends its processing) and reports where it was.
      StopRing(static_cast<int>(q));
      if (r.kick_fd >= 0) close(r.kick_fd);
      r.kick_fd = -1;
      r.enabled.store(false);
      vhost::VringState reply{q, r.vq.last_avail()};
      if (!Reply(conn, h.request, &reply, sizeof reply)) return {false, true, "reply failed"};
      return {};
    }
    case vhost::kSetVringKick: {
      if (u & vhost::kVringNoFd) return {false, false, "polling mode (no kick fd) is not supported"};
      const int fd = fds.Take(0);
      if (fd < 0) return {false, false, "no kick fd attached"};
      StopRing(static_cast<int>(q));
      if (r.kick_fd >= 0) close(r.kick_fd);
      r.kick_fd = fd;
      // Without VHOST_USER_F_PROTOCOL_FEATURES a ring starts enabled; with it, SET_VRING_ENABLE decides.
      if (!(features_ & vhost::kFeatureProtocolFeatures)) r.enabled.store(true);
      if (!memory_) return {false, false, "kick before SET_MEM_TABLE: queue waits for the memory table"};
      Status st = StartRing(static_cast<int>(q));
      if (!st.ok()) return {false, false, st.ToString()};
      return {};
    }
    case vhost::kSetVringCall: {
      const int fd = (u & vhost::kVringNoFd) ? -1 : fds.Take(0);
      std::lock_guard<std::mutex> lock(r.call_mu);
      if (r.call_fd >= 0) close(r.call_fd);
      r.call_fd = fd;
      return {};
    }
    case vhost::kSetVringErr: {
      const int fd = (u & vhost::kVringNoFd) ? -1 : fds.Take(0);
      if (r.err_fd >= 0) close(r.err_fd);
      r.err_fd = fd;
      return {};
    }
    case vhost::kSetVringEnable: {
      if (state.num > 1) return {false, false, "enable flag must be 0 or 1"};
      r.enabled.store(state.num == 1);
      const uint64_t one = 1;
      (void)!write(r.wake_fd, &one, sizeof one);  // drain what arrived while disabled
      return {};
    }
    default:
      return {false, false, "not a ring request"};
  }
}

VhostUserBackend::Outcome VhostUserBackend::Handle(int conn, const vhost::MsgHeader& h, const uint8_t* payload,
                                                   Fds& fds) {
  Outcome out;
  bool replied = false;  // a GET-type request answered with its own reply
  auto reply_u64 = [&](uint64_t v) {
    replied = true;
    if (!Reply(conn, h.request, &v, sizeof v)) out = {false, true, "reply failed"};
  };
  auto need_u64 = [&](uint64_t* v) {
    if (h.size < 8) {
      out = {false, false, "payload shorter than 8 bytes"};
      return false;
    }
    *v = U64(payload);
    return true;
  };
  uint64_t v = 0;
  switch (h.request) {
    case vhost::kGetFeatures:
      reply_u64(vhost::kOfferedFeatures);
      break;
    case vhost::kSetFeatures:
      if (!need_u64(&v)) break;
      if (v & ~vhost::kOfferedFeatures) out = {false, false, "features outside the offer were masked"};
      features_ = v & vhost::kOfferedFeatures;
      features_set_ = true;
      break;
    case vhost::kGetProtocolFeatures:
      reply_u64(vhost::kOfferedProtocolFeatures);
      break;
    case vhost::kSetProtocolFeatures:
      if (!need_u64(&v)) break;
      protocol_features_ = v & vhost::kOfferedProtocolFeatures;
      break;
    case vhost::kGetQueueNum:
      reply_u64(kNumQueues);
      break;
    case vhost::kGetMaxMemSlots:
      reply_u64(vhost::kMaxMemRegions);
      break;
    case vhost::kSetOwner:
      break;
    case vhost::kResetOwner:
    case vhost::kResetDevice:
      for (int q = 0; q < kNumQueues; q++) {
        StopRing(q);
        rings_[q].vq.Reset();
        rings_[q].enabled.store(false);
        if (rings_[q].kick_fd >= 0) close(rings_[q].kick_fd);
        rings_[q].kick_fd = -1;
      }
      features_ = 0;
      features_set_ = false;
      break;
    case vhost::kSetMemTable:
      out = SetMemTable(payload, h.size, fds);
      break;
    case vhost::kSetBackendReqFd: {
      const int fd = fds.Take(0);
      if (fd < 0) {
        out = {false, false, "no fd attached"};
        break;
      }
      if (backend_req_fd_ >= 0) close(backend_req_fd_);
      backend_req_fd_ = fd;  // daemon spec §7: accepted, kept, unused
      break;
    }
    case vhost::kSetVringNum:
    case vhost::kSetVringAddr:
    case vhost::kSetVringBase:
    case vhost::kGetVringBase:
    case vhost::kSetVringKick:
    case vhost::kSetVringCall:
    case vhost::kSetVringErr:
    case vhost::kSetVringEnable:
      out = HandleRing(conn, h, payload, fds);
      replied = h.request == vhost::kGetVringBase;
      break;
    case vhost::kGetConfig: {
      // No device config space (daemon spec §7): an empty reply is the protocol's failure.
      replied = true;
      out = {false, false, "no device config space"};
      if (!Reply(conn, h.request, nullptr, 0)) out.fatal = true;
      break;
    }
    case vhost::kSetLogBase:
    case vhost::kSetLogFd:
    case vhost::kSetConfig:
      // Dirty logging (migration) and config writes are never offered: refused, fds closed.
      out = {false, false, "not supported"};
      break;
    default:
      out = {false, !(h.flags & vhost::kFlagNeedReply), "unknown request"};
      break;
  }
  if (!replied && !out.fatal && (h.flags & vhost::kFlagNeedReply) && (protocol_features_ & vhost::kProtocolReplyAck)) {
    const uint64_t ack = out.ok ? 0 : 1;
    if (!Reply(conn, h.request, &ack, sizeof ack)) out = {false, true, "reply failed"};
  }
  return out;
}

}  // namespace nydus::transport
