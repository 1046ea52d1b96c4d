// Builder layer: merges the trees of an OCI image's layers into one tree with the image-spec's
// layer semantics (whiteouts `.wh.NAME`, opaque markers `.wh..wh..opq`, replacement, directory
// merge), for `nydus convert` and `nydus merge`. Pure: works on BuildNode trees, no I/O.
import { NydusError } from '../errors.js';
import { type BuildNode, S_IFDIR, S_IFMT, S_IFREG } from './model.js';
import { sortChildren } from './scan-dir.js';

const WHITEOUT_PREFIX = Buffer.from('.wh.');
/** Marks a directory whose lower entries are all hidden. */
const OPAQUE = Buffer.from('.wh..wh..opq');
/** `.wh..wh.` names other than OPAQUE are AUFS bookkeeping (`.wh..wh.plnk`): dropped, no effect. */
const META_PREFIX = Buffer.from('.wh..wh.');

const isDir = (n: BuildNode): boolean => (n.mode & S_IFMT) === S_IFDIR;

/**
 * A layer tree's node. A directory marked `implicit` (the layer does not list it itself: a
 * tar's root without a "./" entry, or a parent scanTarball had to make up) has no attributes
 * of its own: over a lower directory it keeps the lower one's, as an unpacker leaves an
 * existing directory alone.
 */
export type LayerNode = BuildNode;

/** True for names that are whiteout markers (the image spec reserves every `.wh.` name). */
export function isWhiteout(name: Buffer): boolean {
  return name.length >= WHITEOUT_PREFIX.length && name.subarray(0, WHITEOUT_PREFIX.length).equals(WHITEOUT_PREFIX);
}

/**
 * Applies `upper` (a layer's tree as scanTarball/scanDirectory return it, whiteouts still
 * entries) over `lower` (an already merged tree, or null for the first layer); returns the
 * merged tree. Consumes both (may reuse their nodes).
 *
 * Whiteouts apply to the lower tree only: `.wh.X` next to an X of the same layer removes the
 * lower X and keeps the layer's own X (as an unpacker that applies whiteouts before the
 * layer's entries, and overlayfs, which never sees both in one layer, agree). The merged root
 * and every directory merged over a lower one take the upper directory's own attributes
 * (unless it is `implicit`). Hard-link groups must not span layers (scanners refuse them).
 */
export function applyLayer(lower: BuildNode | null, upper: BuildNode): BuildNode {
  if (!isDir(upper)) throw new NydusError('EINVAL', `layer root ${upper.path} is not a directory`, 1);
  if (lower && !isDir(lower)) throw new NydusError('EINVAL', `lower root ${lower.path} is not a directory`, 1);
  const root = mergeDir(lower, upper);
  root.name = Buffer.from('/');
  finish(root);
  return root;
}

/** Folds applyLayer over the layers, bottom layer first. */
export function mergeLayers(layers: BuildNode[]): BuildNode {
  if (layers.length === 0) throw new NydusError('EINVAL', 'no layers to merge', 1);
  return layers.reduce<BuildNode | null>((lower, upper) => applyLayer(lower, upper), null)!;
}

/** `upper` (a directory) over `lower` (a directory or nothing): returns `upper` with merged children. */
function mergeDir(lower: BuildNode | null, upper: BuildNode): BuildNode {
  const own = upper.children ?? [];
  const opaque = own.some((c) => c.name.equals(OPAQUE));
  const removed = new Set<string>();
  const entries: BuildNode[] = [];
  for (const c of own) {
    if (!isWhiteout(c.name)) entries.push(c);
    else if (!c.name.subarray(0, META_PREFIX.length).equals(META_PREFIX)) removed.add(c.name.subarray(WHITEOUT_PREFIX.length).toString('latin1'));
  }
  const below = new Map<string, BuildNode>();
  if (lower && !opaque) {
    for (const c of lower.children ?? []) {
      const key = c.name.toString('latin1');
      if (!removed.has(key)) below.set(key, c);
    }
  }
  const merged: BuildNode[] = [];
  for (const u of entries) {
    const key = u.name.toString('latin1');
    const l = below.get(key);
    below.delete(key);
    // A directory over a directory merges; anything else replaces. A new directory may still
    // carry whiteouts (nothing below them): merging over nothing drops them.
    merged.push(isDir(u) ? mergeDir(l && isDir(l) ? l : null, u) : u);
  }
  merged.push(...below.values());
  upper.children = sortChildren(merged);
  const made = upper as LayerNode;
  if (made.implicit && lower) Object.assign(upper, { mode: lower.mode, uid: lower.uid, gid: lower.gid, mtime: lower.mtime, mtimeNsec: lower.mtimeNsec, xattrs: lower.xattrs });
  delete made.implicit;
  return upper;
}

/**
 * Fixes what merging invalidates: paths, directory link counts, and hard-link groups (only
 * surviving members; a removed or replaced leader hands over to the first survivor in
 * depth-first name order, which takes over the content; a group of one is a plain file).
 */
function finish(root: BuildNode): void {
  const groups = new Map<BuildNode, BuildNode[]>();
  const visit = (n: BuildNode, path: string): void => {
    n.path = path;
    if (n.children) {
      n.nlink = 2 + n.children.filter(isDir).length;
      for (const c of n.children) visit(c, path === '/' ? `/${c.name.toString()}` : `${path}/${c.name.toString()}`);
    } else if ((n.mode & S_IFMT) === S_IFREG) {
      n.nlink = 1;
    }
    if (n.linkLeader) {
      const members = groups.get(n.linkLeader);
      if (members) members.push(n);
      else groups.set(n.linkLeader, [n]);
    }
  };
  visit(root, '/');
  for (const [old, members] of groups) {
    const leader = members.includes(old) ? old : members[0];
    if (leader !== old) {
      // The old leader owns the content the group shares (chunks after the blob writer ran).
      leader.source ??= old.source;
      leader.extents ??= old.extents;
      leader.chunks ??= old.chunks;
    }
    for (const m of members) {
      if (members.length === 1) delete m.linkLeader;
      else m.linkLeader = leader;
      m.nlink = members.length;
    }
  }
}
