// Config layer: detection, v1 -> v2 conversion (spec daemon.md §2.3), TOML, limits, redaction.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { loadConfigFile, parseConfig, redactConfigText, redactSecrets } from '../../src/config/index.js';
import { ConfigError } from '../../src/errors.js';
import { fixtures, tempDir, withoutNulls } from '../helpers.js';

const cfg = (name: string) => join(fixtures, 'configs', name);
const read = (name: string) => readFileSync(cfg(name), 'utf8');

function configError(fn: () => unknown): ConfigError {
  try {
    fn();
  } catch (err) {
    if (err instanceof ConfigError) return err;
    throw err;
  }
  throw new Error('expected a ConfigError');
}

test('the nydus-service README config (v1, registry, blobcache, fs_prefetch) loads and converts', async () => {
  const { config, format, warnings } = await loadConfigFile(cfg('seed-readme.v1.json'));
  assert.is(format, 'v1');
  assert.is(config.backend?.type, 'registry');
  assert.is(config.backend?.registry?.auth, 'YOUR_LOGIN_AUTH=');
  assert.is(config.backend?.registry?.retry_limit, 4);
  assert.is(config.cache?.filecache?.work_dir, 'cache');
  // fs_prefetch present: threads_count given, the rest per-key defaults (prefetch_all true).
  assert.equal(config.rafs?.prefetch, { enable: true, threads: 4, batch_size: 1048576, bandwidth_limit: 0, prefetch_all: true, stream_prefetch: false });
  // step 5: cache.prefetch becomes a copy of rafs.prefetch.
  assert.equal(config.cache?.prefetch, config.rafs?.prefetch);
  // host and repo are left for the snapshotter to fill: warnings, not errors.
  assert.equal(warnings.map((w) => w.pointer), ['/device/backend/config/host', '/device/backend/config/repo']);
});

test('the same README config is rejected when a mount needs it (strict)', () => {
  const err = configError(() => parseConfig(read('seed-readme.v1.json'), { strictness: 'mount' }));
  assert.equal(err.problems.map((p) => p.pointer), ['/device/backend/config/host', '/device/backend/config/repo']);
  assert.is(err.exitCode, 2);
});

test('v1 -> v2 conversion equals the spec example (daemon.md §2.7)', () => {
  const { config } = parseConfig(read('snapshotter.v1.json'));
  assert.equal(withoutNulls(config), withoutNulls(JSON.parse(read('snapshotter.v2.json'))));
});

test('a v2 document round-trips through the loader unchanged', () => {
  const v2 = JSON.parse(read('snapshotter.v2.json'));
  const { config, format } = parseConfig(JSON.stringify(v2));
  assert.is(format, 'v2');
  assert.equal(withoutNulls(config), withoutNulls(v2));
});

test('v1 without fs_prefetch: rafs.prefetch all zeros, cache.prefetch has prefetch_all true', () => {
  const { config } = parseConfig(JSON.stringify({ device: { backend: { type: 'localfs', config: { dir: '/b' } } }, mode: 'cached' }));
  assert.equal(config.rafs?.prefetch, { enable: false, threads: 0, batch_size: 0, bandwidth_limit: 0, prefetch_all: false, stream_prefetch: false });
  assert.equal(config.cache?.prefetch, { enable: false, threads: 0, batch_size: 0, bandwidth_limit: 0, prefetch_all: true, stream_prefetch: false });
  assert.is(config.cache?.type, '');
  assert.is(config.rafs?.mode, 'cached');
});

test('v1 key renames: amplify_io, digest_validate, merging_size, bandwidth_rate', () => {
  const { config } = parseConfig(
    JSON.stringify({
      device: { id: 'x', backend: { type: 'localfs', config: { dir: '/b' } }, cache: { type: 'fscache', config: { work_dir: '/w' } } },
      mode: 'direct',
      digest_validate: true,
      amplify_io: 4096,
      fs_prefetch: { enable: true, threads_count: 2, merging_size: 65536, bandwidth_rate: 100 },
    }),
  );
  assert.is(config.id, 'x');
  assert.is(config.rafs?.batch_size, 4096);
  assert.is(config.rafs?.validate, true);
  assert.equal(config.rafs?.prefetch, { enable: true, threads: 2, batch_size: 65536, bandwidth_limit: 100, prefetch_all: true, stream_prefetch: false });
  assert.is(config.cache?.fscache?.work_dir, '/w');
  assert.is(config.cache?.filecache, null);
});

