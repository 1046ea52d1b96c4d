// BlobCacheController: the blob cache daemon (`nydus blobcache`, nydusd `singleton`; spec
// daemon.md §1.6, §2.6, §6, api.md §4.8). Holds the BlobCacheManager, serves the API (v2 blobs,
// daemon info, metrics), persists the entries in the state directory, optionally answers ranged
// blob reads for the whole host on --shared-sock (the http-proxy backend's protocol), and hands
// its entries to a successor on hot upgrade. With --fscache (`nydus fscache`) it is also the
// fscache daemon: a native cachefiles on-demand session serves the kernel's EROFS mounts of the
// entries, and the /dev/cachefiles fd goes to the supervisor (§5.8). Control path.
import { closeSync, existsSync, openSync, realpathSync, statSync } from 'node:fs';
import { resolve } from 'node:path';
import { blobcacheOptionsToArgs } from '../../generated/daemon-options.js';
import type { BlobCacheEntry, BlobcacheDaemonOptions, BlobMetrics, DaemonInfo, MountCmd } from '../../generated/types.js';
import { validateBlobCacheList } from '../../generated/validate.js';
import { prepareBlobEntry, readConfigText, redactSecrets, type PreparedBlobEntry } from '../config/index.js';
import { ConfigError, NydusError } from '../errors.js';
import { CachefilesSession } from '../native/cachefiles.js';
import { closeFd, receiveStateFd, sendStateFd } from '../native/supervisor.js';
import { BlobCacheError, BlobCacheManager, recordKey, type FscacheObject } from '../service/blob-cache-manager.js';
import { BlobEntryStore, entryStorePath, parseEntryStore, renderEntryStore } from '../service/blob-entry-store.js';
import { SharedBlobReads } from '../service/shared-blob-reads.js';
import { resolveStateDir } from '../upgrade/records.js';
import { failures } from './api/errors.js';
import type { DaemonApiHandler } from './api/handler.js';
import { startApiServer } from './api/server.js';
import { DaemonBase, restartCommand, socketAlive, type BaseHooks } from './daemon-base.js';
import { Logger } from './log.js';
import { applyNofileLimit } from './rlimit.js';
import type { DaemonAction } from './state-machine.js';
import { buildInfo } from './version.js';

/** Name of the daemon's files in the state dir when it runs without --id. */
export const DEFAULT_BLOBCACHE_ID = 'blobcache';

export interface BlobCacheHooks extends BaseHooks {
  log?: Logger;
}

/** Per-blob metrics (schema/api/blob-metrics.schema.json). */
export type { BlobMetrics } from '../../generated/types.js';

export class BlobCacheController extends DaemonBase implements DaemonApiHandler {
  readonly manager: BlobCacheManager;
  readonly shared: SharedBlobReads;
  readonly store: BlobEntryStore;
  private sharedListening = false;
  /** The cachefiles on-demand session (--fscache), once bound or taken over. */
  private session: CachefilesSession | null = null;
  /** Canonical --fscache directory. */
  private fscacheDir: string | null = null;
  /** What the session serves: key -> the bootstrap path or image it was registered with. */
  private readonly registered = new Map<string, unknown>();

