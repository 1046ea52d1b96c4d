// Commands: `nydus virtiofs` flags (generated from schema/daemon/virtiofs.schema.json), the
// virtiofsDaemon() builder, usage and start-up errors, and the refusal of upgrade/failover for a
// virtio-fs daemon record. Serving a VM is tested in a guest (test/e2e/12-virtiofs-guest).
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Parser } from '@oclif/core';
import { execa } from 'execa';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { virtiofsDaemon } from '../../generated/daemon-builders.js';
import { virtiofsDaemonFlags, virtiofsFlagsToOptions, virtiofsOptionsToArgs } from '../../generated/daemon-flags.js';
import { ConfigError } from '../../src/errors.js';
import { cli, fixture, tempDir } from '../helpers.js';

const nydus = (...args: string[]) => execa(process.execPath, [cli, ...args], { reject: false });
const dir = tempDir('nydus-virtiofs-cli-');
const parseFlags = async (argv: string[]) => (await Parser.parse(argv, { flags: virtiofsDaemonFlags, strict: true })).flags;

test('nydusd\'s virtiofs command line parses; options -> args -> options is the identity', async () => {
  const argv = ['--sock', '/run/v.sock', '--bootstrap', '/b.boot', '--config', '/c.json', '--apisock', '/a.sock', '--log-level', 'debug', '--hybrid-mode', '--prefetch-files', '/p.txt'];
  const o = virtiofsDaemon(virtiofsFlagsToOptions(await parseFlags(argv))).build();
  assert.is(o.sock, '/run/v.sock');
  assert.is(o.bootstrap, '/b.boot');
  assert.is(o.hybridMode, true);
  const again = virtiofsDaemon(virtiofsFlagsToOptions(await parseFlags(virtiofsOptionsToArgs(o)))).build();
  assert.equal(again, o);
});

test('the builder refuses what nydusd refuses: no sock, config with localfs-dir, prefetch-files without bootstrap', () => {
  assert.throws(() => virtiofsDaemon().bootstrap('/b').localfsDir('/d').build(), (e: unknown) => e instanceof ConfigError);
  assert.throws(() => virtiofsDaemon().sock('/s').config('/c').localfsDir('/d').build(), (e: unknown) => e instanceof ConfigError);
  assert.throws(() => virtiofsDaemon().sock('/s').prefetchFiles('/p').build(), (e: unknown) => e instanceof ConfigError);
  assert.is(virtiofsDaemon().sock('/s').build().sock, '/s');
});

test('usage errors exit 2: no --sock, --config with --localfs-dir, an unknown flag; --version needs no --sock', async () => {
  const none = await nydus('virtiofs', '--bootstrap', fixture.v6.bootstrap, '--localfs-dir', fixture.v6.blobs);
  assert.is(none.exitCode, 2, none.stderr);
  assert.match(none.stderr, /sock/);
  assert.is((await nydus('virtiofs', '--sock', join(dir, 's'), '--config', '/c', '--localfs-dir', '/d')).exitCode, 2);
  assert.is((await nydus('virtiofs', '--sock', join(dir, 's'), '--mountpoint', '/mnt')).exitCode, 2);
  const v = await nydus('virtiofs', '--version');
  assert.is(v.exitCode, 0, v.stderr);
  assert.match(v.stdout, /^nydusd \rVersion: \t/);
  const help = await nydus('virtiofs', '--help');
  for (const flag of ['--sock', '--bootstrap', '--config', '--localfs-dir', '--apisock', '--hybrid-mode', 'vhost-user-fs-pci']) assert.match(help.stdout, flag);
});

test('start-up failures exit 1 with the reason and leave no socket: a bootstrap without a configuration, a bad config', async () => {
  const sock = join(dir, 'v1.sock');
  const r = await nydus('virtiofs', '--sock', sock, '--bootstrap', fixture.v6.bootstrap);
  assert.is(r.exitCode, 1, r.stderr);
  assert.match(r.stderr, /both --config and --localfs-dir are missing/);
  const bad = join(dir, 'bad.json');
  writeFileSync(bad, '{"device": {"backend": {"type": "nope"}}}');
  const r2 = await nydus('virtiofs', '--sock', sock, '--bootstrap', fixture.v6.bootstrap, '--config', bad);
  assert.is(r2.exitCode, 1, r2.stderr);
  assert.not.ok((await execa('test', ['-e', sock], { reject: false })).exitCode === 0, 'no socket left');
});

test('nydus upgrade and nydus failover refuse a virtio-fs daemon record', async () => {
  const state = join(dir, 'state');
  await execa('mkdir', ['-p', state]);
  const record = { id: 'v1', kind: 'virtiofs', pid: process.pid, apiSock: join(dir, 'api.sock'), supervisor: join(dir, 'sup.sock'), argv: [process.execPath, cli, 'virtiofs'], cwd: dir, mountpoint: join(dir, 'v.sock'), mounts: [], state: 'RUNNING', startedAt: new Date().toISOString(), updatedAt: new Date().toISOString() };
  writeFileSync(join(state, 'v1.json'), JSON.stringify(record));
  for (const cmd of ['upgrade', 'failover']) {
    const r = await nydus(cmd, 'v1', '--state-dir', state);
    assert.is(r.exitCode, 1, `${cmd}: ${r.stdout}${r.stderr}`);
    assert.match(r.stderr, /virtio-fs: .* unsupported/);
  }
});

test.run();
