// Builder: the RAFS v6 bootstrap writer. Hand-built trees with a hand-made uncompressed blob
// are written, then read back by the native reader and by the kernel's EROFS driver (loop
// devices), and compared with the tree: attributes, entries, xattrs, links and contents.
import { createHash } from 'node:crypto';
import { lstatSync, mkdirSync, readdirSync, readFileSync, readlinkSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { execa } from 'execa';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { NydusError } from '../../src/errors.js';
import { RafsImage } from '../../src/native/image.js';
import { S_IFDIR, S_IFLNK, S_IFMT, S_IFREG } from '../../src/builder/model.js';
import type { BlobResult, BuildNode, BuildOptions, ChunkRecord } from '../../src/builder/model.js';
import { writeV6Bootstrap } from '../../src/builder/v6-writer.js';
import { perTest, tempDir } from '../helpers.js';

const track = perTest();

const S_IFCHR = 0o020000;
const S_IFBLK = 0o060000;
const S_IFIFO = 0o010000;
const S_IFSOCK = 0o140000;
const MiB = 1 << 20;

function node(name: string | Buffer, mode: number, extra: Partial<BuildNode> = {}): BuildNode {
  return {
    name: Buffer.from(name), path: '', mode, uid: 0, gid: 0, mtime: 0, mtimeNsec: 0, size: 0, rdev: 0, nlink: 1,
    xattrs: [], ...extra,
  };
}
const dir = (name: string | Buffer, children: BuildNode[], extra: Partial<BuildNode> = {}): BuildNode =>
  node(name, S_IFDIR | 0o755, { children: children.sort((a, b) => Buffer.compare(a.name, b.name)), ...extra });
const file = (name: string, data: Buffer, extra: Partial<BuildNode> = {}): BuildNode =>
  node(name, S_IFREG | 0o644, { size: data.length, source: { kind: 'buffer', data }, ...extra });
const symlink = (name: string, target: string): BuildNode =>
  node(name, S_IFLNK | 0o777, { target: Buffer.from(target), size: target.length, mtime: 1600000000 });

function setPaths(n: BuildNode, path: string): void {
  n.path = path;
  for (const c of n.children ?? []) setPaths(c, `${path === '/' ? '' : path}/${c.name.toString()}`);
}

function* nodes(n: BuildNode): Generator<BuildNode> {
  yield n;
  for (const c of n.children ?? []) yield* nodes(c);
}

const pattern = (size: number, seed: number): Buffer => {
  const b = Buffer.alloc(size);
  for (let i = 0; i < size; i++) b[i] = (i * 31 + seed * 7 + (i >> 12)) & 0xff;
  return b;
};
// A valid VFS_CAP_REVISION_2 capability set (effective cap_net_bind_service): the kernel
// parses security.capability and hides malformed values.
const cap = Buffer.from('01000002' + '00040000' + '00000000' + '00000000' + '00000000', 'hex');
// A minimal valid POSIX ACL (user::rw-, group::r--, other::r--) the kernel can parse.
const acl = Buffer.from('02000000' + '01000600ffffffff' + '04000400ffffffff' + '20000400ffffffff', 'hex');

/** The test tree; file sizes follow the chunk size so chunk boundaries are exercised. */
function makeTree(cs: number): BuildNode {
  const shared = pattern(cs + 5, 3);
  const sparse = Buffer.concat([Buffer.alloc(cs), pattern(cs, 4), Buffer.alloc(cs), pattern(100, 5)]);
  const leader = file('hl-a', pattern(777, 6), { mtime: 1700000003, mtimeNsec: 3 });
  const member = (name: string): BuildNode => ({ ...leader, name: Buffer.from(name), linkLeader: leader });
  leader.linkLeader = leader;
  let deep = file('leaf', Buffer.from('deep leaf\n'), { mtime: 1700000050 });
  for (let i = 49; i >= 0; i--) deep = dir(`d${i}`, [deep], { mtime: 1700000000 + i });
  const bigdir = dir('bigdir', Array.from({ length: 600 }, (_, i) => file(`entry-number-${String(i).padStart(4, '0')}`, Buffer.alloc(0))));
  const longnames = dir('long', ['a', 'b', 'c'].map((ch) => file(ch.repeat(255), Buffer.from(ch))));
  const root = dir('/', [
    file('small', Buffer.from('hello world\n'), {
      mtime: 1700000001, mtimeNsec: 123456789, uid: 1000, gid: 1001,
      xattrs: [['security.capability', cap], ['trusted.t', Buffer.from('tv')], ['user.foo', Buffer.from('bar')]],
    }),
    file('empty', Buffer.alloc(0), { mtime: 1700000002 }),
    file('exact', pattern(cs, 1), { uid: 100000, gid: 200000, mtime: 1 }),
    file('plus-one', pattern(cs + 1, 2), { mode: S_IFREG | 0o4755 }),
    file('dup-1', shared),
    file('dup-2', shared, { mtime: 5 }),
    file('sparse', sparse, { extents: [{ offset: cs, length: cs }, { offset: 3 * cs, length: 100 }] }),
    file('acl', Buffer.from('x'), { xattrs: [['system.posix_acl_access', acl]] }),
    leader,
    dir('sub', [member('hl-b'), dir('deeper', [member('hl-c')]), symlink('up', '../small')], {
      // Its xattrs leave no room for an inline dirent tail: FLAT_PLAIN.
      mtime: 1700000004, xattrs: [['user.big', pattern(3990, 9)]],
    }),
    symlink('link-short', 'small'),
    symlink('link-3000', 'p/'.repeat(1500)),
    symlink('link-4095', 'q'.repeat(4095)),
    symlink('link-4096', 'r'.repeat(4096)),
    node('chr', S_IFCHR | 0o600, { rdev: 0x103, mtime: 1700000006 }),
    node('blk', S_IFBLK | 0o660, { rdev: 0x11032c }),
    node('fifo', S_IFIFO | 0o644),
    node('sock', S_IFSOCK | 0o755, { mtime: 1700000007 }),
    // Names that sort before "." and "..".
    file('!bang', Buffer.from('!')),
    file('-dash', Buffer.from('-')),
    bigdir, longnames, deep,
  ], { mtime: 1700000000, mtimeNsec: 1 });
  setPaths(root, '/');
  return root;
}

/** An uncompressed, 4 KiB-aligned, deduplicated blob of the tree's files; fills node.chunks. */
function makeBlob(root: BuildNode, cs: number): { data: Buffer; blob: BlobResult } {
  const unique: ChunkRecord[] = [];
  const byDigest = new Map<string, ChunkRecord>();
  const pieces: Array<[number, Buffer]> = [];
  let pos = 0;
  for (const n of nodes(root)) {
    if ((n.mode & S_IFMT) !== S_IFREG || (n.linkLeader && n.linkLeader !== n) || n.source?.kind !== 'buffer') continue;
    const content = n.source.data;
    n.chunks = [];
    for (let off = 0; off < content.length; off += cs) {
      const len = Math.min(cs, content.length - off);
      if (n.extents && !n.extents.some((e) => e.offset < off + len && off < e.offset + e.length)) continue;
      const piece = content.subarray(off, off + len);
      const digest = createHash('sha256').update(piece).digest();
      let rec = byDigest.get(digest.toString('hex'));
      if (!rec) {
        pos = Math.ceil(pos / 4096) * 4096;
        rec = {
          blobIndex: 0, index: unique.length, digest, crc32: 0, compressed: false, compressedOffset: pos,
          compressedSize: len, uncompressedOffset: pos, uncompressedSize: len, fileOffset: 0,
        };
        unique.push(rec);
        byDigest.set(digest.toString('hex'), rec);
        pieces.push([pos, piece]);
        pos += len;
      }
      n.chunks.push({ ...rec, fileOffset: off });
    }
  }
  const data = Buffer.alloc(Math.ceil(pos / 4096) * 4096);
  for (const [at, piece] of pieces) piece.copy(data, at);
  // ci sizes 0 make the reader use the bootstrap chunk table. IS_CHUNKDICT_GENERATED (0x200)
  // is needed too: without it the reader insists on ci_uncompressed_size == 16 x chunks.
  const blob: BlobResult = {
    blobId: createHash('sha256').update(data).digest('hex'), compressedSize: data.length, uncompressedSize: data.length,
    chunkCount: unique.length, chunks: unique, features: 0x201, ciOffset: 0, ciCompressedSize: 0, ciUncompressedSize: 0,
    tocSize: 0, tocDigest: Buffer.alloc(32), bytesIn: 0, bytesStored: data.length,
  };
  return { data, blob };
}

const optionsFor = (chunkSize: number, prefetchFiles: string[] = []): BuildOptions =>
  ({ fsVersion: 6, compressor: 'none', digester: 'sha256', chunkSize, prefetchFiles });

/** Writes tree + blob into a temp dir: bootstrap path, blob dir and blob path. */
function build(cs: number, prefetch: string[] = []) {
  const root = makeTree(cs);
  const { data, blob } = makeBlob(root, cs);
  const bytes = writeV6Bootstrap(root, blob, optionsFor(cs, prefetch));
  const dirPath = tempDir('nydus-v6w-');
  const bootstrap = join(dirPath, 'bootstrap');
  writeFileSync(bootstrap, bytes);
  writeFileSync(join(dirPath, blob.blobId), data);
  return { root, blob, bytes, dir: dirPath, bootstrap, blobPath: join(dirPath, blob.blobId) };
}

const expectedNlink = (n: BuildNode, root: BuildNode): number => {
  if ((n.mode & S_IFMT) === S_IFDIR) return 2 + (n.children ?? []).filter((c) => (c.mode & S_IFMT) === S_IFDIR).length;
  if (!n.linkLeader) return 1;
  return [...nodes(root)].filter((m) => m.linkLeader === n.linkLeader).length;
};
const sortedNames = (n: BuildNode): string[] =>
  [Buffer.from('.'), Buffer.from('..'), ...n.children!.map((c) => c.name)].sort(Buffer.compare).map((b) => b.toString());
const content = (n: BuildNode): Buffer => (n.source?.kind === 'buffer' ? n.source.data : Buffer.alloc(0));

async function compareWithReader(image: RafsImage, root: BuildNode): Promise<void> {
  const parents = new Map<BuildNode, BuildNode>();
  for (const n of nodes(root)) for (const c of n.children ?? []) parents.set(c, n);
  for (const n of nodes(root)) {
    const ino = image.lookupPath(n.path);
    assert.is(ino, n.ino, `${n.path}: nid`);
    const a = image.getattr(ino);
    const type = n.mode & S_IFMT;
    assert.is(a.mode, n.mode, `${n.path}: mode`);
    assert.equal([a.uid, a.gid, a.mtime, a.mtimeNsec], [n.uid, n.gid, n.mtime, n.mtimeNsec], `${n.path}: uid gid mtime`);
    assert.is(a.nlink, expectedNlink(n, root), `${n.path}: nlink`);
    assert.is(a.rdev, n.rdev, `${n.path}: rdev`);
    assert.equal(image.listxattr(ino), n.xattrs.map(([k]) => k), `${n.path}: xattr names`);
    for (const [k, v] of n.xattrs) assert.ok(image.getxattr(ino, k).equals(v), `${n.path}: xattr ${k}`);
    if (type === S_IFDIR) {
      const entries = image.readdir(ino);
      assert.equal(entries.map((e) => e.name), sortedNames(n), `${n.path}: readdir order`);
      assert.equal(entries.map((e) => e.nextOffset), entries.map((_, i) => i + 1), `${n.path}: offsets`);
      const byName = new Map(n.children!.map((c) => [c.name.toString(), c.ino]));
      byName.set('.', ino).set('..', parents.has(n) ? parents.get(n)!.ino : ino);
      for (const e of entries) assert.is(e.ino, byName.get(e.name), `${n.path}: entry ${e.name}`);
      assert.equal(image.readdir(ino, 2).map((e) => e.name), sortedNames(n).slice(2), `${n.path}: readdir from 2`);
    } else if (type === S_IFLNK) {
      assert.ok(image.readlink(ino).equals(n.target!), `${n.path}: target`);
      assert.is(a.size, n.target!.length);
    } else if (type === S_IFREG) {
      assert.is(a.size, n.size, `${n.path}: size`);
      const got = n.size === 0 ? Buffer.alloc(0) : await image.read(ino, 0, n.size);
      assert.ok(got.equals(content(n)), `${n.path}: content`);
      if (n.size > 3) assert.ok((await image.read(ino, 1, n.size - 2)).equals(content(n).subarray(1, n.size - 1)));
    }
  }
}

for (const cs of [4096, MiB]) {
  test(`native reader sees the tree exactly (chunk size ${cs})`, async () => {
    const b = build(cs, ['/small', '/sub/deeper']);
    const image = RafsImage.open(b.bootstrap, { dir: b.dir, validate: true });
    try {
      const sb = image.superblock();
      assert.is(sb.version, 6);
      assert.is(sb.flags, 0x1 | 0x8 | 0x10 | 0x20);
      assert.is(sb.chunkSize, cs);
      assert.is(sb.rootIno, b.root.ino);
      assert.is(sb.blobs.length, 1);
      assert.is(sb.blobs[0].blobId, b.blob.blobId);
      assert.is(sb.blobs[0].chunkCount, b.blob.chunkCount);
      assert.is(sb.blobs[0].deviceBlocks, b.blob.uncompressedSize / 4096);
      assert.equal(sb.prefetch, [image.lookupPath('/small'), image.lookupPath('/sub/deeper')]);
      assert.is(sb.inodesCount, new Set([...nodes(b.root)].map((n) => n.linkLeader ?? n)).size);
      assert.is(b.bytes.length % 4096, 0);
      await compareWithReader(image, b.root);
      // Holes map to hole segments; every data chunk's digest and placement come from the chunk table.
      const sparse = image.mapRange(image.lookupPath('/sparse'), 0, 3 * cs + 100);
      assert.equal(sparse.map((s) => s.hole), [true, false, true, false]);
      const report = await image.verify(image.lookupPath('/plus-one'));
      assert.is(report.problems.length, 0);
      assert.is(report.digestChecked, 2);
    } finally {
      image.close();
      rmSync(b.dir, { recursive: true });
    }
  });
}

async function compareWithKernel(mnt: string, root: BuildNode): Promise<void> {
  const parentOf = new Map<BuildNode, BuildNode>();
  for (const n of nodes(root)) for (const c of n.children ?? []) parentOf.set(c, n);
  for (const n of nodes(root)) {
    const p = join(mnt, n.path);
    const st = lstatSync(p, { bigint: true });
    const type = n.mode & S_IFMT;
    assert.is(Number(st.ino), n.ino, `${n.path}: ino`);
    assert.is(Number(st.mode), n.mode, `${n.path}: mode`);
    assert.equal([Number(st.uid), Number(st.gid), Number(st.nlink)], [n.uid, n.gid, expectedNlink(n, root)], `${n.path}: ids nlink`);
    assert.is(st.mtimeNs, BigInt(n.mtime) * 1_000_000_000n + BigInt(n.mtimeNsec), `${n.path}: mtime`);
    if (type === S_IFDIR) {
      assert.equal(readdirSync(p), sortedNames(n).filter((x) => x !== '.' && x !== '..'), `${n.path}: entries`);
    } else if (type === S_IFLNK) {
      // The kernel terminates page-based link bodies at PATH_MAX - 1 = 4095 bytes.
      assert.ok(readlinkSync(p, { encoding: 'buffer' }).equals(n.target!.subarray(0, 4095)), `${n.path}: target`);
    } else if (type === S_IFREG) {
      assert.ok(readFileSync(p).equals(content(n)), `${n.path}: content`);
    } else if (type === S_IFCHR || type === S_IFBLK) {
      assert.is(Number(st.rdev), n.rdev, `${n.path}: rdev`);
    }
    if (type === S_IFLNK) continue;
    const dump = await execa('getfattr', ['-d', '-m', '-', '-e', 'hex', '--absolute-names', p], { reject: false });
    const got = dump.stdout.split('\n').filter((l) => l.includes('=')).map((l) => l.slice(0, l.indexOf('=')) + '=' + l.slice(l.indexOf('=') + 3));
    const want = n.xattrs.map(([k, v]) => `${k}=${v.toString('hex')}`).sort();
    assert.equal(got.sort(), want, `${n.path}: xattrs`);
  }
}

for (const cs of [4096, MiB]) {
  test(`the kernel EROFS driver mounts it and sees the tree (chunk size ${cs})`, async () => {
    if (process.getuid?.() !== 0) throw new Error('this test mounts EROFS and needs root (CI runs as root)');
    const b = build(cs);
    const mnt = join(b.dir, 'mnt');
    mkdirSync(mnt);
    const loops: string[] = [];
    try {
      for (const f of [b.bootstrap, b.blobPath]) loops.push((await execa('losetup', ['-f', '--show', '-r', f])).stdout.trim());
      await execa('mount', ['-t', 'erofs', '-o', `ro,device=${loops[1]}`, loops[0], mnt]);
      await compareWithKernel(mnt, b.root);
    } finally {
      const umount = await execa('umount', [mnt], { reject: false });
      for (const l of loops) await execa('losetup', ['-d', l], { reject: false });
      if (umount.exitCode === 0) rmSync(b.dir, { recursive: true });
    }
  });
}

test('two writes of the same tree are byte-identical', () => {
  const a = build(4096, ['/small']);
  const root = makeTree(4096);
  const { blob } = makeBlob(root, 4096);
  assert.ok(writeV6Bootstrap(root, blob, optionsFor(4096, ['/small'])).equals(a.bytes));
  rmSync(a.dir, { recursive: true });
});

test('a tree without a blob (only empty files) has no device and still opens', () => {
  const root = dir('/', [file('e', Buffer.alloc(0)), dir('d', [])]);
  setPaths(root, '/');
  const bytes = writeV6Bootstrap(root, null, optionsFor(MiB));
  const work = tempDir('nydus-v6w-');
  const p = join(work, 'boot');
  writeFileSync(p, bytes);
  track({ close: () => rmSync(work, { recursive: true }) });
  const image = track(RafsImage.open(p, {}));
  assert.is(image.superblock().blobs.length, 0);
  assert.is(image.getattr(image.lookupPath('/e')).size, 0);
  assert.equal(image.readdir(image.lookupPath('/d')).map((e) => e.name), ['.', '..']);
});

function refused(mutate: (root: BuildNode) => void, prefetch: string[], pattern: RegExp): void {
  const root = makeTree(4096);
  mutate(root);
  const { blob } = makeBlob(root, 4096);
  try {
    writeV6Bootstrap(root, blob, optionsFor(4096, prefetch));
  } catch (err) {
    assert.instance(err, NydusError);
    assert.match((err as Error).message, pattern);
    return;
  }
  assert.unreachable('expected a NydusError');
}

test('xattrs outside the EROFS namespaces, names over 255 bytes and unknown prefetch paths are refused', () => {
  refused((r) => r.children![0].xattrs.push(['foo.bar', Buffer.from('x')]), [], /\/!bang: xattr 'foo\.bar'/);
  refused((r) => r.children!.push(file('n'.repeat(256), Buffer.from('x'))), [], /256 bytes/);
  refused(() => undefined, ['/nope/x'], /prefetch path \/nope\/x/);
});

test.run();
