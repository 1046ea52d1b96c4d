// Test helper: a varied source tree for `nydus create` (every file type, modes, owners,
// nanosecond mtimes, xattrs, holes, hard links, long names, a deep path, many small files,
// one large file), and a comparison of an image against its source.
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { chmodSync, chownSync, linkSync, lstatSync, mkdirSync, readdirSync, readFileSync, readlinkSync, symlinkSync, writeFileSync, openSync, writeSync, closeSync, ftruncateSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { readXattrs } from '../../src/native/host-fs.js';

export interface TreeOptions {
  smallFiles?: number;
  bigFileBytes?: number;
}

function touchNs(path: string, iso: string): void {
  execFileSync('touch', ['-h', '-d', iso, path]);
}

/** Pseudo-random but repeatable bytes. */
export function bytes(n: number, seed: number): Buffer {
  const out = Buffer.alloc(n);
  let x = seed >>> 0 || 1;
  for (let i = 0; i < n; i++) {
    x ^= x << 13;
    x ^= x >>> 17;
    x ^= x << 5;
    out[i] = x & 0xff;
  }
  return out;
}

export async function makeTree(root: string, opts: TreeOptions = {}): Promise<void> {
  mkdirSync(root, { recursive: true });
  mkdirSync(join(root, 'etc'));
  writeFileSync(join(root, 'etc/passwd'), 'root:x:0:0:root:/root:/bin/sh\n');
  chmodSync(join(root, 'etc/passwd'), 0o644);
  writeFileSync(join(root, 'etc/shadow'), 'root:*:19000:0:99999:7:::\n');
  chmodSync(join(root, 'etc/shadow'), 0o600);
  mkdirSync(join(root, 'bin'));
  writeFileSync(join(root, 'bin/tool'), bytes(300_000, 1));
  chmodSync(join(root, 'bin/tool'), 0o4755);
  chownSync(join(root, 'bin/tool'), 1000, 1001);
  writeFileSync(join(root, 'empty'), '');
  symlinkSync('etc/passwd', join(root, 'link-rel'));
  symlinkSync('/etc/passwd', join(root, 'link-abs'));
  symlinkSync('dangling/target', join(root, 'link-dangling'));
  linkSync(join(root, 'etc/passwd'), join(root, 'passwd-hardlink'));
  linkSync(join(root, 'etc/passwd'), join(root, 'bin/passwd-hardlink2'));
  execFileSync('mknod', [join(root, 'chardev'), 'c', '1', '3']);
  execFileSync('mknod', [join(root, 'blockdev'), 'b', '7', '200']);
  execFileSync('mkfifo', [join(root, 'fifo')]);
  await new Promise<void>((resolve, reject) => {
    const server = createServer();
    server.on('error', reject);
    server.listen(join(root, 'socket'), () => server.close(() => resolve()));
  });
  // xattrs in the namespaces RAFS stores
  writeFileSync(join(root, 'with-xattrs'), 'x');
  execFileSync('setfattr', ['-n', 'user.comment', '-v', 'hello', join(root, 'with-xattrs')]);
  execFileSync('setfattr', ['-n', 'trusted.overlay.opaque', '-v', 'y', join(root, 'with-xattrs')]);
  execFileSync('setfattr', ['-n', 'security.capability', '-v', '0sAQAAAgAgAAAAAAAAAAAAAAAAAAA=', join(root, 'with-xattrs')]);
  execFileSync('setfattr', ['-n', 'user.dirattr', '-v', 'd', join(root, 'etc')]);
  // sparse files: a hole at the head, in the middle, at the tail
  for (const [name, layout] of [['sparse-head', [[3 << 20, 5000]]], ['sparse-mid', [[0, 4096], [5 << 20, 4096]]], ['sparse-tail', [[0, 10000]]]] as const) {
    const fd = openSync(join(root, name), 'w');
    for (const [off, len] of layout) writeSync(fd, bytes(len, off + 7), 0, len, off);
    ftruncateSync(fd, 8 << 20);
    closeSync(fd);
  }
  // a file that is exactly one chunk and one that is one byte more; duplicated content
  writeFileSync(join(root, 'chunk-exact'), bytes(1 << 20, 3));
  writeFileSync(join(root, 'chunk-plus-one'), bytes((1 << 20) + 1, 3));
  writeFileSync(join(root, 'duplicate-of-exact'), bytes(1 << 20, 3));
  // long names and a deep path
  writeFileSync(join(root, 'n'.repeat(255)), 'long');
  let deep = join(root, 'deep');
  for (let i = 0; i < 60; i++) deep = join(deep, `d${i}`);
  mkdirSync(deep, { recursive: true });
  writeFileSync(join(deep, 'bottom'), 'deep');
  // many small files
  const many = opts.smallFiles ?? 0;
  if (many > 0) {
    mkdirSync(join(root, 'many'));
    for (let d = 0; d < Math.ceil(many / 1000); d++) {
      const dir = join(root, 'many', `dir${d}`);
      mkdirSync(dir);
      for (let i = 0; i < 1000 && d * 1000 + i < many; i++) writeFileSync(join(dir, `f${i}`), `file ${d}/${i}\n`);
    }
  }
  if (opts.bigFileBytes) {
    const fd = openSync(join(root, 'big'), 'w');
    const block = bytes(4 << 20, 99);
    for (let off = 0; off < opts.bigFileBytes; off += block.length) {
      // half random, half repeated: exercises dedup and compression
      const piece = (off / block.length) % 2 === 0 ? bytes(block.length, off + 1) : block;
      writeSync(fd, piece, 0, Math.min(block.length, opts.bigFileBytes - off), off);
    }
    closeSync(fd);
  }
  touchNs(join(root, 'etc/passwd'), '2021-03-04 05:06:07.123456789');
  touchNs(join(root, 'link-rel'), '2020-01-02 03:04:05.5');
  touchNs(join(root, 'etc'), '2019-12-31 23:59:59.999999999');
}

export interface EntryMeta {
  type: string;
  mode: number;
  uid: number;
  gid: number;
  size: number;
  nlink: number;
  mtime: string;
  rdev: number;
  target?: string;
  xattrs: Record<string, string>;
  sha256?: string;
}

/** Metadata of every entry below `root` (the root itself as "/"), by path. */
export function describeHostTree(root: string, opts: { content: boolean }): Map<string, EntryMeta> {
  const out = new Map<string, EntryMeta>();
  const visit = (host: string, path: string) => {
    const st = lstatSync(host, { bigint: true });
    const type = st.isDirectory() ? 'dir' : st.isSymbolicLink() ? 'link' : st.isFile() ? 'file' : st.isCharacterDevice() ? 'char' : st.isBlockDevice() ? 'block' : st.isFIFO() ? 'fifo' : 'socket';
    const xattrs: Record<string, string> = {};
    for (const [k, v] of readXattrs(host)) xattrs[k] = v.toString('base64');
    out.set(path, {
      type,
      mode: Number(st.mode),
      uid: Number(st.uid),
      gid: Number(st.gid),
      size: type === 'dir' ? 0 : Number(st.size),
      nlink: Number(st.nlink),
      mtime: `${st.mtimeNs}`,
      rdev: type === 'char' || type === 'block' ? Number(st.rdev) : 0,
      ...(type === 'link' ? { target: readlinkSync(host) } : {}),
      xattrs,
      ...(type === 'file' && opts.content ? { sha256: createHash('sha256').update(readFileSync(host)).digest('hex') } : {}),
    });
    if (type === 'dir') for (const name of readdirSync(host).sort()) visit(join(host, name), path === '/' ? `/${name}` : `${path}/${name}`);
  };
  visit(root, '/');
  return out;
}
