// Daemon API layer: routing (spec api.md §1.3, §1.4, §3). Maps one parsed HTTP request to
// one DaemonApiHandler call and renders its result or failure as the response; requests
// other than GET go through one daemon-wide queue so state changes never interleave.
import { schemaIds, schemaRegistry } from '../../../generated/schemas.js';
import type { MountCmd } from '../../../generated/types.js';
import { validateBlobCacheEntry, validateConfigMap, validateLogLevelBody, validateMountCmd, type Validator } from '../../../generated/validate.js';
import { applyDefaults } from '../../schema/defaults.js';
import type { AjvError } from '../../schema/problems.js';
import { PROMETHEUS_CONTENT_TYPE } from '../metrics/prometheus.js';
import { BodyError, parseJson, schemaError } from './body.js';
import { ApiFailure, failures, q } from './errors.js';
import type { DaemonApiHandler } from './handler.js';

export interface ApiRequest {
  method: string;
  /** The request target as sent: origin-form or absolute-form. */
  target: string;
  /** null when there was no body (no Content-Length, or 0). */
  body: Buffer | null;
}

export interface ApiResponse {
  status: number;
  /** Serialised JSON; absent for 204. */
  json?: string;
  /** A body that is not JSON (the Prometheus exposition), with its Content-Type. */
  text?: { body: string; contentType: string };
  /** Runs once the response has been handed to the socket (exit). */
  after?: () => void;
}

interface Ctx {
  method: string;
  query: Map<string, string>;
  body: Buffer | null;
  h: DaemonApiHandler;
}

/** A dispatched request: the family its failures are reported under, and the work. */
interface Call {
  family: string;
  run(): unknown;
  /** Answer 204 instead of serialising the result. */
  empty?: boolean;
  /** The result is a string sent as is with this Content-Type, not JSON. */
  contentType?: string;
  after?: () => void;
}

type Endpoint = (ctx: Ctx) => Call;

const QUERY_MOUNTPOINT = `QueryString(${q("'mountpoint' should be specified in query string")})`;

function badRequest(): never {
  throw failures.badRequest();
}

/**
 * Decodes one application/x-www-form-urlencoded component: `+` is a space, %XX a byte, the
 * bytes UTF-8 (lossy). `s` is latin1 (one character per byte of the request target).
 */
function formDecode(s: string): string {
  if (!/[+%\x80-\xff]/.test(s)) return s;
  const bytes: number[] = [];
  for (let i = 0; i < s.length; i++) {
    const c = s[i];
    if (c === '+') bytes.push(0x20);
    else if (c === '%' && /^[0-9a-fA-F]{2}$/.test(s.slice(i + 1, i + 3))) {
      bytes.push(parseInt(s.slice(i + 1, i + 3), 16));
      i += 2;
    } else bytes.push(c.charCodeAt(0) & 0xff);
  }
  return Buffer.from(bytes).toString('utf8');
}

/** Query pairs, first occurrence of a key wins (spec api.md §1.4). */
export function parseQuery(query: string): Map<string, string> {
  const out = new Map<string, string>();
  for (const part of query.split('&')) {
    if (part === '') continue;
    const eq = part.indexOf('=');
    const key = formDecode(eq < 0 ? part : part.slice(0, eq));
    if (!out.has(key)) out.set(key, eq < 0 ? '' : formDecode(part.slice(eq + 1)));
  }
  return out;
}

