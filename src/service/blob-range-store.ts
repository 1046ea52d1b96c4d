// BlobRangeStore: the persistent, crash-safe byte-range cache of one blob's backend bytes
// (service layer, used by SharedBlobReads). Files in a work dir: `<id>.blob.range` (sparse,
// blob bytes at their blob offsets) and `<id>.range_map`, nydusd's PersistMap "range map"
// (storage.md §4.3) with one bit per 4 KiB block. Only non-blocking fs calls (FileHandle).
import { constants, promises as fsp } from 'node:fs';
import { join } from 'node:path';
import { BackendError, type LogFn } from '../storage/errors.js';

export const RANGE_BLOCK_SHIFT = 12;
export const RANGE_BLOCK_SIZE = 1 << RANGE_BLOCK_SHIFT;

const HEADER_SIZE = 4096;
const MAGIC = 0x424d4150; // "PAMB"
const MAGIC2 = 0x434d4150; // "PAMC"
const ALL_READY = 0x4d4d4150; // "PAMM"
const VERSION = 1;
// Our extension in the reserved header bytes (nydusd writes zeros there): the blob size at 16
// (u64 LE) and the block shift at 24 (u32 LE), so a reopen never trusts a map of another blob.
const OFF_BLOB_SIZE = 16;
const OFF_SHIFT = 24;
const MAX_BLOB_ID_BYTES = 200;

/** Why `blobId` cannot name cache files, or null when it can. */
export function blobIdProblem(blobId: string): string | null {
  if (blobId === '' || blobId === '.' || blobId === '..') return `"${blobId}" is not a blob id`;
  if (blobId.includes('/') || blobId.includes('\0')) return 'a blob id must not contain "/" or NUL';
  if (Buffer.byteLength(blobId) > MAX_BLOB_ID_BYTES) return `a blob id is at most ${MAX_BLOB_ID_BYTES} bytes`;
  return null;
}

const blocksOf = (size: number) => Math.ceil(size / RANGE_BLOCK_SIZE);
const mapFileSize = (blocks: number) => HEADER_SIZE + Math.ceil(blocks / 8);
const isSet = (bits: Buffer, i: number) => (bits[i >> 3] & (0x80 >> (i & 7))) !== 0;

function header(size: number, allReady: boolean): Buffer {
  const h = Buffer.alloc(HEADER_SIZE);
  h.writeUInt32LE(MAGIC, 0);
  h.writeUInt32LE(VERSION, 4);
  h.writeUInt32LE(MAGIC2, 8);
  h.writeUInt32LE(allReady ? ALL_READY : 0, 12);
  h.writeBigUInt64LE(BigInt(size), OFF_BLOB_SIZE);
  h.writeUInt32LE(RANGE_BLOCK_SHIFT, OFF_SHIFT);
  return h;
}

/** Why a map header cannot be trusted for a blob of `size` bytes (null: it can). */
function headerProblem(h: Buffer, size: number | null): string | null {
  if (h.readUInt32LE(0) !== MAGIC || h.readUInt32LE(8) !== MAGIC2) return 'bad magic';
  if (h.readUInt32LE(4) !== VERSION) return `version ${h.readUInt32LE(4)}`;
  if (h.readUInt32LE(OFF_SHIFT) !== RANGE_BLOCK_SHIFT) return `block shift ${h.readUInt32LE(OFF_SHIFT)}, expected ${RANGE_BLOCK_SHIFT}`;
  const recorded = h.readBigUInt64LE(OFF_BLOB_SIZE);
  if (recorded > BigInt(Number.MAX_SAFE_INTEGER)) return 'recorded blob size out of range';
  if (size !== null && Number(recorded) !== size) return `recorded blob size ${recorded}, expected ${size}`;
  return null;
}

async function readFull(fh: fsp.FileHandle, buf: Buffer, position: number): Promise<number> {
  let done = 0;
  while (done < buf.length) {
    const { bytesRead } = await fh.read(buf, done, buf.length - done, position + done);
    if (bytesRead === 0) break;
    done += bytesRead;
  }
  return done;
}

async function writeFull(fh: fsp.FileHandle, buf: Buffer, position: number): Promise<void> {
  let done = 0;
  while (done < buf.length) {
    const { bytesWritten } = await fh.write(buf, done, buf.length - done, position + done);
    done += bytesWritten;
  }
}

/**
 * One blob's cache files. Safe against a process crash at any point (data is written before
 * its bits; no fsync per write, as nydusd: a power loss may lose both). One store per blob per
 * process: two processes writing the same files are not coordinated.
 */
