// Builder: reading a bootstrap back into a build tree (src/builder/read-bootstrap.ts): our own
// v5 and v6 images give back the tree and the chunk records the writer assigned, and write
// again byte for byte; nydus-image's fixtures read; corrupt bootstraps fail cleanly.
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { writeBlob } from '../../src/builder/blob-writer.js';
import { blobOrder, createImage } from '../../src/builder/build.js';
import { type BlobResult, type BuildNode, type BuildOptions, type ChunkRecord, findNode } from '../../src/builder/model.js';
import { mergeLayers } from '../../src/builder/overlay.js';
import { readBootstrap } from '../../src/builder/read-bootstrap.js';
import { scanDirectory } from '../../src/builder/scan-dir.js';
import { scanTarball } from '../../src/builder/scan-tar.js';
import { writeV5Bootstrap } from '../../src/builder/v5-writer.js';
import { writeV6Bootstrap } from '../../src/builder/v6-writer.js';
import { NydusError } from '../../src/errors.js';
import { fixture, readExpected, tempDir } from '../helpers.js';
import { file, hardlink, type LayerEntry, makeLayer, opaque, whiteout } from './layer-fixture.js';
import { makeTree } from './tree-fixture.js';

const work = tempDir('nydus-read-boot-test-');
test.after(() => {
  rmSync(work, { recursive: true, force: true });
});

const src = join(work, 'src');
let made: Promise<void> | undefined;
/** makeTree: hard links, symlinks, xattrs, devices, empty, sparse and multi-chunk files. */
const tree = async () => {
  made ??= makeTree(src, { smallFiles: 20 });
  await made;
  return src;
};

/** What createImage does, keeping the tree the writers saw (chunk records included). */
async function build(opts: BuildOptions, out: string): Promise<{ root: BuildNode; blob: BlobResult; bytes: Buffer }> {
  const root = await scanDirectory(await tree());
  mkdirSync(join(out, 'blobs'), { recursive: true });
  const blob = await writeBlob(blobOrder(root, opts.prefetchFiles), opts, join(out, 'blobs'));
  const share = (n: BuildNode) => {
    if (n.linkLeader && n.linkLeader !== n) n.chunks = n.linkLeader.chunks;
    n.children?.forEach(share);
  };
  share(root);
  const bytes = opts.fsVersion === 5 ? writeV5Bootstrap(root, blob, opts) : writeV6Bootstrap(root, blob, opts);
  return { root, blob, bytes };
}

const hexChunk = (c: ChunkRecord) => ({ ...c, digest: c.digest.toString('hex') });

/** Every node's attributes, its link group (sorted paths) and chunks, by path. */
function describe(root: BuildNode): Map<string, unknown> {
  const groups = new Map<BuildNode, string[]>();
  const all: BuildNode[] = [];
  const go = (n: BuildNode) => {
    all.push(n);
    if (n.linkLeader) groups.set(n.linkLeader, [...(groups.get(n.linkLeader) ?? []), n.path]);
    n.children?.forEach(go);
  };
  go(root);
  return new Map(all.map((n) => [n.path, {
    name: n.name.toString('hex'), mode: n.mode, uid: n.uid, gid: n.gid, mtime: n.mtime, mtimeNsec: n.mtimeNsec,
    size: n.children ? 0 : n.size, rdev: n.rdev, nlink: n.nlink, target: n.target?.toString('hex'),
    xattrs: n.xattrs.map(([k, v]) => [k, v.toString('hex')]),
    links: n.linkLeader ? groups.get(n.linkLeader)!.sort() : undefined,
    chunks: n.chunks?.map(hexChunk),
  }]));
}

