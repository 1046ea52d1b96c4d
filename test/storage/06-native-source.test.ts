// Storage: the adapter the native data path calls (blobSourceOf): options pass through, and
// failures are logged without flooding (a stand-in backend here: only the adapter is tested).
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import type { BlobBackend } from '../../src/storage/backend.js';
import { blobSourceOf } from '../../src/storage/native-source.js';

function failing(calls: Array<[string, number, number, boolean]>): BlobBackend {
  return {
    type: 'registry',
    blobSize: async () => 42,
    read: async (id, offset, length, options) => {
      calls.push([id, offset, length, options?.prefetch ?? false]);
      throw new Error('registry down');
    },
    setRuntime: () => undefined,
    close: () => undefined,
  };
}

test('reads pass blob, range and the prefetch flag; size answers', async () => {
  const calls: Array<[string, number, number, boolean]> = [];
  const src = blobSourceOf(failing(calls));
  await src.read('b1', 10, 20, true).catch(() => undefined);
  assert.equal(calls, [['b1', 10, 20, true]]);
  assert.is(await src.blobSize('b1'), 42);
});

test('a burst of failures logs at most 5 lines a second, then says how many were left out', async () => {
  const lines: string[] = [];
  const src = blobSourceOf(failing([]), (_level, msg) => lines.push(msg));
  for (let i = 0; i < 50; i++) await src.read('b', i * 4096, 4096, false).catch(() => undefined);
  assert.is(lines.length, 5);
  assert.match(lines[0], 'read of blob b [0, +4096) failed: registry down');
  await new Promise((r) => setTimeout(r, 1050));
  await src.read('b', 0, 1, false).catch(() => undefined);
  assert.is(lines.length, 6);
  assert.match(lines[5], '(45 more failures not logged)');
});

test.run();