test('v2 from TOML (the spec example, metadata_path ignored)', async () => {
  const { config, syntax, format } = await loadConfigFile(cfg('localfs-fscache.v2.toml'));
  assert.is(syntax, 'toml');
  assert.is(format, 'v2');
  assert.is(config.backend?.localfs?.dir, '/var/lib/nydus/blobs');
  assert.is(config.cache?.fscache?.work_dir, '/var/lib/nydus/cache');
  assert.not.ok('metadata_path' in config);
});

test('every problem at once, each with its pointer', () => {
  const err = configError(() => parseConfig('{"version":2,"backend":{"type":42},"cache":{"type":"memcache"},"rafs":{"mode":"lazy"}}'));
  assert.equal(err.problems.map((p) => p.pointer), ['/backend/type', '/cache/type', '/rafs/mode']);
  assert.match(err.message, /\/backend\/type: expected string, found number 42/);
});

test('semantic checks map back to v1 pointers', () => {
  const err = configError(() => parseConfig(JSON.stringify({ device: { backend: { type: 'localfs', config: {} } }, mode: 'direct' })));
  assert.equal(err.problems, [{ pointer: '/device/backend/config', message: 'expected a non-empty blob_file or dir, found neither' }]);
});

test('localfs, localdisk and http-proxy semantic rules', () => {
  assert.equal(configError(() => parseConfig('{"version":2,"backend":{"type":"localfs","localfs":{}}}')).problems[0].pointer, '/backend/localfs');
  assert.equal(configError(() => parseConfig('{"version":2,"backend":{"type":"localdisk","localdisk":{}}}')).problems[0].pointer, '/backend/localdisk/device_path');
  const bad = configError(() => parseConfig('{"version":2,"backend":{"type":"http-proxy","http-proxy":{"addr":"/no/such/socket"}}}'));
  assert.equal(bad.problems[0].pointer, '/backend/http-proxy/addr');
  assert.ok(parseConfig('{"version":2,"backend":{"type":"http-proxy","http-proxy":{"addr":"http://127.0.0.1:1"}}}'));
});

test('detection: a version key makes v2, JSON without version or device is explained', () => {
  assert.is(parseConfig('{"version":2,"device":{}}').format, 'v2');
  const err = configError(() => parseConfig('{"mode":"direct"}'));
  assert.equal(err.problems[0].pointer, '/version');
  assert.match(err.problems[0].message, /v1 config needs "device"/);
  assert.equal(configError(() => parseConfig('{"version":"2"}')).problems[0].pointer, '/version');
});

test('text that is neither JSON nor TOML, and non-objects, are clear errors', () => {
  assert.match(configError(() => parseConfig('{"version": 2,')).message, /failed to parse configuration information \(not valid JSON/);
  assert.match(configError(() => parseConfig('=== nonsense')).message, /not valid JSON or TOML/);
  assert.match(configError(() => parseConfig('[1,2]')).message, /expected an object, found an array/);
});

test('files over 1 MiB are refused before parsing', async () => {
  const dir = tempDir();
  const file = join(dir, 'big.json');
  writeFileSync(file, `{"version":2,"id":"${'x'.repeat(1 << 20)}"}`);
  try {
    await loadConfigFile(file);
    assert.unreachable('should have failed');
  } catch (err) {
    assert.instance(err, ConfigError);
    assert.match((err as Error).message, /expected at most 1048576 bytes/);
  }
});

test('redaction: registry auth and token become null, keys become ""', () => {
  const { config } = parseConfig(read('snapshotter.v1.json'));
  const r = redactSecrets({ ...config, backend: { ...config.backend!, oss: { access_key_id: 'AK', access_key_secret: 'SK' } } });
  assert.is(r.backend?.registry?.auth, null);
  assert.is(r.backend?.registry?.registry_token, null);
  assert.equal(r.backend?.oss, { access_key_id: '', access_key_secret: '' } as never);
  assert.is(config.backend?.registry?.auth, 'dXNlcjpwYXNz', 'input untouched');
  assert.not.match(JSON.stringify(r), /dXNlcjpwYXNz/);
});

test('redaction reaches configs embedded as text (mount requests) and v1 documents', () => {
  const text = read('snapshotter.v1.json');
  assert.not.match(redactConfigText(text), /dXNlcjpwYXNz/);
  const mount = redactSecrets({ source: '/b', config: text });
  assert.not.match(JSON.stringify(mount), /dXNlcjpwYXNz/);
  assert.is(redactConfigText('auth = "abc"'), '<redacted: configuration text>');
});

test.run();
