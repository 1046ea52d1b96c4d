// Builder layer, RAFS v6: the fixed structures around the metadata area (rafs-format §4.2-4.5,
// §4.12): EROFS superblock, nydus extended superblock, device slots, blob table entries and
// the bootstrap chunk table (80-byte RafsV5ChunkInfo records sorted by digest).
import { v6Error, writeU64 } from './v6-encode.js';
import type { BlobResult, BuildOptions, ChunkRecord } from './model.js';

export const SUPER_OFFSET = 1024;
export const EXT_SUPER_OFFSET = 1152;
export const DEVT_SLOTOFF = 11;
export const DEVICE_SLOT_SIZE = 128;
export const BLOB_ENTRY_SIZE = 256;
export const CHUNK_RECORD_SIZE = 80;

const EROFS_MAGIC = 0xe0f5e1e2;
const COMPAT_RAFS_V6 = 0x4000_0000;
const INCOMPAT_CHUNKED_FILE_DEVICE_TABLE = 0xc;

const SUPER_EXPLICIT_UID_GID = 0x10;
const SUPER_HAS_XATTR = 0x20;
const SUPER_INLINED_CHUNK_DIGEST = 0x100;
const BLOB_ALIGNED = 0x1;
const BLOB_INLINED_CHUNK_DIGEST = 0x20;

/** Superblock bit and storage.md §2 algorithm id of each compressor / digester. */
const COMPRESSORS: Record<string, { flag: number; id: number }> = {
  none: { flag: 0x1, id: 0 },
  lz4_block: { flag: 0x2, id: 1 },
  zstd: { flag: 0x80, id: 3 },
};
const DIGESTERS: Record<string, { flag: number; id: number }> = {
  blake3: { flag: 0x4, id: 0 },
  sha256: { flag: 0x8, id: 1 },
};

export function algorithms(options: BuildOptions): { compressor: { flag: number; id: number }; digester: { flag: number; id: number } } {
  const compressor = COMPRESSORS[options.compressor];
  const digester = DIGESTERS[options.digester];
  if (!compressor) throw v6Error(`unsupported compressor '${options.compressor}' (none, lz4_block, zstd)`, 'EINVAL', 2);
  if (!digester) throw v6Error(`unsupported digester '${options.digester}' (blake3, sha256)`, 'EINVAL', 2);
  return { compressor, digester };
}

export interface SuperFields {
  rootNid: number;
  inos: number;
  blocks: number;
  metaBlkaddr: number;
  extraDevices: number;
}

export function encodeSuperblock(out: Buffer, f: SuperFields): void {
  const o = SUPER_OFFSET;
  out.writeUInt32LE(EROFS_MAGIC, o);
  out.writeUInt32LE(COMPAT_RAFS_V6, o + 8);
  out.writeUInt8(12, o + 12);
  out.writeUInt16LE(f.rootNid, o + 14);
  writeU64(out, f.inos, o + 16);
  out.writeUInt32LE(f.blocks, o + 36);
  out.writeUInt32LE(f.metaBlkaddr, o + 40);
  out.writeUInt32LE(INCOMPAT_CHUNKED_FILE_DEVICE_TABLE, o + 80);
  out.writeUInt16LE(f.extraDevices, o + 86);
  out.writeUInt16LE(DEVT_SLOTOFF, o + 88);
}

export interface ExtSuperFields {
  hasXattr: boolean;
  blobTableOffset: number;
  blobTableSize: number;
  chunkTableOffset: number;
  chunkTableSize: number;
  prefetchTableOffset: number;
  prefetchTableSize: number;
}

