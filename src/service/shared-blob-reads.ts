// SharedBlobReads: the host-wide shared blob read service of the blob cache daemon (service
// layer). Ranged reads of a blob's backend bytes are answered from a BlobRangeStore; misses go
// to the blob's real backend in merged ranged reads, and concurrent misses on the same blocks
// coalesce into one backend read. Served to FUSE daemons over a Unix socket in the http-proxy
// backend's protocol (./blob-read-server.ts) and to in-process users as a BlobBackend.
import type { BlobMetrics } from '../../generated/types.js';
import type { BlobBackend, ReadOptions } from '../storage/backend.js';
import { BackendError, unknownRuntimeKey, type LogFn } from '../storage/errors.js';
import { BlobReadServer, type BlobReadServerOptions } from './blob-read-server.js';
import { BlobRangeStore, RANGE_BLOCK_SHIFT, RANGE_BLOCK_SIZE, blobIdProblem } from './blob-range-store.js';

/** Where a blob's bytes come from and where its cache files live. */
export interface BlobSource {
  backend: BlobBackend;
  workDir: string;
}

/** The blob's source, or null for a blob this host does not serve. */
export type BlobResolver = (blobId: string) => BlobSource | null;

export interface SharedBlobReadsOptions {
  resolve: BlobResolver;
  log?: LogFn;
  /** The blob meant by a request without an id (nydusd's unix-socket client asks for "/"), or null when there is no single one. */
  soleBlob?: () => string | null;
  /** Largest single backend read in bytes (default 4 MiB; rounded down to whole 4 KiB blocks). */
  maxFetchBytes?: number;
}

/**
 * Per-blob counters (bytes are backend bytes: stored/compressed bytes as the backend serves
 * them), declared in schema/api/blob-metrics.schema.json as BlobMetrics.shared.
 */
export type BlobReadMetrics = NonNullable<BlobMetrics['shared']>;

export const DEFAULT_MAX_FETCH_BYTES = 4 << 20;

/** A backend read of blocks [start, end) in flight; `done` settles after its bytes are stored (or it failed). */
interface Fetch {
  start: number;
  end: number;
  done: Promise<void>;
}

interface BlobState {
  id: string;
  store: BlobRangeStore;
  inflight: Set<Fetch>;
  m: Omit<BlobReadMetrics, 'ready_bytes' | 'size' | 'all_ready' | 'in_flight'>;
}

export class SharedBlobReads {
  private readonly log: LogFn;
  private readonly maxFetchBlocks: number;
  /** Opening states (size, store), shared by concurrent first readers; a failed open is dropped so a later read retries. */
  private readonly opening = new Map<string, Promise<BlobState>>();
  private readonly states = new Map<string, BlobState>();
  private readonly servers = new Set<BlobReadServer>();
  private closing: Promise<void> | null = null;

  constructor(private readonly opts: SharedBlobReadsOptions) {
    this.log = opts.log ?? (() => undefined);
    this.maxFetchBlocks = Math.max(1, Math.floor((opts.maxFetchBytes ?? DEFAULT_MAX_FETCH_BYTES) / RANGE_BLOCK_SIZE));
  }

  /** Whether the blob is resolvable now (a valid id the resolver knows). */
  known(blobId: string, resolve: BlobResolver = this.opts.resolve): boolean {
    return blobIdProblem(blobId) === null && resolve(blobId) !== null;
  }

  soleBlob(): string | null {
    return this.opts.soleBlob?.() ?? null;
  }

  /** Blob size: recorded by its range map, else the backend's blobSize() once per blob (coalesced). */
  async size(blobId: string, resolve: BlobResolver = this.opts.resolve): Promise<number> {
    try {
      return (await this.state(blobId, resolve)).st.store.size;
    } catch (err) {
      throw asBackendError(blobId, err);
    }
  }

  /** Exactly `length` backend bytes at `offset`; missing blocks are fetched (once, however many ask) and stored first. */
  async read(blobId: string, offset: number, length: number, prefetch = false, resolve: BlobResolver = this.opts.resolve): Promise<Buffer> {
    try {
      return await this.doRead(blobId, offset, length, prefetch, resolve);
    } catch (err) {
      throw asBackendError(blobId, err);
    }
  }

