// Builder end to end: `nydus create` on a varied tree and on layer tarballs, read back through
// our reader and (v6, uncompressed) through the kernel's EROFS; repeatability; refusals.
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { execa } from 'execa';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { createImage } from '../../src/builder/build.js';
import type { BuildOptions } from '../../src/builder/model.js';
import { compress } from '../../src/native/binding.js';
import { RafsImage } from '../../src/native/image.js';
import { walk } from '../../src/inspect/walk.js';
import { cli, perTest, tempDir } from '../helpers.js';
import { describeHostTree, type EntryMeta, makeTree } from './tree-fixture.js';

const work = tempDir('nydus-create-test-');
const src = join(work, 'src');
const track = perTest();
test.after(() => {
  rmSync(work, { recursive: true, force: true });
});

// The large source tree, made once by the first test that needs it (any test may run first).
let made: Promise<void> | undefined;
async function bigTree(): Promise<string> {
  made ??= makeTree(src, { smallFiles: 10_000, bigFileBytes: 100 << 20 });
  await made;
  assert.ok(existsSync(join(src, 'big')), 'the tree has its 100 MB file');
  return src;
}
const defaults: BuildOptions = { fsVersion: 6, compressor: 'zstd', digester: 'blake3', chunkSize: 1 << 20, prefetchFiles: [] };

const typeName = (mode: number) => ({ 0o040000: 'dir', 0o120000: 'link', 0o100000: 'file', 0o020000: 'char', 0o060000: 'block', 0o010000: 'fifo', 0o140000: 'socket' })[mode & 0o170000] ?? '?';

async function describeImage(image: RafsImage, content: boolean): Promise<Map<string, EntryMeta>> {
  const out = new Map<string, EntryMeta>();
  const entries: Array<{ path: string; ino: number }> = [];
  walk(image, (e) => void entries.push({ path: e.path, ino: e.ino }));
  for (const { path, ino } of entries) {
    const a = image.getattr(ino);
    const type = typeName(a.mode);
    const xattrs: Record<string, string> = {};
    for (const name of image.listxattr(ino).sort()) xattrs[name] = image.getxattr(ino, name).toString('base64');
    let sha256: string | undefined;
    if (type === 'file' && content) {
      const h = createHash('sha256');
      for await (const b of image.stream(ino, 4 << 20)) h.update(b);
      sha256 = h.digest('hex');
    }
    out.set(path, {
      type, mode: a.mode, uid: a.uid, gid: a.gid, size: type === 'dir' ? 0 : a.size, nlink: a.nlink,
      mtime: `${BigInt(a.mtime) * 1_000_000_000n + BigInt(a.mtimeNsec)}`, rdev: type === 'char' || type === 'block' ? a.rdev : 0,
      ...(type === 'link' ? { target: image.readlink(ino).toString() } : {}),
      xattrs,
      ...(sha256 ? { sha256 } : {}),
    });
  }
  return out;
}

function assertSameTree(actual: Map<string, EntryMeta>, expected: Map<string, EntryMeta>, label: string): void {
  assert.equal([...actual.keys()].sort(), [...expected.keys()].sort(), `${label}: paths`);
  for (const [path, want] of expected) assert.equal(actual.get(path), want, `${label}: ${path}`);
}

for (const opts of [defaults, { ...defaults, fsVersion: 5 as const, compressor: 'lz4_block' as const, digester: 'sha256' as const }]) {
  test(`v${opts.fsVersion} ${opts.compressor} ${opts.digester}: the image reads back identical to the source`, async () => {
    const out = join(work, `v${opts.fsVersion}`);
    await bigTree();
    const summary = await createImage({ ...opts, source: src, bootstrap: join(out, 'image.boot'), blobDir: join(out, 'blobs') });
    assert.ok(summary.chunk_count > 0);
    assert.ok(summary.dedup_ratio > 1, 'duplicate chunks are stored once');
    const image = track(RafsImage.open(summary.bootstrap, { dir: join(out, 'blobs'), validate: true }));
    assertSameTree(await describeImage(image, true), describeHostTree(src, { content: true }), `v${opts.fsVersion}`);
    const check = await execa(process.execPath, [cli, 'inspect', 'check', '--json', summary.bootstrap, '--blob-dir', join(out, 'blobs')], { reject: false });
    assert.is(check.exitCode, 0, check.stdout);
  });
}

