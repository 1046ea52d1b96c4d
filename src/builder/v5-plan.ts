// Builder layer: plans a RAFS v5 bootstrap from a BuildNode tree: child indexes (§3.10),
// inode numbers and link counts of hard-link groups, derived sizes (§3.13), inode flags and
// record sizes, and every check the v5 reader applies to records and chunks (§3.7, §3.9).
import { NydusError } from '../errors.js';
import { S_IFDIR, S_IFLNK, S_IFMT, S_IFREG } from './model.js';
import type { BlobResult, BuildNode, BuildOptions, ChunkRecord } from './model.js';
import {
  INODE_HAS_HOLE, INODE_SYMLINK, INODE_XATTR, V5_CHUNK_SIZE, V5_INODE_SIZE, align4k, align8, encodeXattrs,
} from './v5-layout.js';

const NAME_MAX = 255;
const U32_MAX = 0xffff_ffff;
const ROOT_NAME = Buffer.from('/');

/** One directory entry of the image, in child-index order. */
export interface V5Entry {
  node: BuildNode;
  /** Whose inode attributes the record carries: the link leader for hard links, else `node`. */
  attrs: BuildNode;
  /** Child index (1-based); the record's slot in the inode table. */
  index: number;
  /** i_ino: `index`, or the first child index of the entry's hard-link group. */
  ino: number;
  /** i_ino of the parent directory; 0 for the root. */
  parent: number;
  nlink: number;
  /** Directories: first child index and child count. Regular files: childCount = chunks. */
  childIndex: number;
  childCount: number;
  name: Buffer;
  symlink: Buffer;
  chunks: ChunkRecord[];
  xattrTable?: Buffer;
  flags: number;
  size: number;
  blocks: number;
  recordSize: number;
}

export interface V5Plan {
  entries: V5Entry[];
  /** Entry of each tree node (for prefetch resolution). */
  byNode: Map<BuildNode, V5Entry>;
  /** Number of distinct i_ino values. */
  inodesCount: number;
  hasXattr: boolean;
}

const isType = (mode: number, type: number): boolean => (mode & S_IFMT) === type;

function fail(code: string, message: string): NydusError {
  return new NydusError(code, `RAFS v5: ${message}`);
}

function checkName(node: BuildNode): void {
  const n = node.name;
  if (n.length > NAME_MAX) throw fail('ENAMETOOLONG', `${node.path}: name of ${n.length} bytes exceeds ${NAME_MAX}`);
  if (n.length === 0 || n.includes(0) || n.includes(0x2f) || n.equals(Buffer.from('.')) || n.equals(Buffer.from('..'))) {
    throw fail('EINVAL', `${node.path}: invalid entry name ${JSON.stringify(n.toString('latin1'))}`);
  }
}

function checkU32(node: BuildNode, what: string, v: number): void {
  if (!Number.isInteger(v) || v < 0 || v > U32_MAX) throw fail('EINVAL', `${node.path}: ${what} ${v} does not fit in 32 bits`);
}

/** Assigns child indexes depth-first: a directory's children get consecutive indexes when it is visited. */
function assignIndexes(root: BuildNode): { entries: V5Entry[]; subdirs: Map<V5Entry, number> } {
  const blank = (node: BuildNode, index: number, parent: number): V5Entry => ({
    node, attrs: node, index, ino: index, parent, nlink: 1, childIndex: 0, childCount: 0,
    name: node.name, symlink: Buffer.alloc(0), chunks: [], flags: 0, size: 0, blocks: 0, recordSize: 0,
  });
  if (!isType(root.mode, S_IFDIR)) throw fail('ENOTDIR', `the root ${root.path} is not a directory`);
  const rootEntry = blank(root, 1, 0);
  rootEntry.name = ROOT_NAME;
  const entries = [rootEntry];
  const subdirs = new Map<V5Entry, number>();
  const stack = [rootEntry];
  while (stack.length > 0) {
    const dir = stack.pop()!;
    const children = dir.node.children ?? [];
    dir.childIndex = entries.length + 1;
    dir.childCount = children.length;
    const dirs: V5Entry[] = [];
    for (let k = 0; k < children.length; k++) {
      const child = children[k];
      checkName(child);
      if (k > 0 && Buffer.compare(children[k - 1].name, child.name) >= 0) {
        throw fail('EINVAL', `${dir.node.path}: children not sorted by name or duplicated at ${child.path}`);
      }
      const e = blank(child, entries.length + 1, dir.ino);
      entries.push(e);
      if (isType(child.mode, S_IFDIR)) dirs.push(e);
      else if (child.children && child.children.length > 0) throw fail('ENOTDIR', `${child.path} has children but is not a directory`);
    }
    subdirs.set(dir, dirs.length);
    for (let k = dirs.length - 1; k >= 0; k--) stack.push(dirs[k]);
  }
  return { entries, subdirs };
}

