// Test helpers shared by every layer's tests: locations of the repo, fixtures and shared/,
// temporary directories, and per-test cleanup of what a test opens.
import { accessSync, constants, cpSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { test } from 'uvu';
import { NativeError } from '../src/errors.js';

/** The repository root (tests run from dist/test/<layer>/). */
export const repoRoot = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
export const fixtures = join(repoRoot, 'test', 'fixtures');
/** ../shared beside the repository: real RAFS images, vectors, specs (read-only). */
export const shared = join(repoRoot, '..', 'shared');
export const cli = join(repoRoot, 'bin', 'run.js');

// Shared with test/leak-guard.ts by Symbol.for: the directories this process made, under which
// any mount or loop device left after a test file is this process's leak (not another run's).
const slots = globalThis as unknown as Record<symbol, Set<string> | unknown[] | undefined>;
const madeDirs = (slots[Symbol.for('nydus-test.tempDirs')] ??= new Set<string>()) as Set<string>;
const cleanupErrors = (slots[Symbol.for('nydus-test.cleanupErrors')] ??= []) as unknown[];

/** A fresh directory under the system temp dir. */
export function tempDir(prefix = 'nydus-test-'): string {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  madeDirs.add(dir);
  return dir;
}

/** What a test may open: a server, daemon, backend, image, connection... */
export type Closable = { close(): unknown } | { stop(): unknown };

/**
 * Call once at a test file's top level: returns `track(resource)`. After each test, passed or
 * failed, everything tracked during it is closed (close() or stop(), newest first), so nothing a
 * test opened keeps working while later tests run. A close that throws is printed and counted as
 * a failure by the leak guard (an after.each hook that throws would end the file's other tests).
 */
export function perTest(): <T extends Closable>(resource: T) => T {
  const open: Closable[] = [];
  test.after.each(async (ctx: { __test__?: string }) => {
    for (const r of open.splice(0).reverse()) {
      try {
        await ('close' in r ? r.close() : r.stop());
      } catch (err) {
        console.error(`closing a resource of "${ctx.__test__}" failed: ${(err as Error).stack ?? String(err)}`);
        cleanupErrors.push(err);
      }
    }
  });
  return (resource) => {
    open.push(resource);
    return resource;
  };
}

/** Deep copy without null-valued keys (for comparing documents that spell absence either way). */
export function withoutNulls(v: unknown): unknown {
  if (Array.isArray(v)) return v.map(withoutNulls);
  if (typeof v !== 'object' || v === null) return v;
  return Object.fromEntries(Object.entries(v).filter(([, x]) => x !== null).map(([k, x]) => [k, withoutNulls(x)]));
}

/** The NativeError that `fn` throws (anything else it throws, or no error, fails the test). */
export function nativeError(fn: () => unknown): NativeError {
  try {
    fn();
  } catch (err) {
    if (err instanceof NativeError) return err;
    throw err;
  }
  throw new Error('expected a NativeError');
}

// Blob directories are handed out as this process's private copies: a localfs mount of a
// compressed blob keeps a blob cache, and --localfs-dir puts it in the blob directory itself
// (daemon.md §1.8), so a test would otherwise write B.blob.data into ../shared and leave a warm
// cache for every later test and run. The copies go when the process exits.
let blobCopies: string | undefined;
const copied = new Map<string, string>();
function privateBlobDir(name: string): string {
  let dir = copied.get(name);
  if (dir !== undefined) return dir;
  blobCopies ??= mkdtempSync(join(tmpdir(), 'nydus-test-blobs-'));
  dir = join(blobCopies, name);
  cpSync(join(shared, 'fixtures', name, 'blobs'), dir, { recursive: true });
  copied.set(name, dir);
  return dir;
}
// Registered at load, not at the first copy: the leak guard counts exit listeners per file.
process.once('exit', () => {
  if (blobCopies !== undefined) rmSync(blobCopies, { recursive: true, force: true });
});

/** The fixture set in ../shared/fixtures (blob directories: private copies, see above). */
export const fixture = {
  v5: {
    bootstrap: join(shared, 'fixtures/v5-sha256-nocompress/bootstrap'),
    get blobs(): string {
      return privateBlobDir('v5-sha256-nocompress');
    },
    expected: join(shared, 'fixtures/v5-sha256-nocompress/expected.result'),
  },
  v6: {
    bootstrap: join(shared, 'fixtures/v6-zstd/bootstrap'),
    get blobs(): string {
      return privateBlobDir('v6-zstd');
    },
  },
  toc: { blob: join(shared, 'fixtures/v6-toc/2fa78cad554b75ac91a4a125ed148d0ddeb25efa4aaa8bd80e5dc292690a4dca') },
};

/** expected.result: the `tree -J` array, then "md5  path" lines. */
export function readExpected(file: string): { tree: unknown; md5: Map<string, string> } {
  const text = readFileSync(file, 'utf8');
  const end = text.indexOf('\n]\n') + 3;
  const md5 = new Map<string, string>();
  for (const line of text.slice(end).split('\n')) {
    const m = /^([0-9a-f]{32})\s+(.+)$/.exec(line.trim());
    if (m) md5.set(m[2], m[1]);
  }
  return { tree: JSON.parse(text.slice(0, end)), md5 };
}

/** True when this process may mount FUSE filesystems (root and a usable /dev/fuse). */
export function canMountFuse(): boolean {
  if (process.getuid?.() !== 0) return false;
  try {
    accessSync('/dev/fuse', constants.R_OK | constants.W_OK);
    return true;
  } catch {
    return false;
  }
}
