// Builder layer: writes a RAFS v5 bootstrap (rafs-format §3) for `nydus create` from a
// planned BuildNode tree: superblock, inode table, prefetch table, blob table, extended blob
// table and the inode records in child-index order, with merkle inode digests (§3.11).
import { NydusError } from '../errors.js';
import { digest } from '../native/binding.js';
import { findNode, S_IFDIR, S_IFLNK, S_IFMT, S_IFREG } from './model.js';
import type { BlobResult, BlobsArg, BuildNode, BuildOptions } from './model.js';
import { planV5, type V5Entry, type V5Plan } from './v5-plan.js';
import {
  SB_HAS_XATTR, V5_EXT_BLOB_ENTRY_SIZE, V5_INODE_SIZE, V5_CHUNK_SIZE, V5_SUPERBLOCK_SIZE, align8, superFlags,
  writeChunk, writeInode, writeSuperblock,
} from './v5-layout.js';

/** Direct (mapped) mode readers refuse larger bootstraps (§3.2). */
const MAX_BOOTSTRAP_SIZE = 0x8000_0000;
const MAX_BLOB_ID = 64;

function checkOptions(options: BuildOptions): void {
  const cs = options.chunkSize;
  if (!Number.isInteger(cs) || cs < 0x1000 || cs > 0x100_0000 || (cs & (cs - 1)) !== 0) {
    throw new NydusError('EINVAL', `RAFS v5: chunk size ${cs} is not a power of two in [4096, 16 MiB]`, 2);
  }
}

/** §3.11: files hash their chunk digests, symlinks their target, directories their children's digests. */
function inodeDigests(plan: V5Plan, alg: BuildOptions['digester']): Buffer[] {
  const { entries } = plan;
  const out: Buffer[] = new Array(entries.length);
  // A directory's children always have larger indexes than the directory itself.
  for (let k = entries.length - 1; k >= 0; k--) {
    const e = entries[k];
    switch (e.attrs.mode & S_IFMT) {
      case S_IFREG:
        out[k] = digest(alg, Buffer.concat(e.chunks.map((c) => c.digest)));
        break;
      case S_IFLNK:
        out[k] = digest(alg, e.symlink);
        break;
      case S_IFDIR:
        out[k] = digest(alg, Buffer.concat(out.slice(e.childIndex - 1, e.childIndex - 1 + e.childCount)));
        break;
      default:
        out[k] = digest(alg, Buffer.alloc(0));
    }
  }
  return out;
}

/** Inode numbers of the prefetch paths (§3.4), in the given order without repeats. */
function prefetchInodes(root: BuildNode, plan: V5Plan, paths: string[]): number[] {
  const inos: number[] = [];
  for (const path of paths) {
    const node = path.startsWith('/') ? findNode(root, path) : undefined;
    const entry = node && plan.byNode.get(node);
    if (!entry) throw new NydusError('ENOENT', `RAFS v5: prefetch path ${path} is not in the image`, 2);
    if (!inos.includes(entry.ino)) inos.push(entry.ino);
  }
  return inos;
}

/**
 * Blob table (§3.5): per blob readahead 0/0 and the id, a NUL between entries (none after
 * the last), padded to 8.
 */
function blobTable(blobs: BlobResult[]): Buffer {
  if (blobs.length === 0) return Buffer.alloc(0);
  const parts = blobs.map((blob, i) => {
    const id = Buffer.from(blob.blobId, 'latin1');
    if (id.length === 0 || id.length > MAX_BLOB_ID || id.includes(0)) {
      throw new NydusError('EINVAL', `RAFS v5: blob id '${blob.blobId}' must be 1..${MAX_BLOB_ID} bytes without NUL`);
    }
    return Buffer.concat([Buffer.alloc(8), id, Buffer.alloc(i < blobs.length - 1 ? 1 : 0)]);
  });
  const bytes = Buffer.concat(parts);
  return Buffer.concat([bytes, Buffer.alloc(align8(bytes.length) - bytes.length)]);
}

