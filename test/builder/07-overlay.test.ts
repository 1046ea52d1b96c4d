// Builder: merging layer trees with OCI layer semantics (src/builder/overlay.ts): whiteouts,
// opaque directories, replacement, hard-link groups across layers; checked by hand and
// against the kernel's overlayfs mounting the same layers.
import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { applyLayer, isWhiteout, type LayerNode, mergeLayers } from '../../src/builder/overlay.js';
import { type BuildNode, type ChunkRecord, findNode, S_IFDIR, S_IFMT, S_IFREG } from '../../src/builder/model.js';
import { scanTarball } from '../../src/builder/scan-tar.js';
import { tempDir } from '../helpers.js';
import { contentOf, describeBuildTree, dir, file, hardlink, type LayerEntry, makeLayer, opaque, symlink, unpackForOverlayfs, whiteout } from './layer-fixture.js';
import { describeHostTree } from './tree-fixture.js';

const work = tempDir('nydus-overlay-test-');
test.after(() => {
  rmSync(work, { recursive: true, force: true });
});

let seq = 0;
/** Scans each spec's tarball and merges them, bottom layer first. */
async function merge(...specs: Array<Record<string, LayerEntry>>): Promise<BuildNode> {
  const trees: BuildNode[] = [];
  for (const spec of specs) trees.push(await scanTarball(makeLayer(work, `l${seq++}`, spec), work));
  return mergeLayers(trees);
}

/** Every path of the tree, depth-first. */
function paths(root: BuildNode): string[] {
  const out: string[] = [];
  const go = (n: BuildNode) => {
    out.push(n.path);
    n.children?.forEach(go);
  };
  go(root);
  return out;
}

const text = (root: BuildNode, path: string) => contentOf(findNode(root, path)!).toString();
const typeOf = (root: BuildNode, path: string) => findNode(root, path)!.mode & S_IFMT;

/** Checks the invariants every merged tree keeps: sorted children, paths, link counts. */
function assertWellFormed(root: BuildNode): void {
  const groups = new Map<BuildNode, BuildNode[]>();
  const go = (n: BuildNode, path: string) => {
    assert.is(n.path, path);
    assert.not.ok(isWhiteout(n.name), `${path} is a whiteout left in the tree`);
    if (n.children) {
      for (let i = 1; i < n.children.length; i++) assert.ok(Buffer.compare(n.children[i - 1].name, n.children[i].name) < 0, `${path}: children sorted`);
      assert.is(n.nlink, 2 + n.children.filter((c) => (c.mode & S_IFMT) === S_IFDIR).length, `${path}: directory nlink`);
      n.children.forEach((c) => go(c, path === '/' ? `/${c.name}` : `${path}/${c.name}`));
    }
    if (n.linkLeader) groups.set(n.linkLeader, [...(groups.get(n.linkLeader) ?? []), n]);
  };
  go(root, '/');
  for (const [leader, members] of groups) {
    assert.ok(members.includes(leader), `the leader of ${members[0].path} is in the tree`);
    assert.ok(members.length > 1, `${leader.path}: a group of one is a plain file`);
    for (const m of members) assert.is(m.nlink, members.length, `${m.path}: nlink is the group size`);
  }
}

test('isWhiteout: every .wh. name, nothing else', () => {
  for (const n of ['.wh.a', '.wh..wh..opq', '.wh..wh.plnk', '.wh.']) assert.ok(isWhiteout(Buffer.from(n)), n);
  for (const n of ['a.wh.', '.wh', 'wh.a', '.whx', '']) assert.not.ok(isWhiteout(Buffer.from(n)), n);
});

test('a file of an upper layer replaces the lower file; untouched lower files stay', async () => {
  const root = await merge({ 'etc/passwd': file('v1'), 'etc/group': file('g') }, { 'etc/passwd': file('v2', { mode: 0o600 }) });
  assert.equal(paths(root), ['/', '/etc', '/etc/group', '/etc/passwd']);
  assert.is(text(root, '/etc/passwd'), 'v2');
  assert.is(findNode(root, '/etc/passwd')!.mode, S_IFREG | 0o600);
  assert.is(text(root, '/etc/group'), 'g');
  assertWellFormed(root);
});

test('a whiteout deletes a lower file and never appears itself', async () => {
  const root = await merge({ a: file('a'), b: file('b') }, { a: whiteout });
  assert.equal(paths(root), ['/', '/b']);
  assertWellFormed(root);
});

