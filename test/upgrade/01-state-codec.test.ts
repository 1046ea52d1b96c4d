// Upgrade: the state buffer handed to the supervisor (daemon.md §5.4): round trip, every
// rejection (foreign, truncated, wrong version, length, CRC, JSON, schema), and the golden
// version-1 buffer committed in test/upgrade/ (a release MUST restore its predecessor's state).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { crc32 } from 'node:zlib';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { NydusError } from '../../src/errors.js';
import { decodeState, encodeState, isNydusState, STATE_MAGIC, type FuseTakeoverState } from '../../src/upgrade/state-codec.js';
import { repoRoot } from '../helpers.js';

const golden = join(repoRoot, 'test', 'upgrade', 'state-v1.golden.bin');
const goldenJson = join(repoRoot, 'test', 'upgrade', 'state-v1.golden.json');

function sample(): FuseTakeoverState {
  return {
    format: 'nydus-service-fuse-state',
    version: 1,
    id: 'd1',
    connectionId: 41,
    mountpoint: '/mnt/x',
    negotiated: { minor: 39, out_opts: 123 },
    vfs: { next_index: 2, tree: [{ ino: 1, name: '' }] },
    failoverPolicy: 'resend',
    mounts: [{ mountpoint: '/', index: 1, cmd: { fs_type: 'rafs', source: '/b/image.boot', config: '{"x":"ü"}', mountpoint: '/', prefetch_files: null } }],
  };
}

/** Rewrites the CRC so only the intended fault remains. */
function reseal(buf: Buffer): Buffer {
  const end = buf.length - 4;
  buf.writeUInt32LE(crc32(buf.subarray(0, end)), end);
  return buf;
}

/** A well-framed buffer around an arbitrary payload. */
function frame(payload: Buffer, version = 1): Buffer {
  const b = Buffer.alloc(16 + payload.length + 4);
  STATE_MAGIC.copy(b);
  b.writeUInt32LE(version, 8);
  b.writeUInt32LE(payload.length, 12);
  payload.copy(b, 16);
  return reseal(b);
}

function rejects(buf: Uint8Array, re: RegExp): void {
  try {
    decodeState(buf);
  } catch (err) {
    assert.instance(err, NydusError);
    assert.is((err as NydusError).code, 'EINVAL');
    assert.is((err as NydusError).exitCode, 1);
    assert.match((err as Error).message, re);
    return;
  }
  assert.unreachable(`accepted: ${re}`);
}

test('round trip keeps every field; the framing is magic, version, length, JSON, CRC-32', () => {
  const s = sample();
  const buf = encodeState(s);
  assert.is(buf.subarray(0, 8).toString('latin1'), 'NYDSVCST');
  assert.is(buf.readUInt32LE(8), 1);
  assert.is(buf.readUInt32LE(12), buf.length - 20);
  assert.is(buf.readUInt32LE(buf.length - 4), crc32(buf.subarray(0, buf.length - 4)));
  assert.ok(isNydusState(buf));
  assert.equal(decodeState(buf), s);
  // A Uint8Array view at an offset decodes as well.
  const padded = Buffer.concat([Buffer.from('xyz'), buf]);
  assert.equal(decodeState(new Uint8Array(padded.buffer, padded.byteOffset + 3, buf.length)), s);
});

test('decode applies the mount command defaults (fs_type, mountpoint, prefetch_files)', () => {
  const s = sample() as unknown as { mounts: { cmd: Record<string, unknown> }[] };
  s.mounts[0].cmd = { source: '/b', config: '{}' };
  const d = decodeState(frame(Buffer.from(JSON.stringify(s))));
  assert.equal(d.mounts[0].cmd, { source: '/b', config: '{}', fs_type: '', mountpoint: '/', prefetch_files: null });
});

test('encode refuses a state that does not match the schema', () => {
  const s = { ...sample(), connectionId: -1 };
  assert.throws(() => encodeState(s), /cannot encode the daemon state: \/connectionId/);
});

test('foreign or too-short buffers are refused as not a nydus-service state', () => {
  rejects(Buffer.alloc(0), /not a nydus-service state \(foreign or corrupt snapshot/);
  rejects(Buffer.from('NYDS'), /not a nydus-service state/);
  // Rust nydusd's dbs-snapshot starts with a 64-bit arch magic.
  const rust = Buffer.alloc(64);
  rust.writeBigUInt64LE(0x0710_0001_0000_0000n);
  rejects(rust, /not a nydus-service state \(foreign or corrupt snapshot, 64 bytes/);
  rejects(Buffer.from('NYDSVCST\x01\x00\x00'), /truncated: 11 bytes/);
});

test('unsupported version, length mismatch, CRC mismatch', () => {
  rejects(frame(Buffer.from('{}'), 2), /unsupported state version 2 \(this release reads version 1\)/);
  const good = encodeState(sample());
  rejects(good.subarray(0, good.length - 1), /length mismatch/);
  rejects(Buffer.concat([good, Buffer.from([0])]), /length mismatch/);
  const flipped = Buffer.from(good);
  flipped[20] ^= 0x20;
  rejects(flipped, /CRC mismatch .*corrupt snapshot/);
  const badCrc = Buffer.from(good);
  badCrc.writeUInt32LE((badCrc.readUInt32LE(badCrc.length - 4) + 1) >>> 0, badCrc.length - 4);
  rejects(badCrc, /CRC mismatch/);
});

test('bad JSON and invalid UTF-8 payloads', () => {
  rejects(frame(Buffer.from('{"format":')), /payload is not valid UTF-8 JSON/);
  rejects(frame(Buffer.from([0x22, 0xff, 0xfe, 0x22])), /payload is not valid UTF-8 JSON/);
});

test('schema violations name the offending field', () => {
  const bad = (patch: Record<string, unknown>) => frame(Buffer.from(JSON.stringify({ ...sample(), ...patch })));
  rejects(bad({ format: 'rust-nydusd' }), /does not match the state schema: \/format/);
  rejects(bad({ version: 2 }), /\/version/);
  rejects(bad({ mounts: [{ mountpoint: '/', index: 0, cmd: { source: '/b', config: '' } }] }), /\/mounts\/0\/index/);
  rejects(bad({ mounts: [{ mountpoint: '/', index: 256, cmd: { source: '/b', config: '' } }] }), /\/mounts\/0\/index/);
  rejects(bad({ mounts: [{ mountpoint: '/', index: 1, cmd: { config: '' } }] }), /\/mounts\/0\/cmd\/source/);
  rejects(bad({ failoverPolicy: 'retry' }), /\/failoverPolicy/);
  rejects(bad({ negotiated: [] }), /\/negotiated/);
  rejects(bad({ extra: 1 }), /does not match the state schema/);
  const missing = sample() as Partial<FuseTakeoverState>;
  delete missing.vfs;
  rejects(frame(Buffer.from(JSON.stringify(missing))), /\/vfs/);
});

test('the committed version-1 golden buffer still decodes (restore state of a previous release)', () => {
  const buf = readFileSync(golden);
  const expected = JSON.parse(readFileSync(goldenJson, 'utf8')) as FuseTakeoverState;
  const d = decodeState(buf);
  assert.equal(d, expected);
  assert.is(d.mounts.length, 2);
  assert.is(d.mounts[1].cmd.prefetch_files?.length, 2);
  // And this release writes the same bytes for the same state (the format is stable).
  assert.ok(encodeState(expected).equals(buf), 'encoding changed: bump the version and keep decoding v1');
});

test.run();
