// Test helpers shared by every layer's tests: locations of the repo, fixtures and shared/.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The repository root (tests run from dist/test/<layer>/). */
export const repoRoot = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
export const fixtures = join(repoRoot, 'test', 'fixtures');
/** ../shared beside the repository: real RAFS images, vectors, specs (read-only). */
export const shared = join(repoRoot, '..', 'shared');
export const cli = join(repoRoot, 'bin', 'run.js');

export function tempDir(prefix = 'nydus-test-'): string {
  return mkdtempSync(join(tmpdir(), prefix));
}

/** Deep copy without null-valued keys (for comparing documents that spell absence either way). */
export function withoutNulls(v: unknown): unknown {
  if (Array.isArray(v)) return v.map(withoutNulls);
  if (typeof v !== 'object' || v === null) return v;
  return Object.fromEntries(Object.entries(v).filter(([, x]) => x !== null).map(([k, x]) => [k, withoutNulls(x)]));
}