  private async doRead(blobId: string, offset: number, length: number, prefetch: boolean, resolve: BlobResolver): Promise<Buffer> {
    const { st, src } = await this.state(blobId, resolve);
    const size = st.store.size;
    if (!Number.isSafeInteger(offset) || !Number.isSafeInteger(length) || offset < 0 || length < 0 || offset + length > size) {
      throw new BackendError('EIO', `blob ${blobId}: range ${offset}+${length} is outside the ${size}-byte blob`);
    }
    st.m.served_reads++;
    const missing = st.store.missing(offset, length).reduce((n, [o, l]) => n + Math.min(o + l, offset + length) - Math.max(o, offset), 0);
    await this.fill(st, src, offset, length, prefetch);
    const buf = await st.store.read(offset, length);
    st.m.served_bytes += length;
    st.m.cache_hit_bytes += length - missing;
    return buf;
  }

  metrics(blobId: string): BlobReadMetrics | null;
  metrics(): Record<string, BlobReadMetrics>;
  metrics(blobId?: string): BlobReadMetrics | null | Record<string, BlobReadMetrics> {
    const of = (st: BlobState): BlobReadMetrics => ({
      ...st.m, ready_bytes: st.store.readyBytes(), size: st.store.size, all_ready: st.store.allReady(), in_flight: st.inflight.size,
    });
    if (blobId !== undefined) {
      const st = this.states.get(blobId);
      return st ? of(st) : null;
    }
    return Object.fromEntries([...this.states].map(([id, st]) => [id, of(st)]));
  }

  /**
   * A BlobBackend whose reads and sizes go through this cache (so warming fills the shared
   * store), resolving blobs with `resolve` (default: the service's resolver). Its close() only
   * stops the view; the blobs' own backends stay open.
   */
  backendFor(resolve: BlobResolver = this.opts.resolve): BlobBackend {
    let closed = false;
    const gone = () => Promise.reject(new BackendError('EIO', 'shared blob reads view closed'));
    return {
      type: 'http-proxy',
      blobSize: (blobId: string) => (closed ? gone() : this.size(blobId, resolve)),
      read: (blobId: string, offset: number, length: number, options: ReadOptions = {}) => (closed ? gone() : this.read(blobId, offset, length, options.prefetch ?? false, resolve)),
      setRuntime: (key: string) => {
        throw unknownRuntimeKey('shared blob reads', key);
      },
      close: () => {
        closed = true;
      },
    };
  }

  /** Serves the blobs on a Unix socket (http-proxy backend protocol); a stale socket file is replaced, a live one is EADDRINUSE. */
  async listen(socketPath: string, options: BlobReadServerOptions = {}): Promise<void> {
    const server = this.newServer();
    try {
      await server.listen(socketPath, options);
    } catch (err) {
      this.servers.delete(server);
      throw err;
    }
  }

  /** Serves the blobs on an already listening socket fd (handed over by a predecessor). */
  async listenFd(fd: number): Promise<void> {
    const server = this.newServer();
    try {
      await server.listenFd(fd);
    } catch (err) {
      this.servers.delete(server);
      throw err;
    }
  }

  /**
   * Drops a blob's state (the manager removed the blob, or changed its source: a state keeps
   * the work dir it was opened in): waits for its fetches, closes its store; cache files stay.
   */
  async forget(blobId: string): Promise<void> {
    const p = this.opening.get(blobId);
    this.opening.delete(blobId);
    const st = this.states.get(blobId) ?? (await p?.catch(() => undefined));
    this.states.delete(blobId);
    if (st) await this.closeState(st);
  }

  /** Closes servers (ending their connections), waits for fetches in flight to settle, closes the stores. */
  close(): Promise<void> {
    this.closing ??= (async () => {
      await Promise.allSettled([...this.servers].map((s) => s.close()));
      this.servers.clear();
      const states = await Promise.allSettled([...this.opening.values()]);
      await Promise.allSettled(states.map((r) => (r.status === 'fulfilled' ? this.closeState(r.value) : undefined)));
      this.opening.clear();
      this.states.clear();
    })();
    return this.closing;
  }

  private newServer(): BlobReadServer {
    if (this.closing) throw new BackendError('EIO', 'shared blob reads: closed');
    const server = new BlobReadServer(this, this.log);
    this.servers.add(server);
    return server;
  }

  private async closeState(st: BlobState): Promise<void> {
    await Promise.allSettled([...st.inflight].map((f) => f.done));
    await st.store.close();
  }

  private async state(blobId: string, resolve: BlobResolver): Promise<{ st: BlobState; src: BlobSource }> {
    if (this.closing) throw new BackendError('EIO', `blob ${blobId}: shared blob reads closed`);
    const problem = blobIdProblem(blobId);
    if (problem) throw new BackendError('EIO', `blob ${blobId}: ${problem}`);
    const src = resolve(blobId);
    if (!src) throw new BackendError('ENOENT', `blob ${blobId} is not served by this blob cache`);
    let p = this.opening.get(blobId);
    if (!p) {
      const opened = this.openState(blobId, src);
      this.opening.set(blobId, opened);
      opened.catch(() => {
        if (this.opening.get(blobId) === opened) this.opening.delete(blobId);
      });
      p = opened;
    }
    return { st: await p, src };
  }

