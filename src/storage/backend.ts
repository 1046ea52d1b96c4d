// Storage layer: the network blob backend interface (spec storage.md §3.1), its error class
// and the factory that turns the v2 config's `backend` object into a backend instance.
// The native data path calls these through the binding; localfs/localdisk stay native.
import type { BackendConfig } from '../../generated/types.js';
import { ConfigError } from '../errors.js';
import { HttpProxyBackend } from './http-proxy.js';
import { OssBackend } from './oss.js';
import { RegistryBackend } from './registry.js';
import { S3Backend } from './s3.js';
import type { BackendOptions } from './errors.js';

export { BackendError, type BackendErrorCode, type BackendOptions, type BackendTuning, type LogFn } from './errors.js';

export interface ReadOptions {
  /** A prefetch read: fewer attempts, random backoff, yields to on-demand reads. */
  prefetch?: boolean;
}

export interface BlobBackend {
  readonly type: 'registry' | 'http-proxy' | 's3' | 'oss';
  /** Size of the blob in bytes (HEAD → Content-Length). */
  blobSize(blobId: string): Promise<number>;
  /** Exactly `length` bytes at `offset` (ranged GET). Rejects with BackendError (clear message) after the retry policy. */
  read(blobId: string, offset: number, length: number, options?: ReadOptions): Promise<Buffer>;
  /** Runtime update (api.md §4.7): 'registry_auth' (base64 user:pass; drops cached tokens, re-authenticates), 'proxy_url'. Unknown keys throw. */
  setRuntime(key: string, value: string): void;
  /** Stops timers (token refresh, proxy health checks) and closes sockets; pending reads reject. */
  close(): void;
}

export function createBackend(backend: BackendConfig, options: BackendOptions): BlobBackend {
  const missing = (name: string) => new ConfigError([{ pointer: `/backend/${name}`, message: `backend type "${backend.type}" needs a "${name}" object` }]);
  switch (backend.type) {
    case 'registry':
      if (!backend.registry) throw missing('registry');
      return new RegistryBackend(backend.registry, options);
    case 'http-proxy':
      if (!backend['http-proxy']) throw missing('http-proxy');
      return new HttpProxyBackend(backend['http-proxy'], options);
    case 's3':
      if (!backend.s3) throw missing('s3');
      return new S3Backend(backend.s3, options);
    case 'oss':
      if (!backend.oss) throw missing('oss');
      return new OssBackend(backend.oss, options);
    default:
      throw new ConfigError([{ pointer: '/backend/type', message: `"${backend.type}" is not a network backend (expected registry, http-proxy, s3 or oss; localfs and localdisk are served natively)` }]);
  }
}