test('building twice gives byte-identical bootstrap and blob', async () => {
  const a = join(work, 'rep-a');
  const b = join(work, 'rep-b');
  const small = join(work, 'small-src');
  await makeTree(small, { smallFiles: 50 });
  const sa = await createImage({ ...defaults, source: small, bootstrap: join(a, 'image.boot'), blobDir: join(a, 'blobs') });
  const sb = await createImage({ ...defaults, source: small, bootstrap: join(b, 'image.boot'), blobDir: join(b, 'blobs') });
  assert.is(sa.blob_id, sb.blob_id);
  assert.ok(readFileSync(sa.bootstrap).equals(readFileSync(sb.bootstrap)));
  assert.ok(readFileSync(join(a, 'blobs', sa.blob_id)).equals(readFileSync(join(b, 'blobs', sb.blob_id))));
});

test('v6 --no-blob-toc: the blob id is the SHA-256 of the file, the tail is only blob meta, the image reads back', async () => {
  const out = join(work, 'plain');
  const small = join(work, 'plain-src');
  await makeTree(small, { smallFiles: 200, bigFileBytes: 3 << 20 });
  const summary = await createImage({ ...defaults, blobToc: false, source: small, bootstrap: join(out, 'image.boot'), blobDir: join(out, 'blobs') });
  const blob = readFileSync(join(out, 'blobs', summary.blob_id));
  assert.is(createHash('sha256').update(blob).digest('hex'), summary.blob_id);
  const image = track(RafsImage.open(summary.bootstrap, { dir: join(out, 'blobs'), validate: true }));
  const b = image.superblock().blobs[0];
  assert.is(b.features & 0x3000_0020, 0, 'no ToC, tar headers or inlined digests');
  assert.is(b.ciOffset + b.ciCompressedSize + 4096, blob.length, 'the blob ends with the chunk-info array and its header');
  assertSameTree(await describeImage(image, true), describeHostTree(small, { content: true }), 'v6 plain');
  image.close();
  const check = await execa(process.execPath, [cli, 'inspect', 'check', '--json', summary.bootstrap, '--blob-dir', join(out, 'blobs')], { reject: false });
  assert.is(check.exitCode, 0, check.stdout);
});

test('v6 uncompressed: the kernel mounts the bootstrap with the blob as device; diff -r and xattrs match', async () => {
  if (process.getuid?.() !== 0) throw new Error('needs root to mount EROFS (CI runs as root)');
  const out = join(work, 'v6-none');
  await bigTree();
  const summary = await createImage({ ...defaults, compressor: 'none', source: src, bootstrap: join(out, 'image.boot'), blobDir: join(out, 'blobs') });
  const mnt = join(out, 'mnt');
  mkdirSync(mnt);
  const loops: string[] = [];
  try {
    for (const f of [summary.bootstrap, summary.blob_path!]) loops.push((await execa('losetup', ['-f', '--show', '-r', f])).stdout.trim());
    await execa('mount', ['-t', 'erofs', '-o', `ro,device=${loops[1]}`, loops[0], mnt]);
    const diff = await execa('diff', ['-r', '--no-dereference', src, mnt], { reject: false });
    // diff cannot compare special files; it reports them as "File A is a fifo while file B is a fifo".
    const real = diff.stdout.split('\n').filter((l) => l && !/^File .* is a (fifo|socket|character special file|block special file) while file .* is a \1$/.test(l));
    assert.equal(real, [], diff.stdout + diff.stderr);
    assert.is(diff.stderr, '');
    const host = describeHostTree(src, { content: false });
    const kernel = describeHostTree(mnt, { content: false });
    for (const [path, want] of host) {
      const got = kernel.get(path)!;
      assert.equal(got.xattrs, want.xattrs, `xattrs of ${path}`);
      assert.equal([got.mode, got.uid, got.gid, got.size, got.nlink, got.target], [want.mode, want.uid, want.gid, want.size, want.nlink, want.target], path);
    }
  } finally {
    await execa('umount', [mnt], { reject: false });
    for (const l of loops) await execa('losetup', ['-d', l], { reject: false });
  }
});