  private constructor(
    readonly options: BlobcacheDaemonOptions,
    hooks: BlobCacheHooks,
  ) {
    super(options, hooks.log ?? new Logger(options.logLevel, options.logFile, options.logRotationSize), hooks);
    const log = (level: 'error' | 'warn' | 'info' | 'debug', message: string) => this.log[level](message);
    this.shared = new SharedBlobReads({
      resolve: (blobId: string) => this.manager.resolve(blobId),
      soleBlob: () => {
        const ids = this.manager.networkBlobIds();
        return ids.length === 1 ? ids[0] : null;
      },
      log,
    });
    this.manager = new BlobCacheManager({
      log,
      // With a shared socket, warming reads through the shared store: a chunk fetched once
      // serves every client. Without one, the store would only double the disk used.
      warmingSource: options.sharedSock ? () => this.shared.backendFor() : undefined,
      blobReleased: (blobId) => void this.shared.forget(blobId).catch((err: Error) => this.log.warn(`shared reads of ${blobId}: ${err.message}`)),
      fscacheObjects: options.fscache !== undefined,
    });
    this.store = new BlobEntryStore(entryStorePath(resolveStateDir(options.stateDir), options.id ?? DEFAULT_BLOBCACHE_ID));
    // PUT /api/v1/config?id=<domain>/<id> reaches that entry's backend (registry_auth, proxy_url).
    this.runtime.onChange((id, key, value) => {
      if (key === 'dragonfly_scheduler_endpoint') return;
      try {
        if (!this.manager.setRuntime(id, key, value)) return;
        this.log.info(`backend of ${id}: ${key} updated`);
      } catch (err) {
        this.log.warn(`backend of ${id}: cannot apply ${key}: ${(err as Error).message}`);
      }
    });
  }

  /**
   * Starts the daemon: entries from the state dir, then those of --config ("blobs", §1.6; the
   * first failure aborts start-up), the API, the shared read socket; RUNNING. With --upgrade it
   * parks in INIT and takes the entries from its predecessor (takeover).
   */
  static async start(options: BlobcacheDaemonOptions, hooks: BlobCacheHooks = {}): Promise<BlobCacheController> {
    const c = new BlobCacheController(options, hooks);
    return DaemonBase.launch(
      c,
      () => c.boot(),
      async () => {
        await c.session?.release().catch(() => undefined);
        c.session = null;
        c.manager.close();
        await c.shared.close().catch(() => undefined);
        await c.api?.close().catch(() => undefined);
      },
    );
  }

  private async boot(): Promise<void> {
    const o = this.options;
    this.log.info(`nydus ${o.fscache ? 'fscache' : 'blobcache'} ${buildInfo().package_ver} (${buildInfo().git_commit}) starting, node ${process.version}`);
    const nofile = applyNofileLimit(o.rlimitNofile, (m) => this.log.warn(m));
    if (nofile !== undefined) this.log.debug(`RLIMIT_NOFILE set to ${nofile}`);
    const configured = await this.configuredEntries();
    let park = o.upgrade === true;
    if (o.fscache) {
      this.fscacheDir = canonicalDir(o.fscache);
      if (!park) park = await this.bindCache();
    }
    if (!park) {
      await this.restoreStoredEntries();
      for (const entry of configured) {
        const key = recordKey(entry.domain_id ?? '', entry.id);
        if (this.manager.has(entry.domain_id ?? '', entry.id)) {
          this.log.info(`--config entry ${key} is registered already (restored from the state dir)`);
          continue;
        }
        try {
          this.addEntry(prepareBlobEntry(entry));
        } catch (err) {
          throw new NydusError('EINVAL', `cannot register blob cache entry ${key} of ${o.config}: ${(err as Error).message}`, 1);
        }
      }
      this.syncObjects();
      await this.persist();
      await this.machine.send('Mount');
      await this.machine.send('Start');
    }
    await this.saveRecord();
    if (o.apiSock) {
      try {
        this.api = await startApiServer(o.apiSock, this, this.log);
      } catch (err) {
        throw new NydusError('EIO', `cannot serve the API on ${o.apiSock}: ${(err as Error).message}`, 1);
      }
    }
    this.log.info(`daemon ${this.state}: ${this.manager.size} blob cache entr${this.manager.size === 1 ? 'y' : 'ies'}`);
  }

