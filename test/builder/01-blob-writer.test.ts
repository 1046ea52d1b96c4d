// Builder layer: the data-blob writer (src/builder/blob-writer.ts). Blobs are written from
// hand-made nodes into temp dirs and taken apart here with an independent parser: chunk
// offsets, dedup, raw fallback, digests, sparse holes, blob id, determinism, the v6 tail.
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { createHash, randomBytes } from 'node:crypto';
import { readFileSync, readdirSync, rmSync, writeFileSync, openSync, writeSync, closeSync, ftruncateSync } from 'node:fs';
import { join } from 'node:path';
import { NydusError } from '../../src/errors.js';
import { crc32c, decompress, digest } from '../../src/native/binding.js';
import { writeBlob } from '../../src/builder/blob-writer.js';
import { encodeBlobMetaHeader, encodeChunkInfoV1, encodeTarHeader } from '../../src/builder/blob-tail.js';
import { S_IFREG, type BlobResult, type BuildNode, type BuildOptions, type ChunkRecord, type ContentSource, type DataExtent } from '../../src/builder/model.js';
import { fixture, tempDir } from '../helpers.js';

const MiB = 1 << 20;
const dirs: string[] = [];
const dir = (): string => { const d = tempDir('nydus-blob-'); dirs.push(d); return d; };
test.after(() => { for (const d of dirs) rmSync(d, { recursive: true, force: true }); });

function fileNode(name: string, source: ContentSource, size: number, extents?: DataExtent[]): BuildNode {
  return {
    name: Buffer.from(name), path: `/${name}`, mode: S_IFREG | 0o644, uid: 0, gid: 0, mtime: 0, mtimeNsec: 0,
    size, rdev: 0, nlink: 1, xattrs: [], source, extents,
  };
}
const bufNode = (name: string, data: Buffer, extents?: DataExtent[]) => fileNode(name, { kind: 'buffer', data }, data.length, extents);
const opts = (o: Partial<BuildOptions>): BuildOptions =>
  ({ fsVersion: 6, compressor: 'zstd', digester: 'blake3', chunkSize: MiB, prefetchFiles: [], ...o });

/** Text-like, compressible bytes. */
function text(size: number, seed = 0): Buffer {
  const b = Buffer.alloc(size);
  for (let i = 0; i < size; i++) b[i] = 97 + ((i * 7 + seed + (i >> 9)) % 23);
  return b;
}
const sha256 = (b: Buffer) => createHash('sha256').update(b).digest();

/** Plain bytes of a committed chunk, read back from the blob file. */
function readChunk(blob: Buffer, c: ChunkRecord, alg: BuildOptions['compressor']): Buffer {
  const raw = blob.subarray(c.compressedOffset, c.compressedOffset + c.compressedSize);
  return c.compressed ? decompress(alg, raw, c.uncompressedSize) : raw;
}

async function build(files: BuildNode[], o: BuildOptions): Promise<{ r: BlobResult; blob: Buffer; out: string }> {
  const out = dir();
  const r = await writeBlob(files, o, out);
  const blob = r.blobId ? readFileSync(join(out, r.blobId)) : Buffer.alloc(0);
  return { r, blob, out };
}

// --- independent v6 tail parser ---------------------------------------------------------

function parseTar(h: Buffer): { name: string; size: number } {
  assert.is(h.length, 512);
  let sum = 0;
  for (let i = 0; i < 512; i++) sum += i >= 148 && i < 156 ? 0x20 : h[i];
  assert.is(parseInt(h.toString('latin1', 148, 155), 8), sum, 'tar checksum');
  assert.is(h[155], 0);
  assert.is(h.toString('latin1', 156, 157), '0');
  assert.is(h.toString('latin1', 257, 265), 'ustar  \0');
  assert.is(h.toString('latin1', 136, 148), '00000000000\0');
  assert.is(h[135], 0);
  return { name: h.toString('latin1', 0, 100).replace(/\0+$/, ''), size: parseInt(h.toString('latin1', 124, 135), 8) };
}

