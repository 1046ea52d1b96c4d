// The benchmark's source tree: generated deterministically from a recipe (seeded PRNG,
// AES-CTR keystream for file data), cached under BENCH_DIR/trees/<profile>-<hash> and
// reused while the recipe hash matches.
import { createCipheriv, createHash } from 'node:crypto';
import { chmodSync, closeSync, existsSync, mkdirSync, openSync, readFileSync, rmSync, symlinkSync, utimesSync, writeFileSync, writeSync, lutimesSync } from 'node:fs';
import { join } from 'node:path';
import { spawnSync } from 'node:child_process';

const KiB = 1024;
const MiB = 1024 * KiB;

export const PROFILES = {
  full: {
    version: 1,
    seed: 0x6e796475,
    dirs: 700,
    maxDepth: 6,
    bigDir: 1500, // files placed in one wide directory (readdir of a big dir)
    small: { count: 11300, min: 0, max: 16 * KiB },
    medium: { count: 460, min: 128 * KiB, max: 2 * MiB },
    large: { count: 24, min: 16 * MiB, max: 32 * MiB },
    symlinks: 240,
    xattrFraction: 0.05,
    minTotal: 1024 * MiB + 64 * MiB,
  },
  quick: {
    version: 1,
    seed: 0x71756963,
    dirs: 150,
    maxDepth: 5,
    bigDir: 300,
    small: { count: 1880, min: 0, max: 16 * KiB },
    medium: { count: 100, min: 128 * KiB, max: 1 * MiB },
    large: { count: 6, min: 8 * MiB, max: 16 * MiB },
    symlinks: 40,
    xattrFraction: 0.05,
    minTotal: 128 * MiB,
  },
};

export function recipeHash(recipe) {
  return createHash('sha256').update(JSON.stringify(recipe)).digest('hex').slice(0, 16);
}

/** sfc32: small, fast, seedable. */
function prng(seed) {
  let a = seed >>> 0, b = 0x9e3779b9, c = 0x243f6a88, d = 0xb7e15162;
  const next = () => {
    a >>>= 0; b >>>= 0; c >>>= 0; d >>>= 0;
    const t = (a + b) | 0;
    a = b ^ (b >>> 9);
    b = (c + (c << 3)) | 0;
    c = (c << 21) | (c >>> 11);
    d = (d + 1) | 0;
    const r = (t + d) | 0;
    c = (c + r) | 0;
    return (r >>> 0) / 4294967296;
  };
  for (let i = 0; i < 16; i++) next();
  return {
    float: next,
    int: (lo, hi) => lo + Math.floor(next() * (hi - lo + 1)), // inclusive
    pick: (arr) => arr[Math.floor(next() * arr.length)],
  };
}

const ALNUM = 'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789';
const EXTS = ['', '.so', '.py', '.js', '.h', '.txt', '.json', '.conf', '.pyc', '.go'];

/** The layout (paths, sizes, xattrs) of a recipe, without touching the disk. */
export function plan(recipe) {
  const r = prng(recipe.seed);
  const word = (lo, hi) => {
    let s = '';
    for (let i = r.int(lo, hi); i > 0; i--) s += r.pick(ALNUM);
    return s;
  };
  const dirs = [{ path: '', depth: 0 }];
  for (let i = 1; i < recipe.dirs; i++) {
    let parent;
    do parent = r.pick(dirs); while (parent.depth >= recipe.maxDepth);
    const name = `d${i}_${word(2, 14)}`;
    dirs.push({ path: parent.path ? `${parent.path}/${name}` : name, depth: parent.depth + 1 });
  }
  const bigDir = dirs[Math.max(1, Math.floor(dirs.length / 3))];
  const files = [];
  let idx = 0;
  const addFiles = (kind, spec) => {
    for (let i = 0; i < spec.count; i++) {
      const size = r.int(spec.min, spec.max);
      const dir = kind === 'small' && i < recipe.bigDir ? bigDir : r.pick(dirs.slice(1));
      const name = `f${idx}_${word(1, 16)}${r.pick(EXTS)}`;
      files.push({ path: `${dir.path}/${name}`, size, kind, mode: r.float() < 0.1 ? 0o755 : 0o644, id: idx });
      idx++;
    }
  };
  addFiles('large', recipe.large);
  addFiles('medium', recipe.medium);
  addFiles('small', recipe.small);
  let total = files.reduce((s, f) => s + f.size, 0);
  if (total < recipe.minTotal) {
    // top up the large files evenly so the tree reaches its data target
    const large = files.filter((f) => f.kind === 'large');
    const add = Math.ceil((recipe.minTotal - total) / large.length);
    for (const f of large) f.size += add;
    total = files.reduce((s, f) => s + f.size, 0);
  }
  const symlinks = [];
  for (let i = 0; i < recipe.symlinks; i++) {
    const target = r.pick(files);
    const dir = r.pick(dirs.slice(1));
    const up = dir.path.split('/').length;
    symlinks.push({ path: `${dir.path}/l${i}_${word(1, 8)}`, target: `${'../'.repeat(up)}${target.path}` });
  }
  const xattrs = [];
  for (const f of files) {
    if (f.kind !== 'small' || r.float() >= recipe.xattrFraction) continue;
    for (let k = r.int(1, 3); k > 0; k--) xattrs.push({ path: f.path, name: `user.bench.k${k}`, value: word(8, 64) });
  }
  for (const d of dirs.slice(1, 1 + Math.ceil(dirs.length * recipe.xattrFraction))) {
    xattrs.push({ path: d.path, name: 'user.bench.dir', value: word(8, 32) });
  }
  return { dirs: dirs.slice(1).map((d) => d.path), files, symlinks, xattrs, total };
}

