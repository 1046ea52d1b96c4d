// e2e: the blob cache decision for the localfs backend. A blob stored uncompressed is served
// from the blob file itself (no cache: a cache would only copy it); a compressed one keeps its
// blob cache (B.blob.data), as nydusd does, so a chunk is decompressed once, not per read.
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { execa } from 'execa';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { RafsImage } from '../../src/native/image.js';
import { S_IFMT, S_IFREG, walk } from '../../src/inspect/walk.js';
import { makeTree } from '../builder/tree-fixture.js';
import { isRoot, startDaemon, unmountAndRemove } from '../daemon-helpers.js';
import { cli, fixture, tempDir } from '../helpers.js';

const skip = !isRoot;
const work = tempDir('nydus-localfs-cache-');
const NOT_USED = 'the blob cache is not used with the localfs backend';

test.after(async () => {
  await unmountAndRemove(work);
});

/** A v2 config: localfs blobs in `blobDir`, a blob cache in a fresh work dir. */
function config(name: string, blobDir: string): { file: string; workDir: string } {
  const workDir = join(work, `${name}-cache`);
  mkdirSync(workDir);
  const file = join(work, `${name}.json`);
  writeFileSync(file, JSON.stringify({ version: 2, backend: { type: 'localfs', localfs: { dir: blobDir } }, cache: { type: 'blobcache', filecache: { work_dir: workDir } }, rafs: { mode: 'direct' } }));
  return { file, workDir };
}

/** Reads every regular file through `mnt` and compares it with the image read directly; returns the count. */
async function readAll(bootstrap: string, blobDir: string, mnt: string): Promise<number> {
  const image = RafsImage.open(bootstrap, { dir: blobDir });
  const checks: Array<Promise<void>> = [];
  try {
    walk(image, (e) => {
      if ((e.attr.mode & S_IFMT) !== S_IFREG) return;
      checks.push(image.read(e.ino, 0, e.attr.size).then((want) => assert.ok(readFileSync(join(mnt, e.path)).equals(want), e.path)));
    });
    await Promise.all(checks);
  } finally {
    image.close();
  }
  return checks.length;
}

test('a zstd localfs blob keeps its blob cache: reads fill B.blob.data in work_dir', async () => {
  if (skip) return console.log('  skipped: needs root');
  const { bootstrap, blobs } = fixture.v6;
  const image = RafsImage.open(bootstrap, { dir: blobs });
  const sb = image.superblock();
  image.close();
  assert.ok(sb.blobs.some((b) => b.compressor !== 'none'), 'the fixture has a compressed blob');
  const { file, workDir } = config('zstd', blobs);
  const mnt = join(work, 'mnt-zstd');
  mkdirSync(mnt);
  const d = await startDaemon(['--bootstrap', bootstrap, '--config', file, '--log-level', 'info'], mnt);
  try {
    assert.ok((await readAll(bootstrap, blobs, mnt)) >= 2);
    const names = readdirSync(workDir);
    for (const b of sb.blobs) assert.ok(names.includes(`${b.blobId}.blob.data`), `${b.blobId}.blob.data in work_dir: ${names.join(', ')}`);
  } finally {
    assert.is(await d.stop(), 0);
  }
  assert.not.ok(d.stderr().includes(NOT_USED), d.stderr());
});

test('an uncompressed localfs blob is read in place: no blob cache files, one log line saying so', async () => {
  if (skip) return console.log('  skipped: needs root');
  const src = join(work, 'tree');
  await makeTree(src, { smallFiles: 40, bigFileBytes: 3 << 20 });
  const bootstrap = join(work, 'plain.boot');
  const blobs = join(work, 'plain-blobs');
  await execa(process.execPath, [cli, 'create', src, '--bootstrap', bootstrap, '--blob-dir', blobs, '--fs-version', '6', '--compressor', 'none']);
  const { file, workDir } = config('plain', blobs);
  const mnt = join(work, 'mnt-plain');
  mkdirSync(mnt);
  const d = await startDaemon(['--bootstrap', bootstrap, '--config', file, '--log-level', 'info'], mnt);
  try {
    assert.ok((await readAll(bootstrap, blobs, mnt)) >= 40);
    assert.equal(readdirSync(workDir), []);
  } finally {
    assert.is(await d.stop(), 0);
  }
  assert.ok(d.stderr().includes(NOT_USED), d.stderr());
});

test.run();