interface Tail {
  toc: Map<string, { flags: number; digest: Buffer; offset: number; csize: number; usize: number }>;
  header: { features: number; ciCompressor: number; entries: number; ciOffset: number; ciC: number; ciU: number };
  ci: Array<{ uoff: number; usize: number; coff: number; csize: number }>;
  digestArray: Buffer;
  tars: Array<{ name: string; at: number; size: number }>;
}

/** Walks the blob backwards from its last tar header, checking every object it meets. */
function parseV6Tail(blob: Buffer): Tail {
  const tars: Tail['tars'] = [];
  let end = blob.length;
  while (end > 0) {
    const t = parseTar(blob.subarray(end - 512, end));
    tars.unshift({ ...t, at: end - 512 });
    end = end - 512 - t.size;
    if (t.name === 'image.blob') break;
  }
  assert.equal(tars.map((t) => t.name), ['image.blob', 'blob.meta', 'blob.digest', 'rafs.blob.toc']);
  assert.is(end, 0, 'image.blob starts the blob');
  const tocTar = tars[3];
  const toc: Tail['toc'] = new Map();
  for (let off = tocTar.at - tocTar.size; off < tocTar.at; off += 128) {
    const e = blob.subarray(off, off + 128);
    assert.ok(e.subarray(80).equals(Buffer.alloc(48)) && e.readUInt32LE(4) === 0, 'reserved ToC bytes are zero');
    const entry = {
      flags: e.readUInt32LE(0), digest: Buffer.from(e.subarray(24, 56)), offset: Number(e.readBigUInt64LE(56)),
      csize: Number(e.readBigUInt64LE(64)), usize: Number(e.readBigUInt64LE(72)),
    };
    toc.set(e.toString('latin1', 8, 24).replace(/\0+$/, ''), entry);
    assert.is(entry.flags, 1);
    assert.is(entry.csize, entry.usize);
    const content = blob.subarray(entry.offset, entry.offset + entry.csize);
    assert.equal(sha256(content), entry.digest, 'ToC entry digest');
  }
  assert.equal([...toc.keys()], ['image.blob', 'blob.meta', 'blob.meta.header', 'blob.digest']);
  const meta = tars[1];
  const hdr = blob.subarray(meta.at - 4096, meta.at);
  assert.is(hdr.readUInt32LE(0), 0xb10bb10b);
  assert.is(hdr.readUInt32LE(4092), 0xb10bb10b);
  assert.ok(hdr.subarray(40, 4092).equals(Buffer.alloc(4052)), 'no zran, reserved zero');
  const header = {
    features: hdr.readUInt32LE(4), ciCompressor: hdr.readUInt32LE(8), entries: hdr.readUInt32LE(12),
    ciOffset: Number(hdr.readBigUInt64LE(16)), ciC: Number(hdr.readBigUInt64LE(24)), ciU: Number(hdr.readBigUInt64LE(32)),
  };
  assert.is(header.ciOffset, tars[0].at + 512);
  assert.is(header.ciOffset + header.ciC + 4096, meta.at);
  assert.is(meta.size, header.ciC + 4096);
  assert.is(toc.get('blob.meta')!.offset, header.ciOffset);
  assert.is(toc.get('blob.meta.header')!.offset, meta.at - 4096);
  const ci: Tail['ci'] = [];
  for (let i = 0; i < header.entries; i++) {
    const u = blob.readBigUInt64LE(header.ciOffset + 16 * i);
    const c = blob.readBigUInt64LE(header.ciOffset + 16 * i + 8);
    ci.push({
      uoff: Number(u & 0x0000_0fff_ffff_f000n), usize: Number((((u >> 8n) & 0xfn) << 20n) | (u >> 44n)) + 1,
      coff: Number(c & 0xff_ffff_ffffn), csize: Number((((c >> 40n) & 0xfn) << 20n) | (c >> 44n)) + 1,
    });
  }
  const dTar = tars[2];
  const digestArray = blob.subarray(dTar.at - dTar.size, dTar.at);
  assert.is(toc.get('blob.digest')!.offset, dTar.at - dTar.size);
  return { toc, header, ci, digestArray, tars };
}