test('a whiteout of a directory deletes everything below it', async () => {
  const root = await merge({ 'var/log/x': file('x'), 'var/lib/y/z': file('z'), keep: file('k') }, { var: whiteout });
  assert.equal(paths(root), ['/', '/keep']);
  assert.is(root.nlink, 2);
  assertWellFormed(root);
});

test('an opaque directory hides its lower entries and keeps the ones of its own layer', async () => {
  const root = await merge(
    { 'opt/a': file('a'), 'opt/sub/b': file('b'), other: file('o') },
    { opt: opaque, 'opt/new': file('n'), 'opt/sub/c': file('c') },
  );
  assert.equal(paths(root), ['/', '/opt', '/opt/new', '/opt/sub', '/opt/sub/c', '/other']);
  assertWellFormed(root);
});

test('a file replaces a directory (and all below it), a directory replaces a file', async () => {
  const root = await merge(
    { 'd2f/inner/deep': file('deep'), f2d: file('was a file') },
    { d2f: file('now a file'), 'f2d/child': file('c') },
  );
  assert.equal(paths(root), ['/', '/d2f', '/f2d', '/f2d/child']);
  assert.is(typeOf(root, '/d2f'), S_IFREG);
  assert.is(text(root, '/d2f'), 'now a file');
  assert.is(typeOf(root, '/f2d'), S_IFDIR);
  assert.is(root.nlink, 3);
  assertWellFormed(root);
});

test('a symlink replaces a file and a later layer retargets it', async () => {
  const root = await merge({ l: file('plain'), m: symlink('a') }, { l: symlink('/etc/passwd') }, { m: symlink('b/c') });
  const l = findNode(root, '/l')!;
  assert.is(l.target!.toString(), '/etc/passwd');
  assert.is(l.size, '/etc/passwd'.length);
  assert.is(findNode(root, '/m')!.target!.toString(), 'b/c');
  assertWellFormed(root);
});

test('an upper directory over a lower one merges children and takes its own mode, owner and xattrs', async () => {
  const root = await merge(
    { 'xd/low': file('l'), xd: dir({ mode: 0o755, xattrs: { 'user.a': '1' } }) },
    { xd: dir({ mode: 0o700, uid: 7, xattrs: { 'user.b': '2' } }), 'xd/up': file('u') },
  );
  const xd = findNode(root, '/xd')!;
  assert.is(xd.mode, S_IFDIR | 0o700);
  assert.is(xd.uid, 7);
  assert.equal(xd.xattrs.map(([k, v]) => [k, v.toString()]), [['user.b', '2']]);
  assert.equal(paths(root), ['/', '/xd', '/xd/low', '/xd/up']);
  assertWellFormed(root);
});

test('a directory the layer does not list itself (implicit) keeps the lower directory\'s attributes', () => {
  const d = (name: string, mode: number, children: BuildNode[], more: Partial<LayerNode> = {}): LayerNode => ({
    name: Buffer.from(name), path: '', mode: S_IFDIR | mode, uid: 0, gid: 0, mtime: 0, mtimeNsec: 0, size: 0, rdev: 0, nlink: 2, xattrs: [], children, ...more,
  });
  const f = (name: string): BuildNode => ({ name: Buffer.from(name), path: '', mode: S_IFREG | 0o644, uid: 0, gid: 0, mtime: 0, mtimeNsec: 0, size: 0, rdev: 0, nlink: 1, xattrs: [] });
  const lower = d('/', 0o700, [d('etc', 0o750, [f('a')], { uid: 9, mtime: 123, xattrs: [['user.x', Buffer.from('1')]] })], { mtime: 55 });
  const upper = d('/', 0o755, [d('etc', 0o755, [f('b')], { implicit: true }), d('new', 0o755, [], { implicit: true })], { implicit: true });
  const root = applyLayer(lower, upper) as LayerNode;
  assert.equal([root.mode, root.mtime, root.implicit], [S_IFDIR | 0o700, 55, undefined]);
  const etc = findNode(root, '/etc')! as LayerNode;
  assert.equal([etc.mode, etc.uid, etc.mtime, etc.xattrs.length, etc.implicit], [S_IFDIR | 0o750, 9, 123, 1, undefined]);
  assert.equal(paths(root), ['/', '/etc', '/etc/a', '/etc/b', '/new']);
  assert.is(findNode(root, '/new')!.mode, S_IFDIR | 0o755, 'with nothing below, a made-up directory stays as made');
});

