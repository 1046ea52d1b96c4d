// Test helper: small multi-layer OCI images built from real layer tarballs (GNU tar), pushed
// to a real docker-registry through the distribution API, and the tree an OCI runtime would
// see (the layers unpacked in order with their whiteouts applied), snapshotted for comparison.
import { execFileSync } from 'node:child_process';
import { createHash, randomBytes } from 'node:crypto';
import {
  existsSync, linkSync, lstatSync, symlinkSync, utimesSync, mkdirSync, readdirSync, readFileSync, readlinkSync, renameSync, rmSync, writeFileSync,
} from 'node:fs';
import { dirname, join } from 'node:path';
import { gzipSync } from 'node:zlib';
import * as assert from 'uvu/assert';
import { pushBlob } from '../servers/registry.js';

export interface Auth { user: string; password: string }

const sha256 = (b: Buffer): string => `sha256:${createHash('sha256').update(b).digest('hex')}`;

/** A layer tarball of directory `dir` (sorted, numeric owners, user.* xattrs, mtimes kept). */
export function layerTar(dir: string): Buffer {
  return execFileSync('tar', ['--sort=name', '--numeric-owner', '--xattrs', '--xattrs-include=user.*', '-C', dir, '-cf', '-', '.'], { maxBuffer: 1 << 30 });
}

export interface PushedImage {
  manifestDigest: string;
  layers: Array<{ digest: string; size: number; diffId: string }>;
}