export class BlobRangeStore {
  readonly blocks: number;
  private readyBlocks = 0;
  private closed = false;
  /** Reads and writes in progress; close() waits for them before closing the files. */
  private readonly ops = new Set<Promise<unknown>>();
  /** Map-file writes run one at a time, each from the in-memory bitmap as it is then. */
  private mapQueue: Promise<void> = Promise.resolve();
  private allReadyWritten: boolean;

  private constructor(
    readonly blobId: string,
    readonly size: number,
    private readonly data: fsp.FileHandle,
    private readonly map: fsp.FileHandle,
    /** The bitmap (the map file after its header), kept in memory; bits are only ever set. */
    private readonly bits: Buffer,
    allReady: boolean,
  ) {
    this.blocks = blocksOf(size);
    for (let i = 0; i < this.blocks; i++) if (isSet(bits, i)) this.readyBlocks++;
    this.allReadyWritten = allReady;
  }

  static dataPath(workDir: string, blobId: string): string {
    return join(workDir, `${blobId}.blob.range`);
  }

  static mapPath(workDir: string, blobId: string): string {
    return join(workDir, `${blobId}.range_map`);
  }

  /** The blob size a valid existing map records (so a reopen needs no HEAD), or null. */
  static async recordedSize(workDir: string, blobId: string): Promise<number | null> {
    if (blobIdProblem(blobId)) return null;
    let fh: fsp.FileHandle;
    try {
      fh = await fsp.open(BlobRangeStore.mapPath(workDir, blobId), 'r');
    } catch {
      return null;
    }
    try {
      const h = Buffer.alloc(HEADER_SIZE);
      if ((await readFull(fh, h, 0)) < HEADER_SIZE || headerProblem(h, null)) return null;
      const size = Number(h.readBigUInt64LE(OFF_BLOB_SIZE));
      return (await fh.stat()).size === mapFileSize(blocksOf(size)) ? size : null;
    } finally {
      await fh.close();
    }
  }

  /**
   * Opens (or creates) the store of a blob of `size` bytes. A map that does not validate (size,
   * magic, version, recorded blob size) or whose data file is missing or of another size is
   * discarded and recreated (logged): its bits would vouch for bytes nobody checked.
   */
  static async open(workDir: string, blobId: string, size: number, log?: LogFn): Promise<BlobRangeStore> {
    const problem = blobIdProblem(blobId);
    if (problem) throw new BackendError('EIO', `blob range store: ${problem}`);
    if (!Number.isSafeInteger(size) || size < 0) throw new BackendError('EIO', `blob range store ${blobId}: invalid blob size ${size}`);
    await fsp.mkdir(workDir, { recursive: true });
    const flags = constants.O_RDWR | constants.O_CREAT;
    const data = await fsp.open(BlobRangeStore.dataPath(workDir, blobId), flags, 0o600);
    let map: fsp.FileHandle | null = null;
    try {
      map = await fsp.open(BlobRangeStore.mapPath(workDir, blobId), flags, 0o600);
      const dataSize = (await data.stat()).size;
      const expected = mapFileSize(blocksOf(size));
      const mapSize = (await map.stat()).size;
      let why: string | null = null;
      const h = Buffer.alloc(HEADER_SIZE);
      if (mapSize === 0) why = null;
      else if (mapSize !== expected) why = `map has ${mapSize} bytes, expected ${expected}`;
      else if ((await readFull(map, h, 0)) < HEADER_SIZE) why = 'short header';
      else if ((why = headerProblem(h, size)) === null && dataSize !== size) why = `data file has ${dataSize} bytes, expected ${size}`;
      const fresh = mapSize === 0 || why !== null;
      if (why) log?.('warn', `blob range store ${blobId}: discarding ${BlobRangeStore.mapPath(workDir, blobId)} (${why}); its blocks will be fetched again`);
      if (dataSize !== size) await data.truncate(size);
      const bits = Buffer.alloc(expected - HEADER_SIZE);
      let allReady = false;
      if (fresh) {
        // Zero-filled size first, then the header: a crash in between leaves a map whose
        // header does not validate, so it is recreated next time.
        await map.truncate(0);
        await map.truncate(expected);
        await writeFull(map, header(size, false), 0);
      } else {
        await readFull(map, bits, HEADER_SIZE);
        allReady = h.readUInt32LE(12) === ALL_READY;
        if (allReady) for (let i = 0; i < blocksOf(size); i++) bits[i >> 3] |= 0x80 >> (i & 7);
      }
      const store = new BlobRangeStore(blobId, size, data, map, bits, allReady);
      if (!allReady && store.allReady()) store.queueMapWrite(0, 0);
      return store;
    } catch (err) {
      await Promise.allSettled([data.close(), map?.close()]);
      throw new BackendError('EIO', `blob range store ${blobId} in ${workDir}: ${(err as Error).message}`, { cause: err });
    }
  }

