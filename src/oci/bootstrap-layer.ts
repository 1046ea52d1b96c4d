// OCI layer: the bootstrap out of a nydus image's bootstrap layer (a tar: plain, gzip or
// zstd, holding image/image.boot, or image.boot in older images). A small streaming tar reader
// (ustar, GNU long names, pax path records); an entry with an absolute or ".." name makes the
// whole layer refused as hostile. Only the bootstrap is written, to a temp file then renamed.
import { createReadStream, createWriteStream } from 'node:fs';
import { open, rename, unlink } from 'node:fs/promises';
import { randomBytes } from 'node:crypto';
import { basename, dirname, join } from 'node:path';
import { createGunzip } from 'node:zlib';
import { NydusError } from '../errors.js';
import { zstdDecodeStream } from '../native/binding.js';
import { BOOTSTRAP_IN_LAYER, LEGACY_BOOTSTRAP_IN_LAYER } from './media-types.js';
import type { RegistryClient } from './registry-client.js';

/** Reads exact byte counts from a stream. */
class ExactReader {
  private chunks: Buffer[] = [];
  private have = 0;
  private readonly it: AsyncIterator<Buffer>;

  constructor(stream: AsyncIterable<Buffer>) {
    this.it = stream[Symbol.asyncIterator]();
  }

  /** `n` bytes, or fewer only at the end of the stream. */
  async read(n: number): Promise<Buffer> {
    while (this.have < n) {
      const next = await this.it.next();
      if (next.done) break;
      this.chunks.push(next.value);
      this.have += next.value.length;
    }
    const all = Buffer.concat(this.chunks);
    const out = all.subarray(0, Math.min(n, all.length));
    this.chunks = all.length > n ? [all.subarray(n)] : [];
    this.have = Math.max(0, all.length - n);
    return out;
  }

  /** Hands `n` bytes to `sink` piece by piece (a bootstrap may be large). */
  async copy(n: number, sink: (b: Buffer) => Promise<void> | void): Promise<number> {
    let left = n;
    while (left > 0) {
      const piece = await this.read(Math.min(left, 1 << 20));
      if (piece.length === 0) break;
      await sink(piece);
      left -= piece.length;
    }
    return n - left;
  }

  async close(): Promise<void> {
    await this.it.return?.();
  }
}

/** The first bytes of a zstd frame (RFC 8878). */
const ZSTD_MAGIC = Buffer.from([0x28, 0xb5, 0x2f, 0xfd]);

const text = (b: Buffer) => b.toString('utf8').replace(/\0.*$/s, '');
const octal = (b: Buffer) => {
  const s = text(b).trim();
  return s ? Number.parseInt(s, 8) : 0;
};

/** Pax extended header records "len key=value\n". */
function paxPath(data: Buffer): string | undefined {
  let path: string | undefined;
  let off = 0;
  while (off < data.length) {
    const space = data.indexOf(0x20, off);
    if (space < 0) break;
    const len = Number.parseInt(data.subarray(off, space).toString('ascii'), 10);
    if (!(len > 0)) break;
    const record = data.subarray(space + 1, off + len - 1).toString('utf8');
    const eq = record.indexOf('=');
    if (record.slice(0, eq) === 'path') path = record.slice(eq + 1);
    off += len;
  }
  return path;
}

function normalise(name: string, layer: string): string {
  if (name.startsWith('/') || name.split('/').includes('..')) {
    throw new NydusError('EINVAL', `${layer}: refusing a bootstrap layer with the unsafe entry name "${name}"`);
  }
  return name.replace(/^(\.\/)+/, '');
}

/**
 * Writes the bootstrap of the layer file `layerFile` to `dest` (atomically). `what` names the
 * layer in messages. Throws EINVAL when the layer holds no bootstrap or is not a (gzip) tar.
 */
