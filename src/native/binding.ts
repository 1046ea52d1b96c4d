// Native binding layer: the ONLY module that loads build/Release/nydus_native.node. It
// validates arguments, calls the addon, and turns every native failure into NativeError.
// Everything above this layer imports typed functions from here, never the addon itself.
import { constants as bufferConstants } from 'node:buffer';
import { constants as osConstants } from 'node:os';
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { Transform } from 'node:stream';
import { fileURLToPath } from 'node:url';
import { NativeError } from '../errors.js';

/** Chunk compression algorithms (storage spec §1.3; on-disk ids 0-3). */
export type Compressor = 'none' | 'lz4_block' | 'gzip' | 'zstd';
/** Chunk digest algorithms (storage spec §1.4; on-disk ids 0 blake3, 1 sha256). */
export type Digester = 'blake3' | 'sha256';

export const COMPRESSORS: readonly Compressor[] = ['none', 'lz4_block', 'gzip', 'zstd'];
export const DIGESTERS: readonly Digester[] = ['blake3', 'sha256'];
/** On-disk ids (v6 blob `compression_algo`, `digest_algo`). */
export const COMPRESSOR_IDS: Readonly<Record<Compressor, number>> = { none: 0, lz4_block: 1, gzip: 2, zstd: 3 };
export const DIGESTER_IDS: Readonly<Record<Digester, number>> = { blake3: 0, sha256: 1 };

/** Library versions linked into the addon and its BLAKE3 back ends. */
export interface NativeInfo {
  lz4: string;
  zstd: string;
  zlib: string;
  openssl: string;
  blake3: string;
  /** Compiled BLAKE3 back ends: "x86_64-asm:sse2,sse41,avx2,avx512" or "portable". */
  blake3Simd: string;
  /** Widest back end this CPU allows ("avx512", "avx2", "sse41", "sse2", "portable"). */
  blake3SimdRuntime: string;
  napiVersion: number;
}

type Bytes = Buffer | Uint8Array;

/** The addon's export table (native/binding/addon.cc). */
interface Addon {
  compress(alg: string, data: Bytes, level?: number): Buffer;
  compressAsync(alg: string, data: Bytes, level?: number): Promise<Buffer>;
  decompress(alg: string, data: Bytes, expectedSize: number): Buffer;
  decompressAsync(alg: string, data: Bytes, expectedSize: number): Promise<Buffer>;
  digest(alg: string, data: Bytes): Buffer;
  digestAsync(alg: string, data: Bytes): Promise<Buffer>;
  blake3Xof(data: Bytes, outLen: number): Buffer;
  blake3KeyedXof(key: Bytes, data: Bytes, outLen: number): Buffer;
  blake3DeriveKey(context: string, material: Bytes, outLen: number): Buffer;
  crc32c(data: Bytes): number;
  nativeInfo(): NativeInfo;
  ZstdDecoder: new () => { decode(data: Bytes): Buffer; finish(): void };
}

// This file runs as dist/src/native/binding.js: the package root is three levels up.
const packageRoot = fileURLToPath(new URL('../../../', import.meta.url));
const addonCandidates = ['build/Release/nydus_native.node', 'build/Debug/nydus_native.node'];
let loaded: Addon | undefined;

/** Loads the addon on first use, so modules that never touch native code work without it. */
function addon(): Addon {
  if (loaded) return loaded;
  const require = createRequire(import.meta.url);
  const path = addonCandidates.map((p) => packageRoot + p).find((p) => existsSync(p));
  if (!path) {
    throw new NativeError(
      osConstants.errno.ENOENT,
      'ENOENT',
      `native addon not built: run \`npm run build:native\` (looked for ${packageRoot}${addonCandidates[0]})`,
    );
  }
  try {
    loaded = require(path) as Addon;
  } catch (err) {
    const e = new NativeError(
      osConstants.errno.ENOEXEC,
      'ENOEXEC',
      `native addon ${path} failed to load (rebuild with \`npm run build:native\`): ${(err as Error).message}`,
    );
    throw Object.assign(e, { cause: err });
  }
  return loaded;
}