export function encodeExtSuperblock(out: Buffer, options: BuildOptions, blobs: BlobResult[], f: ExtSuperFields): void {
  const { compressor, digester } = algorithms(options);
  let flags = compressor.flag | digester.flag | SUPER_EXPLICIT_UID_GID;
  if (f.hasXattr) flags |= SUPER_HAS_XATTR;
  if (blobs.some((b) => (b.features & BLOB_INLINED_CHUNK_DIGEST) !== 0)) flags |= SUPER_INLINED_CHUNK_DIGEST;
  const o = EXT_SUPER_OFFSET;
  writeU64(out, flags, o);
  writeU64(out, f.blobTableOffset, o + 8);
  out.writeUInt32LE(f.blobTableSize, o + 16);
  out.writeUInt32LE(options.chunkSize, o + 20);
  writeU64(out, f.chunkTableOffset, o + 24);
  writeU64(out, f.chunkTableSize, o + 32);
  writeU64(out, f.prefetchTableOffset, o + 40);
  out.writeUInt32LE(f.prefetchTableSize, o + 48);
}

function writeId(out: Buffer, off: number, id: string): void {
  const bytes = Buffer.from(id, 'utf8');
  if (bytes.length === 0 || bytes.length > 64) throw v6Error(`blob id '${id}' must be 1 to 64 bytes`);
  bytes.copy(out, off);
}

/** Device slot `index` (EROFS device id index + 1). */
export function encodeDeviceSlot(out: Buffer, index: number, blob: BlobResult, mappedBlkaddr: number): void {
  const o = DEVT_SLOTOFF * DEVICE_SLOT_SIZE + index * DEVICE_SLOT_SIZE;
  writeId(out, o, blob.blobId);
  out.writeUInt32LE(blob.uncompressedSize / 4096, o + 64);
  out.writeUInt32LE(mappedBlkaddr, o + 68);
}

/** Checks what the device slot and blob table need from a blob before anything is written. */
export function checkBlob(blob: BlobResult): void {
  const where = `blob ${blob.blobId}`;
  if ((blob.features & BLOB_ALIGNED) === 0) throw v6Error(`${where}: features 0x${blob.features.toString(16)} lack ALIGNED`);
  if (blob.uncompressedSize % 4096 !== 0 || blob.uncompressedSize === 0 || blob.uncompressedSize / 4096 > 0xffff_ffff) {
    throw v6Error(`${where}: uncompressed size ${blob.uncompressedSize} is not a non-zero multiple of 4096 below 16 TiB`);
  }
  // A blob read back from a bootstrap lists only the chunks its files use (fewer than it holds).
  if (blob.chunks.length > blob.chunkCount || blob.chunkCount > 1 << 24) {
    throw v6Error(`${where}: chunk count ${blob.chunkCount} (with ${blob.chunks.length} records) is invalid`);
  }
}

/**
 * Blob table entry `index` at `off`. `ciCompressor` is the algorithm of the blob's chunk-info
 * array: the blob writer stores it uncompressed (0) unless the BlobResult says otherwise.
 */
export function encodeBlobEntry(out: Buffer, off: number, index: number, blob: BlobResult, options: BuildOptions): void {
  const { compressor, digester } = algorithms(options);
  const ciCompressor = (blob as BlobResult & { ciCompressor?: number }).ciCompressor ?? 0;
  writeId(out, off, blob.blobId);
  out.writeUInt32LE(index, off + 64);
  out.writeUInt32LE(options.chunkSize, off + 68);
  out.writeUInt32LE(blob.chunkCount, off + 72);
  out.writeUInt32LE(compressor.id, off + 76);
  out.writeUInt32LE(digester.id, off + 80);
  out.writeUInt32LE(blob.features >>> 0, off + 84);
  writeU64(out, blob.compressedSize, off + 88);
  writeU64(out, blob.uncompressedSize, off + 96);
  out.writeUInt32LE(blob.tocSize, off + 104);
  out.writeUInt32LE(ciCompressor, off + 108);
  writeU64(out, blob.ciOffset, off + 112);
  writeU64(out, blob.ciCompressedSize, off + 120);
  writeU64(out, blob.ciUncompressedSize, off + 128);
  if (blob.tocDigest.length > 0) blob.tocDigest.copy(out, off + 136, 0, 32);
}

/** The blob's unique chunks in chunk-table order: by digest, then blob index, then chunk index. */
export function chunkTableOrder(chunks: ChunkRecord[]): ChunkRecord[] {
  return [...chunks].sort((a, b) => Buffer.compare(a.digest, b.digest) || a.blobIndex - b.blobIndex || a.index - b.index);
}

