// Test server: Debian's docker-registry (distribution 2.8) on 127.0.0.1 with a generated
// config: filesystem storage in a temp dir, a log file holding the JSON app log and the
// combined-format access log (method, URI, status, bytes written; Range is not logged),
// and no auth, htpasswd (bcrypt, `htpasswd -Bbn`) or token auth (./token-server.ts).
// Also pushBlob(): a monolithic blob upload through the distribution API.
import { execFileSync, type ChildProcess } from 'node:child_process';
import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { freePort, killPid, removeDir, serverTempDir, spawnLogged, waitForPort, type ServerHandle } from './common.js';
import type { TokenServer } from './token-server.js';

export const REGISTRY_BIN = '/usr/bin/docker-registry';

export interface RegistryOptions {
  auth?: 'none' | 'htpasswd' | 'token';
  /** htpasswd users. */
  users?: { name: string; password: string }[];
  /** Required for auth 'token'. */
  tokenServer?: TokenServer;
}

export interface RegistryLogEntry {
  method: string;
  uri: string;
  status: number;
  written: number;
}

export interface RegistryServer extends ServerHandle {
  /** host:port, as the registry backend's `host`. */
  host: string;
  /** Kills the process, keeping its storage (for restart()). */
  kill(): Promise<void>;
  /** Starts the registry again on the same port and storage; a no-op while it runs. */
  restart(): Promise<void>;
  /** Parsed "response completed" entries of the log so far. */
  accessLog(): RegistryLogEntry[];
  /** Blob GETs answered so far (optionally for one digest "sha256:…"). */
  blobGets(digest?: string): RegistryLogEntry[];
}

export async function startRegistry(opts: RegistryOptions = {}): Promise<RegistryServer> {
  const dir = serverTempDir('registry');
  const port = await freePort();
  const logFile = join(dir, 'registry.log');
  const lines = [
    'version: 0.1',
    'log:',
    '  level: info',
    '  formatter: json',
    '  accesslog:',
    '    disabled: false',
    'storage:',
    '  filesystem:',
    `    rootdirectory: ${join(dir, 'data')}`,
    'http:',
    `  addr: 127.0.0.1:${port}`,
    '  secret: nydus-test-secret',
  ];
  if (opts.auth === 'htpasswd') {
    const file = join(dir, 'htpasswd');
    const entries = (opts.users ?? []).map((u) => execFileSync('htpasswd', ['-Bbn', u.name, u.password], { encoding: 'utf8' }).trim());
    writeFileSync(file, `${entries.join('\n')}\n`);
    lines.push('auth:', '  htpasswd:', '    realm: nydus-test', `    path: ${file}`);
  } else if (opts.auth === 'token') {
    const t = opts.tokenServer;
    if (!t) throw new Error('startRegistry: auth "token" needs a tokenServer');
    lines.push('auth:', '  token:', `    realm: ${t.realm}`, `    service: ${t.service}`, `    issuer: ${t.issuer}`, `    rootcertbundle: ${t.certFile}`);
  }
  const configFile = join(dir, 'config.yml');
  writeFileSync(configFile, `${lines.join('\n')}\n`);

  let child: ChildProcess | null = null;
  const launch = async () => {
    // Idempotent: restart() while running must not start a second server (it would fail to
    // bind, and the running one would be leaked past stop()).
    if (child && child.exitCode === null && child.signalCode === null) return;
    child = spawnLogged(REGISTRY_BIN, ['serve', configFile], logFile, dir);
    await waitForPort(port, 15_000, child, logFile);
  };
  await launch();

  // The combined-format access log (one line per request, 401s included; the JSON
  // "response completed" entries skip requests refused by the auth layer).
  const accessLog = (): RegistryLogEntry[] => {
    const out: RegistryLogEntry[] = [];
    for (const line of readFileSync(logFile, 'utf8').split('\n')) {
      const m = /^\S+ \S+ \S+ \[[^\]]+\] "(\S+) (\S+) [^"]*" (\d+) (\d+|-)/.exec(line);
      if (m) out.push({ method: m[1], uri: m[2], status: Number(m[3]), written: m[4] === '-' ? 0 : Number(m[4]) });
    }
    return out;
  };
  const kill = async () => {
    if (child) await killPid(child);
    child = null;
  };
  return {
    url: `http://127.0.0.1:${port}`, host: `127.0.0.1:${port}`, port, logFile,
    kill, restart: launch, accessLog,
    blobGets: (digest) => accessLog().filter((e) => e.method === 'GET' && e.uri.includes('/blobs/') && (!digest || e.uri.endsWith(digest))),
    stop: async () => {
      await kill();
      removeDir(dir);
    },
  };
}

/** Authorization for a push: follows the registry's 401 challenge (Basic or Bearer via GET realm). */
async function authorize(res: Response, auth?: { user: string; password: string }): Promise<string | null> {
  const challenge = res.headers.get('www-authenticate') ?? '';
  if (!auth) return null;
  const basic = `Basic ${Buffer.from(`${auth.user}:${auth.password}`).toString('base64')}`;
  if (/^Basic/i.test(challenge)) return basic;
  const params = Object.fromEntries([...challenge.matchAll(/(\w+)="([^"]*)"/g)].map((m) => [m[1], m[2]]));
  const url = new URL(params.realm);
  url.searchParams.set('service', params.service);
  if (params.scope) url.searchParams.set('scope', params.scope);
  const t = await fetch(url, { headers: { Authorization: basic } });
  if (!t.ok) throw new Error(`token server answered ${t.status}`);
  const body = (await t.json()) as { token?: string; access_token?: string };
  return `Bearer ${body.token ?? body.access_token}`;
}

/** Monolithic upload (POST uploads/ → PUT ?digest=); returns the blob id (hex, no "sha256:"). */
export async function pushBlob(registryUrl: string, repo: string, data: Buffer, auth?: { user: string; password: string }): Promise<string> {
  const id = createHash('sha256').update(data).digest('hex');
  const startUrl = `${registryUrl}/v2/${repo}/blobs/uploads/`;
  let headers: Record<string, string> = {};
  let res = await fetch(startUrl, { method: 'POST', headers });
  if (res.status === 401) {
    const a = await authorize(res, auth);
    if (a) headers = { Authorization: a };
    res = await fetch(startUrl, { method: 'POST', headers });
  }
  if (res.status !== 202) throw new Error(`pushBlob: POST ${startUrl} answered ${res.status} ${await res.text()}`);
  const location = new URL(res.headers.get('location') ?? '', registryUrl);
  location.searchParams.set('digest', `sha256:${id}`);
  const put = await fetch(location, { method: 'PUT', headers: { ...headers, 'Content-Type': 'application/octet-stream' }, body: new Uint8Array(data) });
  if (put.status !== 201) throw new Error(`pushBlob: PUT answered ${put.status} ${await put.text()}`);
  return id;
}