/** The one place where addon failures become NativeError; other errors pass through. */
function toNativeError(err: unknown, stackFrom?: Error): unknown {
  if (err instanceof NativeError || !(err instanceof Error)) return err;
  const { errno, code } = err as Error & { errno?: unknown; code?: unknown };
  if (typeof errno !== 'number' || typeof code !== 'string') return err;
  const e = new NativeError(errno, code, err.message);
  // Async work completes on a later tick: point the stack at the caller instead.
  if (stackFrom?.stack) e.stack = `${e.name}: ${e.message}${stackFrom.stack.slice(stackFrom.stack.indexOf('\n'))}`;
  return e;
}

function callSync<T>(fn: (a: Addon) => T): T {
  const a = addon();
  try {
    return fn(a);
  } catch (err) {
    throw toNativeError(err);
  }
}

async function callAsync<T>(fn: (a: Addon) => Promise<T>, caller: Function): Promise<T> {
  const stackFrom: { stack?: string } = {};
  Error.captureStackTrace(stackFrom, caller);
  const a = addon();
  try {
    return await fn(a);
  } catch (err) {
    throw toNativeError(err, stackFrom as Error);
  }
}

// --- argument checks (one error shape, sharp style) --------------------------------------

function invalid(what: string, name: string, value: unknown): NativeError {
  const shown = typeof value === 'string' ? `'${value}'` : typeof value === 'object' && value !== null
    ? (value.constructor?.name ?? 'object') : String(value);
  return new NativeError(osConstants.errno.EINVAL, 'EINVAL', `Expected ${what} for ${name} but received ${shown}`);
}

function checkCompressor(alg: unknown): asserts alg is Compressor {
  if (!COMPRESSORS.includes(alg as Compressor)) throw invalid(`one of ${COMPRESSORS.join(', ')}`, 'alg', alg);
}

function checkDigester(alg: unknown): asserts alg is Digester {
  if (!DIGESTERS.includes(alg as Digester)) throw invalid(`one of ${DIGESTERS.join(', ')}`, 'alg', alg);
}

function checkBytes(value: unknown, name: string): asserts value is Bytes {
  if (!(value instanceof Uint8Array)) throw invalid('a Buffer or Uint8Array', name, value);
}

function checkSize(value: unknown, name: string): asserts value is number {
  if (!Number.isSafeInteger(value) || (value as number) < 0 || (value as number) > bufferConstants.MAX_LENGTH) {
    throw invalid(`an integer between 0 and ${bufferConstants.MAX_LENGTH}`, name, value);
  }
}

function checkLevel(alg: Compressor, level: unknown): asserts level is number | undefined {
  if (level === undefined) return;
  if (alg === 'none' || alg === 'lz4_block') throw invalid('no level (undefined)', `level of ${alg}`, level);
  const [min, max] = alg === 'gzip' ? [0, 9] : [-131072, 22];
  if (!Number.isInteger(level) || (level as number) < min || (level as number) > max) {
    throw invalid(`an integer between ${min} and ${max}`, `level of ${alg}`, level);
  }
}

// --- compression -------------------------------------------------------------------------

/**
 * A Transform decoding a zstd stream of unknown length (any number of concatenated frames,
 * e.g. a `tar+zstd` image layer). A corrupt or truncated stream fails the stream with a
 * NativeError (EINVAL). Decoding runs on the JS thread, piece by piece.
 */
export function zstdDecodeStream(): Transform {
  const decoder = callSync((a) => new a.ZstdDecoder());
  return new Transform({
    transform(chunk: Buffer, _encoding, done) {
      try {
        done(null, callSync(() => decoder.decode(chunk)));
      } catch (err) {
        done(err as Error);
      }
    },
    flush(done) {
      try {
        callSync(() => decoder.finish());
        done();
      } catch (err) {
        done(err as Error);
      }
    },
  });
}

