// Service layer: BlobRangeStore, the persistent byte-range cache of one blob's backend bytes
// (range map in nydusd's PersistMap format, storage.md §4.3): block bookkeeping, the on-disk
// header, reopen, discarding maps that cannot be trusted, and crash ordering (data before bits)
// checked at every write boundary and with a real SIGKILL of a writer process.
import { spawn } from 'node:child_process';
import { copyFileSync, mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { open as openFile } from 'node:fs/promises';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { BlobRangeStore, RANGE_BLOCK_SIZE as B, blobIdProblem } from '../../src/service/blob-range-store.js';
import { perTest, repoRoot, tempDir } from '../helpers.js';
import { rejection } from '../storage/fixture.js';

const track = perTest();
const id = 'a'.repeat(64);
/** Deterministic blob bytes: every block differs from every other and from zeros. */
const blobBytes = (size: number) => Buffer.from(Array.from({ length: size }, (_, i) => ((i * 7 + (i >> 12) * 13) % 251) + 1));

async function openStore(dir: string, size: number, log?: (level: string, msg: string) => void) {
  return track(await BlobRangeStore.open(dir, id, size, log));
}

test('a fresh store: sparse data file of the blob size, PAMB map header with the blob size recorded, nothing cached', async () => {
  const dir = tempDir();
  const size = 5 * B + 100;
  const s = await openStore(dir, size);
  assert.is(statSync(join(dir, `${id}.blob.range`)).size, size);
  const map = readFileSync(join(dir, `${id}.range_map`));
  assert.is(map.length, 4096 + 1, '6 blocks need one bitmap byte');
  assert.is(map.subarray(0, 4).toString('latin1'), 'PAMB');
  assert.is(map.readUInt32LE(4), 1);
  assert.is(map.subarray(8, 12).toString('latin1'), 'PAMC');
  assert.is(map.readUInt32LE(12), 0, 'not all ready');
  assert.is(map.readBigUInt64LE(16), BigInt(size));
  assert.is(map.readUInt32LE(24), 12, 'block shift');
  assert.is(map[4096], 0);
  assert.equal(s.missing(0, size), [[0, size]]);
  assert.is(s.readyBytes(), 0);
  assert.is(s.allReady(), false);
});

test('missing() is block-aligned, merged and clipped to the blob; write() sets MSB-first bits after the data', async () => {
  const dir = tempDir();
  const size = 10 * B + 5;
  const data = blobBytes(size);
  const s = await openStore(dir, size);
  await s.write(2 * B, data.subarray(2 * B, 4 * B));
  await s.write(10 * B, data.subarray(10 * B)); // the final partial block
  assert.equal(s.missing(0, size), [[0, 2 * B], [4 * B, 6 * B]]);
  assert.equal(s.missing(2 * B + 1, 10), []);
  assert.equal(s.missing(B + 7, 2 * B), [[B, B]]);
  assert.equal(s.missing(3 * B, 100 * B), [[4 * B, 6 * B]]);
  assert.equal(s.missing(size + 10, 5), []);
  assert.is(s.readyBytes(), 2 * B + 5);
  assert.equal(await s.read(2 * B + 3, B), data.subarray(2 * B + 3, 3 * B + 3));
  assert.equal(await s.read(10 * B, 5), data.subarray(10 * B));
  await s.close();
  const map = readFileSync(join(dir, `${id}.range_map`));
  assert.is(map[4096], 0b0011_0000, 'blocks 2 and 3');
  assert.is(map[4097], 0b0010_0000, 'block 10');
});

test('write() refuses partial or unaligned blocks; read() refuses bytes that are not cached', async () => {
  const s = await openStore(tempDir(), 3 * B + 10);
  assert.match((await rejection(s.write(100, Buffer.alloc(B)))).message, /not whole blocks/);
  assert.match((await rejection(s.write(0, Buffer.alloc(B - 1)))).message, /not whole blocks/);
  assert.match((await rejection(s.write(3 * B, Buffer.alloc(11)))).message, /not whole blocks/);
  await s.write(0, Buffer.alloc(B, 1));
  assert.match((await rejection(s.read(B - 1, 2))).message, /not all cached/);
  assert.match((await rejection(s.read(3 * B, 11))).message, /outside/);
  assert.equal(await s.read(0, B), Buffer.alloc(B, 1));
});

test('reopen keeps cached blocks; the last block sets all_ready ("PAMM"), which a reopen honours', async () => {
  const dir = tempDir();
  const size = 4 * B + 1;
  const data = blobBytes(size);
  let s = await openStore(dir, size);
  await s.write(0, data.subarray(0, 2 * B));
  await s.close();
  assert.is(await BlobRangeStore.recordedSize(dir, id), size);
  s = await openStore(dir, size);
  assert.equal(s.missing(0, size), [[2 * B, 2 * B + 1]]);
  await s.write(2 * B, data.subarray(2 * B));
  assert.ok(s.allReady());
  await s.close();
  const map = readFileSync(join(dir, `${id}.range_map`));
  assert.is(map.subarray(12, 16).toString('latin1'), 'PAMM');
  // all_ready wins over the bitmap (nydusd semantics): clear the bits, keep the marker.
  map[4096] = 0;
  writeFileSync(join(dir, `${id}.range_map`), map);
  s = await openStore(dir, size);
  assert.ok(s.allReady());
  assert.is(s.readyBytes(), size);
  assert.equal(await s.read(0, size), data);
});

test('a map of the wrong size, magic, version or blob size, or without its data file, is discarded and logged', async () => {
  const size = 3 * B;
  const data = blobBytes(size);
  const corruptions: Array<[string, (dir: string) => void]> = [
    ['truncated map', (dir) => writeFileSync(join(dir, `${id}.range_map`), readFileSync(join(dir, `${id}.range_map`)).subarray(0, 4096))],
    ['bad magic', (dir) => patchMap(dir, (m) => m.write('XXXX', 0, 'latin1'))],
    ['version 2', (dir) => patchMap(dir, (m) => m.writeUInt32LE(2, 4))],
    ['other blob size', (dir) => patchMap(dir, (m) => m.writeBigUInt64LE(BigInt(size - 1), 16))],
    ['data file shorter', (dir) => writeFileSync(join(dir, `${id}.blob.range`), data.subarray(0, B))],
  ];
  for (const [what, corrupt] of corruptions) {
    const dir = tempDir();
    const s = await BlobRangeStore.open(dir, id, size);
    await s.write(0, data);
    await s.close();
    corrupt(dir);
    const lines: string[] = [];
    const again = await openStore(dir, size, (level, msg) => lines.push(`${level}: ${msg}`));
    assert.equal(again.missing(0, size), [[0, size]], what);
    assert.is(lines.length, 1, `${what}: ${lines.join('\n')}`);
    assert.match(lines[0], /^warn: blob range store a+: discarding .*range_map/);
    assert.is(statSync(join(dir, `${id}.blob.range`)).size, size, `${what}: data file resized`);
    assert.is(statSync(join(dir, `${id}.range_map`)).size, 4097, `${what}: map recreated`);
  }
});

function patchMap(dir: string, patch: (m: Buffer) => void): void {
  const file = join(dir, `${id}.range_map`);
  const m = readFileSync(file);
  patch(m);
  writeFileSync(file, m);
}

test('data written without its map bits (a crash between the two) counts as missing', async () => {
  const dir = tempDir();
  const size = 4 * B;
  const s = await BlobRangeStore.open(dir, id, size);
  await s.close();
  writeFileSync(join(dir, `${id}.blob.range`), blobBytes(size));
  const again = await openStore(dir, size);
  assert.equal(again.missing(0, size), [[0, size]]);
  assert.match((await rejection(again.read(0, 1))).message, /not all cached/);
});

test('crash at every file write: no snapshot ever has a ready block whose bytes are wrong', async () => {
  const dir = tempDir();
  const size = 40 * B + 123;
  const data = blobBytes(size);
  const s = await openStore(dir, size);
  // Snapshot both files just before each write the store issues (what a kill -9 there leaves).
  const handle = await openFile(join(dir, 'probe'), 'w');
  const proto = Object.getPrototypeOf(handle) as { write: (...args: unknown[]) => Promise<unknown> };
  await handle.close();
  const original = proto.write;
  const snaps: string[] = [];
  proto.write = function (this: unknown, ...args: unknown[]) {
    const snap = join(dir, `snap-${snaps.length}`);
    mkdirSync(snap);
    copyFileSync(join(dir, `${id}.blob.range`), join(snap, `${id}.blob.range`));
    copyFileSync(join(dir, `${id}.range_map`), join(snap, `${id}.range_map`));
    snaps.push(snap);
    return original.apply(this, args);
  };
  try {
    const order = [7, 0, 39, 40, 12, 13, 1, 20];
    await Promise.all(order.map((b) => s.write(b * B, data.subarray(b * B, Math.min(size, (b + 1) * B)))));
    for (let b = 0; b <= 40; b++) if (!order.includes(b)) await s.write(b * B, data.subarray(b * B, Math.min(size, (b + 1) * B)));
  } finally {
    proto.write = original;
  }
  await s.close();
  assert.ok(snaps.length >= 2 * 41, `${snaps.length} write boundaries seen`);
  let sawPartial = 0;
  for (const snap of snaps) {
    const r = await BlobRangeStore.open(snap, id, size);
    try {
      const ready = size - r.missing(0, size).reduce((n, [, l]) => n + l, 0);
      if (ready > 0 && ready < size) sawPartial++;
      for (let b = 0; b <= 40; b++) {
        const len = Math.min(size, (b + 1) * B) - b * B;
        if (r.missing(b * B, len).length === 0) assert.equal(await r.read(b * B, len), data.subarray(b * B, b * B + len), `${snap} block ${b}`);
      }
    } finally {
      await r.close();
    }
  }
  assert.ok(sawPartial > 10, 'snapshots cover partially cached states');
  const final = await openStore(dir, size);
  assert.ok(final.allReady());
});

test('a writer killed with SIGKILL mid-stream leaves only blocks whose bytes are right', async () => {
  const dir = tempDir();
  const size = 2000 * B;
  const module = pathToFileURL(join(repoRoot, 'dist/src/service/blob-range-store.js')).href;
  // The child writes blocks in a scattered order with several writes in flight, forever.
  const script = `
    const { BlobRangeStore } = await import(${JSON.stringify(module)});
    const s = await BlobRangeStore.open(${JSON.stringify(dir)}, ${JSON.stringify(id)}, ${size});
    const block = (b) => Buffer.from(Array.from({ length: 4096 }, (_, i) => (((b * 4096 + i) * 7 + b * 13) % 251) + 1));
    let n = 0;
    for (let round = 0; ; round++) {
      const batch = [];
      for (let k = 0; k < 8; k++) { const b = (n++ * 773) % 2000; batch.push(s.write(b * 4096, block(b))); }
      await Promise.all(batch);
      if (round === 20) process.stdout.write('busy\\n');
    }`;
  const child = spawn(process.execPath, ['--input-type=module', '-e', script], { stdio: ['ignore', 'pipe', 'inherit'] });
  const exited = new Promise<NodeJS.Signals | null>((resolve) => child.once('exit', (_code, signal) => resolve(signal)));
  await new Promise<void>((resolve) => child.stdout.once('data', () => resolve()));
  child.kill('SIGKILL');
  assert.is(await exited, 'SIGKILL');
  const data = blobBytes(size);
  const s = await openStore(dir, size);
  const missing = s.missing(0, size).reduce((n, [, l]) => n + l, 0);
  assert.ok(missing < size, 'some blocks were cached before the kill');
  for (let b = 0; b < 2000; b++) {
    if (s.missing(b * B, B).length === 0) assert.equal(await s.read(b * B, B), data.subarray(b * B, (b + 1) * B), `block ${b}`);
  }
});

test('blob ids that cannot name cache files are refused', async () => {
  for (const bad of ['', '.', '..', 'a/b', 'a\0b', 'x'.repeat(201)]) assert.ok(blobIdProblem(bad), JSON.stringify(bad));
  assert.is(blobIdProblem('sha256-' + 'f'.repeat(64)), null);
  assert.match((await rejection(BlobRangeStore.open(tempDir(), '../evil', 10))).message, /must not contain "\/"/);
});

test('a zero-byte blob is all ready at once', async () => {
  const s = await openStore(tempDir(), 0);
  assert.ok(s.allReady());
  assert.equal(s.missing(0, 10), []);
  assert.equal(await s.read(0, 0), Buffer.alloc(0));
});

test.run();