// --- tests ------------------------------------------------------------------------------

test('two identical 1 MiB files store one chunk; each occurrence keeps its own file offset', async () => {
  const same = randomBytes(MiB);
  const a = bufNode('a', same);
  const b = bufNode('b', Buffer.concat([text(MiB), same]));
  const { r, blob } = await build([a, b], opts({}));
  assert.is(r.chunkCount, 2);
  assert.is(a.chunks!.length, 1);
  assert.is(b.chunks!.length, 2);
  assert.is(b.chunks![1].index, a.chunks![0].index);
  assert.is(b.chunks![1].compressedOffset, a.chunks![0].compressedOffset);
  assert.is(b.chunks![1].fileOffset, MiB);
  assert.is(b.chunks![0].fileOffset, 0);
  assert.is(r.bytesIn, 3 * MiB);
  assert.is(r.bytesStored, 2 * MiB);
  assert.ok(readChunk(blob, b.chunks![1], 'zstd').equals(same));
});

test('incompressible chunks are stored raw, compressible ones compressed (zstd, lz4_block)', async () => {
  for (const compressor of ['zstd', 'lz4_block'] as const) {
    const noise = randomBytes(300_000);
    const words = text(300_000);
    const n1 = bufNode('noise', noise);
    const n2 = bufNode('words', words);
    const { r, blob } = await build([n1, n2], opts({ compressor, chunkSize: 256 << 10 }));
    for (const c of n1.chunks!) {
      assert.not.ok(c.compressed, `${compressor}: random chunk stored raw`);
      assert.is(c.compressedSize, c.uncompressedSize);
    }
    for (const c of n2.chunks!) {
      assert.ok(c.compressed && c.compressedSize < c.uncompressedSize, `${compressor}: text chunk compressed`);
    }
    for (const [node, data] of [[n1, noise], [n2, words]] as const) {
      const back = Buffer.concat(node.chunks!.map((c) => readChunk(blob, c, compressor)));
      assert.ok(back.equals(data), `${compressor}: chunks decompress to the file`);
    }
    assert.is(r.chunks.length, 4);
  }
});

test('chunk offsets: v5 packed, v6 4 KiB aligned, v6 + none stored at the uncompressed offset', async () => {
  const mk = () => [bufNode('x', text(10_000, 1)), bufNode('y', randomBytes(5000)), bufNode('z', text(70_000, 3))];
  for (const [fsVersion, compressor] of [[5, 'lz4_block'], [5, 'none'], [6, 'zstd'], [6, 'none']] as const) {
    const { r, blob } = await build(mk(), opts({ fsVersion, compressor, chunkSize: 64 << 10 }));
    let u = 0;
    let c = 0;
    for (const rec of r.chunks) {
      assert.is(rec.uncompressedOffset, u, `v${fsVersion} ${compressor} uoff`);
      u = fsVersion === 6 ? Math.ceil((u + rec.uncompressedSize) / 4096) * 4096 : u + rec.uncompressedSize;
      if (fsVersion === 6 && compressor === 'none') {
        assert.is(rec.compressedOffset, rec.uncompressedOffset);
      } else {
        assert.is(rec.compressedOffset, c, `v${fsVersion} ${compressor} packed coff`);
        c += rec.compressedSize;
      }
    }
    assert.is(r.uncompressedSize, u);
    if (fsVersion === 5) {
      assert.is(r.compressedSize, c);
      assert.is(blob.length, c);
      assert.is(r.features | r.ciOffset | r.tocSize, 0);
    }
    if (fsVersion === 6 && compressor === 'none') {
      // The data region is the blob's uncompressed image (an EROFS device): gaps are zeros.
      const image = Buffer.alloc(r.uncompressedSize);
      for (const rec of r.chunks) readChunk(blob, rec, 'none').copy(image, rec.uncompressedOffset);
      assert.ok(blob.subarray(0, r.uncompressedSize).equals(image));
      assert.is(r.ciOffset, r.uncompressedSize + 512);
    }
  }
});

