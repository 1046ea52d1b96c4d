// Native layer: chunk compression through the addon (src/native/binding.ts): round trips of
// every compressor, sync and async, interoperability with node:zlib, rejection of corrupt,
// truncated and wrongly sized input as NativeError, and real zstd chunks from a fixture.
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { constants as osConstants } from 'node:os';
import { fileURLToPath } from 'node:url';
import { gunzipSync, gzipSync } from 'node:zlib';
import { NativeError } from '../../src/errors.js';
import {
  COMPRESSORS,
  compress,
  compressAsync,
  decompress,
  decompressAsync,
  digest,
  nativeInfo,
  type Compressor,
} from '../../src/native/binding.js';

const root = fileURLToPath(new URL('../../../', import.meta.url));
const fixtures = `${root}../shared/fixtures`;

function mixed(size: number): Buffer {
  const out = Buffer.alloc(size);
  const noise = randomBytes(4096);
  for (let off = 0, block = 0; off < size; off += 4096, block++) {
    const end = Math.min(off + 4096, size);
    if (block % 4 === 0) out.write('sudo /home/user/src/nydus chunk digest; '.repeat(110), off, end - off, 'latin1');
    else if (block % 4 === 2) for (let i = off; i < end; i++) out[i] = i % 251;
    else if (block % 4 === 3) noise.copy(out, off, 0, end - off);
  }
  return out;
}

const inputs: Array<[string, Buffer]> = [
  ['empty', Buffer.alloc(0)],
  ['one byte', Buffer.from([0x42])],
  ['small text', Buffer.from('hello, nydus! '.repeat(5))],
  ['1 MiB mixed', mixed(1 << 20)],
  ['1 MiB random', randomBytes(1 << 20)],
];

function expectNativeError(fn: () => unknown, code: string, pattern?: RegExp): NativeError {
  try {
    fn();
  } catch (err) {
    assert.instance(err, NativeError);
    const e = err as NativeError;
    assert.is(e.code, code);
    assert.is(e.errno, (osConstants.errno as Record<string, number>)[code]);
    if (pattern) assert.match(e.message, pattern);
    return e;
  }
  assert.unreachable(`expected NativeError ${code}`);
  throw new Error('unreachable');
}

async function expectRejection(p: Promise<unknown>, code: string): Promise<NativeError> {
  try {
    await p;
  } catch (err) {
    assert.instance(err, NativeError);
    assert.is((err as NativeError).code, code);
    return err as NativeError;
  }
  assert.unreachable(`expected a rejection with ${code}`);
  throw new Error('unreachable');
}

test('every compressor round-trips empty, small, mixed and random inputs (sync)', () => {
  for (const alg of COMPRESSORS) {
    for (const [name, input] of inputs) {
      const packed = compress(alg, input);
      const out = decompress(alg, packed, input.length);
      assert.ok(out.equals(input), `${alg} / ${name}`);
    }
  }
});

test('every compressor round-trips through the async variants', async () => {
  for (const alg of COMPRESSORS) {
    for (const [name, input] of inputs) {
      const packed = await compressAsync(alg, input);
      assert.ok(packed.equals(compress(alg, input)), `${alg} / ${name}: async and sync output agree`);
      const out = await decompressAsync(alg, packed, input.length);
      assert.ok(out.equals(input), `${alg} / ${name}`);
    }
  }
});

test('async calls copy their input: mutating it afterwards changes nothing', async () => {
  const input = mixed(256 << 10);
  const copy = Buffer.from(input);
  const pending = compressAsync('zstd', input);
  input.fill(0);
  assert.ok(decompress('zstd', await pending, copy.length).equals(copy));
});

test('compressed data shrinks and uses the stored formats of spec §1.3', () => {
  const input = mixed(1 << 20);
  for (const alg of ['lz4_block', 'gzip', 'zstd'] as Compressor[]) {
    assert.ok(compress(alg, input).length < input.length / 2, alg);
  }
  assert.equal([...compress('zstd', input).subarray(0, 4)], [0x28, 0xb5, 0x2f, 0xfd]);
  assert.equal([...compress('gzip', input).subarray(0, 3)], [0x1f, 0x8b, 0x08]);
  assert.not.equal([...compress('lz4_block', input).subarray(0, 4)], [0x04, 0x22, 0x4d, 0x18]);
  assert.ok(compress('none', input).equals(input));
});

test('gzip interoperates with node:zlib in both directions', () => {
  const input = mixed(300000);
  assert.ok(gunzipSync(compress('gzip', input)).equals(input));
  assert.ok(decompress('gzip', gzipSync(input), input.length).equals(input));
  assert.ok(decompress('gzip', gzipSync(input, { level: 1 }), input.length).equals(input));
});

