// Indexing and lookup of the RAFS v6 bootstrap chunk table (rafs-format §3.9, §4.12). Core layer.
#include "rafs/v6_chunk_table.h"

namespace nydus::rafs {
namespace {
constexpr uint64_t kRecordSize = 80;
constexpr uint32_t kMaxBlobIndex = 254;  // device id = blob index + 1 must fit in a byte
constexpr uint32_t kMaxCiIndex = (1u << 24) - 1;
}  // namespace

V6ChunkTable V6ChunkTable::Build(const ByteRegion& bytes, uint64_t offset, uint64_t size,
                                 uint32_t blkszbits, size_t blob_count) {
  V6ChunkTable table;
  table.blkszbits_ = blkszbits;
  if (!bytes.Contains(offset, size)) return table;
  const uint64_t count = size / kRecordSize;
  table.records_.reserve(static_cast<size_t>(count));
  const uint64_t block_mask = (1ull << blkszbits) - 1;
  for (uint64_t i = 0; i < count; ++i) {
    const uint64_t rec = offset + i * kRecordSize;
    const uint8_t* p = bytes.data() + rec;
    const uint32_t blob_index = LoadLe32(p + 32);
    const uint64_t uncompressed_offset = LoadLe64(p + 56);
    const uint32_t ci_index = LoadLe32(p + 72);
    if (blob_index >= blob_count || blob_index > kMaxBlobIndex || ci_index > kMaxCiIndex) continue;
    if ((uncompressed_offset & block_mask) != 0) continue;
    const uint64_t blk = uncompressed_offset >> blkszbits;
    if (blk >= 0xFFFF'FFFFull) continue;  // not addressable by a 32-bit block address (or the null address)
    table.records_.emplace(Key(blob_index, ci_index, static_cast<uint32_t>(blk)), rec);
  }
  return table;
}

bool V6ChunkTable::Find(const ByteRegion& bytes, uint32_t blk_addr, storage::ChunkRef* ref) const {
  if (ref->blob_index > kMaxBlobIndex || ref->index > kMaxCiIndex) return false;
  auto it = records_.find(Key(ref->blob_index, ref->index, blk_addr));
  if (it == records_.end() || !bytes.Contains(it->second, kRecordSize)) return false;
  const uint8_t* p = bytes.data() + it->second;
  for (size_t i = 0; i < storage::kDigestSize; ++i) ref->digest[i] = p[i];
  ref->flags = LoadLe32(p + 36);
  ref->compressed_size = LoadLe32(p + 40);
  ref->uncompressed_size = LoadLe32(p + 44);
  ref->compressed_offset = LoadLe64(p + 48);
  ref->crc32 = LoadLe32(p + 76);
  ref->has_details = true;
  return true;
}

}  // namespace nydus::rafs
