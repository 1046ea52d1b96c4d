// OCI layer: the bootstrap out of a bootstrap layer, from tars GNU tar writes (gzip, zstd or plain,
// gnu and pax formats with long names, the legacy top-level image.boot), and the refusals:
// unsafe entry names, no bootstrap, not a tar; a refused layer leaves no file behind. Also the
// choice of the bootstrap layer in a manifest and the default cache directory.
import { randomBytes } from 'node:crypto';
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { execa } from 'execa';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { NydusError } from '../../src/errors.js';
import { compress } from '../../src/native/binding.js';
import { extractBootstrap } from '../../src/oci/bootstrap-layer.js';
import { bootstrapLayerOf, defaultCacheDir } from '../../src/oci/image-mount.js';
import { ANNOTATION_NYDUS_BOOTSTRAP, type ImageManifest, MEDIA_NYDUS_BLOB, MEDIA_OCI_LAYER_GZIP } from '../../src/oci/media-types.js';
import { tempDir } from '../helpers.js';

const work = tempDir('nydus-oci-layer-');
const boot = randomBytes(70_000);
let n = 0;

/** A directory holding `files` (relative path -> bytes) and a tar of `names` made from it. */
async function tarOf(files: Record<string, Buffer>, names: string[], flags: string[] = ['-z']): Promise<string> {
  const dir = join(work, `src${n++}`);
  for (const [p, data] of Object.entries(files)) {
    mkdirSync(join(dir, p, '..'), { recursive: true });
    writeFileSync(join(dir, p), data);
  }
  const out = join(work, `layer${n++}.tar`);
  await execa('tar', ['-c', ...flags, '-f', out, '-C', dir, ...names]);
  return out;
}

async function rejection(p: Promise<unknown>): Promise<NydusError> {
  try {
    await p;
  } catch (err) {
    if (err instanceof NydusError) return err;
    throw err;
  }
  throw new Error('expected a rejection');
}

function outDir(): string {
  const d = join(work, `out${n++}`);
  mkdirSync(d);
  return d;
}

test('image/image.boot comes out of a gzip tar and of a plain tar', async () => {
  for (const flags of [['-z'], []]) {
    const layer = await tarOf({ 'image/image.boot': boot, 'image/other': Buffer.from('x') }, ['image'], flags);
    const dest = join(outDir(), 'b.boot');
    await extractBootstrap(layer, dest, 'layer');
    assert.equal(readFileSync(dest), boot);
  }
});

test('image/image.boot comes out of a zstd tar (concatenated frames); a truncated zstd layer is refused, leaving no file', async () => {
  const plain = readFileSync(await tarOf({ 'image/image.boot': boot }, ['image'], []));
  const zst = Buffer.concat([compress('zstd', plain.subarray(0, 10_000)), compress('zstd', plain.subarray(10_000))]);
  const layer = join(work, `layer${n++}.tar.zst`);
  writeFileSync(layer, zst);
  const dest = join(outDir(), 'b.boot');
  await extractBootstrap(layer, dest, 'layer');
  assert.equal(readFileSync(dest), boot);
  const cut = join(work, `layer${n++}.tar.zst`);
  writeFileSync(cut, zst.subarray(0, Math.floor(zst.length / 2)));
  const dir = outDir();
  const err = await rejection(extractBootstrap(cut, join(dir, 'b.boot'), 'layer'));
  assert.match(err.message, /zstd|truncated/);
  assert.equal(readdirSync(dir), []);
});

test('entries with long names (gnu and pax formats) are skipped correctly', async () => {
  const long = `deep/${'d'.repeat(120)}/${'f'.repeat(120)}`;
  for (const format of ['gnu', 'pax']) {
    const layer = await tarOf({ [long]: randomBytes(1500), 'image/image.boot': boot }, ['deep', 'image/image.boot'], ['-z', `--format=${format}`]);
    const dest = join(outDir(), 'b.boot');
    await extractBootstrap(layer, dest, 'layer');
    assert.equal(readFileSync(dest), boot, format);
  }
});