  /** Not-yet-cached byte ranges of [offset, offset + length), block-aligned and merged, clipped to the blob. */
  missing(offset: number, length: number): Array<[number, number]> {
    const out: Array<[number, number]> = [];
    const end = Math.min(this.size, offset + length);
    if (offset >= end) return out;
    const last = blocksOf(end);
    for (let i = offset >> RANGE_BLOCK_SHIFT; i < last; i++) {
      if (isSet(this.bits, i)) continue;
      const start = i * RANGE_BLOCK_SIZE;
      const stop = Math.min(this.size, start + RANGE_BLOCK_SIZE);
      const prev = out[out.length - 1];
      if (prev && prev[0] + prev[1] === start) prev[1] += stop - start;
      else out.push([start, stop - start]);
    }
    return out;
  }

  /**
   * Stores whole blocks at a block-aligned offset (the last block of the blob may be partial).
   * The data is written first, then the blocks count as cached and their map bits are queued:
   * a kill at any point never leaves a bit set for bytes that were not written.
   */
  write(offset: number, buf: Buffer): Promise<void> {
    return this.track(() => this.doWrite(offset, buf));
  }

  private async doWrite(offset: number, buf: Buffer): Promise<void> {
    const end = offset + buf.length;
    if (offset % RANGE_BLOCK_SIZE !== 0 || end > this.size || (buf.length % RANGE_BLOCK_SIZE !== 0 && end !== this.size)) {
      throw new BackendError('EIO', `blob range store ${this.blobId}: write of ${buf.length} bytes at ${offset} is not whole blocks of a ${this.size}-byte blob`);
    }
    if (buf.length === 0) return;
    await writeFull(this.data, buf, offset);
    const first = offset >> RANGE_BLOCK_SHIFT;
    const last = blocksOf(end);
    for (let i = first; i < last; i++) {
      if (isSet(this.bits, i)) continue;
      this.bits[i >> 3] |= 0x80 >> (i & 7);
      this.readyBlocks++;
    }
    await this.queueMapWrite(first >> 3, ((last - 1) >> 3) + 1);
  }

  /** Exactly `length` cached bytes at `offset`; rejects when any of them is not cached. */
  read(offset: number, length: number): Promise<Buffer> {
    return this.track(() => this.doRead(offset, length));
  }

  private async doRead(offset: number, length: number): Promise<Buffer> {
    if (offset < 0 || length < 0 || offset + length > this.size) {
      throw new BackendError('EIO', `blob range store ${this.blobId}: read of ${length} bytes at ${offset} is outside the ${this.size}-byte blob`);
    }
    if (this.missing(offset, length).length > 0) throw new BackendError('EIO', `blob range store ${this.blobId}: bytes ${offset}+${length} are not all cached`);
    const buf = Buffer.allocUnsafe(length);
    const got = await readFull(this.data, buf, offset);
    if (got !== length) throw new BackendError('EIO', `blob range store ${this.blobId}: data file ended at ${offset + got}, expected ${offset + length}`);
    return buf;
  }

  readyBytes(): number {
    if (this.blocks === 0) return 0;
    const tail = this.size - (this.blocks - 1) * RANGE_BLOCK_SIZE;
    return this.readyBlocks * RANGE_BLOCK_SIZE - (isSet(this.bits, this.blocks - 1) ? RANGE_BLOCK_SIZE - tail : 0);
  }

  allReady(): boolean {
    return this.readyBlocks >= this.blocks;
  }

  /** Waits for queued map writes, syncs both files and closes them. */
  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    await Promise.allSettled([...this.ops]);
    await this.mapQueue;
    // Data before map, as on every write (a power loss must not keep bits of lost data).
    await this.data.datasync().catch(() => undefined);
    await this.map.datasync().catch(() => undefined);
    await Promise.allSettled([this.data.close(), this.map.close()]);
  }

  /** Writes bitmap bytes [from, to) and, once every block is cached, the all_ready marker. */
  private queueMapWrite(from: number, to: number): Promise<void> {
    const run = async () => {
      if (to > from) await writeFull(this.map, this.bits.subarray(from, to), HEADER_SIZE + from);
      if (this.allReady() && !this.allReadyWritten) {
        this.allReadyWritten = true;
        await writeFull(this.map, header(this.size, true).subarray(12, 16), 12);
      }
    };
    const next = this.mapQueue.then(run);
    this.mapQueue = next.catch(() => undefined);
    return next;
  }

  private track<T>(op: () => Promise<T>): Promise<T> {
    if (this.closed) return Promise.reject(new BackendError('EIO', `blob range store ${this.blobId}: closed`));
    const p = op();
    this.ops.add(p);
    void p.finally(() => this.ops.delete(p)).catch(() => undefined);
    return p;
  }
}
