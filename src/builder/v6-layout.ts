// Builder layer, RAFS v6: plans the metadata area (rafs-format §4.6-4.11): one inode per
// link group in breadth-first tree order, each with its data layout, inline part and
// 32-byte-aligned position, then whole blocks for directory/symlink data that is not inline.
import {
  BLOCK_SIZE, CHUNK_INDEX_SIZE, COMPACT_INODE_SIZE, EXTENDED_INODE_SIZE, Layout, NAME_MAX, align, direntType,
  encodeXattrs, isDevice, planDirents, v6Error, type DirPlan,
} from './v6-encode.js';
import { S_IFDIR, S_IFLNK, S_IFMT, S_IFREG, type BuildNode } from './model.js';

const MAX_SYMLINK = 4096;

/** One on-disk inode: a tree node, or every member of a hard-link group. */
export interface V6Inode {
  /** The node whose attributes are stored (the group leader). */
  node: BuildNode;
  /** Every tree node that names this inode. */
  links: BuildNode[];
  /** Parent directory inode (".."); null for the root, whose ".." is itself. */
  parent: V6Inode | null;
  nlink: number;
  size: number;
  extended: boolean;
  layout: Layout;
  xattrs: Buffer;
  icount: number;
  dir?: DirPlan;
  /** Bytes of directory/symlink data stored after the inode (FLAT_INLINE tail). */
  tail: number;
  /** Whole data blocks stored at `blkaddr` (FLAT layouts). */
  plainBlocks: number;
  blkaddr: number;
  /** Chunk indexes (regular files). */
  chunkCount: number;
  offset: number;
  nid: number;
}

const typeOf = (n: BuildNode): number => n.mode & S_IFMT;
const keyOf = (n: BuildNode): BuildNode => n.linkLeader ?? n;

/** Inodes in breadth-first order (root first); the first occurrence places a link group. */
export function collectInodes(root: BuildNode): { inodes: V6Inode[]; byKey: Map<BuildNode, V6Inode> } {
  if (typeOf(root) !== S_IFDIR) throw v6Error(`the root ${root.path} is not a directory`);
  const byKey = new Map<BuildNode, V6Inode>();
  const inodes: V6Inode[] = [];
  const visit = (n: BuildNode, parent: V6Inode | null): V6Inode => {
    const key = keyOf(n);
    let ino = byKey.get(key);
    if (ino) {
      if (typeOf(n) === S_IFDIR) throw v6Error(`directory ${n.path} is hard-linked`);
      ino.links.push(n);
      return ino;
    }
    ino = {
      node: key, links: [n], parent, nlink: 0, size: 0, extended: true, layout: Layout.FlatPlain,
      xattrs: Buffer.alloc(0), icount: 0, tail: 0, plainBlocks: 0, blkaddr: 0, chunkCount: 0, offset: 0, nid: 0,
    };
    byKey.set(key, ino);
    inodes.push(ino);
    return ino;
  };
  visit(root, null);
  for (let i = 0; i < inodes.length; i++) {
    const dir = inodes[i];
    if (typeOf(dir.node) !== S_IFDIR) continue;
    for (const child of dir.node.children ?? []) {
      if (child.name.length === 0 || child.name.length > NAME_MAX) {
        throw v6Error(`${child.path}: name of ${child.name.length} bytes (must be 1 to ${NAME_MAX})`);
      }
      if (child.name.includes(0) || child.name.includes(0x2f)) throw v6Error(`${child.path}: name holds a NUL or '/'`);
      visit(child, dir);
    }
  }
  return { inodes, byKey };
}

/** Fills size, nlink, layout, xattrs and inline sizes of every inode. */
export function planInodes(inodes: V6Inode[], byKey: Map<BuildNode, V6Inode>, chunkSize: number): void {
  for (const ino of inodes) {
    const n = ino.node;
    const { area, icount } = encodeXattrs(n.path, n.xattrs);
    ino.xattrs = area;
    ino.icount = icount;
    ino.nlink = ino.links.length;
    switch (typeOf(n)) {
      case S_IFDIR: {
        const children = n.children ?? [];
        const entries = [
          { name: Buffer.from('.'), target: ino as object, type: 2 },
          { name: Buffer.from('..'), target: (ino.parent ?? ino) as object, type: 2 },
          ...children.map((c) => ({ name: c.name, target: byKey.get(keyOf(c)) as object, type: direntType(c.mode) })),
        ];
        ino.dir = planDirents(n.path, entries);
        ino.size = ino.dir.size;
        ino.nlink = 2 + children.filter((c) => typeOf(c) === S_IFDIR).length;
        break;
      }
      case S_IFLNK: {
        const target = n.target ?? Buffer.alloc(0);
        if (target.length > MAX_SYMLINK) throw v6Error(`${n.path}: symlink target of ${target.length} bytes exceeds ${MAX_SYMLINK}`);
        ino.size = target.length;
        break;
      }
      case S_IFREG:
        ino.size = n.size;
        ino.layout = Layout.ChunkBased;
        ino.chunkCount = Math.ceil(n.size / chunkSize);
        break;
      default:
        ino.size = 0;
    }
    // Compact inodes drop mtime and rdev: keep them only when nothing is lost.
    ino.extended = n.mtime !== 0 || n.mtimeNsec !== 0 || isDevice(n.mode) || ino.size > 0xffff_ffff ||
      n.uid > 0xffff || n.gid > 0xffff || ino.nlink > 0xffff;
    if (ino.layout !== Layout.ChunkBased && ino.size > 0) {
      const tail = ino.size % BLOCK_SIZE;
      const head = inodeSize(ino) + ino.xattrs.length;
      if (tail !== 0 && head + tail <= BLOCK_SIZE) {
        ino.layout = Layout.FlatInline;
        ino.tail = tail;
        ino.plainBlocks = Math.floor(ino.size / BLOCK_SIZE);
      } else {
        ino.plainBlocks = Math.ceil(ino.size / BLOCK_SIZE);
      }
    }
  }
}

export const inodeSize = (ino: V6Inode): number => (ino.extended ? EXTENDED_INODE_SIZE : COMPACT_INODE_SIZE);

/** Offset of a chunk-based inode's index array, relative to the inode (§4.11). */
export const chunkIndexesAt = (ino: V6Inode): number => align(inodeSize(ino) + ino.xattrs.length, CHUNK_INDEX_SIZE);

/**
 * Places inodes from `start` (absolute, 32-byte aligned) and returns the end of the inode
 * area. An inode and its xattrs (and an inline tail, which EROFS requires) never straddle a
 * block when they fit in one; chunk indexes may run on across blocks.
 */
export function placeInodes(inodes: V6Inode[], metaBase: number, start: number): number {
  let cursor = start;
  for (const ino of inodes) {
    const head = inodeSize(ino) + ino.xattrs.length + ino.tail;
    const total = ino.layout === Layout.ChunkBased ? chunkIndexesAt(ino) + ino.chunkCount * CHUNK_INDEX_SIZE : head;
    if (head <= BLOCK_SIZE && (cursor % BLOCK_SIZE) + head > BLOCK_SIZE) cursor = align(cursor, BLOCK_SIZE);
    ino.offset = cursor;
    ino.nid = (cursor - metaBase) / 32;
    cursor = align(cursor + total, 32);
  }
  return cursor;
}

/** Gives FLAT data blocks their block addresses from block `first`; returns the next free block. */
export function placeDataBlocks(inodes: V6Inode[], first: number): number {
  let next = first;
  for (const ino of inodes) {
    if (ino.plainBlocks === 0) continue;
    ino.blkaddr = next;
    next += ino.plainBlocks;
  }
  return next;
}
