// Builder layer: turns an OCI layer tarball (plain, gzip or zstd; ustar, GNU and PAX headers) into
// the image tree. Whiteouts stay as the entries they are; a path that leaves the root
// ("../x") is refused. File contents stay in the (decompressed) tar and are read later.
import { createReadStream, createWriteStream } from 'node:fs';
import { open } from 'node:fs/promises';
import { join } from 'node:path';
import { pipeline } from 'node:stream/promises';
import { createGunzip } from 'node:zlib';
import { NydusError } from '../errors.js';
import { zstdDecodeStream } from '../native/binding.js';
import { type BuildNode, findNode, S_IFDIR, S_IFLNK, S_IFMT, S_IFREG } from './model.js';
import { MAX_NAME, sortChildren } from './scan-dir.js';

const BLOCK = 512;
const TYPE_BITS: Record<string, number> = { '0': S_IFREG, '\0': S_IFREG, '7': S_IFREG, '1': S_IFREG, '2': S_IFLNK, '3': 0o020000, '4': 0o060000, '5': S_IFDIR, '6': 0o010000 };

function bad(tar: string, what: string): NydusError {
  return new NydusError('EINVAL', `${tar}: ${what}`, 1);
}

function str(b: Buffer, off: number, len: number): Buffer {
  const field = b.subarray(off, off + len);
  const nul = field.indexOf(0);
  return nul < 0 ? field : field.subarray(0, nul);
}

/** Octal, or GNU base-256 when the first byte has its high bit set. */
function num(b: Buffer, off: number, len: number): number {
  if (b[off] & 0x80) {
    let v = b[off] & 0x7f;
    for (let i = 1; i < len; i++) v = v * 256 + b[off + i];
    return v;
  }
  const text = str(b, off, len).toString('latin1').trim();
  if (text === '') return 0;
  if (!/^[0-7]+$/.test(text)) return NaN;
  return parseInt(text, 8);
}

function parsePax(data: Buffer): Map<string, Buffer> {
  const out = new Map<string, Buffer>();
  let pos = 0;
  while (pos < data.length) {
    const sp = data.indexOf(0x20, pos);
    if (sp < 0) break;
    const len = parseInt(data.subarray(pos, sp).toString('latin1'), 10);
    if (!(len > 0) || pos + len > data.length) break;
    const record = data.subarray(sp + 1, pos + len - 1); // without the trailing newline
    const eq = record.indexOf(0x3d);
    if (eq > 0) out.set(record.subarray(0, eq).toString('utf8'), Buffer.from(record.subarray(eq + 1)));
    pos += len;
  }
  return out;
}

/** The first bytes of a zstd frame (RFC 8878). */
const ZSTD_MAGIC = Buffer.from([0x28, 0xb5, 0x2f, 0xfd]);

/** Splits a tar path into image components, refusing any that leave the root. */
export function normalizeTarPath(raw: string, tar: string): string[] {
  const parts: string[] = [];
  for (const p of raw.split('/')) {
    if (p === '' || p === '.') continue;
    if (p === '..') throw bad(tar, `entry "${raw}" escapes the image root`);
    if (Buffer.byteLength(p) > MAX_NAME) throw bad(tar, `entry "${raw}": name of ${Buffer.byteLength(p)} bytes exceeds the ${MAX_NAME}-byte limit of RAFS`);
    parts.push(p);
  }
  return parts;
}

/**
 * Decompresses a gzip or zstd layer (told by their magic numbers) into `workDir`, or returns
 * the path of a plain tar as is.
 */
async function plainTar(tarball: string, workDir: string): Promise<string> {
  const fh = await open(tarball, 'r');
  const magic = Buffer.alloc(4);
  try {
    await fh.read(magic, 0, 4, 0);
  } finally {
    await fh.close();
  }
  const gzip = magic[0] === 0x1f && magic[1] === 0x8b;
  const zstd = magic.equals(ZSTD_MAGIC);
  if (!gzip && !zstd) return tarball;
  const out = join(workDir, 'layer.tar');
  try {
    await pipeline(createReadStream(tarball), gzip ? createGunzip() : zstdDecodeStream(), createWriteStream(out));
  } catch (err) {
    throw bad(tarball, `not a valid ${gzip ? 'gzip' : 'zstd'} stream: ${(err as Error).message}`);
  }
  return out;
}

export interface ScanTarOptions {
  /**
   * The tree of the layers below (an image conversion): a hard link whose target is not in
   * this archive may name a regular file there; it joins that file's link group.
   */
  lower?: BuildNode;
}