test('chunk digests, CRC-32C and plain bytes match the file content (sha256 and blake3)', async () => {
  const data = Buffer.concat([randomBytes(100_000), text(150_000)]);
  for (const digester of ['sha256', 'blake3'] as const) {
    const node = bufNode('f', data);
    const { blob } = await build([node], opts({ digester, chunkSize: 64 << 10 }));
    assert.is(node.chunks!.length, 4);
    for (const c of node.chunks!) {
      const plain = data.subarray(c.fileOffset, c.fileOffset + c.uncompressedSize);
      const want = digester === 'sha256' ? sha256(plain) : digest('blake3', plain);
      assert.equal(c.digest, want);
      assert.is(c.crc32, crc32c(plain));
      assert.ok(readChunk(blob, c, 'zstd').equals(plain));
    }
  }
});

test('sparse files: chunks wholly in holes are skipped, partly sparse chunks keep zeros', async () => {
  const cs = 64 << 10;
  const size = 5 * cs + 100;
  const path = join(dir(), 'sparse');
  const fd = openSync(path, 'w');
  ftruncateSync(fd, size);
  const d1 = text(1000, 5);
  const d2 = randomBytes(cs + 50);
  writeSync(fd, d1, 0, d1.length, cs + 500);
  writeSync(fd, d2, 0, d2.length, 3 * cs);
  closeSync(fd);
  const extents = [{ offset: 3 * cs, length: cs + 50 }, { offset: cs + 500, length: 1000 }];
  const node = fileNode('sparse', { kind: 'file', path }, size, extents);
  const { blob } = await build([node], opts({ chunkSize: cs }));
  assert.equal(node.chunks!.map((c) => c.fileOffset), [cs, 3 * cs, 4 * cs]);
  const whole = readFileSync(path);
  for (const c of node.chunks!) {
    assert.ok(readChunk(blob, c, 'zstd').equals(whole.subarray(c.fileOffset, c.fileOffset + c.uncompressedSize)));
  }
  assert.is(node.chunks![2].uncompressedSize, cs);
  // A declared hole reads as zeros even when the source holds bytes there.
  const filled = bufNode('filled', Buffer.alloc(2 * cs, 0x55), [{ offset: 10, length: 20 }]);
  const b2 = await build([filled], opts({ chunkSize: cs, compressor: 'none' }));
  assert.is(filled.chunks!.length, 1);
  const want = Buffer.alloc(cs);
  want.fill(0x55, 10, 30);
  assert.ok(readChunk(b2.blob, filled.chunks![0], 'none').equals(want));
});

test('range and file sources read [offset, offset + size) in chunk-size pieces', async () => {
  const body = randomBytes(200_000);
  const path = join(dir(), 'stream');
  writeFileSync(path, Buffer.concat([randomBytes(777), body, randomBytes(99)]));
  const fpath = join(dir(), 'plain');
  writeFileSync(fpath, body);
  const ranged = fileNode('r', { kind: 'range', path, offset: 777 }, body.length);
  const plain = fileNode('p', { kind: 'file', path: fpath }, body.length);
  const { r } = await build([ranged, plain], opts({ chunkSize: 64 << 10 }));
  assert.is(r.chunkCount, 4, 'the second file dedups against the first');
  assert.equal(plain.chunks!.map((c) => c.index), ranged.chunks!.map((c) => c.index));
  assert.equal(ranged.chunks!.map((c) => c.digest), [0, 1, 2, 3].map((k) => digest('blake3', body.subarray(k * 65536, (k + 1) * 65536))));
});

test('blob id: SHA-256 of the whole file, v5 and v6 with the blob-toc tail (pushable under its id)', async () => {
  const files = () => [bufNode('a', text(300_000)), bufNode('b', randomBytes(70_000))];
  const v5 = await build(files(), opts({ fsVersion: 5, chunkSize: 64 << 10 }));
  assert.is(v5.r.blobId, sha256(v5.blob).toString('hex'));
  assert.is(v5.r.compressedSize, v5.blob.length);
  const v6 = await build(files(), opts({ fsVersion: 6, chunkSize: 64 << 10 }));
  assert.ok(parseV6Tail(v6.blob).toc.get('blob.digest'), 'the blob has the digest array');
  assert.is(v6.r.blobId, sha256(v6.blob).toString('hex'));
  assert.equal(readdirSync(v6.out), [v6.r.blobId], 'only the named blob is left');
});