for (const opts of [
  { fsVersion: 5, compressor: 'lz4_block', digester: 'sha256' },
  { fsVersion: 6, compressor: 'zstd', digester: 'blake3' },
] as const) {
  const options: BuildOptions = { ...opts, chunkSize: 0x10000, prefetchFiles: ['/bin', '/etc/passwd'] };
  test(`v${opts.fsVersion} ${opts.compressor} ${opts.digester}: the tree, chunk records and blob come back as written; writing again gives the same bytes`, async () => {
    const out = join(work, `v${opts.fsVersion}`);
    const summary = await createImage({ ...options, source: await tree(), bootstrap: join(out, 'created.boot'), blobDir: join(out, 'created-blobs') });
    const written = await build(options, out);
    assert.ok(written.bytes.equals(readFileSync(summary.bootstrap)), 'the by-hand build is what createImage writes');

    const read = readBootstrap(summary.bootstrap);
    assert.is(read.fsVersion, opts.fsVersion);
    assert.is(read.compressor, opts.compressor);
    assert.is(read.digester, opts.digester);
    assert.is(read.chunkSize, 0x10000);
    assert.ok(read.digestsKnown);
    const want = describe(written.root);
    const got = describe(read.root);
    assert.equal([...got.keys()], [...want.keys()], 'paths in depth-first name order');
    for (const [p, w] of want) assert.equal(got.get(p), w, p);
    assert.ok((findNode(read.root, '/chunk-plus-one')!.chunks?.length ?? 0) === 17, 'a multi-chunk file has all its chunks');
    assert.equal(findNode(read.root, '/empty')!.chunks, []);
    assert.ok(findNode(read.root, '/passwd-hardlink')!.linkLeader === findNode(read.root, '/bin/passwd-hardlink2'), 'the first path leads the group');

    assert.is(read.blobs.length, 1);
    const [b] = read.blobs;
    const w = written.blob;
    assert.equal(
      { ...b, chunks: b.chunks.map(hexChunk), tocDigest: b.tocDigest.toString('hex'), ciCompressor: undefined },
      { ...w, chunks: w.chunks.map(hexChunk), tocDigest: w.tocDigest.toString('hex'), ciCompressor: undefined },
    );
    assert.equal(read.prefetch, ['/bin', '/bin/passwd-hardlink2'], 'prefetch paths (a hard link by its first path)');

    const again = opts.fsVersion === 5
      ? writeV5Bootstrap(read.root, read.blobs[0], { ...options, prefetchFiles: read.prefetch })
      : writeV6Bootstrap(read.root, read.blobs[0], { ...options, prefetchFiles: read.prefetch });
    assert.ok(again.equals(written.bytes), 'the read tree writes the same bootstrap');
  });
}

test('nydus-image v5 fixture: tree, hard links, holes and the blob table as the spec lists them', () => {
  const read = readBootstrap(fixture.v5.bootstrap);
  assert.equal([read.fsVersion, read.compressor, read.digester, read.chunkSize, read.digestsKnown], [5, 'none', 'sha256', 1 << 20, true]);
  assert.equal(read.prefetch, []);
  const [blob] = read.blobs;
  assert.equal([read.blobs.length, blob.blobId, blob.chunkCount, blob.uncompressedSize, blob.compressedSize], [1, '7334a2594e133cf8ae364189c2276b090fc490c627bcc3fb1077f0419a538e00', 23, 3508766, 3508766]);
  assert.is(blob.chunks.length, 23, 'every blob chunk is used by some file');
  assert.ok(blob.chunks.every((c, i) => c.index === i && !c.compressed && c.compressedSize === c.uncompressedSize));
  // The paths of expected.result (tree -J), files and symlinks and directories alike.
  const { tree: expected, md5 } = readExpected(fixture.v5.expected);
  const want: string[] = [];
  const list = (entries: Array<{ name: string; type: string; contents?: unknown[] }>, at: string) => {
    for (const e of entries) {
      if (e.type === 'report') continue;
      const p = at === '' && e.name === '' ? '/' : `${at === '/' ? '' : at}/${e.name}`;
      want.push(p);
      if (e.type === 'directory') list((e.contents ?? []) as typeof entries, p);
    }
  };
  list(expected as Parameters<typeof list>[0], '');
  const got: string[] = [];
  const go = (n: BuildNode) => {
    got.push(n.path);
    n.children?.forEach(go);
  };
  go(read.root);
  assert.equal(got.sort(), want.sort());
  for (const p of md5.keys()) assert.ok(findNode(read.root, p), p);
  const foo = findNode(read.root, '/hardlink-test/foo')!;
  assert.is(foo.size, 944);
  assert.is(foo.mode, 0o100775);
  assert.is(foo.linkLeader, foo);
  assert.is(findNode(read.root, '/normal-file-test/test.sh')!.linkLeader, foo);
  assert.is(findNode(read.root, '/hardlink-test/test.sh')!.linkLeader, foo);
  assert.equal(foo.chunks!.map((c) => [c.blobIndex, c.index, c.compressedOffset, c.fileOffset]), [[0, 0, 0, 0]]);
  const tarball = findNode(read.root, '/normal-file-test/busybox/1f777dbdd68d1c4d554bc0d20e027bfef9ed2dfe2d8d5f029e958552a0e12475/layer.tar')!;
  assert.equal(tarball.chunks!.map((c) => c.uncompressedSize), [1048576, 367104]);
  assert.equal(findNode(read.root, '/normal-file-test/holefiles/head-hole-1')!.chunks!.map((c) => c.index), [13, 13, 14]);
  assert.is(findNode(read.root, '/symlink-test/root-1')!.target!.toString(), '/////////////////');
  assert.is(blob.bytesIn, sumChunks(read.root), "bytesIn: the file bytes of all 29 chunk records");
});

