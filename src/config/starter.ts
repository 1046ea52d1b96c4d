// Config layer: starter configurations rendered from templates/init/ (localfs or registry
// backend, v1 or v2), then validated by the loader so what `config init` prints always loads.
import { join } from 'node:path';
import ejs from 'ejs';
import { stringify as stringifyToml } from 'smol-toml';
import { templatesDir } from '../paths.js';
import { parseConfig, type LoadedConfig } from './load.js';

export interface StarterOptions {
  backend: 'localfs' | 'registry';
  /** Configuration format version to write. */
  version: 1 | 2;
  id?: string;
  /** localfs: directory of blob files (default /var/lib/nydus/blobs). */
  blobDir?: string;
  /** localfs: a single blob file instead of a directory. */
  blobFile?: string;
  /** registry: host[:port], repository, scheme, base64 user:password. */
  host?: string;
  repo?: string;
  scheme?: 'http' | 'https';
  auth?: string | null;
  skipVerify?: boolean;
  timeout?: number;
  connectTimeout?: number;
  retryLimit?: number;
  proxyUrl?: string;
  cache?: 'blobcache' | 'fscache' | 'none';
  workDir?: string;
  cacheValidate?: boolean;
  digestValidate?: boolean;
  enableXattr?: boolean;
  prefetch?: boolean;
  prefetchThreads?: number;
  prefetchAll?: boolean;
}

export interface StarterConfig {
  /** The document as written (v1 or v2). */
  document: Record<string, unknown>;
  /** What the daemon will use: the document as a resolved v2 config. */
  loaded: LoadedConfig;
}

/** Renders and validates a starter configuration. */
export async function renderStarterConfig(options: StarterOptions): Promise<StarterConfig> {
  const values = {
    id: '',
    blobDir: '/var/lib/nydus/blobs',
    blobFile: '',
    host: '',
    repo: '',
    scheme: 'https',
    auth: null,
    skipVerify: false,
    timeout: 5,
    connectTimeout: 5,
    retryLimit: 2,
    proxyUrl: '',
    cache: 'blobcache',
    workDir: '/var/lib/nydus/cache',
    cacheValidate: false,
    digestValidate: false,
    enableXattr: true,
    prefetch: false,
    prefetchThreads: 8,
    prefetchAll: false,
    ...Object.fromEntries(Object.entries(options).filter(([, v]) => v !== undefined)),
  };
  const file = join(templatesDir, 'init', `${options.backend}.v${options.version}.json.ejs`);
  const text = await ejs.renderFile(file, values, { async: false });
  const document = JSON.parse(text) as Record<string, unknown>;
  const loaded = parseConfig(text, { source: `starter ${options.backend} v${options.version}` });
  return { document, loaded };
}

/** Drops nulls (TOML has none) so a v2 document can be written as TOML. */
export function toToml(doc: unknown): string {
  const strip = (v: unknown): unknown => {
    if (Array.isArray(v)) return v.map(strip);
    if (typeof v !== 'object' || v === null) return v;
    return Object.fromEntries(Object.entries(v).filter(([, x]) => x !== null).map(([k, x]) => [k, strip(x)]));
  };
  return stringifyToml(strip(doc) as Record<string, unknown>);
}

