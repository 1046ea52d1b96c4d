// A source tree of mixed data for the blob cache benchmark (bench layer): many small files, some
// medium and a few large ones, each incompressible (AES-CTR keystream), text-like (zstd packs it
// ~3x) or sparse (mostly zero 4 KiB blocks). Generated deterministically from its size, cached
// under BENCH_DIR/trees/blobcache-<MiB>m-<hash>, with a manifest of every file's SHA-256.
import { createCipheriv, createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const KiB = 1024;
const MiB = 1024 * KiB;
const VERSION = 1;
const SEED = 0x626c6f62;

/** mulberry32: a seedable float source in [0, 1). */
function random(seed) {
  let s = seed >>> 0;
  const float = () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return { float, int: (lo, hi) => lo + Math.floor(float() * (hi - lo + 1)) };
}

/** Paths, sizes and kinds for `sizeMiB` MiB of file data. */
function layout(sizeMiB) {
  const r = random(SEED ^ sizeMiB);
  const dirs = [''];
  for (let i = 1; i < Math.max(6, sizeMiB * 2); i++) {
    let parent;
    do parent = dirs[r.int(0, dirs.length - 1)]; while (parent.split('/').length > 3);
    dirs.push(parent ? `${parent}/d${i}` : `d${i}`);
  }
  const files = [];
  const add = (prefix, size, kind) => {
    const dir = dirs[r.int(1, dirs.length - 1)];
    files.push({ path: `${dir}/${prefix}${files.length}.dat`, size, kind, id: files.length });
  };
  const smallKind = (i) => (i % 10 < 5 ? 'text' : i % 10 < 9 ? 'random' : 'sparse');
  for (let i = 0; i < sizeMiB * 8; i++) add('s', r.int(0, 16 * KiB), smallKind(i));
  const mixed = ['text', 'random', 'sparse', 'random'];
  for (let i = 0; i < Math.max(4, Math.round(sizeMiB / 1.6)); i++) add('m', r.int(64 * KiB, MiB), mixed[i % 4]);
  const used = files.reduce((a, f) => a + f.size, 0);
  const each = Math.max(MiB, Math.floor((sizeMiB * MiB - used) / 4));
  for (let i = 0; i < 4; i++) add('l', each, mixed[(i + 1) % 4]);
  return { dirs: dirs.slice(1), files };
}

function keystream(id, size) {
  const key = createHash('sha256').update(`blobcache:${SEED}:${id}`).digest();
  return createCipheriv('aes-256-ctr', key, Buffer.alloc(16)).update(Buffer.alloc(size));
}

/** Lines of words from a fixed vocabulary, with numbers: compresses about 3x with zstd. */
function text(id, size) {
  const r = random(SEED + id * 7919);
  const vocab = Array.from({ length: 512 }, (_, i) => {
    const w = random(i + 1);
    return Array.from({ length: w.int(2, 9) }, () => String.fromCharCode(97 + w.int(0, 25))).join('');
  });
  const parts = [];
  let n = 0;
  while (n < size) {
    const words = [];
    for (let k = r.int(4, 14); k > 0; k--) words.push(r.float() < 0.1 ? String(r.int(0, 99999)) : vocab[r.int(0, vocab.length - 1)]);
    const line = `${words.join(' ')}\n`;
    parts.push(line);
    n += line.length;
  }
  return Buffer.from(parts.join(''), 'latin1').subarray(0, size);
}

function sparse(id, size) {
  const r = random(SEED + id * 104729);
  const out = keystream(id, size);
  for (let off = 0; off < size; off += 4 * KiB) if (r.float() < 0.7) out.fill(0, off, Math.min(size, off + 4 * KiB));
  return out;
}

const CONTENT = { random: keystream, text, sparse };

/**
 * The tree of `sizeMiB` MiB under `benchDir`, generated on first use:
 * { root, hash, manifest: { files: [{ path, size, sha256, kind }], dirs }, counts }.
 */
export function ensureMixedTree(benchDir, sizeMiB, log) {
  const hash = createHash('sha256').update(JSON.stringify({ VERSION, SEED, sizeMiB })).digest('hex').slice(0, 12);
  const base = join(benchDir, 'trees', `blobcache-${sizeMiB}m-${hash}`);
  const root = join(base, 'root');
  const marker = join(base, 'manifest.json');
  if (existsSync(marker)) {
    log(`tree: reusing ${root}`);
    const manifest = JSON.parse(readFileSync(marker, 'utf8'));
    return { root, hash, manifest, counts: counts(manifest) };
  }
  log(`tree: generating ${sizeMiB} MiB of mixed data in ${root}`);
  const t0 = Date.now();
  rmSync(base, { recursive: true, force: true });
  const plan = layout(sizeMiB);
  for (const d of plan.dirs) mkdirSync(join(root, d), { recursive: true });
  const when = new Date(1700000000 * 1000);
  const files = plan.files.map((f) => {
    const data = CONTENT[f.kind](f.id, f.size);
    writeFileSync(join(root, f.path), data);
    utimesSync(join(root, f.path), when, when);
    return { path: f.path, size: f.size, kind: f.kind, sha256: createHash('sha256').update(data).digest('hex') };
  });
  for (const d of [...plan.dirs].reverse()) utimesSync(join(root, d), when, when);
  utimesSync(root, when, when);
  const manifest = { files: files.sort((a, b) => (a.path < b.path ? -1 : 1)), dirs: plan.dirs.length };
  writeFileSync(marker, JSON.stringify(manifest));
  const c = counts(manifest);
  log(`tree: ${c.files} files in ${c.dirs} dirs, ${(c.bytes / MiB).toFixed(1)} MiB in ${((Date.now() - t0) / 1000).toFixed(1)} s`);
  return { root, hash, manifest, counts: c };
}

function counts(manifest) {
  const by = (pred) => manifest.files.filter(pred).reduce((a, f) => a + f.size, 0);
  return {
    files: manifest.files.length, dirs: manifest.dirs, bytes: by(() => true),
    ...Object.fromEntries(['small', 'medium', 'large'].map((c) => [c, manifest.files.filter((f) => f.path.split('/').pop()[0] === c[0]).length])),
    bytes_by_kind: { random: by((f) => f.kind === 'random'), text: by((f) => f.kind === 'text'), sparse: by((f) => f.kind === 'sparse') },
  };
}
