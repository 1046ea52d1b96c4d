// Storage tests: config builders with the schema defaults (spec storage.md §5.1) and small helpers.
import type { HttpProxyConfig, OssConfig, ProxyConfig, RegistryConfig, S3Config } from '../../generated/types.js';
import { test } from 'uvu';
import { BackendError } from '../../src/storage/backend.js';
import { skipReason } from '../servers/common.js';

export const noProxy = (p: Partial<ProxyConfig> = {}): ProxyConfig => ({
  url: '', ping_url: '', fallback: true, check_interval: 5, use_http: false, check_pause_elapsed: 300, dragonfly_scheduler_endpoint: '', ...p,
});

export const registryConfig = (p: Partial<RegistryConfig> & { host: string; repo: string }): RegistryConfig => ({
  scheme: 'http', auth: null, skip_verify: false, ca_cert_files: [], timeout: 5, connect_timeout: 5, retry_limit: 0,
  registry_token: null, blob_url_scheme: '', blob_redirected_host: '', proxy: noProxy(), ...p,
});

export const httpProxyConfig = (p: Partial<HttpProxyConfig> & { addr: string }): HttpProxyConfig => ({
  path: '', skip_verify: false, ca_cert_files: [], timeout: 5, connect_timeout: 5, retry_limit: 0, proxy: noProxy(), ...p,
});

export const s3Config = (p: Partial<S3Config>): S3Config => ({
  scheme: 'http', endpoint: '', region: 'us-east-1', bucket_name: 'bucket', object_prefix: '', access_key_id: 'AKIDTEST', access_key_secret: 'secret',
  skip_verify: false, ca_cert_files: [], timeout: 5, connect_timeout: 5, retry_limit: 0, proxy: noProxy(), ...p,
});

export const ossConfig = (p: Partial<OssConfig>): OssConfig => ({
  scheme: 'http', endpoint: 'oss.test', bucket_name: 'bucket', object_prefix: '', access_key_id: 'AKIDTEST', access_key_secret: 'secret',
  skip_verify: false, ca_cert_files: [], timeout: 5, connect_timeout: 5, retry_limit: 0, proxy: noProxy(), ...p,
});

export const basicAuth = (user: string, password: string) => Buffer.from(`${user}:${password}`).toString('base64');

/** Awaits a rejection and returns it as a BackendError (fails the test otherwise). */
export async function rejection(p: Promise<unknown>): Promise<BackendError> {
  try {
    await p;
  } catch (err) {
    if (err instanceof BackendError) return err;
    throw new Error(`expected a BackendError, got ${String(err)}`);
  }
  throw new Error('expected a rejection, got a value');
}

/** Why tests needing these binaries cannot run here (printed once; those tests then fail), or null. */
export function skipFor(...binaries: string[]): string | null {
  const reason = binaries.map(skipReason).find((r) => r !== null) ?? null;
  if (reason) console.log(`storage tests cannot run: ${reason}`);
  return reason;
}

/**
 * uvu `test`, or, when a server binary is missing, a test that fails naming it: `npm test`
 * installs them (scripts/setup-debian.sh test), so a missing one is a broken setup, not a skip.
 */
export function testUnless(reason: string | null): (name: string, fn: () => unknown) => void {
  const missing = (name: string) => test(name, () => {
    throw new Error(`cannot run: ${reason} (sh scripts/setup-debian.sh test installs it)`);
  });
  return reason ? missing : (name, fn) => test(name, fn as () => void);
}

/** Collects log lines of a backend. */
export function logSink(): { lines: string[]; log: (level: string, msg: string) => void } {
  const lines: string[] = [];
  return { lines, log: (level, msg) => lines.push(`${level}: ${msg}`) };
}

export const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Polls until `cond` holds (servers write access logs after answering), at most `ms`. */
export async function until(cond: () => boolean, ms = 2000): Promise<void> {
  const end = Date.now() + ms;
  while (!cond() && Date.now() < end) await sleep(20);
}

