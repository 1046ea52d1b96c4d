// GuestMemory: mapping the front-end's memory table and translating addresses through it.
// Core layer (transport).
#include "transport/vhost_user_memory.h"

#include <sys/mman.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <string>

namespace nydus::transport {

Result<std::unique_ptr<GuestMemory>> GuestMemory::Map(const vhost::MemoryRegion* regions, uint32_t count,
                                                      const int* fds) {
  auto close_all = [&] {
    for (uint32_t i = 0; i < count; i++) {
      if (fds[i] >= 0) close(fds[i]);
    }
  };
  if (count == 0 || count > vhost::kMaxMemRegions) {
    close_all();
    return Status(EINVAL, "memory table has " + std::to_string(count) + " regions (1..8 allowed)");
  }
  std::unique_ptr<GuestMemory> mem(new GuestMemory());
  for (uint32_t i = 0; i < count; i++) {
    const vhost::MemoryRegion& r = regions[i];
    const uint64_t end_gpa = r.guest_phys_addr + r.memory_size;
    const uint64_t end_uva = r.userspace_addr + r.memory_size;
    const uint64_t map_len = r.mmap_offset + r.memory_size;
    if (r.memory_size == 0 || end_gpa < r.guest_phys_addr || end_uva < r.userspace_addr ||
        map_len < r.memory_size || map_len > SIZE_MAX || fds[i] < 0) {
      close_all();
      return Status(EINVAL, "memory region " + std::to_string(i) + " has a zero or overflowing size");
    }
    void* p = mmap(nullptr, static_cast<size_t>(map_len), PROT_READ | PROT_WRITE, MAP_SHARED | MAP_NORESERVE,
                   fds[i], 0);
    if (p == MAP_FAILED) {
      const int err = errno;
      close_all();
      return Status(err, "mmap of memory region " + std::to_string(i) + ": " + std::strerror(err));
    }
    Region reg;
    reg.gpa = r.guest_phys_addr;
    reg.size = r.memory_size;
    reg.uva = r.userspace_addr;
    reg.map = p;
    reg.map_len = static_cast<size_t>(map_len);
    reg.host = static_cast<uint8_t*>(p) + r.mmap_offset;
    mem->regions_.push_back(reg);
  }
  close_all();
  return mem;
}

GuestMemory::~GuestMemory() {
  for (const Region& r : regions_) munmap(r.map, r.map_len);
}

uint8_t* GuestMemory::Find(const std::vector<Region>& regions, uint64_t Region::*base, uint64_t addr,
                           uint64_t len) {
  if (len == 0) return nullptr;
  for (const Region& r : regions) {
    const uint64_t start = r.*base;
    // Overflow-free form of start <= addr && addr + len <= start + size.
    if (addr >= start && len <= r.size && addr - start <= r.size - len) return r.host + (addr - start);
  }
  return nullptr;
}

uint8_t* GuestMemory::FromGuest(uint64_t gpa, uint64_t len) const { return Find(regions_, &Region::gpa, gpa, len); }

uint8_t* GuestMemory::FromFrontend(uint64_t uva, uint64_t len) const {
  return Find(regions_, &Region::uva, uva, len);
}

}  // namespace nydus::transport