/** Checks a regular file's chunks against the reader's rules; returns whether it has holes. */
function checkChunks(e: V5Entry, options: BuildOptions, blobs: BlobResult[]): boolean {
  const { path } = e.node;
  const cs = options.chunkSize;
  let end = 0;
  let holes = e.chunks.length !== Math.ceil(e.size / cs);
  e.chunks.forEach((c, k) => {
    const bad = (what: string) => fail('EINVAL', `${path}: chunk ${k}: ${what}`);
    if (blobs.length === 0) throw bad('no blob was written');
    const blob = blobs[c.blobIndex];
    if (!blob) throw bad(`blob index ${c.blobIndex}, but the image has ${blobs.length} blob(s)`);
    if (c.digest.length !== 32) throw bad(`digest of ${c.digest.length} bytes, expected 32`);
    if (c.uncompressedSize < 1 || c.uncompressedSize > cs) throw bad(`uncompressed size ${c.uncompressedSize} not in [1, ${cs}]`);
    if (c.compressedSize < 1) throw bad('compressed size 0');
    if (!c.compressed && c.compressedSize !== c.uncompressedSize) throw bad('stored raw with compressed size != uncompressed size');
    if (c.fileOffset < end) throw bad(`file offset ${c.fileOffset} overlaps the chunk before it`);
    end = c.fileOffset + c.uncompressedSize;
    if (end > e.size) throw bad(`ends at ${end}, beyond the ${e.size}-byte file`);
    if (c.index < 0 || c.index >= blob.chunkCount) throw bad(`index ${c.index} beyond the blob's ${blob.chunkCount} chunks`);
    if (c.compressedOffset + c.compressedSize > blob.compressedSize) throw bad('stored range beyond the blob');
    if (c.uncompressedOffset + c.uncompressedSize > blob.uncompressedSize) throw bad('uncompressed range beyond the blob');
    if (c.fileOffset !== k * cs || (end !== e.size && c.uncompressedSize !== cs)) holes = true;
  });
  return holes;
}

/** Fills a non-directory entry from its attributes node: flags, size, symlink, chunks. */
function fillLeaf(e: V5Entry, options: BuildOptions, blobs: BlobResult[]): void {
  const a = e.attrs;
  if (isType(a.mode, S_IFLNK)) {
    const target = a.target ?? Buffer.alloc(0);
    if (target.length === 0 || target.length > 0xffff) {
      throw fail('EINVAL', `${e.node.path}: symlink target of ${target.length} bytes (must be 1..65535)`);
    }
    e.symlink = target;
    e.size = target.length;
    e.flags |= INODE_SYMLINK;
  } else if (isType(a.mode, S_IFREG)) {
    if (!Number.isSafeInteger(a.size) || a.size < 0) throw fail('EINVAL', `${e.node.path}: bad size ${a.size}`);
    e.size = a.size;
    if (a.size > 0 && !a.chunks) throw fail('EINVAL', `${e.node.path}: ${a.size}-byte file has no chunk list (blob not written?)`);
    e.chunks = a.chunks ?? [];
    e.childCount = e.chunks.length;
    if (checkChunks(e, options, blobs)) e.flags |= INODE_HAS_HOLE;
  }
}

export function planV5(root: BuildNode, options: BuildOptions, blobs: BlobResult[]): V5Plan {
  const { entries, subdirs } = assignIndexes(root);
  const byNode = new Map<BuildNode, V5Entry>();
  const groups = new Map<BuildNode, V5Entry[]>();
  for (const e of entries) {
    if (byNode.has(e.node)) throw fail('EINVAL', `${e.node.path}: the same node appears twice in the tree`);
    byNode.set(e.node, e);
    // Only regular files form v5 hard-link groups (§3.10); other types get their own inode.
    const leader = e.node.linkLeader;
    if (leader && isType(e.node.mode, S_IFREG) && isType(leader.mode, S_IFREG)) {
      const g = groups.get(leader);
      if (g) g.push(e);
      else groups.set(leader, [e]);
    }
  }
  for (const [leader, group] of groups) {
    if (group.length < 2) continue;
    // Entries are in child-index order, so group[0] holds the smallest index.
    for (const e of group) {
      e.ino = group[0].index;
      e.nlink = group.length;
      e.attrs = leader;
    }
  }

  let hasXattr = false;
  for (const e of entries) {
    const a = e.attrs;
    const { path } = e.node;
    checkU32(e.node, 'uid', a.uid);
    checkU32(e.node, 'gid', a.gid);
    checkU32(e.node, 'mode', a.mode);
    checkU32(e.node, 'rdev', a.rdev);
    if (!Number.isSafeInteger(a.mtime)) throw fail('EINVAL', `${path}: bad mtime ${a.mtime}`);
    if (!Number.isInteger(a.mtimeNsec) || a.mtimeNsec < 0 || a.mtimeNsec >= 1e9) throw fail('EINVAL', `${path}: bad mtime nanoseconds ${a.mtimeNsec}`);
    let pairArea = 0;
    if (a.xattrs.length > 0) {
      const x = encodeXattrs(a.xattrs, path);
      e.xattrTable = x.table;
      pairArea = x.pairArea;
      e.flags |= INODE_XATTR;
      hasXattr = true;
    }
    if (isType(a.mode, S_IFDIR)) {
      const children = e.node.children ?? [];
      const names = children.reduce((sum, c) => sum + c.name.length + 8, 0);
      e.size = children.length === 0 ? 4096 : align4k(names);
      e.nlink = 2 + subdirs.get(e)!;
    } else {
      fillLeaf(e, options, blobs);
    }
    e.blocks = Math.ceil((e.size + (e.xattrTable ? align8(pairArea) : 0)) / 512);
    e.recordSize = V5_INODE_SIZE + align8(e.name.length) + align8(e.symlink.length) +
      (e.xattrTable?.length ?? 0) + V5_CHUNK_SIZE * e.chunks.length;
    e.node.ino = e.ino;
  }
  const inodesCount = new Set(entries.map((e) => e.ino)).size;
  return { entries, byNode, inodesCount, hasXattr };
}