/**
 * Compresses `data` as one chunk would be stored. `level` applies to zstd (default 3, as
 * nydus-image) and gzip (0-9, default 6); none and lz4_block take none.
 */
export function compress(alg: Compressor, data: Bytes, level?: number): Buffer {
  checkCompressor(alg);
  checkBytes(data, 'data');
  checkLevel(alg, level);
  return callSync((a) => a.compress(alg, data, level));
}

/** compress() on the libuv thread pool; `data` is copied before the call returns. */
export function compressAsync(alg: Compressor, data: Bytes, level?: number): Promise<Buffer> {
  checkCompressor(alg);
  checkBytes(data, 'data');
  checkLevel(alg, level);
  return callAsync((a) => a.compressAsync(alg, data, level), compressAsync);
}

/**
 * Decompresses one stored chunk into exactly `expectedSize` bytes (its uncompressed size).
 * Corrupt or truncated input, or a different decoded length, throws NativeError EIO.
 */
export function decompress(alg: Compressor, data: Bytes, expectedSize: number): Buffer {
  checkCompressor(alg);
  checkBytes(data, 'data');
  checkSize(expectedSize, 'expectedSize');
  return callSync((a) => a.decompress(alg, data, expectedSize));
}

/** decompress() on the libuv thread pool; `data` is copied before the call returns. */
export function decompressAsync(alg: Compressor, data: Bytes, expectedSize: number): Promise<Buffer> {
  checkCompressor(alg);
  checkBytes(data, 'data');
  checkSize(expectedSize, 'expectedSize');
  return callAsync((a) => a.decompressAsync(alg, data, expectedSize), decompressAsync);
}

// --- digests -----------------------------------------------------------------------------

/** The 32-byte chunk digest of `data`. */
export function digest(alg: Digester, data: Bytes): Buffer {
  checkDigester(alg);
  checkBytes(data, 'data');
  return callSync((a) => a.digest(alg, data));
}

/** digest() on the libuv thread pool; `data` is copied before the call returns. */
export function digestAsync(alg: Digester, data: Bytes): Promise<Buffer> {
  checkDigester(alg);
  checkBytes(data, 'data');
  return callAsync((a) => a.digestAsync(alg, data), digestAsync);
}

/** BLAKE3 extended output of `outLen` bytes; the first 32 equal digest('blake3', data). */
export function blake3Xof(data: Bytes, outLen: number): Buffer {
  checkBytes(data, 'data');
  checkSize(outLen, 'outLen');
  return callSync((a) => a.blake3Xof(data, outLen));
}

/** BLAKE3 keyed hash (`key` is 32 bytes), `outLen` bytes of output. */
export function blake3KeyedXof(key: Bytes, data: Bytes, outLen = 32): Buffer {
  checkBytes(key, 'key');
  if (key.length !== 32) throw invalid('a 32-byte key', 'key', `${key.length} bytes`);
  checkBytes(data, 'data');
  checkSize(outLen, 'outLen');
  return callSync((a) => a.blake3KeyedXof(key, data, outLen));
}

/** BLAKE3 key derivation from a context string and key material, `outLen` bytes. */
export function blake3DeriveKey(context: string, material: Bytes, outLen = 32): Buffer {
  if (typeof context !== 'string') throw invalid('a string', 'context', context);
  checkBytes(material, 'material');
  checkSize(outLen, 'outLen');
  return callSync((a) => a.blake3DeriveKey(context, material, outLen));
}

/** Versions of the linked libraries and the BLAKE3 back ends. */
export function nativeInfo(): NativeInfo {
  return callSync((a) => a.nativeInfo());
}

/** CRC-32C (Castagnoli) of `data`, as chunk records carry it (storage spec §1.4). */
export function crc32c(data: Bytes): number {
  return callSync((a) => a.crc32c(data));
}

/**
 * For sibling modules of this layer (src/native/*.ts) that wrap addon classes: the loader and
 * the error conversion, so the addon is still loaded in exactly one place.
 */
export const internal = {
  addon: () => addon() as unknown as Record<string, unknown>,
  callSync,
  callAsync,
};