  /**
   * Opens /dev/cachefiles and binds the cache (`dir`, `tag`, `bind ondemand`). True when a
   * crashed predecessor is detected instead (§5.3: the device is busy and the API socket file
   * is residual): the daemon then parks in INIT for a takeover. Any other failure ends start-up.
   */
  private async bindCache(): Promise<boolean> {
    const o = this.options;
    try {
      this.session = this.openSession({ dir: this.fscacheDir as string });
      this.log.info(`fscache: cache bound on ${this.fscacheDir}${o.fscacheTag ? ` (tag ${o.fscacheTag})` : ''}, ${o.fscacheThreads ?? 4} worker(s)`);
      return false;
    } catch (err) {
      const code = (err as NodeJS.ErrnoException).code;
      if (code === 'EBUSY' && o.apiSock && existsSync(o.apiSock) && !(await socketAlive(o.apiSock))) {
        this.log.warn(`crashed predecessor detected (/dev/cachefiles busy, dead API socket ${o.apiSock}): waiting in INIT for a takeover`);
        return true;
      }
      const why =
        code === 'EBUSY'
          ? 'another daemon is running (the cachefiles device is open)'
          : code === 'ENOENT'
            ? 'the kernel has no cachefiles device (CONFIG_CACHEFILES)'
            : code === 'EINVAL'
              ? 'the kernel refused on-demand mode (CONFIG_CACHEFILES_ONDEMAND) or the cache directory'
              : (err as Error).message;
      throw new NydusError(code ?? 'EIO', `cannot start the fscache service on ${this.fscacheDir}: ${why}${why === (err as Error).message ? '' : ` (${(err as Error).message})`}`, 1);
    }
  }

  /** A cachefiles session with this daemon's tag, threads and log; `fd` + restore for a takeover. */
  private openSession(extra: { dir: string; fd?: number; restore?: boolean }): CachefilesSession {
    const o = this.options;
    const session = CachefilesSession.open({ ...extra, tag: o.fscacheTag, threads: o.fscacheThreads ?? 4 });
    session.onLog((level, message) => this.log[level](message));
    return session;
  }

  /**
   * Makes the session serve exactly the manager's entries: new or changed objects registered,
   * gone ones unregistered (objects the kernel holds open keep being served until CLOSE).
   */
  private syncObjects(): void {
    const session = this.session;
    if (!session) return;
    const wanted = new Map<string, FscacheObject>(this.manager.fscacheObjects().map((x) => [x.key, x]));
    for (const key of [...this.registered.keys()]) {
      if (wanted.has(key)) continue;
      session.unregister(key);
      this.registered.delete(key);
    }
    for (const [key, x] of wanted) {
      const identity = x.kind === 'bootstrap' ? x.bootstrap : x.image;
      if (this.registered.get(key) === identity) continue;
      try {
        if (x.kind === 'bootstrap') session.registerBootstrap(x.domainId, x.fsid, x.bootstrap);
        else session.registerBlob(x.domainId, x.blobId, x.image, undefined, { prefetch: x.prefetch, batchSize: x.batchSize });
        this.registered.set(key, identity);
      } catch (err) {
        this.log.error(`fscache: cannot serve ${key}: ${(err as Error).message}`);
      }
    }
  }

  /** The "blobs" of --config (§1.6): invalid JSON is a start-up error, a "blobs" that does not parse is ignored. */
  private async configuredEntries(): Promise<BlobCacheEntry[]> {
    const o = this.options;
    let doc: unknown = o.configDocument;
    if (doc === undefined && o.config) {
      const text = await readConfigText(o.config);
      try {
        doc = JSON.parse(text);
      } catch (err) {
        throw new NydusError('EINVAL', `invalid configuration file ${o.config}: ${(err as Error).message}`, 1);
      }
    }
    if (typeof doc !== 'object' || doc === null || !('blobs' in doc)) return [];
    if (!validateBlobCacheList(doc)) {
      this.log.warn(`the "blobs" of ${o.config ?? 'the configuration document'} is not a blob cache list; ignored`);
      return [];
    }
    return (doc as { blobs: BlobCacheEntry[] }).blobs;
  }

  /** Entries persisted by an earlier run; one that no longer adds (bootstrap gone, ...) is dropped with a warning. */
  private async restoreStoredEntries(): Promise<void> {
    let loaded;
    try {
      loaded = await this.store.load();
    } catch (err) {
      throw new NydusError('EIO', `cannot read the stored blob cache entries ${this.store.file}: ${(err as Error).message}`, 1);
    }
    for (const p of loaded.problems) this.log.warn(`stored blob cache entries: ${p}`);
    this.restoreEntries(loaded.entries.map((e) => e.entry), 'the state dir');
  }

