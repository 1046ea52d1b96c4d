// Test helper: OCI layer tarballs from a short spec (files, directories, symlinks, hard links,
// xattrs, whiteouts, opaque markers) made with GNU tar, the same layers unpacked for the
// kernel's overlayfs (whiteouts as 0/0 char devices, opaque as trusted.overlay.opaque=y), and
// a description of a build tree comparable with tree-fixture's describeHostTree.
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { chmodSync, chownSync, closeSync, linkSync, mkdirSync, openSync, readdirSync, readFileSync, readSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { type BuildNode, S_IFMT } from '../../src/builder/model.js';
import type { EntryMeta } from './tree-fixture.js';

export type LayerEntry =
  | { kind: 'file'; content: string | Buffer; mode?: number; uid?: number; xattrs?: Record<string, string> }
  | { kind: 'dir'; mode?: number; uid?: number; xattrs?: Record<string, string> }
  | { kind: 'symlink'; target: string }
  | { kind: 'hardlink'; to: string }
  | { kind: 'whiteout' }
  | { kind: 'opaque' };

export const file = (content: string | Buffer, more: { mode?: number; uid?: number; xattrs?: Record<string, string> } = {}): LayerEntry => ({ kind: 'file', content, ...more });
export const dir = (more: { mode?: number; uid?: number; xattrs?: Record<string, string> } = {}): LayerEntry => ({ kind: 'dir', ...more });
export const symlink = (target: string): LayerEntry => ({ kind: 'symlink', target });
export const hardlink = (to: string): LayerEntry => ({ kind: 'hardlink', to });
/** Keyed by the path it removes: writes `.wh.NAME` next to it. */
export const whiteout: LayerEntry = { kind: 'whiteout' };
/** Keyed by the directory: writes `.wh..wh..opq` in it. */
export const opaque: LayerEntry = { kind: 'opaque' };

/** Every entry's mtime (whole seconds: tar keeps them exactly). */
const MTIME = '@1600000000';

/**
 * Writes `spec` (relative path -> entry, made in order; missing parents are 0755 directories)
 * under `work/name/` and archives it, root entry and every directory explicit, into
 * `work/name.tar`; returns the tarball's path.
 */
export function makeLayer(work: string, name: string, spec: Record<string, LayerEntry>): string {
  const stage = join(work, name);
  mkdirSync(stage, { recursive: true });
  chmodSync(stage, 0o755);
  const dirModes: Array<[string, number]> = [];
  for (const [rel, e] of Object.entries(spec)) {
    const at = join(stage, rel);
    mkdirSync(dirname(at), { recursive: true });
    switch (e.kind) {
      case 'file':
        writeFileSync(at, e.content);
        chmodSync(at, e.mode ?? 0o644);
        if (e.uid !== undefined) chownSync(at, e.uid, e.uid);
        break;
      case 'dir':
        mkdirSync(at, { recursive: true });
        dirModes.push([at, e.mode ?? 0o755]);
        if (e.uid !== undefined) chownSync(at, e.uid, e.uid);
        break;
      case 'symlink':
        symlinkSync(e.target, at);
        break;
      case 'hardlink':
        linkSync(join(stage, e.to), at);
        break;
      case 'whiteout':
        writeFileSync(join(dirname(at), `.wh.${at.slice(dirname(at).length + 1)}`), '');
        break;
      case 'opaque':
        mkdirSync(at, { recursive: true });
        writeFileSync(join(at, '.wh..wh..opq'), '');
        break;
    }
    if ((e.kind === 'file' || e.kind === 'dir') && e.xattrs) {
      for (const [k, v] of Object.entries(e.xattrs)) execFileSync('setfattr', ['-h', '-n', k, '-v', v, at]);
    }
  }
  for (const [at, mode] of dirModes) chmodSync(at, mode);
  execFileSync('find', [stage, '-exec', 'touch', '-h', '-d', MTIME, '{}', '+']);
  const tar = join(work, `${name}.tar`);
  execFileSync('tar', ['--xattrs', '--xattrs-include=*', '--numeric-owner', '--sort=name', '-C', stage, '-cf', tar, '.']);
  return tar;
}

/**
 * Unpacks `tar` into `dir` as an overlayfs lower layer: `.wh.X` becomes a 0/0 character
 * device X, `.wh..wh..opq` the xattr trusted.overlay.opaque=y on its directory.
 */
export function unpackForOverlayfs(tar: string, dir: string): void {
  mkdirSync(dir, { recursive: true });
  execFileSync('tar', ['--xattrs', '--xattrs-include=*', '--numeric-owner', '-xpf', tar, '-C', dir]);
  const convert = (d: string) => {
    for (const ent of readdirSync(d, { withFileTypes: true })) {
      const at = join(d, ent.name);
      if (ent.name === '.wh..wh..opq') {
        rmSync(at);
        execFileSync('setfattr', ['-n', 'trusted.overlay.opaque', '-v', 'y', d]);
      } else if (ent.name.startsWith('.wh.')) {
        rmSync(at);
        execFileSync('mknod', [join(d, ent.name.slice(4)), 'c', '0', '0']);
      } else if (ent.isDirectory()) {
        convert(at);
      }
    }
  };
  convert(dir);
}

/** A regular file's content as the tree's source says. */
export function contentOf(n: BuildNode): Buffer {
  const src = n.source;
  if (!src) return Buffer.alloc(0);
  if (src.kind === 'buffer') return src.data;
  if (src.kind === 'file') return readFileSync(src.path);
  const out = Buffer.alloc(n.size);
  const fd = openSync(src.path, 'r');
  try {
    readSync(fd, out, 0, n.size, src.offset);
  } finally {
    closeSync(fd);
  }
  return out;
}

const TYPES: Record<number, string> = { 0o040000: 'dir', 0o120000: 'link', 0o100000: 'file', 0o020000: 'char', 0o060000: 'block', 0o010000: 'fifo', 0o140000: 'socket' };

/** describeHostTree's view of a build tree (content from the nodes' sources). */
export function describeBuildTree(root: BuildNode): Map<string, EntryMeta> {
  const out = new Map<string, EntryMeta>();
  const visit = (n: BuildNode) => {
    const type = TYPES[n.mode & S_IFMT] ?? '?';
    const xattrs: Record<string, string> = {};
    for (const [k, v] of n.xattrs) xattrs[k] = v.toString('base64');
    out.set(n.path, {
      type, mode: n.mode, uid: n.uid, gid: n.gid, size: type === 'dir' ? 0 : n.size, nlink: n.nlink,
      mtime: `${BigInt(n.mtime) * 1_000_000_000n + BigInt(n.mtimeNsec)}`, rdev: type === 'char' || type === 'block' ? n.rdev : 0,
      ...(type === 'link' ? { target: n.target!.toString() } : {}),
      xattrs,
      ...(type === 'file' ? { sha256: createHash('sha256').update(contentOf(n)).digest('hex') } : {}),
    });
    n.children?.forEach(visit);
  };
  visit(root);
  return out;
}
