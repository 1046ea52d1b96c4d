// Generator part for schema/daemon/: each daemon kind's options schema renders (1) the oclif
// flag definitions its command uses, (2) the same flags as plain data with the flags <-> options
// mapping (read by the daemon's oclif-free start-up path) and (3) a typed fluent builder for
// library users, from templates/daemon-flags.ts.ejs, templates/daemon-options.ts.ejs and
// templates/daemon-builders.ts.ejs. One declaration, so the
// CLI, the library and saved daemon records cannot drift apart.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import ejs from 'ejs';

/** Daemon kinds: schema file under schema/daemon/, type name, builder function name, a usage example for its JSDoc. */
const DAEMONS = [
  {
    file: 'daemon/fuse.schema.json',
    type: 'FuseDaemonOptions',
    builder: 'fuseDaemon',
    flags: 'fuseDaemonFlags',
    kind: 'fuse',
    example: "fuseDaemon().mountpoint('/mnt').bootstrap(b).localfsDir(d).build()",
  },
  {
    file: 'daemon/blobcache.schema.json',
    type: 'BlobcacheDaemonOptions',
    builder: 'blobcacheDaemon',
    flags: 'blobcacheDaemonFlags',
    kind: 'blobcache',
    example: "blobcacheDaemon().apiSock('/run/nydus/api.sock').sharedSock('/run/nydus/blobs.sock').build()",
  },
  {
    file: 'daemon/virtiofs.schema.json',
    type: 'VirtiofsDaemonOptions',
    builder: 'virtiofsDaemon',
    flags: 'virtiofsDaemonFlags',
    kind: 'virtiofs',
    example: "virtiofsDaemon().sock('/run/nydus/vhost.sock').bootstrap(b).localfsDir(d).build()",
  },
];

function flagKind(p) {
  if (p.type === 'boolean') return 'boolean';
  if (p.type === 'integer') return 'integer';
  if (p.enum) return 'option';
  return 'string';
}

function tsType(p) {
  if (p.enum) return p.enum.map((v) => JSON.stringify(v)).join(' | ');
  if (p.type === 'integer' || p.type === 'number') return 'number';
  if (p.type === 'boolean') return 'boolean';
  if (p.type === 'object') return 'Record<string, unknown>';
  return 'string';
}

export function renderDaemons({ root, schemas, emit, banner, jsdoc }) {
  const daemons = DAEMONS.map((d) => {
    const s = schemas[d.file];
    if (!s) throw new Error(`gen-daemon: ${d.file} missing`);
    const byName = {};
    const fields = Object.entries(s.properties).map(([key, p]) => {
      const flag = p['x-flag'];
      const f = { key, doc: p.description, ts: tsType(p), dflt: p.default, required: (s.required ?? []).includes(key) };
      if (flag) {
        byName[flag.name] = key;
        f.flag = { ...flag, kind: flagKind(p), options: p.enum, min: p.minimum, max: p.maximum };
      }
      return f;
    });
    // exclusive / dependsOn / dependsOnAny name flags; check they exist.
    for (const f of fields) {
      for (const other of [...(f.flag?.exclusive ?? []), ...(f.flag?.dependsOn ?? []), ...(f.flag?.dependsOnAny ?? [])]) {
        if (!byName[other]) throw new Error(`gen-daemon: ${d.file}: ${f.key} refers to unknown flag ${other}`);
      }
    }
    return { ...d, fields, doc: s.description };
  });
  const model = { daemons, jsdoc };
  const flagsTpl = readFileSync(join(root, 'templates/daemon-flags.ts.ejs'), 'utf8');
  emit('daemon-flags.ts', banner('schema/daemon/*.schema.json, templates/daemon-flags.ts.ejs') + ejs.render(flagsTpl, model));
  const optionsTpl = readFileSync(join(root, 'templates/daemon-options.ts.ejs'), 'utf8');
  emit('daemon-options.ts', banner('schema/daemon/*.schema.json, templates/daemon-options.ts.ejs') + ejs.render(optionsTpl, model));
  const buildTpl = readFileSync(join(root, 'templates/daemon-builders.ts.ejs'), 'utf8');
  emit('daemon-builders.ts', banner('schema/daemon/*.schema.json, templates/daemon-builders.ts.ejs') + ejs.render(buildTpl, model));
}
