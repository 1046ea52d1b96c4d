// Schema layer: the generated standalone validators and the problem formatter.
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { validateBlobCacheEntry, validateConfigV1, validateConfigV2, validateMountCmd, type Validator } from '../../generated/validate.js';
import { problemsFromAjv } from '../../src/schema/problems.js';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
const problems = (v: Validator<any>, doc: unknown) => (v(doc) ? [] : problemsFromAjv(v.errors));

test('a minimal v2 document validates', () => {
  assert.ok(validateConfigV2({ version: 2 }));
});

test('version other than 2 is rejected at /version', () => {
  assert.equal(problems(validateConfigV2, { version: 3 }), [{ pointer: '/version', message: 'expected 2, found number 3' }]);
});

test('backend type 42 and an unknown cache type are both reported, by pointer', () => {
  const p = problems(validateConfigV2, { version: 2, backend: { type: 42 }, cache: { type: 'memcache' } });
  assert.equal(p.map((x) => x.pointer), ['/backend/type', '/cache/type']);
  assert.match(p[0].message, /expected string, found number 42/);
  assert.match(p[1].message, /expected one of .*"blobcache".*found string "memcache"/);
});

test('the sub-object named by backend.type is required', () => {
  const p = problems(validateConfigV2, { version: 2, backend: { type: 'oss' } });
  assert.equal(p, [{ pointer: '/backend/oss', message: 'required property is missing' }]);
});

test('oss requires endpoint and bucket_name; s3 also region', () => {
  assert.equal(problems(validateConfigV2, { version: 2, backend: { type: 'oss', oss: {} } }).map((x) => x.pointer), ['/backend/oss/endpoint', '/backend/oss/bucket_name']);
  assert.equal(problems(validateConfigV2, { version: 2, backend: { type: 's3', s3: { endpoint: '', bucket_name: 'b' } } }).map((x) => x.pointer), ['/backend/s3/region']);
});

test('blobcache needs a filecache object with a non-empty work_dir', () => {
  assert.equal(problems(validateConfigV2, { version: 2, cache: { type: 'blobcache' } }), [{ pointer: '/cache/filecache', message: 'required property is missing' }]);
  assert.equal(problems(validateConfigV2, { version: 2, cache: { type: 'filecache', filecache: { work_dir: '' } } }), [
    { pointer: '/cache/filecache/work_dir', message: 'expected a non-empty string, found string ""' },
  ]);
  assert.ok(validateConfigV2({ version: 2, cache: { type: 'fscache', fscache: { work_dir: '/c' } } }));
});

test('the literal "dummycache", "dummy" and "" mean no cache', () => {
  for (const type of ['dummycache', 'dummy', '']) assert.ok(validateConfigV2({ version: 2, cache: { type } }), type);
});

test('prefetch bounds apply only when enabled', () => {
  assert.ok(validateConfigV2({ version: 2, rafs: { prefetch: { enable: false, threads: 0, batch_size: 0x20000000 } } }));
  const p = problems(validateConfigV2, { version: 2, rafs: { prefetch: { enable: true, threads: 2000, batch_size: 0x10000001 } } });
  assert.equal(p.map((x) => x.pointer), ['/rafs/prefetch/threads', '/rafs/prefetch/batch_size']);
  assert.equal(problems(validateConfigV2, { version: 2, cache: { prefetch: {} } }), [{ pointer: '/cache/prefetch/enable', message: 'required property is missing' }]);
});

test('nullable sections accept null and report a wrong type once', () => {
  assert.ok(validateConfigV2({ version: 2, backend: null, cache: null, rafs: null, overlay: null }));
  assert.equal(problems(validateConfigV2, { version: 2, rafs: 7 }), [{ pointer: '/rafs', message: 'expected object or null, found number 7' }]);
});

test('integers are unsigned and retry_limit is a u8', () => {
  const p = problems(validateConfigV2, { version: 2, backend: { type: 'registry', registry: { host: 'h', repo: 'r', timeout: -1, retry_limit: 256 } } });
  assert.equal(p.map((x) => x.pointer), ['/backend/registry/timeout', '/backend/registry/retry_limit']);
});

test('unknown keys are ignored, as nydusd does', () => {
  assert.ok(validateConfigV2({ version: 2, warmup: 3, backend: { type: 'localfs', localfs: { dir: '/d', readahead: true } } }));
});

test('v1: backend config is checked against the v2 sub-schema of its type', () => {
  const doc = { device: { backend: { type: 'registry', config: { timeout: 'x' } } }, mode: 'direct' };
  assert.equal(problems(validateConfigV1, doc), [{ pointer: '/device/backend/config/timeout', message: 'expected integer, found string "x"' }]);
});

test('v1: http-proxy is not a v1 backend type, and mode is required', () => {
  const p = problems(validateConfigV1, { device: { backend: { type: 'http-proxy', config: {} } } });
  assert.equal(p.map((x) => x.pointer).sort(), ['/device/backend/type', '/mode']);
});

test('v1: blobcache without config is an error', () => {
  const p = problems(validateConfigV1, { device: { backend: { type: 'localfs', config: { dir: '/d' } }, cache: { type: 'blobcache' } }, mode: 'direct' });
  assert.equal(p, [{ pointer: '/device/cache/config', message: 'required property is missing' }]);
});

test('mount command needs source and config', () => {
  assert.ok(validateMountCmd({ source: '/b', config: '{}', fs_type: 'rafs' }));
  assert.equal(problems(validateMountCmd as never, { fs_type: 'rafs' }).map((x) => x.pointer), ['/source', '/config']);
  assert.equal(problems(validateMountCmd as never, { source: 's', config: 'c', prefetch_files: [1] }).map((x) => x.pointer), ['/prefetch_files/0']);
});

test('blob cache entry: ids may not contain "/", type is bootstrap or datablob', () => {
  assert.ok(validateBlobCacheEntry({ type: 'bootstrap', id: 'abc' }));
  const p = problems(validateBlobCacheEntry as never, { type: 'image', id: 'a/b', domain_id: 'x/y' });
  assert.equal(p.map((x) => x.pointer), ['/type', '/id', '/domain_id']);
});

test('blob cache entry: legacy prefetch_config needs all four keys', () => {
  const entry = { type: 'bootstrap', id: 'a', config: { backend_type: 'localfs', backend_config: { dir: '/d' }, cache_type: 'fscache', cache_config: { work_dir: '/w' }, prefetch_config: { enable: true } } };
  const p = problems(validateBlobCacheEntry as never, entry);
  assert.equal(p.map((x) => x.pointer), ['/config/prefetch_config/threads_count', '/config/prefetch_config/merging_size', '/config/prefetch_config/bandwidth_rate']);
});

test.run();