test('a gzip layer tarball (PAX, xattrs, hard links, whiteouts) builds and reads back', async () => {
  const t = join(work, 'tar-src');
  mkdirSync(join(t, 'usr/bin'), { recursive: true });
  writeFileSync(join(t, 'usr/bin/app'), 'binary\n');
  writeFileSync(join(t, '.wh.removed'), '');
  writeFileSync(join(t, 'usr/.wh..wh..opq'), '');
  execFileSync('ln', [join(t, 'usr/bin/app'), join(t, 'usr/bin/app2')]);
  execFileSync('ln', ['-s', 'app', join(t, 'usr/bin/applink')]);
  execFileSync('setfattr', ['-n', 'user.k', '-v', 'v', join(t, 'usr/bin/app')]);
  const tarball = join(work, 'layer.tar.gz');
  execFileSync('tar', ['--format=posix', '--xattrs', '--xattrs-include=*', '-czf', tarball, '-C', t, '.']);
  const out = join(work, 'tar-out');
  const summary = await createImage({ ...defaults, source: tarball, bootstrap: join(out, 'image.boot'), blobDir: join(out, 'blobs') });
  const image = track(RafsImage.open(summary.bootstrap, { dir: join(out, 'blobs') }));
  const app = image.lookupPath('/usr/bin/app');
  assert.is(image.lookupPath('/usr/bin/app2'), app);
  assert.is(image.getattr(app).nlink, 2);
  assert.is((await image.read(app, 0, 100)).toString(), 'binary\n');
  assert.is(image.getxattr(app, 'user.k').toString(), 'v');
  assert.is(image.readlink(image.lookupPath('/usr/bin/applink')).toString(), 'app');
  assert.ok(image.lookupPath('/.wh.removed') > 0, 'whiteouts are kept as entries');
  assert.ok(image.lookupPath('/usr/.wh..wh..opq') > 0);
});

test('a zstd layer tarball (two concatenated frames) builds the same image as the plain tar; a truncated one is refused', async () => {
  const t = join(work, 'zst-src');
  mkdirSync(join(t, 'etc'), { recursive: true });
  writeFileSync(join(t, 'etc/conf'), 'setting = 1\n'.repeat(5000));
  writeFileSync(join(t, 'blob.bin'), createHash('sha256').update('seed').digest().toString('hex').repeat(40000));
  const tar = execFileSync('tar', ['--sort=name', '--numeric-owner', '--mtime=@1700000000', '-cf', '-', '-C', t, '.'], { maxBuffer: 1 << 28 });
  const plain = join(work, 'layer.tar');
  writeFileSync(plain, tar);
  // Two frames, as streaming compressors (zstd -T, containerd) write them.
  const half = Math.floor(tar.length / 2);
  const zst = join(work, 'layer.tar.zst');
  writeFileSync(zst, Buffer.concat([compress('zstd', tar.subarray(0, half)), compress('zstd', tar.subarray(half))]));
  const a = await createImage({ ...defaults, source: plain, bootstrap: join(work, 'zst-a', 'image.boot'), blobDir: join(work, 'zst-a', 'blobs') });
  const b = await createImage({ ...defaults, source: zst, bootstrap: join(work, 'zst-b', 'image.boot'), blobDir: join(work, 'zst-b', 'blobs') });
  assert.is(b.blob_id, a.blob_id);
  assert.ok(readFileSync(b.bootstrap).equals(readFileSync(a.bootstrap)), 'byte-identical bootstraps');
  const cut = join(work, 'cut.tar.zst');
  const whole = readFileSync(zst);
  writeFileSync(cut, whole.subarray(0, whole.length - 7)); // inside the second frame
  const r = await execa(process.execPath, [cli, 'create', cut, '--bootstrap', join(work, 'zst-c', 'image.boot'), '--blob-dir', join(work, 'zst-c', 'blobs')], { reject: false });
  assert.is(r.exitCode, 1);
  assert.match(r.stderr, /not a valid zstd stream/);
  assert.not.ok(existsSync(join(work, 'zst-c', 'image.boot')));
});

