// Native layer: chunk digests through the addon: SHA-256 against node:crypto, and BLAKE3
// against every official test vector in ../shared/vectors (default 32-byte digest, full
// extended output, keyed hash and key derivation), sync and async.
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { createHash, randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { NativeError } from '../../src/errors.js';
import {
  blake3DeriveKey,
  blake3KeyedXof,
  blake3Xof,
  digest,
  digestAsync,
  type Digester,
} from '../../src/native/binding.js';

interface Blake3Vectors {
  key: string;
  context_string: string;
  cases: Array<{ input_len: number; hash: string; keyed_hash: string; derive_key: string }>;
}

const root = fileURLToPath(new URL('../../../', import.meta.url));
const vectors = JSON.parse(
  readFileSync(`${root}../shared/vectors/blake3-test-vectors.json`, 'utf8'),
) as Blake3Vectors;

/** The vectors' input: bytes 0, 1, ..., 250, 0, 1, ... of the given length. */
function vectorInput(length: number): Buffer {
  const out = Buffer.alloc(length);
  for (let i = 0; i < length; i++) out[i] = i % 251;
  return out;
}

const sha256 = (data: Buffer) => createHash('sha256').update(data).digest();

test('sha256 known answers for "" and "abc"', () => {
  assert.is(digest('sha256', Buffer.alloc(0)).toString('hex'), 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855');
  assert.is(digest('sha256', Buffer.from('abc')).toString('hex'), 'ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
});

test('sha256 agrees with node:crypto on assorted sizes, sync and async', async () => {
  for (const size of [1, 55, 56, 64, 1000, 65536, (1 << 20) + 3]) {
    const data = randomBytes(size);
    assert.ok(digest('sha256', data).equals(sha256(data)), `size ${size}`);
    assert.ok((await digestAsync('sha256', data)).equals(sha256(data)), `async size ${size}`);
  }
});

test('blake3 of the empty input', () => {
  assert.is(digest('blake3', Buffer.alloc(0)).toString('hex'), 'af1349b9f5f9a1a6a0404dea36dcc9499bcb25c9adc112b7cc9a93cae41f3262');
});

test(`blake3 reproduces all ${vectors.cases.length} official hash vectors (default digest and XOF)`, () => {
  assert.is(vectors.cases.length, 35);
  for (const c of vectors.cases) {
    const input = vectorInput(c.input_len);
    const full = Buffer.from(c.hash, 'hex');
    assert.is(digest('blake3', input).toString('hex'), c.hash.slice(0, 64), `default digest, length ${c.input_len}`);
    assert.is(blake3Xof(input, full.length).toString('hex'), c.hash, `extended output, length ${c.input_len}`);
  }
});

test('blake3 keyed_hash and derive_key vectors', () => {
  const key = Buffer.from(vectors.key, 'ascii');
  for (const c of vectors.cases) {
    const input = vectorInput(c.input_len);
    const len = c.keyed_hash.length / 2;
    assert.is(blake3KeyedXof(key, input, len).toString('hex'), c.keyed_hash, `keyed, length ${c.input_len}`);
    assert.is(blake3DeriveKey(vectors.context_string, input, len).toString('hex'), c.derive_key, `derive, length ${c.input_len}`);
  }
});

test('digestAsync gives the sync digest for both algorithms', async () => {
  const data = vectorInput(102400);
  for (const alg of ['blake3', 'sha256'] as Digester[]) {
    assert.ok((await digestAsync(alg, data)).equals(digest(alg, data)), alg);
  }
  const last = vectors.cases[vectors.cases.length - 1];
  assert.is((await digestAsync('blake3', vectorInput(last.input_len))).toString('hex'), last.hash.slice(0, 64));
});

test('blake3 extended output is a prefix-stable stream', () => {
  const data = Buffer.from('nydus');
  const long = blake3Xof(data, 1000);
  assert.ok(blake3Xof(data, 32).equals(digest('blake3', data)));
  assert.ok(blake3Xof(data, 131).equals(long.subarray(0, 131)));
  assert.is(blake3Xof(data, 0).length, 0);
});

test('bad digest arguments are NativeError EINVAL', () => {
  for (const fn of [
    () => digest('md5' as Digester, Buffer.alloc(1)),
    () => digest('sha256', [1, 2, 3] as unknown as Buffer),
    () => blake3Xof(Buffer.alloc(1), -1),
    () => blake3KeyedXof(Buffer.alloc(16), Buffer.alloc(1)),
  ]) {
    assert.throws(fn, (e: unknown) => e instanceof NativeError && e.code === 'EINVAL' && /^Expected /.test(e.message));
  }
});

test.run();