test('zstd and gzip honour the level; none and lz4_block refuse one', () => {
  const input = mixed(512 << 10);
  const fast = compress('zstd', input, 1);
  const best = compress('zstd', input, 19);
  assert.ok(best.length <= fast.length);
  assert.ok(decompress('zstd', best, input.length).equals(input));
  assert.ok(decompress('gzip', compress('gzip', input, 9), input.length).equals(input));
  expectNativeError(() => compress('lz4_block', input, 1), 'EINVAL', /level of lz4_block/);
  expectNativeError(() => compress('zstd', input, 23), 'EINVAL');
  expectNativeError(() => compress('gzip', input, 1.5), 'EINVAL');
});

test('corrupt input is rejected with NativeError EIO (sync and async)', async () => {
  const input = mixed(200000);
  const garbage = randomBytes(5000);
  for (const alg of ['lz4_block', 'gzip', 'zstd'] as Compressor[]) {
    const e = expectNativeError(() => decompress(alg, garbage, input.length), 'EIO');
    assert.match(e.message, new RegExp(`^${alg}: `));
    assert.is(e.exitCode, 1);
    await expectRejection(decompressAsync(alg, garbage, input.length), 'EIO');
  }
  const gz = compress('gzip', input);
  gz[gz.length - 8] ^= 1; // CRC32 of the trailer
  expectNativeError(() => decompress('gzip', gz, input.length), 'EIO');
});

test('truncated input is rejected with NativeError EIO', () => {
  const input = mixed(200000);
  for (const alg of ['lz4_block', 'gzip', 'zstd'] as Compressor[]) {
    const packed = compress(alg, input);
    for (const keep of [0, 1, packed.length >> 1, packed.length - 1]) {
      expectNativeError(() => decompress(alg, packed.subarray(0, keep), input.length), 'EIO');
    }
  }
});

test('a wrong expected size is rejected, smaller or larger (sync and async)', async () => {
  const input = mixed(100000);
  for (const alg of COMPRESSORS) {
    const packed = compress(alg, input);
    for (const size of [0, input.length - 1, input.length + 1, input.length * 2]) {
      expectNativeError(() => decompress(alg, packed, size), 'EIO', /size|more than|corrupt/);
    }
    await expectRejection(decompressAsync(alg, packed, input.length + 1), 'EIO');
  }
});

test('async errors point at the caller, not at the binding', async () => {
  const e = await expectRejection(decompressAsync('zstd', Buffer.from('not zstd'), 10), 'EIO');
  assert.match(e.stack ?? '', /01-codec\.test\.js/);
});

test('arguments are validated before native code runs', () => {
  const buf = Buffer.from('x');
  expectNativeError(() => compress('lz4' as Compressor, buf), 'EINVAL', /Expected one of none, lz4_block, gzip, zstd for alg but received 'lz4'/);
  expectNativeError(() => compress('zstd', 'text' as unknown as Buffer), 'EINVAL', /Buffer or Uint8Array for data/);
  expectNativeError(() => decompress('zstd', buf, -1), 'EINVAL', /expectedSize/);
  expectNativeError(() => decompress('zstd', buf, 1.5), 'EINVAL', /expectedSize/);
  assert.throws(() => decompressAsync('gzip', buf, Number.NaN), (e: unknown) => e instanceof NativeError && e.code === 'EINVAL');
  // Plain Uint8Arrays are accepted as well as Buffers.
  assert.ok(decompress('lz4_block', new Uint8Array(compress('lz4_block', buf)), 1).equals(buf));
});

test('real zstd chunks of the v6-zstd fixture decode to their recorded BLAKE3 digests', () => {
  // storage spec §7 vectors 7 and 8.
  const blob = readFileSync(`${fixtures}/v6-zstd/blobs/be7d77eeb719f70884758d1aa800ed0fb09d701aaec469964e9d54325f0d5fef`);
  const chunk0 = decompress('zstd', blob.subarray(0, 4828), 16931);
  assert.is(digest('blake3', chunk0).toString('hex'), 'f7e2735f1c6ae9cde91e537416b09d8bb71b306a421d19cc1012a51f93a7fe69');
  const chunk1 = decompress('zstd', blob.subarray(4828, 7802), 13400);
  assert.is(digest('blake3', chunk1).toString('hex'), '812465bcc9e88393598311dc5fc93abaeccef0185bcd99f9701d17ebdf9adc3f');
  expectNativeError(() => decompress('zstd', blob.subarray(0, 4828), 16930), 'EIO');
});

test('nativeInfo reports the linked libraries and the BLAKE3 back end', () => {
  const info = nativeInfo();
  for (const key of ['lz4', 'zstd', 'zlib', 'blake3'] as const) assert.match(info[key], /^\d+\.\d+/);
  assert.match(info.openssl, /^OpenSSL /);
  assert.match(info.blake3Simd, process.arch === 'x64' ? /^x86_64-asm:sse2,sse41,avx2,avx512$/ : /^portable$/);
  assert.ok(['avx512', 'avx2', 'sse41', 'sse2', 'portable'].includes(info.blake3SimdRuntime));
  assert.is(info.napiVersion, 8);
});

test.run();