/** File bytes the chunk records of the tree cover, each hard-link group once. */
function sumChunks(root: BuildNode): number {
  let sum = 0;
  const go = (n: BuildNode) => {
    if (!n.linkLeader || n.linkLeader === n) for (const c of n.chunks ?? []) sum += c.uncompressedSize;
    n.children?.forEach(go);
  };
  go(root);
  return sum;
}

test('nydus-image v6 fixture: two files, their chunks from the chunk table, digests known', () => {
  const read = readBootstrap(fixture.v6.bootstrap);
  assert.equal([read.fsVersion, read.compressor, read.digester, read.chunkSize, read.digestsKnown], [6, 'zstd', 'blake3', 1 << 20, true]);
  assert.equal(read.root.children!.map((c) => c.name.toString()), ['lib.rs', 'sync_io.rs']);
  const lib = findNode(read.root, '/lib.rs')!;
  assert.equal([lib.size, lib.mtime, lib.mtimeNsec, lib.nlink], [16931, 1676819553, 628661334, 1]);
  assert.equal(lib.chunks!.map(hexChunk), [{ ...hexChunk(read.blobs[0].chunks[0]), fileOffset: 0 }]);
  const [c0, c1] = read.blobs[0].chunks;
  assert.equal([c0.index, c0.compressedOffset, c0.compressedSize, c0.uncompressedOffset, c0.uncompressedSize, c0.compressed], [0, 0, 4828, 0, 16931, true]);
  assert.equal([c1.index, c1.compressedOffset, c1.compressedSize, c1.uncompressedOffset, c1.uncompressedSize], [1, 4828, 2974, 20480, 13400]);
  assert.ok(c0.digest.toString('hex').startsWith('f7e2'));
  assert.ok(c1.digest.toString('hex').startsWith('8124'));
  const b = read.blobs[0];
  assert.equal([b.blobId, b.features, b.compressedSize, b.uncompressedSize, b.tocSize, b.ciOffset, b.ciCompressedSize, b.ciUncompressedSize, b.tocDigest.toString('hex')],
    ['be7d77eeb719f70884758d1aa800ed0fb09d701aaec469964e9d54325f0d5fef', 0x70000021, 14554, 36864, 1024, 8314, 32, 32, 'cfc89ed0739aef4eb1bf0904f0dfdb1c857134eca7319465baae95a99b84acde']);
});

test('v6 without a chunk table: chunk indexes and uncompressed ranges only, and digestsKnown says so', async () => {
  const out = join(work, 'no-chunk-table');
  const summary = await createImage({ fsVersion: 6, compressor: 'zstd', digester: 'blake3', chunkSize: 0x10000, prefetchFiles: [], source: await tree(), bootstrap: join(out, 'image.boot'), blobDir: join(out, 'blobs') });
  const full = readBootstrap(summary.bootstrap);
  assert.ok(full.digestsKnown);
  // The extended superblock (at 1152) names the chunk table at +24 (offset) and +32 (size).
  const bytes = Buffer.from(readFileSync(summary.bootstrap));
  assert.ok(bytes.readBigUInt64LE(1152 + 32) > 0n, 'the writer wrote a chunk table');
  bytes.writeBigUInt64LE(0n, 1152 + 24);
  bytes.writeBigUInt64LE(0n, 1152 + 32);
  const file = join(out, 'no-table.boot');
  writeFileSync(file, bytes);
  const bare = readBootstrap(file);
  assert.not.ok(bare.digestsKnown);
  const keep = (c: ChunkRecord) => [c.blobIndex, c.index, c.uncompressedOffset, c.uncompressedSize, c.fileOffset];
  const tool = (r: typeof full) => findNode(r.root, '/bin/tool')!.chunks!;
  assert.equal(tool(bare).map(keep), tool(full).map(keep));
  assert.ok(tool(bare).every((c) => c.digest.equals(Buffer.alloc(32)) && c.compressedSize === 0));
  assert.equal(bare.blobs[0].chunks.map(keep), full.blobs[0].chunks.map(keep));
});

