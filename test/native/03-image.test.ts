// Native binding: RAFS images through the addon: metadata of v5 and v6, content through the
// data path (md5/sha256 against the fixtures' expected values), hostile inputs.
import { createHash } from 'node:crypto';
import { copyFileSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { NativeError } from '../../src/errors.js';
import { RafsImage } from '../../src/native/image.js';
import { S_IFMT, S_IFREG, walk } from '../../src/inspect/walk.js';
import { buildTree, treeJson } from '../../src/inspect/tree.js';
import { fixture, nativeError, perTest, readExpected, tempDir } from '../helpers.js';

const track = perTest();

async function content(image: RafsImage, ino: number): Promise<Buffer> {
  const parts: Buffer[] = [];
  for await (const b of image.stream(ino)) parts.push(b);
  return Buffer.concat(parts);
}

test('v5: superblock facts (rafs-format §6.1)', () => {
  const image = track(RafsImage.open(fixture.v5.bootstrap, { dir: fixture.v5.blobs }));
  const sb = image.superblock();
  assert.is(sb.version, 5);
  assert.is(sb.chunkSize, 1048576);
  assert.is(sb.flags, 0x9);
  assert.is(sb.compressor, 'none');
  assert.is(sb.digester, 'sha256');
  assert.is(sb.inodesCount, 51);
  assert.is(sb.rootIno, 1);
  assert.is(sb.blobs.length, 1);
  assert.is(sb.blobs[0].blobId, '7334a2594e133cf8ae364189c2276b090fc490c627bcc3fb1077f0419a538e00');
  assert.is(sb.blobs[0].chunkCount, 23);
  assert.is(sb.blobs[0].compressedSize, 3508766);
  assert.is(sb.fields.inode_table_entries, 54);
});

test('v5: the tree equals expected.result (tree -J) and every file md5 matches', async () => {
  const expected = readExpected(fixture.v5.expected);
  const image = track(RafsImage.open(fixture.v5.bootstrap, { dir: fixture.v5.blobs, validate: true }));
  assert.equal(treeJson(buildTree(image, '')), expected.tree);
  const seen = new Map<string, string>();
  const files: Array<{ path: string; ino: number }> = [];
  walk(image, (e) => {
    if ((e.attr.mode & S_IFMT) === S_IFREG) files.push({ path: e.path, ino: e.ino });
  });
  for (const f of files) seen.set(f.path, createHash('md5').update(await content(image, f.ino)).digest('hex'));
  assert.equal(seen, expected.md5);
});

test('v5: hard links share an inode; lookups of names that do not exist are ENOENT', () => {
  const image = track(RafsImage.open(fixture.v5.bootstrap, { dir: fixture.v5.blobs }));
  const a = image.lookupPath('/hardlink-test/foo');
  assert.is(a, 5);
  assert.is(image.lookupPath('/normal-file-test/test.sh'), a);
  const attr = image.getattr(a);
  assert.is(attr.nlink, 3);
  assert.is(attr.size, 944);
  assert.is(attr.mode, 0o100775);
  const err = nativeError(() => image.lookupPath('/does-not-exist'));
  assert.is(err.code, 'ENOENT');
  assert.is(image.readlink(image.lookupPath('/symlink-test/root-1')).toString(), '/////////////////');
});

test('v5: reads at odd offsets and across chunk boundaries; holes read as zeros', async () => {
  const image = track(RafsImage.open(fixture.v5.bootstrap, { dir: fixture.v5.blobs }));
  const tar = image.lookupPath('/normal-file-test/busybox/1f777dbdd68d1c4d554bc0d20e027bfef9ed2dfe2d8d5f029e958552a0e12475/layer.tar');
  assert.is((await image.read(tar, 1048568, 16)).toString('hex'), '75736564207370616365203d20256420');
  const whole = await content(image, tar);
  assert.is(createHash('sha256').update(whole).digest('hex'), '0b97b1c81a3200e9eeb87f17a5d25a50791a16fa08fc41eb94ad15f26516ccea');
  assert.is((await image.read(tar, whole.length - 3, 100)).length, 3, 'short only at end of file');
  assert.is((await image.read(tar, whole.length + 10, 100)).length, 0);
  const hole = image.lookupPath('/normal-file-test/holefiles/head-hole-1');
  const segs = image.mapRange(hole, 0, 1 << 30);
  assert.is(segs.reduce((n, s) => n + s.length, 0), 2097159);
});

test('v6 (zstd): metadata and content (rafs-format §6.2)', async () => {
  const image = track(RafsImage.open(fixture.v6.bootstrap, { dir: fixture.v6.blobs, validate: false }));
  const sb = image.superblock();
  assert.is(sb.version, 6);
  assert.is(sb.rootIno, 128);
  assert.is(sb.compressor, 'zstd');
  assert.is(sb.digester, 'blake3');
  assert.equal(image.readdir(128).map((e) => e.name), ['.', '..', 'lib.rs', 'sync_io.rs']);
  const lib = image.lookupPath('/lib.rs');
  assert.is(lib, 133);
  assert.is(image.getattr(lib).mtime, 1676819553);
  const sha = async (p: string) => createHash('sha256').update(await content(image, image.lookupPath(p))).digest('hex');
  assert.is(await sha('/lib.rs'), '1810eba864521293bb0d6b55a3c82318d4d89f294ed761c456d9088a17de0c69');
  assert.is(await sha('/sync_io.rs'), 'e629ab260ff0dc02a24648a3e0dd8c13a5daf233d535c330e3201925f5eeff96');
  const report = await image.verify(lib);
  assert.equal(report.problems, []);
  assert.is(report.digestChecked, 1);
});

test('v6 (ToC blob): the bootstrap inside the blob is used, blob id from the file name (§6.3)', async () => {
  const image = track(RafsImage.open(fixture.toc.blob));
  const sb = image.superblock();
  assert.is(sb.inlinedBootstrap, true);
  assert.is(sb.blobs[0].blobId, '2fa78cad554b75ac91a4a125ed148d0ddeb25efa4aaa8bd80e5dc292690a4dca');
  const expect: Record<string, [number, string]> = {
    '/error.rs': [2816, 'b23741280bb7fbbd48b68da04f1ee8a4559a3191fd26e7bc332fe9a82205750b'],
    '/lib.rs': [678, '7628231c52136b04935025215115e29df7f16f223f66c7793e70721483896210'],
    '/logger.rs': [3115, '085f726e0b038b4121a0c9fa15a04e154f80e703be78b3d54c2dd445eae807bc'],
  };
  for (const [path, [size, digest]] of Object.entries(expect)) {
    const ino = image.lookupPath(path);
    assert.is(image.getattr(ino).size, size);
    assert.is(createHash('sha256').update(await content(image, ino)).digest('hex'), digest, path);
  }
});

test('a flipped byte in a blob: verify names that chunk, other files stay readable', async () => {
  const dir = tempDir();
  const id = '7334a2594e133cf8ae364189c2276b090fc490c627bcc3fb1077f0419a538e00';
  const blob = readFileSync(join(fixture.v5.blobs, id));
  const image0 = track(RafsImage.open(fixture.v5.bootstrap, { dir: fixture.v5.blobs }));
  const passwd = image0.lookupPath('/normal-file-test/busybox/1f777dbdd68d1c4d554bc0d20e027bfef9ed2dfe2d8d5f029e958552a0e12475/etc/passwd');
  const [seg] = image0.mapRange(passwd, 0, 340);
  blob[seg.chunk!.compressedOffset + 10] ^= 0x40;
  writeFileSync(join(dir, id), blob);
  const image = track(RafsImage.open(fixture.v5.bootstrap, { dir, validate: true }));
  const report = await image.verify(passwd);
  assert.is(report.problems.length, 1);
  assert.is(report.problems[0].code, 'EIO');
  assert.is(report.problems[0].fileOffset, 0);
  try {
    await image.read(passwd, 0, 340);
    assert.unreachable('read must fail with validation on');
  } catch (err) {
    assert.instance(err, NativeError);
    assert.is((err as NativeError).code, 'EIO');
  }
  const foo = image.lookupPath('/hardlink-test/foo');
  assert.is((await image.read(foo, 0, 944)).length, 944);
  assert.equal((await image.verify(foo)).problems, []);
});

test('a missing blob is ENOENT on read, naming the blob', async () => {
  const image = track(RafsImage.open(fixture.v5.bootstrap, { dir: tempDir() }));
  try {
    await image.read(image.lookupPath('/hardlink-test/foo'), 0, 10);
    assert.unreachable();
  } catch (err) {
    assert.instance(err, NativeError);
    assert.is((err as NativeError).code, 'ENOENT');
    assert.match((err as Error).message, /7334a259/);
  }
});

test('hostile bootstraps: truncated, garbage and flipped copies fail cleanly or walk boundedly', () => {
  const dir = tempDir();
  for (const src of [fixture.v5.bootstrap, fixture.v6.bootstrap]) {
    const good = readFileSync(src);
    const cases: Buffer[] = [good.subarray(0, 100), good.subarray(0, 8192), good.subarray(0, good.length - 4096), Buffer.alloc(20000, 0xff)];
    let seed = 7;
    for (let i = 0; i < 60; i++) {
      const b = Buffer.from(good);
      for (let k = 0; k < 4; k++) {
        seed = (seed * 1103515245 + 12345) >>> 0;
        b[seed % b.length] ^= 1 << (seed % 8);
      }
      cases.push(b);
    }
    for (const [i, bytes] of cases.entries()) {
      const file = join(dir, `boot-${i}`);
      writeFileSync(file, bytes);
      try {
        const image = track(RafsImage.open(file, { dir: tempDir() }));
        try {
          walk(image, () => true);
        } catch (err) {
          assert.ok(err instanceof Error, 'errors are Error objects');
        }
      } catch (err) {
        assert.instance(err, NativeError);
        assert.match((err as Error).message, /\S/);
      }
    }
  }
  mkdirSync(join(dir, 'd'));
  assert.is(nativeError(() => RafsImage.open(join(dir, 'd'))).code, 'EINVAL');
  assert.is(nativeError(() => RafsImage.open(join(dir, 'nope'))).code, 'ENOENT');
  copyFileSync(fixture.v5.expected, join(dir, 'text'));
  assert.match(nativeError(() => RafsImage.open(join(dir, 'text'))).message, /not a RAFS bootstrap/);
});

test.run();
