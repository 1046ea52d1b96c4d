// Builder layer: byte encoders for the RAFS v5 on-disk structures (rafs-format §3.2-3.9):
// superblock, inode record head, xattr table and chunk record. Pure functions over Buffers;
// the caller (v5-writer.ts) decides offsets. All integers little-endian.
import { NydusError } from '../errors.js';
import type { ChunkRecord, Compressor, DigestName } from './model.js';

export const V5_SUPERBLOCK_SIZE = 8192;
export const V5_INODE_SIZE = 128;
export const V5_CHUNK_SIZE = 80;
export const V5_EXT_BLOB_ENTRY_SIZE = 64;
export const V5_MAGIC = 0x52414653;
export const V5_VERSION = 0x500;

/** Superblock flags (§2.1). */
export const SB_EXPLICIT_UID_GID = 0x10;
export const SB_HAS_XATTR = 0x20;
const SB_COMPRESSION: Readonly<Record<Compressor, number>> = { none: 0x1, lz4_block: 0x2, zstd: 0x80 };
const SB_HASH: Readonly<Record<DigestName, number>> = { blake3: 0x4, sha256: 0x8 };

/** Inode flags (§2.2). */
export const INODE_SYMLINK = 0x1;
export const INODE_XATTR = 0x4;
export const INODE_HAS_HOLE = 0x8;

/** Chunk flags (§2.3). */
export const CHUNK_COMPRESSED = 0x01;
export const CHUNK_HAS_CRC32 = 0x10;

/** xattr limits and allowed names (§3.8). */
const XATTR_PREFIXES = ['user.', 'security.', 'trusted.'];
const XATTR_SYSTEM_NAMES = ['system.posix_acl_access', 'system.posix_acl_default'];
const XATTR_NAME_MAX = 255;
const XATTR_VALUE_MAX = 64 * 1024;

export const align8 = (v: number): number => Math.ceil(v / 8) * 8;
export const align4k = (v: number): number => Math.ceil(v / 4096) * 4096;

/** Superblock flag bits for a compressor/digester pair; unknown names are rejected. */
export function superFlags(compressor: Compressor, digester: DigestName): number {
  const c = SB_COMPRESSION[compressor];
  const h = SB_HASH[digester];
  if (c === undefined) throw new NydusError('EINVAL', `RAFS v5: unsupported compressor '${compressor}' (none, lz4_block, zstd)`, 2);
  if (h === undefined) throw new NydusError('EINVAL', `RAFS v5: unsupported digester '${digester}' (blake3, sha256)`, 2);
  return c | h | SB_EXPLICIT_UID_GID;
}

export interface V5Superblock {
  chunkSize: number;
  flags: number;
  inodesCount: number;
  inodeTableOffset: number;
  inodeTableEntries: number;
  prefetchTableOffset: number;
  prefetchTableEntries: number;
  blobTableOffset: number;
  blobTableSize: number;
  extBlobTableEntries: number;
  extBlobTableOffset: number;
}

/** Writes the 8192-byte superblock at offset 0 of a zeroed buffer (§3.2). */
export function writeSuperblock(out: Buffer, sb: V5Superblock): void {
  out.writeUInt32LE(V5_MAGIC, 0);
  out.writeUInt32LE(V5_VERSION, 4);
  out.writeUInt32LE(V5_SUPERBLOCK_SIZE, 8);
  out.writeUInt32LE(sb.chunkSize, 12);
  out.writeBigUInt64LE(BigInt(sb.flags), 16);
  out.writeBigUInt64LE(BigInt(sb.inodesCount), 24);
  out.writeBigUInt64LE(BigInt(sb.inodeTableOffset), 32);
  out.writeBigUInt64LE(BigInt(sb.prefetchTableOffset), 40);
  out.writeBigUInt64LE(BigInt(sb.blobTableOffset), 48);
  out.writeUInt32LE(sb.inodeTableEntries, 56);
  out.writeUInt32LE(sb.prefetchTableEntries, 60);
  out.writeUInt32LE(sb.blobTableSize, 64);
  out.writeUInt32LE(sb.extBlobTableEntries, 68);
  out.writeBigUInt64LE(BigInt(sb.extBlobTableOffset), 72);
}

/** The fixed 128-byte head of an inode record (§3.7). */
export interface V5Inode {
  digest: Buffer;
  parent: number;
  ino: number;
  uid: number;
  gid: number;
  mode: number;
  size: number;
  blocks: number;
  flags: number;
  nlink: number;
  childIndex: number;
  childCount: number;
  nameSize: number;
  symlinkSize: number;
  rdev: number;
  mtime: number;
  mtimeNsec: number;
}