  private restoreEntries(entries: BlobCacheEntry[], from: string): number {
    let n = 0;
    for (const entry of entries) {
      const key = recordKey(entry.domain_id ?? '', entry.id);
      try {
        this.addEntry(prepareBlobEntry(entry));
        n++;
      } catch (err) {
        this.log.warn(`blob cache entry ${key} from ${from} not restored: ${(err as Error).message}`);
      }
    }
    if (entries.length) this.log.info(`restored ${n} of ${entries.length} blob cache entr${entries.length === 1 ? 'y' : 'ies'} from ${from}`);
    return n;
  }

  private addEntry(entry: PreparedBlobEntry): void {
    this.manager.add(entry);
    const b = entry.config_v2.backend;
    const key = recordKey(entry.domain_id ?? '', entry.id);
    if (b?.type === 'registry' && b.registry?.auth) this.runtime.register(key, 'registry_auth', b.registry.auth, true);
  }

  private async persist(): Promise<void> {
    try {
      await this.store.save(this.manager.snapshot());
    } catch (err) {
      this.log.error(`cannot persist the blob cache entries in ${this.store.file}: ${(err as Error).message}`);
    }
  }

  private commandLine(): string[] {
    const { upgrade: _upgrade, configDocument: _doc, ...rest } = this.options;
    const paths = ['config', 'apiSock', 'supervisor', 'stateDir', 'logFile', 'sharedSock', 'fscache'] as const;
    return restartCommand(this.options.fscache ? 'fscache' : 'blobcache', rest as BlobcacheDaemonOptions, paths, blobcacheOptionsToArgs);
  }

  /**
   * The record's blob cache members. The entries are listed as its mounts (mountpoint
   * `<domain>/<id>`, source the bootstrap): `nydus failover` saves the state again when they
   * change (it polls the record), so a restart after a crash gets every entry.
   */
  protected recordDetails() {
    const o = this.options;
    return {
      kind: 'blobcache' as const,
      argv: this.commandLine(),
      mountpoint: o.sharedSock ? resolve(o.sharedSock) : this.store.file,
      mounts: this.manager.list().map((e) => ({ mountpoint: recordKey(e.domain_id ?? '', e.id), source: e.config_v2?.metadata_path ?? '' })),
    };
  }

  protected async act(action: DaemonAction): Promise<void> {
    switch (action) {
      case 'None':
      case 'StopMachine':
      case 'Umount':
        return;
      case 'StartService':
        await this.startShared();
        if (this.session && !this.session.running) {
          try {
            this.session.start();
          } catch (err) {
            throw failures.daemonOther(`cannot start the fscache workers: ${(err as Error).message}`);
          }
        }
        return;
      case 'TerminateService':
        // Shared reads keep being answered until the process exits (a hot-upgrade successor
        // binds the socket only once this daemon is gone); fscache workers stop (§3.3 note).
        await this.session?.stop();
        return;
      case 'Restore':
        await this.restore();
        return;
    }
  }

  private async startShared(): Promise<void> {
    const sock = this.options.sharedSock;
    if (!sock || this.sharedListening) return;
    try {
      await this.shared.listen(sock);
    } catch (err) {
      throw failures.daemonOther(`cannot serve shared blob reads on ${sock}: ${(err as Error).message}`);
    }
    this.sharedListening = true;
    this.log.info(`serving ranged blob reads (http-proxy protocol) on ${sock}`);
  }