test('--chunk-dict: a second version with one changed file stores only that file\'s chunk; the image reads back; a dictionary of another format is refused', async () => {
  const v1 = join(work, 'dict-v1');
  mkdirSync(join(v1, 'lib'), { recursive: true });
  const big = Buffer.alloc(3 << 20);
  for (let i = 0; i < big.length; i += 32) createHash('sha256').update(String(i)).digest().copy(big, i);
  writeFileSync(join(v1, 'lib/big.so'), big);
  writeFileSync(join(v1, 'app.conf'), 'version = 1\n');
  const blobs = join(work, 'dict-blobs');
  const a = await createImage({ ...defaults, source: v1, bootstrap: join(work, 'dict-a.boot'), blobDir: blobs });
  const v2 = join(work, 'dict-v2');
  execFileSync('cp', ['-a', v1, v2]);
  writeFileSync(join(v2, 'app.conf'), 'version = 2\n');
  const b = await createImage({ ...defaults, source: v2, bootstrap: join(work, 'dict-b.boot'), blobDir: blobs, chunkDict: a.bootstrap });
  assert.is(b.chunk_count, 1, 'only the changed file\'s chunk is new');
  assert.equal(b.chunk_dict_blobs, [a.blob_id]);
  const image = track(RafsImage.open(b.bootstrap, { dir: blobs }));
  assert.equal(image.superblock().blobs.map((x) => x.blobId), [a.blob_id, b.blob_id]);
  assert.ok((await image.read(image.lookupPath('/lib/big.so'), 0, big.length)).equals(big));
  assert.is((await image.read(image.lookupPath('/app.conf'), 0, 100)).toString(), 'version = 2\n');
  // Nothing changed: no new blob at all, the dictionary's blob serves everything.
  const c = await createImage({ ...defaults, source: v1, bootstrap: join(work, 'dict-c.boot'), blobDir: blobs, chunkDict: a.bootstrap });
  assert.is(c.blob_id, '');
  assert.equal(c.chunk_dict_blobs, [a.blob_id]);
  const r = await execa(process.execPath, [cli, 'create', v2, '--bootstrap', join(work, 'dict-d.boot'), '--blob-dir', blobs, '--digester', 'sha256', '--chunk-dict', a.bootstrap], { reject: false });
  assert.is(r.exitCode, 1);
  assert.match(r.stderr, /--chunk-dict .*digester blake3/);
  assert.not.ok(existsSync(join(work, 'dict-d.boot')));
});

test('a tarball with a ../ entry is refused and leaves no output', async () => {
  const t = join(work, 'evil');
  mkdirSync(join(t, 'a'), { recursive: true });
  writeFileSync(join(t, 'x'), 'x');
  const tarball = join(work, 'evil.tar');
  execFileSync('tar', ['-cf', tarball, '-C', t, '--transform', 's,^x$,../escape,', '-P', 'x', 'a']);
  const out = join(work, 'evil-out');
  const r = await execa(process.execPath, [cli, 'create', tarball, '--bootstrap', join(out, 'image.boot'), '--blob-dir', join(out, 'blobs')], { reject: false });
  assert.is(r.exitCode, 1);
  assert.match(r.stderr, /escapes the image root/);
  assert.not.ok(existsSync(join(out, 'image.boot')));
  assert.equal(readdirSync(join(out, 'blobs')).filter((f) => !f.startsWith('.')), []);
});

test('the CLI prints a JSON summary; bad flags and sources are clear errors', async () => {
  const small = join(work, 'cli-src');
  mkdirSync(small);
  writeFileSync(join(small, 'f'), 'hello');
  const out = join(work, 'cli-out');
  const r = await execa(process.execPath, [cli, 'create', small, '--bootstrap', join(out, 'i.boot'), '--blob-dir', join(out, 'b'), '--json', '--fs-version', '5', '--chunk-size', '0x10000'], { reject: false });
  assert.is(r.exitCode, 0, r.stderr);
  const s = JSON.parse(r.stdout);
  assert.is(s.fs_version, 5);
  assert.is(s.chunk_size, 0x10000);
  assert.is(s.files, 1);
  assert.match(s.blob_id, /^[0-9a-f]{64}$/);
  const badSize = await execa(process.execPath, [cli, 'create', small, '--bootstrap', join(out, 'x.boot'), '--blob-dir', join(out, 'b'), '--chunk-size', '3000'], { reject: false });
  assert.is(badSize.exitCode, 2);
  assert.match(badSize.stderr, /power of two/);
  const missing = await execa(process.execPath, [cli, 'create', join(work, 'nope'), '--bootstrap', join(out, 'y.boot'), '--blob-dir', join(out, 'b')], { reject: false });
  assert.is(missing.exitCode, 1);
  assert.match(missing.stderr, /nope/);
});

test.run();