test('the legacy top-level image.boot is used; image/image.boot wins when both exist', async () => {
  const legacy = await tarOf({ 'image.boot': boot }, ['image.boot']);
  const dest = join(outDir(), 'b.boot');
  await extractBootstrap(legacy, dest, 'layer');
  assert.equal(readFileSync(dest), boot);
  const both = await tarOf({ 'image.boot': Buffer.from('old'), 'image/image.boot': boot }, ['image.boot', 'image']);
  const dest2 = join(outDir(), 'b.boot');
  await extractBootstrap(both, dest2, 'layer');
  assert.equal(readFileSync(dest2), boot);
});

test('unsafe names, a layer without a bootstrap and a non-tar are refused, leaving no file', async () => {
  const dir = join(work, `hostile${n++}`);
  mkdirSync(join(dir, 'in'), { recursive: true });
  writeFileSync(join(dir, 'evil'), 'x');
  writeFileSync(join(dir, 'in/image.boot'), boot);
  const dotdot = join(work, 'dotdot.tar.gz');
  await execa('tar', ['-czPf', dotdot, '-C', join(dir, 'in'), '../evil', 'image.boot']);
  const absolute = join(work, 'absolute.tar.gz');
  await execa('tar', ['-czPf', absolute, join(dir, 'evil'), '-C', join(dir, 'in'), 'image.boot']);
  const none = await tarOf({ 'etc/passwd': Buffer.from('root') }, ['etc']);
  const garbage = join(work, 'garbage');
  writeFileSync(garbage, randomBytes(4096));
  const cases: [string, string][] = [[dotdot, 'unsafe entry name "../evil"'], [absolute, `unsafe entry name "${join(dir, 'evil')}"`], [none, 'no image/image.boot'], [garbage, 'not a tar']];
  for (const [layer, message] of cases) {
    const out = outDir();
    const err = await rejection(extractBootstrap(layer, join(out, 'b.boot'), 'the layer'));
    assert.is(err.code, 'EINVAL', layer);
    assert.match(err.message, message);
    assert.match(err.message, 'the layer');
    assert.equal(readdirSync(out), [], 'nothing left behind');
  }
});

test('bootstrapLayerOf: the annotated layer, else the last one; a last nydus blob is no bootstrap', () => {
  const d = (digit: string, mediaType = MEDIA_OCI_LAYER_GZIP, annotations?: Record<string, string>) => ({ mediaType, digest: `sha256:${digit.repeat(64)}`, size: 1, ...(annotations ? { annotations } : {}) });
  const m = (layers: ReturnType<typeof d>[]): ImageManifest => ({ schemaVersion: 2, config: d('c'), layers });
  assert.is(bootstrapLayerOf(m([d('1', MEDIA_NYDUS_BLOB), d('2', MEDIA_OCI_LAYER_GZIP, { [ANNOTATION_NYDUS_BOOTSTRAP]: 'true' }), d('3')])).digest, `sha256:${'2'.repeat(64)}`);
  assert.is(bootstrapLayerOf(m([d('1', MEDIA_NYDUS_BLOB), d('3')])).digest, `sha256:${'3'.repeat(64)}`);
  assert.throws(() => bootstrapLayerOf(m([d('1', MEDIA_NYDUS_BLOB)])), /no bootstrap layer/);
  assert.throws(() => bootstrapLayerOf(m([])), /no layers/);
});

test('defaultCacheDir: $XDG_CACHE_HOME/nydus first', () => {
  assert.is(defaultCacheDir({ XDG_CACHE_HOME: '/x/cache' }), '/x/cache/nydus');
  assert.is(defaultCacheDir({}), process.getuid?.() === 0 ? '/var/lib/nydus/cache' : join(process.env.HOME ?? '', '.cache/nydus'));
});

test.run();