  private async openState(id: string, src: BlobSource): Promise<BlobState> {
    const size = (await BlobRangeStore.recordedSize(src.workDir, id)) ?? (await src.backend.blobSize(id));
    const store = await BlobRangeStore.open(src.workDir, id, size, this.log);
    const st: BlobState = { id, store, inflight: new Set(), m: { backend_reads: 0, backend_bytes: 0, served_reads: 0, served_bytes: 0, cache_hit_bytes: 0 } };
    this.states.set(id, st);
    return st;
  }

  /**
   * Makes [offset, offset + length) cached: fetches the missing blocks nobody is fetching,
   * waits for the ones in flight. A failed fetch of ours rejects; a failed fetch we only waited
   * for is retried by us once (its owner may have asked with fewer attempts, as prefetch).
   */
  private async fill(st: BlobState, src: BlobSource, offset: number, length: number, prefetch: boolean): Promise<void> {
    let othersFailed = 0;
    for (;;) {
      const { own, waits } = this.plan(st, offset, length);
      if (own.length === 0 && waits.length === 0) return;
      if (this.closing) throw new BackendError('EIO', `blob ${st.id}: shared blob reads closed`);
      const mine = own.map(([start, end]) => this.fetch(st, src, start, end, prefetch));
      const results = await Promise.allSettled([...mine, ...waits].map((f) => f.done));
      const ownFailure = results.slice(0, mine.length).find((r) => r.status === 'rejected');
      if (ownFailure) throw (ownFailure as PromiseRejectedResult).reason;
      const otherFailure = results.slice(mine.length).find((r) => r.status === 'rejected');
      if (otherFailure && ++othersFailed > 1) throw (otherFailure as PromiseRejectedResult).reason;
    }
  }

  /** Block runs to fetch ourselves (split at maxFetchBlocks) and fetches in flight to wait for. */
  private plan(st: BlobState, offset: number, length: number): { own: Array<[number, number]>; waits: Fetch[] } {
    const own: Array<[number, number]> = [];
    const waits = new Set<Fetch>();
    const flights = [...st.inflight].sort((a, b) => a.start - b.start);
    const take = (start: number, end: number) => {
      for (let s = start; s < end; s += this.maxFetchBlocks) own.push([s, Math.min(end, s + this.maxFetchBlocks)]);
    };
    for (const [off, len] of st.store.missing(offset, length)) {
      const end = Math.ceil((off + len) / RANGE_BLOCK_SIZE);
      let cursor = off >> RANGE_BLOCK_SHIFT;
      for (const f of flights) {
        if (f.end <= cursor || f.start >= end) continue;
        if (f.start > cursor) take(cursor, f.start);
        waits.add(f);
        cursor = f.end;
      }
      if (cursor < end) take(cursor, end);
    }
    return { own, waits: [...waits] };
  }

  /** Starts one backend read of blocks [start, end), registered in flight before any await. */
  private fetch(st: BlobState, src: BlobSource, start: number, end: number, prefetch: boolean): Fetch {
    const offset = start * RANGE_BLOCK_SIZE;
    const length = Math.min(end * RANGE_BLOCK_SIZE, st.store.size) - offset;
    st.m.backend_reads++;
    const run = async () => {
      const data = await src.backend.read(st.id, offset, length, { prefetch });
      if (data.length !== length) throw new BackendError('EIO', `blob ${st.id}: backend returned ${data.length} bytes at ${offset}, expected ${length}`);
      st.m.backend_bytes += length;
      // Bits are set only after the data is written; the fetch leaves the in-flight table after
      // that, so at every moment a block is cached, in flight, or free to fetch.
      await st.store.write(offset, data);
    };
    const f: Fetch = { start, end, done: Promise.resolve() };
    f.done = run().finally(() => st.inflight.delete(f));
    f.done.catch(() => undefined); // observed by the readers; never an unhandled rejection
    st.inflight.add(f);
    return f;
  }
}

/** Errors leave as BackendError (the BlobBackend contract); cache file failures become EIO naming the blob. */
function asBackendError(blobId: string, err: unknown): BackendError {
  if (err instanceof BackendError) return err;
  return new BackendError('EIO', `blob ${blobId}: ${err instanceof Error ? err.message : String(err)}`, { cause: err });
}