function writeData(path, size, key) {
  const fd = openSync(path, 'w', 0o644);
  try {
    if (size === 0) return;
    const cipher = createCipheriv('aes-256-ctr', key, Buffer.alloc(16));
    const zeros = Buffer.alloc(Math.min(size, 4 * MiB));
    for (let left = size; left > 0;) {
      const n = Math.min(left, zeros.length);
      const chunk = cipher.update(n === zeros.length ? zeros : zeros.subarray(0, n));
      writeSync(fd, chunk);
      left -= n;
    }
  } finally {
    closeSync(fd);
  }
}

/** Files of the open+read+close workload (issue 16: 10,000 small files). */
const SMALL_READS = 10000;

/** Writes the path lists of a plan; returns every path. */
function writeLists(lists, p) {
  const put = (file, paths) => writeFileSync(file, paths.join('\n') + '\n');
  const all = [...p.dirs, ...p.files.map((f) => f.path), ...p.symlinks.map((s) => s.path)];
  put(lists.all, all);
  put(lists.large, p.files.filter((f) => f.kind === 'large').map((f) => f.path));
  put(lists.medium, p.files.filter((f) => f.kind === 'medium').map((f) => f.path));
  put(lists.small, p.files.filter((f) => f.kind === 'small').map((f) => f.path).sort().slice(0, SMALL_READS));
  put(lists.files, p.files.map((f) => f.path));
  put(lists.xattr, [...new Set(p.xattrs.map((x) => x.path))]);
  return all;
}

/**
 * Make sure the tree for `profile` exists under `benchDir`; return its description:
 * { root, hash, lists: { all, large, medium, small, files, xattr }, counts }. `small` is the first
 * SMALL_READS small files in path order (the open+read+close workload), `files` every regular file.
 */
export function ensureTree(benchDir, profile, benchtool, log) {
  const recipe = PROFILES[profile];
  const hash = recipeHash(recipe);
  const base = join(benchDir, 'trees', `${profile}-${hash}`);
  const root = join(base, 'root');
  const marker = join(base, 'complete.json');
  const lists = {
    all: join(base, 'all.txt'),
    large: join(base, 'large.txt'),
    medium: join(base, 'medium.txt'),
    small: join(base, 'small.txt'),
    files: join(base, 'files.txt'),
    xattr: join(base, 'xattr.txt'),
  };
  if (existsSync(marker)) {
    const info = JSON.parse(readFileSync(marker, 'utf8'));
    if (info.hash === hash) {
      log(`tree: reusing ${root} (recipe ${hash})`);
      if (!existsSync(lists.small) || !existsSync(lists.files)) writeLists(lists, plan(recipe)); // a tree made before these lists existed
      return { root, hash, lists, counts: { ...info.counts, small_reads: Math.min(SMALL_READS, recipe.small.count) }, recipe };
    }
  }
  log(`tree: generating ${profile} tree in ${root} (recipe ${hash})`);
  rmSync(base, { recursive: true, force: true });
  mkdirSync(root, { recursive: true });
  const p = plan(recipe);
  const t0 = Date.now();
  for (const d of p.dirs) mkdirSync(join(root, d), { recursive: true, mode: 0o755 });
  let written = 0;
  for (const f of p.files) {
    const key = createHash('sha256').update(`${recipe.seed}:${f.id}`).digest();
    const path = join(root, f.path);
    writeData(path, f.size, key);
    if (f.mode !== 0o644) chmodSync(path, f.mode);
    written += f.size;
  }
  for (const s of p.symlinks) symlinkSync(s.target, join(root, s.path));
  if (p.xattrs.length) {
    const input = p.xattrs.map((x) => `${x.path}\t${x.name}\t${Buffer.from(x.value).toString('hex')}`).join('\n') + '\n';
    const r = spawnSync(benchtool, ['setxattr', root], { input, encoding: 'utf8' });
    if (r.status !== 0) throw new Error(`setting xattrs failed (does ${root} support user xattrs?): ${r.stderr}`);
  }
  // fixed times, deepest first so that directory mtimes stick
  const when = new Date(1700000000 * 1000);
  for (const s of p.symlinks) lutimesSync(join(root, s.path), when, when);
  for (const f of p.files) utimesSync(join(root, f.path), when, when);
  for (const d of p.dirs.slice().sort((a, b) => b.split('/').length - a.split('/').length)) utimesSync(join(root, d), when, when);
  utimesSync(root, when, when);

  const all = writeLists(lists, p);
  const sum = (kind) => p.files.filter((f) => f.kind === kind).reduce((s, f) => s + f.size, 0);
  const counts = {
    dirs: p.dirs.length,
    files: p.files.length,
    symlinks: p.symlinks.length,
    entries: all.length,
    xattr_paths: new Set(p.xattrs.map((x) => x.path)).size,
    xattrs: p.xattrs.length,
    bytes: written,
    large_files: recipe.large.count,
    large_bytes: sum('large'),
    medium_files: recipe.medium.count,
    medium_bytes: sum('medium'),
    small_bytes: sum('small'),
    small_reads: Math.min(SMALL_READS, recipe.small.count),
  };
  writeFileSync(marker, JSON.stringify({ hash, recipe, counts, seconds: (Date.now() - t0) / 1000 }, null, 2));
  log(`tree: ${counts.files} files, ${counts.dirs} dirs, ${counts.symlinks} symlinks, ${(written / MiB).toFixed(0)} MiB in ${((Date.now() - t0) / 1000).toFixed(1)} s`);
  return { root, hash, lists, counts, recipe };
}
