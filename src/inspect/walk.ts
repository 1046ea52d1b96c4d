// Inspect layer: a depth-first walk of an image's tree in name order (byte-wise), guarded
// against cycles and absurd depth so a hostile bootstrap cannot make it loop.
import { NydusError } from '../errors.js';
import type { DirEntryInfo, InodeAttr, RafsImage } from '../native/image.js';

import { S_IFBLK, S_IFCHR, S_IFDIR, S_IFIFO, S_IFLNK, S_IFMT, S_IFREG, S_IFSOCK } from '../fs-mode.js';

export { S_IFBLK, S_IFCHR, S_IFDIR, S_IFIFO, S_IFLNK, S_IFMT, S_IFREG, S_IFSOCK };

export type EntryType = 'file' | 'directory' | 'link' | 'char' | 'block' | 'fifo' | 'socket' | 'unknown';

export function typeOfMode(mode: number): EntryType {
  switch (mode & S_IFMT) {
    case S_IFREG: return 'file';
    case S_IFDIR: return 'directory';
    case S_IFLNK: return 'link';
    case S_IFCHR: return 'char';
    case S_IFBLK: return 'block';
    case S_IFIFO: return 'fifo';
    case S_IFSOCK: return 'socket';
    default: return 'unknown';
  }
}

export interface WalkEntry {
  /** Absolute path inside the image ("/" for the root). */
  path: string;
  name: string;
  ino: number;
  attr: InodeAttr;
  depth: number;
}

const MAX_DEPTH = 4096;

/** Compares names as raw bytes (UTF-8), as RAFS orders them. */
export function compareNames(a: string, b: string): number {
  return Buffer.compare(Buffer.from(a), Buffer.from(b));
}

/** The children of a directory ("." and ".." left out), in name order. */
export function children(image: RafsImage, ino: number): DirEntryInfo[] {
  return image
    .readdir(ino)
    .filter((e) => e.name !== '.' && e.name !== '..')
    .sort((a, b) => compareNames(a.name, b.name));
}

/**
 * Visits every entry, parents before children. `enter` returning false skips a directory's
 * children. A directory reached twice (a cycle in a corrupt image) is an error.
 */
export function walk(image: RafsImage, visit: (e: WalkEntry) => boolean | void): void {
  const root = image.rootIno;
  const onPath = new Set<number>();
  const go = (path: string, name: string, ino: number, depth: number): void => {
    if (depth > MAX_DEPTH) throw new NydusError('EIO', `${path}: directory tree deeper than ${MAX_DEPTH} levels`);
    const attr = image.getattr(ino);
    const descend = visit({ path, name, ino, attr, depth }) !== false;
    if ((attr.mode & S_IFMT) !== S_IFDIR || !descend) return;
    if (onPath.has(ino)) throw new NydusError('EIO', `${path}: directory cycle (inode ${ino} contains itself)`);
    onPath.add(ino);
    for (const child of children(image, ino)) {
      go(path === '/' ? `/${child.name}` : `${path}/${child.name}`, child.name, child.ino, depth + 1);
    }
    onPath.delete(ino);
  };
  go('/', '', root, 0);
}

/**
 * Resolves a symlink target inside the image (absolute targets from the image root, ".."
 * stops at the root), following at most 40 links; undefined when it leads nowhere.
 */
export function resolveInImage(image: RafsImage, linkDir: string, target: string, hops = 0): { ino: number; attr: InodeAttr } | undefined {
  if (hops > 40) return undefined;
  const parts = (target.startsWith('/') ? target : `${linkDir}/${target}`).split('/');
  const stack: string[] = [];
  for (const p of parts) {
    if (p === '' || p === '.') continue;
    if (p === '..') stack.pop();
    else stack.push(p);
  }
  let ino = image.rootIno;
  let dir = '';
  for (let i = 0; i < stack.length; i++) {
    try {
      ino = image.lookup(ino, stack[i]);
    } catch {
      return undefined;
    }
    const attr = image.getattr(ino);
    if ((attr.mode & S_IFMT) === S_IFLNK) {
      const rest = stack.slice(i + 1).join('/');
      const next = image.readlink(ino).toString();
      const joined = rest ? `${next}/${rest}` : next;
      return resolveInImage(image, dir || '/', joined, hops + 1);
    }
    dir = `${dir}/${stack[i]}`;
  }
  return { ino, attr: image.getattr(ino) };
}