/** Authorization header for a registry (Basic, or Bearer through the challenge's realm). */
async function authHeader(url: string, auth?: Auth): Promise<Record<string, string>> {
  if (!auth) return {};
  const probe = await fetch(url, { method: 'GET' });
  const challenge = probe.headers.get('www-authenticate') ?? '';
  const basic = `Basic ${Buffer.from(`${auth.user}:${auth.password}`).toString('base64')}`;
  if (!/^Bearer/i.test(challenge)) return { Authorization: basic };
  const params = Object.fromEntries([...challenge.matchAll(/(\w+)="([^"]*)"/g)].map((m) => [m[1], m[2]]));
  const t = new URL(params.realm);
  t.searchParams.set('service', params.service);
  t.searchParams.set('scope', params.scope ?? '');
  const r = await fetch(t, { headers: { Authorization: basic } });
  const body = (await r.json()) as { token?: string; access_token?: string };
  return { Authorization: `Bearer ${body.token ?? body.access_token}` };
}

/** PUT a manifest (or index) under `reference`; returns its digest. */
export async function putManifest(registryUrl: string, repo: string, reference: string, mediaType: string, body: Buffer, auth?: Auth): Promise<string> {
  const url = `${registryUrl}/v2/${repo}/manifests/${reference}`;
  const headers = { ...(await authHeader(url, auth)), 'Content-Type': mediaType };
  const res = await fetch(url, { method: 'PUT', headers, body: new Uint8Array(body) });
  if (res.status !== 201) throw new Error(`PUT ${url}: ${res.status} ${await res.text()}`);
  return sha256(body);
}

/** GET a manifest; null when the registry answers 404. */
export async function getManifest(registryUrl: string, repo: string, reference: string, auth?: Auth): Promise<{ json: any; bytes: Buffer; mediaType: string } | null> {
  const url = `${registryUrl}/v2/${repo}/manifests/${reference}`;
  const accept = [
    'application/vnd.oci.image.manifest.v1+json', 'application/vnd.oci.image.index.v1+json',
    'application/vnd.docker.distribution.manifest.v2+json', 'application/vnd.docker.distribution.manifest.list.v2+json',
  ].join(', ');
  const res = await fetch(url, { headers: { ...(await authHeader(url, auth)), Accept: accept } });
  if (res.status === 404) return null;
  if (res.status !== 200) throw new Error(`GET ${url}: ${res.status} ${await res.text()}`);
  const bytes = Buffer.from(await res.arrayBuffer());
  return { json: JSON.parse(bytes.toString()), bytes, mediaType: res.headers.get('content-type') ?? '' };
}

/** GET a blob. */
export async function getBlob(registryUrl: string, repo: string, digest: string, auth?: Auth): Promise<Buffer> {
  const url = `${registryUrl}/v2/${repo}/blobs/${digest}`;
  const res = await fetch(url, { headers: await authHeader(url, auth) });
  if (res.status !== 200) throw new Error(`GET ${url}: ${res.status}`);
  return Buffer.from(await res.arrayBuffer());
}

/** A layer blob as pushed: its bytes, media type and the digest of its plain tar. */
export interface RawLayer {
  blob: Buffer;
  mediaType: string;
  diffId: string;
}

export interface PushOptions {
  /** Docker media types for the manifest and config (the layers' own types are given). */
  docker?: boolean;
  platform?: { os: string; architecture: string };
}

/** Pushes an image of ready-made layer blobs (any media type) as repo:tag; returns the manifest digest. */
export async function pushRawImage(registryUrl: string, repo: string, tag: string, layers: RawLayer[], auth?: Auth, opts: PushOptions = {}): Promise<string> {
  for (const l of layers) await pushBlob(registryUrl, repo, l.blob, auth);
  const platform = opts.platform ?? { os: 'linux', architecture: process.arch === 'x64' ? 'amd64' : process.arch };
  const config = Buffer.from(JSON.stringify({
    ...platform,
    config: { Env: ['PATH=/usr/bin:/bin'], Cmd: ['/bin/sh'] },
    rootfs: { type: 'layers', diff_ids: layers.map((l) => l.diffId) },
    history: layers.map((_, i) => ({ created_by: `layer ${i}` })),
  }));
  await pushBlob(registryUrl, repo, config, auth);
  const mediaType = opts.docker ? 'application/vnd.docker.distribution.manifest.v2+json' : 'application/vnd.oci.image.manifest.v1+json';
  const manifest = Buffer.from(JSON.stringify({
    schemaVersion: 2,
    mediaType,
    config: { mediaType: opts.docker ? 'application/vnd.docker.container.image.v1+json' : 'application/vnd.oci.image.config.v1+json', digest: sha256(config), size: config.length },
    layers: layers.map((l) => ({ mediaType: l.mediaType, digest: sha256(l.blob), size: l.blob.length })),
  }));
  return putManifest(registryUrl, repo, tag, mediaType, manifest, auth);
}

/** Pushes an image (gzip layers, or Docker media types with `docker`) made of the layer directories, lowest first, as repo:tag. */
export async function pushImage(registryUrl: string, repo: string, tag: string, layerDirs: string[], auth?: Auth, opts: PushOptions = {}): Promise<PushedImage> {
  const raw = layerDirs.map((dir) => {
    const tar = layerTar(dir);
    const mediaType = opts.docker ? 'application/vnd.docker.image.rootfs.diff.tar.gzip' : 'application/vnd.oci.image.layer.v1.tar+gzip';
    return { blob: gzipSync(tar), mediaType, diffId: sha256(tar) };
  });
  const manifestDigest = await pushRawImage(registryUrl, repo, tag, raw, auth, opts);
  return { manifestDigest, layers: raw.map((l) => ({ digest: sha256(l.blob), size: l.blob.length, diffId: l.diffId })) };
}

/**
 * The layers' union as an OCI runtime unpacks it: each layer directory's entries moved over
 * `into` in order; `.wh.NAME` removes NAME below, `.wh..wh..opq` empties its directory's lower
 * contents first. Consumes copies of the layer directories (made with cp -a).
 */
export function applyLayers(layerDirs: string[], into: string, scratch: string): void {
  mkdirSync(into, { recursive: true });
  layerDirs.forEach((dir, k) => {
    const copy = join(scratch, `apply-${k}`);
    rmSync(copy, { recursive: true, force: true });
    execFileSync('cp', ['-a', dir, copy]);
    applyDir(copy, into, k === 0);
    copyDirAttrs(dir, into); // the root directory's own attributes come from the layer too
  });
}

/**
 * Mode, owner, user xattrs and mtime of directory `s` onto directory `d`; `st` is the stat of
 * `s` taken before its entries were moved out (which changed its mtime).
 */
function copyDirAttrs(s: string, d: string, st = lstatSync(s)): void {
  execFileSync('chmod', [(st.mode & 0o7777).toString(8), d]);
  execFileSync('chown', [`${st.uid}:${st.gid}`, d]);
  const old = execFileSync('getfattr', ['-d', '-m', '^user\\.', '--absolute-names', d], { encoding: 'utf8' });
  for (const m of old.matchAll(/^(user\.[^=]+)=/gm)) execFileSync('setfattr', ['-x', m[1], d]);
  const dump = execFileSync('getfattr', ['-d', '-m', '^user\\.', '-e', 'hex', '--absolute-names', s], { encoding: 'utf8' });
  for (const m of dump.matchAll(/^(user\.[^=]+)=(.*)$/gm)) execFileSync('setfattr', ['-n', m[1], '-v', m[2], d]);
  utimesSync(d, st.atime, st.mtime);
}

function applyDir(src: string, dst: string, first: boolean): void {
  const names = readdirSync(src);
  if (names.includes('.wh..wh..opq')) {
    if (!first) for (const n of readdirSync(dst)) rmSync(join(dst, n), { recursive: true, force: true });
  }
  for (const n of names) {
    if (!n.startsWith('.wh.')) continue;
    if (n !== '.wh..wh..opq' && !first) rmSync(join(dst, n.slice(4)), { recursive: true, force: true });
  }
  for (const n of names) {
    if (n.startsWith('.wh.')) continue;
    const s = join(src, n);
    const d = join(dst, n);
    const st = lstatSync(s);
    if (st.isDirectory()) {
      if (existsSync(d) && !lstatSync(d).isDirectory()) rmSync(d, { force: true });
      if (!existsSync(d)) mkdirSync(d);
      applyDir(s, d, first);
      copyDirAttrs(s, d, st); // the upper directory's attributes win
      continue;
    }
    rmSync(d, { recursive: true, force: true });
    renameSync(s, d); // hard links within the layer stay links: both names are moved
  }
}

export interface EntrySnapshot {
  type: string;
  mode: number;
  uid: number;
  gid: number;
  size?: number;
  mtime: number;
  nlink?: number;
  target?: string;
  sha256?: string;
  xattrs: Record<string, string>;
}

/** Every path under `root` with its metadata, content digest, link target and user xattrs. */
export function snapshotTree(root: string): Record<string, EntrySnapshot> {
  const out: Record<string, EntrySnapshot> = {};
  const xattrs = (p: string): Record<string, string> => {
    const text = execFileSync('getfattr', ['-h', '-d', '-m', '^user\\.', '-e', 'hex', '--absolute-names', p], { encoding: 'utf8' });
    const x: Record<string, string> = {};
    for (const line of text.split('\n')) {
      const m = /^(user\.[^=]+)=(.*)$/.exec(line);
      if (m) x[m[1]] = m[2];
    }
    return x;
  };
  const walk = (rel: string): void => {
    const p = rel === '' ? root : join(root, rel);
    const st = lstatSync(p);
    const e: EntrySnapshot = {
      type: st.isDirectory() ? 'dir' : st.isFile() ? 'file' : st.isSymbolicLink() ? 'symlink' : 'other',
      mode: st.mode & 0o7777, uid: st.uid, gid: st.gid, mtime: Math.floor(st.mtimeMs / 1000), xattrs: st.isSymbolicLink() ? {} : xattrs(p),
    };
    if (st.isFile()) {
      e.size = st.size;
      e.nlink = st.nlink;
      e.sha256 = createHash('sha256').update(readFileSync(p)).digest('hex');
    }
    if (st.isSymbolicLink()) e.target = readlinkSync(p);
    out[`/${rel}`] = e;
    if (st.isDirectory()) for (const n of readdirSync(p).sort()) walk(rel === '' ? n : `${rel}/${n}`);
  };
  walk('');
  return out;
}

/** The paths whose snapshots differ, one line each ("path: got …, want …"). */
export function treeDiff(got: Record<string, EntrySnapshot>, want: Record<string, EntrySnapshot>): string[] {
  const out: string[] = [];
  for (const p of new Set([...Object.keys(got), ...Object.keys(want)])) {
    const a = JSON.stringify(got[p]);
    const b = JSON.stringify(want[p]);
    if (a !== b) out.push(`${p}: got ${a ?? 'nothing'}, want ${b ?? 'nothing'}`);
  }
  return out;
}

/** Asserts that the tree under `root` (a mount) equals `want` in every path's metadata and content. */
export function assertTree(root: string, want: Record<string, EntrySnapshot>): void {
  const diff = treeDiff(snapshotTree(root), want);
  assert.equal(diff, [], diff.slice(0, 10).join('\n'));
}

/** Writes a file (and its parents), with an optional mode and mtime. */
export function put(root: string, rel: string, data: string | Buffer, opts: { mode?: number; mtime?: number; uid?: number; gid?: number } = {}): void {
  const p = join(root, rel);
  mkdirSync(dirname(p), { recursive: true });
  writeFileSync(p, data);
  if (opts.mode !== undefined) execFileSync('chmod', [opts.mode.toString(8), p]);
  if (opts.uid !== undefined) execFileSync('chown', ['-h', `${opts.uid}:${opts.gid ?? opts.uid}`, p]);
  execFileSync('touch', ['-h', '-d', `@${opts.mtime ?? 1_700_000_000}`, p]);
}

/** Sets every mtime under `root` (directories included) to a fixed time. */
export function fixTimes(root: string, mtime = 1_700_000_000): void {
  execFileSync('find', [root, '-exec', 'touch', '-h', '-d', `@${mtime}`, '{}', '+']);
}

/** Runs a command, returns its stdout. */
export function sh(cmd: string, args: string[]): Buffer {
  return execFileSync(cmd, args, { maxBuffer: 1 << 30 });
}

/**
 * Three layer directories exercising the overlay rules: files changed, deleted (whiteout) and
 * replaced by directories and back, a directory deleted with its contents, an opaque
 * directory, hard-link pairs losing a member or its content, symlinks, owners, user xattrs.
 */
export function sampleLayers(root: string): string[] {
  const l0 = join(root, 'l0');
  const l1 = join(root, 'l1');
  const l2 = join(root, 'l2');
  put(l0, 'etc/a.txt', 'alpha\n');
  put(l0, 'etc/b.txt', 'beta\n');
  put(l0, 'etc/keep.txt', 'kept\n', { mode: 0o600 });
  put(l0, 'bin/tool', randomBytes(3 << 20), { mode: 0o755 });
  put(l0, 'data/x', 'linked '.repeat(30000));
  linkSync(join(l0, 'data/x'), join(l0, 'data/y'));
  put(l0, 'data/p', 'pair '.repeat(5000));
  linkSync(join(l0, 'data/p'), join(l0, 'data/q'));
  put(l0, 'opq/old1', 'old one\n');
  put(l0, 'opq/sub/old2', 'old two\n');
  put(l0, 'gone/deep/f', 'deleted later\n');
  put(l0, 'home/u/secret', 'owned\n', { mode: 0o640, uid: 1000, gid: 1001 });
  put(l0, 'empty', '');
  put(l0, 'dirreplaced/child', 'child\n');
  put(l0, 'filereplaced', 'a file first\n');
  symlinkSync('etc/a.txt', join(l0, 'lnk'));
  symlinkSync('/etc/b.txt', join(l0, 'abs'));
  sh('setfattr', ['-n', 'user.color', '-v', 'blue', join(l0, 'etc/keep.txt')]);
  sh('setfattr', ['-n', 'user.dir', '-v', 'one', join(l0, 'etc')]);

  put(l1, 'etc/a.txt', 'ALPHA version two\n');
  put(l1, 'etc/.wh.b.txt', '');
  put(l1, 'opq/.wh..wh..opq', '');
  put(l1, 'opq/new1', 'new one\n');
  put(l1, '.wh.gone', '');
  put(l1, '.wh.nonexistent', '');
  put(l1, 'data/.wh.x', '');
  put(l1, 'data/p', 'replaced pair member\n');
  put(l1, 'app/big', Buffer.concat([randomBytes(2 << 20), Buffer.alloc(1 << 20)]));
  put(l1, 'dirreplaced', 'now a file\n');
  put(l1, 'filereplaced/child', 'now a directory\n');
  mkdirSync(join(l1, 'etc'), { recursive: true });
  sh('setfattr', ['-n', 'user.dir', '-v', 'two', join(l1, 'etc')]);

  put(l2, 'app/config.json', JSON.stringify({ version: 1, pad: 'c'.repeat(5000) }));
  for (const l of [l0, l1, l2]) fixTimes(l);
  sh('touch', ['-h', '-d', '@1700000100', join(l1, 'etc/a.txt')]);
  return [l0, l1, l2];
}