test('a whiteout of a name missing below is ignored; whiteouts of the first layer are dropped', async () => {
  const root = await merge({ a: file('a'), gone: whiteout, 'd/x': file('x'), 'd/y': whiteout }, { missing: whiteout, 'd/nothing': whiteout });
  assert.equal(paths(root), ['/', '/a', '/d', '/d/x']);
  assertWellFormed(root);
});

test('a whiteout next to the same name in its own layer removes the lower entry and keeps the new one', async () => {
  const root = await merge({ 'x/old': file('old') }, { x: whiteout, 'x/new': file('new') });
  assert.equal(paths(root), ['/', '/x', '/x/new']);
  assertWellFormed(root);
});

test('a hard-link member deleted by a later layer: nlink drops, the survivor keeps the content', async () => {
  const root = await merge({ h1: file('shared'), h2: hardlink('h1'), h3: hardlink('h1') }, { h1: whiteout });
  const h2 = findNode(root, '/h2')!;
  const h3 = findNode(root, '/h3')!;
  assert.is(h2.linkLeader, h2, 'the first survivor leads');
  assert.is(h3.linkLeader, h2);
  assert.is(h2.nlink, 2);
  assert.is(text(root, '/h2'), 'shared');
  assert.is(text(root, '/h3'), 'shared');
  assertWellFormed(root);
  // ...and when a later layer deletes one more, the last one is a plain file.
  const rest = applyLayer(root, await scanTarball(makeLayer(work, `l${seq++}`, { h3: whiteout }), work));
  assert.is(findNode(rest, '/h2')!.linkLeader, undefined);
  assert.is(findNode(rest, '/h2')!.nlink, 1);
  assertWellFormed(rest);
});

test('a replaced hard-link leader: the other member keeps the old content and leads', async () => {
  const root = await merge({ k1: file('old'), k2: hardlink('k1') }, { k1: file('new') });
  const k1 = findNode(root, '/k1')!;
  const k2 = findNode(root, '/k2')!;
  assert.is(k1.linkLeader, undefined);
  assert.is(k1.nlink, 1);
  assert.is(text(root, '/k1'), 'new');
  assert.is(k2.linkLeader, undefined, 'a group of one is a plain file');
  assert.is(text(root, '/k2'), 'old');
  assertWellFormed(root);
});

test('a new leader takes over the chunks and source of the one it replaces (by-hand tree)', () => {
  const chunk: ChunkRecord = { blobIndex: 0, index: 0, digest: Buffer.alloc(32, 1), crc32: 0, compressed: false, compressedOffset: 0, compressedSize: 5, uncompressedOffset: 0, uncompressedSize: 5, fileOffset: 0 };
  const node = (name: string, more: Partial<BuildNode> = {}): BuildNode => ({
    name: Buffer.from(name), path: `/${name}`, mode: S_IFREG | 0o644, uid: 0, gid: 0, mtime: 0, mtimeNsec: 0, size: 5, rdev: 0, nlink: 1, xattrs: [], ...more,
  });
  const dirNode = (children: BuildNode[]): BuildNode => ({ ...node('/'), path: '/', mode: S_IFDIR | 0o755, size: 0, nlink: 2, children });
  const a = node('a', { chunks: [chunk], source: { kind: 'buffer', data: Buffer.from('hello') } });
  const b = node('b');
  const c = node('c');
  for (const m of [a, b, c]) m.linkLeader = a;
  const upper = dirNode([node('.wh.a', { size: 0 })]);
  const root = applyLayer(dirNode([a, b, c]), upper);
  assert.is(b.linkLeader, b);
  assert.is(c.linkLeader, b);
  assert.equal(b.chunks, [chunk]);
  assert.is(contentOf(b).toString(), 'hello');
  assert.is(b.nlink, 2);
  assert.equal(paths(root), ['/', '/b', '/c']);
  // Chunks keep the blob of the layer that wrote them.
  assert.is(b.chunks![0].blobIndex, 0);
});

