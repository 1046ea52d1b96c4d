// `nydus merge` end to end: each layer directory (OCI whiteouts as plain `.wh.` files) built
// into its own bootstrap and blob by `nydus create`, the layer bootstraps merged, and the
// merged image mounted over FUSE (localfs blobs) and, uncompressed v6, by the kernel's EROFS:
// both must equal the layers unpacked in order.
import { execa } from 'execa';
import { existsSync, mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { isRoot, startDaemon, unmountAndRemove } from '../daemon-helpers.js';
import { mountErofs } from '../erofs-helpers.js';
import { canMountFuse, cli, tempDir } from '../helpers.js';
import { applyLayers, assertTree, sampleLayers, snapshotTree, type EntrySnapshot } from '../oci/oci-fixture.js';

const why = !isRoot ? 'needs root' : !canMountFuse() ? 'no FUSE' : '';
const it = why ? test.skip : test;

let work = '';
let layers: string[] = [];
let expected: Record<string, EntrySnapshot> = {};
let counter = 0;
const fresh = (name: string): string => {
  const d = join(work, `${name}-${counter++}`);
  mkdirSync(d, { recursive: true });
  return d;
};


/** Builds every layer with `nydus create` into one blob dir; returns the layer bootstraps. */
async function buildLayerImages(blobs: string, extra: string[]): Promise<string[]> {
  const boots: string[] = [];
  for (const [i, dir] of layers.entries()) {
    const boot = join(work, `layer-${counter++}-${i}.boot`);
    await execa(process.execPath, [cli, 'create', dir, '--bootstrap', boot, '--blob-dir', blobs, ...extra]);
    boots.push(boot);
  }
  return boots;
}

test.before(() => {
  if (why) return;
  work = tempDir('nydus-merge-');
  layers = sampleLayers(fresh('layers'));
  const union = join(work, 'union');
  applyLayers(layers, union, fresh('scratch'));
  expected = snapshotTree(union);
});

test.after(async () => {
  if (work) await unmountAndRemove(work);
});

for (const [name, extra] of [['v6 zstd', []], ['v5 lz4 sha256', ['--fs-version', '5', '--compressor', 'lz4_block', '--digester', 'sha256']]] as const) {
  it(`${name}: merged layer bootstraps mount (FUSE, localfs) with the tree of the layers unpacked in order`, async () => {
    const blobs = fresh('blobs');
    const boots = await buildLayerImages(blobs, [...extra]);
    const out = join(fresh('out'), 'merged.boot');
    const r = await execa(process.execPath, [cli, 'merge', ...boots, '--bootstrap', out, '--json']);
    const summary = JSON.parse(r.stdout);
    assert.is(summary.layers, 3);
    assert.is(summary.blobs.length, readdirSync(blobs).length, 'every layer blob is listed once');
    const mnt = fresh('mnt');
    const config = JSON.stringify({ device: { backend: { type: 'localfs', config: { dir: blobs } } }, mode: 'direct' });
    const cfgFile = join(fresh('cfg'), 'config.json');
    writeFileSync(cfgFile, config);
    const d = await startDaemon(['--bootstrap', out, '--config', cfgFile], mnt);
    try {
      assertTree(mnt, expected);
    } finally {
      await d.stop();
    }
  });
}

it('uncompressed v6: the merged bootstrap mounts through the kernel\'s EROFS with the layers\' blobs as devices', async () => {
  const blobs = fresh('blobs');
  const boots = await buildLayerImages(blobs, ['--compressor', 'none']);
  const out = join(fresh('out'), 'merged.boot');
  const r = await execa(process.execPath, [cli, 'merge', ...boots, '--bootstrap', out, '--json']);
  const ids: string[] = JSON.parse(r.stdout).blobs;
  const mnt = fresh('erofs');
  const cleanup = await mountErofs(out, ids.map((id) => join(blobs, id)), mnt);
  try {
    assertTree(mnt, expected);
  } finally {
    await cleanup();
  }
});

it('layers that disagree on the format, and a corrupt layer bootstrap, are refused with the file named; nothing is written', async () => {
  const blobs = fresh('blobs');
  const [a] = await buildLayerImages(blobs, []);
  const b = join(work, 'v5.boot');
  await execa(process.execPath, [cli, 'create', layers[1], '--bootstrap', b, '--blob-dir', blobs, '--fs-version', '5']);
  const out = join(fresh('out'), 'merged.boot');
  const r = await execa(process.execPath, [cli, 'merge', a, b, '--bootstrap', out], { reject: false });
  assert.is.not(r.exitCode, 0);
  assert.match(r.stderr, /v5\.boot/);
  assert.ok(!existsSync(out));
  const bad = join(work, 'corrupt.boot');
  writeFileSync(bad, Buffer.alloc(8192, 0x5a));
  const r2 = await execa(process.execPath, [cli, 'merge', a, bad, '--bootstrap', out], { reject: false });
  assert.is.not(r2.exitCode, 0);
  assert.match(r2.stderr, /corrupt\.boot/);
  assert.ok(!existsSync(out));
});

test.run();
