// The blob cache entries of a blobcache daemon, persisted in its state directory so they come
// back after a restart, a crash or an upgrade: `<state dir>/<id>.blobs.json`, entries keyed
// `<domain_id>/<id>` with the entry's JSON text as value (the form the reference keeps in its
// upgrade state, api.md §4.8). Writes are atomic (temp file, fsync, rename); a file that does
// not validate is set aside as `<file>.corrupt-<time>` and never half-trusted.
import { open, readFile, rename, mkdir, rm } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import type { BlobCacheEntry } from '../../generated/types.js';
import { validateBlobCacheEntry } from '../../generated/validate.js';

export const ENTRY_STORE_FORMAT = 'nydus-service-blob-entries';
export const ENTRY_STORE_VERSION = 1;
/** Refuse to load absurd files (a state file holds JSON texts of entries; 64 MiB is far beyond any real one). */
const MAX_STORE_BYTES = 64 << 20;

export interface EntryStoreLoad {
  /** Entries in the order they were added, with their keys. */
  entries: Array<{ key: string; entry: BlobCacheEntry }>;
  /** Problems found (the whole file, or single entries that were dropped). */
  problems: string[];
}

/** The file of a daemon's entries. */
export function entryStorePath(stateDir: string, id: string): string {
  return join(stateDir, `${id}.blobs.json`);
}

/** Parses and validates one state document: `{format, version, entries: {key: text}}`. */
export function parseEntryStore(text: string): EntryStoreLoad {
  const doc = JSON.parse(text) as unknown;
  if (typeof doc !== 'object' || doc === null || Array.isArray(doc)) throw new Error('not a JSON object');
  const d = doc as Record<string, unknown>;
  if (d.format !== ENTRY_STORE_FORMAT) throw new Error(`format is ${JSON.stringify(d.format)}, expected "${ENTRY_STORE_FORMAT}"`);
  if (d.version !== ENTRY_STORE_VERSION) throw new Error(`version ${JSON.stringify(d.version)} is not supported (this release reads ${ENTRY_STORE_VERSION})`);
  const map = d.entries;
  if (typeof map !== 'object' || map === null || Array.isArray(map)) throw new Error('"entries" is not an object');
  const out: EntryStoreLoad = { entries: [], problems: [] };
  for (const [key, value] of Object.entries(map as Record<string, unknown>)) {
    try {
      if (typeof value !== 'string') throw new Error('the value is not the JSON text of an entry');
      const entry = JSON.parse(value) as unknown;
      if (!validateBlobCacheEntry(entry)) throw new Error('not a valid blob cache entry');
      const e = entry as BlobCacheEntry;
      const expected = `${e.domain_id ?? ''}/${e.id}`;
      if (key !== expected) throw new Error(`key does not match the entry (expected ${expected})`);
      out.entries.push({ key, entry: e });
    } catch (err) {
      out.problems.push(`entry ${JSON.stringify(key)}: ${(err as Error).message}`);
    }
  }
  return out;
}

/** Renders the state document of `entries` (key -> entry JSON text). */
export function renderEntryStore(entries: Record<string, string>): string {
  return `${JSON.stringify({ format: ENTRY_STORE_FORMAT, version: ENTRY_STORE_VERSION, entries }, null, 2)}\n`;
}

export class BlobEntryStore {
  private writing: Promise<void> = Promise.resolve();

  constructor(readonly file: string) {}

  /** Loads the entries; a missing file is an empty store; an invalid one is set aside and reported. */
  async load(): Promise<EntryStoreLoad> {
    let text: string;
    try {
      const fh = await open(this.file, 'r');
      try {
        const { size } = await fh.stat();
        if (size > MAX_STORE_BYTES) throw Object.assign(new Error(`${size} bytes, more than ${MAX_STORE_BYTES}`), { code: 'EFBIG' });
        text = await fh.readFile('utf8');
      } finally {
        await fh.close();
      }
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code === 'ENOENT') return { entries: [], problems: [] };
      if ((err as NodeJS.ErrnoException).code !== 'EFBIG') throw err;
      return this.setAside((err as Error).message);
    }
    try {
      return parseEntryStore(text);
    } catch (err) {
      return this.setAside((err as Error).message);
    }
  }

  private async setAside(reason: string): Promise<EntryStoreLoad> {
    const aside = `${this.file}.corrupt-${Date.now()}`;
    await rename(this.file, aside).catch(() => undefined);
    return { entries: [], problems: [`${this.file}: ${reason}; set aside as ${aside}, starting without stored entries`] };
  }

  /** Writes the entries atomically; writes are serialised (the last one wins). */
  save(entries: Record<string, string>): Promise<void> {
    const text = renderEntryStore(entries);
    const run = async () => {
      await mkdir(dirname(this.file), { recursive: true });
      const tmp = `${this.file}.tmp-${process.pid}`;
      const fh = await open(tmp, 'w', 0o600);
      try {
        await fh.writeFile(text, 'utf8');
        await fh.sync();
      } finally {
        await fh.close();
      }
      try {
        await rename(tmp, this.file);
      } catch (err) {
        await rm(tmp, { force: true });
        throw err;
      }
    };
    const next = this.writing.then(run, run);
    this.writing = next.catch(() => undefined);
    return next;
  }

  /** Reads the current document as it is on disk (for tests and inspection). */
  async raw(): Promise<string | null> {
    return readFile(this.file, 'utf8').catch(() => null);
  }
}
