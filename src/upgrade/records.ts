// Upgrade layer: daemon records, one JSON file per supervised daemon in the state directory
// (<dir>/<id>.json, schema/daemon/record.schema.json). The daemon writes its own record
// (start with --id, mount changes, state changes); `nydus upgrade` and `nydus failover` read
// it to find the daemon and update it after replacing the process. Writes are atomic (temp
// file in the same directory, fsync, rename) and serialised per file within a process;
// between processes the last complete write wins.
import { closeSync, fsyncSync, mkdirSync, openSync, readFileSync, renameSync, rmSync, writeSync } from 'node:fs';
import { mkdir, open, readdir, readFile, rename, rm } from 'node:fs/promises';
import { join } from 'node:path';
import type { DaemonRecord } from '../../generated/types.js';
import { validateDaemonRecord } from '../../generated/validate.js';
import { NydusError } from '../errors.js';
import { problemsFromAjv } from '../schema/problems.js';

export type { DaemonRecord } from '../../generated/types.js';

/** Default state directory when neither --state-dir nor NYDUS_STATE_DIR is given. */
export const DEFAULT_STATE_DIR = '/run/nydus';
/** Environment variable naming the state directory. */
export const STATE_DIR_ENV = 'NYDUS_STATE_DIR';

const ID_RE = /^[A-Za-z0-9][A-Za-z0-9._-]*$/;

/** The state directory: the flag, else $NYDUS_STATE_DIR, else /run/nydus. */
export function resolveStateDir(flag?: string | null, env: NodeJS.ProcessEnv = process.env): string {
  if (flag) return flag;
  const fromEnv = env[STATE_DIR_ENV];
  return fromEnv ? fromEnv : DEFAULT_STATE_DIR;
}

function checkId(id: string): void {
  if (!ID_RE.test(id)) throw new NydusError('EINVAL', `invalid daemon id ${JSON.stringify(id)}: use letters, digits, '.', '_' and '-' (not starting with '.', '_' or '-')`, 2);
}

/** Path of a daemon's record file. */
export function recordPath(dir: string, id: string): string {
  checkId(id);
  return join(dir, `${id}.json`);
}

/** Validates a parsed record; throws NydusError naming the file. */
export function checkRecord(doc: unknown, where: string): DaemonRecord {
  if (validateDaemonRecord(doc)) return doc as DaemonRecord;
  const detail = problemsFromAjv(validateDaemonRecord.errors).map((p) => `${p.pointer || '/'}: ${p.message}`);
  throw new NydusError('EINVAL', `${where}: not a valid daemon record: ${detail.join('; ')}`, 1);
}

function parseRecord(text: string, file: string): DaemonRecord {
  let doc: unknown;
  try {
    doc = JSON.parse(text);
  } catch (err) {
    throw new NydusError('EINVAL', `${file}: not a valid daemon record: ${(err as Error).message}`, 1);
  }
  return checkRecord(doc, file);
}

/** Reads a daemon's record. Unknown id → NydusError('ENOENT', "no daemon record ...", 1). */
export async function readRecord(dir: string, id: string): Promise<DaemonRecord> {
  const file = recordPath(dir, id);
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') throw new NydusError('ENOENT', `no daemon record for id ${JSON.stringify(id)} in ${dir} (no ${id}.json; start the daemon with --id, --supervisor and --state-dir ${dir}, or set ${STATE_DIR_ENV})`, 1);
    throw new NydusError('EIO', `cannot read ${file}: ${(err as Error).message}`, 1);
  }
  return parseRecord(text, file);
}

/** Synchronous readRecord (for polling loops that must not interleave with their own writes). */
export function readRecordSync(dir: string, id: string): DaemonRecord {
  const file = recordPath(dir, id);
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') throw new NydusError('ENOENT', `no daemon record for id ${JSON.stringify(id)} in ${dir}`, 1);
    throw new NydusError('EIO', `cannot read ${file}: ${(err as Error).message}`, 1);
  }
  return parseRecord(text, file);
}

export interface RecordListing {
  records: DaemonRecord[];
  /** Files that could not be read or are not valid records. */
  problems: { file: string; message: string }[];
}

/** Every valid record in the directory, sorted by id (a missing directory lists nothing). */
export async function listRecords(dir: string): Promise<DaemonRecord[]> {
  return (await scanRecords(dir)).records;
}

/** listRecords plus the files that were skipped and why. */
export async function scanRecords(dir: string): Promise<RecordListing> {
  let names: string[];
  try {
    names = await readdir(dir);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return { records: [], problems: [] };
    throw new NydusError('EIO', `cannot list ${dir}: ${(err as Error).message}`, 1);
  }
  const out: RecordListing = { records: [], problems: [] };
  for (const name of names.sort()) {
    if (!name.endsWith('.json') || !ID_RE.test(name.slice(0, -5))) continue;
    const file = join(dir, name);
    try {
      const rec = parseRecord(await readFile(file, 'utf8'), file);
      if (rec.id !== name.slice(0, -5)) throw new NydusError('EINVAL', `${file}: record id ${JSON.stringify(rec.id)} does not match the file name`, 1);
      out.records.push(rec);
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code === 'ENOENT') continue; // removed meanwhile
      out.problems.push({ file, message: (err as Error).message });
    }
  }
  return out;
}