export async function scanTarball(tarball: string, workDir: string, options: ScanTarOptions = {}): Promise<BuildNode> {
  const tar = await plainTar(tarball, workDir);
  // Directories the archive does not list itself (the root without a "./" entry, parents of
  // listed paths) are `implicit`: merged over a lower layer they keep the lower attributes.
  const root: BuildNode = { name: Buffer.from('/'), path: '/', mode: S_IFDIR | 0o755, uid: 0, gid: 0, mtime: 0, mtimeNsec: 0, size: 0, rdev: 0, nlink: 2, xattrs: [], children: [], implicit: true };
  const byPath = new Map<string, BuildNode>([['/', root]]);
  const dirOf = (parts: string[]): BuildNode => {
    let cur = root;
    let path = '';
    for (const p of parts) {
      path += `/${p}`;
      let next = byPath.get(path);
      if (!next) {
        next = { name: Buffer.from(p), path, mode: S_IFDIR | 0o755, uid: 0, gid: 0, mtime: 0, mtimeNsec: 0, size: 0, rdev: 0, nlink: 2, xattrs: [], children: [], implicit: true };
        cur.children!.push(next);
        byPath.set(path, next);
      }
      if ((next.mode & S_IFMT) !== S_IFDIR) throw bad(tarball, `${path} is used as a directory but is not one`);
      cur = next;
    }
    return cur;
  };

  const fh = await open(tar, 'r');
  try {
    const size = (await fh.stat()).size;
    const header = Buffer.alloc(BLOCK);
    let pos = 0;
    let longName: Buffer | undefined;
    let longLink: Buffer | undefined;
    let pax = new Map<string, Buffer>();
    const globalPax = new Map<string, Buffer>();
    const readAt = async (buf: Buffer, at: number) => {
      const { bytesRead } = await fh.read(buf, 0, buf.length, at);
      if (bytesRead !== buf.length) throw bad(tarball, `truncated at offset ${at} (expected ${buf.length} bytes, got ${bytesRead})`);
    };
    for (;;) {
      if (pos + BLOCK > size) {
        if (pos === size) break; // tolerate a missing end-of-archive marker
        throw bad(tarball, `truncated header at offset ${pos}`);
      }
      await readAt(header, pos);
      if (header.every((b) => b === 0)) break;
      let sum = 0;
      for (let i = 0; i < BLOCK; i++) sum += i >= 148 && i < 156 ? 0x20 : header[i];
      const stored = num(header, 148, 8);
      if (stored !== sum) throw bad(tarball, `bad header checksum at offset ${pos}`);
      const type = String.fromCharCode(header[156]);
      const entrySize = num(header, 124, 12);
      if (!Number.isFinite(entrySize) || entrySize < 0) throw bad(tarball, `bad size field at offset ${pos}`);
      const dataOffset = pos + BLOCK;
      const bodySize = type === '1' || type === '2' || type === '3' || type === '4' || type === '5' || type === '6' ? 0 : entrySize;
      const paxSize = pax.has('size') ? Number(pax.get('size')!.toString()) : bodySize;
      const next = dataOffset + Math.ceil(paxSize / BLOCK) * BLOCK;
      if (dataOffset + paxSize > size) throw bad(tarball, `entry at offset ${pos} runs past the end of the archive`);
      const body = async () => {
        if (paxSize > 16 << 20) throw bad(tarball, `metadata entry at offset ${pos} is too large (${paxSize} bytes)`);
        const b = Buffer.alloc(paxSize);
        await readAt(b, dataOffset);
        return b;
      };
      pos = next;
      if (type === 'L') { longName = str(await body(), 0, paxSize); continue; }
      if (type === 'K') { longLink = str(await body(), 0, paxSize); continue; }
      if (type === 'x') { pax = parsePax(await body()); continue; }
      if (type === 'g') { for (const [k, v] of parsePax(await body())) globalPax.set(k, v); continue; }
      const bits = TYPE_BITS[type];
      if (bits === undefined) throw bad(tarball, `entry at offset ${dataOffset - BLOCK} has unsupported type '${type}'`);
      const attrs = new Map([...globalPax, ...pax]);
      pax = new Map();
      const ustarPrefix = header.subarray(257, 262).toString('latin1') === 'ustar' ? str(header, 345, 155) : Buffer.alloc(0);
      const rawName = attrs.get('path') ?? longName ?? (ustarPrefix.length ? Buffer.concat([ustarPrefix, Buffer.from('/'), str(header, 0, 100)]) : str(header, 0, 100));
      const linkName = attrs.get('linkpath') ?? longLink ?? str(header, 157, 100);
      longName = longLink = undefined;
      if (attrs.has('GNU.sparse.major') || attrs.has('GNU.sparse.map')) throw bad(tarball, `${rawName.toString()}: GNU sparse entries are not supported`);
      const parts = normalizeTarPath(rawName.toString(), tarball);
      const mtimeText = attrs.get('mtime')?.toString();
      const [sec, frac = ''] = (mtimeText ?? String(num(header, 136, 12))).split('.');
      const xattrs: Array<[string, Buffer]> = [];
      for (const [k, v] of attrs) if (k.startsWith('SCHILY.xattr.')) xattrs.push([k.slice('SCHILY.xattr.'.length), v]);
      xattrs.sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
      if (parts.length === 0) {
        if (bits === S_IFDIR) {
          Object.assign(root, {
            mode: S_IFDIR | (num(header, 100, 8) & 0o7777),
            uid: attrs.has('uid') ? Number(attrs.get('uid')!.toString()) : num(header, 108, 8),
            gid: attrs.has('gid') ? Number(attrs.get('gid')!.toString()) : num(header, 116, 8),
            mtime: Number(sec) || 0,
            mtimeNsec: Number(frac.padEnd(9, '0').slice(0, 9)) || 0,
            xattrs,
          });
          delete root.implicit;
        }
        continue;
      }
      const parent = dirOf(parts.slice(0, -1));
      const path = `/${parts.join('/')}`;
      const node: BuildNode = {
        name: Buffer.from(parts[parts.length - 1]),
        path,
        mode: bits | (num(header, 100, 8) & 0o7777),
        uid: attrs.has('uid') ? Number(attrs.get('uid')!.toString()) : num(header, 108, 8),
        gid: attrs.has('gid') ? Number(attrs.get('gid')!.toString()) : num(header, 116, 8),
        mtime: Number(sec) || 0,
        mtimeNsec: Number(frac.padEnd(9, '0').slice(0, 9)) || 0,
        size: 0,
        rdev: 0,
        nlink: 1,
        xattrs,
      };
      if (type === '3' || type === '4') {
        const major = num(header, 329, 8);
        const minor = num(header, 337, 8);
        node.rdev = ((major & 0xfff) << 8) | (minor & 0xff) | ((minor & ~0xff) << 12);
      }
      if (type === '1') {
        const targetPath = `/${normalizeTarPath(linkName.toString(), tarball).join('/')}`;
        const target = byPath.get(targetPath) ?? (options.lower ? findNode(options.lower, targetPath) : undefined);
        if (!target || (target.mode & S_IFMT) !== S_IFREG) {
          throw bad(tarball, `${path}: hard link to "${linkName.toString()}", which is not a regular file earlier in the archive${options.lower ? ' or in a lower layer' : ''}`);
        }
        const leader = target.linkLeader ?? target;
        target.linkLeader = leader;
        Object.assign(node, { size: target.size, source: target.source, extents: target.extents, linkLeader: leader, mode: target.mode, uid: target.uid, gid: target.gid, mtime: target.mtime, mtimeNsec: target.mtimeNsec, xattrs: target.xattrs });
      } else if (bits === S_IFLNK) {
        node.target = Buffer.from(linkName);
        node.size = node.target.length;
      } else if (bits === S_IFREG) {
        node.size = paxSize;
        node.source = { kind: 'range', path: tar, offset: dataOffset };
      } else if (bits === S_IFDIR) {
        node.children = [];
      }
      const existing = byPath.get(path);
      if (existing) {
        // A later entry for the same path wins; a directory keeps its children.
        if ((existing.mode & S_IFMT) === S_IFDIR && bits === S_IFDIR) {
          Object.assign(existing, { mode: node.mode, uid: node.uid, gid: node.gid, mtime: node.mtime, mtimeNsec: node.mtimeNsec, xattrs: node.xattrs });
          delete existing.implicit;
          continue;
        }
        parent.children = parent.children!.filter((c) => c !== existing);
      }
      parent.children!.push(node);
      byPath.set(path, node);
    }
  } finally {
    await fh.close();
  }
  // Link counts: directories 2 + subdirectories; hard-link groups their size.
  const groups = new Map<BuildNode, BuildNode[]>();
  const finish = (n: BuildNode) => {
    if (n.children) {
      sortChildren(n.children);
      n.nlink = 2 + n.children.filter((c) => (c.mode & S_IFMT) === S_IFDIR).length;
      n.children.forEach(finish);
    }
    if (n.linkLeader) groups.set(n.linkLeader, [...(groups.get(n.linkLeader) ?? []), n]);
  };
  finish(root);
  for (const members of groups.values()) for (const m of members) m.nlink = members.length;
  return root;
}