test('the same input and options give identical blobs', async () => {
  const seed = randomBytes(150_000);
  for (const o of [opts({ chunkSize: 64 << 10 }), opts({ fsVersion: 5, compressor: 'lz4_block', chunkSize: 4096 })]) {
    const one = await build([bufNode('a', seed), bufNode('b', text(90_000))], o);
    const two = await build([bufNode('a', seed), bufNode('b', text(90_000))], o);
    assert.is(one.r.blobId, two.r.blobId);
    assert.ok(one.blob.equals(two.blob));
  }
});

test('v6 tail parses: tar headers, ToC, blob meta header and CI v1 entries match the records', async () => {
  for (const compressor of ['zstd', 'none'] as const) {
    const nodes = [bufNode('a', text(3 * MiB + 12345)), bufNode('b', randomBytes(MiB + 1)), bufNode('c', text(5000, 9))];
    const { r, blob } = await build(nodes, opts({ compressor, digester: 'sha256' }));
    const t = parseV6Tail(blob);
    assert.is(t.header.features, 0x70000021);
    assert.is(r.features, 0x70000021);
    assert.is(t.header.ciCompressor, 0);
    assert.is(t.header.entries, r.chunkCount);
    assert.equal([t.header.ciOffset, t.header.ciC, t.header.ciU], [r.ciOffset, r.ciCompressedSize, r.ciUncompressedSize]);
    assert.is(t.header.ciU, 16 * r.chunkCount);
    assert.equal(t.ci, r.chunks.map((c) => ({ uoff: c.uncompressedOffset, usize: c.uncompressedSize, coff: c.compressedOffset, csize: c.compressedSize })));
    assert.ok(t.digestArray.equals(Buffer.concat(r.chunks.map((c) => c.digest))));
    const img = t.toc.get('image.blob')!;
    assert.equal([img.offset, img.csize], [0, t.tars[0].at]);
    for (const c of r.chunks) assert.ok(c.compressedOffset + c.compressedSize <= r.ciOffset - 512);
    assert.is(r.tocSize, 4 * 128 + 512);
    assert.equal(r.tocDigest, sha256(blob.subarray(blob.length - r.tocSize)));
    assert.is(r.compressedSize, blob.length);
  }
});

test('tail encoders reproduce the nydus-image fixture blob byte for byte (be7d77…)', () => {
  const f = readFileSync(join(fixture.v6.blobs, 'be7d77eeb719f70884758d1aa800ed0fb09d701aaec469964e9d54325f0d5fef'));
  assert.ok(encodeTarHeader('image.blob', 7802).equals(f.subarray(7802, 8314)));
  assert.ok(encodeTarHeader('blob.meta', 4128).equals(f.subarray(12442, 12954)));
  assert.ok(encodeTarHeader('blob.digest', 64).equals(f.subarray(13018, 13530)));
  assert.ok(encodeTarHeader('rafs.blob.toc', 512).equals(f.subarray(14042, 14554)));
  const recs = [
    { compressedOffset: 0, compressedSize: 4828, uncompressedOffset: 0, uncompressedSize: 16931 },
    { compressedOffset: 4828, compressedSize: 2974, uncompressedOffset: 20480, uncompressedSize: 13400 },
  ] as ChunkRecord[];
  assert.ok(encodeChunkInfoV1(recs).equals(f.subarray(8314, 8346)));
  const hdr = encodeBlobMetaHeader({ features: 0x70000021, ciCompressor: 0, ciEntries: 2, ciOffset: 8314, ciCompressedSize: 32, ciUncompressedSize: 32 });
  assert.ok(hdr.equals(f.subarray(8346, 12442)));
});

