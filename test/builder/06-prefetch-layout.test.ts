// Builder: `nydus create --prefetch-files` lays the listed files out first in the blob, in
// the list's order (a directory brings its files depth-first by name, a hard link its
// group's chunks), contiguous, then every other file in the usual depth-first order; the
// prefetch table and the file contents are unchanged by it (v5 and v6).
import { linkSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { createImage } from '../../src/builder/build.js';
import type { BuildOptions } from '../../src/builder/model.js';
import { RafsImage } from '../../src/native/image.js';
import { perTest, tempDir } from '../helpers.js';
import { bytes } from './tree-fixture.js';

const work = tempDir('nydus-prefetch-layout-');
const src = join(work, 'src');
const track = perTest();
test.after(() => {
  rmSync(work, { recursive: true, force: true });
});

// Files of the tree in depth-first order by name, with their sizes (two chunks for /c/big).
const TREE: Array<[string, number]> = [
  ['a/one', 5000], ['a/sub/two', 3000], ['b/x', 7000], ['b/y', 100], ['c/big', 6000], ['c/z', 2000], ['top', 900],
];
mkdirSync(src, { recursive: true });
TREE.forEach(([path, size], i) => {
  mkdirSync(join(src, path, '..'), { recursive: true });
  writeFileSync(join(src, path), bytes(size, i + 1));
});
linkSync(join(src, 'b/x'), join(src, 'hardlink-to-x'));

/** The blob chunk indexes of each file (every file is read back and compared first). */
async function layout(fsVersion: 5 | 6, prefetchFiles: string[]) {
  const out = join(work, `v${fsVersion}-${prefetchFiles.length}`);
  rmSync(out, { recursive: true, force: true });
  const options: BuildOptions = { fsVersion, compressor: 'zstd', digester: 'sha256', chunkSize: 4096, prefetchFiles };
  const summary = await createImage({ ...options, source: src, bootstrap: join(out, 'image.boot'), blobDir: join(out, 'blobs') });
  const image = track(RafsImage.open(summary.bootstrap, { dir: join(out, 'blobs'), validate: true }));
  const offsets = new Map<string, number[]>();
  for (const [path, size] of [...TREE, ['hardlink-to-x', 7000] as [string, number]]) {
    const ino = image.lookupPath(`/${path}`);
    const seed = path === 'hardlink-to-x' ? 3 : TREE.findIndex(([p]) => p === path) + 1;
    assert.ok((await image.read(ino, 0, size)).equals(bytes(size, seed)), `${path} reads back`);
    offsets.set(path, image.mapRange(ino, 0, size).filter((s) => !s.hole).map((s) => s.chunk!.index));
  }
  return { image, offsets, summary };
}

/** Paths ordered by the blob position (chunk index) of their first chunk. */
const order = (offsets: Map<string, number[]>) =>
  [...offsets.entries()].filter(([p]) => p !== 'hardlink-to-x').sort((x, y) => x[1][0] - y[1][0]).map(([p]) => p);

for (const v of [5, 6] as const) {
  test(`v${v}: without a prefetch list the blob follows the tree depth-first`, async () => {
    const { offsets } = await layout(v, []);
    assert.equal(order(offsets), TREE.map(([p]) => p));
  });

  test(`v${v}: prefetch files come first, in list order, contiguous; a directory brings its files; the rest follow`, async () => {
    const list = ['/c/z', '/a', '/hardlink-to-x', '/top', '/c/z'];
    const { offsets, image } = await layout(v, list);
    assert.equal(order(offsets), ['c/z', 'a/one', 'a/sub/two', 'b/x', 'top', 'b/y', 'c/big']);
    // Contiguous: the listed files hold chunk indexes 0..n-1, in list order.
    const first = ['c/z', 'a/one', 'a/sub/two', 'b/x', 'top'].flatMap((p) => offsets.get(p)!);
    assert.equal(first, first.map((_, i) => i));
    assert.equal(offsets.get('hardlink-to-x'), offsets.get('b/x'));
    // The prefetch table is as before: the listed paths' inodes, without repeats.
    assert.equal(image.superblock().prefetch, ['/c/z', '/a', '/hardlink-to-x', '/top'].map((p) => image.lookupPath(p)));
  });
}

test('an unknown prefetch path is still refused', async () => {
  const out = join(work, 'refused');
  const options: BuildOptions = { fsVersion: 5, compressor: 'none', digester: 'sha256', chunkSize: 4096, prefetchFiles: ['/a/nothing'] };
  const err = await createImage({ ...options, source: src, bootstrap: join(out, 'image.boot'), blobDir: join(out, 'blobs') }).then(() => null, (e: Error) => e);
  assert.match(err?.message ?? 'no error', '/a/nothing');
});

test.run();
