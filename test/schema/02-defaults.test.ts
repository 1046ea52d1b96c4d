// Schema layer: the defaults walker (absent object = zeros, present object = per-key defaults).
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { schemaIds, schemaRegistry } from '../../generated/schemas.js';
import { applyDefaults } from '../../src/schema/defaults.js';

const v2 = (doc: unknown) => applyDefaults(schemaRegistry, schemaIds.ConfigV2, doc, { prune: true }) as Record<string, any>;

test('top-level defaults of v2', () => {
  const d = v2({ version: 2 });
  assert.equal(d, { version: 2, id: '', backend: null, external_backends: [], cache: null, rafs: null, overlay: null });
});

test('absent prefetch is all zeros; a present one takes per-key defaults', () => {
  const absent = v2({ version: 2, rafs: {} }).rafs.prefetch;
  assert.equal(absent, { enable: false, threads: 0, batch_size: 0, bandwidth_limit: 0, prefetch_all: false, stream_prefetch: false });
  const present = v2({ version: 2, rafs: { prefetch: { enable: true } } }).rafs.prefetch;
  assert.equal(present, { enable: true, threads: 8, batch_size: 1048576, bandwidth_limit: 0, prefetch_all: false, stream_prefetch: false });
});

test('defaults reach into the object branch of nullable sections and nested $refs', () => {
  const d = v2({ version: 2, backend: { type: 'registry', registry: { host: 'h', repo: 'r' } } });
  assert.is(d.backend.registry.scheme, 'https');
  assert.is(d.backend.registry.auth, null);
  assert.is(d.backend.registry.proxy.fallback, true);
  assert.is(d.backend.registry.proxy.check_pause_elapsed, 300);
  assert.is(d.backend.localfs, null);
});

test('the input is not modified, and explicit values win over defaults', () => {
  const input = { version: 2, rafs: { mode: 'cached' } };
  const d = v2(input);
  assert.equal(input, { version: 2, rafs: { mode: 'cached' } });
  assert.is(d.rafs.mode, 'cached');
  assert.is(d.rafs.batch_size, 1048576);
});

test('prune drops undeclared keys and orders keys as the schema', () => {
  const d = v2({ rafs: { enable_xattr: true, bogus: 1 }, version: 2, extra: true });
  assert.equal(Object.keys(d), ['version', 'id', 'backend', 'external_backends', 'cache', 'rafs', 'overlay']);
  assert.not.ok('bogus' in d.rafs);
});

test('free-form maps (external backend patch/config) are kept whole', () => {
  const d = v2({ version: 2, external_backends: [{ type: 't', patch: { a: '1' }, config: { b: '2' } }] });
  assert.equal(d.external_backends, [{ type: 't', patch: { a: '1' }, config: { b: '2' } }]);
});

test.run();