test('layer bootstraps read back merge like their tarballs (nydus merge), files keeping their layer\'s blob', async () => {
  const layers: Array<Record<string, LayerEntry>> = [
    { 'etc/passwd': file('v1'), 'etc/shadow': file('s'), 'opt/a': file(Buffer.alloc(0x25000, 1)), h1: file('hl'), h2: hardlink('h1') },
    { 'etc/passwd': file('v2'), 'etc/shadow': whiteout, opt: opaque, 'opt/b': file('b'), h1: whiteout },
  ];
  const trees: BuildNode[] = [];
  const scanned: BuildNode[] = [];
  for (const [i, spec] of layers.entries()) {
    const tar = makeLayer(work, `layer${i}`, spec);
    scanned.push(await scanTarball(tar, work));
    const summary = await createImage({ fsVersion: 6, compressor: 'zstd', digester: 'blake3', chunkSize: 0x10000, prefetchFiles: [], source: tar, bootstrap: join(work, `layer${i}.boot`), blobDir: join(work, 'layer-blobs') });
    const read = readBootstrap(summary.bootstrap);
    assert.is(read.blobs[0].blobId, summary.blob_id);
    // The merged image's blob table lists the layers' blobs in order: layer i is blob i.
    const rebase = (n: BuildNode) => {
      if (!n.linkLeader || n.linkLeader === n) for (const c of n.chunks ?? []) c.blobIndex = i;
      n.children?.forEach(rebase);
    };
    rebase(read.root);
    trees.push(read.root);
  }
  const merged = mergeLayers(trees);
  const expected = mergeLayers(scanned);
  const shape = (root: BuildNode) => [...describeBuildTreeShape(root)];
  assert.equal(shape(merged), shape(expected));
  assert.equal(findNode(merged, '/etc/passwd')!.chunks!.map((c) => c.blobIndex), [1]);
  assert.equal(findNode(merged, '/opt/b')!.chunks!.map((c) => c.blobIndex), [1]);
  assert.equal(findNode(merged, '/h2')!.chunks!.map((c) => c.blobIndex), [0], 'the surviving hard link keeps layer 0\'s data');
  assert.is(findNode(merged, '/h2')!.nlink, 1);
  assert.is(findNode(merged, '/etc/shadow'), undefined);
  assert.is(findNode(merged, '/opt/a'), undefined);
});

/** Path, mode, size, link target and group size of every node (what merging decides). */
function* describeBuildTreeShape(root: BuildNode): Generator<string> {
  yield `${root.path} ${root.mode.toString(8)} ${root.children ? 0 : root.size} ${root.target?.toString() ?? ''} ${root.nlink}`;
  for (const c of root.children ?? []) yield* describeBuildTreeShape(c);
}

test('a corrupt, truncated or missing bootstrap gives a NydusError naming the file', async () => {
  const good = readFileSync(fixture.v6.bootstrap);
  const cases: Array<[string, Buffer | null]> = [
    ['garbage', Buffer.alloc(20480, 0x5a)],
    ['truncated-v6', good.subarray(0, 4096)],
    ['truncated-v5', readFileSync(fixture.v5.bootstrap).subarray(0, 9000)],
    ['empty', Buffer.alloc(0)],
    ['missing', null],
  ];
  for (const [name, bytes] of cases) {
    const file = join(work, `${name}.boot`);
    if (bytes) writeFileSync(file, bytes);
    try {
      readBootstrap(file);
      assert.unreachable(`${name} was read`);
    } catch (err) {
      assert.instance(err, NydusError, name);
      assert.match((err as Error).message, `${file}: not a usable RAFS bootstrap`, name);
    }
  }
});

test.run();