function extBlobTable(blobs: BlobResult[]): Buffer {
  const table = Buffer.alloc(V5_EXT_BLOB_ENTRY_SIZE * blobs.length);
  blobs.forEach((blob, i) => {
    const o = i * V5_EXT_BLOB_ENTRY_SIZE;
    table.writeUInt32LE(blob.chunkCount, o);
    // features (4) stay 0: v5 blobs carry no chunk-info array or ToC.
    table.writeBigUInt64LE(BigInt(blob.uncompressedSize), o + 8);
    table.writeBigUInt64LE(BigInt(blob.compressedSize), o + 16);
  });
  return table;
}

function writeRecord(out: Buffer, off: number, e: V5Entry, digestBytes: Buffer): void {
  const a = e.attrs;
  writeInode(out, off, {
    digest: digestBytes, parent: e.parent, ino: e.ino, uid: a.uid, gid: a.gid, mode: a.mode,
    size: e.size, blocks: e.blocks, flags: e.flags, nlink: e.nlink,
    childIndex: (a.mode & S_IFMT) === S_IFDIR ? e.childIndex : 0, childCount: e.childCount,
    nameSize: e.name.length, symlinkSize: e.symlink.length, rdev: a.rdev, mtime: a.mtime, mtimeNsec: a.mtimeNsec,
  });
  let pos = off + V5_INODE_SIZE;
  e.name.copy(out, pos);
  pos += align8(e.name.length);
  e.symlink.copy(out, pos);
  pos += align8(e.symlink.length);
  if (e.xattrTable) {
    e.xattrTable.copy(out, pos);
    pos += e.xattrTable.length;
  }
  for (const c of e.chunks) {
    writeChunk(out, pos, c);
    pos += V5_CHUNK_SIZE;
  }
}

/**
 * The RAFS v5 bootstrap of `root` whose file chunks live in `blobArg` (one blob, several
 * blobs selected by each chunk's `blobIndex`, or null when no file has data).
 * Deterministic: the same tree and blobs give the same bytes. Sets `node.ino` on every
 * node. Throws NydusError for trees the v5 format or its reader cannot represent.
 */
export function writeV5Bootstrap(root: BuildNode, blobArg: BlobsArg, options: BuildOptions): Buffer {
  checkOptions(options);
  const flags = superFlags(options.compressor, options.digester);
  const list = Array.isArray(blobArg) ? blobArg : blobArg ? [blobArg] : [];
  const plan = planV5(root, options, list);
  const prefetch = prefetchInodes(root, plan, options.prefetchFiles);
  const blobs = blobTable(list);
  const ext = extBlobTable(list);
  const { entries } = plan;

  const inodeTableOffset = V5_SUPERBLOCK_SIZE;
  const prefetchTableOffset = inodeTableOffset + align8(4 * entries.length);
  const blobTableOffset = prefetchTableOffset + align8(4 * prefetch.length);
  const extTableOffset = blobTableOffset + blobs.length;
  let end = extTableOffset + ext.length;
  const offsets = entries.map((e) => {
    const at = end;
    end += e.recordSize;
    return at;
  });
  if (end > MAX_BOOTSTRAP_SIZE) {
    throw new NydusError('EFBIG', `RAFS v5: bootstrap of ${end} bytes exceeds the 2 GiB v5 limit`);
  }

  const out = Buffer.alloc(end);
  writeSuperblock(out, {
    chunkSize: options.chunkSize,
    flags: flags | (plan.hasXattr ? SB_HAS_XATTR : 0),
    inodesCount: plan.inodesCount,
    inodeTableOffset,
    inodeTableEntries: entries.length,
    prefetchTableOffset,
    prefetchTableEntries: prefetch.length,
    blobTableOffset,
    blobTableSize: blobs.length,
    extBlobTableEntries: ext.length / V5_EXT_BLOB_ENTRY_SIZE,
    extBlobTableOffset: ext.length > 0 ? extTableOffset : 0,
  });
  offsets.forEach((off, k) => out.writeUInt32LE(off / 8, inodeTableOffset + 4 * k));
  prefetch.forEach((ino, k) => out.writeUInt32LE(ino, prefetchTableOffset + 4 * k));
  blobs.copy(out, blobTableOffset);
  ext.copy(out, extTableOffset);
  const digests = inodeDigests(plan, options.digester);
  entries.forEach((e, k) => writeRecord(out, offsets[k], e, digests[k]));
  return out;
}
