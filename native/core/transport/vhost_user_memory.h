// GuestMemory: the guest's RAM as the front-end shared it with SET_MEM_TABLE: each region's
// fd mapped MAP_SHARED, with bounds-checked translation of guest-physical addresses
// (descriptors) and front-end virtual addresses (ring locations) to local pointers.
// Core layer (transport). Thread-safety: immutable once built; the owner swaps whole tables
// only while no ring worker runs.
#pragma once

#include <cstdint>
#include <memory>
#include <vector>

#include "status.h"
#include "transport/vhost_user_protocol.h"

namespace nydus::transport {

class GuestMemory {
 public:
  // Maps `count` regions from their fds (one per region, in order). The fds are always
  // closed (a mapping keeps the memory alive). EINVAL for a bad table: no regions, more
  // than 8, a zero or overflowing size; the mmap errno otherwise.
  static Result<std::unique_ptr<GuestMemory>> Map(const vhost::MemoryRegion* regions, uint32_t count,
                                                  const int* fds);
  ~GuestMemory();
  GuestMemory(const GuestMemory&) = delete;
  GuestMemory& operator=(const GuestMemory&) = delete;

  // [gpa, gpa + len) inside one region -> local pointer, else nullptr. len must be > 0.
  uint8_t* FromGuest(uint64_t gpa, uint64_t len) const;
  // The same for a front-end (QEMU) virtual address, used for the ring locations.
  uint8_t* FromFrontend(uint64_t uva, uint64_t len) const;
  size_t region_count() const { return regions_.size(); }

 private:
  struct Region {
    uint64_t gpa = 0;
    uint64_t size = 0;
    uint64_t uva = 0;
    void* map = nullptr;  // the whole mapping [0, mmap_offset + size) of the fd
    size_t map_len = 0;
    uint8_t* host = nullptr;  // map + mmap_offset: guest address gpa
  };
  GuestMemory() = default;
  static uint8_t* Find(const std::vector<Region>& regions, uint64_t Region::*base, uint64_t addr, uint64_t len);

  std::vector<Region> regions_;
};

}  // namespace nydus::transport
