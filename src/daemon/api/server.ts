// Daemon API layer: the API server on the --apisock Unix socket (spec api.md §1.1). Replaces
// any file at the path before binding and removes it on close; every connection is served
// by http.ts and routed through one router, so state changes are serialised daemon-wide.
import { rmSync } from 'node:fs';
import { createServer, type Socket } from 'node:net';
import type { DaemonApiHandler } from './handler.js';
import { serveConnection } from './http.js';
import { createRouter } from './router.js';

/** The logging the server needs; the daemon's Logger fits. */
export interface ApiLog {
  error(msg: string): void;
  warn(msg: string): void;
  info(msg: string): void;
  debug(msg: string): void;
}

export interface ApiServer {
  /** Stops listening, drops every connection and removes the socket file. Idempotent. */
  close(): Promise<void>;
}

/** Starts serving `handler` at `socketPath`; resolves once the socket is listening. */
export async function startApiServer(socketPath: string, handler: DaemonApiHandler, log: ApiLog): Promise<ApiServer> {
  rmSync(socketPath, { force: true });
  const router = createRouter(handler);
  const sockets = new Set<Socket>();
  const server = createServer({ allowHalfOpen: true }, (socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
    serveConnection(socket, router, (msg) => log.debug(msg));
  });
  // No timeouts of any kind: an idle connection is the snapshotter's liveness probe.
  server.on('error', (err) => log.error(`API server: ${err.message}`));
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(socketPath, () => {
      server.off('error', reject);
      resolve();
    });
  });
  log.info(`API server listening on ${socketPath}`);

  let closing: Promise<void> | undefined;
  return {
    close() {
      closing ??= new Promise<void>((resolve) => {
        server.close(() => resolve());
        for (const s of sockets) s.destroy();
      }).then(() => {
        rmSync(socketPath, { force: true });
        log.info('API server stopped');
      });
      return closing;
    },
  };
}
