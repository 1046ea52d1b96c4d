// Builder layer: encoders for the on-disk objects that follow a v6 blob's chunk data (storage
// spec §1.5-1.7, §1.11): v1 chunk-info entries, the 4096-byte blob meta header, trailing GNU
// tar headers and ToC entries. Pure functions over Buffers; blob-writer.ts lays them out.
import type { ChunkRecord } from './model.js';

export const TAR_HEADER_SIZE = 512;
export const BLOB_META_HEADER_SIZE = 4096;
export const BLOB_META_MAGIC = 0xb10bb10b;
export const CHUNK_INFO_V1_SIZE = 16;
export const TOC_ENTRY_SIZE = 128;
export const DIGEST_SIZE = 32;

/** Blob feature bits (§1.13). */
export const BlobFeature = {
  ALIGNED: 0x0000_0001,
  INLINED_CHUNK_DIGEST: 0x0000_0020,
  HAS_TAR_HEADER: 0x1000_0000,
  HAS_TOC: 0x2000_0000,
  CAP_TAR_TOC: 0x4000_0000,
} as const;

/** What current nydus-image writes for a native v6 blob with `--features blob-toc`. */
export const V6_BLOB_FEATURES =
  (BlobFeature.ALIGNED | BlobFeature.INLINED_CHUNK_DIGEST | BlobFeature.HAS_TAR_HEADER |
    BlobFeature.HAS_TOC | BlobFeature.CAP_TAR_TOC) >>> 0;
/** Blob features of a v6 blob without the blob-toc tail (chunk-info array + header only). */
export const V6_PLAIN_BLOB_FEATURES = (BlobFeature.ALIGNED | BlobFeature.CAP_TAR_TOC) >>> 0;

/** ToC entry compression flags (§1.11). */
export const TOC_FLAG_NONE = 0x1;

const MAX_V1_CHUNK = 1 << 24;
const MAX_V1_COMPRESSED_OFFSET = 2 ** 40;
const MAX_V1_UNCOMPRESSED_OFFSET = 2 ** 44;

/**
 * The v1 chunk-info array (§1.7) of `chunks` in index order. v1 has no flag bits: a chunk
 * is compressed exactly when its two sizes differ, which the writer guarantees (a chunk is
 * stored raw unless compression made it smaller).
 */
export function encodeChunkInfoV1(chunks: readonly ChunkRecord[]): Buffer {
  const out = Buffer.alloc(chunks.length * CHUNK_INFO_V1_SIZE);
  chunks.forEach((c, i) => {
    if (c.uncompressedSize < 1 || c.uncompressedSize > MAX_V1_CHUNK ||
        c.compressedSize < 1 || c.compressedSize > MAX_V1_CHUNK) {
      throw new RangeError(`chunk ${i}: sizes ${c.compressedSize}/${c.uncompressedSize} do not fit chunk info v1`);
    }
    if (c.uncompressedOffset % 4096 !== 0 || c.uncompressedOffset >= MAX_V1_UNCOMPRESSED_OFFSET ||
        c.compressedOffset >= MAX_V1_COMPRESSED_OFFSET) {
      throw new RangeError(`chunk ${i}: offsets ${c.compressedOffset}/${c.uncompressedOffset} do not fit chunk info v1`);
    }
    const u = BigInt(c.uncompressedSize - 1);
    const uncomp = ((u >> 20n) & 0xfn) << 8n | BigInt(c.uncompressedOffset) | (u & 0xfffffn) << 44n;
    const cs = BigInt(c.compressedSize - 1);
    const comp = BigInt(c.compressedOffset) | ((cs >> 20n) & 0xfn) << 40n | (cs & 0xfffffn) << 44n;
    out.writeBigUInt64LE(uncomp, i * CHUNK_INFO_V1_SIZE);
    out.writeBigUInt64LE(comp, i * CHUNK_INFO_V1_SIZE + 8);
  });
  return out;
}

export interface BlobMetaHeaderFields {
  features: number;
  ciCompressor: number;
  ciEntries: number;
  ciOffset: number;
  ciCompressedSize: number;
  ciUncompressedSize: number;
}

/** The 4096-byte blob meta header (§1.6); no ZRan/batch context, reserved bytes zero. */
export function encodeBlobMetaHeader(h: BlobMetaHeaderFields): Buffer {
  const out = Buffer.alloc(BLOB_META_HEADER_SIZE);
  out.writeUInt32LE(BLOB_META_MAGIC, 0);
  out.writeUInt32LE(h.features >>> 0, 4);
  out.writeUInt32LE(h.ciCompressor, 8);
  out.writeUInt32LE(h.ciEntries, 12);
  out.writeBigUInt64LE(BigInt(h.ciOffset), 16);
  out.writeBigUInt64LE(BigInt(h.ciCompressedSize), 24);
  out.writeBigUInt64LE(BigInt(h.ciUncompressedSize), 32);
  out.writeUInt32LE(BLOB_META_MAGIC, BLOB_META_HEADER_SIZE - 4);
  return out;
}

/**
 * A trailing GNU tar header (§1.11) for a regular file `name` of `size` bytes: mode, uid
 * and gid left NUL, mtime zero, so the bytes depend on name and size only.
 */
export function encodeTarHeader(name: string, size: number, opts: { type?: '0' | '5'; mode?: number } = {}): Buffer {
  if (Buffer.byteLength(name) > 100) throw new RangeError(`tar name '${name}' is longer than 100 bytes`);
  if (!Number.isSafeInteger(size) || size < 0 || size >= 8 ** 11) {
    throw new RangeError(`tar size ${size} does not fit 11 octal digits`);
  }
  const h = Buffer.alloc(TAR_HEADER_SIZE);
  h.write(name, 0, 'latin1');
  // Blob tails leave the mode empty, as nydus-image does; a layer's entries need one.
  if (opts.mode !== undefined) h.write(`${opts.mode.toString(8).padStart(7, '0')}\0`, 100, 'latin1');
  h.write(`${size.toString(8).padStart(11, '0')}\0`, 124, 'latin1');
  h.write('00000000000\0', 136, 'latin1');
  h.write(opts.type ?? '0', 156, 'latin1');
  h.write('ustar  \0', 257, 'latin1');
  h.fill(0x20, 148, 156);
  let sum = 0;
  for (const b of h) sum += b;
  h.write(`${sum.toString(8).padStart(7, '0')}\0`, 148, 'latin1');
  return h;
}

export interface TocEntryFields {
  name: string;
  flags: number;
  /** SHA-256 of the uncompressed content. */
  digest: Buffer;
  compressedOffset: number;
  compressedSize: number;
  uncompressedSize: number;
}

/** One 128-byte ToC entry (§1.11); reserved bytes zero. */
export function encodeTocEntry(e: TocEntryFields): Buffer {
  if (Buffer.byteLength(e.name) > 16) throw new RangeError(`ToC name '${e.name}' is longer than 16 bytes`);
  const out = Buffer.alloc(TOC_ENTRY_SIZE);
  out.writeUInt32LE(e.flags, 0);
  out.write(e.name, 8, 'latin1');
  e.digest.copy(out, 24, 0, DIGEST_SIZE);
  out.writeBigUInt64LE(BigInt(e.compressedOffset), 56);
  out.writeBigUInt64LE(BigInt(e.compressedSize), 64);
  out.writeBigUInt64LE(BigInt(e.uncompressedSize), 72);
  return out;
}