export async function extractBootstrap(layerFile: string, dest: string, what: string): Promise<void> {
  const head = Buffer.alloc(4);
  const fh = await open(layerFile, 'r');
  try {
    await fh.read(head, 0, 4, 0);
  } finally {
    await fh.close();
  }
  const file = createReadStream(layerFile);
  const gzip = head[0] === 0x1f && head[1] === 0x8b;
  const zstd = head.equals(ZSTD_MAGIC);
  const stream = gzip ? file.pipe(createGunzip()) : zstd ? file.pipe(zstdDecodeStream()) : file;
  if (gzip || zstd) file.once('error', (err) => stream.destroy(err));
  const reader = new ExactReader(stream as AsyncIterable<Buffer>);
  const temp = join(dirname(dest), `.${basename(dest)}.part-${process.pid}-${randomBytes(4).toString('hex')}`);
  let found: string | null = null;
  try {
    let longName: string | undefined;
    let paxName: string | undefined;
    for (;;) {
      const header = await reader.read(512);
      if (header.length < 512) throw new NydusError('EINVAL', `${what}: truncated tar (no end-of-archive marker)`);
      if (header.every((b) => b === 0)) break;
      const sum = octal(header.subarray(148, 156));
      let check = 0;
      for (let i = 0; i < 512; i++) check += i >= 148 && i < 156 ? 0x20 : header[i];
      if (sum !== check) throw new NydusError('EINVAL', `${what}: not a tar archive (bad header checksum)`);
      const size = octal(header.subarray(124, 136));
      const type = String.fromCharCode(header[156] || 0x30);
      const padded = Math.ceil(size / 512) * 512;
      if (type === 'L' || type === 'x') {
        const data = await reader.read(padded);
        if (type === 'L') longName = text(data.subarray(0, size));
        else paxName = paxPath(data.subarray(0, size)) ?? paxName;
        continue;
      }
      const prefix = header.subarray(345, 345 + 155);
      const ustar = header.subarray(257, 262).toString('ascii') === 'ustar';
      const raw = paxName ?? longName ?? (ustar && prefix[0] ? `${text(prefix)}/${text(header.subarray(0, 100))}` : text(header.subarray(0, 100)));
      longName = paxName = undefined;
      const name = normalise(raw, what);
      const isFile = type === '0' || type === '7';
      // image/image.boot wins over a legacy top-level image.boot (which it then overwrites).
      if (isFile && (name === BOOTSTRAP_IN_LAYER || (name === LEGACY_BOOTSTRAP_IN_LAYER && found === null))) {
        const out = createWriteStream(temp, { mode: 0o644 });
        const written = await reader.copy(size, (b) => new Promise<void>((res, rej) => out.write(b, (e) => (e ? rej(e) : res()))));
        await new Promise<void>((res, rej) => out.end((e?: Error | null) => (e ? rej(e) : res())));
        if (written !== size) throw new NydusError('EINVAL', `${what}: truncated tar (${name} has ${written} of ${size} bytes)`);
        found = name;
        await reader.read(padded - size);
        if (name === BOOTSTRAP_IN_LAYER) break;
        continue;
      }
      await reader.copy(padded, () => undefined);
    }
    if (!found) throw new NydusError('EINVAL', `${what}: no ${BOOTSTRAP_IN_LAYER} (or ${LEGACY_BOOTSTRAP_IN_LAYER}) in the bootstrap layer; is this a nydus image?`);
    await rename(temp, dest);
  } catch (err) {
    await unlink(temp).catch(() => undefined);
    if (err instanceof NydusError) throw err;
    throw new NydusError('EINVAL', `${what}: cannot read the bootstrap layer: ${(err as Error).message}`, 1, { cause: err });
  } finally {
    await reader.close().catch(() => undefined);
    file.destroy();
  }
}

/**
 * Downloads the bootstrap layer `digest` (verified) to a temp file of its own in `tmpDir` and
 * extracts its bootstrap to `dest`; the temp file is always removed.
 */
export async function fetchBootstrapLayer(client: RegistryClient, digest: string, dest: string, tmpDir: string, what: string): Promise<void> {
  const layerFile = join(tmpDir, `.${digest.replace(/^sha256:/, '')}.layer-${process.pid}-${randomBytes(4).toString('hex')}`);
  try {
    await client.fetchBlob(digest, layerFile);
    await extractBootstrap(layerFile, dest, what);
  } finally {
    await unlink(layerFile).catch(() => undefined);
  }
}