/** Splits a request target into path and query; null when it is neither origin- nor absolute-form. */
export function splitTarget(target: string): { path: string; query: string } | null {
  let rest = target;
  if (!rest.startsWith('/')) {
    const m = /^[A-Za-z][A-Za-z0-9+.-]*:\/\/[^/?#]*/.exec(rest);
    if (!m) return null;
    rest = rest.slice(m[0].length);
    if (rest === '' || rest.startsWith('?')) rest = `/${rest}`;
  }
  const hash = rest.indexOf('#');
  if (hash >= 0) rest = rest.slice(0, hash);
  const qm = rest.indexOf('?');
  return qm < 0 ? { path: rest, query: '' } : { path: rest.slice(0, qm), query: rest.slice(qm + 1) };
}

/**
 * The body as a schema-valid document, or ParseBody(...). With `semanticIsBadRequest`, only
 * violations serde itself would report (a wrong type, a missing or unknown-variant member of
 * the top-level object) are ParseBody; deeper or semantic ones (patterns, backend settings)
 * are what nydusd's "prepare" step rejects: BadRequest (api.md §4.8).
 */
function document<T>(body: Buffer, validate: Validator<T>, semanticIsBadRequest = false): T {
  let parsed;
  try {
    parsed = parseJson(body);
  } catch (err) {
    if (err instanceof BodyError) throw new ApiFailure(400, `ParseBody(${err.detail})`, true);
    throw err;
  }
  if (validate(parsed.value)) return parsed.value;
  const errors = validate.errors ?? [];
  const structural = (e: AjvError) => ['type', 'required', 'enum', 'const'].includes(e.keyword) && e.instancePath.split('/').length <= 2;
  if (semanticIsBadRequest && !errors.some(structural)) throw failures.badRequest();
  throw new ApiFailure(400, `ParseBody(${schemaError(parsed.text, semanticIsBadRequest ? errors.filter(structural) : errors).detail})`, true);
}

function mountCmd(body: Buffer): MountCmd {
  return applyDefaults(schemaRegistry, schemaIds.MountCmd, document(body, validateMountCmd)) as unknown as MountCmd;
}

/** GET without a body: the only accepted shape of read-only endpoints. */
function get(family: string, run: (c: Ctx) => unknown): Endpoint {
  return (c) => (c.method === 'GET' && !c.body ? { family, run: () => run(c) } : badRequest());
}

/** PUT without a body, answered 204. */
function putAction(family: string, run: (h: DaemonApiHandler) => Promise<void>, after?: (h: DaemonApiHandler) => void): Endpoint {
  return (c) =>
    c.method === 'PUT' && !c.body ? { family, run: () => run(c.h), empty: true, after: after && (() => after(c.h)) } : badRequest();
}

function daemon(version: 1 | 2): Endpoint {
  return (c) => {
    if (c.method === 'GET' && !c.body) return { family: 'DaemonInfo', run: () => c.h.daemonInfo(version) };
    if (c.method === 'PUT' && c.body) {
      const doc = document(c.body, validateLogLevelBody);
      return { family: 'Configure', run: () => c.h.setLogLevel(doc.log_level), empty: true };
    }
    return badRequest();
  };
}

/** The Prometheus exposition (text, not JSON); a handler without it answers 501. */
function prometheus(c: Ctx): string {
  if (!c.h.prometheusMetrics) throw failures.unsupported();
  return c.h.prometheusMetrics();
}

const mount: Endpoint = (c) => {
  const mp = c.query.get('mountpoint');
  if (mp === undefined) throw new ApiFailure(400, QUERY_MOUNTPOINT, true);
  const family = 'Mount';
  if (c.method === 'POST' && c.body) {
    const cmd = mountCmd(c.body);
    return { family, run: () => c.h.mount(mp, cmd), empty: true };
  }
  if (c.method === 'PUT' && c.body) {
    const cmd = mountCmd(c.body);
    return { family, run: () => c.h.remount(mp, cmd), empty: true };
  }
  if (c.method === 'DELETE' && !c.body) return { family, run: () => c.h.umount(mp), empty: true };
  return badRequest();
};

const config: Endpoint = (c) => {
  const id = c.query.get('id');
  if (c.method === 'GET' && !c.body) return { family: 'Configure', run: () => c.h.getConfig(id) };
  if (c.method === 'PUT' && c.body) {
    const values = document(c.body, validateConfigMap);
    return { family: 'Configure', run: () => c.h.putConfig(id ?? '', values), empty: true };
  }
  return badRequest();
};

const blobs: Endpoint = (c) => {
  const domain = c.query.get('domain_id');
  const blob = c.query.get('blob_id');
  if (c.method === 'PUT' && c.body) {
    const entry = document(c.body, validateBlobCacheEntry, true);
    return { family: 'CreateBlobObject', run: () => c.h.putBlob(entry), empty: true };
  }
  if (c.method === 'DELETE' && !c.body) {
    if (domain !== undefined) return { family: 'DeleteBlobObject', run: () => c.h.deleteBlob(domain, blob), empty: true };
    if (blob !== undefined) return { family: 'DeleteBlobFile', run: () => c.h.deleteBlob(undefined, blob), empty: true };
    return badRequest();
  }
  if (c.method === 'GET' && !c.body && domain !== undefined) {
    // Routed but unimplemented in the reference (which aborts): a blob cache daemon answers
    // its entries as a BlobCacheList; a daemon without a blob cache manager answers 501.
    const list = c.h.listBlobs?.bind(c.h);
    return { family: 'GetBlobObjects', run: () => (list ? list(domain, blob) : Promise.reject(failures.unsupported())) };
  }
  return badRequest();
};

const ROUTES = new Map<string, Endpoint>([
  ['/api/v1/daemon', daemon(1)],
  ['/api/v2/daemon', daemon(2)],
  ['/api/v2/daemon/backend', get('DaemonInfo', (c) => {
      if (!c.h.backendCollection) throw failures.unsupported();
      return c.h.backendCollection();
    })],
  ['/api/v1/daemon/events', get('Events', (c) => c.h.events())],
  [
    '/api/v1/daemon/backend',
    (c) => {
      if (c.method !== 'GET' || c.body) return badRequest();
      const mp = c.query.get('mountpoint');
      if (mp === undefined) throw new ApiFailure(400, QUERY_MOUNTPOINT, true);
      return { family: 'FsBackendInfo', run: () => c.h.backendInfo(mp) };
    },
  ],
  ['/api/v1/daemon/start', putAction('Configure', (h) => h.start())],
  ['/api/v1/daemon/exit', putAction('Configure', (h) => h.exit(), (h) => h.afterExit())],
  ['/api/v1/daemon/fuse/sendfd', putAction('Upgrade', (h) => h.sendfd())],
  ['/api/v1/daemon/fuse/takeover', putAction('Upgrade', (h) => h.takeover())],
  ['/api/v1/mount', mount],
  ['/api/v1/metrics', get('GlobalMetrics', (c) => c.h.metrics(c.query.get('id')))],
  ['/api/v1/metrics/files', get('FsFilesMetrics', (c) => c.h.fileMetrics(c.query.get('id'), c.query.get('latest') === 'true'))],
  ['/api/v1/metrics/pattern', get('Pattern', (c) => c.h.accessPatterns(c.query.get('id')))],
  ['/api/v1/metrics/backend', get('BackendMetrics', (c) => c.h.backendMetrics(c.query.get('id')))],
  ['/api/v1/metrics/blobcache', get('BlobcacheMetrics', (c) => c.h.blobcacheMetrics(c.query.get('id')))],
  ['/api/v1/metrics/inflight', get('InflightMetrics', (c) => c.h.inflight())],
  ['/api/v1/metrics/prometheus', (c) => ({ ...get('PrometheusMetrics', prometheus)(c), contentType: PROMETHEUS_CONTENT_TYPE })],
  ['/api/v1/config', config],
  ['/api/v2/blobs', blobs],
]);

/** The error body of spec api.md §2.1. */
export function errorResponse(status: number, message: string): ApiResponse {
  return { status, json: JSON.stringify({ code: 'UNDEFINED', message }) };
}

function failureResponse(err: unknown, family: string): ApiResponse {
  if (err instanceof ApiFailure) return errorResponse(err.status, err.render(family));
  const detail = err instanceof Error ? err.message : String(err);
  return errorResponse(500, `${family}(DaemonAbnormal(Other(${q(detail)})))`);
}

/** JSON with bigint members written as plain integers (FUSE nodeids exceed 2^53). */
function toJson(value: unknown): string {
  const tag = '\u0000bigint:';
  const text = JSON.stringify(value, (_k, v: unknown) => (typeof v === 'bigint' ? `${tag}${v}` : v));
  return text.includes('\\u0000bigint:') ? text.replace(/"\\u0000bigint:(-?\d+)"/g, '$1') : text;
}

export type Router = (req: ApiRequest) => Promise<ApiResponse>;

/** A router over `handler` with its own daemon-wide queue for state-changing requests. */
export function createRouter(handler: DaemonApiHandler): Router {
  let queue: Promise<unknown> = Promise.resolve();
  return async (req) => {
    const target = splitTarget(req.target);
    if (!target) return errorResponse(400, 'BadRequest');
    const endpoint = ROUTES.get(target.path);
    if (!endpoint) return errorResponse(404, 'NoRoute');
    let call: Call;
    try {
      call = endpoint({ method: req.method, query: parseQuery(target.query), body: req.body, h: handler });
    } catch (err) {
      return failureResponse(err, '');
    }
    const execute = async (): Promise<ApiResponse> => {
      try {
        const result = await call.run();
        if (call.empty || result === null || result === undefined) return { status: 204, after: call.after };
        if (call.contentType) return { status: 200, text: { body: String(result), contentType: call.contentType } };
        return { status: 200, json: toJson(result) };
      } catch (err) {
        return failureResponse(err, call.family);
      }
    };
    if (req.method === 'GET') return execute();
    const done = queue.then(execute);
    queue = done;
    return done;
  };
}
