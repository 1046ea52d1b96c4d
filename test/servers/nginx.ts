// Test server: nginx with a temporary prefix and config, in one of three roles:
//  forward — HTTP forward proxy (absolute-URI requests; `proxy_pass http://$http_host$request_uri`),
//            the connection-level proxy of spec storage.md §3.8; GET /nydus-ping answers 200.
//  reverse — blobs at /<prefix>/<id> proxied to <upstream>/v2/<repo>/blobs/sha256:<id>
//            (an http-proxy backend in front of a registry).
//  blobs   — blobs at /<prefix>/<id> served from a directory of files named by blob id.
// The access log line is: METHOD "host+uri" status bytes "range" "X-Dragonfly-Priority".
import type { ChildProcess } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { freePort, killPid, removeDir, serverTempDir, spawnLogged, waitForPort, type ServerHandle } from './common.js';

export const NGINX_BIN = '/usr/sbin/nginx';

export interface NginxOptions {
  mode: 'forward' | 'reverse' | 'blobs';
  /** reverse: upstream base URL (e.g. the registry's http://127.0.0.1:PORT). */
  upstream?: string;
  /** reverse: repository whose blobs are exposed. */
  repo?: string;
  /** reverse/blobs: URL prefix (default "blobs"). */
  prefix?: string;
  /** blobs: directory of blob files. */
  dir?: string;
}

export interface NginxServer extends ServerHandle {
  /** Access log lines so far. */
  accessLog(): string[];
  /** Stops nginx, keeping the port, config and logs for restart(). */
  kill(): Promise<void>;
  /** Starts nginx again on the same port; a no-op while it runs. */
  restart(): Promise<void>;
}

export async function startNginx(opts: NginxOptions): Promise<NginxServer> {
  const dir = serverTempDir('nginx');
  const port = await freePort();
  for (const d of ['logs', 'tmp']) mkdirSync(join(dir, d));
  const prefix = opts.prefix ?? 'blobs';
  let location: string;
  if (opts.mode === 'forward') {
    location = [
      'location = /nydus-ping { return 200 "pong\\n"; }',
      'location / { proxy_pass http://$http_host$request_uri; proxy_http_version 1.1; proxy_set_header Connection ""; proxy_buffering off; proxy_redirect off; }',
    ].join('\n    ');
  } else if (opts.mode === 'reverse') {
    if (!opts.upstream || !opts.repo) throw new Error('startNginx reverse: needs upstream and repo');
    location = `location /${prefix}/ { rewrite ^/${prefix}/(?:sha256:)?([0-9a-f]+)$ /v2/${opts.repo}/blobs/sha256:$1 break; proxy_pass ${opts.upstream}; proxy_http_version 1.1; proxy_set_header Connection ""; proxy_buffering off; }`;
  } else {
    if (!opts.dir) throw new Error('startNginx blobs: needs dir');
    location = `location /${prefix}/ { alias ${opts.dir}/; }`;
  }
  const temp = ['client_body', 'proxy', 'fastcgi', 'uwsgi', 'scgi'].map((t) => `${t}_temp_path ${join(dir, 'tmp', t)};`).join(' ');
  // One process (no master/worker split): stop() and the parent-death signal reach all of nginx.
  const conf = `${process.getuid?.() === 0 ? 'user root;\n' : ''}master_process off;
worker_processes 1;
error_log ${join(dir, 'logs/error.log')} info;
events { worker_connections 256; }
http {
  log_format nydus '$request_method "$http_host$request_uri" $status $body_bytes_sent "$http_range" "$http_x_dragonfly_priority"';
  access_log ${join(dir, 'logs/access.log')} nydus;
  ${temp}
  keepalive_timeout 30;
  server {
    listen 127.0.0.1:${port};
    ${location}
  }
}
`;
  const confFile = join(dir, 'nginx.conf');
  writeFileSync(confFile, conf);
  const logFile = join(dir, 'logs/access.log');
  writeFileSync(logFile, '');
  let child: ChildProcess | null = null;
  const launch = async () => {
    // Idempotent: restart() while running must not start a second server (it would fail to
    // bind, and the running one would be leaked past stop()).
    if (child && child.exitCode === null && child.signalCode === null) return;
    child = spawnLogged(NGINX_BIN, ['-p', dir, '-c', confFile, '-g', `daemon off; pid ${join(dir, 'nginx.pid')};`], join(dir, 'logs/stderr.log'), dir);
    await waitForPort(port, 10_000, child, join(dir, 'logs/stderr.log'));
  };
  await launch();
  const kill = async () => {
    if (child) await killPid(child);
    child = null;
  };
  return {
    url: `http://127.0.0.1:${port}`, port, logFile, kill, restart: launch,
    accessLog: () => readFileSync(logFile, 'utf8').split('\n').filter(Boolean),
    stop: async () => {
      await kill();
      removeDir(dir);
    },
  };
}