export function writeInode(out: Buffer, off: number, n: V5Inode): void {
  n.digest.copy(out, off, 0, 32);
  out.writeBigUInt64LE(BigInt(n.parent), off + 32);
  out.writeBigUInt64LE(BigInt(n.ino), off + 40);
  out.writeUInt32LE(n.uid, off + 48);
  out.writeUInt32LE(n.gid, off + 52);
  // i_projid (56) stays 0.
  out.writeUInt32LE(n.mode, off + 60);
  out.writeBigUInt64LE(BigInt(n.size), off + 64);
  out.writeBigUInt64LE(BigInt(n.blocks), off + 72);
  out.writeBigUInt64LE(BigInt(n.flags), off + 80);
  out.writeUInt32LE(n.nlink, off + 88);
  out.writeUInt32LE(n.childIndex, off + 92);
  out.writeUInt32LE(n.childCount, off + 96);
  out.writeUInt16LE(n.nameSize, off + 100);
  out.writeUInt16LE(n.symlinkSize, off + 102);
  out.writeUInt32LE(n.rdev, off + 104);
  out.writeUInt32LE(n.mtimeNsec, off + 108);
  // Pre-1970 times are stored as the two's complement, as a `u64` cast of an i64 would.
  out.writeBigUInt64LE(BigInt.asUintN(64, BigInt(n.mtime)), off + 112);
}

function xattrNameAllowed(name: string): boolean {
  return XATTR_PREFIXES.some((p) => name.length > p.length && name.startsWith(p)) || XATTR_SYSTEM_NAMES.includes(name);
}

/**
 * The xattr table of one inode (§3.8): u64 size of the pair area, then per pair u32 size,
 * name, NUL, value; zero padding to 8. `pairArea` is the unpadded `size` field.
 */
export function encodeXattrs(xattrs: Array<[string, Buffer]>, path: string): { table: Buffer; pairArea: number } {
  const pairs: Buffer[] = [];
  for (const [name, value] of xattrs) {
    const nameBytes = Buffer.from(name, 'utf8');
    if (!xattrNameAllowed(name)) {
      throw new NydusError(
        'EINVAL',
        `${path}: xattr '${name}' is not in an allowed namespace (user., security., trusted., ` +
          'system.posix_acl_access, system.posix_acl_default)',
      );
    }
    if (nameBytes.length > XATTR_NAME_MAX || nameBytes.includes(0)) {
      throw new NydusError('EINVAL', `${path}: xattr name '${name}' is longer than ${XATTR_NAME_MAX} bytes or holds a NUL`);
    }
    if (value.length > XATTR_VALUE_MAX) {
      throw new NydusError('EINVAL', `${path}: xattr '${name}' value of ${value.length} bytes exceeds ${XATTR_VALUE_MAX}`);
    }
    const head = Buffer.alloc(4);
    head.writeUInt32LE(nameBytes.length + 1 + value.length);
    pairs.push(head, nameBytes, Buffer.alloc(1), value);
  }
  const body = Buffer.concat(pairs);
  const table = Buffer.alloc(8 + align8(body.length));
  table.writeBigUInt64LE(BigInt(body.length), 0);
  body.copy(table, 8);
  return { table, pairArea: body.length };
}

/** Writes one 80-byte chunk record (§3.9). HAS_CRC32 is set when the record carries a CRC. */
export function writeChunk(out: Buffer, off: number, c: ChunkRecord): void {
  c.digest.copy(out, off, 0, 32);
  out.writeUInt32LE(c.blobIndex, off + 32);
  // A CRC of 0 means "not computed" in ChunkRecord; a real CRC-32C of 0 then falls back to
  // digest validation, which is equally strong.
  const flags = (c.compressed ? CHUNK_COMPRESSED : 0) | (c.crc32 !== 0 ? CHUNK_HAS_CRC32 : 0);
  out.writeUInt32LE(flags, off + 36);
  out.writeUInt32LE(c.compressedSize, off + 40);
  out.writeUInt32LE(c.uncompressedSize, off + 44);
  out.writeBigUInt64LE(BigInt(c.compressedOffset), off + 48);
  out.writeBigUInt64LE(BigInt(c.uncompressedOffset), off + 56);
  out.writeBigUInt64LE(BigInt(c.fileOffset), off + 64);
  out.writeUInt32LE(c.index, off + 72);
  out.writeUInt32LE(c.crc32 >>> 0, off + 76);
}

/** Reads one 80-byte chunk record (§3.9), the inverse of writeChunk; a CRC only with HAS_CRC32. */
export function readChunk(buf: Buffer, off: number): ChunkRecord {
  const flags = buf.readUInt32LE(off + 36);
  return {
    digest: Buffer.from(buf.subarray(off, off + 32)), blobIndex: buf.readUInt32LE(off + 32), compressed: (flags & CHUNK_COMPRESSED) !== 0,
    compressedSize: buf.readUInt32LE(off + 40), uncompressedSize: buf.readUInt32LE(off + 44),
    compressedOffset: Number(buf.readBigUInt64LE(off + 48)), uncompressedOffset: Number(buf.readBigUInt64LE(off + 56)),
    fileOffset: Number(buf.readBigUInt64LE(off + 64)), index: buf.readUInt32LE(off + 72),
    crc32: flags & CHUNK_HAS_CRC32 ? buf.readUInt32LE(off + 76) : 0,
  };
}
