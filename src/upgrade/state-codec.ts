// Upgrade layer: the state buffer a FUSE daemon hands to its supervisor with the /dev/fuse fd
// (spec daemon.md §5.2, §5.4). The supervisor stores it verbatim; only nydus reads it.
//
// Layout (all integers little-endian), version 1:
//   0   8  magic "NYDSVCST"
//   8   4  u32 framing version (1)
//   12  4  u32 payload length N
//   16  N  payload: UTF-8 JSON, a FuseTakeoverState (schema/daemon/state.schema.json)
//   16+N 4 u32 CRC-32/IEEE of bytes [0, 16+N)
// A foreign (e.g. Rust nydusd "dbs-snapshot") or corrupt buffer is rejected with a clear
// NydusError('EINVAL', ..., 1); the daemon turns that into HTTP 500 and stays INIT.
import { crc32 } from 'node:zlib';
import type { FuseTakeoverState } from '../../generated/types.js';
import { schemaIds, schemaRegistry } from '../../generated/schemas.js';
import { validateFuseTakeoverState } from '../../generated/validate.js';
import { NydusError } from '../errors.js';
import { applyDefaults } from '../schema/defaults.js';
import { problemsFromAjv } from '../schema/problems.js';
import { parseEntryStore } from '../service/blob-entry-store.js';

export type { FuseTakeoverState } from '../../generated/types.js';

/** The 8-byte magic at the start of every state buffer. */
export const STATE_MAGIC = Buffer.from('NYDSVCST', 'latin1');
/** Framing version written by this release. */
export const STATE_VERSION = 1;
/** Header (magic, version, length) size in bytes. */
export const STATE_HEADER_SIZE = 16;
/** Trailer (CRC-32) size in bytes. */
export const STATE_TRAILER_SIZE = 4;
/** Format tag of the JSON payload. */
export const STATE_FORMAT = 'nydus-service-fuse-state';

function invalid(message: string): NydusError {
  return new NydusError('EINVAL', `bad state buffer: ${message}`, 1);
}

/** Serialises a state into the versioned, CRC-protected buffer. Validates it first. */
export function encodeState(state: FuseTakeoverState): Buffer {
  if (!validateFuseTakeoverState(state)) {
    const detail = problemsFromAjv(validateFuseTakeoverState.errors).map((p) => `${p.pointer || '/'}: ${p.message}`);
    throw new NydusError('EINVAL', `cannot encode the daemon state: ${detail.join('; ')}`, 1);
  }
  const payload = Buffer.from(JSON.stringify(state), 'utf8');
  const buf = Buffer.alloc(STATE_HEADER_SIZE + payload.length + STATE_TRAILER_SIZE);
  STATE_MAGIC.copy(buf, 0);
  buf.writeUInt32LE(STATE_VERSION, 8);
  buf.writeUInt32LE(payload.length, 12);
  payload.copy(buf, STATE_HEADER_SIZE);
  const end = STATE_HEADER_SIZE + payload.length;
  buf.writeUInt32LE(crc32(buf.subarray(0, end)), end);
  return buf;
}

/** True when the buffer starts with this implementation's magic (it may still be corrupt). */
export function isNydusState(buf: Uint8Array): boolean {
  return buf.length >= STATE_MAGIC.length && STATE_MAGIC.equals(Buffer.from(buf.buffer, buf.byteOffset, STATE_MAGIC.length));
}

/** Decodes and validates a state buffer; throws NydusError('EINVAL', ..., 1) on anything else. */
export function decodeState(input: Uint8Array): FuseTakeoverState {
  const buf = Buffer.from(input.buffer, input.byteOffset, input.byteLength);
  if (buf.length < STATE_MAGIC.length || !isNydusState(buf)) {
    throw invalid(`not a nydus-service state (foreign or corrupt snapshot, ${buf.length} bytes, starts with ${buf.subarray(0, 8).toString('hex') || 'nothing'})`);
  }
  if (buf.length < STATE_HEADER_SIZE + STATE_TRAILER_SIZE) throw invalid(`truncated: ${buf.length} bytes, the header and trailer alone take ${STATE_HEADER_SIZE + STATE_TRAILER_SIZE}`);
  const version = buf.readUInt32LE(8);
  if (version !== STATE_VERSION) throw invalid(`unsupported state version ${version} (this release reads version ${STATE_VERSION})`);
  const length = buf.readUInt32LE(12);
  const expected = STATE_HEADER_SIZE + length + STATE_TRAILER_SIZE;
  if (buf.length !== expected) throw invalid(`length mismatch: header announces a ${length}-byte payload (${expected} bytes in all), buffer holds ${buf.length}`);
  const end = STATE_HEADER_SIZE + length;
  const stored = buf.readUInt32LE(end);
  const actual = crc32(buf.subarray(0, end));
  if (stored !== actual) throw invalid(`CRC mismatch (stored ${stored.toString(16).padStart(8, '0')}, computed ${actual.toString(16).padStart(8, '0')}): corrupt snapshot`);
  let doc: unknown;
  try {
    doc = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(buf.subarray(STATE_HEADER_SIZE, end)));
  } catch (err) {
    throw invalid(`payload is not valid UTF-8 JSON: ${(err as Error).message}`);
  }
  if (!validateFuseTakeoverState(doc)) {
    const detail = problemsFromAjv(validateFuseTakeoverState.errors).map((p) => `${p.pointer || '/'}: ${p.message}`);
    throw invalid(`payload does not match the state schema: ${detail.join('; ')}`);
  }
  return applyDefaults(schemaRegistry, schemaIds.FuseTakeoverState, doc) as unknown as FuseTakeoverState;
}

/**
 * Checks the state buffer a daemon of `kind` handed over and summarises it: a FUSE daemon's
 * takeover state, or a blob cache daemon's entries (the entry-store document). Throws like
 * decodeState on anything else.
 */
export function describeState(kind: 'fuse' | 'blobcache' | 'virtiofs' | undefined, input: Uint8Array): { count: number; detail: string } {
  if (kind === 'blobcache') {
    let loaded;
    try {
      loaded = parseEntryStore(Buffer.from(input.buffer, input.byteOffset, input.byteLength).toString('utf8'));
    } catch (err) {
      throw invalid(`not a blob cache state: ${(err as Error).message}`);
    }
    if (loaded.problems.length) throw invalid(loaded.problems.join('; '));
    return { count: loaded.entries.length, detail: `${loaded.entries.length} blob cache entr${loaded.entries.length === 1 ? 'y' : 'ies'}` };
  }
  const st = decodeState(input);
  // The mount count ends the detail: `nydus failover` logs "(pid P, B bytes, <detail>)" and
  // scripts (e2e 06) look for "N mount(s))" there.
  return { count: st.mounts.length, detail: `connection ${st.connectionId}, ${st.mounts.length} mount(s)` };
}