test('merging keeps nodes of lower layers with their chunks; upper nodes carry theirs', () => {
  const rec = (blobIndex: number): ChunkRecord => ({ blobIndex, index: 0, digest: Buffer.alloc(32, blobIndex), crc32: 0, compressed: false, compressedOffset: 0, compressedSize: 1, uncompressedOffset: 0, uncompressedSize: 1, fileOffset: 0 });
  const f = (name: string, blob: number): BuildNode => ({ name: Buffer.from(name), path: `/${name}`, mode: S_IFREG | 0o644, uid: 0, gid: 0, mtime: 0, mtimeNsec: 0, size: 1, rdev: 0, nlink: 1, xattrs: [], chunks: [rec(blob)] });
  const d = (children: BuildNode[]): BuildNode => ({ name: Buffer.from('/'), path: '/', mode: S_IFDIR | 0o755, uid: 0, gid: 0, mtime: 0, mtimeNsec: 0, size: 0, rdev: 0, nlink: 2, xattrs: [], children });
  const root = mergeLayers([d([f('x', 0), f('y', 0)]), d([f('y', 1)]), d([f('z', 2)])]);
  assert.equal(root.children!.map((c) => [c.path, c.chunks![0].blobIndex]), [['/x', 0], ['/y', 1], ['/z', 2]]);
});

test('three layers merge as the kernel overlayfs mounts them (paths, types, modes, owners, sizes, targets, xattrs, content)', async () => {
  if (process.getuid?.() !== 0) throw new Error('needs root to mount overlayfs (CI runs as root)');
  if (!readFileSync('/proc/filesystems', 'utf8').includes('\toverlay\n')) throw new Error('overlayfs is not available in this kernel');
  const layers: Array<Record<string, LayerEntry>> = [
    {
      etc: dir(), 'etc/passwd': file('root:x:0:0\n'), 'etc/shadow': file('secret', { mode: 0o600 }),
      opt: dir(), 'opt/a': file('a'), 'opt/b/c': file('c'), var: dir({ mode: 0o750 }), 'var/log/x': file('x'),
      'd2f/inner': file('i'), f2d: file('f'), sl: symlink('etc/passwd'),
      h1: file('linked'), h2: hardlink('h1'), k1: file('old'), k2: hardlink('k1'),
      xd: dir({ xattrs: { 'user.a': '1' } }), 'xd/low': file('low', { uid: 5 }), keep: file('keep', { mode: 0o4755 }),
    },
    {
      'etc/passwd': file('root:x:0:0\nuser:x:1000:1000\n'), 'etc/shadow': whiteout, var: whiteout,
      opt: opaque, 'opt/new': file('new'), d2f: file('now a file'), 'f2d/g': file('g'),
      sl: symlink('/etc/hostname'), h2: whiteout, k1: file('brand new'),
      xd: dir({ mode: 0o700, uid: 3, xattrs: { 'user.b': '2' } }), 'xd/up': file('up'), missing: whiteout,
    },
    { 'opt/new': file('newer', { mode: 0o640 }), 'opt/b/again': file('again'), 'etc/ssl/cert': file('pem'), 'f2d/g': whiteout, 'xd/low': whiteout },
  ];
  const tars = layers.map((spec) => makeLayer(work, `k${seq++}`, spec));
  const trees: BuildNode[] = [];
  for (const t of tars) trees.push(await scanTarball(t, work));
  const merged = mergeLayers(trees);
  assertWellFormed(merged);

  const base = join(work, 'kernel');
  const lowers = tars.map((t, i) => join(base, `L${i}`));
  tars.forEach((t, i) => unpackForOverlayfs(t, lowers[i]));
  const mnt = join(base, 'mnt');
  mkdirSync(mnt);
  execFileSync('mount', ['-t', 'overlay', 'overlay', '-o', `ro,lowerdir=${[...lowers].reverse().join(':')}`, mnt]);
  let actual;
  try {
    actual = describeHostTree(mnt, { content: true });
  } finally {
    execFileSync('umount', [mnt]);
  }
  // Not compared: link counts (overlayfs reports the lower inode's, whiteouts do not lower it),
  // directory mtimes (unpacking whiteouts touches them), the root's mtime and xattrs (the
  // scanner takes only mode and owner from a "./" entry).
  const expected = describeBuildTree(merged);
  const norm = (m: Map<string, ReturnType<typeof expected.get>>) =>
    new Map([...m].map(([p, e]) => [p, { ...e!, nlink: 0, mtime: e!.type === 'dir' ? '' : e!.mtime, xattrs: p === '/' ? {} : e!.xattrs }]));
  const want = norm(expected);
  const got = norm(actual);
  assert.equal([...got.keys()].sort(), [...want.keys()].sort(), 'paths');
  for (const [p, e] of want) assert.equal(got.get(p), e, p);
  assert.is(text(merged, '/k2'), 'old', 'the surviving hard link keeps the old content');
  assert.is(text(merged, '/opt/new'), 'newer');
});

test.run();