test('no chunks at all: no blob file, blobId ""', async () => {
  const { r, out } = await build([bufNode('empty', Buffer.alloc(0)), bufNode('hole', Buffer.alloc(8192), [])], opts({}));
  assert.is(r.blobId, '');
  assert.is(r.chunkCount, 0);
  assert.equal(readdirSync(out), []);
});

test('an unreadable file fails with a NydusError naming it and leaves no partial output', async () => {
  const out = dir();
  const ok = bufNode('ok', text(200_000));
  const missing = fileNode('gone', { kind: 'file', path: join(out, 'no-such-file') }, 1000);
  try {
    await writeBlob([ok, missing], opts({ chunkSize: 4096 }), out);
    assert.unreachable('should have thrown');
  } catch (err) {
    assert.instance(err, NydusError);
    assert.match((err as Error).message, '/gone');
    assert.match((err as Error).message, 'no-such-file');
    assert.is((err as NydusError).code, 'ENOENT');
  }
  const short = dir();
  writeFileSync(join(short, 'f'), 'abc');
  await writeBlob([fileNode('f', { kind: 'file', path: join(short, 'f') }, 10)], opts({}), short)
    .then(() => assert.unreachable('should have thrown'), (err) => assert.match(err.message, 'content ends at byte 3'));
  assert.equal(readdirSync(out), []);
  assert.equal(readdirSync(short), ['f']);
  await writeBlob([ok], opts({}), join(out, 'missing-dir')).then(
    () => assert.unreachable('should have thrown'),
    (err) => { assert.instance(err, NydusError); assert.is(err.code, 'ENOENT'); });
});

test('progress hears the totals, then every committed chunk and each finished file; bad options are rejected', async () => {
  const seen: string[] = [];
  const progress = { start: (f: number, b: number) => void seen.push(`start ${f} ${b}`), tick: (f: number, b: number) => void seen.push(`${f} ${b}`) };
  const holes = bufNode('holes', Buffer.alloc(8192), []);
  await writeBlob([bufNode('a', text(300_000)), bufNode('empty', Buffer.alloc(0)), holes], opts({ chunkSize: 64 << 10 }), dir(), progress);
  // a: 4 chunks of 64 KiB and one of 37,856 bytes, ticked as committed (after the files read
  // later: the empty and the all-holes one have no chunk to wait for, so they count at once).
  assert.equal(seen, ['start 3 300000', '1 0', '1 0', '0 65536', '0 65536', '0 65536', '0 65536', '1 37856']);
  await writeBlob([], opts({ chunkSize: 3000 }), dir()).then(
    () => assert.unreachable('should have thrown'), (err) => assert.match(err.message, 'chunkSize'));
});

test('timing: 20 MB random + repetitive file (printed, not asserted)', async () => {
  const size = 20_000_000;
  const data = Buffer.alloc(size);
  // Even MiBs: fresh random bytes (stored raw); odd MiBs: the same text (compressed, deduplicated).
  for (let off = 0; off < size; off += MiB) {
    const len = Math.min(MiB, size - off);
    if ((off / MiB) % 2 === 0) randomBytes(len).copy(data, off);
    else data.write('nydus chunk '.repeat(87382), off, len, 'latin1');
  }
  const path = join(dir(), 'big');
  writeFileSync(path, data);
  for (const o of [opts({}), opts({ fsVersion: 5, compressor: 'lz4_block', digester: 'sha256' }), opts({ compressor: 'none' })]) {
    const t0 = process.hrtime.bigint();
    const { r } = await build([fileNode('big', { kind: 'file', path }, size)], o);
    const ms = Number(process.hrtime.bigint() - t0) / 1e6;
    console.log(`  v${o.fsVersion} ${o.compressor}/${o.digester}: ${size / 1e6} MB in ${ms.toFixed(0)} ms ` +
      `(${(size / 1e6 / (ms / 1000)).toFixed(0)} MB/s), ${r.chunkCount} unique chunks, blob ${r.compressedSize} bytes`);
  }
});

test.run();
