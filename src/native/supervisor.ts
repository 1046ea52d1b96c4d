// Native binding layer: the supervisor socket of hot upgrade and failover (daemon spec §5.2;
// native/binding/supervisor_wrap.cc over core transport/fd_passing). A stream Unix socket,
// one connection per transfer, no framing: the state bytes with exactly one fd attached
// (SCM_RIGHTS) to the first message, then EOF. nydusd always connects (sendStateFd,
// receiveStateFd); the supervisor listens (SupervisorListener). Byte-compatible with
// nydus-snapshotter's supervisor. Every connect/accept/read runs off the JS thread;
// failures are NativeError.
import { constants as osConstants } from 'node:os';
import { NativeError } from '../errors.js';
import { internal } from './binding.js';

/** Default bound of the nydusd-side transfers (connect + whole transfer). */
export const DEFAULT_TRANSFER_TIMEOUT_MS = 30_000;

/** What a receive yields: the state bytes and the fd, owned by this process (O_CLOEXEC; close it with closeFd). */
export interface ReceivedState {
  state: Buffer;
  fd: number;
}

interface NativeListener {
  receive(timeoutMs: number): Promise<ReceivedState & { extraFds: number }>;
  send(state: Buffer, fd: number, timeoutMs: number): Promise<void>;
  close(): void;
  path(): string;
}
interface SupervisorAddon {
  sendStateFd(socketPath: string, state: Buffer, fd: number, timeoutMs: number): Promise<void>;
  receiveStateFd(socketPath: string, timeoutMs: number): Promise<ReceivedState & { extraFds: number }>;
  closeFd(fd: number): void;
  SupervisorListener: new (socketPath: string) => NativeListener;
}

function addon(): SupervisorAddon {
  return internal.addon() as unknown as SupervisorAddon;
}

function invalid(what: string, name: string, value: unknown): NativeError {
  return new NativeError(osConstants.errno.EINVAL, 'EINVAL', `Expected ${what} for ${name} but received ${String(value)}`);
}

/** The core names only common errnos; give the rest (EPROTO, EPIPE, ...) their symbolic code. */
function named(err: unknown): unknown {
  if (!(err instanceof NativeError) || err.code !== 'EUNKNOWN') return err;
  const entry = Object.entries(osConstants.errno).find(([, v]) => v === err.errno);
  if (!entry) return err;
  const e = new NativeError(err.errno, entry[0], err.message);
  e.stack = err.stack?.replace(/^[^\n]*/, `${e.name}: ${e.message}`);
  return e;
}

function checkPath(socketPath: unknown): asserts socketPath is string {
  if (typeof socketPath !== 'string' || socketPath.length === 0) throw invalid('a socket path', 'socketPath', socketPath);
}
function checkFd(fd: unknown): asserts fd is number {
  if (!Number.isInteger(fd) || (fd as number) < 0 || (fd as number) > 0x7fffffff) throw invalid('an open fd', 'fd', fd);
}
function checkState(state: unknown): asserts state is Buffer {
  if (!(state instanceof Uint8Array)) throw invalid('a Buffer', 'state', state);
  if (state.length === 0) throw invalid('a non-empty Buffer (an fd rides on data)', 'state', 'an empty Buffer');
}
function checkTimeout(timeoutMs: unknown): asserts timeoutMs is number {
  if (!Number.isInteger(timeoutMs) || (timeoutMs as number) < 0) throw invalid('a non-negative integer', 'timeoutMs', timeoutMs);
}

/**
 * nydusd side ("sendfd", §5.2 save): connects to the supervisor's listening socket, sends the
 * whole `state` with a duplicate of `fd` attached (SCM_RIGHTS) to the first message (the rest
 * with plain writes if partial), closes. The caller keeps `fd` and may close it as soon as
 * this returns. Rejects with NativeError (ENOENT / ECONNREFUSED when nobody listens,
 * ETIMEDOUT after `timeoutMs`, EBADF for a closed fd, EINVAL for an empty state).
 */
export async function sendStateFd(socketPath: string, state: Buffer, fd: number, timeoutMs = DEFAULT_TRANSFER_TIMEOUT_MS): Promise<void> {
  checkPath(socketPath);
  checkState(state);
  checkFd(fd);
  checkTimeout(timeoutMs);
  try {
    await internal.callAsync(() => addon().sendStateFd(socketPath, state, fd, timeoutMs), sendStateFd);
  } catch (err) {
    throw named(err);
  }
}

/**
 * nydusd side ("takeover", §5.2 restore): connects, recvmsg (first read up to 32 KiB of data
 * and 16 fds), then reads until EOF. No fd → EPROTO ("no fd received"); extra fds are closed.
 * Resolves with the state and the first fd, owned by this process (O_CLOEXEC).
 */
export async function receiveStateFd(socketPath: string, timeoutMs = DEFAULT_TRANSFER_TIMEOUT_MS): Promise<ReceivedState> {
  checkPath(socketPath);
  checkTimeout(timeoutMs);
  try {
    const got = await internal.callAsync(() => addon().receiveStateFd(socketPath, timeoutMs), receiveStateFd);
    return { state: got.state, fd: got.fd };
  } catch (err) {
    throw named(err);
  }
}

/** Closes an fd this process owns (e.g. one from receiveStateFd / SupervisorListener.receive). EBADF if not open. */
export function closeFd(fd: number): void {
  checkFd(fd);
  internal.callSync(() => addon().closeFd(fd));
}

/**
 * The supervisor's side of §5.2 (as nydus-snapshotter's supervisor does it): one listening
 * socket; each receive/send handles exactly one connection.
 */
export class SupervisorListener {
  private constructor(private readonly native: NativeListener, readonly socketPath: string) {}

  /** Removes a stale socket file (EEXIST when the path is another kind of file), binds and listens, synchronously. */
  static listen(socketPath: string): SupervisorListener {
    checkPath(socketPath);
    const { SupervisorListener: Native } = addon();
    return internal.callSync(() => new SupervisorListener(new Native(socketPath), socketPath));
  }

  /**
   * Accepts one connection within `timeoutMs` (ETIMEDOUT), reads until EOF, keeps the first fd
   * of the first control message (others are closed). The fd is owned by the caller. ECANCELED
   * when close() is called meanwhile; EPROTO when the peer sent no fd.
   */
  async receive(timeoutMs: number): Promise<ReceivedState> {
    checkTimeout(timeoutMs);
    try {
      const got = await internal.callAsync(() => this.native.receive(timeoutMs), this.receive);
      return { state: got.state, fd: got.fd };
    } catch (err) {
      throw named(err);
    }
  }

  /**
   * Accepts one connection within `timeoutMs` and sends `state` with a duplicate of `fd`
   * attached to the first message, then closes the connection. The caller keeps `fd`, so
   * repeated sends are possible.
   */
  async send(state: Buffer, fd: number, timeoutMs: number): Promise<void> {
    checkState(state);
    checkFd(fd);
    checkTimeout(timeoutMs);
    try {
      await internal.callAsync(() => this.native.send(state, fd, timeoutMs), this.send);
    } catch (err) {
      throw named(err);
    }
  }

  /** Closes the listening socket and unlinks the path (if it is still this listener's). Idempotent. */
  close(): void {
    this.native.close();
  }
}
