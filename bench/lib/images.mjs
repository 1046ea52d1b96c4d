// Images of the source tree: RAFS v6 images made by our builder (uncompressed, so the
// kernel's EROFS can use the blob as its device; and zstd, for our blob cache peer) and a squashfs image. Both are cached
// next to the tree and rebuilt when the tree or the builder changes.
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { run } from './util.mjs';

function hashDir(h, dir) {
  if (!existsSync(dir)) return;
  for (const e of readdirSync(dir, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : 1))) {
    const p = join(dir, e.name);
    if (e.isDirectory()) hashDir(h, p);
    else if (e.isFile() && /\.(js|mjs|node)$/.test(e.name)) h.update(e.name).update(readFileSync(p));
  }
}

/** A fingerprint of the builder code `nydus create` runs (compiled TS and the addon). */
export function builderFingerprint(repo) {
  const h = createHash('sha256');
  hashDir(h, join(repo, 'dist/src/builder'));
  const addon = join(repo, 'build/Release');
  if (existsSync(addon)) for (const f of readdirSync(addon).filter((n) => n.endsWith('.node')).sort()) h.update(f).update(String(statSync(join(addon, f)).size));
  return h.digest('hex').slice(0, 12);
}

/** RAFS v6 image (`compressor` none or zstd): { bootstrap, blobDir, blobs: [paths], seconds, cached }. */
export function ensureNydusImage(benchDir, repo, tree, log, compressor = 'none') {
  const key = `${tree.hash}-${builderFingerprint(repo)}`;
  const dir = join(benchDir, 'images', `nydus-${compressor === 'none' ? '' : `${compressor}-`}${key}`);
  const bootstrap = join(dir, 'image.boot');
  const blobDir = join(dir, 'blobs');
  const meta = join(dir, 'image.json');
  let built = null;
  if (existsSync(meta)) {
    built = JSON.parse(readFileSync(meta, 'utf8'));
    log(`image: reusing ${dir}`);
  } else {
    log(`image: nydus create ${tree.root} (v6, compressor ${compressor})`);
    const tmp = `${dir}.tmp`;
    rmSync(tmp, { recursive: true, force: true });
    mkdirSync(tmp, { recursive: true });
    const t0 = process.hrtime.bigint();
    const out = run(process.execPath, [join(repo, 'bin/run.js'), 'create', tree.root, '--bootstrap', join(tmp, 'image.boot'),
      '--blob-dir', join(tmp, 'blobs'), '--fs-version', '6', '--compressor', compressor, '--json'], { cwd: repo });
    const seconds = Number(process.hrtime.bigint() - t0) / 1e9;
    const result = JSON.parse(out);
    built = { seconds, create: result };
    writeFileSync(join(tmp, 'image.json'), JSON.stringify(built, null, 2));
    rmSync(dir, { recursive: true, force: true });
    renameSync(tmp, dir);
    log(`image: built in ${seconds.toFixed(1)} s, blob ${(result.blob_size / 2 ** 20).toFixed(0)} MiB, bootstrap ${(result.bootstrap_size / 2 ** 20).toFixed(1)} MiB`);
  }
  const sb = JSON.parse(run(process.execPath, [join(repo, 'bin/run.js'), 'inspect', 'superblock', bootstrap, '--json'], { cwd: repo }));
  const blobs = sb.blobs.map((b) => join(blobDir, b.blobId));
  for (const b of blobs) if (!existsSync(b)) throw new Error(`blob ${b} listed by the bootstrap is missing`);
  return { dir, compressor, bootstrap, blobDir, blobs, buildSeconds: built.seconds, superblock: { version: sb.version, inodes: sb.inodes_count, blobs: sb.blobs.length } };
}

/** squashfs image of the tree: { path, seconds } or null when mksquashfs is missing. */
export function ensureSquashfs(benchDir, tree, mksquashfs, log) {
  if (!mksquashfs) return null;
  const path = join(benchDir, 'images', `squashfs-${tree.hash}.sqfs`);
  const meta = `${path}.json`;
  if (existsSync(path) && existsSync(meta)) {
    log(`squashfs: reusing ${path}`);
    return { path, ...JSON.parse(readFileSync(meta, 'utf8')) };
  }
  log(`squashfs: mksquashfs ${tree.root} (zstd)`);
  mkdirSync(join(benchDir, 'images'), { recursive: true });
  const t0 = process.hrtime.bigint();
  run(mksquashfs, [tree.root, `${path}.tmp`, '-noappend', '-comp', 'zstd', '-quiet', '-no-progress']);
  const seconds = Number(process.hrtime.bigint() - t0) / 1e9;
  renameSync(`${path}.tmp`, path);
  writeFileSync(meta, JSON.stringify({ seconds }));
  log(`squashfs: built in ${seconds.toFixed(1)} s, ${(statSync(path).size / 2 ** 20).toFixed(0)} MiB`);
  return { path, seconds };
}
