// CLI layer: what `nydus blobcache add|remove|list` share: composing a blob cache entry (spec
// daemon.md §2.6) from flags and rendering the answers of /api/v2/blobs (api.md §4.8).
// Client side only; the daemon commands use src/cli/daemon-run.ts.
import type { BlobCacheEntryInput, BlobCacheList } from '../../generated/types.js';
import { parseConfig, readConfigText } from '../config/index.js';
import { ConfigError, NydusError } from '../errors.js';

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);

/** The entry flags of `nydus blobcache add` (either `file`, or `id` with the rest). */
export interface EntryFlags {
  file?: string;
  type?: string;
  id?: string;
  'domain-id'?: string;
  'metadata-path'?: string;
  config?: string;
}

function parseJson(text: string, source: string): unknown {
  try {
    return JSON.parse(text);
  } catch (err) {
    throw new ConfigError([{ pointer: '', message: `not valid JSON: ${(err as Error).message}` }], source);
  }
}

/**
 * The entry to PUT. `--file` is sent as written (the snapshotter's legacy entry JSON works
 * verbatim; the daemon validates). Otherwise `--config` is either a legacy entry config (it has
 * `backend_type`), sent as `config`, or a nydusd daemon config (v1 or v2, JSON or TOML), whose
 * backend and cache become `config_v2`; `--metadata-path` is set in either.
 */
export async function blobEntryFromFlags(flags: EntryFlags): Promise<BlobCacheEntryInput> {
  if (flags.file !== undefined) {
    // Passed through unchecked beyond being JSON: the daemon owns the validation (400 BadRequest).
    return parseJson(await readConfigText(flags.file), flags.file) as BlobCacheEntryInput;
  }
  if (flags.id === undefined || flags.config === undefined || flags['metadata-path'] === undefined) {
    throw new NydusError('EUSAGE', 'an entry needs --file, or --id with --metadata-path and --config', 2);
  }
  const text = await readConfigText(flags.config);
  const entry: Obj = { type: flags.type ?? 'bootstrap', id: flags.id };
  if (flags['domain-id'] !== undefined) entry.domain_id = flags['domain-id'];
  let doc: unknown;
  try {
    doc = JSON.parse(text);
  } catch {
    doc = undefined; // TOML, or not a config at all: parseConfig below says which
  }
  if (isObj(doc) && 'backend_type' in doc) {
    entry.config = { ...doc, metadata_path: flags['metadata-path'] };
  } else {
    const { config } = parseConfig(text, { source: flags.config });
    entry.config_v2 = {
      version: 2,
      id: config.id,
      ...(config.backend ? { backend: config.backend } : {}),
      external_backends: config.external_backends,
      ...(config.cache ? { cache: config.cache } : {}),
      metadata_path: flags['metadata-path'],
    };
  }
  return entry as unknown as BlobCacheEntryInput;
}

/** The manager's key of an entry (daemon.md §6.1): `<domain>/<id>`, or the id without a domain. */
export function entryKey(domainId: unknown, id: unknown): string {
  const d = typeof domainId === 'string' ? domainId : '';
  return d === '' ? String(id) : `${d}/${String(id)}`;
}

/** What `nydus blobcache remove` did, in words. */
export function describeRemoval(domainId: string | undefined, blobId: string | undefined): string {
  if (domainId === undefined) return `culled blob ${blobId} from the cache\n`;
  if (blobId === undefined) return `removed every entry of domain ${JSON.stringify(domainId)}\n`;
  return `removed ${entryKey(domainId, blobId)}\n`;
}

const text = (v: unknown): string => (typeof v === 'string' && v !== '' ? v : '-');

/** `nydus blobcache list`: one line per entry: key, type, backend, cache, bootstrap. */
export function renderBlobList(list: BlobCacheList): string {
  const blobs = Array.isArray(list?.blobs) ? (list.blobs as unknown[]) : [];
  if (blobs.length === 0) return 'blobs: none\n';
  const rows = blobs.map((b) => {
    const e = isObj(b) ? b : {};
    const v2 = isObj(e.config_v2) ? e.config_v2 : undefined;
    const v1 = isObj(e.config) ? e.config : undefined;
    const backend = v2 && isObj(v2.backend) ? v2.backend.type : v1?.backend_type;
    const cache = v2 && isObj(v2.cache) ? v2.cache.type : v1?.cache_type;
    return [entryKey(e.domain_id, e.id), text(e.type), text(backend), text(cache), text(v2?.metadata_path ?? v1?.metadata_path)];
  });
  const all = [['KEY', 'TYPE', 'BACKEND', 'CACHE', 'BOOTSTRAP'], ...rows];
  const widths = all[0].map((_, i) => Math.max(...all.map((r) => r[i].length)));
  return all.map((r) => r.map((c, i) => (i === r.length - 1 ? c : c.padEnd(widths[i]))).join('  ')).join('\n') + '\n';
}
