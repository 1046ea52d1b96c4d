// Builder layer, RAFS v6: byte encoders for the EROFS metadata of one inode (rafs-format
// §4.7-4.11): the compact/extended inode, inline ("ibody") xattrs, dirent blocks and the
// 8-byte chunk indexes of a chunk-based file. Pure functions over plain data.
import { NydusError } from '../errors.js';
import { S_IFDIR, S_IFLNK, S_IFMT, S_IFREG } from './model.js';

export const BLOCK_SIZE = 4096;
export const BLOCK_BITS = 12;
export const COMPACT_INODE_SIZE = 32;
export const EXTENDED_INODE_SIZE = 64;
export const DIRENT_SIZE = 12;
export const CHUNK_INDEX_SIZE = 8;
export const NAME_MAX = 255;
/** EROFS_NULL_ADDR: a chunk index with this block address is a hole (reads as zeros). */
export const NULL_BLKADDR = 0xffff_ffff;

export const enum Layout {
  FlatPlain = 0,
  FlatInline = 2,
  ChunkBased = 4,
}

const S_IFCHR = 0o020000;
const S_IFBLK = 0o060000;
const S_IFIFO = 0o010000;
const S_IFSOCK = 0o140000;

/** An error naming the format; usage mistakes (options, prefetch paths) exit with 2. */
export function v6Error(message: string, code = 'EINVAL', exitCode = 1): NydusError {
  return new NydusError(code, `RAFS v6: ${message}`, exitCode);
}

export const align = (x: number, a: number): number => Math.ceil(x / a) * a;

export function writeU64(buf: Buffer, value: number, off: number): void {
  buf.writeBigUInt64LE(BigInt(value), off);
}

/** EROFS dirent file_type (§4.9) of an st_mode. */
export function direntType(mode: number): number {
  switch (mode & S_IFMT) {
    case S_IFREG: return 1;
    case S_IFDIR: return 2;
    case S_IFCHR: return 3;
    case S_IFBLK: return 4;
    case S_IFIFO: return 5;
    case S_IFSOCK: return 6;
    case S_IFLNK: return 7;
    default: return 0;
  }
}

export const isDevice = (mode: number): boolean => (mode & S_IFMT) === S_IFCHR || (mode & S_IFMT) === S_IFBLK;

// EROFS xattr name indexes (§4.8). Whole-name entries come first: "system.posix_acl_access"
// must not be taken for some other "system." prefix.
const XATTR_PREFIXES: Array<[string, number]> = [
  ['system.posix_acl_access', 2],
  ['system.posix_acl_default', 3],
  ['user.', 1],
  ['trusted.', 4],
  ['security.', 6],
];

/** The inline xattr area (12-byte header + entries) and its i_xattr_icount; empty when none. */
export function encodeXattrs(path: string, xattrs: Array<[string, Buffer]>): { area: Buffer; icount: number } {
  if (xattrs.length === 0) return { area: Buffer.alloc(0), icount: 0 };
  const parts: Buffer[] = [Buffer.alloc(12)];
  for (const [name, value] of xattrs) {
    const hit = XATTR_PREFIXES.find(([p, index]) => (index === 2 || index === 3 ? name === p : name.startsWith(p)));
    if (!hit) {
      throw v6Error(`${path}: xattr '${name}' is not in a namespace EROFS can store ` +
        '(user., trusted., security., system.posix_acl_access, system.posix_acl_default)');
    }
    const suffix = Buffer.from(name.slice(hit[0].length), 'utf8');
    if (suffix.length > 255) throw v6Error(`${path}: xattr name '${name}' is longer than 255 bytes after its prefix`);
    if (value.length > 0xffff) throw v6Error(`${path}: xattr '${name}' value of ${value.length} bytes exceeds 65535`);
    const entry = Buffer.alloc(align(4 + suffix.length + value.length, 4));
    entry.writeUInt8(suffix.length, 0);
    entry.writeUInt8(hit[1], 1);
    entry.writeUInt16LE(value.length, 2);
    suffix.copy(entry, 4);
    value.copy(entry, 4 + suffix.length);
    parts.push(entry);
  }
  const area = Buffer.concat(parts);
  const icount = (area.length - 12) / 4 + 1;
  if (icount > 0xffff) throw v6Error(`${path}: ${area.length} bytes of xattrs exceed the inline xattr limit`);
  return { area, icount };
}

