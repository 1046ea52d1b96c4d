// Builder and inspect layers: RAFS v5 bootstraps whose root record has no name, as some
// early bootstraps store it (issue 12). The real fixture and `nydus create` output, re-laid out
// without the root's name, read exactly like the originals through the reader and through
// `nydus inspect tree|stat|cat|check`; records nydusd refuses are still refused by inode.
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { execa } from 'execa';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { createImage } from '../../src/builder/build.js';
import { walk } from '../../src/inspect/walk.js';
import { RafsImage } from '../../src/native/image.js';
import { cli, fixture, perTest, readExpected, tempDir } from '../helpers.js';
import { makeTree } from './tree-fixture.js';
import { NAME_SIZE_FIELD, recordOffset, withRecordField, withoutRootName } from './v5-root-name.js';

const NLINK_FIELD = 88;
const busybox = '/normal-file-test/busybox/1f777dbdd68d1c4d554bc0d20e027bfef9ed2dfe2d8d5f029e958552a0e12475';
const work = tempDir('nydus-v5-root-name-');
const track = perTest();
const nydus = (...args: string[]) => execa(process.execPath, [cli, ...args], { reject: false, encoding: 'buffer', stripFinalNewline: false });
const text = (b: Uint8Array) => Buffer.from(b).toString('utf8');

let files = 0;
function save(bytes: Buffer): string {
  const path = join(work, `image-${files++}.boot`);
  writeFileSync(path, bytes);
  return path;
}

/** Every entry as one JSON line: path, ino, attributes, xattrs, link target, content digest. */
async function snapshot(image: RafsImage): Promise<string[]> {
  const entries: Array<{ path: string; ino: number }> = [];
  walk(image, (e) => void entries.push({ path: e.path, ino: e.ino }));
  const lines: string[] = [];
  for (const { path, ino } of entries) {
    const attr = image.getattr(ino);
    const xattrs = image.listxattr(ino).map((n) => `${n}=${image.getxattr(ino, n).toString('hex')}`);
    const kind = attr.mode & 0o170000;
    const target = kind === 0o120000 ? image.readlink(ino).toString('latin1') : undefined;
    let sha256: string | undefined;
    if (kind === 0o100000) {
      const h = createHash('sha256');
      for await (const piece of image.stream(ino, 4 << 20)) h.update(piece);
      sha256 = h.digest('hex');
    }
    const dots = kind === 0o040000 ? image.readdir(ino).slice(0, 2) : undefined;
    lines.push(JSON.stringify({ path, ino, attr, xattrs, target, sha256, dots }));
  }
  return lines;
}

async function sameImage(original: string, nameless: string, blobs: string): Promise<string[]> {
  const want = track(RafsImage.open(original, { dir: blobs, validate: true }));
  const got = track(RafsImage.open(nameless, { dir: blobs, validate: true }));
  const expected = await snapshot(want);
  assert.equal(await snapshot(got), expected);
  return expected;
}

const fixtureBytes = readFileSync(fixture.v5.bootstrap);
const nameless = withoutRootName(fixtureBytes);
const namelessPath = save(nameless);

test('the fixture without its root name: 8 bytes shorter, and every entry, attribute and byte reads the same', async () => {
  assert.is(nameless.length, fixtureBytes.length - 8);
  assert.is(nameless.readUInt16LE(recordOffset(nameless, 1) + NAME_SIZE_FIELD), 0);
  const lines = await sameImage(fixture.v5.bootstrap, namelessPath, fixture.v5.blobs);
  assert.ok(lines.length > 50, `${lines.length} entries`);
});

test('nydus inspect tree, stat, cat and check print for it what they print for the fixture', async () => {
  const runs = [['tree', '--json', 'BOOT'], ['tree', 'BOOT'], ['stat', '--json', 'BOOT', '/'], ['stat', 'BOOT', '/hardlink-test/foo'], ['stat', '--json', 'BOOT', '/symlink-test/foo1']];
  for (const args of runs) {
    const want = await nydus('inspect', ...args.map((a) => (a === 'BOOT' ? fixture.v5.bootstrap : a)));
    const got = await nydus('inspect', ...args.map((a) => (a === 'BOOT' ? namelessPath : a)));
    assert.is(got.exitCode, 0, `${args.join(' ')}: ${text(got.stderr)}`);
    assert.is(text(got.stdout), text(want.stdout), args.join(' '));
  }
  const tree = await nydus('inspect', 'tree', '--json', namelessPath);
  assert.equal(JSON.parse(text(tree.stdout)), readExpected(fixture.v5.expected).tree);
  const { md5 } = readExpected(fixture.v5.expected);
  for (const path of [`${busybox}/layer.tar`, '/hardlink-test/foo', '/normal-file-test/holefiles/head-hole-1']) {
    const r = await nydus('inspect', 'cat', namelessPath, path, '--blob-dir', fixture.v5.blobs);
    assert.is(r.exitCode, 0, text(r.stderr));
    assert.is(createHash('md5').update(r.stdout).digest('hex'), md5.get(path), path);
  }
  const check = await nydus('inspect', 'check', '--json', namelessPath, '--blob-dir', fixture.v5.blobs);
  assert.is(check.exitCode, 0, text(check.stdout) + text(check.stderr));
  const report = JSON.parse(text(check.stdout));
  assert.is(report.ok, true);
  assert.ok(report.digest_checked > 0);
});

test('nydus create v5 output without its root name (root xattr, every file type) reads the same', async () => {
  const src = join(work, 'src');
  await makeTree(src);
  execFileSync('setfattr', ['-n', 'user.on-root', '-v', 'kept', src]);
  const boot = join(work, 'created.boot');
  const blobs = join(work, 'blobs');
  await createImage({ source: src, bootstrap: boot, blobDir: blobs, fsVersion: 5, compressor: 'lz4_block', digester: 'blake3', chunkSize: 1 << 20, prefetchFiles: [] });
  const path = save(withoutRootName(readFileSync(boot)));
  const lines = await sameImage(boot, path, blobs);
  assert.match(lines[0], /"path":"\/".*"user\.on-root=6b657074"/);
  const check = await nydus('inspect', 'check', path, '--blob-dir', blobs);
  assert.is(check.exitCode, 0, text(check.stdout) + text(check.stderr));
});

test('records nydusd refuses are still refused, naming the inode', async () => {
  const refused = async (bytes: Buffer, message: string) => {
    const r = await nydus('inspect', 'tree', save(bytes));
    assert.is(r.exitCode, 1, message);
    assert.ok(text(r.stderr).includes(message), `stderr "${text(r.stderr).trim()}" lacks "${message}"`);
  };
  await refused(withRecordField(nameless, 1, NLINK_FIELD, 0, 4), 'inode 1: nlink 0');
  await refused(withRecordField(nameless, 1, 40, 0, 8), 'inode 1: i_ino 0');
  await refused(withRecordField(nameless, 1, NAME_SIZE_FIELD, 300, 2), 'inode 1: name size 300 exceeds 256');
  // Only the root may go without a name: any other record is a directory entry.
  await refused(withRecordField(nameless, 5, NAME_SIZE_FIELD, 0, 2), 'inode 5: name size 0');
  await refused(withRecordField(fixtureBytes, 5, NAME_SIZE_FIELD, 0, 2), 'inode 5: name size 0');
});

test.run();