  /** Takeover: the predecessor's entries from the supervisor (the fd that rides along is unused). */
  private async restore(): Promise<void> {
    const o = this.options;
    if (!o.supervisor) throw failures.upgradeManager('MissingSupervisorPath: no supervisor configured (--supervisor and --id)');
    let received: { state: Buffer; fd: number };
    try {
      received = await receiveStateFd(o.supervisor);
    } catch (err) {
      throw failures.upgradeManager(`cannot receive the state from the supervisor at ${o.supervisor}: ${(err as Error).message}`);
    }
    let entries: BlobCacheEntry[];
    try {
      entries = parseEntryStore(received.state.toString('utf8')).entries.map((e) => e.entry);
    } catch (err) {
      closeFd(received.fd);
      throw failures.upgradeManager(`bad state buffer: ${(err as Error).message}`);
    }
    if (this.fscacheDir) {
      // The predecessor's /dev/cachefiles: `restore` makes the kernel re-send what it left (§5.8).
      try {
        const session = this.openSession({ dir: this.fscacheDir, fd: received.fd, restore: true });
        await this.session?.release().catch(() => undefined);
        this.session = session;
        this.registered.clear();
      } catch (err) {
        closeFd(received.fd);
        throw failures.upgradeManager(`cannot restore the fscache service on the received fd: ${(err as Error).message}`);
      }
      this.log.info('fscache: took over the cachefiles connection (restore written)');
    } else {
      closeFd(received.fd);
    }
    this.manager.removeAll();
    this.restoreEntries(entries, 'the predecessor');
    this.syncObjects();
    await this.persist();
  }

  /** After the API and the machine stopped: the shared socket closes and warming stops; entries stay on disk. */
  protected async releaseService(): Promise<void> {
    await this.shared.close().catch((err: Error) => this.log.warn(`closing the shared read service: ${err.message}`));
    // Object fds and this process's device fd close; a supervisor's copy keeps the cache bound.
    await this.session?.release().catch((err: Error) => this.log.warn(`releasing the fscache session: ${err.message}`));
    this.session = null;
    this.manager.close();
  }

  // ---- DaemonApiHandler -------------------------------------------------------------------

  daemonInfo(version: 1 | 2): DaemonInfo {
    return {
      version: buildInfo(),
      id: this.options.id ?? null,
      supervisor: this.options.supervisor ?? null,
      state: this.state,
      backend_collection: version === 1 ? {} : null,
    } as DaemonInfo;
  }

  /** GET /api/v2/daemon/backend: each entry's backend (secrets redacted). */
  backendCollection(): Record<string, unknown> {
    return Object.fromEntries(
      this.manager.list().map((e) => [recordKey(e.domain_id ?? '', e.id), { backend_type: 'BlobCache', config: redactSecrets(e.config_v2 ?? {}) }]),
    );
  }

  backendInfo(_mountpoint: string): Record<string, unknown> {
    throw failures.metricsDaemon("object or filesystem doesn't exist");
  }

  async mount(_mountpoint: string, _cmd: MountCmd): Promise<void> {
    throw failures.mountUnsupported();
  }

  async remount(_mountpoint: string, _cmd: MountCmd): Promise<void> {
    throw failures.mountUnsupported();
  }

  async umount(_mountpoint: string): Promise<void> {
    throw failures.mountUnsupported();
  }

  metrics(): never {
    throw failures.noCounter();
  }

  fileMetrics(): never {
    throw failures.noCounter();
  }

  accessPatterns(): never {
    throw failures.noCounter();
  }

  backendMetrics(): never {
    throw failures.noCounter();
  }

  /** Per data blob: `?id=<blob id or key>` one object, else the list of every blob. */
  blobcacheMetrics(id?: string): BlobMetrics | BlobMetrics[] {
    const all = this.manager.figures(id).map((f): BlobMetrics => {
      const native = this.manager.cacheMetrics(f.owner);
      return {
        ...f,
        prefetch_data_amount: native?.prefetch_data_amount ?? 0,
        prefetch_requests_count: native?.prefetch_requests_count ?? 0,
        prefetch_workers: native?.prefetch_workers ?? 0,
        prefetch_cumulative_time_millis: native?.prefetch_cumulative_time_millis ?? 0,
        shared: this.shared.metrics(f.blob_id) ?? null,
      };
    });
    if (id === undefined) return all;
    if (all.length === 0) throw failures.noCounter();
    return all[0];
  }