export interface DirEntryPlan {
  name: Buffer;
  /** Key of the inode the entry names (resolved to a nid when encoding). */
  target: object;
  type: number;
}

/** Dirent blocks of a directory: entries sorted byte-wise, "." and ".." included (§4.9). */
export interface DirPlan {
  blocks: DirEntryPlan[][];
  size: number;
}

export function planDirents(path: string, entries: DirEntryPlan[]): DirPlan {
  const sorted = [...entries].sort((a, b) => Buffer.compare(a.name, b.name));
  const blocks: DirEntryPlan[][] = [];
  let current: DirEntryPlan[] = [];
  let used = 0;
  let size = 0;
  for (let i = 0; i < sorted.length; i++) {
    const e = sorted[i];
    if (e.name.length === 0 || e.name.length > NAME_MAX) {
      throw v6Error(`${path}: entry name of ${e.name.length} bytes (must be 1 to ${NAME_MAX})`);
    }
    if (i > 0 && sorted[i - 1].name.equals(e.name)) throw v6Error(`${path}: duplicate entry '${e.name.toString()}'`);
    const need = DIRENT_SIZE + e.name.length;
    if (used + need > BLOCK_SIZE) {
      blocks.push(current);
      size += BLOCK_SIZE;
      current = [];
      used = 0;
    }
    current.push(e);
    used += need;
  }
  blocks.push(current);
  return { blocks, size: size + used };
}

/** The directory's data (exactly plan.size bytes; full blocks are zero-padded). */
export function encodeDirents(plan: DirPlan, nidOf: (target: object) => number): Buffer {
  const out = Buffer.alloc(plan.size);
  plan.blocks.forEach((block, b) => {
    const base = b * BLOCK_SIZE;
    let nameoff = block.length * DIRENT_SIZE;
    block.forEach((e, j) => {
      const at = base + j * DIRENT_SIZE;
      writeU64(out, nidOf(e.target), at);
      out.writeUInt16LE(nameoff, at + 8);
      out.writeUInt8(e.type, at + 10);
      e.name.copy(out, base + nameoff);
      nameoff += e.name.length;
    });
  });
  return out;
}

export interface InodeFields {
  extended: boolean;
  layout: Layout;
  icount: number;
  mode: number;
  nlink: number;
  size: number;
  /** raw_blkaddr, chunk-info header or rdev. */
  iu: number;
  ino: number;
  uid: number;
  gid: number;
  mtime: number;
  mtimeNsec: number;
}

/** Writes a compact (32-byte) or extended (64-byte) inode at `off`. */
export function encodeInode(out: Buffer, off: number, f: InodeFields): void {
  out.writeUInt16LE((f.layout << 1) | (f.extended ? 1 : 0), off);
  out.writeUInt16LE(f.icount, off + 2);
  out.writeUInt16LE(f.mode & 0xffff, off + 4);
  out.writeUInt32LE(f.iu >>> 0, off + 16);
  out.writeUInt32LE(f.ino >>> 0, off + 20);
  if (f.extended) {
    writeU64(out, f.size, off + 8);
    out.writeUInt32LE(f.uid >>> 0, off + 24);
    out.writeUInt32LE(f.gid >>> 0, off + 28);
    writeU64(out, f.mtime, off + 32);
    out.writeUInt32LE(f.mtimeNsec >>> 0, off + 40);
    out.writeUInt32LE(f.nlink >>> 0, off + 44);
  } else {
    out.writeUInt16LE(f.nlink, off + 6);
    out.writeUInt32LE(f.size, off + 8);
    out.writeUInt16LE(f.uid, off + 24);
    out.writeUInt16LE(f.gid, off + 26);
  }
}

/** One 8-byte chunk index (§4.11); `null` writes the EROFS null (hole) index. */
export function encodeChunkIndex(
  out: Buffer, off: number, chunk: { blobIndex: number; index: number; blkAddr: number } | null,
): void {
  if (chunk === null) {
    out.writeUInt32LE(NULL_BLKADDR, off + 4);
    return;
  }
  out.writeUInt16LE(chunk.index & 0xffff, off);
  out.writeUInt16LE(((chunk.blobIndex + 1) & 0xff) | ((chunk.index >>> 16) << 8), off + 2);
  out.writeUInt32LE(chunk.blkAddr, off + 4);
}
