// e2e: the library's embedding path (the seed README's three steps): build the options with
// fuseDaemon(), start a DaemonController in this process, read through the mount, shut down.
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, rmSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { ConfigError, DaemonController, fuseDaemon, ConfigV2Builder } from '../../src/index.js';
import { isFuseMounted, isRoot } from '../daemon-helpers.js';
import { fixture, readExpected, tempDir } from '../helpers.js';

test('fuseDaemon() fills nydusd defaults and refuses what nydusd refuses', () => {
  const o = fuseDaemon().mountpoint('/mnt').bootstrap('/x.boot').localfsDir('/blobs').build();
  assert.is(o.fuseThreads, 4);
  assert.is(o.failoverPolicy, 'resend');
  assert.is(o.virtualMountpoint, '/');
  assert.is(o.logLevel, 'info');
  assert.is(o.upgrade, false);
  assert.throws(() => fuseDaemon().mountpoint('/mnt').id('x').build(), (e: unknown) => e instanceof ConfigError && /supervisor/.test((e as Error).message));
  assert.throws(() => fuseDaemon().mountpoint('/mnt').fuseThreads(0).build(), (e: unknown) => e instanceof ConfigError);
  assert.throws(() => fuseDaemon().mountpoint('/mnt').config('/c.json').localfsDir('/d').build(), (e: unknown) => e instanceof ConfigError);
  assert.throws(() => fuseDaemon().build(), (e: unknown) => e instanceof ConfigError && /mountpoint/.test((e as Error).message));
});

test('DaemonController in-process: config document, reads, shutdown unmounts', async () => {
  if (!isRoot) return console.log('  skipped: needs root');
  const work = tempDir('nydus-lib-');
  const mnt = join(work, 'mnt');
  mkdirSync(mnt);
  const config = ConfigV2Builder().localfs({ dir: fixture.v5.blobs }).noCache().rafs({ mode: 'direct' }).build();
  const options = fuseDaemon().mountpoint(mnt).bootstrap(fixture.v5.bootstrap).configDocument(config as unknown as Record<string, unknown>).logLevel('error').build();
  const controller = await DaemonController.start(options);
  try {
    assert.is(controller.state, 'RUNNING');
    assert.ok(isFuseMounted(mnt));
    const expected = readExpected(fixture.v5.expected);
    for (const [path, sum] of expected.md5) {
      assert.is(createHash('md5').update(await readFile(join(mnt, path))).digest('hex'), sum, path);
    }
    assert.is(createHash('md5').update(readFileSync(join(mnt, [...expected.md5.keys()][0]))).digest('hex'), [...expected.md5.values()][0]);
    const info = controller.daemonInfo(1);
    assert.equal(Object.keys(info.backend_collection ?? {}), ['/']);
  } finally {
    await controller.shutdown();
    await controller.wait();
  }
  assert.is(controller.state, 'STOPPED');
  assert.not.ok(isFuseMounted(mnt));
  rmSync(work, { recursive: true, force: true });
});

test.run();