  inflight() {
    return null;
  }

  /**
   * Hot upgrade: the entries go to the supervisor with the /dev/cachefiles fd (fscache), else
   * with /dev/null's (an fd must ride along). An fscache daemon without a supervisor answers
   * 204 and sends nothing, as the reference does (api.md §4.11).
   */
  async sendfd(): Promise<void> {
    const supervisor = this.options.supervisor;
    if (!supervisor) {
      if (this.fscacheDir) return;
      throw failures.upgradeManager('no supervisor configured (--supervisor and --id)');
    }
    if (this.fscacheDir && (!this.session || this.session.fd < 0)) throw failures.upgradeManager('no enough fds: the fscache service holds no /dev/cachefiles fd');
    const state = Buffer.from(renderEntryStore(this.manager.snapshot()), 'utf8');
    const fd = this.session ? this.session.fd : openSync('/dev/null', 'r');
    try {
      await sendStateFd(supervisor, state, fd);
    } catch (err) {
      throw failures.upgradeManager(`cannot send the state to the supervisor at ${supervisor}: ${(err as Error).message}`);
    } finally {
      if (!this.session) closeSync(fd);
    }
    this.log.info(`state (${state.length} bytes, ${this.manager.size} entries) sent to the supervisor at ${supervisor}`);
  }

  /** PUT /api/v2/blobs: prepare (400 BadRequest), add (500), persist. */
  async putBlob(raw: unknown): Promise<void> {
    if (this.state === 'STOPPED') throw failures.channelClosed();
    let entry: PreparedBlobEntry;
    try {
      entry = prepareBlobEntry(raw as BlobCacheEntry);
    } catch (err) {
      if (err instanceof ConfigError) {
        this.log.warn(`PUT /api/v2/blobs refused: ${err.message}`);
        throw failures.badRequest();
      }
      throw err;
    }
    try {
      this.addEntry(entry);
    } catch (err) {
      if (err instanceof BlobCacheError) throw failures.daemonOther(err.message);
      throw err;
    }
    this.syncObjects();
    await this.persist();
    await this.saveRecord();
  }

  /** DELETE /api/v2/blobs. */
  async deleteBlob(domainId?: string, blobId?: string): Promise<void> {
    if (domainId === undefined) {
      // `?blob_id` alone: cull its cache files from every EROFS volume (§6.6).
      if (!this.fscacheDir || !this.session || blobId === undefined) throw failures.unsupported();
      try {
        await this.session.cull(this.fscacheDir, blobId);
      } catch (err) {
        throw failures.daemonOther(`cannot cull ${blobId} from ${this.fscacheDir}: ${(err as Error).message}`);
      }
      this.log.info(`fscache: culled the cache files of ${blobId}`);
      return;
    }
    try {
      this.manager.remove(domainId, blobId);
    } catch (err) {
      if (err instanceof BlobCacheError) throw failures.daemonOther(err.message);
      throw err;
    }
    this.syncObjects();
    await this.persist();
    await this.saveRecord();
  }

  /** GET /api/v2/blobs?domain_id=D[&blob_id=B]: the entries as a BlobCacheList (the reference aborts here). */
  listBlobs(domainId: string, blobId?: string): { blobs: BlobCacheEntry[] } {
    return { blobs: this.manager.list(domainId, blobId) };
  }
}

/** The canonical --fscache directory; a start-up failure (exit 1) when it is not a directory. */
function canonicalDir(dir: string): string {
  try {
    const canonical = realpathSync(dir);
    if (!statSync(canonical).isDirectory()) throw Object.assign(new Error('not a directory'), { code: 'ENOTDIR' });
    return canonical;
  } catch (err) {
    throw new NydusError('EINVAL', `invalid --fscache directory ${dir}: ${(err as NodeJS.ErrnoException).code ?? (err as Error).message}`, 1);
  }
}
