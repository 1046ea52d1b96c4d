// Commands: `nydus inspect superblock|tree|stat|cat|check` on the fixtures, as a user runs them.
import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { execa } from 'execa';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { cli, fixture, readExpected, tempDir } from '../helpers.js';

const nydus = (...args: string[]) => execa(process.execPath, [cli, ...args], { reject: false, encoding: 'buffer', stripFinalNewline: false });
const text = (b: Uint8Array) => Buffer.from(b).toString('utf8');
const busybox = '/normal-file-test/busybox/1f777dbdd68d1c4d554bc0d20e027bfef9ed2dfe2d8d5f029e958552a0e12475';

test('superblock --json: v5 and v6 facts', async () => {
  const v5 = JSON.parse(text((await nydus('inspect', 'superblock', '--json', fixture.v5.bootstrap)).stdout));
  assert.is(v5.version, 5);
  assert.is(v5.compressor, 'none');
  assert.is(v5.digester, 'sha256');
  assert.equal(v5.flag_names, ['COMPRESSION_NONE', 'HASH_SHA256']);
  assert.equal(v5.counts, { directories: 24, files: 23, symlinks: 7, others: 0, inodes: 52 });
  const v6 = await nydus('inspect', 'superblock', fixture.v6.bootstrap);
  assert.is(v6.exitCode, 0);
  assert.match(text(v6.stdout), /RAFS v6/);
  assert.match(text(v6.stdout), /be7d77eeb719f70884758d1aa800ed0fb09d701aaec469964e9d54325f0d5fef/);
});

test('tree --json equals expected.result; text tree ends with the report', async () => {
  const r = await nydus('inspect', 'tree', '--json', fixture.v5.bootstrap);
  assert.is(r.exitCode, 0, text(r.stderr));
  assert.equal(JSON.parse(text(r.stdout)), readExpected(fixture.v5.expected).tree);
  const t = await nydus('inspect', 'tree', fixture.v5.bootstrap);
  assert.match(text(t.stdout), /└── symlink-test/);
  assert.match(text(t.stdout), /26 directories, 27 files\n$/);
});

test('stat --json: attributes and chunks of a file, a symlink', async () => {
  const s = JSON.parse(text((await nydus('inspect', 'stat', '--json', fixture.v5.bootstrap, '/hardlink-test/foo')).stdout));
  assert.is(s.ino, 5);
  assert.is(s.type, 'file');
  assert.is(s.permissions, '0775');
  assert.is(s.nlink, 3);
  assert.is(s.chunks.length, 1);
  assert.is(s.chunks[0].digest, 'fff49cf6925f933ae4e834b5d88d25ed06d40f3d70ff9b1916070596bf5649eb');
  const l = JSON.parse(text((await nydus('inspect', 'stat', '--json', fixture.v5.bootstrap, '/symlink-test/foo1')).stdout));
  assert.is(l.type, 'link');
  assert.is(l.target, '../../fc/foo');
  const missing = await nydus('inspect', 'stat', fixture.v5.bootstrap, '/nope');
  assert.is(missing.exitCode, 1);
  assert.match(text(missing.stderr), /ENOENT|No such/i);
});

test('cat: every file of the v5 image has the expected md5 (a sample), v6 via --config', async () => {
  const { md5 } = readExpected(fixture.v5.expected);
  for (const path of [`${busybox}/layer.tar`, '/normal-file-test/holefiles/head-hole-1', '/hardlink-test/foo', '/normal-file-test/holefiles/tail-hole-5000']) {
    const r = await nydus('inspect', 'cat', fixture.v5.bootstrap, path, '--blob-dir', fixture.v5.blobs);
    assert.is(r.exitCode, 0, text(r.stderr));
    assert.is(createHash('md5').update(r.stdout).digest('hex'), md5.get(path), path);
  }
  const dir = tempDir();
  const cfg = join(dir, 'c.json');
  writeFileSync(cfg, JSON.stringify({ version: 2, backend: { type: 'localfs', localfs: { dir: fixture.v6.blobs } }, cache: { type: 'blobcache', filecache: { work_dir: dir } }, rafs: {} }));
  const r = await nydus('inspect', 'cat', fixture.v6.bootstrap, '/lib.rs', '--config', cfg);
  assert.is(createHash('sha256').update(r.stdout).digest('hex'), '1810eba864521293bb0d6b55a3c82318d4d89f294ed761c456d9088a17de0c69');
});

test('check passes on both fixtures', async () => {
  for (const [boot, blobs] of [[fixture.v5.bootstrap, fixture.v5.blobs], [fixture.v6.bootstrap, fixture.v6.blobs]]) {
    const r = await nydus('inspect', 'check', '--json', boot, '--blob-dir', blobs);
    assert.is(r.exitCode, 0, text(r.stdout) + text(r.stderr));
    const out = JSON.parse(text(r.stdout));
    assert.is(out.ok, true);
    assert.ok(out.digest_checked > 0);
  }
});

test('check reports the exact file and offset when one byte of a blob is flipped (exit 1)', async () => {
  const dir = tempDir();
  const id = '7334a2594e133cf8ae364189c2276b090fc490c627bcc3fb1077f0419a538e00';
  const blob = readFileSync(join(fixture.v5.blobs, id));
  // layer.tar's second chunk: find its offset through stat.
  const s = JSON.parse(text((await nydus('inspect', 'stat', '--json', fixture.v5.bootstrap, `${busybox}/layer.tar`)).stdout));
  blob[s.chunks[1].compressed_offset + 1000] ^= 0x01;
  writeFileSync(join(dir, id), blob);
  const r = await nydus('inspect', 'check', '--json', fixture.v5.bootstrap, '--blob-dir', dir);
  assert.is(r.exitCode, 1);
  const out = JSON.parse(text(r.stdout));
  assert.is(out.ok, false);
  assert.equal(out.problems.map((p: { path: string; file_offset: number }) => [p.path, p.file_offset]), [[`${busybox}/layer.tar`, 1048576]]);
  const human = await nydus('inspect', 'check', fixture.v5.bootstrap, '--blob-dir', dir);
  assert.match(text(human.stdout), new RegExp(`CORRUPT ${busybox}/layer.tar at offset 1048576`));
});

test('a bad bootstrap is a clear error, exit 1; a bad config exit 2', async () => {
  const dir = tempDir();
  const bad = join(dir, 'bad.boot');
  writeFileSync(bad, readFileSync(fixture.v5.bootstrap).subarray(0, 9000));
  const r = await nydus('inspect', 'tree', bad);
  assert.is(r.exitCode, 1);
  assert.match(text(r.stderr), /nydus: .*bad\.boot/);
  const cfg = join(dir, 'c.json');
  writeFileSync(cfg, '{"version":2,"backend":{"type":"localdisk","localdisk":{"device_path":"/dev/null"}}}');
  const c = await nydus('inspect', 'cat', fixture.v5.bootstrap, '/hardlink-test/foo', '--config', cfg);
  assert.is(c.exitCode, 2);
  assert.match(text(c.stderr), /\/backend\/type/);
});

test.run();
