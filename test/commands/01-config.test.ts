// Commands: `nydus config validate|convert|init` run as a user would, through bin/run.js.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { execa } from 'execa';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { parseConfig } from '../../src/config/index.js';
import { cli, fixtures, tempDir } from '../helpers.js';

const nydus = (...args: string[]) => execa(process.execPath, [cli, ...args], { reject: false, env: { NYDUS_REGISTRY_AUTH: undefined } });
const cfg = (name: string) => join(fixtures, 'configs', name);
const dir = tempDir();
const bad = join(dir, 'bad.json');
writeFileSync(bad, JSON.stringify({ version: 2, backend: { type: 42 }, cache: { type: 'memcache' }, rafs: {} }));

test('--help lists the config commands', async () => {
  const r = await nydus('--help');
  assert.is(r.exitCode, 0);
  for (const c of ['config convert', 'config init', 'config validate']) assert.match(r.stdout, c);
  const topic = await nydus('config', '--help');
  for (const c of ['config convert', 'config init', 'config validate']) assert.match(topic.stdout, c);
});

test('validate accepts the nydus-service README config (exit 0) with warnings for host/repo', async () => {
  const r = await nydus('config', 'validate', cfg('seed-readme.v1.json'));
  assert.is(r.exitCode, 0, r.stderr);
  assert.match(r.stdout, /valid \(v1, json\)/);
  assert.match(r.stdout, /warning: \/device\/backend\/config\/host/);
});

test('validate rejects backend type 42 and an unknown cache type, naming both pointers (exit 2)', async () => {
  const r = await nydus('config', 'validate', bad);
  assert.is(r.exitCode, 2);
  assert.match(r.stdout, /error: \/backend\/type: expected string, found number 42/);
  assert.match(r.stdout, /error: \/cache\/type: expected one of .* found string "memcache"/);
});

test('validate --json reports each file, exit 2 if any is invalid', async () => {
  const r = await nydus('config', 'validate', '--json', cfg('snapshotter.v1.json'), bad, cfg('localfs-fscache.v2.toml'));
  assert.is(r.exitCode, 2);
  const out = JSON.parse(r.stdout);
  assert.is(out.valid, false);
  assert.equal(out.files.map((f: { valid: boolean }) => f.valid), [true, false, true]);
  assert.equal(out.files[1].problems.map((p: { pointer: string }) => p.pointer), ['/backend/type', '/cache/type']);
  assert.is(out.files[2].syntax, 'toml');
});

test('validate --strict turns mount requirements into errors', async () => {
  const r = await nydus('config', 'validate', '--strict', cfg('seed-readme.v1.json'));
  assert.is(r.exitCode, 2);
  assert.match(r.stdout, /error: \/device\/backend\/config\/repo/);
});

test('validate of a missing file and with no file are errors with exit 2', async () => {
  assert.is((await nydus('config', 'validate', join(dir, 'nope.json'))).exitCode, 2);
  assert.is((await nydus('config', 'validate')).exitCode, 2);
  assert.is((await nydus('config', 'validate', '--no-such-flag', bad)).exitCode, 2);
});

test('convert prints v2 JSON of the README config, secrets redacted', async () => {
  const r = await nydus('config', 'convert', cfg('seed-readme.v1.json'));
  assert.is(r.exitCode, 0, r.stderr);
  const v2 = JSON.parse(r.stdout);
  assert.is(v2.version, 2);
  assert.is(v2.backend.type, 'registry');
  assert.is(v2.backend.registry.auth, null);
  assert.is(v2.rafs.prefetch.threads, 4);
  assert.not.match(r.stdout, /YOUR_LOGIN_AUTH/);
  assert.ok(parseConfig(r.stdout), 'the output loads again');
});

test('convert --show-secrets keeps credentials; --format toml writes TOML', async () => {
  const r = await nydus('config', 'convert', '--show-secrets', cfg('snapshotter.v1.json'));
  assert.is(JSON.parse(r.stdout).backend.registry.auth, 'dXNlcjpwYXNz');
  const t = await nydus('config', 'convert', '--format', 'toml', '--show-secrets', cfg('snapshotter.v1.json'));
  assert.is(t.exitCode, 0, t.stderr);
  const back = parseConfig(t.stdout);
  assert.is(back.syntax, 'toml');
  assert.is(back.config.backend?.registry?.host, 'registry.example.com:5000');
});

test('convert of an invalid file exits 2 with the pointers on stderr', async () => {
  const r = await nydus('config', 'convert', bad);
  assert.is(r.exitCode, 2);
  assert.match(r.stderr, /\/backend\/type/);
  assert.is(r.stdout, '');
});

for (const backend of ['localfs', 'registry']) {
  for (const version of ['1', '2']) {
    test(`init --backend ${backend} --config-version ${version} prints a config that validates`, async () => {
      const extra = backend === 'registry' ? ['--host', '127.0.0.1:5000', '--repo', 'library/app', '--scheme', 'http'] : ['--blob-dir', '/srv/blobs'];
      const r = await nydus('config', 'init', '--backend', backend, '--config-version', version, '--work-dir', '/srv/cache', ...extra);
      assert.is(r.exitCode, 0, r.stderr);
      const loaded = parseConfig(r.stdout, { strictness: 'mount' });
      assert.is(loaded.format, `v${version}`);
      assert.is(loaded.config.backend?.type, backend);
      assert.is(loaded.config.cache?.filecache?.work_dir, '/srv/cache');
      if (backend === 'registry') assert.is(loaded.config.backend?.registry?.scheme, 'http');
      else assert.is(loaded.config.backend?.localfs?.dir, '/srv/blobs');
    });
  }
}

test('init writes TOML to a file with --output, and refuses TOML for v1', async () => {
  const out = join(dir, 'n.toml');
  const r = await nydus('config', 'init', '--backend', 'localfs', '--blob-file', '/srv/blob', '--cache', 'fscache', '--prefetch', '--format', 'toml', '-o', out);
  assert.is(r.exitCode, 0, r.stderr);
  const v = await nydus('config', 'validate', '--json', out);
  const rep = JSON.parse(v.stdout).files[0];
  assert.is(rep.valid, true);
  assert.is(rep.syntax, 'toml');
  const v1 = await nydus('config', 'init', '--config-version', '1', '--format', 'toml');
  assert.is(v1.exitCode, 2);
});

test.run();