// Per-file write queue of this process.
const queues = new Map<string, Promise<unknown>>();
let tmpCounter = 0;

function serialise<T>(file: string, job: () => Promise<T>): Promise<T> {
  const prev = queues.get(file) ?? Promise.resolve();
  const next = prev.then(job, job);
  const tail = next.catch(() => undefined);
  queues.set(file, tail);
  void tail.then(() => {
    if (queues.get(file) === tail) queues.delete(file);
  });
  return next;
}

function tmpName(dir: string, id: string): string {
  return join(dir, `.${id}.json.${process.pid}.${++tmpCounter}.tmp`);
}

function textOf(rec: DaemonRecord): string {
  return `${JSON.stringify(rec, null, 2)}\n`;
}

async function atomicWrite(dir: string, id: string, text: string): Promise<void> {
  const file = recordPath(dir, id);
  await mkdir(dir, { recursive: true });
  const tmp = tmpName(dir, id);
  try {
    const fh = await open(tmp, 'wx', 0o644);
    try {
      await fh.writeFile(text, 'utf8');
      await fh.sync();
    } finally {
      await fh.close();
    }
    await rename(tmp, file);
  } catch (err) {
    await rm(tmp, { force: true }).catch(() => undefined);
    throw new NydusError('EIO', `cannot write ${file}: ${(err as Error).message}`, 1);
  }
  await syncDir(dir);
}

async function syncDir(dir: string): Promise<void> {
  try {
    const dh = await open(dir, 'r');
    try {
      await dh.sync();
    } finally {
      await dh.close();
    }
  } catch {
    // best effort (some filesystems refuse fsync on directories)
  }
}

/**
 * Fields the daemon does not know about (set by `nydus failover` / `nydus upgrade`): a whole-record
 * write that does not mention them keeps the values of the record on disk.
 */
export const SUPERVISOR_FIELDS = ['failover', 'upgrades'] as const;

function carried(rec: DaemonRecord, file: string): Partial<DaemonRecord> {
  if (SUPERVISOR_FIELDS.every((k) => k in rec)) return {};
  let cur: Record<string, unknown>;
  try {
    cur = JSON.parse(readFileSync(file, 'utf8')) as Record<string, unknown>;
  } catch {
    return {};
  }
  const out: Record<string, unknown> = {};
  for (const k of SUPERVISOR_FIELDS) if (!(k in rec) && cur[k] !== undefined) out[k] = cur[k];
  return out as Partial<DaemonRecord>;
}

/**
 * Writes a whole record atomically (validated first; `updatedAt` is set to now). The
 * supervisor fields (SUPERVISOR_FIELDS) of the record on disk are kept unless `rec` has the key.
 */
export function writeRecord(dir: string, rec: DaemonRecord): Promise<DaemonRecord> {
  const file = recordPath(dir, rec.id);
  return serialise(file, async () => {
    const out = checkRecord({ ...carried(rec, file), ...rec, updatedAt: new Date().toISOString() }, file);
    await atomicWrite(dir, rec.id, textOf(out));
    return out;
  });
}

/** Synchronous writeRecord, for exit paths (does not wait for queued async writes). */
export function writeRecordSync(dir: string, rec: DaemonRecord): DaemonRecord {
  const file = recordPath(dir, rec.id);
  const out = checkRecord({ ...carried(rec, file), ...rec, updatedAt: new Date().toISOString() }, file);
  mkdirSync(dir, { recursive: true });
  const tmp = tmpName(dir, rec.id);
  try {
    const fd = openSync(tmp, 'wx', 0o644);
    try {
      writeSync(fd, textOf(out));
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
    renameSync(tmp, file);
  } catch (err) {
    rmSync(tmp, { force: true });
    throw new NydusError('EIO', `cannot write ${file}: ${(err as Error).message}`, 1);
  }
  return out;
}

export type RecordPatch = Partial<Omit<DaemonRecord, 'id'>> | ((rec: DaemonRecord) => Partial<Omit<DaemonRecord, 'id'>>);

/**
 * Reads, patches and rewrites a record under this process's per-file queue. Keys whose
 * patch value is `undefined` are removed (e.g. `{ failover: undefined }`).
 */
export function updateRecord(dir: string, id: string, patch: RecordPatch): Promise<DaemonRecord> {
  const file = recordPath(dir, id);
  return serialise(file, async () => {
    const cur = parseRecord(await readFile(file, 'utf8').catch((err: NodeJS.ErrnoException) => {
      if (err.code === 'ENOENT') throw new NydusError('ENOENT', `no daemon record for id ${JSON.stringify(id)} in ${dir}`, 1);
      throw new NydusError('EIO', `cannot read ${file}: ${err.message}`, 1);
    }), file);
    const p = typeof patch === 'function' ? patch(cur) : patch;
    const merged: Record<string, unknown> = { ...cur, ...p, id, updatedAt: new Date().toISOString() };
    for (const k of Object.keys(merged)) if (merged[k] === undefined) delete merged[k];
    const out = checkRecord(merged, file);
    await atomicWrite(dir, id, textOf(out));
    return out;
  });
}

/** Removes a record (no error when it does not exist). */
export function removeRecord(dir: string, id: string): Promise<void> {
  const file = recordPath(dir, id);
  return serialise(file, async () => {
    await rm(file, { force: true });
  });
}
